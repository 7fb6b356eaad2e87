"""The book's XHTML documents, in reading order: title page, the abstracts, the chapters,
the appendices, the reference list, the lists of tables and of figures.

Each is a `BookDocument`: its file, title, its semantics (epub:type and ARIA role), and
the headings the navigation document lists.  The reference list's entries are the
site's (read from the built page: mkdocs-bibtex formats them with the CSL style); its
structure and its links back to the notes come from the model.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ...model import DocumentKind, Edition
from ..bibliography import filed_sections, section_id
from ..book_refs import reader_note
from ..cite_formats import thesis_title
from ..report import placed
from .xhtml import EpubWriteError, file_of, outline_levels, render_blocks, render_footnotes, text

# epub:type, ARIA role, and which part of the book (EPUB's structural semantics)
SEMANTICS = {
    DocumentKind.FRONT: ("abstract", "doc-abstract", "frontmatter"),
    DocumentKind.CHAPTER: ("chapter", "doc-chapter", "bodymatter"),
    DocumentKind.APPENDIX: ("appendix", "doc-appendix", "backmatter"),
}
ENGLISH_DOCUMENTS = {"abstract-en"}


@dataclass
class BookDocument:
    slug: str
    title: str
    body: str  # the XHTML inside <body>
    epub_type: str
    role: str
    matter: str  # frontmatter, bodymatter, backmatter
    language: str = ""  # "" for the book's language
    sections: list[tuple[str, str]] = field(default_factory=list)  # (id, title) of its sections

    @property
    def file(self) -> str:
        return file_of(self.slug)


def section_wrapper(document: BookDocument, inner: str) -> str:
    role = f' role="{document.role}"' if document.role else ""
    return f'<section epub:type="{document.epub_type}"{role}>\n{inner}\n</section>'


def page(document: BookDocument, language: str) -> str:
    """One XHTML content document."""
    lang = document.language or language
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
        f'lang="{lang}" xml:lang="{lang}">\n'
        f'<head>\n<meta charset="UTF-8"/>\n<title>{text(document.title)}</title>\n'
        '<link rel="stylesheet" type="text/css" href="edition.css"/>\n</head>\n'
        f'<body epub:type="{document.matter}">\n{section_wrapper(document, document.body)}\n</body>\n</html>\n')


def thesis_documents(edition: Edition) -> list[BookDocument]:
    works = edition.citations.notes
    out = []
    for document in edition.documents:
        epub_type, role, matter = SEMANTICS[document.kind]
        body = render_blocks(document)
        notes = render_footnotes(document, lambda number: works[number].works)
        levels = outline_levels(document)
        sections = [(b.ref, render_plain(b)) for i, b in enumerate(document.blocks) if levels.get(i) == 2 and b.ref]
        out.append(BookDocument(document.slug, document.title, body + ("\n" + notes if notes else ""),
                                epub_type, role, matter, "en" if document.slug in ENGLISH_DOCUMENTS else "",
                                sections))
    return out


def render_plain(block) -> str:
    return re.sub(r"\s+", " ", block.text).strip()


def title_page(edition: Edition) -> BookDocument:
    metadata = edition.curated.metadata
    thesis = metadata["thesis"]
    year = thesis["year"] or f"約 {thesis['year_circa']} 年"
    pages = edition.layout.pages
    body = f"""<h1 class="book-title">{text(thesis_title(metadata))}</h1>
