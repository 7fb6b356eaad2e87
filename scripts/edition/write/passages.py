"""Stable ids for every citable passage: paragraphs, list items and part titles.

An id is derived from the structure only, never from the text, so it is the same in both
scripts and across rebuilds: `p-2-1-1-3` is chapter 2, section 1.1 (`sec-1-1`), third
passage; `p-2-0-1` the first passage before the chapter's first section; `p-a2-5-1` the
first clause of article 5 in appendix 2; `li-…` the same for a list item.  Headings keep
their `sec-…`/`article-…` ids, tables and figures `table-x-y`/`figure-x-y`, notes `fn:N`.
"""
from __future__ import annotations

import re

from ..model import Document, DocumentKind, Kind

KIND_PREFIX = {Kind.PARAGRAPH: "p", Kind.PART: "p", Kind.LIST_ITEM: "li", Kind.LIST_TERM: "li"}
SECTION_REF = re.compile(r"^(?:sec|article)-([\d-]+)$")
HTML_PARAGRAPH = re.compile(r"^<p(?=[ >])")  # a part title; never an autolink like <http…>


def document_code(document: Document) -> str:
    """chapter-2 → 2, appendix-2 → a2, abstract → abstract."""
    if document.kind == DocumentKind.CHAPTER:
        return document.slug.removeprefix("chapter-")
    if document.kind == DocumentKind.APPENDIX:
        return "a" + document.slug.removeprefix("appendix-")
    return document.slug


def passage_ids(document: Document) -> dict[int, str]:
    """Block index → id, numbering passages from 1 again after every heading."""
    code, section, count, ids = document_code(document), "0", 0, {}
    for index, block in enumerate(document.blocks):
        if block.kind == Kind.HEADING:
            match = SECTION_REF.match(block.ref)
            if match:
                section, count = match.group(1), 0
        elif block.kind in KIND_PREFIX:
            count += 1
            ids[index] = f"{KIND_PREFIX[block.kind]}-{code}-{section}-{count}"
    return ids


def with_passage_id(markdown: str, passage_id: str | None, english: bool = False) -> str:
    """A rendered block with its id (and lang="en" for English prose): on the opening tag of
    raw HTML, else as an attr_list line."""
    if not passage_id:
        return markdown
    lang = ' lang="en"' if english else ""
    last = markdown.rsplit("\n\n", 1)
    if HTML_PARAGRAPH.match(last[-1]):
        last[-1] = HTML_PARAGRAPH.sub(f'<p id="{passage_id}"{lang}', last[-1], count=1)
        return "\n\n".join(last)
    return f"{markdown}\n{{: #{passage_id}{lang} }}"
