"""Personal and corporate names: is it a person, a list of names, and their BibTeX form."""
from __future__ import annotations

import re

from .grammar import CJK, DATE, PAIRS


def names_ok(text: str) -> bool:
    return len(text) <= 60 and "：" not in text and text[0] not in PAIRS and not DATE.search(text)


def split_names(text: str) -> list[str]:
    names = re.split(r"、|，|,\s*|\s+and\s+", text)
    return [n.strip().rstrip(".").strip() for n in names if n.strip()]


def is_name_list(segment: str) -> bool:
    return all(is_person(n) for n in split_names(segment))


def is_person(name: str) -> bool:
    if re.fullmatch(f"[{CJK}]{{2,4}}", name):
        return not name.endswith(("報", "網", "社", "刊", "所", "院"))
    return bool(re.fullmatch(r"[A-Z][A-Za-z.\- ]+", name))


def bibtex_name(name: str) -> str:
    """A name as BibTeX reads it right.

    A Western person is written "Surname, Given" with the initials spaced, so that the
    style can give surname + initials ("L.F.Locke" → "Locke, L. F."); a given name the
    note writes in lower case is capitalised ("W.lawrence" → "W. Lawrence"), as BibTeX
    would otherwise take it for a particle.  Anything else with a space or a dot (CJK
    renderings "R.M.伯勒爾", corporate authors) is braced: kept whole, as written."""
    if name == "others":
        return name
    if re.fullmatch(r"[A-Z][A-Za-z.\-]*(?:\s+[A-Z][A-Za-z.\-]*)*", name):
        parts = [p for p in re.split(r"\s+|(?<=\.)(?=[A-Za-z])", name) if p]
        if len(parts) == 1:
            return name
        given = " ".join(p[:1].upper() + p[1:] for p in parts[:-1])
        return f"{parts[-1]}, {given}"
    if " " in name or "." in name or "．" in name:
        return "{" + name + "}"
    return name


def plain_name(name: str) -> str:
    return re.sub(r"[{}\s]", "", name)


def split_field_names(value: str) -> list[str]:
    return [n.strip("{} ") for n in value.split(" and ") if n.strip() and n.strip() != "others"]
