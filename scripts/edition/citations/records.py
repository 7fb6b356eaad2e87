"""The parser's records: a note's reading, a back-reference, a work, the result; and its problems."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
DATA = Path(__file__).resolve().parents[3] / "source" / "citations"

KINDS = ("citation", "web", "explanatory", "mixed", "back-reference")
FIELD_ORDER = (
    "author", "editor", "translator", "title", "booktitle", "journal", "volume", "number",
    "pages", "year", "month", "day", "address", "publisher", "school", "institution",
    "organization", "url", "note", "language",
)
BOOKLIKE = {"book", "incollection", "techreport"}


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


class Unreadable(ValueError):
    """The grammar's own refusal: a citation of a form it does not know (the note is kept
    as a misc entry with its text, and the reason listed)."""


class Problems:
    """What the parser was unsure of, note by note: collected by every step, listed in
    the edition report (Citations.uncertain), never guessed away."""

    def __init__(self) -> None:
        self.found: list[tuple[int, str]] = []

    def add(self, note: int, why: str) -> None:
        self.found.append((note, why))

    def listed(self) -> list[tuple[int, str]]:
        return sorted(set(self.found))
