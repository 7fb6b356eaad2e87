"""Read the generated Markdown back as plain text, independently of the writer."""
from __future__ import annotations

import re

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
DEFINITION = re.compile(r"^\[\^(\d+)\]: (.*)$", re.M)
RAW_BLOCK = re.compile(r"^<figure\b.*?^</figure>$", re.S | re.M)
CITE_BLOCK = re.compile(r"^\?\?\? quote .*?(?=^\S)", re.S | re.M)
TAG = re.compile(r"<[^>]+>")
AUTOLINK = re.compile(r"<(https?://[^>]+)>")
ESCAPE = re.compile(r"\\(.)")


def visible(text: str) -> str:
    return "".join(c for c in text if not c.isspace())


LINK = re.compile(r'(?<!\\)\[((?:[^\]\\^]|\\.)*)\]\(([^)\s]+)(?: "[^"]*")?\)')


def inline_text(markdown: str) -> str:
    markdown = re.sub(r'\s*<a class="bib-link"[^>]*>.*?</a>', "", markdown)  # the edition's link to the entry
    markdown = LINK.sub(r"\1", markdown)
    markdown = re.sub(r"\[\^(\d+)\]", r"\1", markdown)
    markdown = AUTOLINK.sub(r"\1", markdown)
    markdown = TAG.sub("", markdown)
    return ESCAPE.sub(r"\1", markdown)


def body_and_notes(markdown: str) -> tuple[str, dict[int, str], list[str]]:
    """(body text, {note number: note text}, raw table/figure blocks)."""
    markdown = FRONT_MATTER.sub("", markdown)
    markdown = CITE_BLOCK.sub("", markdown)  # the edition's own "cite this" box
    notes = {int(n): inline_text(t) for n, t in DEFINITION.findall(markdown)}
    markdown = DEFINITION.sub("", markdown)
    blocks = RAW_BLOCK.findall(markdown)
    markdown = RAW_BLOCK.sub("", markdown)
    markdown = re.sub(r"^#+ ", "", markdown, flags=re.M)
    markdown = re.sub(r' \{(#[\w-]+)?( ?lang="en")?\}$', "", markdown, flags=re.M)  # a heading's id, language
    markdown = re.sub(r'^\{: #[\w-]+( lang="en")? \}$', "", markdown, flags=re.M)  # a passage's id (attr_list)
    markdown = re.sub(r"^- ", "", markdown, flags=re.M)
    return inline_text(markdown), notes, blocks
