"""Layout pass: split the source into printed pages and give every line a role.

The PDF extraction leaves these traces (see the tests for each):
- a page starts with a line indented by whitespace right after a non-blank line (body
  lines are otherwise separated by one blank line); a printed page number (" 45") opens
  the pages it survives on;
- a whitespace-only line of 40+ columns separates a page's body from its footnotes
  (140 columns where a note continues from the previous page);
- the university's watermark leaks one or two letters a line just before a page number;
- short whitespace-only lines stand where an image was, or between English paragraphs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from ..errors import SourceError
from ..read.curated import Curated
from ..read.source import Line, Source

PAGE_NUMBER = re.compile(r"^ (\d+)$")
WATERMARK = "‧國立政治大學‧NationalChengchiUniversity"
SEPARATOR_MIN_WIDTH = 40


class Role(str, Enum):
    BODY = "body"  # running text and headings
    NOTE = "note"  # footnote text
    TABLE = "table"  # a curated table region
    FIGURE = "figure"  # a figure caption, note or leaked diagram label
    SEPARATOR = "separator"  # footnote separator (artefact)
    WATERMARK = "watermark"  # leaked university watermark (artefact)
    PAGE_NUMBER = "page-number"  # leaked printed page number (artefact)
    SPACER = "spacer"  # whitespace-only line: image area or paragraph gap (artefact)
    BLANK = "blank"  # the empty line between two extracted lines


@dataclass
class Page:
    index: int  # 1-based position in the source
    printed: int  # printed page number
    first_line: int
    last_line: int
    lines: list[Line] = field(default_factory=list)


@dataclass
class Layout:
    pages: list[Page]
    roles: dict[int, Role]  # source line number -> role
    page_offset: int

    def page_of(self, number: int) -> Page:
        for page in self.pages:
            if page.first_line <= number <= page.last_line:
                return page
        raise KeyError(number)


def is_page_start(lines: list[Line], i: int) -> bool:
    """A line indented by whitespace glued to the previous non-blank line opens a page."""
    line = lines[i]
    if i == 0:
        return True
    if PAGE_NUMBER.match(line.raw):
        return True
    if not re.match(r"^\s+\S", line.raw):
        return False
    previous = lines[i - 1].raw
    # An indented signature block (appendices) stacks indented lines without blanks,
    # and an image area of space-only lines runs straight into its caption.
    signature_block = previous.startswith("  ") and line.raw.startswith("  ")
    return previous.strip() != "" and not signature_block


def find_watermarks(lines: list[Line]) -> set[int]:
    """Runs of short lines spelling out the watermark exactly, starting at a lone '‧'."""
    found: set[int] = set()
    i = 0
    while i < len(lines):
        if lines[i].stripped != "‧":
            i += 1
            continue
        spelled, run, j = "", [], i
        while j < len(lines) and len(spelled) < len(WATERMARK):
            piece = lines[j].text.replace(" ", "")
            if piece:
                spelled += piece
                run.append(lines[j].number)
            j += 1
        if spelled != WATERMARK:
            raise SourceError(lines[i].number, f"the watermark {WATERMARK!r} spelled out", spelled)
        found.update(run)
        i = j
    return found


def split_pages(source: Source, expected: int) -> tuple[list[Page], int]:
    """The pages (a line opening with one space starts one); `expected` from metadata.toml."""
    lines = source.lines
    while lines and lines[-1].raw == "":
        lines = lines[:-1]
    starts = [i for i in range(len(lines)) if is_page_start(lines, i)]
    pages = []
    for index, start in enumerate(starts, start=1):
        end = starts[index] if index < len(starts) else len(lines)
        pages.append(Page(index, 0, lines[start].number, lines[end - 1].number, lines[start:end]))
    if len(pages) != expected:
        raise SourceError(lines[-1].number, f"{expected} pages", f"{len(pages)} pages")
    offsets = {}
    for page in pages:
        match = PAGE_NUMBER.match(page.lines[0].raw)
        if match:
            offsets[page.first_line] = int(match.group(1)) - page.index
    if not offsets:
        raise SourceError(lines[-1].number, "a leaked printed page number on some page", "none")
    if len(set(offsets.values())) != 1:
        line = min(offsets, key=lambda n: list(offsets.values()).count(offsets[n]))
        raise SourceError(line, "printed page number = page index + one offset shared by all leaked numbers",
                          str(sorted(set(offsets.values()))))
    offset = next(iter(offsets.values()))
    for page in pages:
        page.printed = page.index + offset
    return pages, offset


def assign_roles(source: Source, curated: Curated) -> Layout:
    pages, offset = split_pages(source, curated.metadata["thesis"]["pages"])
    watermark = find_watermarks(source.lines)
    regions = list(curated.tables.values()) + list(curated.figures.values())
    roles: dict[int, Role] = {}
    for page in pages:
        in_notes = False
        for line in page.lines:
            n = line.number
            claimed = next((r for r in regions if r.claims(n)), None)
            if line.raw == "":
                role = Role.BLANK
            elif n in watermark:
                role = Role.WATERMARK
            elif PAGE_NUMBER.match(line.raw) and n == page.first_line:
                role = Role.PAGE_NUMBER
            elif line.stripped == "" and len(line.raw) >= SEPARATOR_MIN_WIDTH:
                role, in_notes = Role.SEPARATOR, True
            elif line.stripped == "":
                role = Role.SPACER
            elif claimed is not None:
                role = Role.TABLE if claimed in curated.tables.values() else Role.FIGURE
            elif in_notes:
                role = Role.NOTE
            else:
                role = Role.BODY
            roles[n] = role
    for line in source.lines:
        roles.setdefault(line.number, Role.BLANK if line.raw == "" else Role.BODY)
    return Layout(pages, roles, offset)
