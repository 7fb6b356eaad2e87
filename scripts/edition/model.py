"""The one model every pass shares (pandoc-style): the edition, its documents, their blocks.

Readers build it, passes refine it, writers only write it.  Nothing here imports a pass or
a writer, so any module may import the model without an import circle.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .citations import Citations
    from .passes.headings import HeadingLine
    from .passes.layout import Layout
    from .read.curated import Curated, Figure, Table
    from .read.slips import Slip
    from .read.source import Source


@dataclass(frozen=True)
class SlipPlace:
    """Where a slip stands on the site (slips pass): page, nearest anchor, printed page, context."""

    document: str  # slug
    block: int  # index of the block in its document, or -1 (a note, a table)
    anchor: str  # "fn:169", "table-3-1"; "" for a block (its passage id is the writer's)
    printed: int
    context: str  # a few characters either side, the slip in the middle


@dataclass(frozen=True)
class NoteRef:
    """A footnote marker, by the note's own number (reflow)."""

    number: int


@dataclass(frozen=True)
class PageStart:
    """Where a printed page begins (reflow): the margin's page number and its #page-N anchor."""

    printed: int


@dataclass(frozen=True)
class LineBreak:
    pass


@dataclass(frozen=True)
class Link:
    """A URL in the author's text (links pass): linked as written, never escaped."""

    url: str


@dataclass(frozen=True)
class CrossRef:
    """A mention of a table or figure (表 2-1, 如下圖) resolved to it (links pass)."""

    text: str  # the author's words, as written
    anchor: str  # "table-2-1"
    document: str  # slug of the page that holds it
    caption: str  # "表 2-1 中亞五國簡介", shown on hover


@dataclass(frozen=True)
class Sic:
    """One of the author's slips (slips pass): the characters as written, and the likely reading.

    A writer shows `text` (the author's) first; TEI writes <choice><sic>text</sic>
    <corr cert="…">corr</corr></choice>, with `kind` and `reason` from source/slips.toml."""

    text: str  # as written (NFC)
    corr: str  # the likely reading
    kind: str  # homophone | lookalike | extra | missing | converter | name
    cert: str  # high | medium
    reason: str  # for readers: its references to source lines given as printed pages ({行 N} → 原書第 P 頁)
    id: str  # "slip-12": the entry's place in thesis order, the same in both scripts
    kind_label: str = ""  # 同音別字 …
    cert_label: str = ""  # 確定 | 可能


# Text, then what the passes put into it: reflow the note references and page starts,
# structure the line breaks, links the URLs and cross-references, slips the author's slips.
Inline = str | NoteRef | PageStart | LineBreak | Link | CrossRef | Sic


def words(inline: Inline) -> str:
    """The author's characters an inline carries ("" for note references, page starts, breaks)."""
    if isinstance(inline, str):
        return inline
    if isinstance(inline, Link):
        return inline.url
    if isinstance(inline, (CrossRef, Sic)):
        return inline.text
    return ""


@dataclass
class Note:
    """One footnote (notes pass), with its text cut into inlines by the links pass."""

    number: int
    text: str
    page: int  # printed page where the note starts
    lines: list[int] = field(default_factory=list)
    inlines: list[Inline] = field(default_factory=list)


class Kind(StrEnum):
    """The kinds of block the passes produce (a StrEnum: writes as its value)."""

    PARAGRAPH = "paragraph"  # reflow: running text
    TABLE = "table"  # reflow: a curated table's place (ref = its id)
    FIGURE = "figure"  # reflow: a curated figure's place (ref = its id)
    HEADING = "heading"  # structure: 摘要, 第X章, 第X節, 一、 … (level 1–6)
    PART = "part"  # structure: the 附錄 part title atop the first appendix
    LIST_TERM = "list-term"  # structure, transient: an outline's chapter title, until …
    LIST_ITEM = "list-item"  # … its description joins it (第一章第五節's outline)


@dataclass
class Block:
    """A paragraph, heading, list item, part title, or the place of a table or figure."""

    kind: Kind
    inlines: list[Inline] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # source lines the block comes from
    level: int = 0  # heading level
    ref: str = ""  # table or figure id
    heading: HeadingLine | None = None  # reflow: how the first line reads, if as a heading

    @property
    def text(self) -> str:
        """The author's words in the block, whatever the passes made of them."""
        return "".join(words(i) for i in self.inlines)


class DocumentKind(StrEnum):
    FRONT = "front"  # 摘要, Abstract
    CHAPTER = "chapter"
    APPENDIX = "appendix"


@dataclass
class Document:
    """One page of the site: the abstract, a chapter or an appendix."""

    slug: str  # "chapter-2": the file name, the same in both scripts
    title: str
    kind: DocumentKind
    blocks: list[Block] = field(default_factory=list)
    # attached once the structure is known: the notes whose markers stand in this page,
    # in order, and the curated tables and figures placed in it, by id
    notes: list[Note] = field(default_factory=list)
    tables: dict[str, Table] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    # curated text the slips pass marked, as inlines: "table-3-1/cell-2-1", "table-3-1/caption",
    # "figure-2-4/caption" → inlines (a writer falls back to the curated string)
    curated_inlines: dict[str, list[Inline]] = field(default_factory=dict)
    # source line → printed page, for the lines the page holds: the edition's own texts
    # refer to lines ({行 3812}), the reader is told the printed page (source_refs.as_pages)
    line_pages: dict[int, int] = field(default_factory=dict)

    def printed_page(self, line: int) -> int:
        return self.line_pages[line]

    def curated(self, key: str, text: str) -> list[Inline]:
        """A cell, caption or note of a table or figure: as the slips pass marked it, else the string."""
        return self.curated_inlines.get(key) or [text]

    def note_numbers(self) -> list[int]:
        return [i.number for b in self.blocks for i in b.inlines if isinstance(i, NoteRef)]

    def page_starts(self) -> list[int]:
        return [i.printed for b in self.blocks for i in b.inlines if isinstance(i, PageStart)]


@dataclass(frozen=True)
class CitablePart:
    """The thesis, or one chapter of it, with its printed page range."""

    key: str
    part: str  # chapter title, or "" for the whole thesis
    first_page: int
    last_page: int


@dataclass
class Edition:
    """Everything the conversion knows; every writer takes it (or one of its documents)."""

    source: Source
    curated: Curated
    layout: Layout
    notes: dict[int, Note]
    documents: list[Document]
    citations: Citations
    slips: list[Slip] = field(default_factory=list)  # source/slips.toml, placed, in thesis order
    slip_places: dict[str, SlipPlace] = field(default_factory=dict)  # slip id → where it was placed

    def note_texts(self) -> dict[int, str]:
        """Each note's text by number, as the citation parser reads them."""
        return {number: note.text for number, note in self.notes.items()}

    def document(self, slug: str) -> Document:
        return next(d for d in self.documents if d.slug == slug)

    def printed_range(self, document: Document) -> tuple[int, int]:
        lines = [n for block in document.blocks for n in block.lines]
        return self.layout.page_of(min(lines)).printed, self.layout.page_of(max(lines)).printed

    def citable(self) -> dict[str, CitablePart]:
        """The whole thesis (key "thesis") and each chapter and appendix, with printed pages."""
        pages = self.layout.pages
        works = {"thesis": CitablePart("sco2010thesis", "", pages[0].printed, pages[-1].printed)}
        for document in self.documents:
            if document.kind in (DocumentKind.CHAPTER, DocumentKind.APPENDIX):
                first, last = self.printed_range(document)
                key = f"sco2010{document.slug.replace('-', '')}"
                works[document.slug] = CitablePart(key, document.title, first, last)
        return works
