"""Search as a reader uses it, in both scripts and across them, in headless Chromium."""
import re

import pytest

from edition.search_terms import traditional_user_dictionary

pytestmark = pytest.mark.browser

# (query, what it is): names, places, 2–6 character terms, one character, digits with 年,
# English, a word found only in a note, and queries typed in the other script.
QUERIES = [
    ("上海合作組織", "organisation, 6 characters"),
    ("烏茲別克", "country name"),
    ("塔什干", "place"),
    ("反恐", "2-character term"),
    ("鎢", "single character, only in chapter 2 (國 would match every page)"),
    ("1996年", "digits with 年, typed without the thesis's space"),
    ("Mackinder", "English name"),
    ("security", "English word"),
    ("揚智文化", "publisher, only in note 1"),
    ("上海合作组织", "Simplified query"),
    ("乌兹别克", "Simplified query"),
]


def search(page, query):
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input[data-md-component=search-query]")
    box.fill("")
    box.type(query)
    box.press("End")
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta'); return m && /\\d/.test(m.innerText); }",
        timeout=10000)
    items = page.locator(".md-search-result__item")
    return items.count(), box.input_value(), items.first.inner_text()


@pytest.mark.parametrize("script", ["zh-Hant", "zh-Hans"])
def test_query_set_finds_passages(page, base_url, script):
    page.goto(base_url + script + "/")
    found = {}
    for query, _ in QUERIES:
        count, folded, first = search(page, query)
        found[query] = count
        if script == "zh-Hant":
            assert not re.search("[组织乌兹别]", folded), folded  # folded into the site's script
        else:
            assert not re.search("[組織烏茲別]", folded), folded
    assert all(count > 0 for count in found.values()), found


def test_cross_script_query_shows_readable_snippets(page, base_url):
    page.goto(base_url + "zh-Hant/")
    count, folded, first = search(page, "上海合作组织")
    assert folded == "上海合作組織" and count > 0
    assert "上海" in first and "組織" in first.replace("\u200b", "")


@pytest.mark.parametrize(("script", "query"), [("zh-Hant", "鎢"), ("zh-Hans", "钨")])
def test_single_character_leads_only_to_the_page_that_has_it(page, base_url, script, query):
    """鎢 (tungsten) is in table 2-1 only: every result must be chapter 2, and there must be one."""
    page.goto(base_url + script + "/")
    count, _, _ = search(page, query)
    titles = page.locator(".md-search-result__item").all_inner_texts()
    assert count >= 1 and all(t.startswith("第二章") for t in titles), titles


def test_note_only_word_leads_to_its_chapter(page, base_url):
    page.goto(base_url + "zh-Hant/")
    count, _, _ = search(page, "揚智文化")
    titles = page.locator(".md-search-result__item").all_inner_texts()
    assert count >= 1 and any(t.startswith("第一章") for t in titles), titles


def test_traditional_dictionary_keeps_words_whole():

    text = "中國與俄羅斯兩國關於邊境的雙邊談判，烏茲別克加入後"
    dictionary = traditional_user_dictionary(text)
    assert "關於" in dictionary.split() and "烏茲別克" in dictionary.split()
