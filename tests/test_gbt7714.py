"""The reference list as a reader sees it, against the rules of GB/T 7714-2015 (author-date).

One test per rule.  The page is built alone (see test_reference_list_seeds) and each
entry's visible text is read back from the HTML; which entries a rule concerns is read
from bibliography.bib with bibtexparser, not from the converter.
"""
from __future__ import annotations

import re

import bibtexparser
import pytest

from test_reference_list_seeds import build_reference_page, entries_shown

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def page(root, tmp_path_factory) -> str:
    return build_reference_page(root, tmp_path_factory.mktemp("gbt"), 0)


@pytest.fixture(scope="module")
def shown(page) -> dict[str, str]:
    return entries_shown(page)


@pytest.fixture(scope="module")
def entries(root) -> dict[str, dict[str, str]]:
    library = bibtexparser.parse_string((root / "bibliography.bib").read_text(encoding="utf-8"))
    return {e.key: {"type": e.entry_type.lower(), **{f.key: f.value for f in e.fields}} for e in library.entries}


def names(value: str) -> list[str]:
    return [n.strip() for n in re.split(r"\s+and\s+", value) if n.strip()]


def test_names_are_separated_by_comma_and_more_than_three_end_in_deng(shown, entries):
    checked = 0
    for key, fields in entries.items():
        for role in ("author", "editor", "translator"):
            people = [n for n in names(fields.get(role, "")) if n != "others"]
            if len(people) < 2 or not all(CJK.search(n) for n in people):
                continue
            checked += 1
            if len(people) > 3:
                assert ", ".join(p.strip("{}") for p in people[:3]) + ", 等" in shown[key], key
                assert people[3].strip("{}") not in shown[key], key
            else:
                assert ", ".join(p.strip("{}") for p in people) in shown[key], key
    assert checked >= 20
    assert not [key for key, text in shown.items() if re.search(r"[\u4e00-\u9fff]\. [\u4e00-\u9fff]{2,3}, \d{4}", text)]
    # 等 written by the note (趙明義等) is "趙明義, 等"
    deng = [k for k, f in entries.items() if f.get("editor", "").endswith(" and others")]
    assert deng and all(re.search(r"[\u4e00-\u9fff], 等, \d{4}", shown[k]) for k in deng)


@pytest.mark.parametrize("kind, code", [
    (lambda f: f["type"] == "book", "[M]"),
    (lambda f: f["type"] == "incollection", "[M]//"),
    (lambda f: f["type"] == "inproceedings", "[C]//"),
    (lambda f: f["type"] in ("mastersthesis", "phdthesis"), "[D]"),
    (lambda f: f["type"] == "techreport", "[R]"),
    (lambda f: f["type"] == "online", "[EB/OL]"),
    (lambda f: f["type"] == "article" and f.get("entrysubtype") != "newspaper", "[J"),
])
def test_each_kind_has_its_type_code(shown, entries, kind, code):
    keys = [k for k, f in entries.items() if kind(f)]
    assert keys
    assert [k for k in keys if code not in shown[k]] == []


def test_newspapers_are_n_with_paper_date_and_page(shown, entries):
    papers = {k: f for k, f in entries.items() if f.get("entrysubtype") == "newspaper"}
    assert len(papers) == 7
    for key, fields in papers.items():
        text = shown[key]
        assert "[N]" in text or "[N/OL]" in text, text
        date = f"{fields['year']}-{int(fields['month']):02d}-{int(fields['day']):02d}"
        page = f"({fields['pages']})" if fields.get("pages") else ""
        paper = fields.get("journal", fields["title"])
        assert re.search(re.escape(paper) + r"(, )?.*" + re.escape(date + page), text), text


def test_xuebao_and_zazhi_are_journals_not_newspapers(page, shown, entries):
    journals = [k for k, f in entries.items() if re.search(r"(學報|雜誌)$", f.get("journal", ""))]
    assert len(journals) >= 5
    newspapers = re.search(r'<h3 id="zh-\d">報紙.*?</h3>(.*?)</ul>', page, re.S)[1]  # the page's 報紙 section
    assert [k for k in journals if f'id="{k}"' in newspapers] == []
    assert newspapers.count('class="bib-anchor"') == 7
    assert [k for k in journals if "[J]" not in shown[k] or "[N" in shown[k]] == []
    assert [k for k in journals if entries[k].get("entrysubtype")] == []


def test_missing_place_or_publisher_is_said(shown, entries):
    booklike = {k: f for k, f in entries.items()
                if f["type"] in ("book", "incollection", "inproceedings", "techreport", "mastersthesis", "phdthesis")}
    no_place = [k for k, f in booklike.items() if not f.get("address")]
    no_publisher = [k for k, f in booklike.items() if not (f.get("publisher") or f.get("school"))]
    assert no_place and no_publisher
    assert [k for k in no_place if "[出版地不詳]" not in shown[k]] == []
    assert [k for k in no_publisher if "[出版者不詳]" not in shown[k]] == []
    assert [k for k, f in booklike.items() if f.get("address") and "[出版地不詳]" in shown[k]] == []


def test_western_persons_are_surname_and_initials(shown, entries):
    persons = {k: names(f["author"])[0] for k, f in entries.items()
               if f.get("author") and re.fullmatch(r"[A-Z][A-Za-z\-]+, [A-Z].*", names(f["author"])[0])}
    assert len(persons) >= 8
    for key, name in persons.items():
        surname, given = name.split(", ")
        initials = " ".join(part[0] for part in re.split(r"[\s.]+", given) if part)
        assert shown[key].startswith(f"{surname.upper()} {initials}"), shown[key]
    assert "NEUMAN W L," in shown["neuman2003dangdai"] and "LOCKE L F, SPIRDUSO W W, SILVERMAN S J" in \
        shown["locke2002lunwen"]


def test_names_kept_whole_are_shown_as_written(shown, entries):
    whole = {k: names(f.get("author") or f.get("editor"))[0].strip("{}") for k, f in entries.items()
             if (f.get("author") or f.get("editor", "")).startswith("{") and re.search(r"[a-z]", f.get("author", ""))}
    assert "office2008military" in whole
    assert [k for k, name in whole.items() if not shown[k].startswith(name)] == []


def test_translators_and_editors_are_kept(shown, entries):
    for key, fields in entries.items():
        for person in names(fields.get("translator", ""))[:3]:
            if person != "others":
                assert person.strip("{}") in shown[key] and "譯" in shown[key], key
        if fields.get("editor") and not fields.get("author"):
            assert names(fields["editor"])[0].strip("{}") in shown[key], key


def test_no_entry_has_an_empty_title(shown):
    assert [k for k, text in shown.items() if re.search(r"(^|\. |//)\[[A-Z]+(/OL)?\]", text)] == []


def test_no_markup_escapes_are_visible(page, shown):
    assert [k for k, text in shown.items() if re.search(r"\\[_&#%]|\{\.nocase\}|\\\[", text)] == []
    hrefs = re.findall(r'<a href="(https?://[^"]+)"', page)
    assert hrefs and not [h for h in hrefs if "\\" in h]
    assert "http://www.jjxww.com/html/show.aspx?id=151407&amp;cid=132" in page
