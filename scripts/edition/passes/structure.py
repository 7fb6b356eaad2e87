"""Structure pass: blocks become headings and lists, grouped into the edition's pages.

Front matter (摘要, Abstract), 第一章–第六章 and 附錄一–五 are one page each.  In the
appendices only the charter's 第X條 articles are headings: their numbered clauses are
the documents' own text.  The chapter outline in 第一章第五節 (第一章緒論：…) is a list.
"""
from __future__ import annotations

from ..errors import SourceError
from ..model import Block, Document, DocumentKind, Kind, LineBreak, Note
from ..read.curated import Curated
from .headings import HeadingLine, numeral
from .layout import Layout

FRONT_SLUGS = {"摘要": "abstract", "Abstract": "abstract-en"}
EXPECTED_CHAPTERS = 6
EXPECTED_APPENDICES = 5


class Sequence:
    """Chapters, their sections and the appendices must run 一, 二, 三 … in order: a deleted
    heading would otherwise merge two chapters silently.  Refused at the heading after it."""

    def __init__(self) -> None:
        self.last = {"chapter": 0, "section": 0, "appendix": 0}

    def check(self, line: HeadingLine, block: Block) -> None:
        if line.kind not in self.last:
            return
        expected = self.last[line.kind] + 1
        if line.number != expected:
            raise SourceError(block.lines[0], self.describe(line.kind, expected), block.text.strip()[:24])
        self.last[line.kind] = line.number
        if line.kind == "chapter":
            self.last["section"] = 0

    def describe(self, kind: str, number: int) -> str:
        if kind == "chapter":
            return f"the heading 第{numeral(number)}章 (chapters run in order)"
        if kind == "appendix":
            return f"the heading 附錄{numeral(number)} (appendices run in order)"
        chapter = self.last["chapter"]
        return (f"the heading 第{numeral(number)}節 of 第{numeral(chapter)}章, or the heading "
                f"第{numeral(chapter + 1)}章 before a new 第一節")

    def check_complete(self, last_line: int) -> None:
        for kind, expected in (("chapter", EXPECTED_CHAPTERS), ("appendix", EXPECTED_APPENDICES)):
            if self.last[kind] != expected:
                raise SourceError(last_line, self.describe(kind, self.last[kind] + 1), "the end of the text")


def heading_text(block: Block) -> str:
    return "".join(i for i in block.inlines if isinstance(i, str)).strip()


def build_documents(blocks: list[Block]) -> list[Document]:
    documents: list[Document] = []
    pending: list[Block] = []  # the "附錄" part title, shown atop the first appendix
    sequence = Sequence()
    for block in blocks:
        line = block.heading if block.kind == Kind.PARAGRAPH else None  # as reflow read it
        if line is not None:
            sequence.check(line, block)
        current = documents[-1] if documents else None
        if line is None:
            if current is None:
                raise SourceError(block.lines[0], "摘要 before any text", block.text[:20])
            if block.kind == Kind.PARAGRAPH and current.blocks and current.blocks[-1].kind == Kind.LIST_TERM:
                # the outline's description joins its chapter title in one list item
                term = current.blocks[-1]
                term.kind = Kind.LIST_ITEM
                term.inlines += [LineBreak()] + block.inlines
                term.lines += block.lines
                continue
            current.blocks.append(block)
            continue
        if line.kind == "front":
            title = block.text.replace(" ", "")
            documents.append(Document(FRONT_SLUGS[title], title, DocumentKind.FRONT))
            block.kind, block.level = Kind.HEADING, 1
        elif line.kind == "chapter":
            documents.append(Document(f"chapter-{line.number}", heading_text(block), DocumentKind.CHAPTER))
            block.kind, block.level = Kind.HEADING, 1
        elif line.kind == "appendices":
            block.kind = Kind.PART
            pending.append(block)
            continue
        elif line.kind == "appendix":
            documents.append(Document(f"appendix-{line.number}", heading_text(block), DocumentKind.APPENDIX, pending))
            block.kind, block.level = Kind.HEADING, 1
            pending = []
        elif current is None:
            raise SourceError(block.lines[0], "摘要 before any heading", block.text[:20])
        elif line.kind == "chapter-list":
            block.kind = Kind.LIST_TERM
        elif current.kind == DocumentKind.APPENDIX and line.kind != "article":
            block.kind = Kind.PARAGRAPH  # a declaration's numbered clause, not a heading
        else:
            block.kind, block.level = Kind.HEADING, line.level
        documents[-1].blocks.append(block)
    sequence.check_complete(max(blocks[-1].lines) if blocks else 1)
    for document in documents:
        number_headings(document)
        close_level_gaps(document)
    return documents


def number_headings(document: Document) -> None:
    """Stable ASCII ids (sec-2-1, article-5): the same in both scripts, unlike slugs of the text."""
    counters = [0] * 7
    for block in document.blocks:
        if block.kind != Kind.HEADING or block.level == 1:
            continue
        if document.kind == DocumentKind.APPENDIX:
            counters[2] += 1
            block.ref = f"article-{counters[2]}"
            continue
        counters[block.level] += 1
        counters[block.level + 1:] = [0] * (6 - block.level)
        block.ref = "sec-" + "-".join(str(c) for c in counters[2:block.level + 1])


def close_level_gaps(document: Document) -> None:
    """A heading is one level below the heading it falls under, never more: 第六章 has no 節,
    so its 一、 headings are h2, not h3 (a jump h1 → h3 breaks heading navigation).  Runs
    after number_headings, so ids keep the numbering of the thesis's levels (sec-0-1)."""
    open_levels: list[tuple[int, int]] = []  # (level in the thesis, level on the page)
    for block in document.blocks:
        if block.kind != Kind.HEADING:
            continue
        while open_levels and open_levels[-1][0] >= block.level:
            open_levels.pop()
        shown = open_levels[-1][1] + 1 if open_levels else 1
        open_levels.append((block.level, shown))
        block.level = shown


def attach(documents: list[Document], notes: dict[int, Note], curated: Curated) -> None:
    """Each page gets its notes (by their markers) and its curated tables and figures."""
    for document in documents:
        document.notes = [notes[number] for number in document.note_numbers()]
        for block in document.blocks:
            if block.kind == Kind.TABLE:
                document.tables[block.ref] = curated.tables[block.ref]
            elif block.kind == Kind.FIGURE:
                document.figures[block.ref] = curated.figures[block.ref]


def record_printed_pages(documents: list[Document], layout: Layout) -> None:
    """Each page learns the printed page of every source line it holds (Document.line_pages)."""
    for document in documents:
        lines = [n for block in document.blocks for n in block.lines] + [n for note in document.notes for n in note.lines]
        lines += [n for table in document.tables.values() for n in (table.first_line, table.last_line, table.caption_line)]
        lines += [n for figure in document.figures.values() for n in (figure.caption_line, *figure.note_lines)]
        if lines:
            low, high = min(lines), max(lines)
            document.line_pages = {n: page.printed for page in layout.pages
                                   for n in range(max(page.first_line, low), min(page.last_line, high) + 1)}
