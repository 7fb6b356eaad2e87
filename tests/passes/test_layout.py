import pytest

from edition.errors import SourceError
from edition.passes.layout import Role, find_watermarks, split_pages
from edition.read.source import parse_source

WATERMARK_LINES = ["‧", "國", "", "立", "政 治", "", "大", "學", "‧", "N", "a", "t io", "na l  Chengch i  U",
                   "niv", "ers", "i t", "y"]


def test_174_pages_with_printed_numbers_offset_derived_from_leaked_numbers(edition):
    layout = edition.layout
    assert len(layout.pages) == 174
    assert layout.page_offset == 5
    numbered = {p.printed: p for p in layout.pages if p.lines[0].raw.strip().isdigit()}
    assert sorted(numbered) == [45, 86, 102, 131, 139, 143, 146]
    for printed, page in numbered.items():
        assert page.index + 5 == printed


def test_watermark_and_page_numbers_are_artefacts(edition):
    roles = edition.layout.roles
    assert [n for n, r in roles.items() if r is Role.PAGE_NUMBER] == [2242, 4726, 5631, 7243, 7712, 7962, 8157]
    assert roles[2218] is Role.WATERMARK and roles[2233] is Role.WATERMARK  # "‧", "na l  Chengch i  U"
    assert sum(r is Role.WATERMARK for r in roles.values()) == 7 * 15


def test_watermark_run_is_found_exactly():
    source = parse_source("\n".join(["正文"] + WATERMARK_LINES + [" 45"]))
    found = find_watermarks(source.lines)
    assert 1 not in found and len(found) == 15


def test_broken_watermark_is_an_error_with_its_line():
    source = parse_source("\n".join(["正文", "‧", "國", "立", "X"]))
    with pytest.raises(SourceError) as error:
        find_watermarks(source.lines)
    assert error.value.line == 2


def test_separators_start_footnote_areas(edition):
    roles = edition.layout.roles
    assert roles[206] is Role.SEPARATOR and roles[207] is Role.NOTE  # note 1
    assert roles[5548] is Role.SEPARATOR  # 140-wide: a note continues from the previous page
    assert roles[208] is Role.BODY  # the next page's first line


def test_page_count_mismatch_is_an_error():
    source = parse_source(" 第一頁\n\n正文\n 第二頁\n")
    with pytest.raises(SourceError, match="174 pages"):
        split_pages(source, 174)
    # the count metadata.toml states is the one checked: with 2 the next check speaks
    with pytest.raises(SourceError, match="leaked printed page number"):
        split_pages(source, 2)


def test_diagram_text_leaked_after_footnotes_belongs_to_its_figure(edition):
    roles = edition.layout.roles
    assert all(roles[n] is Role.FIGURE for n in (1247, 1248, 1256, 1257, 1258))  # 圖 1-1 labels
    assert roles[4264] is Role.FIGURE  # 圖 2-6 「反恐中心」
