"""Search in either script: the character forms a query is folded with.

One source of truth: OpenCC's own character tables — Simplified → Traditional
(STCharacters), Traditional → Simplified (TSCharacters) and the Taiwan variants both
ways (TWVariants, TWVariantsRev), the tables the Simplified build converts with.  Every
character they link is put in one group, so a query character searches all of its
forms, not one: 叶 → 葉 叶, 于 → 於 于, 里 → 裡 裏 里.  The groups are written once,
as a generated file the search worker loads (docs/assets/script-map.js); the browser
never derives them again.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

import opencc

DICTIONARY = Path(opencc.__file__).parent / "dictionary"
TABLES = ("STCharacters.txt", "TSCharacters.txt", "TWVariants.txt", "TWVariantsRev.txt")


@functools.lru_cache(maxsize=8)
def character_candidates(table: str) -> dict[str, list[str]]:
    """One character's forms in the other script, from an OpenCC table (于 → 於 于)."""
    candidates = {}
    for line in (DICTIONARY / table).read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        if len(source) == 1 and targets:
            candidates[source] = [t for t in targets.split(" ") if len(t) == 1]
    return candidates


@functools.lru_cache(maxsize=1)
def character_forms() -> dict[str, str]:
    """Each character that has other forms → all its forms, sorted (里 → 裏裡里)."""
    parent: dict[str, str] = {}

    def root(char: str) -> str:
        while parent.setdefault(char, char) != char:
            parent[char] = parent[parent[char]]
            char = parent[char]
        return char

    for table in TABLES:
        for source, targets in character_candidates(table).items():
            for target in targets:
                parent[root(target)] = root(source)
    groups: dict[str, set[str]] = {}
    for char in parent:
        groups.setdefault(root(char), set()).add(char)
    return {char: "".join(sorted(group)) for group in groups.values() if len(group) > 1 for char in group}


def script_map_js(text: str | None = None) -> str:
    """The generated file the search worker imports: `self.EDITION_SCRIPT_FORMS`.  Given the
    searched text, only the groups with a form in it: a query character outside them has no
    form in the text, so folding it cannot find anything."""
    table = character_forms()
    if text is not None:
        present = set(text)
        table = {char: forms for char, forms in table.items() if present.intersection(forms)}
    forms = json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"self.EDITION_SCRIPT_FORMS = {forms};\n"
