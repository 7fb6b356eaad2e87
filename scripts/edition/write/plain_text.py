"""Plain text (UTF-8) of the whole thesis and of each part, for counting and mining.

One paragraph a line, a blank line between blocks.  The printed page is marked where it
begins, ［p.45］; a note's marker stands where the author put it, ［註47］, and the notes
follow their paragraph, each on its own line as ［註47］ and its text.  Tables are written
as rows of tab-separated cells, figures as their caption and description.  The head of
each file says what it is and how to cite it (GB/T 7714, with the printed pages).
"""
from __future__ import annotations

from ..errors import EditionError
from ..model import Block, CrossRef, Document, Edition, Inline, Kind, LineBreak, Link, NoteRef, PageStart, Sic
from ..read.curated import Figure, Table
from ..source_refs import as_pages
from .cite_formats import gbt7714, note_marker, thesis_title


def page_marker(printed: int) -> str:
    return f"［p.{printed}］"


# One function per inline kind (as in tei.py): an unknown kind stops the conversion.
INLINE_TEXT = {
    str: lambda item: item,
    NoteRef: lambda item: note_marker(item.number),
    PageStart: lambda item: page_marker(item.printed),
    LineBreak: lambda item: "\n",
    Link: lambda item: item.url,
    CrossRef: lambda item: item.text,
    Sic: lambda item: item.text,  # the author's text; the readings are in the TEI and the 勘誤表
}


def inline_text(inlines: list[Inline], where: str) -> str:
    out = []
    for item in inlines:
        write = INLINE_TEXT.get(type(item))
        if write is None:
            raise EditionError("scripts/edition/write/plain_text.py", where,
                               "an inline kind listed in INLINE_TEXT", type(item).__name__)
        out.append(write(item))
    return "".join(out)


def table_text(table: Table) -> str:
    rows = "\n".join("\t".join(cell.replace("\n", " ") for cell in row) for row in table.rows)
    return f"{table.caption}\n{rows}\n{table.note}"


def figure_text(figure: Figure, document: Document) -> str:
    labels = f"\n原圖殘存文字：{'、'.join(figure.labels)}" if figure.labels else ""
    description = as_pages(figure.description, document.printed_page)
    return f"{figure.caption}\n【編者按】{description}{labels}\n{figure.note}"


def block_text(block: Block, document: Document, where: str) -> str:
    pages = "".join(page_marker(i.printed) for i in block.inlines if isinstance(i, PageStart))
    if block.kind == Kind.TABLE:
        return pages + table_text(document.tables[block.ref])
    if block.kind == Kind.FIGURE:
        return pages + figure_text(document.figures[block.ref], document)
    return inline_text(block.inlines, where).strip()


def document_text(document: Document, edition: Edition) -> str:
    parts = []
    for index, block in enumerate(document.blocks):
        where = f"{document.slug} block {index + 1}"
        parts.append(block_text(block, document, where))
        for number in (i.number for i in block.inlines if isinstance(i, NoteRef)):
            note = edition.notes[number]
            parts[-1] += f"\n{note_marker(number)}{inline_text(note.inlines, f'note {number}').strip()}"
    return "\n\n".join(parts) + "\n"


def text_head(edition: Edition, slug: str) -> str:
    metadata = edition.curated.metadata
    work = edition.citable()[slug]
    part = f"：{work.part}" if work.part else ""
    return (f"{thesis_title(metadata)}{part}\n"
            f"原書第 {work.first_page}–{work.last_page} 頁。本檔為數位校訂版的純文字本（UTF-8）：頁碼記作［p.N］，"
            f"註腳標記記作［註N］，註腳文字列於其段落之後。\n"
            f"引用：{gbt7714(metadata, work)}\n"
            + "=" * 20 + "\n\n")


def render_plain_texts(edition: Edition) -> dict[str, str]:
    """slug → text, for each chapter and appendix, and "thesis" for the whole (with the abstracts)."""
    texts, whole = {}, []
    works = edition.citable()
    for document in edition.documents:
        body = document_text(document, edition)
        whole.append(body)
        if document.slug in works:
            texts[document.slug] = text_head(edition, document.slug) + body
    texts["thesis"] = text_head(edition, "thesis") + "\n".join(whole)
    return texts
