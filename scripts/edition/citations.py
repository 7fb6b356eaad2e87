"""The footnotes' citations as distinct works, and those works as BibTeX.

    python -m edition.citations [--root DIR]      # prints the BibTeX

The thesis cites about 130 works in 273 footnotes, Taiwanese style: books
(劉慶元著，書名(台北市：出版社，2003 年)，頁 103), edited and translated books, chapters,
journal articles (作者，「篇名」，刊名，第 2 期(2005 年)，頁 21-23), newspaper pieces,
theses, reports, conference papers, web pages, and a few English citations.

Approach, one note at a time, then across notes:

1. Classify (`read_note`).  A note opening with 前揭書/前揭文/同上/同註 N (optionally
   "作者，前揭書") is a back-reference.  A note with no citation signal (a publication
   parenthesis with a year, a 頁/p. locator, a URL, or a short "source，date" line) is
   explanatory; an explanation followed by 請參閱/參見 + a source is mixed.
2. Read the citation (`read_chinese`, `read_english`).  The URL and the locator are peeled
   off the end, then the publication parenthesis (place：publisher，date).  What is left
   is split into the top-level "，" segments: leading agents (names + role 著/主編/編著/
   編/譯 …), the title (in 「」〈〉《》 or bare), and container segments (journal, issue,
   school, editor + book title, newspaper + date).  Which of these are present decides
   the entry type.  Notes that contain no CJK ideograph use a small English grammar.
3. Hand-supplied data (source/citations/overrides.toml) patches or replaces the reading
   of the few notes the grammar cannot read.  Each entry says why, and is guarded by the
   note's opening words so that it can never land on another note unnoticed.
4. Merge readings into works (`same_work`): the same normalised title (punctuation,
   subtitle separators, 夥/伙 and parenthesised years ignored), or titles whose segments
   are a subset of the other's (a dropped subtitle or series prefix) with a shared
   person, or, flagged as uncertain, a near-identical title with a shared person and the
   same publisher or journal.  The fullest title wins; other fields come from the first
   citation, gaps filled from later ones.
5. Resolve back-references.  In this thesis 前揭書 always points to the work of the
   nearest earlier citing note, book or not (124 → the article of 123, pages 109/109-110);
   when the pointed-to work is not what the word says (書 for an article, 文 for a book)
   the page must stay close to the previous citation of that work, or the note is listed
   as uncertain.
6. Keys: surname pinyin + year + first title word ("xing2007shanghai"), with the small
   pinyin table in source/citations/pinyin.toml; "work" + first note number when a part
   cannot be romanised.

Nothing is guessed silently: every repair, approximate merge, doubtful type or
unreadable note is listed in `Citations.uncertain` with the reason.
"""
from __future__ import annotations

import argparse
import copy
import difflib
import itertools
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "source" / "citations"

KINDS = ("citation", "web", "explanatory", "mixed", "back-reference")
FIELD_ORDER = (
    "author", "editor", "translator", "title", "booktitle", "journal", "volume", "number",
    "pages", "year", "month", "day", "address", "publisher", "school", "institution",
    "organization", "url", "note", "language",
)
BOOKLIKE = {"book", "incollection", "techreport"}

PAIRS = {"(": ")", "「": "」", "『": "』", "《": "》", "〈": "〉", "“": "”"}
CLOSERS = {v: k for k, v in PAIRS.items()}
CJK = "\u4e00-\u9fff"

# Roles, longest first.  等 = "et al."
ROLE = r"(等主編|等編著|等著|等譯|等編|合著|合譯|合編|原著|主編|編著|編印|編|著|譯)"
ROLE_FIELD = {"著": "author", "編": "editor", "印": "editor", "譯": "translator"}
# 編著 (compiled and written) names the compiler of a book: an editor, not its author.
ROLE_OVERRIDE = {"編著": "editor", "等編著": "editor"}
BACKREF = re.compile(
    r"^(?:(?P<who>[^，,。]{1,20})[，,]\s*)?"
    r"(?P<form>前揭書|前揭文|前引書|前引文|同上|同前註|同前|同註\s*(?P<target>\d+))\s*"
    r"(?:[，,]\s*(?P<loc>頁\s*\d[\d\-－~～、 ]*|pp?\.\s*\d[\d\-–]*))?\s*[。.]?\s*(?P<rest>.*)$",
    re.S,
)
PREFIX = re.compile(r"^(摘錄自|轉引自|請參閱|參閱|參見|詳見|引自|資料來源[：:])\s*")
SEE = re.compile(r"(請參閱|參閱|參見|詳見|資料來源[：:])")
URL = re.compile(r"https?://[^\s，。、」)\]]+")
URL_LABEL = re.compile(r"(參閱)?網址[：:]?")
LOCATOR = re.compile(
    r"(?P<loc>頁\s*\d[\d\-－~～、 ]*|pp?\.\s*\d[\d\-–]*|p\d[\d\-–]*|導言|第\s*\d+\s*版|版\s*\d+)\s*[。.]?\s*$"
)
BARE_PAGES = re.compile(r"\)\s*[，,]\s*(?P<loc>\d+(?:\s*-\s*\d+)?)\s*[。.]?\s*$")
DATE = re.compile(
    r"(?P<year>\d{4})\s*年\s*(?:(?P<month>\d{1,2}(?:\s*-\s*\d{1,2})?)\s*月)?\s*(?:(?P<day>\d{1,2})\s*日)?\s*版?"
)
FULL_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
ISSUE = re.compile(
    r"(?:(?P<year>\d{4})\s*年?\s*)?(?:第\s*)?(?:(?P<volume>\d+)\s*卷\s*)?(?:第\s*)?(?P<number>\d+)\s*期"
)
JOURNAL_LIKE = re.compile(r"(學報|期刊|雜誌|月刊|季刊)$")
CONFERENCE = re.compile(r"研討會|會議|論壇|年會")
MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
VARIANTS = str.maketrans({"伙": "夥"})
STOPWORDS = {"the", "a", "an", "of", "on", "in", "and"}


