"""The author's slips in the PDF, read back with pdftotext from a small page typeset with thesis.css.

The author's characters stay in the running text; the reading stands at the page foot
behind a letter, and the numbered note on the same page keeps its number.
"""
from __future__ import annotations

import subprocess
from xml.etree import ElementTree as ET

import pytest
import tinyhtml5

from thesis_pdf.prepare import move_notes_to_markers
from thesis_pdf.slip_marks import mark_slips
from thesis_pdf.typeset import STYLESHEET

SIC = ('<span class="sic" id="slip-1" data-corr="{corr}" role="button" tabindex="0" '
       'aria-label="原文作「{sic}」，校讀作「{corr}」（形近誤字，確定）：理由">{sic}</span>')
PAGE = (
    '<div><section id="chapter-6"><h1>第六章 結論</h1>'
    '<p>上海合作組織在地緣政治格局中是一個不容' + SIC.format(sic="小靦", corr="小覷") + '的力量。'
    '<sup id="fnref:1"><a href="#fn:1">1</a></sup>以下為正文。</p>'
    '<table><tr><td>' + SIC.format(sic="巨集觀", corr="宏觀") + '經濟政策的協調</td></tr></table>'
    '<div class="footnote"><ol><li id="fn:1"><p>國防部「國防報告書」' + SIC.format(sic="編篡", corr="編纂")
    + '委員會著。</p></li></ol></div></section></div>'
)


@pytest.fixture(scope="module")
def pdf_text(tmp_path_factory):
    weasyprint = pytest.importorskip("weasyprint")
    root = tinyhtml5.parse(PAGE, namespace_html_elements=False)
    holder = next(d for d in root.iter("div") if d.find("section") is not None)
    move_notes_to_markers(holder)
    assert mark_slips(holder) == 3
    html = '<!doctype html><html lang="zh-Hant"><body>' + ET.tostring(holder, encoding="unicode", method="html") + "</body></html>"
    path = tmp_path_factory.mktemp("pdf") / "slips.pdf"
    weasyprint.HTML(string=html).write_pdf(path, stylesheets=[weasyprint.CSS(filename=str(STYLESHEET))])
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def squeezed(text: str) -> str:
    return "".join(text.split())


def test_the_author_text_stays_in_the_running_text(pdf_text):
    text = squeezed(pdf_text)
    assert "不容小靦" in text and "不容小覷" not in text  # the reading is not put in the author's place
    assert "巨集觀" in text and "編篡委員會" in text


def test_the_reading_stands_at_the_page_foot_after_a_letter(pdf_text):
    lines = [squeezed(line) for line in pdf_text.splitlines() if line.strip()]
    body = next(i for i, line in enumerate(lines) if "不容小靦" in line)
    foot = next(i for i, line in enumerate(lines) if "小靦→小覷" in line)
    assert foot > body
    assert lines[foot].startswith("〔校〕a") and "形近誤字，確定" in lines[foot]


def test_the_numbered_note_keeps_its_number_and_carries_its_slip_reading(pdf_text):
    lines = [squeezed(line) for line in pdf_text.splitlines() if line.strip()]
    note = next(line for line in lines if "編篡委員會" in line)
    assert note.startswith("1.")
    assert "（校讀：編篡→編纂" in squeezed(pdf_text)
    assert "〔宏觀〕" in squeezed(pdf_text)  # a table cell keeps its reading beside it


def test_a_slip_in_a_heading_leaves_the_heading_text_for_the_contents():
    root = tinyhtml5.parse('<div><section id="appendix-2"><h2 id="article-16">第十六條 通過決議'
                           + SIC.format(sic="程式", corr="程序") + "</h2><p>正文。</p></section></div>",
                           namespace_html_elements=False)
    holder = next(d for d in root.iter("div") if d.find("section") is not None)
    assert mark_slips(holder) == 1
    heading = holder.find(".//h2")
    assert "".join(heading.itertext()) == "第十六條 通過決議程式"  # what the contents and bookmarks read
    foot = next(s for s in holder.iter("span") if "slip-note" in (s.get("class") or ""))
    assert foot.text.startswith("程式 → 程序") and heading.find(".//span").get("data-mark") == "a"
