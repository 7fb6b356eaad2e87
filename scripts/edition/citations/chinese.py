"""The Chinese citation grammar: agents, title, container and the publication parenthesis."""
from __future__ import annotations

import re

from .grammar import DATE, FULL_DATE, split_top, unquote
from .names import bibtex_name, is_name_list, names_ok, plain_name, split_names
from .records import Reading, Unreadable


# Roles, longest first.  等 = "et al."
ROLE = r"(等主編|等編著|等著|等譯|等編|合著|合譯|合編|原著|主編|編著|編印|編|著|譯)"
ROLE_FIELD = {"著": "author", "編": "editor", "印": "editor", "譯": "translator"}
# 編著 (compiled and written) names the compiler of a book: an editor, not its author.
ROLE_OVERRIDE = {"編著": "editor", "等編著": "editor"}
ISSUE = re.compile(
    r"(?:(?P<year>\d{4})\s*年?\s*)?(?:第\s*)?(?:(?P<volume>\d+)\s*卷\s*)?(?:第\s*)?(?P<number>\d+)\s*期"
)
JOURNAL_LIKE = re.compile(r"(學報|期刊|雜誌|月刊|季刊)$")
CONFERENCE = re.compile(r"研討會|會議|論壇|年會")


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
    issued as a report (報告, 報告書) by the body that wrote it, not by a publishing house,
    is a report (→ [R]).  A work is typed by what it is, not by a word in its title: a
    yearbook of a 皮書 series (…發展報告, 黃皮書--…報告) edited for a press is a book."""
    if entry_type == "article" and is_newspaper(fields):
        fields["entrysubtype"] = "newspaper"
    if entry_type == "book" and is_report(fields):
        return "techreport"
    return entry_type


PUBLISHING_HOUSE = re.compile(r"出版社|出版公司|出版有限公司|書局|印書館|文化事業")


def is_report(fields: dict[str, str]) -> bool:
    """A report: titled as one, issued by its own body (國防部), neither a 皮書 yearbook nor
    a book a press published."""
    title = fields.get("title", "")
    if "報告" not in title or "皮書" in title:
        return False
    return not PUBLISHING_HOUSE.search(fields.get("publisher", ""))


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
    raise Unreadable("no title, container or publication found")


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