@dataclass
class Work:
    key: str
    entry_type: str
    fields: dict[str, str]
    language: str  # "zh" | "en"
    cited_in: list[int] = field(default_factory=list)


@dataclass
class NoteCitation:
    number: int
    kind: str  # one of KINDS
    works: list[str] = field(default_factory=list)
    locator: str = ""


@dataclass
class Citations:
    notes: dict[int, NoteCitation]
    works: dict[str, Work]
    uncertain: list[tuple[int, str]]


@dataclass
class Reading:
    """One citation as read from one note, before it is merged with the others."""

    entry_type: str
    fields: dict[str, str]
    people: list[str] = field(default_factory=list)  # plain names, for matching
    language: str = "zh"
    locator: str = ""


@dataclass
class BackRef:
    form: str  # 前揭書, 前揭文, 同上, 同註 …
    who: str  # the author named before 前揭書, or ""
    target: int  # N of 同註 N, else 0
    locator: str


@dataclass
class NoteReading:
    kind: str
    reading: Reading | None = None
    backref: BackRef | None = None
    problems: list[str] = field(default_factory=list)
    same_as: int = 0  # from an override: cites the work of this note


# ---------------------------------------------------------------- public functions


def parse_citations(notes: dict[int, str], overrides: dict | None = None) -> Citations:
    """All notes → their kind, the distinct works they cite, and what was uncertain.

    `overrides` defaults to source/citations/overrides.toml (pass {} for none)."""
    if overrides is None:
        overrides = load_overrides()
    readings = {n: read_with_override(n, notes[n], overrides.get(str(n))) for n in sorted(notes)}
    uncertain = [(n, p) for n, r in readings.items() for p in r.problems]
    apply_same_as(readings, uncertain)
    groups, group_of = merge_readings(readings, uncertain)
    note_groups, locators = resolve_backrefs(readings, groups, group_of, uncertain)
    works, key_of = build_works(groups, note_groups)
    cited = {
        n: NoteCitation(n, readings[n].kind, [key_of[g] for g in note_groups.get(n, [])], locators.get(n, ""))
        for n in readings
    }
    return Citations(cited, works, sorted(set(uncertain)))


def render_bibtex(citations: Citations) -> str:
    """One entry per distinct work, in order of first citation; values in braces, UTF-8."""
    return BIBTEX_HEADER + "\n".join(render_entry(work) for work in citations.works.values())


# Text outside entries is a comment to BibTeX readers; it must not contain an at sign.
BIBTEX_HEADER = """\
% Generated from the thesis's footnotes by the edition's converter (make docs); do not edit.
% One entry per cited work, read from the notes as they are written.  Corrections go in
% source/citations/overrides.toml (hand readings of single notes, each with its reason),
% or in scripts/edition/citations.py when the note grammar itself is at fault.

"""


def notes_of(edition) -> dict[int, str]:
    """The note texts of an edition.build.Edition, as parse_citations takes them."""
    return {number: note.text for number, note in edition.notes.items()}


def load_overrides(path: Path = DATA / "overrides.toml") -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


# ---------------------------------------------------------------- one note


def read_with_override(number: int, text: str, override: dict | None) -> NoteReading:
    text = normalise(text)
    if override is None:
        return read_note(text)
    if not text.startswith(normalise(override.get("starts", "\0"))):
        result = read_note(text)
        result.problems.append(f"override for note {number} does not match its text; ignored")
        return result
    if "same_as" in override:
        return NoteReading("citation", Reading("misc", {}, locator=peel_locator(text)[1]),
                           same_as=int(override["same_as"]))
    result = read_note(text)
    if result.reading is None:
        result = NoteReading("citation", Reading("misc", {}))
    reading = result.reading
    if "fields" in override:
        language = reading.language
        reading.fields = {k: str(v) for k, v in override["fields"].items()}
        reading.fields["language"] = "english" if language == "en" else "chinese"
        reading.people = [plain_name(n) for f in ("author", "editor", "translator")
                          for n in split_field_names(reading.fields.get(f, ""))]
        result.problems = []  # the hand-supplied data replaces the doubtful reading
    reading.entry_type = override.get("entry_type", reading.entry_type)
    reading.locator = override.get("locator", reading.locator)
    result.kind = kind_of(result.kind, reading)
    return result


def read_note(text: str) -> NoteReading:
    """Classify one note and read the citation in it, if any."""
    match = BACKREF.match(text)
    if match:
        return read_backref(match)
    see = SEE.search(text)
    if see and see.start() > 15 and has_citation_signal(text[see.end():]):
        result = read_citation(text[see.end():])
        result.kind = "mixed"
        return result
    if not has_citation_signal(text):
        return NoteReading("explanatory", problems=explanatory_doubts(text))
    return read_citation(text)


def explanatory_doubts(text: str) -> list[str]:
    """What might make a note without citation signals more than an explanation."""
    if not text.strip():
        return ["empty note"]
    doubts = [f"mentions {m} but gives no publication data; not treated as a citation"
              for m in re.findall(r"《[^》]+》", text)]
    if repair_brackets(text, []) != text:
        doubts.append("unbalanced brackets in a note read as explanatory")
    return doubts


