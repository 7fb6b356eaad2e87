import pytest

from edition.headings import classify_line
from edition.model import NoteRef, PageStart
from edition.reflow import ends_paragraph
from edition.source import Line
from edition.text import join_wrapped


def line(text, number=1):
    return Line(number, text, text)


FULL = "安全是人類生存和發展的根本，也是世界各國自古至今在對外關係方面所追"


def test_chinese_wrap_joins_without_space():
    assert join_wrapped("方面所追", "求的首要目標") == "方面所追求的首要目標"


def test_english_wrap_gets_its_space_back():
    assert join_wrapped("develops from \" one superpower and ", "several powers") == (
        "develops from \" one superpower and several powers")


def test_url_wrapped_without_space_stays_one_url():
    assert join_wrapped("網址：http://w3.cyu.edu.tw/", "centralasia/chinese") == "網址：http://w3.cyu.edu.tw/centralasia/chinese"


def test_number_wrapped_from_han_text_keeps_authors_spacing():
    assert join_wrapped("於 2001 年 6 月", "15 日") == "於 2001 年 6 月 15 日"


@pytest.mark.parametrize("current, following, expected", [
    (FULL, FULL, False),  # a full line continues
    ("和經濟互利與合作。 ", FULL, True),  # a short line ends its paragraph
    (FULL[:-1] + "。 ", FULL, True),  # a space at the margin after a sentence end
    (FULL[:-3] + "「東突」 ", FULL, False),  # a space after 」 inside a sentence
    (FULL[:-1] + " ", "的地區反恐機構。 ", False),  # a space at the margin mid-sentence
    ("establishments of two permanent organizations, the Secretariat in Beijing and the ",
     "regional anti-terrorism agency", False),
    ("的 10 倍， ", FULL, False),  # a short line ending in a comma: the sentence runs on
])
def test_paragraph_ends(current, following, expected):
    assert ends_paragraph(line(current), line(following, 3), []) is expected


@pytest.mark.parametrize("number, expected", [
    (2126, False),  # 「東突」 + space at the margin, the sentence runs on
    (3072, False),  # 設在塔什干 + space, then 的地區反恐機構。
    (3713, True),  # …提出建議。 then 4.監督…
    (874, True),  # a full last line, then the one-line paragraph 現在就…如下：
    (8952, True),  # 茲鄭重宣佈: then the declaration's first clause
])
def test_paragraph_ends_in_the_source(edition, number, expected):
    from edition.layout import Role

    body = [l for l in edition.source.lines if edition.layout.roles[l.number] is Role.BODY]
    index = next(i for i, l in enumerate(body) if l.number == number)
    assert ends_paragraph(body[index], body[index + 1], []) is expected


@pytest.mark.parametrize("text, kind, level", [
    (" 第一章 緒論 ", "chapter", 1),
    ("第一節 研究動機與目的 ", "section", 2),
    ("一、研究動機 ", "numbered", 3),
    ("  (一)、文獻分析法： ", "numbered", 4),
    ("1.美國的中亞能源戰略 ", "numbered", 5),
    ("第一條 宗旨和任務 ", "article", 2),
    ("附錄二：上海合作組織憲章 ", "appendix", 1),
    ("第一章緒論： ", "chapter-list", 0),
])
def test_heading_levels(text, kind, level):
    heading = classify_line(text)
    assert (heading.kind, heading.level) == (kind, level)


@pytest.mark.parametrize("text", [
    "1.促進經濟和政治的自由化。 ",  # a run-in numbered sentence
    "  (四)、推動上海合作組織多邊經濟合作，促進中國的「西部開發」。152 ",
    "一、歐盟需要精心制定對中亞地區的政策，這種政策是基於對歐亞大陸核心區域",
])
def test_run_in_numbered_items_are_not_headings(text):
    assert classify_line(text) is None


def test_paragraph_continues_across_a_page_and_its_footnotes(edition):
    chapter = edition.document("chapter-1")
    block = next(b for b in chapter.blocks if PageStart(10) in b.inlines)
    assert NoteRef(1) in block.inlines  # note 1 sits on page 9, its paragraph runs on
    text = block.text
    assert "安全關係，因為創造一個穩定" in text


def test_documents_and_their_headings(edition):
    slugs = [d.slug for d in edition.documents]
    assert slugs == ["abstract", "abstract-en"] + [f"chapter-{i}" for i in range(1, 7)] + [
        f"appendix-{i}" for i in range(1, 6)]
    chapter_2 = edition.document("chapter-2")
    levels = [b.level for b in chapter_2.blocks if b.kind == "heading"]
    assert levels[0] == 1 and levels.count(2) == 4 and 3 in levels and 4 in levels


def test_chapter_outline_is_a_list(edition):
    items = [b for b in edition.document("chapter-1").blocks if b.kind == "list-item"]
    assert len(items) == 6
    assert items[0].text.startswith("第一章緒論：旨在說明")


def test_charter_articles_are_headings(edition):
    articles = [b.text for b in edition.document("appendix-2").blocks if b.kind == "heading" and b.level == 2]
    assert len(articles) == 26 and articles[0] == "第一條 宗旨和任務"


def test_every_printed_page_has_one_anchor(edition):
    pages = [p for d in edition.documents for p in d.page_starts()]
    assert pages == [p.printed for p in edition.layout.pages]


def test_short_line_ending_in_a_comma_runs_on_past_its_marker(edition):
    """Note 122 stands alone on the line after 「的 10 倍，」; the sentence goes on after it."""
    from edition.model import NoteRef

    chapter = next(d for d in edition.documents if d.slug == "chapter-3")
    block = next(b for b in chapter.blocks if NoteRef(122) in b.inlines)
    after = block.inlines[block.inlines.index(NoteRef(122)) + 1]
    assert block.inlines[block.inlines.index(NoteRef(122)) - 1].endswith("的 10 倍，")
    assert after.startswith("可見中國的石油對外依存度")
