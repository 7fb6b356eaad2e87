"""The typeset PDFs, read back as a reader (and a library catalogue) would read them.

Both PDFs are typeset once per session from the session's built site.
"""
from __future__ import annotations

import subprocess
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from make_pdf import SCRIPTS, make_pdf, make_pdfs
from thesis_pdf import page_turns
from thesis_pdf.readback import (Word, bad_line_starts, check_body_text, check_contents, check_notes,
                                 check_printed_pages, check_title_pages, expected_from_print_page, read_pdf)

TITLES = {"zh-Hant": "上海合作組織的安全角色與發展", "zh-Hans": "上海合作组织的安全角色与发展"}
CHAPTER_1 = {"zh-Hant": "第一章 緒論", "zh-Hans": "第一章 绪论"}


@pytest.fixture(scope="session")
def pdfs(built_site):
    return make_pdfs(built_site, store=False)  # the committed page turns are checked, not rewritten


@pytest.mark.parametrize("script", SCRIPTS)
def test_stored_page_turns_are_for_this_text(pdfs, script):
    """Like docs/, the stored page turns follow the text: a change to what is laid out (the
    print page, the stylesheet, WeasyPrint) needs `make pdf` and the file committed.  Only the
    input is compared: another machine's fonts may turn other pages, which costs a layout."""
    fingerprint, _turn = pdfs[script][0].turns
    assert page_turns.load().get(script, {}).get("fingerprint") == fingerprint, (
        f"{page_turns.PATH.name} is stale for {script}: run make pdf and commit it")


@pytest.mark.parametrize("script", SCRIPTS)
def test_read_back_finds_every_note_contents_entry_and_original_page(pdfs, script):
    made, problems, figures = pdfs[script]
    assert problems == []
    assert figures["original page numbers in the margin"] == "174/174"
    assert figures["contents entries checked"] > 40


def reading_and_expected(pdfs, built_site, script):
    path = pdfs[script][0].path
    return read_pdf(path), expected_from_print_page((built_site / script / "print_page" / "index.html").read_text("utf-8"))


def test_read_back_fails_when_a_note_is_lost_moved_or_doubled(pdfs, built_site):
    reading, expected = reading_and_expected(pdfs, built_site, "zh-Hant")
    assert check_notes(reading, expected) == []
    # note 45's text, as read from the PDF, taken off its page: the check must miss it
    page = next(i for i, words in enumerate(reading.words) if any(w.text == "45." for w in words))
    lost = replace(reading, words=[[w for w in words if not (i == page and w.text == "45.")]
                                   for i, words in enumerate(reading.words)], report={})
    assert "note 45 is not printed" in check_notes(lost, expected)
    # the same page printed twice: its notes are doubled
    doubled = replace(reading, words=reading.words + [reading.words[page]], report={})
    assert any("note 45 is printed 2 times" in p for p in check_notes(doubled, expected))
    # the page moved before its markers' page: notes are early and out of order
    moved = replace(reading, words=[reading.words[page]] + reading.words[:page] + reading.words[page + 1:],
                    links=[[]] + reading.links[:page] + reading.links[page + 1:], report={})
    problems = check_notes(moved, expected)
    assert any(p.startswith("notes out of order") for p in problems)
    assert any(p.startswith("notes before their marker's page") and "45" in p for p in problems)


def test_read_back_fails_on_a_wrong_contents_number_or_a_missing_page_number(pdfs, built_site):
    reading, expected = reading_and_expected(pdfs, built_site, "zh-Hant")
    assert check_contents(reading) == [] and check_printed_pages(reading, expected) == []
    contents = next(i for i, page in enumerate(reading.layout) if CHAPTER_1["zh-Hant"] in page and "...." in page)
    wrong = reading.layout[contents].replace(f"{CHAPTER_1['zh-Hant']}", f"{CHAPTER_1['zh-Hant']}X", 1)
    broken = replace(reading, layout=reading.layout[:contents] + [wrong] + reading.layout[contents + 1:], report={})
    assert any("第一章 緒論X" in p for p in check_contents(broken))
    without_45 = replace(reading, words=[[w for w in words if w.text != "p.45"] for words in reading.words], report={})
    assert check_printed_pages(without_45, expected) == ["original page numbers missing from the margin: [45]"]


