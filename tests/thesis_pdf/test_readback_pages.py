"""The read-back's page checks, fed pages that must fail them: a blank page, a margin page
number left alone, a line that opens with a slip's letter, a note marker or a comma, and a
half-empty page of running text (thesis_pdf.readback)."""
from __future__ import annotations

from thesis_pdf.readback import (FILL, MARGINS, PAGE_HEIGHT, Reading, Word, bad_line_starts, check_pages,
                                 page_fill, short_pages)

TOP, BOTTOM = MARGINS[0], PAGE_HEIGHT - MARGINS[2]
LEFT = 79.4
PITCH = 18.4  # a body line, 10.5 pt at line-height 1.75
LINES = int((BOTTOM - TOP) // PITCH)


def body_line(y: float, text: str = "上海合作組織的安全角色與發展，") -> Word:
    return Word(LEFT, y, 15.1, text, LEFT + 15 * len(text))


def page(lines: int, *extra: Word) -> list[Word]:
    head = Word(250, 40, 12.0, "第一章 緒論", 330)  # the running head and the folio, outside the text area
    folio = Word(290, 800, 12.0, "5", 296)
    return [head, folio, *(body_line(TOP + i * PITCH) for i in range(lines)), *extra]


def reading(pages: list[list[Word]], destinations: dict[str, int] | None = None) -> Reading:
    return Reading(pages, [""] * len(pages), [str(i + 1) for i in range(len(pages))], [[] for _ in pages],
                   destinations=destinations or {})


def test_a_page_with_only_its_running_head_and_a_margin_number_is_blank():
    marker = Word(50, TOP + 2, 10.1, "p.161", 68)
    problems = check_pages(reading([page(LINES), page(0, marker), page(LINES)]))
    assert "blank pages: [2]" in problems
    assert "page 2: the margin's p.161 stands beside no line" in problems


def test_a_margin_number_below_the_last_line_is_stray_and_one_beside_a_line_is_not():
    beside = Word(50, TOP + 5 * PITCH + 1, 10.1, "p.68", 68)
    below = Word(50, TOP + 30 * PITCH, 10.1, "p.69", 68)
    problems = check_pages(reading([page(20, beside, below)]))
    assert problems.count("page 1: the margin's p.69 stands beside no line") == 1
    assert not any("p.68" in problem for problem in problems)


def test_a_line_opening_with_a_slip_letter_a_note_marker_or_a_comma_is_found():
    y = TOP + 3 * PITCH
    letter_first = [Word(LEFT, y + 3, 7.9, "n", LEFT + 3.6), Word(LEFT + 3.6, y + 1, 9.8, "81", LEFT + 10.7),
                    Word(LEFT + 10.7, y, 15.1, "，對日後的國際形勢", LEFT + 150)]
    marker_first = [Word(LEFT, y + PITCH + 1, 9.8, "26", LEFT + 7), Word(LEFT + 7, y + PITCH, 15.1, "所以有關", LEFT + 70)]
    comma_first = [Word(LEFT, y + 2 * PITCH, 15.1, "，作出決定的法律效力", LEFT + 150)]
    sound = [body_line(y - PITCH, "趨勢進發展"), Word(LEFT + 75, y - PITCH + 3, 7.9, "n", LEFT + 79)]  # a letter after words
    found = bad_line_starts(reading([[*sound, *letter_first, *marker_first, *comma_first]]))
    assert [start for _, start in found] == ["n81，對日後的國際形勢", "26所以有關", "，作出決定的法律效力"]


def test_page_fill_is_the_text_area_less_its_largest_empty_band():
    assert page_fill(page(LINES)) > 0.95
    notes = [Word(LEFT, BOTTOM - 12 * (i + 1), 12.2, f"{i + 1}. 註", LEFT + 40) for i in range(3)]
    half = page_fill(page(20, *notes))  # 20 lines, then a gap down to three notes at the foot
    assert 0.55 < half < FILL


def test_a_half_empty_body_page_fails_unless_a_section_ends_on_it():
    pages = [page(LINES), page(20), page(LINES), page(5), page(LINES), page(3)]
    # chapter 1 on pages 1-4, chapter 2 from page 5, the reference list on page 6
    found = short_pages(reading(pages, {"chapter-1": 0, "chapter-2": 4, "bibliography": 5}))
    assert [number for number, _ in found] == [2]  # page 4 ends chapter 1; page 6 is not the body
    problems = check_pages(reading(pages, {"chapter-1": 0, "chapter-2": 4, "bibliography": 5}))
    assert any(problem.startswith("page 2: only") for problem in problems)
    assert not any(problem.startswith("page 4:") for problem in problems)


def test_a_part_title_page_is_not_half_empty():
    part = page(0, Word(280, TOP + 200, 28, "附錄", 320))
    found = short_pages(reading([page(LINES), part, page(LINES)], {"chapter-1": 0, "part-appendix-1": 1,
                                                                   "appendix-1": 2, "bibliography": 3}))
    assert found == []
