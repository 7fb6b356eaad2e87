"""Markdown writer: renders the document model; it never parses source text again."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .curated import Curated, Figure, Table
from .citations import Citations
from .crossrefs import Targets, split_mentions
from .diagram import render_org_chart
from .model import Block, Document, Inline, LineBreak, NoteRef, PageStart
from .notes import Note
from .passages import passage_ids, with_passage_id

URL = re.compile(r"https?://[!-~]+?(?=[)）\]」』，。；、\s]|[.,;:)]?$|[.,;:)](?=[^!-~]))|https?://[!-~]+")
# Characters that could start markup, escaped with a backslash: each is one Python-Markdown
# removes the backslash from (its ESCAPED_CHARS, with `|` from the tables extension), so no
# backslash ever shows.  `~` and `^` start nothing here and stay bare; `<` becomes an entity,
# since "\<" would show its backslash.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]>#|])")
ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
# A paragraph that opens like a list item ("- …", "1. …") must stay a paragraph.
LIST_START = re.compile(r"^(?:[-+](?= )|\d+(?=\. ))")


def split_urls(text: str) -> list[tuple[str, bool]]:
    """The text cut into (piece, is_url), so that URLs are linked and never escaped."""
    pieces, cursor = [], 0
    for match in URL.finditer(text):
        pieces += [(text[cursor:match.start()], False), (match.group(0), True)]
        cursor = match.end()
    return pieces + [(text[cursor:], False)]


def escape_text(text: str) -> str:
    text = MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return ENTITY_LIKE.sub("&amp;", text).replace("<", "&lt;")


def escape_markdown(text: str) -> str:
    """Text as Markdown, with bare URLs as autolinks."""
    return "".join(f"<{p}>" if url else escape_text(p) for p, url in split_urls(text))


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


@dataclass
class Place:
    """Where a block is rendered, for cross-references."""

    targets: Targets
    slug: str
    block_index: int = -1


def render_text(text: str, place: Place | None) -> str:
    if place is None:
        return escape_markdown(text)
    return "".join(
        f"[{escape_markdown(piece)}]({href})" if href else escape_markdown(piece)
        for piece, href in split_mentions(text, place.targets, place.slug, place.block_index)
    )


def render_inlines(inlines: list[Inline], place: Place | None = None) -> str:
    out = []
    for item in inlines:
        if isinstance(item, NoteRef):
            out.append(f"[^{item.number}]")
        elif isinstance(item, PageStart):
            out.append(page_anchor(item.printed))
        elif isinstance(item, LineBreak):
            out.append("<br>")
        else:
            out.append(render_text(item, place))
    return "".join(out)


def leading_pages(block: Block) -> tuple[list[PageStart], list[Inline]]:
    """Page anchors that open a block are written before it, so headings stay clean."""
    inlines = list(block.inlines)
    if block.kind in ("table", "figure"):
        return [i for i in inlines if isinstance(i, PageStart)], []
    pages = []
    while inlines and isinstance(inlines[0], PageStart):
        pages.append(inlines.pop(0))
    return pages, inlines


def render_table(table: Table) -> str:
    rows = []
    for index, row in enumerate(table.rows):
        tag = "th" if index < table.header_rows else "td"
        cells = "".join(f"<{tag}>{escape_html(cell)}</{tag}>" for cell in row)
        rows.append(f"<tr>{cells}</tr>")
    head = "".join(rows[: table.header_rows])
    body = "".join(rows[table.header_rows:])
    return (
        f'<figure class="edition-table" id="{table.anchor}" data-source-lines="{table.first_line}-{table.last_line}">\n'
        f'<figcaption>{escape_html(table.caption)}</figcaption>\n'
        f'<div class="table-scroll"><table>\n<thead>{head}</thead>\n<tbody>{body}</tbody>\n</table></div>\n'
        f'<p class="source-note">{escape_html(table.note)}</p>\n'
        f'<p class="editorial-note">【編者按】本表依原書抽取文字重建為表格（原文第 {table.first_line}–{table.last_line} 行），儲存格文字悉依原文。</p>\n'
        "</figure>"
    )


def render_figure(figure: Figure) -> str:
    if figure.kind == "map":
        body = (
            '<div class="figure-missing"><p>【編者按】原圖為地圖，抽取文字中未存原圖，本版不重繪地圖。'
            f"據正文所述：{escape_html(figure.description)}</p></div>"
        )
    elif figure.labels:
        labels = "".join(f"<li>{escape_html(label)}</li>" for label in figure.labels)
        body = (
            f"{render_org_chart(figure.mermaid)}\n"
            f'<p class="editorial-note">【編者按】本圖依原書殘存的方框文字重繪：{escape_html(figure.description)}</p>\n'
            f'<details class="figure-labels"><summary>原圖殘存文字（{len(figure.labels)} 則）</summary><ul>{labels}</ul></details>'
        )
    else:
        body = (
            '<div class="figure-missing"><p>【編者按】原圖之方框文字未存於抽取文字中，本版無從重繪。'
            f"{escape_html(figure.description)}</p></div>"
        )
    return (
        f'<figure class="edition-figure" id="{figure.anchor}">\n{body}\n'
        f"<figcaption>{escape_html(figure.caption)}<br>"
        f'<span class="source-note">{escape_html(figure.note)}</span></figcaption>\n</figure>'
    )


def render_block(block: Block, curated: Curated, place: Place | None = None) -> str:
    pages, inlines = leading_pages(block)
    before = "".join(page_anchor(p.printed, "div") + "\n\n" for p in pages)
    if block.kind == "heading":
        anchor = f" {{#{block.ref}}}" if block.ref else ""
        return before + "#" * block.level + " " + render_inlines(inlines, place) + anchor
    if block.kind == "table":
        return before + render_table(curated.tables[block.ref])
    if block.kind == "figure":
        return before + render_figure(curated.figures[block.ref])
    if block.kind == "part":
        return before + f'<p class="part-title">{escape_html(block.text.strip())}</p>'
    if block.kind in ("list-item", "list-term"):
        return before + "- " + escape_block_start(render_inlines(inlines, place))
    return before + escape_block_start(render_inlines(inlines, place))


def render_note(note: Note, place: Place | None = None, works: list[str] = ()) -> str:
    """The author's wording, then a link to each cited work's entry in the reference list."""
    links = "".join(f' <a class="bib-link" href="../bibliography/#{key}" title="參考書目">〔書目〕</a>' for key in works)
    return f"[^{note.number}]: {escape_block_start(render_text(note.text, place))}{links}"


def render_document(
    document: Document, notes: dict[int, Note], curated: Curated, targets: Targets, cite: str = "",
    citations: Citations | None = None,
) -> str:
    ids = passage_ids(document)
    parts = [
        with_passage_id(render_block(block, curated, Place(targets, document.slug, index)), ids.get(index))
        for index, block in enumerate(document.blocks)
    ]
    if cite:
        heading = next(i for i, b in enumerate(document.blocks) if b.kind == "heading")
        parts.insert(heading + 1, cite.rstrip())
    numbers = document.note_numbers()
    if numbers:
        works = {n: citations.notes[n].works for n in numbers} if citations else {}
        parts.append("\n".join(
            render_note(notes[n], Place(targets, document.slug), works.get(n, [])) for n in numbers))
    return "\n\n".join(parts) + "\n"
