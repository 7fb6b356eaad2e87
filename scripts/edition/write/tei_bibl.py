"""The reference list as TEI: a listBibl of biblStruct, one per work, xml:id = BibTeX key.

Built from the citation model (citations/records.Work), field by field, as the works
were read from the notes; nothing is added that the notes do not say.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..citations import Citations, Work
from .bibliography import filed_sections, section_id
from .tei_xml import element

# BibTeX entry type → the level of the work's own title, and whether it is a part
# (an article, a chapter) of a host (journal, book, proceedings).
ANALYTIC_TYPES = {"article", "incollection", "inproceedings"}
HOST_LEVEL = {"article": "j", "incollection": "m", "inproceedings": "m"}
OWN_LEVEL = {"periodical": "j", "online": "m"}
LANGUAGE_TAG = {"zh": "zh-Hant", "en": "en"}
NUMERIC = re.compile(r"^\d+$")


def names(value: str) -> list[str]:
    """BibTeX's "A and B" → ["A", "B"]."""
    return [name.strip() for name in re.split(r"\s+and\s+", value) if name.strip()]


def add_people(parent: ET.Element, fields: dict[str, str]) -> None:
    for name in names(fields.get("author", "")):
        element(parent, "author", name)
    for name in names(fields.get("editor", "")):
        element(parent, "editor", name)
    for name in names(fields.get("translator", "")):
        element(parent, "editor", name, role="translator")


def iso_date(fields: dict[str, str]) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD, when the note's year (and month, day) are plain numbers."""
    year, month, day = (fields.get(k, "") for k in ("year", "month", "day"))
    if not NUMERIC.match(year):
        return ""
    when = year
    if NUMERIC.match(month) and 1 <= int(month) <= 12:
        when += f"-{int(month):02d}"
        if NUMERIC.match(day) and 1 <= int(day) <= 31:
            when += f"-{int(day):02d}"
    return when


def date_text(fields: dict[str, str], language: str) -> str:
    year, month, day = (fields.get(k, "") for k in ("year", "month", "day"))
    if language == "en":
        return " ".join(part for part in (day, month, year) if part)
    return "".join(f"{value}{unit}" for value, unit in ((year, "年"), (month, "月"), (day, "日")) if value)


def add_imprint(monogr: ET.Element, fields: dict[str, str], language: str) -> None:
    imprint = element(monogr, "imprint")
    if fields.get("address"):
        element(imprint, "pubPlace", fields["address"])
    for name in ("publisher", "school", "institution", "organization"):
        if fields.get(name):
            element(imprint, "publisher", fields[name])
    when = iso_date(fields)
    element(imprint, "date", date_text(fields, language), when=when)


def add_scopes(monogr: ET.Element, fields: dict[str, str]) -> None:
    for name, unit in (("volume", "volume"), ("number", "issue"), ("pages", "page")):
        if fields.get(name):
            element(monogr, "biblScope", fields[name], unit=unit)


def bibl_struct(work: Work, notes: set[int]) -> ET.Element:
    fields, language = work.fields, LANGUAGE_TAG.get(work.language, "zh-Hant")
    entry = element(None, "biblStruct", xml_id=work.key, type=work.entry_type, xml_lang=language)
    if work.entry_type in ANALYTIC_TYPES:
        analytic = element(entry, "analytic")
        add_people(analytic, {"author": fields.get("author", "")})
        element(analytic, "title", fields.get("title", ""), level="a")
        monogr = element(entry, "monogr")
        add_people(monogr, {"editor": fields.get("editor", ""), "translator": fields.get("translator", "")})
        host = fields.get("journal") or fields.get("booktitle") or ""
        element(monogr, "title", host, level=HOST_LEVEL[work.entry_type],
                type="newspaper" if fields.get("entrysubtype") == "newspaper" else "")
    else:
        monogr = element(entry, "monogr")
        add_people(monogr, fields)
        element(monogr, "title", fields.get("title", ""), level=OWN_LEVEL.get(work.entry_type, "m"))
        if work.entry_type in ("mastersthesis", "phdthesis"):
            element(monogr, "note", "碩士論文" if work.entry_type == "mastersthesis" else "博士論文", type="degree")
    if fields.get("url"):
        element(monogr, "ptr", target=fields["url"])
    add_imprint(monogr, fields, work.language)
    add_scopes(monogr, fields)
    if fields.get("note"):
        element(entry, "note", fields["note"])
    cited = " ".join(f"#note-{n}" for n in work.cited_in if n in notes)
    if cited:
        element(entry, "note", "見註 " + "、".join(str(n) for n in work.cited_in if n in notes), type="citedIn", target=cited)
    return entry


def list_bibl(citations: Citations, keys: set[str], notes: set[int]) -> ET.Element:
    """中文 before 西文, each by kind, in the reference list's filing order (the site's and the
    PDF's): only the works in `keys`, cited by `notes` (all, for the whole thesis; a part's own)."""
    listing = element(None, "listBibl", xml_id="bibliography")
    element(listing, "head", "參考書目")
    for language, heading, kinds in filed_sections(w for w in citations.works.values() if w.key in keys):
        part = element(listing, "listBibl", xml_id=f"bibliography-{language}")
        element(part, "head", heading)
        for kind, group in kinds:
            section = element(part, "listBibl", xml_id=f"bibliography-{section_id(language, kind)}")
            element(section, "head", kind)
            section.extend(bibl_struct(work, notes) for work in group)
    return listing
