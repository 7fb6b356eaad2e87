"""Search as a reader uses it: the header box, in both scripts and across them, in Chromium.

The expected pages and counts are read from the built HTML (search_probe.reading), never
from the search's own data; a query typed in the other script is converted with OpenCC's
converter for the comparison, not with the search's fold table.
"""
import json
import re

import pytest
from opencc import OpenCC

from edition.script.search_forms import character_forms
from search_probe import (CROSS, QUERIES, expected_pages, groups, in_site_script, listed_pages, open_search, page_of,
                          reading, results, shows_query, site_texts, squeeze, type_query)

SCRIPTS = ["zh-Hant", "zh-Hans"]


@pytest.fixture(scope="module")
def texts(built_site):
    return {script: site_texts(built_site / script) for script in SCRIPTS}


def test_query_set_is_what_the_issue_asks_for(texts):
    kinds = {
        "one character": [q for q in QUERIES if len(q) == 1],
        "digits + 年": [q for q in QUERIES if re.fullmatch(r"\d+ ?年", q)],
        "English": [q for q in QUERIES if q.isascii()],
        "2–6 characters": [q for q in QUERIES if 2 <= len(q) <= 6 and not q.isascii()],
        "only in a note": [q for q in QUERIES if q in NOTE_ONLY],
    }
    assert len(QUERIES) + len(CROSS) >= 20 and all(kinds.values()), kinds
    hant = texts["zh-Hant"]
    for query in QUERIES + CROSS:  # every query is in the thesis, so every check below can fail
        assert expected_pages(hant, query, "zh-Hant"), query
    assert all(OpenCC("s2t").convert(q) != q for q in CROSS)  # each holds a Simplified-only character


NOTE_ONLY = {"揚智文化"}


def test_note_only_query_really_is_only_in_notes(built_site):
    for path in sorted((built_site / "zh-Hant").glob("chapter-*/index.html")):
        html = path.read_text(encoding="utf-8")
        body = html.split('<div class="footnote">')[0]
        assert "揚智文化" not in re.sub(r"<[^>]+>", "", body.split("</details>", 1)[-1]), path


@pytest.mark.browser
@pytest.mark.parametrize("script", SCRIPTS)
def test_first_result_shows_the_query_and_every_page_is_listed(page, base_url, texts, script):
    page.goto(base_url + script + "/")
    open_search(page)
    failures = []
    for query in QUERIES + CROSS:
        type_query(page, query)
        items = results(page, everything=True)
        expected = expected_pages(texts[script], query, script)
        listed = listed_pages(items, base_url)
        if not items or not shows_query(items[0], query, script):
            failures.append((query, "first result", items[0]["text"][:80] if items else None))
        if expected - listed:
            failures.append((query, "pages missing", sorted(expected - listed)))
        if "print_page/" in listed:
            failures.append((query, "print page listed"))
    assert not failures


@pytest.mark.browser
@pytest.mark.parametrize("script, query", [("zh-Hant", "麥金德"), ("zh-Hant", "塔什干"), ("zh-Hans", "比什凯克"),
                                           ("zh-Hant", "叶卡捷琳堡"), ("zh-Hans", "上海五國")])
def test_every_occurrence_is_a_result_and_the_count_says_so(page, base_url, texts, script, query):
    page.goto(base_url + script + "/")
    open_search(page)
    type_query(page, query)
    items = results(page, everything=True)
    form = squeeze(in_site_script(query, script))
    occurrences = sum(text.count(form) for text in texts[script].values())
    meta = page.locator(".md-search-result__meta").inner_text()
    assert occurrences > 1 and len(items) == occurrences and str(occurrences) in meta, (len(items), occurrences, meta)
    assert all(form in squeeze(item["text"]) for item in items)


@pytest.mark.browser
def test_exact_string_ranks_before_partial_and_headings_before_notes(page, base_url, texts):
    page.goto(base_url + "zh-Hant/")
    open_search(page)
    type_query(page, "上海 五國")  # two words: the phrase 上海五國 first, then blocks with both apart
    items = results(page)
    assert "上海五國" in re.sub(r"\s", "", items[0]["text"])
    type_query(page, "反恐")
    items = results(page, everything=True)
    by_page = {}
    for item in items:  # results are grouped by page: within each page, notes come last
        by_page.setdefault(page_of(item["hrefs"][0], base_url), []).append(
            "note" if "註 " in item["text"].split("\n")[0] else "other")
    assert any("note" in kinds for kinds in by_page.values())
    for kinds in by_page.values():
        if "note" in kinds:
            assert "other" not in kinds[kinds.index("note"):], kinds


