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


@pytest.mark.parametrize("path", ["zh-Hant/chapter-2/", "zh-Hant/print_page/"])
def test_a_note_pop_up_is_made_only_when_its_marker_is_pointed_at_or_focused(page, base_url, path):
    page.goto(base_url + path)
    page.wait_for_load_state("load")
    assert page.locator(".md-tooltip2").count() == 0  # nothing mounted per marker at load
    marker = page.locator('sup[id="fnref:45"] a')
    marker.focus()
    note = page.locator(".md-tooltip2--active")
    note.wait_for(state="visible", timeout=5000)
    assert "傅仁坤" in note.inner_text() and marker.get_attribute("aria-controls") == note.get_attribute("id")
    assert note.get_attribute("role") == "dialog"
    marker.blur()
    page.locator(".md-tooltip2").wait_for(state="detached", timeout=5000)
    assert marker.get_attribute("aria-controls") is None
    marker.hover()
    note.wait_for(state="visible", timeout=5000)
    box = note.locator(".md-tooltip2__inner").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
    page.wait_for_timeout(600)  # longer than the pop-up's grace after leaving its marker
    assert note.is_visible()  # the reader can move onto it, to follow its links
    page.mouse.move(1, page.viewport_size["height"] - 1)
    page.locator(".md-tooltip2").wait_for(state="detached", timeout=5000)
    assert page.locator(".md-tooltip2").count() == 0


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
