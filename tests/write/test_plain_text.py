"""The plain text: every printed page marked, every note after its paragraph, and the
author's words as the site has them."""
from __future__ import annotations

import re
from pathlib import Path

from markdown_text import body_and_notes, visible

ROOT = Path(__file__).resolve().parents[2]
TEXT = ROOT / "docs" / "text"
PAGE = re.compile(r"［p\.(\d+)］")
MARKER = re.compile(r"［註(\d+)］")


def read(slug: str) -> tuple[str, str]:
    """(head, text) of a plain-text file: the head ends at its line of = signs."""
    head, _, text = (TEXT / f"{slug}.txt").read_text(encoding="utf-8").partition("=" * 20 + "\n")
    return head, text


def test_files_are_utf8_with_a_citation_in_their_head(edition):
    for slug, work in edition.citable().items():
        head, text = read(slug)
        assert f"原書第 {work.first_page}–{work.last_page} 頁" in head and "引用：佚名. ［" in head
        assert text and "\r" not in text


def test_every_page_is_marked_once_in_order():
    _, text = read("thesis")
    assert [int(n) for n in PAGE.findall(text)] == list(range(6, 180))


def test_each_note_follows_its_paragraph():
    _, text = read("thesis")
    in_text, listed = [], []
    for paragraph in text.split("\n\n"):
        lines = paragraph.split("\n")
        notes = [int(m.group(1)) for line in lines if (m := MARKER.match(line)) and line is not lines[0]]
        markers = [int(n) for line in lines if not (MARKER.match(line) and line is not lines[0])
                   for n in MARKER.findall(line)]
        assert markers == notes, paragraph[:60]
        in_text += markers
        listed += notes
    assert in_text == listed == list(range(1, 274))


def test_text_reads_as_on_the_site(edition):
    """A chapter's text, markers made the site's note numbers and tables and figures set
    aside, is the site's body text; each note line is the site's note."""
    captions = {t.caption for t in edition.curated.tables.values()} | {f.caption for f in edition.curated.figures.values()}
    for document in edition.documents:
        if document.slug not in edition.citable():
            continue
        body, notes, _ = body_and_notes((ROOT / "docs" / f"{document.slug}.md").read_text(encoding="utf-8"))
        _, text = read(document.slug)
        kept, note_lines = [], {}
        for paragraph in text.split("\n\n"):
            lines = paragraph.split("\n")
            first = PAGE.sub("", lines[0])
            if first in captions:
                continue
            for line in lines[1:]:
                if m := MARKER.match(line):
                    note_lines[int(m.group(1))] = line[m.end():]
            kept.append("".join(line for line in lines if not (MARKER.match(line) and line is not lines[0])))
        plain = MARKER.sub(lambda m: m.group(1), PAGE.sub("", "".join(kept)))
        assert visible(plain) == visible(body), document.slug
        assert {n: visible(t) for n, t in note_lines.items()} == {n: visible(t) for n, t in notes.items()}
