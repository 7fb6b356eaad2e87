"""Printing: print media hides the site's chrome; the print page numbers notes like the thesis.

The PDFs typeset from the print page are tested in test_pdf.py.
"""
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



def test_print_page_contents_are_in_its_html_and_no_script_redraws_the_page(built_site, page, base_url):
    """mkdocs-print-site drew the contents with a script at load (a relayout of the whole
    thesis); they are written at build time, as the page's own table of contents lists them."""
    html = (built_site / "zh-Hant" / "print_page" / "index.html").read_text("utf-8")
    assert "print-site.js" not in html and "generate_toc" not in html
    # nor does any other page load the plugin's script, which only defined what the print page called
    pages = sorted(built_site.glob("zh-Han*/**/index.html"))
    assert len(pages) > 30 and [p for p in pages if "js/print-site.js" in p.read_text("utf-8")] == []
    page.goto(base_url + "zh-Hant/print_page/")
    contents = page.locator("#print-page-toc nav > ul a")
    listed = page.locator(".md-sidebar--secondary nav > ul a")
    assert contents.count() == listed.count() >= 17  # abstracts, chapters, appendices, lists
    assert contents.evaluate_all("links => links.map(a => a.getAttribute('href'))") == \
        listed.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any("第二章" in text for text in contents.all_inner_texts())
    for hidden in (".md-sidebar--primary", ".md-search"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("#print-page-toc [data-md-component]").count() == 0  # Material leaves the copy alone

