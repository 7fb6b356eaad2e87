"""Read pass: the source file as numbered, NFC-normalised lines.

NFC maps the ~9,000 CJK compatibility ideographs (U+F900–U+FAFF, e.g. U+F98E) to their
unified forms, so that readers, search and OpenCC see 年, not a look-alike.  Every
character it changes is counted, because that count is an editorial normalisation the
edition reports.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import THESIS, EditionError, SourceError


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the source file
    raw: str  # exactly as in the source
    text: str  # NFC-normalised

    @property
    def blank(self) -> bool:
        return self.raw == ""

    @property
    def stripped(self) -> str:
        return self.text.strip()


@dataclass
class Source:
    lines: list[Line]
    normalised: Counter = field(default_factory=Counter)  # (from, to) -> count

    def line(self, number: int) -> Line:
        return self.lines[number - 1]


def decode(data: bytes) -> str:
    """UTF-8 text with the editor's traces removed: a byte-order mark, CRLF or CR line ends.

    They are invisible to a reader, so the same text must give the very same edition."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(line, "UTF-8 text", data[error.start : error.start + 4].hex(" ")) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_source(path: Path) -> Source:
    path = Path(path)
    if not path.is_file():
        raise EditionError(THESIS, "", "the thesis text as a file", "no such file")
    text = decode(path.read_bytes())
    if not text.strip():
        raise SourceError(1, "the thesis text", "an empty file")
    return parse_source(text)


def parse_source(text: str) -> Source:
    normalised: Counter = Counter()
    lines = []
    for number, raw in enumerate(text.split("\n"), start=1):
        nfc = unicodedata.normalize("NFC", raw)
        if nfc != raw:
            for char in raw:
                unified = unicodedata.normalize("NFC", char)
                if unified != char:
                    normalised[(char, unified)] += 1
        lines.append(Line(number, raw, nfc))
    return Source(lines, normalised)
