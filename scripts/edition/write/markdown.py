"""Markdown writer: writes the document model (URLs and cross-references are already nodes)."""
from __future__ import annotations

import html
import re

from ..model import Block, CrossRef, Document, Edition, Inline, Kind, LineBreak, Link, Note, NoteRef, PageStart, Sic
from ..passes.links import split_urls
from ..read.curated import Figure, Table
from .cite_formats import cite_block, passage_cite_data
from .diagram import render_org_chart
from .passages import passage_ids, with_passage_id
from ..source_refs import as_pages, page_span

# Characters that could start markup, escaped with a backslash: each is one Python-Markdown
# removes the backslash from (its ESCAPED_CHARS, with `|` from the tables extension), so no
# backslash ever shows.  `~` and `^` start nothing here and stay bare; `<` becomes an entity,
# since "\<" would show its backslash.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]>#|])")
ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
# A paragraph that opens like a list item ("- …", "1. …") must stay a paragraph.
LIST_START = re.compile(r"^(?:[-+](?= )|\d+(?=\. ))")


def escape_text(text: str) -> str:
    text = MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return ENTITY_LIKE.sub("&amp;", text).replace("<", "&lt;")


def escape_block_start(markdown: str) -> str:
    """Escape what would make a block's first characters a list marker (`\\-`, `1\\.`)."""
    match = LIST_START.match(markdown)
    if not match:
        return markdown
    if match.group(0) in "-+":
        return "\\" + markdown
    return markdown[: match.end()] + "\\" + markdown[match.end():]


def escape_html(text: str) -> str:
    return "".join(
        f'<a href="{html.escape(p)}">{html.escape(p)}</a>' if url else html.escape(p, quote=False)
        for p, url in split_urls(text)
    )


def page_anchor(printed: int, tag: str = "span") -> str:
    return f'<{tag} class="page-start" id="page-{printed}" data-page="{printed}" title="原書第 {printed} 頁"></{tag}>'


def cross_ref(item: CrossRef, slug: str) -> str:
    """A Markdown link, with the caption as its title (Material shows it on hover)."""
    href = f"#{item.anchor}" if item.document == slug else f"{item.document}.md#{item.anchor}"
    caption = item.caption.replace('"', "")
    return f'[{escape_text(item.text)}]({href} "{caption}")' if caption else f"[{escape_text(item.text)}]({href})"


def sic_note(item: Sic) -> str:
    """What hover, focus, tap and assistive technology give: both forms, kind, certainty, reason."""
    return f"原文作「{item.text}」，校讀作「{item.corr}」（{item.kind_label}，{item.cert_label}）：{item.reason}"


def sic_span(item: Sic, inner: str) -> str:
    """The author's characters (`inner`, already escaped) in a focusable mark; the reading in data-corr."""
    attrs = {"class": "sic", "id": item.id, "data-corr": item.corr, "data-kind": item.kind, "data-cert": item.cert,
             "aria-label": sic_note(item), "role": "button", "aria-expanded": "false", "tabindex": "0"}
    return "<span " + " ".join(f'{k}="{html.escape(v)}"' for k, v in attrs.items()) + f">{inner}</span>"


def render_inlines(inlines: list[Inline], slug: str = "") -> str:
    out = []
    for item in inlines:
        if isinstance(item, NoteRef):
            out.append(f"[^{item.number}]")
        elif isinstance(item, PageStart):
            out.append(page_anchor(item.printed))
        elif isinstance(item, LineBreak):
            out.append("<br>")
        elif isinstance(item, Link):
            out.append(f"<{item.url}>")
        elif isinstance(item, CrossRef):
            out.append(cross_ref(item, slug))
        elif isinstance(item, Sic):
            out.append(sic_span(item, escape_text(item.text)))
        elif isinstance(item, str):
            out.append(escape_text(item))
        else:
            raise TypeError(f"the Markdown writer cannot write an inline of kind {type(item).__name__}")
    return "".join(out)


def render_html_inlines(inlines: list[Inline]) -> str:
    """Curated text (table cells, captions) inside raw HTML, where Markdown is not read."""
    out = []
    for item in inlines:
        if isinstance(item, Sic):
            out.append(sic_span(item, html.escape(item.text, quote=False)))
        elif isinstance(item, str):
            out.append(escape_html(item))
        else:
            raise TypeError(f"curated text cannot hold an inline of kind {type(item).__name__}")
    return "".join(out)


def curated_html(document: Document | None, key: str, text: str) -> str:
    """A cell or caption as the slips pass marked it, else the curated string."""
    return render_html_inlines(document.curated(key, text)) if document else escape_html(text)


def leading_pages(block: Block) -> tuple[list[PageStart], list[Inline]]:
    """Page anchors that open a block are written before it, so headings stay clean."""
    inlines = list(block.inlines)
    if block.kind in (Kind.TABLE, Kind.FIGURE):
        return [i for i in inlines if isinstance(i, PageStart)], []
    pages = []
    while inlines and isinstance(inlines[0], PageStart):
        pages.append(inlines.pop(0))
    return pages, inlines


