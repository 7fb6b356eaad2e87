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
