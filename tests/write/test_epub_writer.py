"""The EPUB writer on the model, without a site: unknown kinds fail loudly, note markers
stay with the character before them, headings leave no gap in the outline."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pytest

from edition.model import Block, Document, DocumentKind, Kind, NoteRef, PageStart
from edition.write.epub.xhtml import EpubWriteError, outline_levels, render_blocks, render_inlines


@dataclass(frozen=True)
class Sic:  # an inline kind the writer does not know (as a later pass may add)
    text: str


def test_an_unknown_inline_kind_stops_the_book_naming_it():
    with pytest.raises(EpubWriteError, match="inline kind Sic"):
        render_inlines(["前文", Sic("錯字")], "chapter-1")


def test_an_unknown_block_kind_stops_the_book_naming_it():
    document = Document("chapter-9", "第九章", DocumentKind.CHAPTER, [Block("poem", ["詩"])])
    with pytest.raises(EpubWriteError, match="block kind 'poem' in chapter-9"):
        render_blocks(document)


def test_a_note_marker_is_glued_to_the_character_before_it():
    out = render_inlines(["中亞五國。", NoteRef(47), NoteRef(48), "次段"], "chapter-2")
    assert out.startswith('中亞五國<span class="nobreak">。<sup><a epub:type="noteref"')
    assert out.count("<sup>") == 2 and out.index('href="#fn-48"') < out.index("</span>次段")


def test_a_page_break_is_marked_where_the_page_begins():
    out = render_inlines(["上頁", PageStart(12), "下頁"], "chapter-1")
    element = ET.fromstring(f'<p xmlns:epub="http://www.idpf.org/2007/ops">{out}</p>').find("span")
    assert element.get("id") == "page-12" and element.get("role") == "doc-pagebreak"
    assert element.get("{http://www.idpf.org/2007/ops}type") == "pagebreak" and element.get("aria-label")


def test_headings_leave_no_gap_in_the_outline():
    blocks = [Block(Kind.HEADING, ["第六章"], level=1), Block(Kind.HEADING, ["一、"], level=3),
              Block(Kind.HEADING, ["(一)"], level=4), Block(Kind.HEADING, ["二、"], level=3)]
    document = Document("chapter-6", "第六章", DocumentKind.CHAPTER, blocks)
    assert list(outline_levels(document).values()) == [1, 2, 3, 2]
    assert "<h2>一、</h2>" in render_blocks(document) and "<h3>(一)</h3>" in render_blocks(document)