def read_backref(match: re.Match) -> NoteReading:
    form = re.sub(r"\s+", "", match["form"])
    ref = BackRef(form[:2] if form.startswith("同註") else form, (match["who"] or "").strip(),
                  int(match["target"] or 0), (match["loc"] or "").strip())
    problems = [] if not match["rest"] or match["loc"] else [f"text after {form} not read: {match['rest'][:30]}"]
    return NoteReading("back-reference", backref=ref, problems=problems)


def has_citation_signal(text: str) -> bool:
    return bool(
        URL.search(text)
        or re.search(r"\([^()]*\d{4}[^()]*\)", text)
        or re.search(r"頁\s*\d|\bpp?\.?\s*\d|第\s*\d+\s*版|版\s*\d", text)
        or (len(text) <= 40 and FULL_DATE.search(text))
    )


def read_citation(text: str) -> NoteReading:
    body = PREFIX.sub("", text.strip())
    urls = URL.findall(body)
    body = URL_LABEL.sub("", URL.sub("", body)).strip(" ，,。：:")
    body, locator = peel_locator(body)
    problems: list[str] = []
    body = repair_brackets(unglue_role(body), problems)
    try:
        if not body:
            reading = Reading("online" if urls else "misc", {})
        elif re.search(f"[{CJK}]", body):
            reading = read_chinese(body, locator, problems)
        else:
            reading = read_english(body)
    except (ValueError, IndexError, KeyError) as error:  # never let one note stop the pass
        problems.append(f"could not be read ({error}); kept as a misc entry with the note's text")
        reading = Reading("misc", {"note": text})
    reading.locator = locator
    if urls:
        reading.fields["url"] = urls[0]
        if reading.entry_type == "misc":
            reading.entry_type = "online"
    reading.fields["language"] = "english" if reading.language == "en" else "chinese"
    if garbled(reading.fields.get("title", "")):
        problems.append("the title repeats a long phrase (garbled in the source); kept as written")
    return NoteReading(kind_of("citation", reading), reading, problems=problems)


def kind_of(kind: str, reading: Reading) -> str:
    if kind in ("mixed", "back-reference", "explanatory"):
        return kind
    return "web" if "url" in reading.fields else "citation"


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).strip()
    text = text.replace("（", "(").replace("）", ")")
    return re.sub(r"http(s?)：//", r"http\1://", text)


def peel_locator(body: str) -> tuple[str, str]:
    """(body without the locator, the locator as written)."""
    body = body.strip().rstrip("。").strip()
    match = LOCATOR.search(body) or BARE_PAGES.search(body)
    if not match:
        return body, ""
    return body[: match.start("loc")].rstrip(" ，,。.").strip(), match["loc"].strip()


def repair_brackets(text: str, problems: list[str]) -> str:
    """Drop brackets that have no partner, and say so."""
    stack, unmatched = [], []
    for i, ch in enumerate(text):
        if ch in PAIRS:
            stack.append(i)
        elif ch in CLOSERS:
            if stack and text[stack[-1]] == CLOSERS[ch]:
                stack.pop()
            else:
                unmatched.append(i)
    unmatched += stack
    if not unmatched:
        return text
    marks = "".join(text[i] for i in sorted(unmatched))
    problems.append(f"unbalanced brackets ({marks}); the unmatched marks were dropped before reading")
    return "".join(ch for i, ch in enumerate(text) if i not in set(unmatched))


def split_top(text: str, separator: str = "，") -> list[str]:
    """Split at separators outside any brackets."""
    parts, depth, current = [], 0, []
    for ch in text:
        if ch in PAIRS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
        if ch == separator and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def unquote(segment: str) -> tuple[str, bool]:
    """「篇名」 → (篇名, True) when the brackets wrap the whole segment."""
    if len(segment) >= 2 and segment[0] in PAIRS and segment[-1] == PAIRS[segment[0]]:
        depth = 0
        for i, ch in enumerate(segment):
            depth += ch in PAIRS
            depth -= ch in CLOSERS
            if depth == 0 and i < len(segment) - 1:
                return segment, False
        return segment[1:-1].strip(), True
    return segment, False


# ---------------------------------------------------------------- Chinese citations


def read_chinese(body: str, locator: str, problems: list[str]) -> Reading:
    before, paren = peel_paren(body)
    publication = read_publication(paren) if paren is not None else {}
    segments = split_segments(before)
    if segments and all(DATE.fullmatch(s) for s in segments):  # 「http://… 2004 年 11 月 15 日」
        return Reading("misc", date_fields(segments[-1]), [], "zh")
    agents, i = leading_agents(segments)
    title, quoted = unquote(segments[i]) if i < len(segments) else ("", False)
    container = read_container(segments[i + 1:])
    fields: dict[str, str] = {}
    entry_type = chinese_type(title, quoted, container, publication, locator, problems)
    if entry_type == "source":  # a bare source name: newspaper, web site or broadcast
        entry_type, fields = source_only(title)
    else:
        fields.update(title_fields(entry_type, title, container, publication))
    people = add_agents(fields, agents, container["editors"])
    fields.update(date_fields(publication.get("date") or container["date"] or container.get("issue_year", "")))
    for name in ("address", "publisher"):
        if publication.get(name):
            fields[name] = publication[name]
    if "版" in locator:
        fields["pages"] = re.search(r"\d+", locator).group(0)
    fields = {k: v for k, v in fields.items() if v}
    return Reading(refine_type(entry_type, fields), fields, people, "zh")


