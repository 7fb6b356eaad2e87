"""The rebuilt reference list: one entry per work, anchors equal to keys, links both ways."""
import re

import pytest
from pybtex.database import parse_string


def test_bibliography_bib_is_generated_and_parses(root, edition):
    from edition.citations import render_bibtex

    text = (root / "bibliography.bib").read_text(encoding="utf-8")
    assert text == render_bibtex(edition.citations)
    entries = parse_string(text, "bibtex").entries
    assert len(entries) == len(edition.citations.works) > 100
    assert all(re.fullmatch(r"[a-z0-9]+", key) for key in entries)
    assert all("language" in entry.fields for entry in entries.values())
    import bibtexparser

    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks and len(library.entries) == len(entries)


def test_every_citing_note_links_to_its_entry(root, edition):
    pages = "".join(p.read_text(encoding="utf-8") for p in (root / "docs").glob("chapter-*.md"))
    for number, note in edition.citations.notes.items():
        definition = re.search(rf"^\[\^{number}\]: .*$", pages, re.M).group(0)
        linked = re.findall(r'href="\.\./bibliography/#([a-z0-9]+)"', definition)
        assert linked == note.works, number


def test_reference_list_has_every_work_grouped(built_site, edition):
    html = (built_site / "zh-Hant" / "bibliography" / "index.html").read_text(encoding="utf-8")
    anchors = re.findall(r'<span class="bib-anchor" id="([a-z0-9]+)"></span>', html)
    assert sorted(anchors) == sorted(edition.citations.works)
    assert html.index('id="zh"') < html.index('id="en"')  # 中文 before 西文
    assert "@" not in re.sub(r"<[^>]+>", "", html[html.index('id="zh"'):html.index("</article>")]).replace("&#64;", "")
    assert "{.nocase}" not in html


@pytest.mark.browser
def test_note_to_entry_and_back(page, base_url, edition):
    key = edition.citations.notes[4].works[0]
    page.goto(base_url + "zh-Hant/chapter-1/#fn:4")
    page.locator('li[id="fn:4"] a.bib-link').click()
    page.wait_for_url(re.compile(rf".*/bibliography/#{key}$"))
    entry = page.locator(f'li:has(> span[id="{key}"])')
    assert "上海合作組織研究" in entry.inner_text()
    entry.locator('a[href$="#fn:4"]').click()
    page.wait_for_url(re.compile(r".*/chapter-1/#fn:4$"))
    assert page.locator('li[id="fn:4"]').is_visible()


def test_edition_report_lists_what_the_standard_wanted_and_the_notes_lacked(root):
    """Each row of the report's table against bibliography.bib read by bibtexparser."""
    import bibtexparser

    library = bibtexparser.parse_string((root / "bibliography.bib").read_text(encoding="utf-8"))
    entries = {e.key: {"type": e.entry_type.lower(), **{f.key: f.value for f in e.fields}} for e in library.entries}
    report = (root / "docs" / "edition-report.md").read_text(encoding="utf-8")
    section = report[report.index("### 標準所需而註腳未給"):]
    rows = {(m[1], m[2]): (int(m[3]), re.findall(r"\[([a-z0-9]+)\]", m[4]))
            for m in re.finditer(r"^\| (\S+?)（\d+ 筆） \| (.+?) \| (\d+) \| (.+) \|$", section, re.M)}
    web = sorted(k for k, f in entries.items() if f["type"] == "online")
    assert rows[("網路資料", "引用日期")] == (len(web), web)  # the thesis never gives an access date
    books = [k for k, f in entries.items() if f["type"] in ("book", "techreport")]
    no_place = sorted(k for k in books if not entries[k].get("address"))
    assert rows[("專書", "出版地")] == (len(no_place), no_place)
    theses = sorted(k for k, f in entries.items() if f["type"] in ("mastersthesis", "phdthesis"))
    assert rows[("學位論文", "保存地")] == (len(theses), theses)
    assert all(count == len(keys) for count, keys in rows.values())
