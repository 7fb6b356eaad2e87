"""The model as EPUB XHTML: blocks, inlines, page breaks, footnotes, tables and figures.

Each inline kind and each block kind has one writer in a table (INLINE_WRITERS,
BLOCK_WRITERS); a kind with no writer stops the book with an error naming it, so a kind a
later pass adds is never dropped silently, and handling it is one function and one entry.

Ids differ from the site's in one way: XHTML ids are XML names without colons, so the site's
`fn:N` / `fnref:N` are `fn-N` / `fnref-N` here; `page-N`, `table-x-y`, `figure-x-y`, the
passage ids and the reference list's keys are the site's.
"""
from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable

from ...model import Block, CrossRef, Document, Inline, Kind, LineBreak, Link, Note, NoteRef, PageStart, Sic
from ...read.curated import Figure, Table
from ...source_refs import as_pages
from ..diagram import render_org_chart
from ..markdown import escape_html, table_note
from ..passages import passage_ids


class EpubWriteError(TypeError):
    """A model node the EPUB writer has no rendering for."""


def text(value: str) -> str:
    return html.escape(value, quote=False)


def attribute(value: str) -> str:
    return html.escape(value, quote=True)


def file_of(slug: str) -> str:
    return f"{slug}.xhtml"


def page_break(printed: int, tag: str = "span") -> str:
    """Where printed page N begins: the page-list's target, and a small number in the margin."""
    return (f'<{tag} epub:type="pagebreak" role="doc-pagebreak" id="page-{printed}" class="page-break" '
            f'data-page="{printed}" aria-label="第 {printed} 頁" title="原書第 {printed} 頁"></{tag}>')


def note_ref(number: int) -> str:
    return (f'<sup><a epub:type="noteref" role="doc-noteref" id="fnref-{number}" href="#fn-{number}" '
            f'class="noteref">{number}</a></sup>')


def write_text(item: str, slug: str) -> str:
    return text(item)


def write_note_ref(item: NoteRef, slug: str) -> str:
    return note_ref(item.number)


def write_page_start(item: PageStart, slug: str) -> str:
    return page_break(item.printed)


def write_line_break(item: LineBreak, slug: str) -> str:
    return "<br/>"


def write_link(item: Link, slug: str) -> str:
    return f'<a href="{attribute(item.url)}">{text(item.url)}</a>'


def write_cross_ref(item: CrossRef, slug: str) -> str:
    href = f"#{item.anchor}" if item.document == slug else f"{file_of(item.document)}#{item.anchor}"
    title = f' title="{attribute(item.caption)}"' if item.caption else ""
    return f'<a href="{attribute(href)}"{title}>{text(item.text)}</a>'


def write_sic(item: Sic, slug: str) -> str:
    """An author's slip as on the site (span.sic, the reading in data-corr): the author's
    text, with the reading, kind and certainty in its title for readers that show titles."""
    reading = f"校讀：{item.corr}（{item.kind_label or item.kind}，{item.cert_label or item.cert}）"
    return (f'<span class="sic" id="{attribute(item.id)}" data-corr="{attribute(item.corr)}" '
            f'title="{attribute(reading)}">{text(item.text)}</span>')


INLINE_WRITERS: dict[type, Callable[[Inline, str], str]] = {
    str: write_text,
    NoteRef: write_note_ref,
    PageStart: write_page_start,
    LineBreak: write_line_break,
    Link: write_link,
    CrossRef: write_cross_ref,
    Sic: write_sic,
}


def write_inline(item: Inline, slug: str) -> str:
    writer = INLINE_WRITERS.get(type(item))
    if writer is None:
        raise EpubWriteError(f"EPUB writer (edition/write/epub/xhtml.py): no rendering for the inline kind "
                             f"{type(item).__name__} ({item!r}); add one to INLINE_WRITERS")
    return writer(item, slug)


def render_inlines(inlines: list[Inline], slug: str) -> str:
    """The inlines, each note marker kept on one line with the character before it (a line
    never begins with a marker): that character and the markers sit in one unbreakable span."""
    out, index = [], 0
    while index < len(inlines):
        item = inlines[index]
        markers = []
        while index + 1 + len(markers) < len(inlines) and isinstance(inlines[index + 1 + len(markers)], NoteRef):
            markers.append(inlines[index + 1 + len(markers)])
        if isinstance(item, str) and item and markers:
            glued = "".join(note_ref(m.number) for m in markers)
            out.append(f'{text(item[:-1])}<span class="nobreak">{text(item[-1])}{glued}</span>')
            index += 1 + len(markers)
            continue
        out.append(write_inline(item, slug))
        index += 1
    return "".join(out)


