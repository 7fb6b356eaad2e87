"""Light and dark palettes: axe-core finds no WCAG A/AA violation in either; print stays light."""
from pathlib import Path

import axe_playwright_python
import pytest

pytestmark = pytest.mark.browser

# axe-core itself, as the PyPI package ships it (not the wrapper's Python API)
AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
PAGES = ["zh-Hant/", "zh-Hant/chapter-2/", "zh-Hans/chapter-3/", "zh-Hant/appendix-2/",
         "zh-Hant/bibliography/", "zh-Hant/tables/", "zh-Hant/edition-report/"]
RUN_AXE = """async () => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}});
  return result.violations.map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).slice(0, 5).join(", "));
}"""


@pytest.fixture(params=["light", "dark"])
def palette_page(browser, request):
    context = browser.new_context(locale="zh-TW", color_scheme=request.param, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.scheme = {"light": "default", "dark": "slate"}[request.param]
    yield page
    context.close()


def test_every_contrast_passes_in_both_palettes(palette_page, base_url):
    page = palette_page
    violations = {}
    for path in PAGES:
        page.goto(base_url + path)
        assert page.locator("body").get_attribute("data-md-color-scheme") == page.scheme
        if "chapter" in path:  # with the citer open and a ¶ link showing
            page.locator("article p[id^='p-']").first.click(click_count=3)
            page.locator(".passage-popover__cite").wait_for(state="visible")
        page.add_script_tag(content=AXE)
        found = page.evaluate(RUN_AXE)
        if found:
            violations[path] = found
    assert not violations


def test_the_toggle_switches_and_is_remembered(page, base_url):
    page.goto(base_url + "zh-Hant/chapter-1/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.locator("label[for=__palette_1]").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.goto(base_url + "zh-Hant/chapter-2/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"


def test_the_toggle_works_from_the_keyboard_and_tells_the_browser_the_scheme(page, base_url):
    """The edition drives Material's palette form itself (partials/palette.html): the right
    toggle shown, Enter switches as in Material, and the browser's metas follow."""
    page.goto(base_url + "zh-Hant/chapter-1/")
    assert page.locator("label[for=__palette_1]").is_visible() and page.locator("label[for=__palette_0]").is_hidden()
    assert page.locator('meta[name="color-scheme"]').get_attribute("content") in ("light", "normal")
    assert page.locator('meta[name="theme-color"]').get_attribute("content") == "#4051b5"  # the indigo header
    page.locator("#__palette_0").focus()
    page.keyboard.press("Enter")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert page.locator("label[for=__palette_0]").is_visible() and page.locator("label[for=__palette_1]").is_hidden()
    assert page.locator('meta[name="color-scheme"]').get_attribute("content") == "dark"
    assert page.locator("body").get_attribute("data-md-color-switching") is None  # only for the switch's frame


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_print_is_light_in_either_palette(browser, base_url, palette):
    context = browser.new_context(color_scheme=palette)
    page = context.new_page()
    page.goto(base_url + "zh-Hant/chapter-2/")
    page.emulate_media(media="print")
    colours = page.evaluate("""() => {
      const body = getComputedStyle(document.body), p = getComputedStyle(document.querySelector("article p[id^='p-']"));
      return [body.backgroundColor, p.color];
    }""")
    context.close()
    background, text = colours
    assert background in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), background
    assert text.startswith("rgba(0, 0, 0") or text.startswith("rgb(0, 0, 0"), text
