"""Curated editorial data kept beside the source: metadata, table grids, figure records.

Each record names the source lines it accounts for; the converter and the tests check
those claims against the source, so data cannot silently drift from the text.
"""
from __future__ import annotations

import csv
import io
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError, SourceError
from ..text import visible
from .source import Source


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
    citation_overrides: dict = field(default_factory=dict)  # note number (str) -> override
    citation_pinyin: dict = field(default_factory=dict)  # syllable -> its characters
    renamed_keys: dict = field(default_factory=dict)  # old BibTeX key -> its current key


def id_order(item_id: str) -> tuple[int, int]:
    chapter, number = item_id.split("-")
    return int(chapter), int(number)


def relative(path: Path) -> str:
    """A data file's name as the editor knows it: from source/ on."""
    parts = Path(path).parts
    return "/".join(parts[len(parts) - 1 - parts[::-1].index("source"):]) if "source" in parts else str(path)


def read_text(path: Path) -> str:
    if not path.is_file():
        raise DataError(relative(path), "", "this data file", "no such file")
    try:
        return path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise DataError(relative(path), f"byte {error.start}", "UTF-8 text") from None


def read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(read_text(path))
    except tomllib.TOMLDecodeError as error:
        # tomllib gives the place only inside its message: "… (at line N, column M)"
        message, _, place = str(error).partition(" (at ")
        raise DataError(relative(path), place.rstrip(")"), "valid TOML", message) from None


def read_json(path: Path) -> dict:
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as error:
        raise DataError(relative(path), f"line {error.lineno}", "valid JSON", error.msg) from None
    if not isinstance(data, dict):
        raise DataError(relative(path), "", "a JSON object", type(data).__name__)
    return data


def require(data: dict, keys: dict[str, type | tuple], path: Path, prefix: str = "") -> None:
    """Every key present with a value of its type, or one line naming file and key."""
    for key, kind in keys.items():
        if key not in data:
            raise DataError(relative(path), f"key {prefix}{key}", f"a value for {prefix}{key}", "nothing")
        if not isinstance(data[key], kind):
            raise DataError(relative(path), f"key {prefix}{key}", f"a value of type {kind}", repr(data[key])[:40])


TABLE_KEYS = {"id": str, "caption": str, "caption_line": int, "note": str, "source_lines": list}
FIGURE_KEYS = {"id": str, "kind": str, "caption": str, "caption_line": int, "note": str, "note_lines": list}
METADATA_KEYS = {"thesis": dict, "edition": dict}
THESIS_KEYS = {
    "supplied_title": str, "supplied_title_en": str, "title_note": str, "author": str, "author_note": str,
    "degree": str, "institution": str, "institution_en": str, "institution_note": str, "place": str, "year": str,
    "year_circa": str, "year_note": str, "language": str, "pages": int, "notes": int, "keywords": list, "keywords_en": list,
}
# What the TEI header's publicationStmt says of the digital edition (write/tei_header.py).
EDITION_KEYS = {"title": str, "edition_statement": str, "publisher": str, "availability": str}


def read_csv(path: Path) -> list[list[str]]:
    """The table grid; every row has as many cells as the first (a short row is a lost cell)."""
    rows = list(csv.reader(io.StringIO(read_text(path), newline="")))
    if not rows:
        raise DataError(relative(path), "row 1", "the table's rows", "an empty file")
    for number, row in enumerate(rows, start=1):
        if len(row) != len(rows[0]):
            raise DataError(relative(path), f"row {number}", f"{len(rows[0])} cells, as row 1 has", f"{len(row)} cells")
    return rows


def load_table(meta_path: Path) -> Table:
    meta = read_json(meta_path)
    require(meta, TABLE_KEYS, meta_path)
    rows = read_csv(meta_path.with_suffix(".csv"))
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
    meta = read_json(meta_path)
    require(meta, FIGURE_KEYS, meta_path)
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
        mermaid=read_text(diagram) if diagram.exists() else "",
    )