def refine_type(entry_type: str, fields: dict[str, str]) -> str:
    """The kinds GB/T 7714 tells apart that the note's form alone does not: a newspaper
    (報, not 學報; or a paper of a given day) gets entrysubtype=newspaper (→ [N]); a book
    whose title calls it a report (報告, 報告書) is a report (→ [R])."""
    if entry_type == "article" and is_newspaper(fields):
        fields["entrysubtype"] = "newspaper"
    if entry_type == "book" and "報告" in fields.get("title", ""):
        return "techreport"
    return entry_type


def is_newspaper(fields: dict[str, str]) -> bool:
    journal = fields.get("journal", "")
    if JOURNAL_LIKE.search(journal):  # 學報, 雜誌, 月刊 …: journals
        return False
    return journal.endswith("報") or bool(fields.get("day"))


def peel_paren(body: str) -> tuple[str, str | None]:
    """The publication parenthesis at the end: (text before it, its content)."""
    text = body.rstrip(" ，,。.")
    if not text.endswith(")"):
        return body, None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        depth += text[i] == ")"
        depth -= text[i] == "("
        if depth == 0:
            content = text[i + 1:-1]
            if "年" in content or "：" in content or ":" in content:
                return text[:i].rstrip(" ，,。"), content
            return body, None
    return body, None


def read_publication(content: str) -> dict[str, str]:
    """「台北市：揚智文化事業股份有限公司，2003 年」 → address, publisher, date (or venue)."""
    parts = [p.strip() for p in split_top(content)]
    result: dict[str, str] = {}
    if parts and DATE.fullmatch(parts[-1]):
        result["date"] = parts.pop()
    rest = "，".join(parts).strip()
    colon = re.match(r"([^：:]+)[：:](.+)$", rest)
    if colon:
        result["address"], result["publisher"] = colon[1].strip(), colon[2].strip()
    elif CONFERENCE.search(rest):
        result["venue"] = rest
    elif re.fullmatch(r".{1,4}[市縣]|.{1,3}", rest):
        result["address"] = rest
    elif rest:
        result["publisher"] = rest
    return result


def unglue_role(body: str) -> str:
    """「A、B編：書名」 and 「某所編《書名」 glue the role to the title: put the comma back."""
    glued = re.match(rf"^(.{{1,60}}?{ROLE})(?:[：:]|(?=《))", body)
    if glued and agent_parts(glued[1]):
        return glued[1] + "，" + body[glued.end():]
    return body


def split_segments(text: str) -> list[str]:
    segments = [s.strip().rstrip("。").strip() for s in split_top(text)]
    return [s for s in segments if s]


def leading_agents(segments: list[str]) -> tuple[list[tuple[list[str], str]], int]:
    """The (names, field) of the agents before the title, and the title's index."""
    quoted_at = next((i for i, s in enumerate(segments) if unquote(s)[1]), None)
    agents: list[tuple[list[str], str]] = []
    pending: list[str] = []
    i = 0
    while i < len(segments):
        segment = segments[i]
        if unquote(segment)[1]:
            break
        parts = agent_parts(segment)
        if parts:
            if pending:
                parts[0] = (pending + parts[0][0], parts[0][1])
                pending = []
            agents.extend(parts)
        elif (quoted_at is not None and i < quoted_at) or (
            is_name_list(segment) and i < len(segments) - 1 and not DATE.fullmatch(segments[i + 1])
        ):
            pending.extend(split_names(segment))
        else:
            break
        i += 1
    if pending:
        agents.append((pending, "author"))
    return agents, i


def agent_parts(segment: str) -> list[tuple[list[str], str]] | None:
    """「Philippe Sebille-Lopez 著、潘革平譯」 → [([Philippe Sebille-Lopez], author), ([潘革平], translator)]."""
    parts = []
    for piece in re.split(r"(?<=[著編譯印])、", segment):
        match = re.fullmatch(rf"(.+?)\s*{ROLE}", piece.strip())
        if not match or not names_ok(match[1]):
            return None
        names = split_names(match[1]) + (["others"] if match[2].startswith("等") else [])
        parts.append((names, ROLE_OVERRIDE.get(match[2]) or ROLE_FIELD[match[2][-1]]))
    return parts


def names_ok(text: str) -> bool:
    return len(text) <= 60 and "：" not in text and text[0] not in PAIRS and not DATE.search(text)


def split_names(text: str) -> list[str]:
    names = re.split(r"、|，|,\s*|\s+and\s+", text)
    return [n.strip().rstrip(".").strip() for n in names if n.strip()]


def is_name_list(segment: str) -> bool:
    return all(is_person(n) for n in split_names(segment))


def is_person(name: str) -> bool:
    if re.fullmatch(f"[{CJK}]{{2,4}}", name):
        return not name.endswith(("報", "網", "社", "刊", "所", "院"))
    return bool(re.fullmatch(r"[A-Z][A-Za-z.\- ]+", name))


def read_container(segments: list[str]) -> dict:
    """Sort the segments after the title: names, issue, date, school, editors."""
    result: dict = {"names": [], "editors": [], "date": "", "school": "", "issue": None}
    for segment in segments:
        issue = ISSUE.fullmatch(segment)
        if DATE.fullmatch(segment):
            result["date"] = segment
        elif issue:
            result["issue"] = issue
            result["issue_year"] = f"{issue['year']} 年" if issue["year"] else ""
        elif re.search(r"[碩博]士論文$", segment):
            result["school"] = segment[:-4]
            result["degree"] = segment[-4:]
        elif agent_parts(segment):
            result["editors"] += [n for names, _ in agent_parts(segment) for n in names]
        else:
            result["names"].append(unquote(segment)[0])
    return result


