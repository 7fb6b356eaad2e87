"""The searchable text of one built page, as the search worker reads it.

A page becomes one string — its blocks (heading, paragraph, list item, table cell,
caption, note) joined by "\\n", so that no query runs from one block into the next — and
a list of marks: from this offset on, the text is of this kind (heading, body, note),
the nearest link target is this id, and it stands on this printed page.  A note is on
the printed page of its marker.  Left out: the permalink ¶, the note markers and
back-links (not the author's words), the citation box each chapter opens with.

An author's slip (span.sic, its reading in data-corr) is indexed as written; after its
block comes one more line, the slip's few neighbours with the reading in its place, so
that either form finds the passage (小覷 finds 不容小靦) at the same target and page.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser

HEADING, BODY, NOTE = 0, 1, 2
BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "caption", "summary", "pre",
          "dt", "dd", "blockquote", "div", "tr", "ul", "ol", "table", "figure", "details", "section", "br", "hr"}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "embed"}
SPACES = re.compile(r"\s+")
READING_CONTEXT = 4  # characters either side of a slip in its reading line


def _skipped(tag: str, attrs: dict[str, str]) -> bool:
    classes = (attrs.get("class") or "").split()
    return bool(tag in {"script", "style", "svg", "button"}
            or (tag == "sup" and (attrs.get("id") or "").startswith("fnref:"))
            or (tag == "a" and {"headerlink", "footnote-backref", "bib-link", "passage-link"} & set(classes))
            or (tag == "details" and "quote" in classes)
            or (tag == "div" and "slips-switch" in classes))


@dataclass
class PageText:
    title: str = ""
    text: str = ""
    marks: list[list] = field(default_factory=list)  # [offset, kind, anchor, printed page]
    # each reading line: [line start, reading start, reading end, line end, the author's text];
    # a hit there counts only where it touches the reading and the author's text has no hit
    # at that place (else it repeats the block above it)
    readings: list[list] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.marks: list[list] = []
        self.stack: list[tuple[str, list[str], bool]] = []  # (tag, classes, starts a skipped subtree)
        self.skipping = 0
        self.in_article = 0
        self.anchor = ""
        self.page: int | None = None
        self.note_pages: dict[str, int | None] = {}
        self.title_parts: list[str] | None = None
        self.title = ""
        self.block_start = 0  # offset where the current block's text begins
        self.slip_open: list[tuple[int, str]] = []  # (offset, reading) of each open span.sic
        self.readings: list[tuple[int, int, str]] = []  # (start, end, reading) in the current block
        self.reading_lines: list[list[int]] = []  # PageText.readings

    def handle_starttag(self, tag, attr_list):
        attrs = dict(attr_list)
        classes = (attrs.get("class") or "").split()
        if not self.in_article:
            if tag == "article" and "md-content__inner" in classes:
                self.in_article = 1
            return
        if tag in VOID:
            if tag in BLOCKS:
                self._break()
            return
        self.in_article += 1
        ident = attrs.get("id") or ""
        if ident and not self.skipping and not ident.startswith("slip-"):  # a slip links by its passage
            self._target(ident)
        skipped = _skipped(tag, attrs)
        if tag == "span" and "sic" in classes and attrs.get("data-corr") and not self.skipping:
            self.slip_open.append((self.length, attrs["data-corr"]))
            classes = [*classes, "\0slip"]  # the stack entry that closes it
        self.stack.append((tag, classes, skipped))
        self.skipping += skipped
        if tag in BLOCKS:
            self._break()
        if tag == "h1" and not self.title and self.title_parts is None:
            self.title_parts = []

    def handle_startendtag(self, tag, attr_list):
        self.handle_starttag(tag, attr_list)
        if tag not in VOID and self.in_article:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if not self.in_article or tag in VOID:
            return
        self.in_article -= 1
        if not self.in_article or not self.stack:
            return
        while self.stack:  # tolerate an unclosed inline element
            open_tag, open_classes, skipped = self.stack.pop()
            self.skipping -= skipped
            if "\0slip" in open_classes and self.slip_open:
                start, reading = self.slip_open.pop()
                self.readings.append((start, self.length, reading))
            if open_tag == tag:
                break
        if tag in BLOCKS:
            self._break()
        if tag == "h1" and self.title_parts is not None and not self.title:
            self.title = SPACES.sub(" ", "".join(self.title_parts)).strip()
            self.title_parts = None

    def handle_data(self, data):
        if not self.in_article or self.skipping:
            return
        data = SPACES.sub(" ", unicodedata.normalize("NFC", data))
        if self.title_parts is not None:
            self.title_parts.append(data)
        if not self.parts or self.parts[-1].endswith("\n"):
            data = data.lstrip()
        elif self.parts[-1].endswith(" ") and data.startswith(" "):
            data = data[1:]
        if not data:
            return
        kind = NOTE if self._inside("footnote") else HEADING if self._inside_heading() else BODY
        mark = [self.length, kind, self.anchor, self.page]
        if not self.marks or self.marks[-1][1:] != mark[1:]:
            self.marks.append(mark)
        self.parts.append(data)
        self.length += len(data)

    def _target(self, ident: str):
        """An element with an id: the nearest link target from here on (and maybe a page)."""
        if ident.startswith("page-") and ident[5:].isdigit():
            self.page = int(ident[5:])
        elif ident.startswith("fnref:"):
            self.note_pages[ident[6:]] = self.page
        elif ident.startswith("fn:"):
            self.page = self.note_pages.get(ident[3:], self.page)
        self.anchor = ident

    def _break(self):
        if self.parts and not self.parts[-1].endswith("\n"):
            if self.parts[-1].endswith(" "):
                self.parts[-1] = self.parts[-1][:-1]
                self.length -= 1
            self.parts.append("\n")
            self.length += 1
        if self.readings and not self.slip_open:
            self._reading_lines()
        self.block_start = self.length

    def _reading_lines(self):
        """After a block with slips: each slip's neighbours with its reading, a line each."""
        block = "".join(self.parts)[self.block_start:].rstrip("\n")
        lines, offset = [], self.length
        for start, end, reading in self.readings:
            start, end = start - self.block_start, end - self.block_start
            left = block[max(0, start - READING_CONTEXT):start].lstrip()
            line = left + reading + block[end:end + READING_CONTEXT].rstrip()
            self.reading_lines.append([offset, offset + len(left), offset + len(left) + len(reading), offset + len(line),
                                       block[start:end]])
            lines.append(line)
            offset += len(line) + 1
        self.readings = []
        text = "\n".join(lines) + "\n"
        self.parts.append(text)
        self.length += len(text)

    def _inside(self, css_class: str) -> bool:
        return any(tag == "div" and css_class in classes for tag, classes, _ in self.stack)

    def _inside_heading(self) -> bool:
        return any(tag in {"h1", "h2", "h3", "h4", "h5", "h6"} for tag, _, _ in self.stack)


ARTICLE = '<article class="md-content__inner'


def page_text(html: str) -> PageText:
    reader = _Reader()
    # Only the article is read: the navigation before it need not be parsed (half the page).
    reader.feed(html[max(html.find(ARTICLE), 0):])
    reader.close()
    text = "".join(reader.parts).strip("\n")
    return PageText(reader.title, text, [m for m in reader.marks if m[0] < len(text)],
                    [r for r in reader.reading_lines if r[0] < len(text)])
