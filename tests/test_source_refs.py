"""Line references in the edition's own texts ({行 N}): the editor's lines, the reader's pages."""
import pytest

from edition.errors import DataError
from edition.source_refs import as_lines, as_links, as_pages, check_references, referenced_lines

PAGES = {10: 1, 20: 1, 30: 2, 40: 3}.__getitem__


def test_an_editor_reads_lines_and_a_reader_pages():
    text = "同{行 10}「復雜」；如{行 20、30}；正文（{行 30–40}）"
    assert as_lines(text) == "同原文第 10 行「復雜」；如原文第 20、30 行；正文（原文第 30–40 行）"
    # two lines on one page name it once; a span over pages is a page range
    assert as_pages(text, PAGES) == "同原書第 1 頁「復雜」；如原書第 1、2 頁；正文（原書第 2–3 頁）"
    assert referenced_lines(text) == [10, 10, 20, 20, 30, 30, 30, 40]


def test_a_reader_of_the_site_gets_each_page_linked_to_its_line():
    linked = as_links("如{行 10、30}作「支持」", PAGES, lambda label, line: f"[{label}](#{line})", str.upper)
    assert linked == "如[原書第 1 頁](#10)、[第 2 頁](#30)作「支持」"


def test_a_reference_must_be_well_written_and_name_a_line_of_text():
    check_references([("f", "w", "同{行 10}")], lambda n: n == 10)
    with pytest.raises(DataError, match="line 11"):
        check_references([("f", "w", "同{行 11}")], lambda n: n == 10)
    with pytest.raises(DataError, match="written"):
        check_references([("f", "w", "同{行 十}")], lambda n: True)


def test_no_curated_text_names_a_source_line_but_by_reference(edition):
    """A line number written out (「6687 行」) would reach the reader as it stands."""
    import re

    from edition.build import referring_texts
    from edition.read.slips import load_slip_entries
    from conftest import ROOT

    for file, where, text in referring_texts(edition.curated, load_slip_entries(ROOT / "source" / "slips.toml")):
        assert not re.search(r"\d\s*行", re.sub(r"\{行 [^}]*\}", "", text)), (file, where, text)


SOURCE_LINE = r"原文第|原文行|\d\s*行"


def test_the_epub_and_the_plain_text_give_readers_pages_not_lines(edition):
    import re

    from edition.write.epub.documents import thesis_documents, title_page
    from edition.write.epub.package import package_document
    from edition.write.plain_text import render_plain_texts

    books = [title_page(edition), *thesis_documents(edition)]
    texts = [d.body for d in books] + [package_document(edition, books, "zh-Hant", "2010-01-01T00:00:00Z")]
    texts += render_plain_texts(edition).values()
    found = [m.group(0) for text in texts for m in re.finditer(rf".{{0,12}}(?:{SOURCE_LINE}).{{0,6}}", text)]
    assert not found, found[:5]
    assert "原書第 48 頁" in books[0].body  # the year note's 「今年(2010 年)」


def test_the_pdfs_title_page_notes_give_pages():
    import re
    import tomllib

    from conftest import ROOT
    from thesis_pdf.typeset import notes_for_readers

    metadata = tomllib.loads((ROOT / "source" / "metadata.toml").read_text(encoding="utf-8"))
    notes = notes_for_readers(metadata)["thesis"]
    assert "{行" in metadata["thesis"]["year_note"]
    assert not re.search(SOURCE_LINE + r"|\{行", notes["year_note"]) and "原書第 48 頁" in notes["year_note"]