def chinese_type(title: str, quoted: bool, container: dict, publication: dict, locator: str,
                 problems: list[str]) -> str:
    names = container["names"]
    if len(names) > 1:
        problems.append(f"segments not understood, ignored: {'，'.join(names[:-1])}")
    newspaper = "版" in locator or (names and names[-1].endswith("報") and FULL_DATE.search(container["date"]))
    if container["school"]:
        return "mastersthesis" if container["degree"] == "碩士論文" else "phdthesis"
    if container["issue"] or (names and JOURNAL_LIKE.search(names[-1])):
        if not quoted:
            problems.append("article title is not in 「」; read as the segment after the author")
        if container["editors"] or publication.get("publisher"):
            problems.append("cited like a chapter (編, publisher) but the container is a journal; typed article")
        return "article"
    if names and newspaper:
        return "article"
    if names and (publication.get("publisher") or publication.get("address") or container["editors"]):
        return "incollection"
    if not names and publication.get("venue"):
        return "inproceedings"
    if names and quoted:
        return "misc"  # an institution's paper or a web page (online once a URL is added)
    if publication.get("publisher") or publication.get("address"):
        return "book"
    if title and not quoted and not names:
        return "source"
    if quoted:
        return "misc"
    raise ValueError("no title, container or publication found")


def title_fields(entry_type: str, title: str, container: dict, publication: dict) -> dict[str, str]:
    names = container["names"]
    fields = {"title": title}
    if entry_type == "article":
        fields["journal"] = names[-1] if names else ""
        issue = container["issue"]
        if issue:
            fields["volume"], fields["number"] = issue["volume"] or "", issue["number"]
    elif entry_type in ("incollection", "inproceedings"):
        fields["booktitle"] = names[-1] if names else publication.get("venue", "")
    elif entry_type in ("mastersthesis", "phdthesis"):
        fields["school"] = container["school"]
    elif entry_type == "misc" and names:
        fields["organization"] = names[-1]
    return fields


def source_only(name: str) -> tuple[str, dict[str, str]]:
    """「聯合報，1996 年 4 月 22 日，版 9」, 「俄羅斯新聞網，2006 年 6 月 15 日」, 「…評論，2004 年…」."""
    if name.endswith("報"):
        return "article", {"journal": name}
    if name.endswith(("網", "網站")):
        return "online", {"organization": name}
    return "misc", {"title": name}


def add_agents(fields: dict[str, str], agents: list[tuple[list[str], str]], editors: list[str]) -> list[str]:
    """Write author/editor/translator (and web sites as organization); return the plain names."""
    people: dict[str, list[str]] = {"author": [], "editor": [], "translator": []}
    for names, role in agents:
        for name in names:
            if role == "author" and name.endswith(("網", "網站")):
                fields["organization"] = name
            else:
                people[role].append(name)
    people["editor"] += editors
    for role, names in people.items():
        if names:
            fields[role] = " and ".join(bibtex_name(n) for n in names)
    return [plain_name(n) for names in people.values() for n in names if n != "others"]


def date_fields(date: str) -> dict[str, str]:
    match = DATE.search(date or "")
    if not match:
        return {}
    month = re.sub(r"\s+", "", match["month"] or "")
    return {"year": match["year"], "month": month, "day": match["day"] or ""}


# ---------------------------------------------------------------- English citations


def read_english(body: str) -> Reading:
    body = body.strip(" ,.")
    quoted = re.match(r"(?P<who>[^,“\"]+?)\s*,\s*[“\"](?P<title>[^”\"]+?)[,，]?\s*[”\"]\s*,?\s*(?P<rest>.*)$", body)
    if quoted:
        fields = {"title": quoted["title"].strip()}
        rest = quoted["rest"]
        volume = re.search(r"Vol\.?\s*(\d+)", rest)
        if volume:
            entry_type = "article"
            fields["journal"] = rest[: volume.start()].strip(" ,")
            fields["volume"] = volume[1]
            fields.update(english_date(rest[volume.end():]))
        else:
            entry_type = "misc"
            fields.update(english_date(rest))
    else:
        book = re.match(r"(?P<who>[^,]+?),\s*(?P<title>[^(]+?),?\s*\((?P<pub>[^()]*)\)", body)
        if not book:
            raise ValueError("English citation of an unknown form")
        entry_type, fields = "book", {"title": book["title"].strip()}
        fields.update(english_publication(book["pub"]))
    match = quoted or book
    names = split_names(match["who"])
    fields["author"] = " and ".join(bibtex_name(n) for n in names)
    return Reading(entry_type, fields, [plain_name(n) for n in names], "en")


def english_publication(content: str) -> dict[str, str]:
    """「Northants, UK : Oxford University Press, October 2005」."""
    place, _, rest = content.rpartition(":")
    publisher, _, date = rest.rpartition(",")
    fields = {"address": place.strip(), "publisher": publisher.strip()}
    fields.update(english_date(date))
    return fields


def english_date(text: str) -> dict[str, str]:
    year = re.search(r"\b(\d{4})\b", text)
    month = re.search(r"\b([A-Z][a-z]{2})[a-z]*\.?\s+\d{4}", text)
    fields = {"year": year[1]} if year else {}
    if month and month[1].lower() in MONTHS:
        fields["month"] = str(MONTHS[month[1].lower()])
    return fields


