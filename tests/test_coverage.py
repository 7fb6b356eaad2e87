"""Every body character of the source is in the output once, in order; nothing is added."""

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


def test_every_line_has_one_role(edition):
    assert set(edition.layout.roles) == {l.number for l in edition.source.lines}
    artefacts = {Role.SEPARATOR, Role.WATERMARK, Role.PAGE_NUMBER, Role.SPACER, Role.BLANK}
    for line in edition.source.lines:
        if edition.layout.roles[line.number] in artefacts:
            # an artefact line is whitespace or the watermark/page number, never author text
            role = edition.layout.roles[line.number]
            assert role in (Role.WATERMARK, Role.PAGE_NUMBER) or line.text.strip() == "", line.number
