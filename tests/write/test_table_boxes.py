"""Every table's scroll box, written at build time as Material writes it at load
(scripts/hooks/table_boxes.py), and taken off again for the PDF (thesis_pdf/prepare.py)."""
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import tinyhtml5

from thesis_pdf.prepare import PrintPageError, unbox_tables

HOOKS = Path(__file__).resolve().parents[2] / "scripts" / "hooks"
BOX = re.compile(r'<div class="md-typeset__scrollwrap" role="region" tabindex="0" aria-label(?:ledby)?="([^"]+)" style="--rows: \d+">'
                 r'<div class="md-typeset__table"><table class="edition-data">(.*?)</table></div></div>', re.S)


@pytest.fixture
def box_tables(monkeypatch):
    monkeypatch.syspath_prepend(str(HOOKS))
    from table_boxes import box_tables
    return box_tables


def test_a_table_in_a_figure_is_named_by_its_caption(box_tables):
    page = ('<h2 id="sec">一、概況</h2><figure class="edition-table" id="table-2-1">'
            '<figcaption id="table-2-1-caption">表 2-1 中亞五國簡介</figcaption>\n'
            '<table>\n<thead><tr><th>國名</th></tr></thead>\n<tbody><tr><td>哈薩克</td></tr></tbody>\n</table>\n</figure>')
    out = box_tables(page)
    (label, inner), = BOX.findall(out)
    assert label == "table-2-1-caption" and 'style="--rows: 2"' in out
    assert inner == "\n<thead><tr><th>國名</th></tr></thead>\n<tbody><tr><td>哈薩克</td></tr></tbody>\n"
    assert BOX.sub(lambda m: f"<table>{m.group(2)}</table>", out) == page  # nothing else changed


def test_a_markdown_table_is_named_by_the_heading_above_it(box_tables):
    page = ('<h1 id="top">勘誤表</h1><h2 id="_1">校讀</h2><p>說明</p><table><tr><td>1</td></tr></table>'
            '<h2 id="_2">其他</h2><table><tr><td>2</td></tr></table>')
    assert [label for label, _ in BOX.findall(box_tables(page))] == ["_1", "_2"]


def test_tables_under_one_heading_are_numbered_by_its_text(box_tables):
    page = ('<h1 id="_1">勘誤表<a class="headerlink" href="#_1" title="Permanent link">¶</a></h1>'
            '<table><tr><td>1</td></tr></table><p>全表</p><table><tr><td>2</td></tr></table>')
    assert [label for label, _ in BOX.findall(box_tables(page))] == ["勘誤表（第 1 表，共 2 表）", "勘誤表（第 2 表，共 2 表）"]


def test_a_table_already_marked_is_left_alone(box_tables):
    page = '<h1 id="x">頁</h1><table class="highlighttable"><tr><td>1</td></tr></table>'
    assert box_tables(page) == page


def test_a_table_with_nothing_to_name_it_is_an_error(box_tables):
    with pytest.raises(ValueError, match="no heading or caption"):
        box_tables("<p>孤表</p><table><tr><td>1</td></tr></table>")


def test_the_pdf_gets_the_bare_table_back(box_tables):
    page = '<div><h1 id="x">頁</h1><p>前</p><table><tr><td>1</td></tr></table>後<p>再</p></div>'
    root = tinyhtml5.parse(box_tables(page), namespace_html_elements=False)
    unbox_tables(root)
    body = root.find("body")
    assert ET.tostring(body[0], encoding="unicode", method="html") == ET.tostring(
        tinyhtml5.parse(page, namespace_html_elements=False).find("body")[0], encoding="unicode", method="html")


def test_a_box_without_its_table_is_an_error():
    root = tinyhtml5.parse('<div class="md-typeset__scrollwrap"><p>空</p></div>', namespace_html_elements=False)
    with pytest.raises(PrintPageError, match="holds no div > table"):
        unbox_tables(root)
