"""Slips pass: each of the author's slips (source/slips.toml) becomes a Sic inline where it stands.

An entry names a source line and a column; a block or note joins many lines, and drops
the markers' digits and the wrap spaces.  So the pass counts: the slip is the k-th
occurrence of its characters among the visible characters of its block's lines up to its
column, hence the k-th in the block's text.  It must fall inside one run of text (never
across a note marker, a page start, a link or a cross-reference), else the build stops.
Table cells and captions are curated strings: marked the same way, by counting in the
table's lines and in its cells, and kept on the document as inlines.
"""
from __future__ import annotations

from dataclasses import replace

from ..errors import DataError
from ..model import Document, Inline, Sic, SlipPlace, words
from ..read.slips import FILE, Slip, check_clear_of_markers
from ..read.source import Source
from ..source_refs import as_pages
from ..text import visible
from .layout import Layout, Role
from .notes import Marker
from .reflow import strip_markers

CONTEXT = 12  # characters either side of a slip in the list of slips
# An excerpt starts at a word, not at the punctuation that closed the words cut off before it.
CLOSING = "」』）〕】》〉。，、；：！？ "


def as_inline(slip: Slip, text: str) -> Sic:
    return Sic(text, slip.corr, slip.kind, slip.cert, slip.reason, slip.id, slip.kind_label, slip.cert_label)


def occurrences_before(slip: Slip, lines: list[int], line_text, column: int | None = None) -> int:
    """How many times the slip's characters stand in `lines` before the slip (0-based k);
    `column` is the slip's column in line_text's text (the markers' digits taken out)."""
    stream = ""
    for number in lines:
        if number == slip.line:
            stream += visible(line_text(number)[:slip.column if column is None else column])
            break
        stream += visible(line_text(number))
    target, count, start = visible(slip.sic), 0, stream.find(visible(slip.sic))
    while start != -1:
        count += 1
        start = stream.find(target, start + 1)
    return count


def visible_positions(inlines: list[Inline]) -> list[tuple[int, int]]:
    """(inline index, character index) of every visible character the inlines carry."""
    return [(index, position) for index, item in enumerate(inlines)
            for position, char in enumerate(words(item)) if not char.isspace()]


def mark(inlines: list[Inline], slip: Slip, k: int, where: str) -> tuple[list[Inline], str]:
    """The inlines with the k-th occurrence of the slip made a Sic; and the context around it."""
    positions = visible_positions(inlines)
    text = "".join(words(inlines[i])[p] for i, p in positions)
    target, start = visible(slip.sic), -1
    for _ in range(k + 1):
        start = text.find(target, start + 1)
        if start == -1:
            raise DataError(FILE, f"{slip.id} (line {slip.line})", f"{slip.sic!r} in the {where} that holds line {slip.line}")
    covered = positions[start:start + len(target)]
    index = covered[0][0]
    if any(i != index for i, _ in covered) or not isinstance(inlines[index], str):
        raise DataError(FILE, f"{slip.id} (line {slip.line})",
                        "an entry within one run of text (not across a note marker, page start or link)", slip.sic)
    run, first, last = inlines[index], covered[0][1], covered[-1][1] + 1
    pieces = [run[:first], as_inline(slip, run[first:last]), run[last:]]
    full, before = "".join(words(i) for i in inlines), [0]
    for item in inlines:
        before.append(before[-1] + len(words(item)))
    begin, end = before[index] + first, before[index] + last
    context = full[max(0, begin - CONTEXT):begin].lstrip(CLOSING) + "【" + full[begin:end] + "】" + full[end:end + CONTEXT].rstrip()
    return inlines[:index] + [p for p in pieces if p != ""] + inlines[index + 1:], context


