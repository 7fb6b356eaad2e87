"""Small helpers to build and serialise TEI with ElementTree, deterministically.

Elements are built without namespaces and the TEI namespace is declared once on the root
(an `xmlns` attribute), so that `xml:id`/`xml:lang` can be written as plain attribute
names.  Attribute order is the order of insertion; nothing depends on hash order.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

TEI_NS = "http://www.tei-c.org/ns/1.0"

# Elements that hold only other elements (never running text): indented one per line.
# Everything else (p, head, note, cell, item, title …) is mixed content and is written
# exactly as built, so indentation never adds a space to the author's text.
CONTAINERS = frozenset({
    "TEI", "teiHeader", "fileDesc", "titleStmt", "respStmt", "editionStmt", "extent", "publicationStmt",
    "availability", "sourceDesc", "biblStruct", "analytic", "monogr", "imprint", "encodingDesc",
    "projectDesc", "editorialDecl", "normalization", "hyphenation", "segmentation", "correction",
    "quotation", "interpretation", "tagsDecl", "refsDecl", "profileDesc", "langUsage", "textClass",
    "keywords", "revisionDesc", "text", "front", "body", "back", "div", "listBibl", "table", "row",
    "figure", "list", "notesStmt", "classDecl", "taxonomy", "appInfo", "application", "listChange",
})


def element(parent: ET.Element | None, tag: str, text: str = "", **attributes: str) -> ET.Element:
    """A new element (appended to `parent` if given); `xml_id` → xml:id, `xml_lang` → xml:lang."""
    attrs = {name.replace("xml_", "xml:", 1) if name.startswith("xml_") else name: value
             for name, value in attributes.items() if value != ""}
    node = ET.Element(tag, attrs) if parent is None else ET.SubElement(parent, tag, attrs)
    if text:
        node.text = text
    return node


def append_text(parent: ET.Element, text: str) -> None:
    """Text after whatever `parent` holds so far (its text, or its last child's tail)."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def indent(node: ET.Element, depth: int = 0) -> None:
    """Indent containers (and only containers) two spaces a level."""
    if node.tag not in CONTAINERS or not len(node) or (node.text or "").strip():
        return
    inner = "\n" + "  " * (depth + 1)
    node.text = inner
    for child in node:
        indent(child, depth + 1)
        if (child.tail or "").strip():
            return  # mixed content after all: leave the rest as built
        child.tail = inner
    node[-1].tail = "\n" + "  " * depth


def serialise(root: ET.Element) -> str:
    indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
