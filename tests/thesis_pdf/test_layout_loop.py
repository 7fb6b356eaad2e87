"""The PDF's layout loop (thesis_pdf.typeset.layout): the page turns it stores are the ones
the document it returns was laid out with, so the next run, starting from them, lays out
the same document (stale turns used to be written with a PDF laid out without them)."""
from __future__ import annotations

import pytest

from thesis_pdf import typeset


@pytest.fixture
def scripted(monkeypatch, tmp_path):
    """A layout whose notes off their page depend on the turns so far, as the thesis's do."""
    page = tmp_path / "index.html"
    page.write_text("<html></html>", encoding="utf-8")
    monkeypatch.setattr(typeset, "thesis_document", lambda source, metadata, turn_page_for, **kw: sorted(turn_page_for))
    monkeypatch.setattr(typeset, "render", lambda document, print_page: document)
    monkeypatch.setattr(typeset.page_turns, "fingerprint", lambda document, stylesheet: "f")

    def run(off_after: dict, known=None):
        monkeypatch.setattr(typeset.page_turns, "known_turns", lambda script, fingerprint: known)
        monkeypatch.setattr(typeset, "notes_off_their_page", lambda document: frozenset(off_after[tuple(document)]))
        return typeset.layout(page, "zh-Hant", {}, "2010-01-01")
    return run


def test_turns_found_by_the_last_layout_are_laid_out_before_they_are_stored(scripted):
    off_after = {(): {17}, (17,): {17, 22}, (17, 22): {17, 22, 48}, (17, 22, 48): {17, 22, 48}}
    document, layouts, (_, turn) = scripted(off_after)
    assert layouts == 4 and document == sorted(turn) == [17, 22, 48]
    again, layouts, (_, stored) = scripted(off_after, known=frozenset(turn))
    assert layouts == 1 and again == document and stored == turn


def test_at_the_most_layouts_what_is_stored_is_what_was_laid_out(scripted):
    off_after = {(): {1}, (1,): {1, 2}, (1, 2): {1, 2, 3}, (1, 2, 3): {1, 2, 3, 4}}
    document, layouts, (_, turn) = scripted(off_after)
    assert layouts == typeset.PASSES == 4
    assert document == sorted(turn) == [1, 2, 3]