@pytest.mark.browser
def test_every_word_must_match(page, base_url, texts):
    page.goto(base_url + "zh-Hant/")
    open_search(page)
    type_query(page, "麥金德 大陸心臟")
    items = results(page, everything=True)
    assert items and all("麥金德" in i["text"] and "大陸心臟" in i["text"] for i in items)
    type_query(page, "麥金德 上海合作組織章程不存在的詞")
    assert results(page) == []


@pytest.mark.browser
@pytest.mark.parametrize("script, query, forms", [
    ("zh-Hant", "里", "裡裏里"),  # Simplified 里: the Traditional text writes 這裡, 布裏, 公里
    ("zh-Hans", "著", "着著"),    # whatever the Simplified build makes of 著, both forms are found
])
def test_fold_searches_every_form_of_a_one_to_many_character(page, base_url, texts, script, query, forms):
    in_text = {form for form in forms if any(form in text for text in texts[script].values())}
    assert len(in_text) >= 2, in_text
    page.goto(base_url + script + "/")
    open_search(page)
    type_query(page, query)
    marked = {mark for item in results(page, everything=True) for mark in item["marks"]}
    assert in_text <= marked, (in_text, marked)


def test_fold_table_holds_every_candidate_form():
    forms = character_forms()
    for simplified, traditional in [("叶", "葉叶"), ("于", "於于"), ("里", "裡裏里"), ("着", "著着")]:
        assert set(traditional) <= set(forms[simplified])
        assert all(simplified in forms[t] for t in traditional)  # and back again


@pytest.mark.browser
def test_query_in_url_opens_search_and_result_link_highlights_the_hit(page, base_url):
    page.goto(base_url + "zh-Hant/chapter-1/?q=" + "邊境裁軍")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=15000)
    assert page.locator("input[data-md-component=search-query]").input_value() == "邊境裁軍"
    link = page.locator(".md-search-result__item a").nth(1)
    href = link.get_attribute("href")
    page.goto(href)
    mark = page.locator("mark[data-md-highlight]").first
    mark.wait_for(timeout=10000)
    assert mark.inner_text() == "邊境裁軍" and page_of(page.url, base_url) == page_of(href, base_url)
    box = mark.bounding_box()
    assert box and 0 <= box["y"] <= page.viewport_size["height"], box  # the hit is on screen


def test_search_data_leaves_out_the_print_page_and_is_small(built_site):
    import gzip

    for script in SCRIPTS:
        index = built_site / script / "search" / "search_index.json"
        data = json.loads(index.read_text(encoding="utf-8"))
        assert {doc["location"] for doc in data["docs"]} == set(site_texts(built_site / script))
        fold = built_site / script / "assets" / "script-map.js"
        size = len(gzip.compress(index.read_bytes())) + len(gzip.compress(fold.read_bytes()))
        assert size <= 300 * 1024, size


@pytest.mark.browser
def test_query_is_nfc_normalised(page, base_url):
    """U+F98E is a compatibility form of 年 (the source has thousands): it finds what 年 finds."""
    page.goto(base_url + "zh-Hant/")
    open_search(page)
    type_query(page, "2001年")
    plain = page.locator(".md-search-result__meta").inner_text()
    type_query(page, "2001\uf98e")
    assert page.locator(".md-search-result__meta").inner_text() == plain and re.search(r"\d", plain)


SLIP = re.compile(r'(<span class="sic"[^>]*?data-corr="([^"]*)"[^>]*>)([^<]*)(</span>)')


