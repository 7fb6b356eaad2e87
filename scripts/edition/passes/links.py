"""Links pass: URLs and mentions of tables and figures become Link and CrossRef inlines.

A numbered mention (表 2-1, 圖 1-1) refers to its table or figure wherever it is; 如下表 and
如下圖 to the next table or figure on the same page, the one the author is introducing.
Mentions are found first, then URLs in the text between them, so the writers only write.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import CrossRef, Document, Inline, Kind, Link

NUMBERED = re.compile(r"([表圖]) ?(\d+-\d+)")
FOLLOWING = re.compile(r"(?<=如)(下[表圖])")
MENTIONED = {"表": Kind.TABLE, "圖": Kind.FIGURE}
# A URL ends before CJK punctuation or a space, and before an ASCII full stop, comma,
# colon or bracket that closes the sentence rather than the address.
URL = re.compile(r"https?://[!-~]+?(?=[)）\]」』，。；、\s]|[.,;:)]?$|[.,;:)](?=[^!-~]))|https?://[!-~]+")


@dataclass
class Targets:
    """Where each table and figure is: anchor → page slug, and the order within each page."""

    page_of: dict[str, str]  # "table-2-1" → "chapter-2"
    order: dict[str, list[tuple[int, str]]]  # slug → [(block index, anchor)]
    captions: dict[str, str]  # "table-2-1" → "表 2-1 中亞五國簡介"

    @classmethod
    def of(cls, documents: list[Document]) -> "Targets":
        page_of, order, captions = {}, {}, {}
        for document in documents:
            for index, block in enumerate(document.blocks):
                if block.kind in (Kind.TABLE, Kind.FIGURE):
                    anchor = f"{block.kind}-{block.ref}"
                    page_of[anchor] = document.slug
                    order.setdefault(document.slug, []).append((index, anchor))
            for record in [*document.tables.values(), *document.figures.values()]:
                captions[record.anchor] = record.caption
        return cls(page_of, order, captions)

    def next_after(self, slug: str, block_index: int, kind: Kind) -> str | None:
        for index, anchor in self.order.get(slug, []):
            if index > block_index and anchor.startswith(kind):
                return anchor
        return None

    def cross_ref(self, text: str, anchor: str) -> CrossRef:
        return CrossRef(text, anchor, self.page_of[anchor], self.captions.get(anchor, ""))


def split_urls(text: str) -> list[tuple[str, bool]]:
    """The text cut into (piece, is_url); also for the curated tables' and figures' notes."""
    pieces, cursor = [], 0
    for match in URL.finditer(text):
        pieces += [(text[cursor:match.start()], False), (match.group(0), True)]
        cursor = match.end()
    return pieces + [(text[cursor:], False)]


def mentions(text: str, targets: Targets, slug: str, block_index: int) -> list[tuple[int, int, str]]:
    found = []
    for match in NUMBERED.finditer(text):
        anchor = f"{MENTIONED[match.group(1)]}-{match.group(2)}"
        if anchor in targets.page_of:
            found.append((match.start(), match.end(), anchor))
    for match in FOLLOWING.finditer(text):
        anchor = targets.next_after(slug, block_index, MENTIONED[match.group(1)[1]])
        if anchor:
            found.append((match.start(), match.end(), anchor))
    return sorted(found)


def link_text(text: str, targets: Targets, slug: str = "", block_index: int = -1) -> list[Inline]:
    """One run of text → text, CrossRef and Link inlines (empty text left out)."""
    inlines: list[Inline] = []

    def plain(piece: str) -> None:
        inlines.extend(Link(p) if is_url else p for p, is_url in split_urls(piece) if p)

    cursor = 0
    for start, end, anchor in mentions(text, targets, slug, block_index):
        plain(text[cursor:start])
        inlines.append(targets.cross_ref(text[start:end], anchor))
        cursor = end
    plain(text[cursor:])
    return inlines


def link_inlines(inlines: list[Inline], targets: Targets, slug: str = "", block_index: int = -1) -> list[Inline]:
    return [out for item in inlines
            for out in (link_text(item, targets, slug, block_index) if isinstance(item, str) else [item])]


def link(documents: list[Document]) -> None:
    """The pass: every block's text and every note's text, in place."""
    targets = Targets.of(documents)
    for document in documents:
        for index, block in enumerate(document.blocks):
            block.inlines = link_inlines(block.inlines, targets, document.slug, index)
        for note in document.notes:
            note.inlines = link_text(note.text, targets, document.slug)
