"""The parser's problems: its own refusal keeps the note and says why; a bug is not hidden."""
import pytest

from edition.citations import parse_citations


def test_a_form_the_grammar_does_not_know_is_kept_and_listed():
    citations = parse_citations({1: "Foo bar baz, p. 5."}, {})
    (work,) = citations.works.values()
    assert (work.entry_type, work.fields["note"]) == ("misc", "Foo bar baz, p. 5.")
    assert citations.uncertain == [(1, "could not be read (English citation of an unknown form); "
                                       "kept as a misc entry with the note's text")]


def test_a_bug_inside_the_grammar_stops_the_conversion(monkeypatch):
    def broken(body):
        return {}["no such key"]

    monkeypatch.setattr("edition.citations.classify.read_english", broken)
    with pytest.raises(KeyError):
        parse_citations({1: "Smith, Title (London: X, 2001), p. 3."}, {})


def test_problems_from_every_step_are_collected_once_in_note_order():
    # 同註 5 points nowhere (back-references step); the first note's reading is fine
    citations = parse_citations({1: "Smith, Title (London: X, 2001), p. 3.", 2: "同註 5，頁 4。"}, {})
    assert [number for number, _ in citations.uncertain] == [2]
    assert "同註 5" in citations.uncertain[0][1]

