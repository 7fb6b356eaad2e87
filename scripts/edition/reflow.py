"""Reflow pass: hard-wrapped body lines become paragraphs, tables and figures.

A paragraph continues across page breaks, footnote areas and watermarks.  Where a wrap is
a paragraph end is read from several signals together (tested one by one):
- a line that stops short of the margin is a paragraph's last line;
- a full line ending with a space ends its paragraph only when a sentence ends there
  (inside a paragraph a space at the margin follows a word, a number or 」);
- a full line without the space runs on, unless a short one-line paragraph follows;
- a line ending in "，" never ends a paragraph, however short (the sentence goes on);
- headings are paragraphs of their own;
- English wraps at word boundaries, so for Latin text the space says nothing, and the
  abstract separates its paragraphs with space-only lines.
"""
from __future__ import annotations

from .curated import Curated
from .headings import classify_line
from .layout import Layout, Role
from .model import Block, Inline, NoteRef, PageStart
from .notes import Marker
from .source import Line, Source
from .text import display_width, is_latin, join_wrapped

SHORT_LINE_WIDTH = 60  # body lines run 62–74 columns (a Han character is 2) when full
SENTENCE_END_CHARS = "。！？：；"
CLOSING_AFTER_SENTENCE = ("。」", "。』", "。）", "。)")
TRANSPARENT = {Role.NOTE, Role.SEPARATOR, Role.WATERMARK, Role.PAGE_NUMBER, Role.BLANK}


def strip_markers(line: Line, markers: list[Marker]) -> tuple[str, list[tuple[int, NoteRef]]]:
    """The line's text without its marker digits, and where each marker stood."""
    text, tokens, cursor = "", [], 0
    for marker in sorted(markers, key=lambda m: m.column):
        text += line.text[cursor:marker.column]
        tokens.append((len(text), NoteRef(marker.number)))
        cursor = marker.column + marker.length
    return text + line.text[cursor:], tokens


class ParagraphBuilder:
    """Joins wrapped lines into one text, keeping note and page tokens at their offsets."""

    def __init__(self) -> None:
        self.text = ""
        self.tokens: list[tuple[int, Inline]] = []
        self.lines: list[int] = []

    def add_line(self, line: Line, markers: list[Marker], page: int | None) -> None:
        text, tokens = strip_markers(line, markers)
        right = text.lstrip()
        shift = len(text) - len(right)
        joined = join_wrapped(self.text, text)
        start = len(joined) - len(right)
        if page is not None:
            self.tokens.append((start, PageStart(page)))
        self.tokens.extend((start + max(offset - shift, 0), token) for offset, token in tokens)
        self.text = joined
        self.lines.append(line.number)

    def block(self) -> Block:
        text = self.text.rstrip()
        inlines: list[Inline] = []
        cursor = 0
        for offset, token in self.tokens:
            offset = min(offset, len(text))
            if offset > cursor:
                inlines.append(text[cursor:offset])
                cursor = offset
            inlines.append(token)
        if cursor < len(text):
            inlines.append(text[cursor:])
        return Block("paragraph", inlines, self.lines)


def last_word_char(line: Line, markers: list[Marker]) -> str:
    """Last visible character of a line, looking past a note marker at its end."""
    text = line.text.rstrip()
    for marker in markers:
        if marker.column + marker.length >= len(text):
            text = text[: marker.column].rstrip()
    return text[-1:] if text else ""


def ends_paragraph(line: Line, following: Line | None, markers: list[Marker]) -> bool:
    if following is None:
        return True
    body = line.text.strip()
    last = last_word_char(line, markers)
    next_text = following.text.strip()
    if last and is_latin(last) and next_text and is_latin(next_text[0]):
        return False  # English wraps at a word boundary; its paragraphs end at a spacer
    if last == "，":
        return False  # a comma never closes a paragraph, even on a short line
    if display_width(body) < SHORT_LINE_WIDTH:
        return True  # a line that stops short of the margin is a paragraph's last
    if line.text == line.text.rstrip():
        # A full last line: only a short one-line paragraph after it shows the end.
        return body.endswith("。") and display_width(next_text) <= 40 and following.text.endswith(" ")
    # A space at the margin ends the paragraph when a sentence ends there too.
    return last in SENTENCE_END_CHARS or body.endswith(CLOSING_AFTER_SENTENCE)


def reflow(source: Source, layout: Layout, curated: Curated, markers: dict[int, Marker]) -> list[Block]:
    by_line: dict[int, list[Marker]] = {}
    for marker in markers.values():
        by_line.setdefault(marker.line, []).append(marker)
    page_at = {page.first_line: page.printed for page in layout.pages}
    region_at = {t.first_line: ("table", t.id) for t in curated.tables.values()}
    region_at.update({f.caption_line: ("figure", f.id) for f in curated.figures.values()})

    blocks: list[Block] = []
    current: ParagraphBuilder | None = None
    pending_page: int | None = None
    body_lines = [line for line in source.lines if layout.roles[line.number] is Role.BODY]
    next_body = {a.number: b for a, b in zip(body_lines, body_lines[1:])}

    def close() -> None:
        nonlocal current
        if current is not None and current.lines:
            blocks.append(current.block())
        current = None

    for line in source.lines:
        n = line.number
        if n in page_at:
            pending_page = page_at[n]
        role = layout.roles[n]
        if role in TRANSPARENT:
            continue
        if role is Role.SPACER:
            close()
            continue
        if role in (Role.TABLE, Role.FIGURE):
            if n in region_at:
                close()
                kind, ref = region_at[n]
                start = [PageStart(pending_page)] if pending_page is not None else []
                pending_page = None
                blocks.append(Block(kind, start, [n], ref=ref))
            elif pending_page is not None and blocks and blocks[-1].kind == "table" and (
                curated.tables[blocks[-1].ref].claims(n)
            ):
                # a page that begins inside a table is anchored at the table
                blocks[-1].inlines.append(PageStart(pending_page))
                pending_page = None
            continue
        line_markers = by_line.get(n, [])
        if current is None and line_markers and not strip_markers(line, line_markers)[0].strip():
            # a marker alone on a line belongs to the paragraph just closed
            blocks[-1].inlines.extend(NoteRef(m.number) for m in line_markers)
            blocks[-1].lines.append(n)
            continue
        if current is not None and line_markers and not strip_markers(line, line_markers)[0].strip():
            # a marker alone on a line, inside a paragraph: the next line decides the end
            current.add_line(line, line_markers, pending_page)
            pending_page = None
            continue
        heading = classify_line(line.text) is not None
        if heading:
            close()
        if current is None:
            current = ParagraphBuilder()
        current.add_line(line, line_markers, pending_page)
        pending_page = None
        following = next_body.get(n)
        if heading or ends_paragraph(line, following, line_markers) or (
            following is not None and classify_line(following.text) is not None
        ):
            close()
    close()
    return blocks