def test_read_back_fails_when_a_line_of_the_body_is_lost(pdfs, built_site):
    reading, expected = reading_and_expected(pdfs, built_site, "zh-Hant")
    assert check_body_text(reading, expected) == []
    body = Counter(w.height for words in reading.words for w in words).most_common(1)[0][0]
    middle = len(reading.words) // 2
    line = max((w for w in reading.words[middle] if w.height == body), key=lambda w: len(w.text))
    cut = replace(reading, words=[[w for w in words if w is not line] for words in reading.words], report={})
    assert len(check_body_text(cut, expected)) == 1


@pytest.mark.parametrize("script", SCRIPTS)
def test_no_line_begins_with_a_closing_mark_or_a_note_marker(pdfs, script):
    """Kinsoku, read from the PDF's words and their positions (before: 10 lines a script)."""
    reading = read_pdf(pdfs[script][0].path)
    assert bad_line_starts(reading) == []
    assert pdfs[script][2]["lines beginning with a closing mark, a marker or a letter"] == 0


def test_line_start_check_finds_a_marker_or_a_mark_at_a_line_start(pdfs):
    reading = read_pdf(pdfs["zh-Hant"][0].path)
    line = [Word(100, 100, 12.2, "國內官方語言」", 180)]
    marker_first = [Word(100, 118, 7.9, "26", 106), Word(106, 121, 12.2, "，所以有關", 160)]
    comma_first = [Word(100, 139, 12.2, "，所以有關", 160)]
    cell = [Word(100, 160, 12.2, "中國", 124), Word(200, 160, 12.2, "。表格", 236)]
    page = line + marker_first + comma_first + cell
    assert [start for _, start in bad_line_starts(replace(reading, words=[page]))] == [
        "26，所以有關", "，所以有關", "中國。表格"]


@pytest.mark.parametrize("script", SCRIPTS)
def test_part_title_is_printed_once(pdfs, script):
    reading = read_pdf(pdfs[script][0].path)
    assert check_title_pages(reading) == []
    part = next(i for i, page in enumerate(reading.layout) if "".join(page.split()).rstrip("0123456789").endswith(
        ("附錄", "附录")) and len("".join(page.split())) < 16)
    doubled = replace(reading, layout=reading.layout[:part] + ["附錄\n\n附錄\n 104"] + reading.layout[part + 1:])
    assert check_title_pages(doubled)


@pytest.mark.parametrize("script", SCRIPTS)
def test_metadata_bookmarks_and_page_labels(pdfs, script):
    reader = PdfReader(pdfs[script][0].path)
    info = reader.metadata
    assert TITLES[script] in info.title and info.author == "佚名"
    assert info.subject and "上海合作" in info.keywords and "Central Asia" in info.keywords
    assert reader.trailer["/Root"]["/Lang"] == script
    assert info["/CreationDate"] == info["/ModDate"]
    top = [item for item in reader.outline if not isinstance(item, list)]
    titles = [item.title for item in top]
    assert CHAPTER_1[script] in titles and any(t.startswith("附") for t in titles)
    chapter_1 = titles.index(CHAPTER_1[script])
    sections = reader.outline[reader.outline.index(top[chapter_1]) + 1]
    assert isinstance(sections, list) and sections[0].title.startswith(("第一節", "第一节"))
    labels = list(reader.page_labels)
    assert labels[:3] == ["i", "ii", "iii"]
    first = reader.get_destination_page_number(top[chapter_1])
    assert labels[first] == "1" and all(label.isdigit() for label in labels[first:])
    assert CHAPTER_1[script] in reader.pages[first].extract_text()


@pytest.mark.parametrize("script", SCRIPTS)
def test_fonts_are_embedded_and_none_is_type_3(pdfs, script):
    fonts = subprocess.run(["pdffonts", str(pdfs[script][0].path)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes yes " in row for row in rows)  # embedded, subset
    assert not any("Type 3" in row for row in rows)


def test_same_commit_gives_the_same_bytes(pdfs, built_site):
    first = pdfs["zh-Hant"][0].path.read_bytes()
    again, _problems, _figures = make_pdf(built_site, "zh-Hant")
    assert again.path.read_bytes() == first
