"""Search that adds up: the count line counts what the list shows, in words that cannot be
confused with the printed book's pages; the thesis comes before the edition's own pages;
a query that finds nothing says so.  On a desktop and a phone, in both scripts."""
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from reader_views import SCRIPTS, VIEWS
from search_probe import open_search, page_of, type_query

# the pages of the book itself, in the thesis's order (mkdocs.yml's nav)
THESIS = ["abstract/", "abstract-en/", *[f"chapter-{n}/" for n in range(1, 7)], *[f"appendix-{n}/" for n in range(1, 6)]]

# The list as it stands once the answer is shown, before any scrolling: each page's
# title (with its count), the hits shown and those behind "N more on this page".
_AS_LISTED = """() => [...document.querySelectorAll(".md-search-result__item")].map(item => {
  const links = [...item.querySelectorAll("a.md-search-result__link")];
  return {title: links[0].innerText.trim(), href: links[0].href, hits: links.length - 1};
})"""


def answer(page, base_url, script, width, query):
    page.set_viewport_size(VIEWS[width]["viewport"])
    page.goto(base_url + script + "/")
    if width == "phone":  # the header's search button (the box itself is hidden until then)
        page.locator("label.md-header__button[for=__search]").click()
    else:
        open_search(page)
    type_query(page, query)
    try:  # Material renders a long list in steps: give it the time to list what it counts
        page.wait_for_function("""() => { const m = document.querySelector(".md-search-result__meta").innerText.match(/\\d+/g);
            return !m || document.querySelectorAll(".md-search-result__item").length >= +m[1]; }""", timeout=5000)
    except PlaywrightTimeout:
        pass
    return page.locator(".md-search-result__meta").inner_text(), page.evaluate(_AS_LISTED)


@pytest.mark.browser
@pytest.mark.parametrize("width", VIEWS)
@pytest.mark.parametrize("script", SCRIPTS)
def test_the_count_line_counts_the_pages_and_hits_listed(page, base_url, script, width):
    meta, listed = answer(page, base_url, script, width, "上海合作組織")
    hits, pages = [int(n) for n in re.findall(r"\d+", meta)]
    counted = [int(re.search(r"[（(](\d+) [處处]", g["title"]).group(1)) for g in listed]
    assert (hits, pages) == (sum(g["hits"] for g in listed), len(listed)), (meta, len(listed), sum(g["hits"] for g in listed))
    assert [g["hits"] for g in listed] == counted  # each page's title gives its hits, all listed
    # the list's web pages are not called 頁, the word every hit uses for the book's pages
    assert not re.search(r"(?<![網网])[頁页]", meta) and re.search(r"\d+ (個網頁|个网页)", meta), meta


@pytest.mark.browser
@pytest.mark.parametrize("script", SCRIPTS)
def test_the_thesis_comes_in_its_own_order_before_the_editions_pages(page, base_url, script):
    _, listed = answer(page, base_url, script, "desktop", "上海合作組織")
    order = [page_of(group["href"], base_url) for group in listed]
    book = [url for url in order if url in THESIS]
    assert book == sorted(book, key=THESIS.index), order
    first_edition_page = next(i for i, url in enumerate(order) if url not in THESIS)
    assert all(url not in THESIS for url in order[first_edition_page:]), order
    assert {"errata/", "tables/"} <= set(order[first_edition_page:]), order  # listed, after the thesis


@pytest.mark.browser
@pytest.mark.parametrize("script", SCRIPTS)
def test_a_query_found_nowhere_says_so(page, base_url, script):
    query = "麥金德上海合作組織章程"
    meta, listed = answer(page, base_url, script, "phone", query)
    assert listed == []
    assert re.fullmatch(r"(沒有找到|没有找到)「.+」", meta.strip()), meta
    assert not re.search(r"\d", meta), meta  # not 「找到 0 處，在 0 頁」
