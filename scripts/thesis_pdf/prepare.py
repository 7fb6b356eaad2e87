"""Rearrange the print page as a thesis for WeasyPrint.

The print page holds every chapter in order, but as a web page: chapter endnotes with
back-links, citation boxes, a contents list drawn by JavaScript (WeasyPrint runs none).
Here its sections are moved into a plain document: a title page from source/metadata.toml,
front matter (abstracts, contents, lists of tables and figures), then the main matter.
Each note is moved next to its marker as a `span.note` that thesis.css floats to the foot
of the page; the thesis's own number travels with it (data-n).  No text of the thesis is
rewritten: elements are moved, and only the site's widgets are removed.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from xml.etree import ElementTree as ET

import tinyhtml5

from edition.write.cite_formats import thesis_title

from .kinsoku import CLOSING, CLOSING_RUN
from .page_turns import turn_blocks
from .slip_marks import mark_slips

FRONT = ("abstract", "abstract-en")
LISTS = ("tables", "figures")  # the site's lists of tables and figures, given PDF page numbers
MAIN_PREFIXES = ("chapter-", "appendix-")  # their sections are listed in the contents
BACK = ("bibliography", "errata", "edition-report")
WIDGETS = {  # (tag, class) of what only a web page needs
    ("details", "quote"),  # citation box with copy buttons and downloads
    ("a", "headerlink"),
    ("a", "passage-link"),  # ¶ (the print page has them in its HTML since they are written at build time)
    ("a", "footnote-backref"),
    ("a", "bib-link"),  # 〔書目〕 in each note: the reference list is in the PDF anyway
    ("div", "slips-switch"),  # 原文 ⇄ 校讀, a button for the screen
}
NOTE_ID = re.compile(r"^(?:[\w-]+-)?fn:(\d+)$")


class PrintPageError(ValueError):
    """The print page is not what this module was written for."""


@dataclass(frozen=True)
class Heading:
    id: str
    text: str
    level: int  # 0 part, 1 chapter, 2 section
    front: bool  # numbered in roman


def classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


def text_of(element: ET.Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def remove(parent: ET.Element, child: ET.Element) -> None:
    """Remove `child`, keeping the text that follows it."""
    if child.tail:
        index = list(parent).index(child)
        if index:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)


def insert_after(parent: ET.Element, anchor: ET.Element, new: ET.Element) -> None:
    new.tail, anchor.tail = anchor.tail, None
    parent.insert(list(parent).index(anchor) + 1, new)


def element(tag: str, text: str = "", **attributes: str) -> ET.Element:
    node = ET.Element(tag, {k.rstrip("_").replace("_", "-"): v for k, v in attributes.items()})
    node.text = text or None
    return node


def strip_widgets(root: ET.Element) -> None:
    parents = {child: parent for parent in root.iter() for child in parent}
    for node in list(root.iter()):
        if any(node.tag == tag and css in classes(node) for tag, css in WIDGETS):
            remove(parents[node], node)
    for node in root.iter("details"):  # the surviving labels of a figure: kept, shown open
        node.tag = "div"
        node.set("class", " ".join(sorted(classes(node) | {"details"})))
        for summary in node.iter("summary"):
            summary.tag = "p"
            summary.set("class", "summary")
    unbox_tables(root)


def unbox_tables(root: ET.Element) -> None:
    """A table's scroll box (scripts/hooks/table_boxes.py) is a keyboard stop on screen; on paper, the table."""
    parents = {child: parent for parent in root.iter() for child in parent}
    for box in [d for d in root.iter("div") if "md-typeset__scrollwrap" in classes(d)]:
        table = box.find("div/table")
        if table is None:
            raise PrintPageError("print page: a table's scroll box holds no div > table")
        table.attrib.pop("class", None)
        table.tail = box.tail
        parent = parents[box]
        parent[list(parent).index(box)] = table


