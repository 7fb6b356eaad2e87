"""Cross-references: 表 x-y / 圖 x-y mentions and 如下表 / 如下圖 become links.

A numbered mention links to its table or figure wherever it is; 如下表 and 如下圖 point to
the next table or figure on the same page, the one the author is introducing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Document, Kind

NUMBERED = re.compile(r"([表圖]) ?(\d+-\d+)")
FOLLOWING = re.compile(r"(?<=如)(下[表圖])")
KINDS = {"表": "table", "圖": "figure"}


@dataclass
class Targets:
    """Where each table and figure is: id → page slug, and the order within each page."""

    page_of: dict[str, str]  # "table-2-1" → "chapter-2"
    order: dict[str, list[tuple[int, str]]]  # slug → [(block index, anchor)]
    captions: dict[str, str]  # "table-2-1" → "表 2-1 中亞五國簡介", shown on hover

    @classmethod
    def of(cls, documents: list[Document], captions: dict[str, str]) -> "Targets":
        page_of, order = {}, {}
        for document in documents:
            for index, block in enumerate(document.blocks):
                if block.kind in (Kind.TABLE, Kind.FIGURE):
                    anchor = f"{block.kind}-{block.ref}"
                    page_of[anchor] = document.slug
                    order.setdefault(document.slug, []).append((index, anchor))
        return cls(page_of, order, captions)

    def href(self, anchor: str, from_slug: str) -> str:
        slug = self.page_of[anchor]
        return f"#{anchor}" if slug == from_slug else f"{slug}.md#{anchor}"

    def link(self, anchor: str, from_slug: str) -> str:
        """A Markdown link destination with the caption as title (Material shows it on hover)."""
        caption = self.captions.get(anchor, "").replace('"', "")
        return f'{self.href(anchor, from_slug)} "{caption}"' if caption else self.href(anchor, from_slug)

    def next_after(self, slug: str, block_index: int, kind: str) -> str | None:
        for index, anchor in self.order.get(slug, []):
            if index > block_index and anchor.startswith(kind):
                return anchor
        return None


def split_mentions(text: str, targets: Targets, slug: str, block_index: int) -> list[tuple[str, str | None]]:
    """The text cut into (piece, href or None); an href may carry the caption as a title."""
    found = []
    for match in NUMBERED.finditer(text):
        anchor = f"{KINDS[match.group(1)]}-{match.group(2)}"
        if anchor in targets.page_of:
            found.append((match.start(), match.end(), targets.link(anchor, slug)))
    for match in FOLLOWING.finditer(text):
        anchor = targets.next_after(slug, block_index, KINDS[match.group(1)[1]])
        if anchor:
            found.append((match.start(), match.end(), targets.link(anchor, slug)))
    pieces, cursor = [], 0
    for start, end, href in sorted(found):
        pieces += [(text[cursor:start], None), (text[start:end], href)]
        cursor = end
    pieces.append((text[cursor:], None))
    return [(piece, href) for piece, href in pieces if piece]
