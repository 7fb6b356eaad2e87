"""Footnote pass: the note texts from the footnote areas, and the markers in the body.

Notes are numbered 1..273 once each, in order.  A marker is bare digits glued to the
cited words (`…之。47`, `，48中亞`), sometimes glued to a number that follows
(`。351996 年` is note 35 then 1996).  The strict sequence, and the rule that a note's
marker stands on the page where the note starts, tell them apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import SourceError
from .layout import Layout, Role
from .source import Source
from .text import join_wrapped

EXPECTED_NOTES = 273
NOTE_START = re.compile(r"^\s*(\d+)\s?")
# Characters after which digits are part of a number or date, never a note marker.
NOT_BEFORE_MARKER = set("0123456789(（[【〈《-–—－/.:~～$#＃%,") | {" ", "\u3000"}


@dataclass
class Note:
    number: int
    text: str
    page: int  # printed page where the note starts
    lines: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Marker:
    number: int
    line: int  # source line
    column: int  # index in the line's NFC text
    length: int  # digits that belong to the marker


CONTINUED_NOTE_SEPARATOR_WIDTH = 100  # 140 columns above a note continued from the page before
# A number, a space, then words: how a note begins.  A wrapped note line may also begin
# with digits, but glued to text ("84。") or as a date's day, month or year ("25 日").
NUMBER_THEN_WORDS = re.compile(r"^\s*(\d+) (?![年月日])\S")
NEAR = 5  # a leading number this close to the expected one is a note number, not text


def check_note_number(line, expected: int, area_start: bool) -> None:
    """The sequence 1..273 must break loudly at the line where it breaks: a footnote area
    opens with the next note, and a line opening with a nearby other number is a repeated,
    skipped or misordered note number."""
    match = NOTE_START.match(line.text)
    number = int(match.group(1)) if match else None
    if number == expected:
        return
    if area_start or (NUMBER_THEN_WORDS.match(line.text) and abs(number - expected) <= NEAR):
        where = "to start this footnote area" if area_start else "(notes are numbered in order, once each)"
        raise SourceError(line.number, f"footnote {expected} {where}", line.text.strip()[:30])


def parse_notes(source: Source, layout: Layout) -> dict[int, Note]:
    notes: dict[int, Note] = {}
    current: Note | None = None
    for page in layout.pages:
        area_start = False
        for line in page.lines:
            role = layout.roles[line.number]
            if role is Role.SEPARATOR:
                area_start = len(line.raw) < CONTINUED_NOTE_SEPARATOR_WIDTH or current is None
                continue
            if role is not Role.NOTE:
                continue
            check_note_number(line, len(notes) + 1, area_start)
            area_start = False
            match = NOTE_START.match(line.text)
            if match and int(match.group(1)) == len(notes) + 1:
                current = Note(int(match.group(1)), line.text[match.end():], page.printed, [line.number])
                notes[current.number] = current
            else:
                current.text = join_wrapped(current.text, line.text)
                current.lines.append(line.number)
    for note in notes.values():
        note.text = note.text.strip()
    if len(notes) != EXPECTED_NOTES:
        last = max((n for note in notes.values() for n in note.lines), default=1)
        raise SourceError(last, f"footnote {len(notes) + 1} (the thesis has {EXPECTED_NOTES})", "end of notes")
    return notes


def marker_candidates(stream: str, number: int, start: int):
    """Positions from `start` where `number` stands glued to the text before it."""
    digits = str(number)
    position = stream.find(digits, start)
    while position != -1:
        before = stream[position - 1] if position else " "
        run = re.match(r"\d+", stream[position:]).group(0)
        if before not in NOT_BEFORE_MARKER and before != "\n":
            if run == digits:
                yield position, True
            elif not (len(run) == 4 and run.startswith(("19", "20"))):
                # glued to a following number: 351996 → 35 + 1996; a bare year is a year
                yield position, False
        position = stream.find(digits, position + 1)


def resolve_markers(source: Source, layout: Layout, notes: dict[int, Note]) -> dict[int, Marker]:
    by_page: dict[int, list[int]] = {}
    for note in notes.values():
        by_page.setdefault(note.page, []).append(note.number)
    markers: dict[int, Marker] = {}
    for page in layout.pages:
        numbers = by_page.get(page.printed, [])
        if not numbers:
            continue
        # The page's body as one stream; a line break counts as no character, so that a
        # marker at a line start is glued to the end of the line before.
        body = [line for line in page.lines if layout.roles[line.number] is Role.BODY]
        stream, origin = "", []
        for line in body:
            text = line.text.rstrip()
            for column, char in enumerate(text):
                origin.append((line.number, column))
            stream += text
        position = 0
        for number in numbers:
            found = next(marker_candidates(stream, number, position), None)
            if found is None:
                first = body[0].number if body else page.first_line
                raise SourceError(first, f"the marker of footnote {number} in the body of printed page {page.printed}",
                                  stream[position:position + 40])
            start, _exact = found
            line, column = origin[start]
            markers[number] = Marker(number, line, column, len(str(number)))
            position = start + len(str(number))
    return markers