def move_notes_to_markers(root: ET.Element) -> int:
    """Put each note's text right after its marker; drop the endnote lists."""
    parents = {child: parent for parent in root.iter() for child in parent}
    notes = {}
    for item in root.iter("li"):
        match = NOTE_ID.match(item.get("id", ""))
        if match and "footnote" in classes(parents[parents[item]]):
            notes[match.group(1)] = item
    moved = 0
    for sup in list(root.iter("sup")):
        match = re.fullmatch(r"fnref:(\d+)", sup.get("id", ""))
        if not match:
            continue
        number = match.group(1)
        if number not in notes:
            raise PrintPageError(f"print page: marker {number} (<sup id=fnref:{number}>) has no note")
        note = element("span", class_="note", id=f"fn:{number}", data_n=number)
        for index, paragraph in enumerate(notes.pop(number)):
            if index:
                note.append(element("br"))
            piece = element("span", paragraph.text or "")
            piece.extend(list(paragraph))
            note.append(piece)
        for link in sup.iter("a"):
            link.set("href", f"#fn:{number}")
        insert_after(parents[sup], sup, note)
        parent = parents[sup]
        keep = keep_with_marker(parent, sup, note)
        parents.update({keep: parent, sup: keep, note: keep})
        moved += 1
    if notes:
        raise PrintPageError(f"print page: notes without a marker: {sorted(notes, key=int)}")
    for div in [d for d in root.iter("div") if "footnote" in classes(d)]:
        remove(parents[div], div)
    return moved


# Kinsoku (禁則): a line never begins with a closing mark, and a note marker belongs to the
# characters it follows.  WeasyPrint may break at the edge of an inline element, before the
# marker or after the note, whatever the characters; so the character before the marker
# (with any closing marks it carries, 言」), the marker, its note and the closing marks
# after it (，) are set in one unbreakable span (thesis.css: .keep).
BEFORE_MARKER = re.compile(rf"[^\s{CLOSING}][{CLOSING}]*$")


def keep_with_marker(parent: ET.Element, sup: ET.Element, note: ET.Element) -> ET.Element:
    children = list(parent)
    index = children.index(sup)
    before = parent.text if index == 0 else children[index - 1].tail
    keep = element("span", class_="keep")
    lead = BEFORE_MARKER.search(before or "")
    if lead:
        rest = (before or "")[:lead.start()]
        if index == 0:
            parent.text = rest
        else:
            children[index - 1].tail = rest
        keep.text = lead.group(0)
    trail = CLOSING_RUN.match(note.tail or "")
    after = note.tail or ""
    note.tail = trail.group(0) if trail else None
    keep.tail = after[trail.end():] if trail else after
    parent.remove(sup)
    parent.remove(note)
    sup.tail = None
    keep.extend([sup, note])
    parent.insert(index, keep)
    return keep


def drop_repeated_part_title(section: ET.Element) -> None:
    """mkdocs-print-site heads a nav section (附錄) with its name as an h1; the thesis's own
    part title (p.part-title 附錄) follows inside it, on a page of its own: print it once."""
    heads = [child for child in section if child.tag == "h1"]
    titles = {text_of(p) for p in section.iter("p") if "part-title" in classes(p)}
    for head in heads:
        if text_of(head) in titles:
            remove(section, head)


def page_start_into_part_title(section: ET.Element) -> None:
    """The original page that opens with the part title (附錄) is marked on the part title's
    own page: a marker just before it would stay on the page before, alone (the part title
    starts a page of another kind: thesis.css, @page part)."""
    for parent in list(section.iter()):
        children = list(parent)
        for before, title in zip(children, children[1:]):
            if ("part-title" in classes(title) and before.tag == "div" and "page-start" in classes(before)
                    and not (before.tail or "").strip()):
                parent.remove(before)
                before.tag, before.tail, title.text = "span", title.text, None
                title.insert(0, before)


