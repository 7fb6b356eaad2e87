"""Search in either script.

- Segmentation: Material's search splits Chinese with jieba, whose dictionary is
  Simplified; on Traditional text it cuts words wrongly (兩國關|係).  For the Traditional
  build the dictionary's words are converted to Traditional with OpenCC's character table (s2t) and loaded
  as a user dictionary — only the words that occur in the thesis, to keep it small.
- Query folding: a character map (OpenCC's single-character tables) lets the search box
  turn a query typed in the other script into the site's own, so 上海合作组织 finds
  上海合作組織 on the Traditional site, and the reverse.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

import jieba
import opencc

DICTIONARY = Path(opencc.__file__).parent / "dictionary"


def jieba_words() -> list[tuple[str, str, str]]:
    path = Path(jieba.__file__).parent / "dict.txt"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) > 1:
            rows.append((parts[0], parts[1], parts[2] if len(parts) > 2 else ""))
    return rows


@functools.lru_cache(maxsize=2)
def character_candidates(table: str) -> dict[str, list[str]]:
    """One character's forms in the other script, from an OpenCC table (于 → 於 于)."""
    candidates = {}
    for line in (DICTIONARY / table).read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        if len(source) == 1 and targets:
            candidates[source] = targets.split(" ")
    return candidates


def traditional_forms(word: str, candidates: dict[str, list[str]], limit: int = 16) -> list[str]:
    forms = [""]
    for char in word:
        forms = [f + c for f in forms for c in candidates.get(char, [char])][:limit]
    return forms


def traditional_user_dictionary(text: str) -> str:
    """jieba's words in Traditional form, those found in `text`, as a jieba user dictionary."""
    candidates = character_candidates("STCharacters.txt")
    # every 2–6 character run of the text, so that most look-ups are a set member test
    runs = {text[i:i + n] for n in range(2, 7) for i in range(len(text) - n + 1)}
    lines = {}
    for word, frequency, tag in jieba_words():
        # An ambiguous character gives several forms; those not in the text are dropped.
        for form in traditional_forms(word, candidates):
            found = form in runs if len(form) <= 6 else form in text
            if form != word and found and form not in lines:
                lines[form] = f"{form} {frequency} {tag}".rstrip()
    return "\n".join(lines[w] for w in sorted(lines)) + "\n"


def character_map() -> dict[str, dict[str, str]]:
    """{"hant": simplified→traditional, "hans": traditional→simplified}, one character each."""
    def table(name: str) -> dict[str, str]:
        # 干 (→ 幹 乾 干) is itself a Traditional character: leave such ones alone
        return {
            source: candidates[0]
            for source, candidates in character_candidates(name).items()
            if len(candidates[0]) == 1 and source not in candidates
        }

    return {"hant": table("STCharacters.txt"), "hans": table("TSCharacters.txt")}


def character_map_json() -> str:
    return json.dumps(character_map(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
