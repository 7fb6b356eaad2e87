"""Read an EPUB back (zipfile and ElementTree, nothing of the writer) and the built site's
pages (html.parser), to compare what a reader of each sees."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

XHTML = "{http://www.w3.org/1999/xhtml}"
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def visible(text: str) -> str:
    return "".join(c for c in text if not c.isspace())


@dataclass
class Book:
    names: list[str]  # zip entries, in the zip's order
    infos: list[zipfile.ZipInfo]
    package: ET.Element
    documents: dict[str, ET.Element] = field(default_factory=dict)  # spine order: file → <html>
    nav: ET.Element | None = None

    def metadata(self, name: str) -> list[str]:
        tag = DC + name.removeprefix("dc:") if name.startswith("dc:") else None
        found = self.package.find(OPF + "metadata")
        if tag:
            return [e.text for e in found.findall(tag)]
        return [e.text for e in found.findall(OPF + "meta") if e.get("property") == name]


def read_book(path: Path) -> Book:
    with zipfile.ZipFile(path) as archive:
        container = ET.fromstring(archive.read("META-INF/container.xml"))
        opf_path = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile").get("full-path")
        base = opf_path.rsplit("/", 1)[0] + "/"
        package = ET.fromstring(archive.read(opf_path))
        book = Book(archive.namelist(), archive.infolist(), package)
        items = {i.get("id"): i for i in package.iter(OPF + "item")}
        for ref in package.iter(OPF + "itemref"):
            item = items[ref.get("idref")]
            root = ET.fromstring(archive.read(base + item.get("href")))
            if "nav" in (item.get("properties") or "").split():
                book.nav = root
            book.documents[item.get("href")] = root
    return book


def text_outside_notes(element: ET.Element) -> str:
    """The text a reader reads in the flow: everything but the footnotes' section."""
    out = []

    def walk(node):
        if "footnotes" in (node.get("class") or "").split() or node.get(EPUB_TYPE) == "footnote":
            out.append(node.tail or "")
            return
        out.append(node.text or "")
        for child in node:
            walk(child)
        out.append(node.tail or "")

    walk(element.find(XHTML + "body"))
    return "".join(out)


def all_text(element: ET.Element) -> str:
    return "".join(element.itertext())


class SiteArticle(HTMLParser):
    """A built page's article text, without what only the site has (the ¶ permalinks, the
    cite box, the link to a note's reference entry) and without the notes (kept apart)."""

    SKIPPED = {"headerlink", "passage-link", "footnote", "quote", "bib-link", "footnote-backref", "slips-switch"}
    VOID = {"br", "img", "hr", "meta", "link", "input", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_article = self.skipping = 0
        self.stack: list[tuple[bool, int | None]] = []
        self.body: list[str] = []
        self.notes: dict[int, list[str]] = {}
        self.note: int | None = None
        self.skipping_at_note = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if tag == "article":
            self.in_article += 1
        note = re.fullmatch(r"fn:(\d+)", attributes.get("id") or "")
        if note and tag == "li":
            self.note = int(note.group(1))
            self.notes[self.note] = []
            self.skipping_at_note = self.skipping  # the notes' own box is skipped for the body
        skip = bool(classes & self.SKIPPED)
        self.stack.append((skip, self.note if note and tag == "li" else None))
        self.skipping += skip

    def handle_endtag(self, tag):
        if tag in self.VOID or not self.stack:
            return
        if tag == "article":
            self.in_article -= 1
        skip, note = self.stack.pop()
        self.skipping -= skip
        if note is not None:
            self.note = None

    def handle_data(self, data):
        if not self.in_article:
            return
        if self.note is not None:
            if self.skipping == self.skipping_at_note:  # not in the note's back link or entry link
                self.notes[self.note].append(data)
            return
        if not self.skipping:
            self.body.append(data)


def read_site_page(path: Path) -> tuple[str, dict[int, str]]:
    """(article text outside the notes, {note number: note text})."""
    reader = SiteArticle()
    reader.feed(path.read_text(encoding="utf-8"))
    return "".join(reader.body), {n: "".join(t) for n, t in reader.notes.items()}
