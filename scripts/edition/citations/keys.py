"""The works in order of first citation, with their BibTeX keys (pinyin + year + title word)."""
from __future__ import annotations

import itertools
import re
import tomllib
import unicodedata
from pathlib import Path

from .grammar import CJK
from .merge import canonical
from .names import is_person, split_field_names
from .records import DATA, Work


STOPWORDS = {"the", "a", "an", "of", "on", "in", "and"}


def build_works(groups: list, note_groups: dict[int, list[int]],
                pinyin: dict[str, str]) -> tuple[dict[str, Work], dict[int, str]]:
    table = pinyin_table(pinyin)
    works: dict[str, Work] = {}
    key_of: dict[int, str] = {}
    order = sorted(range(len(groups)), key=lambda g: groups[g][0][0])
    for index in order:
        entry_type, fields, language = canonical(groups[index])
        key = unique_key(work_key(fields, groups[index][0][0], table), works)
        fields = with_title(entry_type, fields)
        cited_in = sorted(n for n, gs in note_groups.items() if index in gs)
        works[key] = Work(key, entry_type, fields, language, cited_in)
        key_of[index] = key
    renamed = prefix_free_keys(list(works))
    works = {renamed[k]: Work(renamed[k], w.entry_type, w.fields, w.language, w.cited_in) for k, w in works.items()}
    check_keys(list(works))
    return works, {index: renamed[key] for index, key in key_of.items()}


def with_title(entry_type: str, fields: dict[str, str]) -> dict[str, str]:
    """A web page the note cites by its site alone is titled by its site name (as GB/T 7714
    lists it), or by the URL's host when the note gives only the URL; a newspaper cited by
    its name, day and page alone by the paper's name.  Nothing else is supplied."""
    if fields.get("title") or entry_type not in ("online", "article"):
        return fields
    fields = dict(fields)
    if fields.get("entrysubtype") == "newspaper":  # a page of a paper cited by its name alone
        fields["title"] = fields.pop("journal")
        return fields
    if fields.get("organization"):
        fields["title"] = fields.pop("organization")
    elif fields.get("url"):
        fields["title"] = re.sub(r"^https?://", "", fields["url"]).split("/")[0]
    return fields


def prefix_free_keys(keys: list[str]) -> dict[str, str]:
    """Old key → new key, so that no key is the beginning of another.

    Why: the reference list passes through mkdocs-bibtex, which replaces each bare `@key`
    with `markdown.replace("@" + key, text)` (a plain substring replace) over keys taken
    from a set, whose order follows the hash seed.  A key that begins another
    (`shanghai`, `shanghai2003`) would overwrite the longer one's place in some builds.
    The shorter key gets the letter "a" (as "2003a" in author-date lists) until it
    begins no other key; keys that begin nothing keep their name."""
    renamed = {key: key for key in keys}
    while True:
        current = sorted(renamed.values())
        short = next((a for a, b in zip(current, current[1:]) if b.startswith(a)), None)
        if short is None:
            return renamed
        others = [k for k in current if k != short]
        new = next(short + suffix for suffix in letter_suffixes()
                   if not any(k.startswith(short + suffix) or (short + suffix).startswith(k) for k in others))
        renamed[next(k for k, v in renamed.items() if v == short)] = new


def letter_suffixes():
    """a, b, …, z, aa, ab, …"""
    letters = "abcdefghijklmnopqrstuvwxyz"
    for length in range(1, 4):
        yield from ("".join(p) for p in itertools.product(letters, repeat=length))


def check_keys(keys: list[str]) -> None:
    """Refuse a key set the reference list cannot show right (see prefix_free_keys)."""
    for a, b in zip(sorted(keys), sorted(keys)[1:]):
        if b.startswith(a):
            raise ValueError(f"BibTeX key {a!r} is the beginning of key {b!r}: mkdocs-bibtex would "
                             f"put one entry's text in the other's place; keys must not be prefixes of one another")


def work_key(fields: dict[str, str], first_note: int, table: dict[str, str]) -> str:
    """surname + year + first title word, e.g. xing2007shanghai; work045 if that fails."""
    names = split_field_names(fields.get("author", "")) or split_field_names(fields.get("editor", ""))
    name = romanise_name(names[0], table) if names else ""
    source = fields.get("title") or fields.get("journal") or fields.get("organization")
    word = romanise_word(source, table) if source else url_label(fields.get("url", ""))
    if name is None or word is None:
        return f"work{first_note:03d}"
    key = name + fields.get("year", "") + word if name else word + fields.get("year", "")
    return key if re.fullmatch(r"[a-z][a-z0-9]*", key) else f"work{first_note:03d}"


def unique_key(key: str, taken: dict) -> str:
    if key not in taken:
        return key
    suffix = "bcdefghijklmnopqrstuvwxyz"
    return next(key + s for s in suffix if key + s not in taken)


def romanise_name(name: str, table: dict[str, str]) -> str | None:
    latin = re.search(r"\(([^()]*[A-Za-z][^()]*)\)", name)
    if latin:  # 布裏辛斯基(Zbigniew Brzezinski)
        name = latin[1]
    if not re.search(f"[{CJK}]", name):
        name = name.split(",")[0]  # "Locke, L. F.": the surname
        words = [w for w in re.split(r"[\s.]+", name) if w]
        corporate = any(w in STOPWORDS for w in words)  # "Office of the Secretary …"
        word = words[0] if corporate else words[-1]
        return re.sub(r"[^a-z]", "", word.lower()) or None
    tail = re.split(r"[.．]", name)[-1]
    if tail != name:  # a transliterated foreign name: its last part in full
        return romanise(re.sub(f"[^{CJK}]", "", tail), table)
    cjk = re.sub(f"[^{CJK}]", "", name)
    return romanise(cjk[:1] if is_person(cjk) else cjk[:2], table)


def romanise_word(title: str, table: dict[str, str]) -> str | None:
    for token in re.findall(rf"[A-Za-z]+|[{CJK}]+", unicodedata.normalize("NFKC", title)):
        if re.fullmatch("[A-Za-z]+", token):
            if token.lower() not in STOPWORDS:
                return token.lower()
        else:
            return romanise(token[:2], table)
    return None


def romanise(text: str, table: dict[str, str]) -> str | None:
    syllables = [table.get(ch) for ch in text]
    return "".join(syllables) if text and all(syllables) else None


def url_label(url: str) -> str:
    host = re.sub(r"^https?://", "", url).split("/")[0]
    labels = [label for label in host.split(".") if label not in ("www", "big5")]
    return re.sub(r"[^a-z]", "", labels[0].lower()) if labels else ""


def read_pinyin(path: Path = DATA / "pinyin.toml") -> dict[str, str]:
    """The table as written: syllable → its characters."""
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def pinyin_table(data: dict[str, str]) -> dict[str, str]:
    """Character → syllable."""
    return {ch: syllable for syllable, chars in data.items() for ch in chars}
