"""The document model the readers build and the writer renders (pandoc-style)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class NoteRef:
    number: int


@dataclass(frozen=True)
class PageStart:
    printed: int


@dataclass(frozen=True)
class LineBreak:
    pass


Inline = str | NoteRef | PageStart | LineBreak


@dataclass
class Block:
    kind: str  # paragraph, heading, list-item, table, figure, closing
    inlines: list[Inline] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # source lines the block comes from
    level: int = 0  # heading level
    ref: str = ""  # table or figure id

    @property
    def text(self) -> str:
        return "".join(i for i in self.inlines if isinstance(i, str))


@dataclass
class Document:
    slug: str
    title: str
    kind: str  # front, chapter, appendix
    blocks: list[Block] = field(default_factory=list)

    def note_numbers(self) -> list[int]:
        return [i.number for b in self.blocks for i in b.inlines if isinstance(i, NoteRef)]

    def page_starts(self) -> list[int]:
        return [i.printed for b in self.blocks for i in b.inlines if isinstance(i, PageStart)]
