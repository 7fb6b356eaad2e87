"""Curated editorial data kept beside the source: metadata, table grids, figure records.

Each record names the source lines it accounts for; the converter and the tests check
those claims against the source, so data cannot silently drift from the text.
"""
from __future__ import annotations

import csv
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Table:
    id: str
    caption: str
    caption_line: int
    note: str
    first_line: int
    last_line: int
    foreign_lines: frozenset[int]
    header_rows: int
    rows: list[list[str]]
    remarks: str = ""

    @property
    def anchor(self) -> str:
        return f"table-{self.id}"

    def claims(self, number: int) -> bool:
        return self.first_line <= number <= self.last_line and number not in self.foreign_lines


@dataclass(frozen=True)
class Figure:
    id: str
    kind: str  # "diagram" or "map"
    caption: str
    caption_line: int
    note: str
    note_lines: tuple[int, int]
    label_lines: frozenset[int]
    labels: list[str]
    description: str
    described_by_lines: list[int] = field(default_factory=list)
    mermaid: str = ""

    @property
    def anchor(self) -> str:
        return f"figure-{self.id}"

    def claims(self, number: int) -> bool:
        first, last = self.note_lines
        return number == self.caption_line or first <= number <= last or number in self.label_lines


@dataclass
class Curated:
    metadata: dict
    tables: dict[str, Table]
    figures: dict[str, Figure]


def id_order(item_id: str) -> tuple[int, int]:
    chapter, number = item_id.split("-")
    return int(chapter), int(number)


def load_table(meta_path: Path) -> Table:
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    with meta_path.with_suffix(".csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    first, last = meta["source_lines"]
    return Table(
        id=meta["id"],
        caption=meta["caption"],
        caption_line=meta["caption_line"],
        note=meta["note"],
        first_line=first,
        last_line=last,
        foreign_lines=frozenset(meta.get("foreign_lines", [])),
        header_rows=meta.get("header_rows", 1),
        rows=rows,
        remarks=meta.get("remarks", ""),
    )


def load_figure(meta_path: Path) -> Figure:
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    diagram = meta_path.with_suffix(".mmd")
    return Figure(
        id=meta["id"],
        kind=meta["kind"],
        caption=meta["caption"],
        caption_line=meta["caption_line"],
        note=meta["note"],
        note_lines=tuple(meta["note_lines"]),
        label_lines=frozenset(meta.get("label_lines", [])),
        labels=meta.get("labels", []),
        description=meta.get("description", ""),
        described_by_lines=meta.get("described_by_lines", []),
        mermaid=diagram.read_text(encoding="utf-8") if diagram.exists() else "",
    )


def load_curated(source_dir: Path) -> Curated:
    source_dir = Path(source_dir)
    metadata = tomllib.loads((source_dir / "metadata.toml").read_text(encoding="utf-8"))
    tables = {t.id: t for t in map(load_table, sorted((source_dir / "tables").glob("*.json")))}
    figures = {f.id: f for f in map(load_figure, sorted((source_dir / "figures").glob("*.json")))}
    return Curated(
        metadata=metadata,
        tables=dict(sorted(tables.items(), key=lambda kv: id_order(kv[0]))),
        figures=dict(sorted(figures.items(), key=lambda kv: id_order(kv[0]))),
    )
