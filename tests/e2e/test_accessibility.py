"""axe-core finds no serious or critical violation on any kind of page, in either script.

axe-core comes from the axe-playwright-python wheel (axe.min.js inside it); it runs in the
page Playwright opens from the locally served site, nothing is fetched.
"""
import pytest
from axe_playwright_python.sync_playwright import Axe
from search_probe import open_search

pytestmark = pytest.mark.browser

PAGES = {
    "home": "",
    "chapter": "chapter-2/",
    "appendix": "appendix-2/",
    "reference list": "bibliography/",
    "list of tables": "tables/",
    "list of figures": "figures/",
    "report": "edition-report/",
    "chapter with the author's slips": "chapter-6/",
    "list of slips": "errata/",
}
SEVERE = {"serious", "critical"}


def severe_violations(page) -> list[str]:
    results = Axe().run(page).response
    return [f"{v['id']} ({v['impact']}, {len(v['nodes'])}×): {v['nodes'][0]['target']}"
            for v in results["violations"] if v["impact"] in SEVERE]


@pytest.mark.parametrize("script", ["zh-Hant", "zh-Hans"])
@pytest.mark.parametrize("kind", PAGES)
def test_no_serious_violation(page, base_url, script, kind):
    page.goto(base_url + f"{script}/" + PAGES[kind], wait_until="networkidle")
    assert not severe_violations(page)


@pytest.mark.parametrize("script", ["zh-Hant", "zh-Hans"])
def test_no_serious_violation_with_search_open(page, base_url, script):
    page.goto(base_url + f"{script}/chapter-1/", wait_until="networkidle")
    open_search(page)  # the reader's click (the "/" shortcut has its own test in test_search.py)
    # not a pause that a slow machine outlasts: axe runs once the overlay is open and its field has focus
    page.wait_for_function("() => document.getElementById('__search').checked"
                           " && document.activeElement && document.activeElement.matches('.md-search__input')")
    assert page.locator(".md-search[role=dialog]").get_attribute("aria-label")  # named in the page, not by a script
    assert not severe_violations(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("script", ["zh-Hant", "zh-Hans"])
def test_no_serious_violation_with_a_slip_explained_and_the_readings_shown(page, base_url, script, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + f"{script}/chapter-6/", wait_until="networkidle")
    page.locator(".slips-switch__button").click()
    page.locator("article .sic").first.focus()
    page.locator("#sic-tip").wait_for(state="visible")
    assert not severe_violations(page)


@pytest.mark.parametrize("script", ["zh-Hant", "zh-Hans"])
def test_a_table_that_scrolls_sideways_is_reached_by_tab_named_and_scrolled_by_keys(page, base_url, script):
    """On a phone a rebuilt table is wider than the screen: its box is the Tab stop after the
    caption's ¶ link, named by the caption, and the arrow keys scroll it; Material, finding the
    table boxed already, does not box it again."""
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(base_url + f"{script}/chapter-2/", wait_until="networkidle")
    assert page.locator("article table").count() == page.locator("article .md-typeset__scrollwrap").count() == 7
    assert page.locator("article .md-typeset__scrollwrap .md-typeset__scrollwrap").count() == 0
    figure = page.locator("#table-2-1")
    caption = figure.locator("figcaption").evaluate("c => c.firstChild.textContent.trim()")
    box = page.get_by_role("region", name=caption)
    assert box.count() == 1 and box.evaluate("b => b.closest('figure').id") == "table-2-1"
    assert box.evaluate("b => b.scrollWidth > b.clientWidth + 20")  # it does scroll, here
    figure.locator(".passage-link").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.matches('#table-2-1 .md-typeset__scrollwrap')")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('#table-2-1 .md-typeset__scrollwrap').scrollLeft > 0")