# ---------------------------------------------------------------- names


def bibtex_name(name: str) -> str:
    """A name as BibTeX reads it right.

    A Western person is written "Surname, Given" with the initials spaced, so that the
    style can give surname + initials ("L.F.Locke" → "Locke, L. F."); a given name the
    note writes in lower case is capitalised ("W.lawrence" → "W. Lawrence"), as BibTeX
    would otherwise take it for a particle.  Anything else with a space or a dot (CJK
    renderings "R.M.伯勒爾", corporate authors) is braced: kept whole, as written."""
    if name == "others":
        return name
    if re.fullmatch(r"[A-Z][A-Za-z.\-]*(?:\s+[A-Z][A-Za-z.\-]*)*", name):
        parts = [p for p in re.split(r"\s+|(?<=\.)(?=[A-Za-z])", name) if p]
        if len(parts) == 1:
            return name
        given = " ".join(p[:1].upper() + p[1:] for p in parts[:-1])
        return f"{parts[-1]}, {given}"
    if " " in name or "." in name or "．" in name:
        return "{" + name + "}"
    return name


def plain_name(name: str) -> str:
    return re.sub(r"[{}\s]", "", name)


def split_field_names(value: str) -> list[str]:
    return [n.strip("{} ") for n in value.split(" and ") if n.strip() and n.strip() != "others"]


# ---------------------------------------------------------------- merging


def apply_same_as(readings: dict[int, NoteReading], uncertain: list) -> None:
    for number, result in readings.items():
        if not result.same_as:
            continue
        target = readings.get(result.same_as)
        if target is None or target.reading is None:
            uncertain.append((number, f"override points to note {result.same_as}, which cites nothing"))
            result.reading = Reading("misc", {"language": "chinese"})
            continue
        locator = result.reading.locator
        result.reading = copy.deepcopy(target.reading)
        result.reading.locator = locator
        result.kind = kind_of("citation", result.reading)


def merge_readings(readings: dict[int, NoteReading], uncertain: list) -> tuple[list[list], dict[int, int]]:
    """Group the readings into works: groups[i] = [(note, Reading), …]."""
    groups: list[list[tuple[int, Reading]]] = []
    group_of: dict[int, int] = {}
    for number, result in readings.items():
        if result.reading is None:
            continue
        best = None
        for index, group in enumerate(groups):
            verdicts = [same_work(result.reading, other) for _, other in group]
            verdict = min((v for v in verdicts if v), key=["exact", "variant", "approximate"].index, default=None)
            if verdict and (best is None or verdict == "exact"):
                best = (index, verdict)
                if verdict == "exact":
                    break
        if best is None:
            groups.append([(number, result.reading)])
            group_of[number] = len(groups) - 1
            continue
        index, verdict = best
        if verdict == "approximate":
            first = groups[index][0][0]
            uncertain.append((number, f"merged with the work of note {first} by an approximate title match"))
        groups[index].append((number, result.reading))
        group_of[number] = index
    return groups, group_of


def family(entry_type: str) -> str:
    return {"book": "book", "techreport": "book", "online": "web", "misc": "web"}.get(entry_type, entry_type)


def same_work(a: Reading, b: Reading) -> str | None:
    """"exact", "variant" (dropped subtitle/series), "approximate" (flagged), or None."""
    if family(a.entry_type) != family(b.entry_type):
        return None
    year_a, year_b = a.fields.get("year"), b.fields.get("year")
    if year_a and year_b and year_a != year_b:
        return None
    title_a, title_b = a.fields.get("title", ""), b.fields.get("title", "")
    if not title_a or not title_b:  # untitled: the same URL, or the same paper of the same day
        if a.fields.get("url") and a.fields.get("url") == b.fields.get("url"):
            return "exact"
        dated = ("journal", "organization", "year", "month", "day")
        same_day = not title_a and not title_b and year_a and all(a.fields.get(f) == b.fields.get(f) for f in dated)
        return "exact" if same_day else None
    shared = set(a.people) & set(b.people)
    same_container = any(a.fields.get(f) and a.fields.get(f) == b.fields.get(f)
                         for f in ("publisher", "journal", "organization"))
    if title_core(title_a) == title_core(title_b):  # e.g. 24/174: 德拉干那 / 德拉幹那, same journal
        return "exact" if shared or same_container or not (a.people and b.people) else None
    if not shared:
        return None
    segments_a, segments_b = title_segments(title_a), title_segments(title_b)
    if segments_a <= segments_b or segments_b <= segments_a:
        return "variant"
    ratio = difflib.SequenceMatcher(None, title_core(title_a), title_core(title_b)).ratio()
    return "approximate" if same_container and ratio >= 0.85 else None


def title_core(title: str) -> str:
    text = unicodedata.normalize("NFKC", title).translate(VARIANTS)
    text = re.sub(r"\([^()]*\)", "", text)
    return re.sub(r"[\W_]+", "", text).lower()


def title_segments(title: str) -> set[str]:
    text = unicodedata.normalize("NFKC", title).translate(VARIANTS)
    text = re.sub(r"\([^()]*\)", "", text)
    return {title_core(s) for s in re.split(r"[:：\-—－~～]+", text) if title_core(s)}


