"""TEI P5 writer: the whole edition as one TEI file (thesis.tei.xml), from the model.

Like the Markdown writer it only writes what the passes built; it never re-reads text.

- front: the two abstracts; body: the chapters (`div type="chapter" n=`), their sections
  nested by heading level; back: the appendices (`div type="appendix"`) and the reference
  list (tei_bibl.py).
- every paragraph and list item carries the site's passage id as xml:id (passages.py);
  `<pb n="N" xml:id="page-N"/>` where printed page N begins; each note stands inline at
  its marker as `<note place="foot" n="N">`, its citations as `<ref target="#key">`.
- tables as table/head/row/cell, figures as figure/head/figDesc.

Inline kinds are written by INLINE_WRITERS, one small function per kind: an inline the
table does not know stops the conversion with its name, so a new kind in the model (an
author's slip, say) is added here by one function and one table entry.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

from ..errors import EditionError
from ..model import (Block, CrossRef, Document, DocumentKind, Edition, Inline, Kind, LineBreak, Link, Note, NoteRef,
                     PageStart, Sic)
from ..read.curated import Figure, Table
from ..source_refs import as_lines
from .diagram import parse_flowchart
from .markdown import leading_pages
from .passages import passage_ids
from .tei_bibl import list_bibl
from .tei_header import tei_header
from .tei_xml import TEI_NS, append_text, element, serialise

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
BACK_REFERENCE = re.compile(r"前揭書|前揭文|同上|同註\s*\d*")


class TeiContext:
    """What inline writers need beyond the inline: the edition (notes, citations)."""

    def __init__(self, edition: Edition) -> None:
        self.edition = edition
        self.part: ET.Element | None = None  # the 附錄 part, once opened


def write_text(parent: ET.Element, text: str, context: TeiContext) -> None:
    append_text(parent, text)


def write_page_start(parent: ET.Element, item: PageStart, context: TeiContext) -> None:
    element(parent, "pb", n=str(item.printed), xml_id=f"page-{item.printed}")


def write_line_break(parent: ET.Element, item: LineBreak, context: TeiContext) -> None:
    element(parent, "lb")


def write_link(parent: ET.Element, item: Link, context: TeiContext) -> None:
    element(parent, "ref", item.url, target=item.url)


def write_cross_ref(parent: ET.Element, item: CrossRef, context: TeiContext) -> None:
    element(parent, "ref", item.text, target=f"#{item.anchor}", type="crossref")


def write_note_ref(parent: ET.Element, item: NoteRef, context: TeiContext) -> None:
    note = context.edition.notes[item.number]
    works = context.edition.citations.notes[note.number].works
    node = element(parent, "note", place="foot", n=str(note.number), xml_id=f"note-{note.number}",
                   xml_lang="" if HAN.search(note.text) else "en")
    write_note_content(node, note, works, context)


def write_sic(parent: ET.Element, item: Sic, context: TeiContext) -> None:
    """An author's slip: the text as written, and the edition's likely reading beside it."""
    choice = element(parent, "choice")
    element(choice, "sic", item.text)
    element(choice, "corr", item.corr, resp="#edition", cert=item.cert, type=item.kind)


# One writer per inline kind of the model (model.Inline).  A kind added to the model
# needs one entry here, e.g. a slip: `Sic: write_sic`, writing <choice><sic/><corr/></choice>.
INLINE_WRITERS: dict[type, Callable[[ET.Element, object, TeiContext], None]] = {
    str: write_text,
    PageStart: write_page_start,
    LineBreak: write_line_break,
    Link: write_link,
    CrossRef: write_cross_ref,
    NoteRef: write_note_ref,
    Sic: write_sic,
}


class UnknownInline(EditionError):
    def __init__(self, item: object, where: str) -> None:
        super().__init__("scripts/edition/write/tei.py", where,
                         "an inline kind listed in INLINE_WRITERS", type(item).__name__)


def write_inlines(parent: ET.Element, inlines: list[Inline], context: TeiContext, where: str = "") -> None:
    for item in inlines:
        writer = INLINE_WRITERS.get(type(item))
        if writer is None:
            raise UnknownInline(item, where)
        writer(parent, item, context)


def write_note_content(node: ET.Element, note: Note, works: list[str], context: TeiContext) -> None:
    """The author's words; each cited work's title (or the 前揭書/同上 that points to it)
    becomes a <ref target="#key">; a work named nowhere in the text gets a <ptr> at the end."""
    titles = {key: context.edition.citations.works[key].fields.get("title", "") for key in works}
    pending = list(works)
    for item in note.inlines:
        if not isinstance(item, str):
            write_inlines(node, [item], context, f"note {note.number}")
            continue
        text = item
        while pending:
            key = pending[0]
            at, length = find_citation(text, titles[key])
            if at < 0:
                break
            append_text(node, text[:at])
            element(node, "ref", text[at:at + length], target=f"#{key}", type="bibl")
            text = text[at + length:]
            pending.pop(0)
        append_text(node, text)
    for key in pending:
        element(node, "ptr", target=f"#{key}", type="bibl")


def find_citation(text: str, title: str) -> tuple[int, int]:
    if title and title in text:
        return text.index(title), len(title)
    match = BACK_REFERENCE.search(text)
    return (match.start(), len(match.group(0))) if match else (-1, 0)


def write_table(parent: ET.Element, table: Table, document: Document, context: TeiContext) -> None:
    node = element(parent, "table", xml_id=table.anchor, rows=str(len(table.rows)),
                   cols=str(len(table.rows[0]) if table.rows else 0))

    def curated(holder: ET.Element, key: str, text: str) -> None:  # with the slips marked in it
        write_inlines(holder, document.curated(f"{table.anchor}/{key}", text), context, table.anchor)

    curated(element(node, "head"), "caption", table.caption)
    for index, cells in enumerate(table.rows):
        header = index < table.header_rows
        row = element(node, "row", role="label" if header else "")
        for column, cell in enumerate(cells):
            curated(element(row, "cell", role="label" if header else ""), f"cell-{index}-{column}", cell)
    curated(element(node, "note", type="source"), "note", table.note)
    element(node, "note", f"本表依原書抽取文字重建為表格（原文第 {table.first_line}–{table.last_line} 行），儲存格文字悉依原文。",
            type="editorial")


def write_diagram_tree(parent: ET.Element, figure: Figure) -> None:
    diagram = parse_flowchart(figure.mermaid)

    def branch(holder: ET.Element, node: str, associated: bool) -> None:
        item = element(holder, "item", diagram.labels[node].replace("<br>", " "), n="associated" if associated else "")
        kids = diagram.children.get(node, [])
        if kids:
            sub = element(item, "list", type="tree")
            for child, assoc in kids:
                branch(sub, child, assoc)

    tree = element(parent, "list", type="tree")
    for root in diagram.roots:
        branch(tree, root, False)


def write_figure(parent: ET.Element, figure: Figure, document: Document, context: TeiContext) -> None:
    node = element(parent, "figure", xml_id=figure.anchor, type=figure.kind)
    write_inlines(element(node, "head"), document.curated(f"{figure.anchor}/caption", figure.caption), context, figure.anchor)
    desc = element(node, "figDesc")
    if figure.kind == "map":
        append_text(desc, f"原圖為地圖，抽取文字中未存原圖，本版不重繪地圖。據正文所述：{as_lines(figure.description)}")
    elif figure.labels:
        append_text(desc, f"本圖依原書殘存的方框文字重繪：{as_lines(figure.description)}")
        if figure.mermaid:
            write_diagram_tree(desc, figure)
        labels = element(desc, "list", type="labels")
        for label in figure.labels:
            element(labels, "item", label)
    else:
        append_text(desc, f"原圖之方框文字未存於抽取文字中，本版無從重繪。{as_lines(figure.description)}")
    write_inlines(element(node, "note", type="source"), document.curated(f"{figure.anchor}/note", figure.note), context,
                  figure.anchor)


class DivisionWriter:
    """Writes one document's blocks into its div: the first heading (level 1) is the div's
    head, every later heading opens a section div nested by its level."""

    def __init__(self, holder: ET.Element, document: Document, context: TeiContext) -> None:
        self.document, self.context = document, context
        self.ids = passage_ids(document)
        self.stack: list[tuple[int, ET.Element]] = [(0, holder)]
        self.list: ET.Element | None = None

    @property
    def current(self) -> ET.Element:
        return self.stack[-1][1]

    def write(self, blocks: range) -> None:
        for index in blocks:
            self.block(index, self.document.blocks[index])

    def heading(self, block: Block, pages: list[Inline], inlines: list[Inline], where: str) -> None:
        while self.stack[-1][0] >= block.level:
            self.stack.pop()
        if block.level == 1 and len(self.stack) == 1:
            division = self.current  # the document's own div
        else:
            write_inlines(self.current, pages, self.context, where)
            pages = []
            division = element(self.current, "div", type="section", n=block.ref.split("-", 1)[-1],
                               xml_id=f"{self.document.slug}-{block.ref}" if block.ref else "")
        write_inlines(division, pages, self.context, where)
        write_inlines(element(division, "head"), inlines, self.context, where)
        self.stack.append((block.level, division))

    def block(self, index: int, block: Block) -> None:
        where = f"{self.document.slug} block {index + 1}"
        pages, inlines = leading_pages(block)
        if block.kind not in (Kind.LIST_ITEM, Kind.LIST_TERM):
            self.list = None
        if block.kind == Kind.HEADING:
            self.heading(block, pages, inlines, where)
            return
        # a page that begins between two list items begins inside the list (TEI allows pb there)
        write_inlines(self.list if self.list is not None else self.current, pages, self.context, where)
        passage = self.ids.get(index, "")
        if block.kind == Kind.TABLE:
            write_table(self.current, self.document.tables[block.ref], self.document, self.context)
        elif block.kind == Kind.FIGURE:
            write_figure(self.current, self.document.figures[block.ref], self.document, self.context)
        elif block.kind in (Kind.LIST_ITEM, Kind.LIST_TERM):
            if self.list is None:
                self.list = element(self.current, "list")
            write_inlines(element(self.list, "item", xml_id=passage), inlines, self.context, where)
        elif block.kind == Kind.PARAGRAPH:
            write_inlines(element(self.current, "p", xml_id=passage), inlines, self.context, where)
        else:
            raise EditionError("scripts/edition/write/tei.py", where, "a block kind the TEI writer knows", block.kind.value)


def division_attributes(document: Document) -> dict[str, str]:
    if document.kind == DocumentKind.FRONT:
        return {"type": "abstract", "xml_id": document.slug,
                "xml_lang": "en" if document.slug.endswith("-en") else "zh-Hant"}
    return {"type": document.kind.value, "n": document.slug.split("-")[-1], "xml_id": document.slug}


def write_document(parent: ET.Element, document: Document, context: TeiContext) -> ET.Element:
    """The document's div.  The 附錄 part title atop the first appendix opens a part div
    that holds it and every later appendix (its page start stands before it)."""
    blocks = document.blocks
    first = 0
    if blocks and blocks[0].kind == Kind.PART:
        pages, _ = leading_pages(blocks[0])
        write_inlines(parent, pages, context, document.slug)
        context.part = element(parent, "div", type="part", xml_id="appendices")
        element(context.part, "head", blocks[0].text.strip(), type="part", xml_id=passage_ids(document).get(0, ""))
        first = 1
    if document.kind == DocumentKind.APPENDIX and context.part is not None:
        parent = context.part
    holder = element(parent, "div", **division_attributes(document))
    DivisionWriter(holder, document, context).write(range(first, len(blocks)))
    return holder


def tei_tree(edition: Edition, slug: str = "") -> ET.Element:
    """The whole edition, or (slug) one chapter or appendix with the works its notes cite."""
    context = TeiContext(edition)
    documents = [d for d in edition.documents if not slug or d.slug == slug]
    root = element(None, "TEI", xmlns=TEI_NS, xml_lang="zh-Hant")
    root.append(tei_header(edition))
    text = element(root, "text")
    sections = {DocumentKind.FRONT: element(text, "front"), DocumentKind.CHAPTER: element(text, "body"),
                DocumentKind.APPENDIX: element(text, "back")}
    for document in documents:
        write_document(sections[document.kind], document, context)
    notes = {n for d in documents for n in d.note_numbers()}
    cited = {key for n in notes for key in edition.citations.notes[n].works}
    if cited:
        div = element(sections[DocumentKind.APPENDIX], "div", type="bibliography")
        div.append(list_bibl(edition.citations, cited, notes))
    for section in list(sections.values()):
        if not len(section):
            text.remove(section)
    if not len(sections[DocumentKind.CHAPTER]) and sections[DocumentKind.CHAPTER] not in list(text):
        # TEI's text needs a body: a part without chapters says where its text is
        body = ET.Element("body")
        element(body, "p", "本檔只收本部分；全文見 thesis.tei.xml。")
        text.insert(1 if len(text) and text[0].tag == "front" else 0, body)
    return root


def render_tei(edition: Edition, slug: str = "") -> str:
    return serialise(tei_tree(edition, slug))