OVERRIDE_KEYS = {"starts": str, "why": str}


def load_citation_data(directory: Path) -> tuple[dict, dict]:
    """The citation overrides (each guarded by `starts`, justified by `why`) and the
    pinyin table for keys (syllable → characters)."""
    overrides = read_toml(directory / "overrides.toml")
    for number, override in overrides.items():
        require(override, OVERRIDE_KEYS, directory / "overrides.toml", f"{number}.")
    pinyin = read_toml(directory / "pinyin.toml")
    for syllable, characters in pinyin.items():
        if not isinstance(characters, str):
            raise DataError(relative(directory / "pinyin.toml"), f"key {syllable}", "a string of characters",
                            repr(characters)[:40])
    return overrides, pinyin


def load_renamed_keys(path: Path) -> dict[str, str]:
    """Old reference keys → current keys (old links still reach their entry)."""
    if not path.exists():
        return {}
    renamed = read_toml(path)
    for old, new in renamed.items():
        if not isinstance(new, str):
            raise DataError(relative(path), f"key {old}", "the current key as a string", repr(new)[:40])
    return renamed


def load_metadata(path: Path) -> dict:
    metadata = read_toml(path)
    require(metadata, METADATA_KEYS, path)
    require(metadata["thesis"], THESIS_KEYS, path, "thesis.")
    require(metadata["edition"], EDITION_KEYS, path, "edition.")
    return metadata


def load_curated(source_dir: Path) -> Curated:
    source_dir = Path(source_dir)
    metadata = load_metadata(source_dir / "metadata.toml")
    tables = {t.id: t for t in map(load_table, sorted((source_dir / "tables").glob("*.json")))}
    figures = {f.id: f for f in map(load_figure, sorted((source_dir / "figures").glob("*.json")))}
    overrides, pinyin = load_citation_data(source_dir / "citations")
    return Curated(
        citation_overrides=overrides,
        citation_pinyin=pinyin,
        renamed_keys=load_renamed_keys(source_dir / "citations" / "renamed-keys.toml"),
        metadata=metadata,
        tables=dict(sorted(tables.items(), key=lambda kv: id_order(kv[0]))),
        figures=dict(sorted(figures.items(), key=lambda kv: id_order(kv[0]))),
    )


def expect_line(source: Source, number: int, expected: str, file: str, matches) -> None:
    """A curated record's source line must still say what the record expects there."""
    if not 1 <= number <= len(source.lines):
        raise SourceError(number, f"a line of the thesis ({file} refers to it)", f"only {len(source.lines)} lines")
    found = visible(source.line(number).text)
    if not found or not matches(found):
        raise SourceError(number, f"{expected} (as {file} records)", source.line(number).text.strip()[:40])


def verify_against_source(curated: Curated, source: Source) -> None:
    """Each table and figure record is checked at the lines it names, so that an edit of the
    source (a deleted caption, a shifted line) is refused instead of published wrongly."""
    for table in curated.tables.values():
        file = f"source/tables/{table.id}.json"
        caption, note = visible(table.caption), visible(table.note)
        expect_line(source, table.caption_line, f"the caption {table.caption!r}", file, lambda t: t == caption)
        expect_line(source, table.last_line, "the end of the table's source note", file, note.endswith)
    for figure in curated.figures.values():
        file = f"source/figures/{figure.id}.json"
        caption, note = visible(figure.caption), visible(figure.note)
        expect_line(source, figure.caption_line, f"the caption {figure.caption!r}", file, lambda t: t == caption)
        expect_line(source, figure.note_lines[0], "the start of the figure's source note", file, note.startswith)
        for number in sorted(figure.label_lines):
            expect_line(source, number, "a label of the figure", file, bool)
        for number in figure.described_by_lines:
            expect_line(source, number, "the text that describes the figure", file, bool)