def canonical(group: list[tuple[int, Reading]]) -> tuple[str, dict[str, str], str]:
    """Entry type, fields and language of a merged work."""
    first = group[0][1]
    fields = dict(first.fields)
    for _, reading in group[1:]:
        for name, value in reading.fields.items():
            if name in ("author", "editor") and value in (fields.get("author"), fields.get("editor")):
                continue  # the same people in another role (編著 here, 著 there): the first note's word stands
            fields.setdefault(name, value)
    titles = [r.fields["title"] for _, r in group if r.fields.get("title")]
    if titles:
        fields["title"] = max(titles, key=lambda t: (len(title_segments(t)), t.count("("), -titles.index(t)))
    entry_type = first.entry_type
    if entry_type == "misc" and "url" in fields:
        entry_type = "online"
    return entry_type, fields, first.language


# ---------------------------------------------------------------- back-references


def resolve_backrefs(readings: dict[int, NoteReading], groups: list, group_of: dict[int, int],
                     uncertain: list) -> tuple[dict[int, list[int]], dict[int, str]]:
    """Each note → the groups it cites, and each note's locator."""
    note_groups: dict[int, list[int]] = {}
    locators: dict[int, str] = {}
    previous = 0  # the last note that cited something
    for number, result in readings.items():
        if result.reading is not None:
            note_groups[number], locators[number] = [group_of[number]], result.reading.locator
        elif result.backref is not None:
            ref = result.backref
            pointed = backref_source(ref, number, previous, note_groups, groups, uncertain)
            if pointed:
                note_groups[number] = list(note_groups[pointed])
                locators[number] = ref.locator or (locators[pointed] if ref.form in ("同上", "同前") else "")
                check_backref(number, ref, pointed, note_groups, groups, locators, uncertain)
        if note_groups.get(number):
            previous = number
    return note_groups, locators


def backref_source(ref: BackRef, number: int, previous: int, note_groups: dict, groups: list,
                   uncertain: list) -> int:
    """The earlier note whose work the back-reference means (0 if none)."""
    if ref.target:
        if ref.target < number and note_groups.get(ref.target):
            return ref.target
        uncertain.append((number, f"同註 {ref.target} points to a note that cites nothing before it"))
        return 0
    if ref.who:
        for earlier in sorted(note_groups, reverse=True):
            people = {p for g in note_groups[earlier] for _, r in groups[g] for p in r.people}
            if any(ref.who in p or p in ref.who for p in people):
                return earlier
        uncertain.append((number, f"no earlier work by {ref.who} for {ref.form}"))
        return 0
    if not previous:
        uncertain.append((number, f"{ref.form} with no earlier citation"))
    return previous


def check_backref(number: int, ref: BackRef, pointed: int, note_groups: dict, groups: list,
                  locators: dict, uncertain: list) -> None:
    """前揭書 meaning an article (or 前揭文 a book) must continue the pages of that citation."""
    entry_type = canonical(groups[note_groups[pointed][0]])[0]
    says_book = ref.form in ("前揭書", "前引書")
    says_article = ref.form in ("前揭文", "前引文")
    if not ((says_book and entry_type not in BOOKLIKE) or (says_article and entry_type in BOOKLIKE)):
        return
    here, there = first_page(ref.locator), first_page(locators.get(pointed, ""))
    if here is None or there is None or abs(here - there) > 15:
        uncertain.append((number, f"{ref.form} resolved to the {entry_type} of note {pointed}, "
                                  "but the pages do not confirm it"))


def first_page(locator: str) -> int | None:
    match = re.search(r"\d+", locator or "")
    return int(match.group(0)) if match else None


# ---------------------------------------------------------------- works and keys


def build_works(groups: list, note_groups: dict[int, list[int]]) -> tuple[dict[str, Work], dict[int, str]]:
    table = pinyin_table()
    works: dict[str, Work] = {}
    key_of: dict[int, str] = {}
    order = sorted(range(len(groups)), key=lambda g: groups[g][0][0])
    for index in order:
        entry_type, fields, language = canonical(groups[index])
        key = unique_key(work_key(fields, groups[index][0][0], table), works)
        fields = with_title(entry_type, fields)
        cited_in = sorted(n for n, gs in note_groups.items() if index in gs)
        works[key] = Work(key, entry_type, fields, language, cited_in)
        key_of[index] = key
    renamed = prefix_free_keys(list(works))
    works = {renamed[k]: Work(renamed[k], w.entry_type, w.fields, w.language, w.cited_in) for k, w in works.items()}
    check_keys(list(works))
    return works, {index: renamed[key] for index, key in key_of.items()}


def with_title(entry_type: str, fields: dict[str, str]) -> dict[str, str]:
    """A web page the note cites by its site alone is titled by its site name (as GB/T 7714
    lists it), or by the URL's host when the note gives only the URL; a newspaper cited by
    its name, day and page alone by the paper's name.  Nothing else is supplied."""
    if fields.get("title") or entry_type not in ("online", "article"):
        return fields
    fields = dict(fields)
    if fields.get("entrysubtype") == "newspaper":  # a page of a paper cited by its name alone
        fields["title"] = fields.pop("journal")
        return fields
    if fields.get("organization"):
        fields["title"] = fields.pop("organization")
    elif fields.get("url"):
        fields["title"] = re.sub(r"^https?://", "", fields["url"]).split("/")[0]
    return fields


