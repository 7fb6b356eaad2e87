"""Curated tables and figures: verified against the source, rendered whole."""
import re
from collections import Counter
from html import unescape

import pytest

from edition.passes.layout import Role
from markdown_text import visible

TABLE_IDS = ["2-1", "2-2", "2-3", "2-4", "2-5", "2-6", "2-7", "3-1", "3-2", "3-3"]
FIGURE_IDS = ["1-1", "2-1", "2-2", "2-3", "2-4", "2-5", "2-6"]
MARKER = re.compile(r"\[\^(\d+)\]")


def region_text(edition, table):
    return "".join(
        edition.source.line(n).text for n in range(table.first_line, table.last_line + 1) if table.claims(n)
    )


def table_text(table):
    cells = "".join(cell for row in table.rows for cell in row)
    return MARKER.sub(r"\1", table.caption + cells + table.note)


def test_all_tables_and_figures_are_curated(edition):
    assert list(edition.curated.tables) == TABLE_IDS
    assert list(edition.curated.figures) == FIGURE_IDS


@pytest.mark.parametrize("table_id", TABLE_IDS)
def test_table_characters_equal_its_source_region(edition, table_id):
    table = edition.curated.tables[table_id]
    assert Counter(visible(region_text(edition, table))) == Counter(visible(table_text(table)))
    assert len({len(row) for row in table.rows}) == 1, "every row has the same number of columns"
    assert edition.source.line(table.caption_line).text.strip().replace(" ", "") == table.caption.replace(" ", "")


@pytest.mark.parametrize("table_id", TABLE_IDS)
def test_table_rendered_with_every_cell(edition, root, table_id):
    table = edition.curated.tables[table_id]
    pages = "".join(p.read_text(encoding="utf-8") for p in (root / "docs").glob("*.md"))
    match = re.search(rf'<figure class="edition-table" id="table-{table_id}".*?</figure>', pages, re.S)
    assert match, f"table-{table_id} not rendered"
    cells = re.findall(r"<t[hd]>(.*?)</t[hd]>", match.group(0))
    assert [unescape(re.sub(r"<[^>]+>", "", c)) for c in cells] == [c for row in table.rows for c in row]


def test_table_2_1_keeps_countries_as_columns(edition):
    assert edition.curated.tables["2-1"].rows[0] == ["國名", "哈薩克", "吉爾吉斯", "塔吉克", "烏茲別克", "土庫曼"]


@pytest.mark.parametrize("figure_id", FIGURE_IDS)
def test_figure_text_equals_its_source_lines(edition, figure_id):
    figure = edition.curated.figures[figure_id]
    first, last = figure.note_lines
    lines = [figure.caption_line, *range(first, last + 1), *sorted(figure.label_lines)]
    source = "".join(edition.source.line(n).text for n in lines)
    assert Counter(visible(source)) == Counter(visible(figure.caption + figure.note + "".join(figure.labels)))
    assert all(edition.layout.roles[n] is Role.FIGURE for n in lines if edition.source.line(n).text.strip())


@pytest.mark.parametrize("figure_id", ["1-1", "2-4", "2-6"])
def test_diagram_uses_every_surviving_label(edition, figure_id):
    figure = edition.curated.figures[figure_id]
    node_labels = [l.replace("<br>", "") for l in re.findall(r'\["(.*?)"\]', figure.mermaid)]
    assert sorted(node_labels) == sorted(figure.labels)


@pytest.mark.parametrize("figure_id", ["1-1", "2-4", "2-6"])
def test_redrawn_diagram_shows_each_label_once(edition, figure_id):
    from edition.write.diagram import render_org_chart

    figure = edition.curated.figures[figure_id]
    boxes = re.findall(r'<span class="box">(.*?)</span>', render_org_chart(figure.mermaid))
    assert sorted(unescape(b.replace("<br>", "")) for b in boxes) == sorted(figure.labels)


def test_every_mention_is_linked(root):
    unlinked, linked = [], 0
    for path in sorted((root / "docs").glob("*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith(("<", "|", "---", "title:")):
                continue  # raw table/figure HTML, list pages, front matter
            links = r'\[(?:下[表圖]|[表圖] ?\d+-\d+)\]\([^)\s]+ "[表圖] \d+-\d+[^"]*"\)'  # with the caption as title
            linked += len(re.findall(links, line))
            bare = re.sub(links, "", line)
            bare = re.sub(r'="[^"]*"', '=""', bare)  # a slip's reason in a tooltip attribute can hold no link
            unlinked += re.findall(r"如下[表圖]|[表圖] ?\d+-\d+", bare)
    assert unlinked == [] and linked == 14


def test_mention_links_land_on_their_anchor(built_site):
    html = (built_site / "zh-Hant" / "chapter-2" / "index.html").read_text(encoding="utf-8")
    anchors = re.findall(r'如<a href="#((?:table|figure)-\d+-\d+)" title="[^"]+">下[表圖]</a>', html)
    assert len(anchors) == 10  # chapter 2's 如下表 and 如下圖
    for anchor in anchors:
        assert f'id="{anchor}"' in html
    assert 'href="#table-2-7"' in html


def test_lists_of_tables_and_figures_give_printed_pages(root):
    tables = (root / "docs" / "tables.md").read_text(encoding="utf-8")
    assert tables.count("](chapter-") == 10
    assert "| [表 2-1 中亞五國簡介](chapter-2.md#table-2-1) | 35 |" in tables
    figures = (root / "docs" / "figures.md").read_text(encoding="utf-8")
    assert figures.count("](chapter-") == 7