def label_page_starts(root: ET.Element) -> None:
    """Margin labels for the original page numbers: "p.N"; pages that held only a table or
    figure start one after another, so a run of them is labelled once, one number a line."""
    for parent in root.iter():
        run: list[ET.Element] = []
        for child in [*parent, None]:
            starts = child is not None and child.tag == "div" and "page-start" in classes(child)
            if starts and run and not (run[-1].tail or "").strip():
                run.append(child)
                continue
            if run:
                run[0].set("data-label", "\n".join(f"p.{node.get('data-page')}" for node in run))
                for node in run[1:]:
                    node.set("data-label", "")
            run = [child] if starts else []
        for child in parent:
            if child.tag == "span" and "page-start" in classes(child):
                child.set("data-label", f"p.{child.get('data-page')}")


def repair_links(root: ET.Element) -> None:
    """Links to notes go to the moved notes; links to the site's other files are unlinked."""
    for link in root.iter("a"):
        href = link.get("href")
        if href is None:
            continue
        match = NOTE_ID.match(href[1:]) if href.startswith("#") else None
        if match:
            link.set("href", f"#fn:{match.group(1)}")
        elif not href.startswith(("#", "http://", "https://", "mailto:")):
            del link.attrib["href"]
            link.attrib.pop("download", None)


def add_page_column(section: ET.Element, heading: str) -> None:
    """Each row of a list of tables or figures gets the PDF page of its item."""
    for row in section.iter("tr"):
        cells = list(row)
        if cells and cells[0].tag == "th":
            row.append(element("th", heading))
            continue
        target = next((a.get("href") for a in row.iter("a") if a.get("href", "").startswith("#")), None)
        if target is None:
            raise PrintPageError(f"print page: a row of #{section.get('id')} links to no table or figure")
        cell = element("td", class_="folio")
        cell.append(element("a", class_="page-ref", href=target))
        row.append(cell)


def headings(sections: list[ET.Element], front: set[str]) -> list[Heading]:
    """h1 of every section, h2 of chapters and appendices, and part titles (附錄), in order."""
    found = []

    def walk(node: ET.Element, section: str) -> None:
        for child in node:
            if child.tag == "section" and child.get("id"):
                walk(child, child.get("id"))
                continue
            if "part-title" in classes(child):
                child.set("id", f"part-{section}")
                found.append(Heading(child.get("id"), text_of(child), 0, section in front))
            elif child.tag in ("h1", "h2") and child.get("id"):
                level = 1 if child.tag == "h1" else 2
                if level == 1 or section.startswith(MAIN_PREFIXES):
                    found.append(Heading(child.get("id"), text_of(child), level, section in front))
            walk(child, section)

    for section in sections:
        walk(section, section.get("id"))
    return found


def contents(entries: list[Heading], title: str) -> ET.Element:
    section = element("section", class_="contents", id="contents")
    section.append(element("h1", title, id="contents-title"))
    listing = element("ul", class_="toc")
    for entry in entries:
        item = element("li", class_=f"toc-{entry.level}" + (" front" if entry.front else ""))
        item.append(element("a", entry.text, href=f"#{entry.id}"))
        listing.append(item)
    section.append(listing)
    return section


