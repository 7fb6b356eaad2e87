"""A reader in headless Chromium: open a chapter, hover and follow a footnote, see page numbers."""

import pytest

pytestmark = pytest.mark.browser


def test_hovering_a_footnote_marker_shows_the_note(page, base_url):
    page.goto(base_url + "zh-Hant/chapter-1/")
    marker = page.locator('sup[id="fnref:1"] a')
    assert marker.inner_text() == "1"
    marker.hover()
    tooltip = page.locator(".md-tooltip2").filter(has_text="劉慶元著")
    tooltip.wait_for(state="visible", timeout=5000)
    assert "解析中共國家安全戰略" in tooltip.inner_text()


def test_notes_keep_the_thesis_numbers_and_link_back(page, base_url):
    page.goto(base_url + "zh-Hant/chapter-2/")
    marker = page.locator('sup[id="fnref:45"] a')
    assert marker.inner_text() == "45"
    marker.click()
    assert page.url.endswith("#fn:45")
    note = page.locator('li[id="fn:45"]')
    assert note.get_attribute("value") == "45"
    assert "傅仁坤" in note.inner_text()
    note.locator("a.footnote-backref").click()
    assert page.url.endswith("#fnref:45")


def test_printed_page_anchor_is_shown_in_the_margin(page, base_url):
    page.goto(base_url + "zh-Hant/chapter-2/#page-45")
    anchor = page.locator("#page-45")
    label = page.evaluate("el => getComputedStyle(el, '::before').content", anchor.element_handle())
    assert label == '"p.45"'
    box = anchor.bounding_box()
    assert box is not None and box["y"] < page.viewport_size["height"]


def test_no_request_leaves_the_site(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    foreign = []
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(base_url.split("zh-Hant")[0]) and not r.url.startswith("data:") else None)
    page.goto(base_url + "zh-Hant/chapter-2/", wait_until="networkidle")
    context.close()
    assert foreign == []