def hits_found_by_readings(site, form: str) -> dict[str, int]:
    """Per page, how many more times the query stands in the text read with the readings."""
    found = {}
    for url in site_texts(site):
        html_text = (site / url / "index.html").read_text(encoding="utf-8")
        if 'class="sic"' not in html_text:
            continue
        def joined(text):
            return re.sub(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])", "", reading(text))

        # slip by slip: one reading may make the query (3932's 上海合作…) where another on the
        # same page unmakes it (3926's), and the page's net count would hide both
        written = joined(html_text).count(form)
        more = sum(max(0, joined(html_text[:m.start()] + m[1] + m[2] + m[4] + html_text[m.end():]).count(form) - written)
                   for m in SLIP.finditer(html_text))
        if more > 0:
            found[url] = more
    return found


@pytest.mark.browser
@pytest.mark.parametrize("script, query", [("zh-Hant", "上海合作"), ("zh-Hans", "上海合作"), ("zh-Hans", "比什凯克")])
def test_results_are_grouped_by_page_with_counts_and_the_rest_one_click_away(page, base_url, built_site, texts, script,
                                                                            query):
    """Each page that holds the query is listed once, titled with its count; its best hits
    shown, the others behind Material's "N more on this page"; the count line gives both."""
    form = squeeze(in_site_script(query, script))
    # as the reader sees it: a page number's marker inside a word leaves no space in it
    joined = {url: re.sub(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])", "", text) for url, text in texts[script].items()}
    counts = {url: text.count(form) for url, text in joined.items() if form in text}
    # a passage is found by a slip's reading too (上海聯合組織 by 上海合作): one hit more where
    # the page read with its readings (校讀) holds the query more often than as written
    for url, more in hits_found_by_readings(built_site / script, form).items():
        counts[url] = counts.get(url, 0) + more
    page.goto(base_url + script + "/")
    open_search(page)
    type_query(page, query)
    listed = groups(page)
    assert [page_of(group["href"], base_url) for group in listed].count(page_of(listed[0]["href"], base_url)) == 1
    assert {page_of(group["href"], base_url): group for group in listed}.keys() == counts.keys()
    for group in listed:
        count = counts[page_of(group["href"], base_url)]
        assert re.search(rf"[（(]{count} 處|[（(]{count} 处", group["title"]), (group["title"], count)
        assert 1 <= group["shown"] <= 3 and group["shown"] + group["hidden"] == count, group
        assert (group["more"] is None) == (group["hidden"] == 0)
        if group["more"]:
            assert str(group["hidden"]) in group["more"], group
    meta = page.locator(".md-search-result__meta").inner_text()
    numbers = [int(n) for n in re.findall(r"\d+", meta)]
    assert numbers == [sum(counts.values()), len(counts)], (meta, sum(counts.values()), len(counts))
    # one click opens the rest of a page's hits, each a link to its own place on that page
    busiest = max(range(len(listed)), key=lambda i: listed[i]["hidden"])
    if not listed[busiest]["hidden"]:
        return
    item = page.locator(".md-search-result__item").nth(busiest)
    item.locator("details.md-search-result__more summary").click()
    hidden = item.locator("details.md-search-result__more a.md-search-result__link")
    hidden.last.wait_for(state="visible")
    assert all(form in squeeze(hidden.nth(i).inner_text()) for i in range(hidden.count()))


SEARCH_FILES = ("search/search_index.json", "assets/search-worker.js", "assets/script-map.js")


@pytest.mark.browser
@pytest.mark.parametrize("opening", ["click", "slash"])
def test_search_costs_nothing_until_used_and_shows_that_it_is_loading(page, base_url, opening):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    held = []
    page.route("**/search/search_index.json", lambda route: held.append(route))
    page.goto(base_url + "zh-Hant/chapter-2/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if url.endswith(SEARCH_FILES)], requested
    if opening == "click":
        open_search(page)
    else:
        page.keyboard.press("/")
    page.wait_for_function("() => document.documentElement.classList.contains('edition-search-loading')")
    page.wait_for_timeout(300)
    assert held, "the search data is asked for once the reader opens search"
    meta = page.locator(".md-search-result__meta")
    assert meta.is_visible() and "初始化" in meta.inner_text()  # Material's own loading line
    held[0].continue_()
    page.wait_for_function("() => !document.documentElement.classList.contains('edition-search-loading')")
    type_query(page, "麥金德")
    assert results(page) and any(url.endswith("assets/script-map.js") for url in requested)