def title_pages(metadata: dict, edition_title: str) -> list[ET.Element]:
    thesis = metadata["thesis"]
    author = thesis["author"] or "佚名"
    year = thesis["year"] or f"約 {thesis['year_circa']} 年"
    cover = element("section", class_="cover", id="title-page")
    for css, text in (("institution", thesis["institution"]),
                      ("institution-en", thesis["institution_en"]),
                      ("degree", thesis["degree"]),
                      ("title", thesis_title(metadata)),
                      ("title-en", f"[{thesis['supplied_title_en']}]"),
                      ("author", f"作者：{author}"),
                      ("year", year)):
        cover.append(element("p", text, class_=css))
    verso = element("section", class_="verso", id="edition-notes")
    verso.append(element("h2", "本版說明", class_="verso-title"))
    verso.append(element("p", f"本 PDF 為《{edition_title}》之全文排印本，據論文 PDF 之抽取文字重建，"
                              "逐字保留作者原文。頁邊小字「p.N」為原書頁碼；註腳保留原編號，置於所在頁之頁腳。"))
    notes = element("dl", class_="facts")
    for term, value, note in (("題名", thesis_title(metadata), thesis["title_note"]),
                              ("作者", author, thesis["author_note"]),
                              ("學校", thesis["institution"], thesis["institution_note"]),
                              ("年份", year, thesis["year_note"])):
        notes.append(element("dt", term))
        notes.append(element("dd", f"{value}。{note}"))
    verso.append(notes)
    return [cover, verso]


def thesis_document(print_page: str, metadata: dict, *, lang: str, created: str,
                    turn_pages_before: frozenset[str] = frozenset()) -> str:
    """The HTML that thesis.css typesets (Traditional: the Simplified PDF converts it whole);
    the blocks named in `turn_pages_before` start a new page (page_turns)."""
    thesis = metadata["thesis"]
    title = f"{thesis_title(metadata)}{thesis['degree']}"
    subject = f"{thesis['institution']}{thesis['degree']}（約 {thesis['year_circa']} 年）之數位校訂版"
    keywords = [*thesis["keywords"], *thesis["keywords_en"]]
    root = tinyhtml5.parse(print_page, namespace_html_elements=False)
    page = next((d for d in root.iter("div") if d.get("id") == "print-site-page"), None)
    if page is None:
        raise PrintPageError("print page: no <div id=print-site-page> (is mkdocs-print-site still enabled?)")
    sections = {s.get("id"): s for s in page if s.tag == "section" and s.get("id")}  # parts hold appendices
    named = (*FRONT, *LISTS, *BACK)
    order = [*FRONT, *LISTS, *[k for k in sections if k not in named], *BACK]  # parts stay in place
    missing = [k for k in order if k not in sections]
    if missing or not any(k.startswith("chapter-") for k in sections):
        raise PrintPageError(f"print page sections: expected {order}, found {list(sections)}")
    for section in sections.values():
        section.attrib.pop("heading-number", None)
        strip_widgets(section)
        drop_repeated_part_title(section)
        page_start_into_part_title(section)
    holder = element("div")  # the sections, while notes, labels and links are reworked
    holder.extend(sections.values())
    move_notes_to_markers(holder)
    mark_slips(holder)  # after the notes are moved: a slip in a note is known by its span.note
    label_page_starts(holder)
    repair_links(holder)
    for key in LISTS:
        add_page_column(sections[key], "本版頁")
    turn_blocks(holder, turn_pages_before)  # last: blocks are named as WeasyPrint will see them

    body = element("body")
    front = element("div", class_="frontmatter")
    front.extend(title_pages(metadata, metadata["edition"]["title"]))
    front.extend(sections[k] for k in FRONT)
    entries = headings([sections[k] for k in order], set(FRONT) | set(LISTS))
    front.append(contents(entries, "目　錄"))
    front.extend(sections[k] for k in LISTS)
    main = element("div", class_="mainmatter")
    main.extend(sections[k] for k in order if k not in FRONT and k not in LISTS)
    body.extend([front, main])

    head = "".join([
        '<meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        f'<meta name="author" content="{html.escape(thesis["author"] or "佚名")}">',
        f'<meta name="description" content="{html.escape(subject)}">',
        f'<meta name="keywords" content="{html.escape(", ".join(keywords))}">',
        f'<meta name="dcterms.created" content="{created}">',
        f'<meta name="dcterms.modified" content="{created}">',
    ])
    return (f'<!doctype html><html lang="{lang}"><head>{head}</head>'
            + ET.tostring(body, encoding="unicode", method="html") + "</html>")

