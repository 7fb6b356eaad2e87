"""The edition's line references ({行 6687}, edition.source_refs) as a reader of the site
meets them: the printed page, linked to the passage the line stands in (a paragraph's or
list item's id, a heading's, a note's, a table's or figure's)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..source_refs import as_links, as_pages
from .markdown import escape_text
from .passages import passage_ids

if TYPE_CHECKING:
    from ..model import Edition


def line_places(edition: Edition) -> dict[int, tuple[str, str]]:
    """Source line → (page slug, anchor) for every line of a passage or a note."""
    places: dict[int, tuple[str, str]] = {}
    for document in edition.documents:
        ids = passage_ids(document)
        for index, block in enumerate(document.blocks):
            anchor = ids.get(index) or block.ref
            places.update((line, (document.slug, anchor)) for line in block.lines)
        for note in document.notes:
            places.update((line, (document.slug, f"fn:{note.number}")) for line in note.lines)
    return places


def linked_pages(edition: Edition, text: str) -> str:
    """Markdown for a page of docs/ (all stand side by side): each reference a link."""
    places = line_places(edition)

    def link(label: str, line: int) -> str:
        slug, anchor = places[line]
        return f"[{label}]({slug}.md#{anchor})" if anchor else f"[{label}]({slug}.md)"
    return as_links(text, lambda line: edition.layout.page_of(line).printed, link, escape_text)


def reader_note(edition: Edition, key: str) -> str:
    """A note of source/metadata.toml's [thesis] for a reader, where no link can stand (EPUB)."""
    return as_pages(edition.curated.metadata["thesis"][key], lambda line: edition.layout.page_of(line).printed)
