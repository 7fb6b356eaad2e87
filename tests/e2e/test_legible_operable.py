"""Legible and operable: the margin page numbers read (contrast, placement), the script switch
is findable, and the keyboard meets no English label, no blank stop, no dead key and a skip
link that lands on the text.  Both scripts; desktop and phone where the point is about both."""
import re

import pytest
from reader_views import SCRIPTS, VIEWS, opened, settle

pytestmark = pytest.mark.browser

CONTRAST = """([selector, pseudo]) => {
  const parse = text => text.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map(v => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const element = document.querySelector(selector);
  let back = null;
  for (let e = element; e && !back; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c.length < 4 || c[3] > 0) back = c.slice(0, 3);
  }
  back = back || [255, 255, 255];
  const [r, g, b, a = 1] = parse(getComputedStyle(element, pseudo).color);
  const fore = [r, g, b].map((v, i) => v * a + back[i] * (1 - a));
  const [high, low] = [luminance(fore), luminance(back)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("script", SCRIPTS)
def test_margin_page_numbers_contrast_at_least_4_5(browser, base_url, script, scheme):
    with opened(browser, "desktop", color_scheme=scheme) as page:
        page.goto(f"{base_url}{script}/chapter-2/")
        for selector in ["span.page-start", "div.page-start"]:
            ratio = page.evaluate(CONTRAST, [f"article {selector}", "::before"])
            assert ratio >= 4.5, (selector, ratio)


NUMBER_BOX = """id => {
  const start = document.getElementById(id), style = getComputedStyle(start, "::before");
  const probe = document.createElement("span");
  probe.textContent = "p." + start.dataset.page;
  Object.assign(probe.style, {font: style.font, position: "absolute", whiteSpace: "nowrap"});
  document.body.append(probe);
  const width = probe.getBoundingClientRect().width;
  probe.remove();
  const block = start.tagName === "DIV" ? start : start.parentElement;
  const origin = block.getBoundingClientRect();
  const right = origin.left + parseFloat(style.left) + parseFloat(style.width);
  const text = (start.tagName === "DIV" ? start.nextElementSibling : block).getBoundingClientRect();
  const nav = document.querySelector(".md-sidebar--primary .md-sidebar__inner").getBoundingClientRect();
  return {numberLeft: right - width, numberRight: right, textLeft: text.left, navRight: nav.right};
}"""


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("anchor", ["page-40", "page-45"])
def test_margin_page_numbers_stand_by_the_text_not_the_navigation(browser, base_url, script, anchor):
    """On a desktop the number is nearer the text it marks than the navigation's column, and
    clear of that column."""
    with opened(browser, "desktop") as page:
        page.goto(f"{base_url}{script}/chapter-2/#{anchor}")
        settle(page)
        box = page.evaluate(NUMBER_BOX, anchor)
        to_text, to_nav = box["textLeft"] - box["numberRight"], box["numberLeft"] - box["navRight"]
        assert 0 <= to_text < to_nav and to_nav >= 24, box


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("path", ["chapter-5/", "chapter-2/#page-44"])
def test_a_page_number_on_a_phone_is_printed_over_no_text(browser, base_url, script, path):
    """Screenshots of the block after a number between blocks (a chapter's title, a paragraph)
    with the number shown and hidden are the same."""
    with opened(browser, "phone") as page:
        page.goto(f"{base_url}{script}/{path}")
        settle(page)
        start = page.locator("article div.page-start").first if "#" not in path else \
            page.locator(f'[id="{path.split("#")[1]}"]')
        following = start.locator("xpath=following-sibling::*[1]")
        following.scroll_into_view_if_needed()
        settle(page)
        clip = following.bounding_box()
        shown = page.screenshot(clip=clip)
        page.add_style_tag(content=".md-typeset .page-start::before { visibility: hidden !important; }")
        assert page.screenshot(clip=clip) == shown, "the page number is drawn over the text after it"
        assert page.evaluate("e => getComputedStyle(e, '::before').content", start.element_handle()) != "none"


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("view", VIEWS)
def test_the_script_switch_is_a_word_the_reader_can_find(browser, base_url, view, script):
    with opened(browser, view) as page:
        page.goto(f"{base_url}{script}/chapter-1/")
        link = page.locator("a.script-switch__link")
        assert link.is_visible()
        label = link.inner_text().strip()
        size = float(link.evaluate("e => getComputedStyle(e).fontSize")[:-2])
        box = link.bounding_box()
        border = link.evaluate("e => getComputedStyle(e).borderTopWidth")
        assert re.fullmatch(r"[简簡繁][体體]", label), label  # the script named, not one character
        assert size >= 14 and box["width"] >= 32 and box["height"] >= 24, (size, box)
        assert border != "0px"  # drawn as a control beside the header's icons


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("path", ["chapter-2/", "print_page/"])
def test_heading_permalinks_are_labelled_in_chinese(page, base_url, script, path):
    page.goto(f"{base_url}{script}/{path}")
    titles = set(page.locator("a.headerlink").evaluate_all("links => links.map(a => a.title)"))
    assert titles and all(re.fullmatch(r"本[節节][連连][結结]", t) for t in titles), titles


def focused(page):
    return page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
        return {tag: e.tagName, cls: e.className, text: e.textContent.trim(), width: r.width, height: r.height,
                inArticle: Boolean(e.closest("article"))}; }""")


@pytest.mark.parametrize("script", SCRIPTS)
def test_no_blank_tab_stop_follows_the_search_box(page, base_url, script):
    page.goto(f"{base_url}{script}/chapter-3/")
    page.locator("input[data-md-component=search-query]").focus()
    page.keyboard.press("Tab")
    stop = focused(page)
    assert stop["height"] > 0 and stop["text"], stop


@pytest.mark.parametrize("script", SCRIPTS)
def test_space_operates_the_palette_switch(page, base_url, script):
    page.goto(f"{base_url}{script}/chapter-1/")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    for _ in range(3):  # skip link, logo, palette
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "__palette"
    page.keyboard.press(" ")
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.keyboard.press(" ")
    assert body.get_attribute("data-md-color-scheme") == "default"


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("view", VIEWS)
def test_the_skip_link_lands_on_the_text(browser, base_url, view, script):
    """The first Tab stop skips to the text: the chapter's title in view below the header,
    and the next Tab stop inside the text, not back in the header or the navigation."""
    with opened(browser, view) as page:
        page.goto(f"{base_url}{script}/chapter-3/")
        page.keyboard.press("Tab")
        assert "md-skip" in focused(page)["cls"]
        page.keyboard.press("Enter")
        settle(page)
        title = page.locator("article h1").bounding_box()
        header = page.locator(".md-header").bounding_box()
        assert header["y"] + header["height"] <= title["y"] < page.viewport_size["height"] / 2, title
        page.keyboard.press("Tab")
        assert focused(page)["inArticle"], focused(page)
