"""The EPUBs (`make epub`): the standard's checkers, then a read-back against the built site.

EPUBCheck and DAISY Ace judge the books; the read-back (zipfile and ElementTree, see
tests/epub_reading.py) finds every note as an EPUB footnote in order, a page-list entry for
every printed page, and the site's own article text in each chapter, in both scripts.
"""
from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from epub_check import run_ace, run_epubcheck
from epub_reading import EPUB_TYPE, XHTML, all_text, read_book, read_site_page, text_outside_notes, visible
from make_epub import SCRIPTS, make_epubs

ROOT = Path(__file__).resolve().parents[2]
NOTES, FIRST_PAGE, LAST_PAGE = 273, 6, 179
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture(scope="module")
def books(built_site):
    return make_epubs(built_site)


@pytest.fixture(scope="module")
def readings(books):
    return {script: read_book(path) for script, path in books.items()}


@pytest.mark.parametrize("script", SCRIPTS)
def test_epubcheck_finds_no_error_and_no_warning(books, script):
    assert run_epubcheck(books[script]) == []


@pytest.mark.browser  # Ace runs axe-core in Debian's chromium
@pytest.mark.parametrize("script", SCRIPTS)
def test_ace_finds_no_violation(books, script):
    assert run_ace(books[script]) == []


def broken_copy(book: Path, target: Path, file: str, old: str, new: str) -> Path:
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == file:
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode(), 1)
            out.writestr(info, data)
    return target


@pytest.mark.browser
def test_the_checkers_fail_a_broken_book(books, tmp_path):
    """A note marker pointing nowhere is an EPUBCheck error; a book without its
    accessibility summary is an Ace violation."""
    book = books["zh-Hant"]
    dangling = broken_copy(book, tmp_path / "dangling.epub", "OEBPS/chapter-1.xhtml", 'href="#fn-1"', 'href="#fn-0"')
    assert any("RSC-012" in p for p in run_epubcheck(dangling))
    summary = re.search(r'<meta property="schema:accessibilitySummary">[^<]*</meta>',
                        zipfile.ZipFile(book).read("OEBPS/package.opf").decode()).group()
    unsummarised = broken_copy(book, tmp_path / "unsummarised.epub", "OEBPS/package.opf", summary, "")
    assert any("accessibilitysummary" in p.lower() for p in run_ace(unsummarised))


@pytest.mark.parametrize("script", SCRIPTS)
def test_every_note_is_a_footnote_with_its_number_in_order_and_a_way_back(readings, script):
    numbers = []
    for file, root in readings[script].documents.items():
        ids = {e.get("id"): e for e in root.iter() if e.get("id")}
        for aside in root.iter(XHTML + "aside"):
            assert aside.get(EPUB_TYPE) == "footnote" and aside.get("role") == "doc-footnote"
            number = int(aside.get("id").removeprefix("fn-"))
            numbers.append(number)
            marker = ids[f"fnref-{number}"]  # the marker is in the same document
            assert marker.get(EPUB_TYPE) == "noteref" and marker.get("href") == f"#fn-{number}"
            assert all_text(marker) == str(number)
            back = aside.find(f".//{XHTML}a[@role='doc-backlink']")
            assert back.get("href") == f"#fnref-{number}" and all_text(back) == str(number), file
    assert numbers == list(range(1, NOTES + 1))


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_page_list_has_every_printed_page_where_it_begins(readings, built_site, script):
    book = readings[script]
    site_pages = sorted({int(n) for page in (built_site / script).glob("*/index.html")
                         for n in re.findall(r'id="page-(\d+)"', page.read_text(encoding="utf-8"))
                         if page.parent.name != "print_page"})
    assert site_pages == list(range(FIRST_PAGE, LAST_PAGE + 1))
    page_list = next(n for n in book.nav.iter(XHTML + "nav") if n.get(EPUB_TYPE) == "page-list")
    entries = [(all_text(a), a.get("href")) for a in page_list.iter(XHTML + "a")]
    assert [int(label) for label, _ in entries] == site_pages
    for label, href in entries:
        file, fragment = href.split("#")
        target = next(e for e in book.documents[file].iter() if e.get("id") == fragment)
        assert target.get(EPUB_TYPE) == "pagebreak" and target.get("role") == "doc-pagebreak"
        assert fragment == f"page-{label}"
    assert book.metadata("pageBreakSource") and book.metadata("dc:source")


@pytest.mark.parametrize("script", SCRIPTS)
def test_each_chapter_holds_the_sites_whole_text_and_notes(readings, built_site, script):
    book = readings[script]
    for page in sorted((built_site / script).glob("*/index.html")):
        slug = page.parent.name
        if not re.fullmatch(r"abstract(-en)?|chapter-\d|appendix-\d", slug):
            continue
        site_body, site_notes = read_site_page(page)
        root = book.documents[f"{slug}.xhtml"]
        assert visible(text_outside_notes(root)) == visible(site_body), slug
        for aside in root.iter(XHTML + "aside"):
            number = int(aside.get("id").removeprefix("fn-"))
            words = "".join(all_text(a) for a in aside.iter(XHTML + "a") if "bib-link" in (a.get("class") or ""))
            text = visible(all_text(aside)).removeprefix(str(number)).removesuffix(visible(words))
            assert text == visible(site_notes[number]), (slug, number)