def leading_page_breaks(block: Block) -> tuple[str, list[Inline]]:
    """Page starts that open a heading or a part title stand before it (the heading stays
    clean); those of a table or figure too.  A paragraph or list item keeps its own inline."""
    inlines = list(block.inlines)
    if block.kind in (Kind.TABLE, Kind.FIGURE):
        return "".join(page_break(i.printed, "div") for i in inlines if isinstance(i, PageStart)), []
    if block.kind not in (Kind.HEADING, Kind.PART):
        return "", inlines
    before = []
    while inlines and isinstance(inlines[0], PageStart):
        before.append(page_break(inlines.pop(0).printed, "div"))
    return "".join(before), inlines


def curated_html(document: Document, key: str, value: str) -> str:
    """A cell, caption or note of a table or figure, with the author's slips the slips pass marked."""
    return "".join(escape_html(item) if isinstance(item, str) else write_inline(item, document.slug)
                   for item in document.curated(key, value))


def render_table(table: Table, document: Document) -> str:
    def cell(index: int, column: int, value: str) -> str:
        return curated_html(document, f"{table.anchor}/cell-{index}-{column}", value)

    head = "".join(
        "<tr>" + "".join(f'<th scope="col">{cell(r, c, value)}</th>' for c, value in enumerate(row)) + "</tr>"
        for r, row in enumerate(table.rows[: table.header_rows]))
    body = "".join(
        "<tr>" + "".join(f"<td>{cell(r, c, value)}</td>" for c, value in enumerate(row)) + "</tr>"
        for r, row in enumerate(table.rows) if r >= table.header_rows)
    return (
        f'<div class="edition-table" id="{table.anchor}">\n'
        f"<table><caption>{curated_html(document, f'{table.anchor}/caption', table.caption)}</caption>\n"
        f"<thead>{head}</thead>\n<tbody>{body}</tbody></table>\n"
        f'<p class="source-note">{curated_html(document, f"{table.anchor}/note", table.note)}</p>\n'
        f'<p class="editorial-note">【編者按】{table_note(table, document)}</p>\n</div>')


def render_figure(figure: Figure, document: Document) -> str:
    """As the site draws it: a diagram as a nested list styled as an org chart (HTML and CSS,
    no script), a map or a lost diagram as the editor's description."""
    description = as_pages(figure.description, document.printed_page)
    if figure.kind == "map":
        body = ('<div class="figure-missing"><p>【編者按】原圖為地圖，抽取文字中未存原圖，本版不重繪地圖。'
                f"據正文所述：{escape_html(description)}</p></div>")
    elif figure.labels:
        labels = "".join(f"<li>{escape_html(label)}</li>" for label in figure.labels)
        body = (f'{render_org_chart(figure.mermaid).replace("<br>", "<br/>")}\n'
                f'<p class="editorial-note">【編者按】本圖依原書殘存的方框文字重繪：{escape_html(description)}</p>\n'
                f'<div class="figure-labels"><p>原圖殘存文字（{len(figure.labels)} 則）</p><ul>{labels}</ul></div>')
    else:
        body = ('<div class="figure-missing"><p>【編者按】原圖之方框文字未存於抽取文字中，本版無從重繪。'
                f"{escape_html(description)}</p></div>")
    return (f'<figure class="edition-figure" id="{figure.anchor}">\n{body}\n'
            f"<figcaption>{curated_html(document, f'{figure.anchor}/caption', figure.caption)}<br/>"
            f'<span class="source-note">{curated_html(document, f"{figure.anchor}/note", figure.note)}</span>'
            "</figcaption>\n</figure>")


def id_attribute(passage_id: str | None) -> str:
    return f' id="{passage_id}"' if passage_id else ""


def write_heading(block: Block, inlines: list[Inline], document: Document, passage_id: str | None) -> str:
    anchor = f' id="{block.ref}"' if block.ref else ""
    return f"<h{block.level}{anchor}>{render_inlines(inlines, document.slug)}</h{block.level}>"


