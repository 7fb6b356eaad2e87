"""The author's slips (source/slips.toml): where each stands, as written, and its likely reading.

One entry per place.  Each entry is checked against the source before any pass runs: its
characters must stand at its line (after NFC), as the `occurrence`-th on that line when
they stand there more than once, and may run on across a hard wrap to the next line of
the same kind; no entry may cover a note marker or a page break (checked once the markers
are known: `check_clear_of_markers`), and no two entries may overlap.  A changed source is
refused with the entry, the line and what was expected.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import THESIS, DataError
from .curated import read_toml, relative, require
from .source import Source

FILE = "source/slips.toml"
KINDS = {
    "homophone": "同音別字",
    "lookalike": "形近誤字",
    "extra": "衍字",
    "missing": "脫字",
    "converter": "轉換誤詞",
    "name": "人名地名誤植",
    "transposition": "倒文",
    "number": "數字日期誤植",
    "title": "書名篇名誤植",
}
CERTAINTIES = {"high": "確定", "medium": "可能"}
SLIP_KEYS = {"line": int, "sic": str, "corr": str, "kind": str, "cert": str, "reason": str}


@dataclass(frozen=True)
class Slip:
    """One place: `sic` as written from `column` of `line` (NFC), running on to `lines[-1]`."""

    number: int  # 1-based, in thesis order: the entry's id (slip-N)
    line: int
    column: int  # index of the first character in the line's NFC text
    sic: str
    corr: str
    kind: str
    cert: str
    reason: str
    occurrence: int = 1
    lines: tuple[int, ...] = ()  # the source lines it stands on (one, or two across a wrap)

    @property
    def id(self) -> str:
        return f"slip-{self.number}"

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def cert_label(self) -> str:
        return CERTAINTIES[self.cert]


def load_slip_entries(path: Path) -> list[dict]:
    """The raw entries, each with its keys and fixed values checked (not yet the source)."""
    if not Path(path).is_file():
        return []
    data = read_toml(path)
    entries = data.get("slip", [])
    if not isinstance(entries, list) or set(data) - {"slip"}:
        raise DataError(relative(path), "", "only [[slip]] entries", ", ".join(sorted(set(data) - {"slip"})))
    for index, entry in enumerate(entries, start=1):
        where = f"slip {index}."
        require(entry, SLIP_KEYS, path, where)
        if set(entry) - set(SLIP_KEYS) - {"occurrence"}:
            raise DataError(relative(path), f"slip {index}", "only the keys " + ", ".join([*SLIP_KEYS, "occurrence"]),
                            ", ".join(sorted(set(entry) - set(SLIP_KEYS) - {"occurrence"})))
        if entry["kind"] not in KINDS:
            raise DataError(relative(path), f"key {where}kind", "one of " + " | ".join(KINDS), entry["kind"])
        if entry["cert"] not in CERTAINTIES:
            raise DataError(relative(path), f"key {where}cert", "one of " + " | ".join(CERTAINTIES), entry["cert"])
        occurrence = entry.get("occurrence", 1)
        if not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1:
            raise DataError(relative(path), f"key {where}occurrence", "a whole number from 1", repr(occurrence))
        for key in ("sic", "corr", "reason"):
            if not entry[key].strip() or entry[key] != entry[key].strip():
                raise DataError(relative(path), f"key {where}{key}", "characters without surrounding spaces",
                                entry[key])
        if entry["sic"] == entry["corr"]:
            raise DataError(relative(path), f"key {where}corr", "a reading that differs from sic", entry["corr"])
    return entries


def find_in_line(source: Source, number: int, sic: str, occurrence: int) -> tuple[int, tuple[int, ...]] | None:
    """(column, lines) of the occurrence-th `sic` starting on line `number`, wrapping at most once."""
    text = source.line(number).text
    following = next_text_line(source, number)
    tail = source.line(following).text.lstrip() if following else ""
    body = text.rstrip()
    seen = 0
    for column in range(len(body)):
        here = body[column:column + len(sic)]
        if here == sic:
            lines = (number,)
        elif column + len(sic) > len(body) and tail and (body[column:] + tail).startswith(sic):
            lines = (number, following)
        else:
            continue
        seen += 1
        if seen == occurrence:
            return column, lines
    return None


def next_text_line(source: Source, number: int) -> int | None:
    """The next line with text (the source puts a blank line between extracted lines)."""
    for candidate in range(number + 1, min(number + 4, len(source.lines)) + 1):
        if source.line(candidate).text.strip():
            return candidate
    return None


def verify_slips(entries: list[dict], source: Source) -> list[Slip]:
    """Each entry placed on its line, in thesis order, or refused naming entry, line and what it wants."""
    slips = []
    for index, entry in enumerate(entries, start=1):
        number, sic, occurrence = entry["line"], entry["sic"], entry.get("occurrence", 1)
        where = f"slip {index} (line {number})"
        if not 1 <= number <= len(source.lines):
            raise DataError(FILE, where, f"a line of {THESIS}", f"only {len(source.lines)} lines")
        found = find_in_line(source, number, sic, occurrence)
        if found is None:
            count = source.line(number).text.count(sic)
            expected = f"{sic!r} on that line" + (f" {occurrence} times" if occurrence > 1 else "")
            raise DataError(FILE, where, expected + (f" (it stands {count} times)" if count else ""),
                            source.line(number).text.strip()[:40])
        if "occurrence" not in entry and source.line(number).text.count(sic) > 1:
            raise DataError(FILE, where, f"an occurrence key: {sic!r} stands more than once on that line")
        column, lines = found
        slips.append(Slip(0, number, column, sic, entry["corr"], entry["kind"], entry["cert"], entry["reason"],
                          occurrence, lines))
    slips.sort(key=lambda s: (s.line, s.column))
    slips = [Slip(n, *[getattr(s, f) for f in ("line", "column", "sic", "corr", "kind", "cert", "reason",
                                              "occurrence", "lines")]) for n, s in enumerate(slips, start=1)]
    for before, after in zip(slips, slips[1:]):
        if before.line == after.line and after.column < before.column + len(before.sic.rstrip()) or (
                len(before.lines) > 1 and after.line == before.lines[1]):
            raise DataError(FILE, f"line {after.line}", "entries that do not overlap",
                            f"{before.sic!r} and {after.sic!r}")
    return slips


def spans(slip: Slip, source: Source) -> list[tuple[int, int, int]]:
    """(line, start column, end column) of every piece of the slip in the NFC text."""
    first = source.line(slip.line).text.rstrip()
    if len(slip.lines) == 1:
        return [(slip.line, slip.column, slip.column + len(slip.sic))]
    on_first = len(first) - slip.column
    second = source.line(slip.lines[1]).text
    start = len(second) - len(second.lstrip())
    return [(slip.line, slip.column, len(first)), (slip.lines[1], start, start + len(slip.sic) - on_first)]


def check_clear_of_markers(slips: list[Slip], source: Source, markers, page_of) -> None:
    """No slip covers a note marker's digits, nor runs over a page break (`page_of`: line → page)."""
    by_line: dict[int, list] = {}
    for marker in markers:
        by_line.setdefault(marker.line, []).append(marker)
    for slip in slips:
        if len(slip.lines) > 1 and page_of(slip.lines[1]) != page_of(slip.line):
            raise DataError(FILE, f"{slip.id} (line {slip.line})", "an entry within one page", "it runs over a page break")
        for line, start, end in spans(slip, source):
            for marker in by_line.get(line, []):
                if marker.column < end and start < marker.column + marker.length:
                    raise DataError(FILE, f"{slip.id} (line {slip.line})",
                                    f"an entry clear of note marker {marker.number}", slip.sic)
