"""Every file the Simplified build ships, made by one call: `simplified_file(path, text)`.

The pages' Markdown and HTML, the print page, the TEI and plain text, the citation files
and the EPUB's documents all go through it, so that every artefact gets the same
conversion (`to_simplified`: NFC, the context rules of source/script/rules.toml, the
protected names, OpenCC tw2s) and nothing the edition writes (heading notes, the errata's
reasons, the report, labels) escapes the rules.  What a format adds beyond the conversion
is only its statement of the script: the TEI's language tags and revisionDesc, the
citation files' script marks.
"""
from __future__ import annotations

from ..write.cite_formats import BIBTEX_SCRIPT
from .simplified import to_simplified

SIMPLIFIED_CHANGE = ("<change>簡體字本：由正體字本於建置時逐字轉換（NFC、OpenCC tw2s 與本版的上下文規則），"
                     "不改用詞；xml:id 與正體字本相同。</change>")

# Each citation file says which script it is in its format's own way: a BibTeX comment,
# RIS's LA tag, CSL-JSON's "language"; the Traditional files say zh-Hant (write/cite_formats.py).
BIBTEX_SCRIPT_HANS = ("% Script: Simplified Chinese (zh-Hans), converted from the Traditional text "
                      "by the edition's Simplified build (OpenCC tw2s and its own rules).")
SCRIPT_MARKS = {
    ".bib": ((BIBTEX_SCRIPT, BIBTEX_SCRIPT_HANS),),
    ".ris": (("LA  - zh-Hant", "LA  - zh-Hans"),),
    ".json": (('"language": "zh-Hant"', '"language": "zh-Hans"'),),
}
CITE_FOLDER = "cite/"


def simplified_tei(tei: str) -> str:
    """The TEI in Simplified characters, saying so in its language tags and revisionDesc."""
    tei = tei.replace('xml:lang="zh-Hant"', 'xml:lang="zh-Hans"').replace('ident="zh-Hant"', 'ident="zh-Hans"')
    tei = tei.replace("</revisionDesc>", f"  {SIMPLIFIED_CHANGE}\n    </revisionDesc>", 1)
    return to_simplified(tei)


def mark_simplified(text: str, suffix: str) -> str:
    """A converted citation file, its script mark turned from zh-Hant to zh-Hans."""
    for traditional, simplified in SCRIPT_MARKS[suffix]:
        converted = to_simplified(traditional)
        if converted not in text:
            raise ValueError(f"cite download ({suffix}): expected the script mark {traditional!r}")
        text = text.replace(converted, simplified)
    return text


def simplified_file(path: str, text: str) -> str:
    """The Simplified form of the file at `path` (relative to the build's root) whose
    Traditional content is `text`."""
    suffix = "." + path.rpartition(".")[2]
    if path.endswith(".tei.xml"):
        return simplified_tei(text)
    if path.startswith(CITE_FOLDER) and suffix in SCRIPT_MARKS:
        return mark_simplified(to_simplified(text), suffix)
    return to_simplified(text)