def render_table(table: Table, document: Document) -> str:
    rows = []
    for index, row in enumerate(table.rows):
        tag = "th" if index < table.header_rows else "td"
        cells = "".join(f"<{tag}>{curated_html(document, f'{table.anchor}/cell-{index}-{c}', cell)}</{tag}>"
                        for c, cell in enumerate(row))
        rows.append(f"<tr>{cells}</tr>")
    head = "".join(rows[: table.header_rows])
    body = "".join(rows[table.header_rows:])
    return (
        f'<figure class="edition-table" id="{table.anchor}" data-source-lines="{table.first_line}-{table.last_line}">\n'
        f'<figcaption id="{table.anchor}-caption">{curated_html(document, f"{table.anchor}/caption", table.caption)}</figcaption>\n'
        # the caption's id names the table's scroll box (scripts/hooks/table_boxes.py)
        f'<table>\n<thead>{head}</thead>\n<tbody>{body}</tbody>\n</table>\n'
        f'<p class="source-note">{curated_html(document, f"{table.anchor}/note", table.note)}</p>\n'
        f'<p class="editorial-note">【編者按】{table_note(table, document)}</p>\n'
        "</figure>"
    )


def table_note(table: Table, document: Document) -> str:
    """The edition's note under a rebuilt table, with the printed pages it stands on (the
    source lines are the TEI's and the edition report's)."""
    pages = page_span((table.first_line, table.last_line), document.printed_page)
    return f"本表依原書抽取文字重建為表格（原書第 {pages} 頁），儲存格文字悉依原文。"


def render_figure(figure: Figure, document: Document) -> str:
    description = as_pages(figure.description, document.printed_page)
    if figure.kind == "map":
        body = (
            '<div class="figure-missing"><p>【編者按】原圖為地圖，抽取文字中未存原圖，本版不重繪地圖。'
            f"據正文所述：{escape_html(description)}</p></div>"
        )
    elif figure.labels:
        labels = "".join(f"<li>{escape_html(label)}</li>" for label in figure.labels)
        body = (
            f"{render_org_chart(figure.mermaid)}\n"
            f'<p class="editorial-note">【編者按】本圖依原書殘存的方框文字重繪：{escape_html(description)}</p>\n'
            f'<details class="figure-labels"><summary>原圖殘存文字（{len(figure.labels)} 則）</summary><ul>{labels}</ul></details>'
        )
    else:
        body = (
            '<div class="figure-missing"><p>【編者按】原圖之方框文字未存於抽取文字中，本版無從重繪。'
            f"{escape_html(description)}</p></div>"
        )
    return (
        f'<figure class="edition-figure" id="{figure.anchor}">\n{body}\n'
        f"<figcaption>{curated_html(document, f'{figure.anchor}/caption', figure.caption)}<br>"
        f'<span class="source-note">{curated_html(document, f"{figure.anchor}/note", figure.note)}</span></figcaption>\n</figure>'
    )


LATIN = re.compile(r"[A-Za-z]")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def is_english(text: str) -> bool:
    """English prose (the abstract, English notes): tagged lang="en" for screen readers,
    hyphenation and fonts.  Latin letters outnumber Han characters twenty to one."""
    latin, han = len(LATIN.findall(text)), len(HAN.findall(text))
    return latin >= 8 and latin >= 20 * han


def render_block(block: Block, document: Document | None = None) -> str:
    slug = document.slug if document else ""
    pages, inlines = leading_pages(block)
    before = "".join(page_anchor(p.printed, "div") + "\n\n" for p in pages)
    if block.kind == Kind.HEADING:
        attributes = ([f"#{block.ref}"] if block.ref else []) + (['lang="en"'] if is_english(block.text) else [])
        anchor = f" {{{' '.join(attributes)}}}" if attributes else ""
        return before + "#" * block.level + " " + render_inlines(inlines, slug) + anchor
    if block.kind == Kind.TABLE:
        return before + render_table(document.tables[block.ref], document)
    if block.kind == Kind.FIGURE:
        return before + render_figure(document.figures[block.ref], document)
    if block.kind == Kind.PART:
        return before + f'<p class="part-title">{escape_html(block.text.strip())}</p>'
    if block.kind in (Kind.LIST_ITEM, Kind.LIST_TERM):
        return before + "- " + escape_block_start(render_inlines(inlines, slug))
    return before + escape_block_start(render_inlines(inlines, slug))


def render_note(note: Note, slug: str = "", works: list[str] = ()) -> str:
    """The author's wording, then a link to each cited work's entry in the reference list."""
    links = "".join(f' <a class="bib-link" href="../bibliography/#{key}" title="參考書目">〔書目〕</a>' for key in works)
    text = escape_block_start(render_inlines(note.inlines, slug))
    if is_english(note.text):
        text = f'<span lang="en">{text}</span>'
    return f"[^{note.number}]: {text}{links}"


def render_document(document: Document, edition: Edition) -> str:
    ids = passage_ids(document)
    parts = [with_passage_id(render_block(block, document), ids.get(index), is_english(block.text))
             for index, block in enumerate(document.blocks)]
    metadata, work = edition.curated.metadata, edition.citable().get(document.slug)
    cite = (cite_block(metadata, work, document.slug) + "\n" if work else "") + passage_cite_data(
        metadata, work.part if work else "")
    heading = next(i for i, b in enumerate(document.blocks) if b.kind == Kind.HEADING)
    parts.insert(heading + 1, cite.rstrip())
    if document.notes:
        parts.append("\n".join(
            render_note(note, document.slug, edition.citations.notes[note.number].works) for note in document.notes))
    return "\n\n".join(parts) + "\n"
