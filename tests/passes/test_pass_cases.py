"""Small cases, input → output, one per pass (as Python-Markdown's assertMarkdownRenders):
a few source lines or blocks in, the model or the Markdown out, written out in full."""
from types import SimpleNamespace

import pytest

from edition.errors import SourceError
from edition.model import Block, CrossRef, Document, DocumentKind, Kind, Link, NoteRef, PageStart
from edition.passes.headings import HeadingLine
from edition.passes.layout import Layout, Page, Role
from edition.passes.links import Targets, link, link_text
from edition.passes.notes import Marker
from edition.passes.reflow import reflow
from edition.passes.structure import build_documents
from edition.read.curated import Curated
from edition.read.source import parse_source
from edition.write.markdown import render_block

FULL = "安全是人類生存和發展的根本，也是世界各國自古至今在對外關係方面所追"


def reflow_case(text: str, markers: dict[int, Marker] | None = None) -> list[Block]:
    """One printed page (p. 9) of body lines; blank lines are the extraction's line gaps."""
    source = parse_source(text)
    roles = {line.number: Role.BLANK if not line.text.strip() else Role.BODY for line in source.lines}
    layout = Layout([Page(1, 9, 1, len(source.lines), source.lines)], roles, 8)
    return reflow(source, layout, Curated({}, {}, {}), markers or {})


def test_reflow_joins_wrapped_lines_and_keeps_page_and_note_tokens():
    text = f" {FULL}\n\n求的首要目標。1 \n\n第一節 研究動機\n"
    blocks = reflow_case(text, {1: Marker(1, 3, 7, 1)})
    assert [(b.kind, b.inlines, b.lines) for b in blocks] == [
        (Kind.PARAGRAPH, [PageStart(9), FULL.strip() + "求的首要目標。", NoteRef(1)], [1, 3]),
        (Kind.PARAGRAPH, ["第一節 研究動機"], [5]),  # a heading line is a block of its own
    ]


def test_reflow_ends_a_paragraph_at_a_short_line():
    blocks = reflow_case(" 和經濟互利與合作。 \n\n新的一段開始。\n")
    assert [b.text for b in blocks] == ["和經濟互利與合作。", "新的一段開始。"]


def links_case() -> list[Document]:
    chapter = Document("chapter-2", "第二章", DocumentKind.CHAPTER, [
        Block(Kind.PARAGRAPH, ["如下表所示，另見圖 1-1 與 http://w3.cyu.edu.tw/a_b.htm。"]),
        Block(Kind.TABLE, [], ref="2-1"),
    ])
    chapter.tables["2-1"] = SimpleNamespace(anchor="table-2-1", caption="表 2-1 中亞五國簡介")  # what links reads
    other = Document("chapter-1", "第一章", DocumentKind.CHAPTER, [Block(Kind.FIGURE, [], ref="1-1")])
    other.figures["1-1"] = SimpleNamespace(anchor="figure-1-1", caption="圖 1-1 研究架構")
    return [chapter, other]


def test_links_pass_makes_nodes_of_mentions_and_urls():
    documents = links_case()
    link(documents)
    assert documents[0].blocks[0].inlines == [
        "如", CrossRef("下表", "table-2-1", "chapter-2", "表 2-1 中亞五國簡介"), "所示，另見",
        CrossRef("圖 1-1", "figure-1-1", "chapter-1", "圖 1-1 研究架構"), " 與 ",
        Link("http://w3.cyu.edu.tw/a_b.htm"), "。",
    ]


def test_links_pass_leaves_a_mention_of_a_missing_table_as_text():
    assert link_text("見表 9-9。", Targets({}, {}, {})) == ["見表 9-9。"]


def test_markdown_writes_the_linked_paragraph():
    documents = links_case()
    link(documents)
    assert render_block(documents[0].blocks[0], documents[0]) == (
        '如[下表](#table-2-1 "表 2-1 中亞五國簡介")所示，另見[圖 1-1](chapter-1.md#figure-1-1 "圖 1-1 研究架構")'
        " 與 <http://w3.cyu.edu.tw/a_b.htm>。")


def test_markdown_writes_headings_with_their_ids_and_page_anchors_before_them():
    block = Block(Kind.HEADING, [PageStart(12), "第一節 研究動機"], level=2, ref="sec-1")
    assert render_block(block) == (
        '<div class="page-start" id="page-12" data-page="12" title="原書第 12 頁"></div>\n\n'
        "## 第一節 研究動機 {#sec-1}")


def test_reflow_records_how_a_heading_line_reads_for_structure():
    blocks = reflow_case(" 第二節 研究方法\n\n正文一句。\n")
    assert [(b.text, b.heading) for b in blocks] == [
        ("第二節 研究方法", HeadingLine("section", 2, 2)), ("正文一句。", None)]


def test_structure_makes_pages_and_refuses_a_thesis_that_stops_early():
    blocks = reflow_case(" 摘要\n\n本文研究。\n\n第一章 緒論\n\n第一節 研究動機\n\n正文。\n")
    with pytest.raises(SourceError, match=r"line 9: expected the heading 第二章 \(chapters run in order\)"):
        build_documents(blocks)