def place_slips(documents: list[Document], slips: list[Slip], source: Source, layout: Layout,
                markers: dict[int, Marker]) -> dict[str, SlipPlace]:
    """The pass: every slip into its block, note, table cell or caption; where each went."""
    check_clear_of_markers(slips, source, markers.values(), lambda n: layout.page_of(n).index)
    markers_by_line: dict[int, list[Marker]] = {}
    for marker in markers.values():
        markers_by_line.setdefault(marker.line, []).append(marker)
    def body_text(number: int) -> str:
        return strip_markers(source.line(number), markers_by_line.get(number, []))[0]

    def raw_text(number: int) -> str:
        return source.line(number).text

    def body_column(slip: Slip) -> int:
        """The slip's column once the markers' digits before it are taken out."""
        return slip.column - sum(m.length for m in markers_by_line.get(slip.line, []) if m.column < slip.column)

    places: dict[str, SlipPlace] = {}
    for entry in slips:
        # the mark in the text tells a reader its reason with printed pages, not source lines
        slip = replace(entry, reason=as_pages(entry.reason, lambda n: layout.page_of(n).printed))
        printed = layout.page_of(slip.line).printed
        role = layout.roles.get(slip.line)
        placed = None
        for document in documents:
            placed = (place_in_blocks(document, slip, body_text, body_column(slip), printed) if role is Role.BODY
                      else place_in_notes(document, slip, raw_text, printed) if role is Role.NOTE
                      else place_in_curated(document, slip, raw_text, printed))
            if placed:
                break
        if not placed:
            raise DataError(FILE, f"{slip.id} (line {slip.line})",
                            "a line of the body, a note, a table or a figure caption", f"a {role} line")
        places[slip.id] = placed
    return places


def place_in_blocks(document: Document, slip: Slip, line_text, column: int, printed: int) -> SlipPlace | None:
    for index, block in enumerate(document.blocks):
        if slip.line in block.lines:
            k = occurrences_before(slip, block.lines, line_text, column)
            block.inlines, context = mark(block.inlines, slip, k, "paragraph")
            return SlipPlace(document.slug, index, block.ref if block.ref and block.level else "", printed, context)
    return None


def place_in_notes(document: Document, slip: Slip, line_text, printed: int) -> SlipPlace | None:
    for note in document.notes:
        if slip.line in note.lines:
            k = occurrences_before(slip, note.lines, line_text)
            note.inlines, context = mark(note.inlines, slip, k, "note")
            return SlipPlace(document.slug, -1, f"fn:{note.number}", note.page, context)
    return None


def place_in_curated(document: Document, slip: Slip, line_text, printed: int) -> SlipPlace | None:
    """A table cell, caption or source note, a figure caption or note: marked on the document's
    curated inlines, the k-th occurrence counted in the record's lines and then in its texts."""
    for table in document.tables.values():
        if slip.line == table.caption_line:
            return mark_curated(document, f"{table.anchor}/caption", table.caption, slip, 0, table.anchor, printed)
        if table.claims(slip.line):
            lines = [n for n in range(table.first_line, table.last_line + 1) if table.claims(n)]
            texts = [(f"{table.anchor}/cell-{r}-{c}", cell) for r, row in enumerate(table.rows) for c, cell in enumerate(row)]
            return mark_kth(document, texts + [(f"{table.anchor}/note", table.note)], slip, lines, line_text,
                            table.anchor, printed, f"a cell or the note of table {table.id}")
    for figure in document.figures.values():
        if slip.line == figure.caption_line:
            return mark_curated(document, f"{figure.anchor}/caption", figure.caption, slip, 0, figure.anchor, printed)
        first, last = figure.note_lines
        if first <= slip.line <= last:
            return mark_kth(document, [(f"{figure.anchor}/note", figure.note)], slip, list(range(first, last + 1)),
                            line_text, figure.anchor, printed, f"the note of figure {figure.id}")
    return None


def mark_kth(document: Document, texts: list[tuple[str, str]], slip: Slip, lines: list[int], line_text,
             anchor: str, printed: int, where: str) -> SlipPlace:
    k = occurrences_before(slip, lines, line_text)
    for key, text in texts:
        found = visible(text).count(visible(slip.sic))
        if k < found:
            return mark_curated(document, key, text, slip, k, anchor, printed)
        k -= found
    raise DataError(FILE, f"{slip.id} (line {slip.line})", f"{slip.sic!r} in {where}")


def mark_curated(document: Document, key: str, text: str, slip: Slip, k: int, anchor: str, printed: int) -> SlipPlace:
    inlines = document.curated_inlines.get(key, [text])
    document.curated_inlines[key], context = mark(inlines, slip, k, "curated text")
    return SlipPlace(document.slug, -1, anchor, printed, context)
