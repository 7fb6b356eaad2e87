"""The reference list's order and types, read back from the built reference page.

The order is checked against an independent reading (tests/data/expected-reference-order.toml:
each section's first printed names and years, top to bottom, filed by 注音), and the cases a
reader noticed are asserted one by one; the Simplified page must keep the same order.
"""
from __future__ import annotations

import html as html_lib
import re
import tomllib

import pytest

from test_reference_list_seeds import build_reference_page

ORDER = "tests/data/expected-reference-order.toml"
ENTRY = re.compile(r'<li><span class="bib-anchor" id="([^"]+)"></span>(.*?)<span class="bib-notes">', re.S)


def sections(page: str) -> dict[str, list[tuple[str, str]]]:
    """Section id (zh-1 …) → [(key, visible text)] in page order."""
    parts = re.split(r'<h3 id="((?:zh|en)-\d)"', page)
    return {parts[i]: [(m[1], html_lib.unescape(re.sub(r"<[^>]+>", "", m[2])).strip())
                       for m in ENTRY.finditer(parts[i + 1].split("<h2")[0])]
            for i in range(1, len(parts), 2)}


def first_name_and_year(text: str) -> str:
    """"丁偉, 等, 2007. 從…" → "丁偉 2007"; "佚名. www…" → "佚名"."""
    dated = re.match(r"(.*?), (\d{4})[a-z]?\. ", text)
    names, year = (dated[1], dated[2]) if dated else (re.match(r"(.*?)\. (?=\S)", text)[1], "")
    return f"{re.split(r', ', names)[0]} {year}".strip()


@pytest.fixture(scope="module")
def page(root, tmp_path_factory) -> str:
    return build_reference_page(root, tmp_path_factory.mktemp("order"), 0)


@pytest.fixture(scope="module")
def shown(page):
    return sections(page)


def test_each_section_follows_the_independent_reading(shown, root):
    expected = tomllib.loads((root / ORDER).read_text(encoding="utf-8"))
    assert set(shown) == set(expected)
    for section, entries in shown.items():
        assert [first_name_and_year(text) for _, text in entries] == expected[section], section


def position(entries, prefix: str) -> int:
    return next(i for i, (_, text) in enumerate(entries) if text.startswith(prefix))


def test_authors_not_keys_decide(shown):
    books = shown["zh-1"]
    assert position(books, "丁金光") < position(books, "丁勝") < position(books, "丁偉")
    assert position(books, "黃大慧") < position(books, "黃偉峰")


def test_anonymous_works_are_grouped_at_the_end(shown):
    for section, entries in shown.items():
        anonymous = [i for i, (_, text) in enumerate(entries) if text.startswith("佚名")]
        if anonymous:
            assert anonymous == list(range(len(entries) - len(anonymous), len(entries))), section
            years = [re.match(r"佚名(?:, (\d{4}))?", entries[i][1])[1] or "9999" for i in anonymous]
            assert years == sorted(years), section


def test_heading_note_states_the_order(page):
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", page))
    assert "注音符號順序" in text and "佚名" in text


def test_yearbooks_are_books_and_the_defence_report_a_report(shown):
    text = {key: t for entries in shown.values() for key, t in entries}
    assert "上海合作組織發展報告(2009)[M]" in text["xing2009shanghai"]
    assert "國際形勢黃皮書——全球政治與安全報告(2008)[M]" in text["li2007guoji"]
    assert "國防報告書[R]" in text["guofang2009zhonghua"]


def test_a_journal_issue_names_its_journal_once(shown):
    text = {key: t for entries in shown.values() for key, t in entries}
    assert text["li2002eluo"].count("俄羅斯東歐中亞研究") == 1, text["li2002eluo"]


def test_web_pages_with_a_date_print_it(shown, root):
    import bibtexparser

    library = bibtexparser.parse_string((root / "bibliography.bib").read_text(encoding="utf-8"))
    text = {key: t for entries in shown.values() for key, t in entries}
    dated = [e for e in library.entries if e.entry_type == "online" and "day" in e.fields_dict]
    assert len(dated) >= 6
    for entry in dated:
        f = entry.fields_dict
        date = f"{f['year'].value}-{int(f['month'].value):02d}-{int(f['day'].value):02d}"
        assert date in text[entry.key], (entry.key, text[entry.key])


def test_no_title_shows_two_hyphens(shown):
    for entries in shown.values():
        for key, text in entries:
            assert "--" not in text.split("http")[0], (key, text)


@pytest.mark.usefixtures("built_site")
def test_simplified_list_keeps_the_order(built_site):
    orders = {script: [key for entries in sections(
        (built_site / script / "bibliography" / "index.html").read_text(encoding="utf-8")).values()
        for key, _ in entries] for script in ("zh-Hant", "zh-Hans")}
    assert orders["zh-Hant"] == orders["zh-Hans"] and len(orders["zh-Hant"]) > 100
