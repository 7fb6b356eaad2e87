"""Every body character of the source is in the output once, in order; nothing is added."""

import re

from edition.layout import Role
from markdown_text import body_and_notes, visible

ORDER = ["abstract", "abstract-en"] + [f"chapter-{i}" for i in range(1, 7)] + [f"appendix-{i}" for i in range(1, 6)]


def output(root):
    body, notes = "", {}
    for slug in ORDER:
        text, document_notes, _ = body_and_notes((root / "docs" / f"{slug}.md").read_text(encoding="utf-8"))
        body += text
        notes.update(document_notes)
    return body, notes


def source_text(edition, role):
    return "".join(l.text for l in edition.source.lines if edition.layout.roles[l.number] is role)


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i, a[max(0, i - 20): i + 20], b[max(0, i - 20): i + 20]
    return min(len(a), len(b)), a[-20:], b[-20:]


def test_every_body_character_once_in_source_order(edition, root):
    expected = visible(source_text(edition, Role.BODY))
    body, _ = output(root)
    actual = visible(body)
    assert len(expected) > 100_000
    assert actual == expected, first_difference(actual, expected)


def test_every_note_character_once(edition, root):
    expected = visible(source_text(edition, Role.NOTE))
    _, notes = output(root)
    assert sorted(notes) == list(range(1, 274))
    actual = "".join(f"{n}{notes[n]}" for n in sorted(notes))
    assert visible(actual) == expected, first_difference(visible(actual), expected)


WATERMARK = "‧國立政治大學‧NationalChengchiUniversity"
ARTEFACTS = {Role.SEPARATOR, Role.WATERMARK, Role.PAGE_NUMBER, Role.SPACER, Role.BLANK}


def test_only_watermarks_and_page_numbers_are_dropped(edition):
    """Read apart from the classifier: all the text the edition drops as artefacts, in source
    order, is nothing but whole watermarks and printed page numbers that go up."""
    assert set(edition.layout.roles) == {l.number for l in edition.source.lines}
    dropped = "".join(visible(l.text) for l in edition.source.lines if edition.layout.roles[l.number] in ARTEFACTS)
    tokens = re.findall(rf"{WATERMARK}|\d+|.", dropped)
    strays = [t for t in tokens if t != WATERMARK and not t.isdigit()]
    assert not strays, strays
    numbers = [int(t) for t in tokens if t.isdigit()]
    assert numbers == sorted(numbers) and len(numbers) >= 5


def test_dropped_page_numbers_stand_where_their_page_begins(edition, root):
    """Each leaked printed number N: the text after it in the source is what the docs show
    between the anchors of page N and page N+1."""
    docs = "".join((root / "docs" / f"{slug}.md").read_text(encoding="utf-8") for slug in ORDER)
    lines = edition.source.lines
    checked = 0
    for index, line in enumerate(lines):
        if edition.layout.roles[line.number] is not Role.PAGE_NUMBER:
            continue
        number = int(line.text)
        following = next(l for l in lines[index + 1:] if edition.layout.roles[l.number] is Role.BODY)
        start = docs.index(f'id="page-{number}"')
        end = docs.find(f'id="page-{number + 1}"', start)
        page_text = visible(re.sub(r"<[^>]+>|\[\^\d+\]", "", docs[start:end]))
        assert visible(following.text)[:8] in page_text, (number, following.text)
        checked += 1
    assert checked >= 5
