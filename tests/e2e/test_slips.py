"""The author's slips as a reader meets them: marked in the built pages, explained on hover,
focus and tap, read in place with the 原文 ⇄ 校讀 switch, listed on the 勘誤表 page, found by
search in either form, converted in the Simplified build, quoted with 〔sic〕.

The expectations come from source/slips.toml and source/thesis.txt, read here on their own
(tomllib, NFC), not from the converter's model.
"""
from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from collections import Counter
from html.parser import HTMLParser

import pytest

from edition.script.simplified import to_simplified

SCRIPTS = ["zh-Hant", "zh-Hans"]
KIND_LABELS = {"homophone": "同音別字", "lookalike": "形近誤字", "extra": "衍字", "missing": "脫字",
               "converter": "轉換誤詞", "name": "人名地名誤植", "transposition": "倒文",
               "number": "數字日期誤植", "title": "書名篇名誤植"}
CERT_LABELS = {"high": "確定", "medium": "可能"}


@pytest.fixture(scope="module")
def entries(root):
    return tomllib.loads((root / "source" / "slips.toml").read_text(encoding="utf-8"))["slip"]


class Marks(HTMLParser):
    """Every span.sic of a page: (its text, its attributes)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict]] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "span" and "sic" in (attrs.get("class") or "").split():
            self.found.append(("", attrs))
            self.depth = 1
        elif self.depth and tag == "span":
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth and tag == "span":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            text, attrs = self.found[-1]
            self.found[-1] = (text + data, attrs)


def marks_of(path) -> list[tuple[str, dict]]:
    parser = Marks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.found


def site_marks(site, script):
    return {path.parent.name: marks_of(path) for path in sorted((site / script).glob("*/index.html"))
            if path.parent.name not in ("print_page", "errata")}


def test_every_entry_is_one_mark_holding_the_author_characters(built_site, entries, root):
    source = [unicodedata.normalize("NFC", line) for line in
              (root / "source" / "thesis.txt").read_text(encoding="utf-8").split("\n")]
    marks = [m for found in site_marks(built_site, "zh-Hant").values() for m in found]
    assert len(marks) == len(entries) > 0
    expected = Counter((e["sic"], e["corr"], e["kind"], e["cert"]) for e in entries)
    shown = Counter((text, a["data-corr"], a["data-kind"], a["data-cert"]) for text, a in marks)
    assert shown == expected
    for entry in entries:  # the data's own claim, checked from the raw source
        line, following = source[entry["line"] - 1], " ".join(source[entry["line"]:entry["line"] + 3])
        assert entry["sic"].replace(" ", "") in (line.rstrip() + following.strip()).replace(" ", ""), entry
    for text, attrs in marks:
        assert attrs["tabindex"] == "0" and attrs["role"] == "button"
        label = attrs["aria-label"]
        assert text in label and attrs["data-corr"] in label
        assert KIND_LABELS[attrs["data-kind"]] in label and CERT_LABELS[attrs["data-cert"]] in label
    assert len({a["id"] for _, a in marks}) == len(marks)


def test_known_slips_stand_where_the_issue_found_them(built_site):
    marks = site_marks(built_site, "zh-Hant")
    words = {page: {text for text, _ in found} for page, found in marks.items()}
    assert {"小靦", "囑目"} <= words["chapter-6"]
    assert "共和自國" in words["appendix-1"]
    assert "巨集觀" in words["chapter-3"]
    html = (built_site / "zh-Hant" / "chapter-3" / "index.html").read_text(encoding="utf-8")
    table = html.split('id="table-3-1"', 1)[1].split("</figure>", 1)[0]
    assert re.search(r'<th><span class="sic"[^>]*data-corr="宏觀"[^>]*>巨集觀</span>', table)
    notes = (built_site / "zh-Hant" / "chapter-4" / "index.html").read_text(encoding="utf-8")
    for number in (169, 171):
        item = notes.split(f'id="fn:{number}"', 1)[1].split("</li>", 1)[0]
        assert re.search(r'class="sic"[^>]*data-corr="編纂"[^>]*>編篡</span>委員會', item)


@pytest.mark.parametrize("script", SCRIPTS)
def test_simplified_marks_have_no_traditional_leftovers(built_site, entries, script):
    marks = [m for found in site_marks(built_site, script).values() for m in found]
    expected = Counter((to_simplified(e["sic"]) if script == "zh-Hans" else e["sic"],
                        to_simplified(e["corr"]) if script == "zh-Hans" else e["corr"]) for e in entries)
    assert Counter((text, a["data-corr"]) for text, a in marks) == expected
    if script == "zh-Hans":
        for text, attrs in marks:
            for value in (text, attrs["data-corr"], attrs["aria-label"]):
                assert to_simplified(value) == value, value
        assert ("小腼", "小觑") in expected and ("编篡", "编纂") in expected


def test_errata_page_lists_every_entry_with_page_reading_and_a_link(built_site, entries):
    html = (built_site / "zh-Hant" / "errata" / "index.html").read_text(encoding="utf-8")
    table = html.split("<th>上下文</th>", 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:] if "<tr>" in table.split("</thead>")[0] else \
        re.findall(r"<tr>(.*?)</tr>", table.split("</thead>", 1)[1], re.S)
    assert len(rows) == len(entries)
    assert 'class="sic"' not in table  # the marks stand only where the author wrote
    for row, entry in zip(rows, sorted(entries, key=lambda e: e["line"])):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        printed, context, sic, corr, kind, cert = cells[:6]
        assert printed.isdigit() and f"【{entry['sic']}】" in re.sub(r"<[^>]+>", "", context)
        assert (sic, corr, kind, cert) == (entry["sic"], entry["corr"], KIND_LABELS[entry["kind"]],
                                           CERT_LABELS[entry["cert"]])
        page, anchor = re.search(r'href="\.\./([\w-]+)/#([^"]+)"', cells[-1]).groups()
        target = (built_site / "zh-Hant" / page / "index.html").read_text(encoding="utf-8")
        assert f'id="{anchor}"' in target and entry["corr"] in target
    nav = (built_site / "zh-Hant" / "index.html").read_text(encoding="utf-8")
    assert 'href="errata/"' in nav and "勘誤表" in nav


def test_edition_report_counts_the_slips_by_kind_and_certainty(built_site, entries):
    html = (built_site / "zh-Hant" / "edition-report" / "index.html").read_text(encoding="utf-8")
    section = html.split('id="作者筆誤"', 1)[1] if 'id="作者筆誤"' in html else html.split("作者筆誤", 1)[1]
    assert f"共 {len(entries)} 處" in section
    counts = Counter(e["kind"] for e in entries)
    for kind, label in KIND_LABELS.items():
        row = re.search(rf"<td>{label}（<code>{kind}</code>）</td>(.*?)</tr>", section, re.S).group(1)
        assert re.findall(r"<td[^>]*>(\d+)</td>", row)[-1] == str(counts[kind])


@pytest.mark.parametrize("script", SCRIPTS)
def test_search_data_finds_the_passage_by_either_form(built_site, script):
    data = json.loads((built_site / script / "search" / "search_index.json").read_text(encoding="utf-8"))
    chapter = next(d for d in data["docs"] if d["location"] == "chapter-6/")
    convert = to_simplified if script == "zh-Hans" else str
    for query in ("不容小靦", "不容小覷", "備受囑目", "備受矚目"):
        found = chapter["text"].find(convert(query))
        assert found >= 0, query
        mark = max((m for m in chapter["marks"] if m[0] <= found), key=lambda m: m[0])
        assert mark[2].startswith("p-6-") and mark[3] == 153  # the same passage, the same printed page


# ---------------------------------------------------------------- in the browser

TIP = "#sic-tip"


def first_mark(page, base_url, script="zh-Hant", path="chapter-6/"):
    page.goto(base_url + f"{script}/{path}", wait_until="networkidle")
    return page.locator("article .sic").first


@pytest.mark.browser
@pytest.mark.parametrize("script", SCRIPTS)
def test_hover_gives_reading_kind_and_certainty(page, base_url, script):
    mark = first_mark(page, base_url, script)
    assert page.locator(TIP).is_hidden()
    mark.hover()
    tip = page.locator(TIP)
    tip.wait_for(state="visible")
    convert = to_simplified if script == "zh-Hans" else str
    text = tip.inner_text()
    assert convert("小覷") in text and convert("形近誤字") in text and convert("確定") in text
    assert mark.get_attribute("aria-describedby") == "sic-tip"
    page.mouse.move(0, 0)
    tip.wait_for(state="hidden")


@pytest.mark.browser
def test_keyboard_reaches_a_slip_and_focus_shows_the_reading(page, base_url):
    first_mark(page, base_url)
    # from the top of the page, Tab alone reaches the first slip (no pointer involved)
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('article .sic')"):
            break
    assert page.evaluate("document.activeElement.matches('article .sic')")
    page.locator(TIP).wait_for(state="visible")
    assert "小覷" in page.locator(TIP).inner_text()
    page.keyboard.press("Escape")
    page.locator(TIP).wait_for(state="hidden")


@pytest.mark.browser
def test_tap_shows_the_reading(browser, base_url):
    context = browser.new_context(locale="zh-TW", has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800})
    page = context.new_page()
    try:
        mark = first_mark(page, base_url)
        mark.scroll_into_view_if_needed()
        mark.tap()
        page.locator(TIP).wait_for(state="visible")
        assert "小覷" in page.locator(TIP).inner_text()
        box = page.locator(TIP).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # stays on a phone's screen
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("script", SCRIPTS)
def test_switch_shows_readings_in_place_is_remembered_and_defaults_to_the_author(browser, base_url, script):
    convert = to_simplified if script == "zh-Hans" else str
    context = browser.new_context(locale="zh-TW")
    page = context.new_page()
    try:
        mark = first_mark(page, base_url, script)
        button = page.locator(".slips-switch__button")
        assert button.get_attribute("aria-pressed") == "false" and mark.inner_text() == convert("小靦")
        assert convert("校讀") in button.inner_text()
        button.click()
        assert button.get_attribute("aria-pressed") == "true" and mark.inner_text() == convert("小覷")
        page.goto(base_url + f"{script}/appendix-1/", wait_until="networkidle")  # another page, the same choice
        assert page.locator("article .sic").first.inner_text() == convert("共和國")
        page.reload(wait_until="networkidle")
        assert page.locator(".slips-switch__button").get_attribute("aria-pressed") == "true"
        page.locator(".slips-switch__button").click()
        assert page.locator("article .sic").first.inner_text() == convert("共和自國")
    finally:
        context.close()
    fresh = browser.new_context(locale="zh-TW")  # a new reader: always the author's text first
    try:
        page = fresh.new_page()
        assert first_mark(page, base_url, script).inner_text() == convert("小靦")
    finally:
        fresh.close()


RECORD_COPIES = """() => { window.copied = [];
  document.addEventListener('copy', e => window.copied.push(e.clipboardData.getData('text/plain'))); }"""
SELECT_AROUND = """() => {
  const mark = document.querySelector('article .sic');
  const r = document.createRange();
  r.setStart(mark.previousSibling, mark.previousSibling.length - 4);
  r.setEnd(mark.nextSibling, 3);
  const s = getSelection(); s.removeAllRanges(); s.addRange(r);
  return s.toString();
}"""


@pytest.mark.browser
@pytest.mark.parametrize("reading", [False, True])
def test_citer_quotes_the_author_text_with_sic(page, base_url, reading):
    first_mark(page, base_url)
    if reading:  # even when the readings are shown, the quotation is the author's
        page.locator(".slips-switch__button").click()
    page.evaluate(RECORD_COPIES)
    page.evaluate(SELECT_AROUND)
    page.locator(".passage-popover__cite").click()
    text = page.evaluate("window.copied")[0]
    assert text.startswith("「一個不容小靦〔sic〕的力量」"), text[:40]


@pytest.mark.browser
@pytest.mark.parametrize("script, query", [("zh-Hant", "不容小覷"), ("zh-Hant", "不容小靦"), ("zh-Hans", "备受瞩目"),
                                           ("zh-Hans", "備受囑目")])
def test_search_box_finds_the_passage_by_either_form(page, base_url, script, query):
    from search_probe import listed_pages, open_search, results, type_query

    page.goto(base_url + script + "/")
    open_search(page)
    type_query(page, query)
    items = results(page, everything=True)
    assert "chapter-6/" in listed_pages(items, base_url)


@pytest.mark.browser
@pytest.mark.parametrize("path", ["chapter-2/", "print_page/"])
def test_switch_is_in_the_html_hidden_until_the_script_shows_it(browser, base_url, path):
    """Written at build time (inserted at load it restyled the whole article); one per page."""
    for javascript in (False, True):
        context = browser.new_context(locale="zh-TW", java_script_enabled=javascript)
        try:
            page = context.new_page()
            page.goto(base_url + f"zh-Hant/{path}", wait_until="load")
            switch = page.locator("article .slips-switch")
            assert switch.count() == 1
            assert switch.is_visible() == javascript
            marks = page.locator("article .sic[data-corr]").count()
            assert switch.locator("button").get_attribute("title") == f"顯示校讀（{marks} 處）"
        finally:
            context.close()
