"""Printing: print media hides the site's chrome; the whole-thesis PDF holds the whole text."""
import re
import subprocess

import pytest

pytestmark = pytest.mark.browser


def test_print_media_hides_the_chrome_and_keeps_text_and_notes(page, base_url):
    page.goto(base_url + "zh-Hant/chapter-2/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", "details.quote"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator('li[id="fn:45"]').is_visible()
    assert page.locator("h1").first.evaluate("h => getComputedStyle(h).breakBefore") == "page"
    row = page.locator("#table-2-1 tr").first
    assert row.evaluate("r => getComputedStyle(r).breakInside") == "avoid"


def test_print_page_numbers_notes_like_the_thesis(page, base_url):
    page.goto(base_url + "zh-Hant/print_page/")
    marker = page.locator('a.footnote-ref[href="#chapter-2-fn:45"]')
    assert marker.inner_text() == "45"
    back = page.locator('li[id="chapter-2-fn:45"] a.footnote-backref')
    assert back.get_attribute("href") == "#fnref:45" and page.locator('[id="fnref:45"]').count() == 1
    ids = set(page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)"))
    hrefs = page.evaluate("[...document.querySelectorAll('a[href^=\"#\"]')].map(a => a.getAttribute('href').slice(1))")
    assert [h for h in hrefs if h and h not in ids] == []


def test_whole_thesis_pdf_has_the_last_chapter_and_note_273(built_site, browser):
    from make_pdf import print_pdfs

    (path, _seconds), = print_pdfs(built_site, scripts=("zh-Hant",), browser=browser).values()
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "第六章 結論" in text
    assert re.search(r"273\.?\s*孫國祥著", text)  # the list number, then the note
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert rows and all("yes" in row[-5:-3] for row in rows)  # every font embedded
