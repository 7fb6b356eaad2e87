"""bibliography.bib against an independent reading of the notes (tests/data/expected-works.toml).

For each work the reading names the first note that cites it; the entry is found the way
a reader finds it, through that note's link to the reference list in the generated
chapter page, and read with bibtexparser.  Entry type, people (authors, editors,
translators) and title are compared field by field.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from pathlib import Path

import bibtexparser
import pytest

DATA = Path(__file__).parent / "data" / "expected-works.toml"
KINDS = {"book": "book", "incollection": "incollection", "inproceedings": "inproceedings",
         "article": "article", "mastersthesis": "thesis", "phdthesis": "thesis", "techreport": "report",
         "online": "online", "periodical": "periodical", "misc": "misc"}


def linked_key(pages: str, number: int) -> str:
    definition = re.search(rf"^\[\^{number}\]: .*$", pages, re.M)
    assert definition, f"note {number} has no definition in the chapter pages"
    keys = re.findall(r'href="\.\./bibliography/#([a-z0-9]+)"', definition[0])
    assert len(keys) == 1, (number, keys)
    return keys[0]


def kind(fields: dict[str, str], entry_type: str) -> str:
    if entry_type == "article" and fields.get("entrysubtype") == "newspaper":
        return "newspaper"
    return KINDS.get(entry_type, entry_type)


def person(name: str) -> str:
    """One spelling for a name however it is written: "Locke, L. F." = "L.F.Locke"."""
    name = name.strip().strip("{}")
    if name == "others":
        return "等"
    if re.fullmatch(r"[A-Za-z\-]+, .+", name):
        surname, given = name.split(", ", 1)
        name = f"{given} {surname}"
    return re.sub(r"[\s.．]", "", unicodedata.normalize("NFC", name)).casefold()


def people(value: str) -> list[str]:
    return [person(n) for n in re.split(r"\s+and\s+", value) if n.strip()]


def title(value: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", value.strip("{}")))


@pytest.fixture(scope="module")
def comparison(root):
    expected = tomllib.loads(DATA.read_text(encoding="utf-8"))
    pages = "".join(p.read_text(encoding="utf-8") for p in sorted((root / "docs").glob("chapter-*.md")))
    library = bibtexparser.parse_string((root / "bibliography.bib").read_text(encoding="utf-8"))
    entries = {e.key: e for e in library.entries}
    wrong: dict[str, list] = {"type": [], "names": [], "title": []}
    keys = []
    for number, reading in expected.items():
        key = linked_key(pages, int(number))
        keys.append(key)
        entry = entries[key]
        fields = {f.key: f.value for f in entry.fields}
        if kind(fields, entry.entry_type.lower()) != reading["type"]:
            wrong["type"].append((number, key, kind(fields, entry.entry_type.lower()), reading["type"]))
        for role in ("author", "editor", "translator"):
            if people(fields.get(role, "")) != [person(n) for n in reading.get(role, [])]:
                wrong["names"].append((number, key, role, fields.get(role), reading.get(role)))
        if title(fields.get("title", "")) != title(reading.get("title", "")):
            wrong["title"].append((number, key, fields.get("title"), reading.get("title")))
    return expected, keys, entries, wrong


def test_the_reading_covers_every_entry_once(comparison):
    expected, keys, entries, _ = comparison
    assert len(expected) == len(entries) >= 128
    assert sorted(keys) == sorted(entries)  # each work read once, and each entry is a work read


@pytest.mark.parametrize("part", ["type", "names", "title"])
def test_entries_agree_with_the_reading(comparison, part):
    expected, _, _, wrong = comparison
    works_wrong = {w[0] for w in wrong[part]}
    assert len(expected) - len(works_wrong) >= 128, wrong[part]
    assert wrong[part] == [], f"{len(expected) - len(works_wrong)}/{len(expected)} right"