def write_paragraph(block: Block, inlines: list[Inline], document: Document, passage_id: str | None) -> str:
    return f"<p{id_attribute(passage_id)}>{render_inlines(inlines, document.slug)}</p>"


def write_part(block: Block, inlines: list[Inline], document: Document, passage_id: str | None) -> str:
    return f'<p class="part-title"{id_attribute(passage_id)}>{text(block.text.strip())}</p>'


def write_list_item(block: Block, inlines: list[Inline], document: Document, passage_id: str | None) -> str:
    return f"<li{id_attribute(passage_id)}>{render_inlines(inlines, document.slug)}</li>"


def write_table(block: Block, inlines: list[Inline], document: Document, passage_id: str | None) -> str:
    return render_table(document.tables[block.ref], document)


def write_figure(block: Block, inlines: list[Inline], document: Document, passage_id: str | None) -> str:
    return render_figure(document.figures[block.ref], document)


BLOCK_WRITERS: dict[Kind, Callable[[Block, list[Inline], Document, str | None], str]] = {
    Kind.HEADING: write_heading,
    Kind.PARAGRAPH: write_paragraph,
    Kind.PART: write_part,
    Kind.LIST_ITEM: write_list_item,
    Kind.LIST_TERM: write_list_item,
    Kind.TABLE: write_table,
    Kind.FIGURE: write_figure,
}
LIST_KINDS = (Kind.LIST_ITEM, Kind.LIST_TERM)


def outline_levels(document: Document) -> dict[int, int]:
    """Block index → the heading's XHTML level, one below its parent heading's: the thesis
    skips a level where a chapter has no 節 (第六章 goes from the chapter to 一、), which
    the site shows as h1 → h3; a reading system's outline (and Ace) expects no gap."""
    levels, stack = {}, []  # stack of (thesis level, XHTML level)
    for index, block in enumerate(document.blocks):
        if block.kind != Kind.HEADING:
            continue
        while stack and stack[-1][0] >= block.level:
            stack.pop()
        levels[index] = stack[-1][1] + 1 if stack else 1
        stack.append((block.level, levels[index]))
    return levels


def render_blocks(document: Document) -> str:
    """The document's blocks in order; consecutive list items in one list."""
    ids, levels = passage_ids(document), outline_levels(document)
    out, in_list = [], False
    for index, block in enumerate(document.blocks):
        if index in levels and levels[index] != block.level:
            block = dataclasses.replace(block, level=levels[index])
        writer = BLOCK_WRITERS.get(block.kind)
        if writer is None:
            raise EpubWriteError(f"EPUB writer (edition/write/epub/xhtml.py): no rendering for the block kind "
                                 f"{block.kind!r} in {document.slug}; add one to BLOCK_WRITERS")
        before, inlines = leading_page_breaks(block)
        is_item = block.kind in LIST_KINDS
        if in_list and (before or not is_item):
            out.append("</ul>")
            in_list = False
        if before:
            out.append(before)
        if is_item and not in_list:
            out.append("<ul>")
            in_list = True
        out.append(writer(block, inlines, document, ids.get(index)))
    if in_list:
        out.append("</ul>")
    return "\n".join(out)


def render_footnote(note: Note, slug: str, works: list[str]) -> str:
    """An EPUB footnote: the thesis's own number, which leads back to the marker, then the
    author's wording and a link to each cited work's entry in the reference list."""
    links = "".join(f' <a class="bib-link" href="bibliography.xhtml#{key}">〔書目〕</a>' for key in works)
    return (f'<aside epub:type="footnote" role="doc-footnote" id="fn-{note.number}" class="footnote">'
            f'<p><a href="#fnref-{note.number}" role="doc-backlink" class="note-number" '
            f'title="回到註 {note.number} 的位置">{note.number}</a> '
            f"{render_inlines(note.inlines, slug)}{links}</p></aside>")


def render_footnotes(document: Document, works_of: Callable[[int], list[str]]) -> str:
    if not document.notes:
        return ""
    notes = "\n".join(render_footnote(note, document.slug, works_of(note.number)) for note in document.notes)
    return f'<section class="footnotes" aria-label="註腳">\n{notes}\n</section>'
