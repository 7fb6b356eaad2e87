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
    monkeypatch.setattr(typeset, "thesis_document", lambda source, metadata, turn_pages_before, **kw: sorted(turn_pages_before))
    monkeypatch.setattr(typeset, "render", lambda document, print_page: document)
    monkeypatch.setattr(typeset.page_turns, "fingerprint", lambda document, stylesheet: "f")

    def run(off_after: dict, known=None):
        monkeypatch.setattr(typeset.page_turns, "known_turns", lambda script, fingerprint: known)
        monkeypatch.setattr(typeset, "blocks_to_turn", lambda document, turned: frozenset(off_after[tuple(document)]) - turned)
        return typeset.layout(page, "zh-Hant", {}, "2010-01-01")
    return run


def test_turns_found_by_the_last_layout_are_laid_out_before_they_are_stored(scripted):
    off_after = {(): {"p-1"}, ("p-1",): {"p-1", "p-2"}, ("p-1", "p-2"): {"p-1", "p-2", "p-4"},
                 ("p-1", "p-2", "p-4"): {"p-1", "p-2", "p-4"}}
    document, layouts, (_, turn) = scripted(off_after)
    assert layouts == 4 and document == sorted(turn) == ["p-1", "p-2", "p-4"]
    again, layouts, (_, stored) = scripted(off_after, known=frozenset(turn))
    assert layouts == 1 and again == document and stored == turn


def test_at_the_most_layouts_what_is_stored_is_what_was_laid_out(scripted):
    keys = [f"p-{n:02}" for n in range(typeset.PASSES + 1)]
    off_after = {tuple(keys[:n]): set(keys[:n + 1]) for n in range(typeset.PASSES + 1)}
    document, layouts, (_, turn) = scripted(off_after)
    assert layouts == typeset.PASSES
    assert document == sorted(turn) == keys[:typeset.PASSES - 1]