def prefix_free_keys(keys: list[str]) -> dict[str, str]:
    """Old key → new key, so that no key is the beginning of another.

    Why: the reference list passes through mkdocs-bibtex, which replaces each bare `@key`
    with `markdown.replace("@" + key, text)` (a plain substring replace) over keys taken
    from a set, whose order follows the hash seed.  A key that begins another
    (`shanghai`, `shanghai2003`) would overwrite the longer one's place in some builds.
    The shorter key gets the letter "a" (as "2003a" in author-date lists) until it
    begins no other key; keys that begin nothing keep their name."""
    renamed = {key: key for key in keys}
    while True:
        current = sorted(renamed.values())
        short = next((a for a, b in zip(current, current[1:]) if b.startswith(a)), None)
        if short is None:
            return renamed
        others = [k for k in current if k != short]
        new = next(short + suffix for suffix in letter_suffixes()
                   if not any(k.startswith(short + suffix) or (short + suffix).startswith(k) for k in others))
        renamed[next(k for k, v in renamed.items() if v == short)] = new


def letter_suffixes():
    """a, b, …, z, aa, ab, …"""
    letters = "abcdefghijklmnopqrstuvwxyz"
    for length in range(1, 4):
        yield from ("".join(p) for p in itertools.product(letters, repeat=length))


def check_keys(keys: list[str]) -> None:
    """Refuse a key set the reference list cannot show right (see prefix_free_keys)."""
    for a, b in zip(sorted(keys), sorted(keys)[1:]):
        if b.startswith(a):
            raise ValueError(f"BibTeX key {a!r} is the beginning of key {b!r}: mkdocs-bibtex would "
                             f"put one entry's text in the other's place; keys must not be prefixes of one another")


def work_key(fields: dict[str, str], first_note: int, table: dict[str, str]) -> str:
    """surname + year + first title word, e.g. xing2007shanghai; work045 if that fails."""
    names = split_field_names(fields.get("author", "")) or split_field_names(fields.get("editor", ""))
    name = romanise_name(names[0], table) if names else ""
    source = fields.get("title") or fields.get("journal") or fields.get("organization")
    word = romanise_word(source, table) if source else url_label(fields.get("url", ""))
    if name is None or word is None:
        return f"work{first_note:03d}"
    key = name + fields.get("year", "") + word if name else word + fields.get("year", "")
    return key if re.fullmatch(r"[a-z][a-z0-9]*", key) else f"work{first_note:03d}"


def unique_key(key: str, taken: dict) -> str:
    if key not in taken:
        return key
    suffix = "bcdefghijklmnopqrstuvwxyz"
    return next(key + s for s in suffix if key + s not in taken)


def romanise_name(name: str, table: dict[str, str]) -> str | None:
    latin = re.search(r"\(([^()]*[A-Za-z][^()]*)\)", name)
    if latin:  # 布裏辛斯基(Zbigniew Brzezinski)
        name = latin[1]
    if not re.search(f"[{CJK}]", name):
        name = name.split(",")[0]  # "Locke, L. F.": the surname
        words = [w for w in re.split(r"[\s.]+", name) if w]
        corporate = any(w in STOPWORDS for w in words)  # "Office of the Secretary …"
        word = words[0] if corporate else words[-1]
        return re.sub(r"[^a-z]", "", word.lower()) or None
    tail = re.split(r"[.．]", name)[-1]
    if tail != name:  # a transliterated foreign name: its last part in full
        return romanise(re.sub(f"[^{CJK}]", "", tail), table)
    cjk = re.sub(f"[^{CJK}]", "", name)
    return romanise(cjk[:1] if is_person(cjk) else cjk[:2], table)


def romanise_word(title: str, table: dict[str, str]) -> str | None:
    for token in re.findall(rf"[A-Za-z]+|[{CJK}]+", unicodedata.normalize("NFKC", title)):
        if re.fullmatch("[A-Za-z]+", token):
            if token.lower() not in STOPWORDS:
                return token.lower()
        else:
            return romanise(token[:2], table)
    return None


def romanise(text: str, table: dict[str, str]) -> str | None:
    syllables = [table.get(ch) for ch in text]
    return "".join(syllables) if text and all(syllables) else None


def url_label(url: str) -> str:
    host = re.sub(r"^https?://", "", url).split("/")[0]
    labels = [label for label in host.split(".") if label not in ("www", "big5")]
    return re.sub(r"[^a-z]", "", labels[0].lower()) if labels else ""


def pinyin_table(path: Path = DATA / "pinyin.toml") -> dict[str, str]:
    """Character → syllable, from "syllable = 'characters'" lines."""
    if not path.exists():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {ch: syllable for syllable, chars in data.items() for ch in chars}


def garbled(title: str) -> bool:
    """A phrase of 8+ characters that occurs twice, as OCR duplication leaves it."""
    core = re.sub(r"\s+", "", title)
    return any(core.count(core[i:i + 8]) > 1 for i in range(len(core) - 7))


# ---------------------------------------------------------------- BibTeX


def render_entry(work: Work) -> str:
    names = [n for n in FIELD_ORDER if work.fields.get(n)]
    names += sorted(n for n in work.fields if n not in FIELD_ORDER and work.fields[n])
    lines = [f"  {n} = {{{braced(work.fields[n])}}}" for n in names]
    return f"@{work.entry_type}{{{work.key},\n" + ",\n".join(lines) + "\n}\n"


def braced(value: str) -> str:
    """The value as is when its braces balance, else without braces."""
    depth = 0
    for ch in value:
        depth += ch == "{"
        depth -= ch == "}"
        if depth < 0:
            break
    return value if depth == 0 else value.replace("{", "").replace("}", "")


def main(argv: list[str] | None = None) -> int:
    from .build import convert

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("."))
    args = parser.parse_args(argv)
    print(render_bibtex(parse_citations(notes_of(convert(args.root)))), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