@pytest.mark.parametrize("script", SCRIPTS)
def test_every_link_inside_the_book_reaches_its_target(readings, script):
    book = readings[script]
    ids = {file: {e.get("id") for e in root.iter() if e.get("id")} for file, root in book.documents.items()}
    checked = 0
    for file, root in book.documents.items():
        for link in root.iter(XHTML + "a"):
            href = link.get("href") or ""
            if href.startswith(("http://", "https://")):
                continue
            target, _, fragment = href.partition("#")
            target = target or file
            assert target in ids and (not fragment or fragment in ids[target]), f"{file} → {href}"
            checked += 1
    bibliography = book.documents["bibliography.xhtml"]
    assert sum(1 for _ in bibliography.iter(XHTML + "li")) > 100 and checked > 1000  # notes both ways, pages, entries


@pytest.mark.parametrize("script", SCRIPTS)
def test_metadata(readings, script):
    book = readings[script]
    assert book.metadata("dc:language") == [script]
    assert book.metadata("dc:title")[0].startswith("［") and book.metadata("dc:creator")[0].startswith("作者不")
    assert book.metadata("dc:identifier")[0].startswith("urn:uuid:")
    assert book.metadata("dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.1 Level AA"]
    for name in ("schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature",
                 "schema:accessibilityHazard", "schema:accessibilitySummary", "a11y:certifiedBy"):
        assert book.metadata(name), name
    assert book.names[0] == "mimetype" and book.infos[0].compress_type == zipfile.ZIP_STORED
    han = visible(text_outside_notes(book.documents["chapter-1.xhtml"]))
    assert ("說" in han) == (script == "zh-Hant") and ("说" in han) == (script == "zh-Hans")


def test_same_commit_same_bytes_and_the_source_date(built_site, tmp_path):
    """Two runs in fresh processes with different hash seeds write the same bytes; the
    modification date is SOURCE_DATE_EPOCH's, not the clock's."""
    site = tmp_path / "site"
    shutil.copytree(built_site / "zh-Hant" / "bibliography", site / "zh-Hant" / "bibliography")
    made = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed, SOURCE_DATE_EPOCH="1262304000")
        subprocess.run([sys.executable, "scripts/make_epub.py", str(site), "--no-check"], cwd=ROOT, check=True,
                       env=env, capture_output=True)
        made.append({s: (site / s / "thesis.epub").read_bytes() for s in SCRIPTS})
    assert made[0] == made[1]
    book = read_book(site / "zh-Hant" / "thesis.epub")
    assert book.metadata("dcterms:modified") == ["2010-01-01T00:00:00Z"]


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_reference_list_has_every_entry_as_the_site_prints_it(readings, built_site, script):
    page = (built_site / script / "bibliography" / "index.html").read_text(encoding="utf-8")
    site = {key: visible(html.unescape(re.sub(r"<[^>]+>", "", entry)))
            for key, entry in re.findall(r'<li><span class="bib-anchor" id="([^"]+)"></span>(.*?)</li>', page)}
    root = readings[script].documents["bibliography.xhtml"]
    book = {li.get("id"): visible(all_text(li)) for li in root.iter(XHTML + "li")}
    assert len(site) > 100 and book == site


@pytest.mark.parametrize("script", SCRIPTS)
def test_one_reference_list_in_one_order_in_every_format(readings, built_site, script):
    """The site's page, the print page (the PDF's input), the TEI and the EPUB file the same
    entries under the same headings in the same order: one filing, not one per writer."""
    anchor = r'<span class="bib-anchor" id="([^"]+)"></span>'
    site_page = (built_site / script / "bibliography" / "index.html").read_text(encoding="utf-8")
    print_page = (built_site / script / "print_page" / "index.html").read_text(encoding="utf-8")
    print_page = print_page[print_page.index('id="bibliography-'):]  # the print page's own reference list
    tei = ET.parse(built_site / script / "text" / "thesis.tei.xml").getroot()
    tei_list = next(e for e in tei.iter(TEI + "listBibl") if e.get(XML_ID) == "bibliography")
    book = readings[script].documents["bibliography.xhtml"]
    orders = {
        "site": re.findall(anchor, site_page),
        "print": re.findall(anchor, print_page),
        "tei": [e.get(XML_ID) for e in tei_list.iter(TEI + "biblStruct")],
        "epub": [li.get("id") for li in book.iter(XHTML + "li")],
    }
    assert len(orders["site"]) > 100
    assert {name: order for name, order in orders.items() if order != orders["site"]} == {}
