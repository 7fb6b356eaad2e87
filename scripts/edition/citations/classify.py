"""One note at a time: back-reference, explanatory, mixed or citation, and its reading."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from .chinese import read_chinese, unglue_role
from .english import read_english
from .grammar import CJK, FULL_DATE, kind_of, normalise, peel_locator, repair_brackets
from .names import plain_name, split_field_names
from .records import DATA, BackRef, NoteReading, Reading, Unreadable


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


def load_overrides(path: Path = DATA / "overrides.toml") -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


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
    except Unreadable as error:  # the grammar knows no such form: keep the note, say so
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


def garbled(title: str) -> bool:
    """A phrase of 8+ characters that occurs twice, as OCR duplication leaves it."""
    core = re.sub(r"\s+", "", title)
    return any(core.count(core[i:i + 8]) > 1 for i in range(len(core) - 7))