<p class="book-title-en" lang="en" xml:lang="en">[{text(thesis['supplied_title_en'])}]</p>
<p class="book-statement">{text(thesis['institution'])}{text(thesis['degree'])}（{text(year)}）</p>
<dl class="book-facts">
<dt>題名</dt><dd>{text(thesis['title_note'])}</dd>
<dt>作者</dt><dd>{text(thesis['author'] or '不詳')}。{text(thesis['author_note'])}</dd>
<dt>學校</dt><dd>{text(thesis['institution'])}（<span lang="en" xml:lang="en">{text(thesis['institution_en'])}</span>）。{text(thesis['institution_note'])}</dd>
<dt>年份</dt><dd>{text(year)}。{text(reader_note(edition, 'year_note'))}</dd>
<dt>原書頁數</dt><dd>{len(pages)} 頁（原書頁碼 {pages[0].printed}–{pages[-1].printed}）；本書在原書每頁起處以小字〔頁碼〕標示，可由頁碼清單跳至原書任一頁。</dd>
</dl>
<p class="book-edition">{text(metadata['edition']['title'])}：據論文 PDF 之抽取文字重建，逐字保留作者原文；註腳保留原編號 1–{len(edition.notes)}；參考書目由本版據註腳重建。</p>"""
    return BookDocument("title", thesis_title(metadata), body, "titlepage", "", "frontmatter")


class EntryReader(HTMLParser):
    """A formatted reference-list entry as XHTML: only text and links are expected."""

    def __init__(self, key: str):
        super().__init__(convert_charrefs=True)
        self.key, self.out = key, []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag != "a" or not href:
            raise EpubWriteError(f"reference list entry {self.key!r}: expected text and <a href> links only, "
                                 f"found <{tag}>")
        self.out.append(f'<a href="{html.escape(href)}">')

    def handle_endtag(self, tag):
        self.out.append("</a>")

    def handle_data(self, data):
        self.out.append(text(data))


# an entry: its key's anchor, the anchors of keys it had before (for old links into the site,
# none of which point into the book), the formatted reference, the links back to the notes
ENTRY = re.compile(r'<li><span class="bib-anchor" id="([^"]+)"></span>(?:<span class="bib-former-key"[^>]*></span>)*'
                   r'(.*?) ?<span class="bib-notes">', re.S)


def formatted_entries(built_page: Path) -> dict[str, str]:
    """Key → the entry as the site formats it, from the built reference-list page."""
    if not built_page.exists():
        raise EpubWriteError(f"{built_page}: the built reference list is missing (run `make site` first)")
    entries = {}
    for key, entry in ENTRY.findall(built_page.read_text(encoding="utf-8")):
        reader = EntryReader(key)
        reader.feed(entry)
        reader.close()
        entries[key] = "".join(reader.out)
    return entries


def reference_list(edition: Edition, built_page: Path) -> BookDocument:
    entries = formatted_entries(built_page)
    marker_page = {n: d.slug for d in edition.documents for n in d.note_numbers()}
    citations = edition.citations
    parts = ['<h1 id="bibliography">參考書目</h1>',
             f"<p>原書的參考書目未存。本表由本版依 {len(citations.notes)} 則註腳重建：每筆書目只列一次，"
             f"共 {len(citations.works)} 筆；格式依 GB/T 7714-2015，書目資料悉依註腳原文，每筆後附引用它的註腳。</p>"]
    sections = []
    for language, heading, kinds in filed_sections(citations.works.values()):
        parts.append(f'<h2 id="{language}">{heading}</h2>')
        sections.append((language, heading))
        for kind, group in kinds:
            parts.append(f'<h3 id="{section_id(language, kind)}">{kind}</h3>\n<ul class="references">')
            for work in group:
                if work.key not in entries:
                    raise EpubWriteError(f"{built_page}: no entry with the id {work.key!r} (is the site current?)")
                back = "、".join(f'<a href="{file_of(marker_page[n])}#fnref-{n}">{n}</a>' for n in work.cited_in)
                parts.append(f'<li id="{work.key}">{entries[work.key]} <span class="bib-notes">見註 {back}</span></li>')
            parts.append("</ul>")
    return BookDocument("bibliography", "參考書目", "\n".join(parts), "bibliography", "doc-bibliography",
                        "backmatter", sections=sections)


def list_of(edition: Edition, kind: str) -> BookDocument:
    """表目錄 or 圖目錄: each caption linked to its place, with its printed page."""
    title, epub_type = ("表目錄", "lot") if kind == "table" else ("圖目錄", "loi")
    rows = "\n".join(
        f'<li><a href="{file_of(slug)}#{item.anchor}">{text(item.caption)}</a>'
        f'<span class="list-page">原書第 {edition.layout.page_of(item.caption_line).printed} 頁</span></li>'
        for slug, item in placed(edition, kind))
    slug = "tables" if kind == "table" else "figures"
    return BookDocument(slug, title, f'<h1 id="{slug}">{title}</h1>\n<ol class="list-of">\n{rows}\n</ol>',
                        epub_type, "", "backmatter")


def book_documents(edition: Edition, built_reference_list: Path) -> list[BookDocument]:
    return ([title_page(edition)] + thesis_documents(edition)
            + [reference_list(edition, built_reference_list), list_of(edition, "table"), list_of(edition, "figure")])


