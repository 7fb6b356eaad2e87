"""Where the PDF may turn a page and break a line, set on the document before WeasyPrint sees
it: the blocks that start a page (page_turns), the part title's original page marker, and a
slip's letter kept with its words (kinsoku)."""
from __future__ import annotations

from xml.etree import ElementTree as ET

import tinyhtml5

from thesis_pdf.page_turns import TURN_CLASS, block_key, turn_blocks
from thesis_pdf.prepare import move_notes_to_markers, page_start_into_part_title
from thesis_pdf.slip_marks import mark_slips


def parse(markup: str) -> ET.Element:
    root = tinyhtml5.parse(f"<div id='holder'>{markup}</div>", namespace_html_elements=False)
    return next(d for d in root.iter("div") if d.get("id") == "holder")


def classes(node: ET.Element) -> set[str]:
    return set((node.get("class") or "").split())


def test_a_block_is_named_by_its_id_or_its_place_under_the_nearest_id():
    holder = parse("<section id='chapter-2'><p id='p-1'>一</p><figure id='table-2-7'><table><tbody>"
                   "<tr><td>a</td></tr><tr><td><p>b</p></td></tr></tbody></table></figure><ul><li>c</li></ul></section>")
    section = holder.find("section")
    paragraph, figure = section.find("p"), section.find("figure")
    rows = list(figure.iter("tr"))
    cell_paragraph = rows[1].find("td/p")
    assert block_key([holder, section, paragraph]) == "p-1"
    # a cell's paragraph turns with its row: a page turns between rows
    assert block_key([holder, section, figure, figure.find("table"), rows[1], rows[1].find("td"), cell_paragraph]) == "table-2-7 tr 1"
    item = section.find("ul/li")
    assert block_key([holder, section, section.find("ul"), item]) == "chapter-2 li 0"


def test_a_turned_block_takes_its_heading_and_page_marker_along_and_a_stale_name_is_left():
    holder = parse("<section id='chapter-1'><p id='p-1'>前</p><h3 id='h'>一、</h3>"
                   "<div class='page-start' id='page-16' data-page='16'></div><p id='p-2'>後</p>"
                   "<ul><li>甲</li><li>乙</li></ul></section>")
    assert turn_blocks(holder, frozenset({"p-2", "chapter-1 li 1", "p-gone"})) == 2
    turned = [node.get("id") or node.text for node in holder.iter() if TURN_CLASS in classes(node)]
    assert turned == ["h", "乙"]


def test_the_part_title_takes_the_original_page_marker_before_it():
    holder = parse("<section id='appendix-1'><div class='page-start' id='page-161' data-page='161'></div>\n"
                   "<p class='part-title'>附錄</p><h1>附錄一</h1></section>")
    page_start_into_part_title(holder.find("section"))
    section = holder.find("section")
    assert [child.tag for child in section] == ["p", "h1"]
    title = section.find("p")
    assert title[0].tag == "span" and title[0].get("id") == "page-161" and "".join(title.itertext()) == "附錄"


SIC = ('<span class="sic" data-corr="{corr}" aria-label="原文作「{sic}」，校讀作「{corr}」（衍字，可能）">{sic}</span>')




def test_a_slip_letter_keeps_to_its_words_the_note_marker_after_it_and_the_comma():
    holder = parse("<section id='chapter-2'><p>國際關係朝多極化的" + SIC.format(sic="趨勢進發展", corr="趨勢發展")
                   + "<sup id='fnref:81'><a href='#fn:81'>81</a></sup>，對日後的國際形勢。"
                   "吸收新成員的原則和" + SIC.format(sic="程式", corr="程序") + "，作出決定。</p>"
                   "<div class='footnote'><ol><li id='fn:81'><p>丁金光。</p></li></ol></div></section>")
    move_notes_to_markers(holder)
    assert mark_slips(holder) == 2
    paragraph = holder.find("section/p")
    outer = [child for child in paragraph if "keep" in classes(child)]
    assert len(outer) == 2
    first, second = outer
    # the slip's words, its letter's foot line, the marker's run with its comma: one run
    assert [node.get("class") for node in first] == ["sic", "slip-note", "keep"]
    assert "".join(first[2].find("sup").itertext()) == "81" and first[2].find("span").tail == "，"
    assert first.tail == "對日後的國際形勢。吸收新成員的原則和"
    assert [node.get("class") for node in second] == ["sic", "slip-note"]
    assert second[1].tail == "，" and second.tail == "作出決定。"
