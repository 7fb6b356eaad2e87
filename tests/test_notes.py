import pytest

from edition.errors import SourceError
from edition.notes import marker_candidates, parse_notes, resolve_markers


def marker_text(edition, number):
    marker = edition_markers(edition)[number]
    line = edition.source.line(marker.line).text
    return line[marker.column - 3: marker.column], line[marker.column: marker.column + marker.length], line[
        marker.column + marker.length: marker.column + marker.length + 5]


_cache = {}


def edition_markers(edition):
    if "markers" not in _cache:
        _cache["markers"] = resolve_markers(edition.source, edition.layout, edition.notes)
    return _cache["markers"]


def test_all_273_notes_once_each_in_order(edition):
    assert sorted(edition.notes) == list(range(1, 274))
    assert sorted(edition_markers(edition)) == list(range(1, 274))


def test_marker_glued_to_a_following_year_is_split(edition):
    before, digits, after = marker_text(edition, 35)
    assert (before[-1], digits, after[:4]) == ("。", "35", "1996")


def test_marker_glued_to_20_century(edition):
    _, digits, after = marker_text(edition, 205)
    assert digits == "205" and after.startswith("20 世紀")


def test_marker_at_a_line_start_glued_to_the_line_before(edition):
    marker = edition_markers(edition)[9]
    assert marker.line == 326 and marker.column == 0


def test_markers_in_running_text(edition):
    assert marker_text(edition, 48)[0].endswith("3%，")  # 4.3%，48中亞
    assert marker_text(edition, 2)[2].startswith("雙邊")


def test_a_bare_year_is_never_a_marker():
    assert list(marker_candidates("進展。1989 年", 19, 0)) == []
    assert list(marker_candidates("於 1996 年", 19, 0)) == []
    assert [p for p, _ in marker_candidates("信心。351996 年", 35, 0)] == [3]


def test_note_continued_on_the_next_page_is_joined(edition):
    note = edition.notes[145]
    assert note.text.endswith("11 期(2006 年)，頁 18-19。")
    assert 5549 in note.lines


def test_urls_in_notes_stay_whole(edition):
    assert "http://w3.cyu.edu.tw/centralasia/chinese/6_1.htm#end" in edition.notes[45].text


def test_english_note_keeps_its_word_spaces(edition):
    # the source wraps after "acquired " and goes on with "values;": one space, not none
    assert "absence of threats to acquired values; in a subjective sense" in edition.notes[214].text


def _broken(edition, drop_line):
    from edition.source import Source

    lines = [l for l in edition.source.lines]
    source = Source(lines, edition.source.normalised)
    layout = edition.layout
    roles = dict(layout.roles)
    roles[drop_line] = roles[drop_line].__class__.SEPARATOR  # the note line vanishes
    return source, type(layout)(layout.pages, roles, layout.page_offset)


def test_missing_note_is_an_error_naming_a_line(edition):
    source, layout = _broken(edition, 261)  # note 2
    with pytest.raises(SourceError) as error:
        parse_notes(source, layout)
    assert "footnote" in str(error.value)
