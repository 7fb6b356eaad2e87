"""A static DTS 1.0 API (Level 0) over the edition's TEI: Entry, Collection, Navigation and
Document endpoints as files, so that any static host serves it.

    dts/index.jsonld                                      Entry
    dts/collection.jsonld, collection/{id}.jsonld         Collection: the root, the thesis
      …;nav=children.jsonld, …;nav=parents.jsonld         (children is the default)
    dts/navigation/thesis;down={1…N,-1}.jsonld            Navigation from the root
    dts/navigation/thesis/{ref}.jsonld                    one citable unit alone, and
    dts/navigation/thesis;down={0,1…,-1}/{ref}.jsonld     its siblings, its subtree to each depth
    dts/document/thesis.xml, document/thesis/{ref}.xml    the TEI, whole or one unit

The URI templates are RFC 6570 path-style templates (`navigation/{resource}{;down}{/ref}`,
as the DTS 1.0 specification suggests for static sites).  Every reference a response
carries is relative to that response's own URL (RFC 3986: a client resolves it against the
URL it fetched), or absolute when the site's address is known.  The citation tree is the
TEI's: chapter (or appendix, abstract) → section (nested as the headings nest) →
paragraph, list item, table or figure; each unit's identifier is its xml:id (the site's
anchor) and its dublinCore gives its title and printed pages.

Every valid Level 0 call has its file: `ref` alone, with down=0, with every down from 1 to
the deepest level below the unit (a leaf: down=1, which answers the unit alone) and -1;
from the root every down to the tree's depth and -1.  `start`/`end` ranges are not offered
(Level 0 need not).  A down deeper than the tree answers as the deepest one does; those
calls have no file of their own (there is no end to them).
"""
from __future__ import annotations

import json
import posixpath
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from ..script.simplified import to_simplified
from .tei_xml import TEI_NS

T = f"{{{TEI_NS}}}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
CONTEXT = "https://dtsapi.org/context/v1.0.json"
DTS_WRAPPER_NS = "https://w3id.org/api/dts#"  # as DTS 1.0 names it for <dts:wrapper>
RESOURCE = "thesis"
COLLECTION = "collection{/id}{;nav}.jsonld"
NAVIGATION = "navigation/{resource}{;down}{/ref}.jsonld"
DOCUMENT = "document/{resource}{/ref}.xml"
LEAF_TYPES = {f"{T}p": "paragraph", f"{T}item": "item", f"{T}table": "table", f"{T}figure": "figure"}


@dataclass
class Unit:
    identifier: str
    cite_type: str
    level: int
    parent: str | None
    title: str
    element: ET.Element
    first_page: int = 0
    last_page: int = 0
    children: list["Unit"] = field(default_factory=list)

    @property
    def height(self) -> int:
        return 1 + max((c.height for c in self.children), default=0) if self.children else 0

    def descendants(self, depth: int) -> list["Unit"]:
        """Pre-order, depth first, down to `depth` levels below this unit (-1: all)."""
        out = []
        for child in self.children:
            out.append(child)
            if depth != 1:
                out += child.descendants(depth - 1 if depth > 0 else -1)
        return out


def head_text(node: ET.Element) -> str:
    head = node.find(f"{T}head")
    return "".join(head.itertext()).strip() if head is not None else ""


def citation_tree(root: ET.Element) -> list[Unit]:
    """The top-level units (abstracts, chapters, appendices) with their descendants."""
    text = root.find(f"{T}text")
    units: list[Unit] = []

    def visit(node: ET.Element, parent: Unit | None, level: int) -> None:
        for child in node:
            kind = child.get("type") if child.tag == f"{T}div" else LEAF_TYPES.get(child.tag)
            if child.tag == f"{T}list":
                visit(child, parent, level)
                continue
            if child.tag == f"{T}div" and kind in ("part",):
                visit(child, parent, level)
                continue
            if not kind or not child.get(XML_ID) or kind == "bibliography":
                continue
            unit = Unit(child.get(XML_ID), kind, level, parent.identifier if parent else None,
                        head_text(child), child)
            (parent.children if parent else units).append(unit)
            if child.tag == f"{T}div":
                visit(child, unit, level + 1)

    for section in text:
        visit(section, None, 1)
    assign_pages(text, units)
    return units


def assign_pages(text: ET.Element, units: list[Unit]) -> None:
    """Each unit's printed pages: the page in effect where it starts, to the last it reaches."""
    by_element = {}

    def index(unit: Unit) -> None:
        by_element[unit.element] = unit
        for child in unit.children:
            index(child)

    for unit in units:
        index(unit)
    page = 0

    def walk(node: ET.Element) -> None:
        nonlocal page
        unit = by_element.get(node)
        if unit:
            unit.first_page = page
        for child in node:
            if child.tag == f"{T}pb":
                page = int(child.get("n"))
                if unit and unit.first_page == 0:
                    unit.first_page = page
            walk(child)
        if unit:
            unit.last_page = page
            if not (node.text or "").strip() and len(node) and node[0].tag == f"{T}pb":
                unit.first_page = int(node[0].get("n"))  # the unit opens with its page

    walk(text)


def pages_label(unit: Unit, language: str) -> str:
    pages = str(unit.first_page) if unit.first_page == unit.last_page else f"{unit.first_page}–{unit.last_page}"
    label = "原書第 {} 頁".format(pages)
    return to_simplified(label) if language == "zh-Hans" else label  # the one Simplified conversion


def unit_json(unit: Unit, language: str) -> dict:
    data = {"identifier": unit.identifier, "@type": "CitableUnit", "level": unit.level,
            "parent": unit.parent, "citeType": unit.cite_type}
    metadata = {}
    if unit.title:
        metadata["title"] = [{"lang": language, "value": unit.title}]
    metadata["bibliographicCitation"] = [{"lang": language, "value": pages_label(unit, language)}]
    data["dublinCore"] = metadata
    return data


def cite_structure(units: list[Unit]) -> list[dict]:
    """The CiteStructure declaring every parent type → child type pairing that occurs."""
    def structure(types: dict, unit_list: list[Unit]) -> None:
        for unit in unit_list:
            types.setdefault(unit.cite_type, {})
            structure(types[unit.cite_type], unit.children)

    def as_json(types: dict, seen: tuple = ()) -> list[dict]:
        out = []
        for cite_type, below in types.items():
            item = {"@type": "CiteStructure", "citeType": cite_type}
            if below:
                item["citeStructure"] = as_json(below)
            out.append(item)
        return out

    types: dict = {}
    structure(types, units)
    return as_json(types)


def relative_reference(target: str, source: str) -> str:
    """`target` (a path under dts/, or a URI template whose variables follow a literal path)
    as a reference from the response at `source` (RFC 3986, section 4.2): resolved against
    the URL `source` is served at, it gives `target`'s URL."""
    literal = target.split("{", 1)[0]
    folder = literal.rpartition("/")[0]
    rest = target[len(folder) + 1:] if folder else target
    up = posixpath.relpath(folder or ".", posixpath.dirname(source) or ".")
    if up != ".":
        return f"{up}/{rest}"
    # A first segment that is a variable or holds a colon would read as a scheme: "./".
    return f"./{rest}" if rest.startswith("{") or ":" in rest.split("/", 1)[0] else rest


def dumps(data: dict) -> str:
    """Compact JSON (the API is read by programs; a thousand files add up), one per line."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


class StaticDts:
    """Every file of the API for one TEI document, path (under dts/) → content."""

    def __init__(self, tei: str, base: str = "") -> None:
        self.tei, self.base = tei, base
        self.root = ET.fromstring(tei.encode("utf-8"))
        self.title = self.root.findtext(f"{T}teiHeader/{T}fileDesc/{T}titleStmt/{T}title", "")
        self.language = self.root.get("{http://www.w3.org/XML/1998/namespace}lang", "zh-Hant")
        self.units = citation_tree(self.root)
        self.structure = cite_structure(self.units)
        self.files: dict[str, str] = {}

    def url(self, path: str, source: str) -> str:
        """`path` (under dts/) as the response at `source` refers to it."""
        return self.base + path if self.base else relative_reference(path, source)

    def resource(self, source: str) -> dict:
        return {
            "@id": RESOURCE, "@type": "Resource", "title": self.title,
            "collection": self.url(COLLECTION, source), "navigation": self.url(NAVIGATION, source),
            "document": self.url(DOCUMENT, source), "mediaTypes": ["application/tei+xml"],
            "download": self.url(f"document/{RESOURCE}.xml", source),
            "citationTrees": [{"@type": "CitationTree", "citeStructure": self.structure}],
        }

    def write(self) -> dict[str, str]:
        self.entry()
        self.collections()
        self.navigation()
        self.documents()
        return self.files

    def entry(self) -> None:
        path = "index.jsonld"
        self.files[path] = dumps({
            "@context": CONTEXT, "dtsVersion": "1.0", "@id": self.url(path, path), "@type": "EntryPoint",
            "collection": self.url(COLLECTION, path), "navigation": self.url(NAVIGATION, path),
            "document": self.url(DOCUMENT, path),
        })

    def collections(self) -> None:
        """The root collection (id `edition`, also its default path) and the thesis, each
        with its children (the default, and nav=children) and with its parents."""
        def resource(path: str) -> dict:
            return {**self.resource(path), "totalParents": 1, "totalChildren": 0,
                    "dublinCore": {"title": [{"lang": self.language, "value": self.title}],
                                   "language": [self.language, "en"], "type": ["Text"]}}

        def root(path: str) -> dict:
            return {"@id": "edition", "@type": "Collection", "title": self.title,
                    "collection": self.url(COLLECTION, path), "totalParents": 0, "totalChildren": 1}

        head = {"@context": CONTEXT, "dtsVersion": "1.0"}
        for stem in ("collection", "collection/edition"):
            for nav in ("", ";nav=children", ";nav=parents"):
                path = f"{stem}{nav}.jsonld"
                members = [] if nav == ";nav=parents" else [resource(path)]
                self.files[path] = dumps({**head, **root(path), "member": members})
        for nav in ("", ";nav=children", ";nav=parents"):
            path = f"collection/{RESOURCE}{nav}.jsonld"
            members = {"member": [root(path)]} if nav == ";nav=parents" else {}
            self.files[path] = dumps({**head, **resource(path), **members})

    def navigation_file(self, path: str, ref: Unit | None, members: list[Unit] | None) -> None:
        data = {"@context": CONTEXT, "dtsVersion": "1.0", "@type": "Navigation", "@id": self.url(path, path),
                "resource": self.resource(path)}
        if ref is not None:
            data["ref"] = unit_json(ref, self.language)
        if members is not None:
            data["member"] = [unit_json(u, self.language) for u in members]
        self.files[path] = dumps(data)

    def navigation(self) -> None:
        """From the root: down=1 … the tree's height, and -1.  For each unit: the unit
        alone; down=0, its siblings (itself among them); down=1 … its own height (at least
        1: a leaf's down=1 answers the unit alone, as DTS says) and -1, its subtree."""
        top = Unit("", "", 0, None, "", self.root, children=self.units)
        for down in [*range(1, top.height + 1), -1]:
            self.navigation_file(f"navigation/{RESOURCE};down={down}.jsonld", None, top.descendants(down))
        base = f"navigation/{RESOURCE}"
        for parent in [top, *self.all_units()]:
            for unit in parent.children:
                self.navigation_file(f"{base}/{unit.identifier}.jsonld", unit, None)
                self.navigation_file(f"{base};down=0/{unit.identifier}.jsonld", unit, parent.children)
                for down in [*range(1, max(unit.height, 1) + 1), -1]:
                    self.navigation_file(f"{base};down={down}/{unit.identifier}.jsonld", unit,
                                         [unit] + unit.descendants(down))

    def all_units(self) -> list[Unit]:
        top = Unit("", "", 0, None, "", self.root, children=self.units)
        return top.descendants(-1)

    def documents(self) -> None:
        self.files[f"document/{RESOURCE}.xml"] = self.tei
        ET.register_namespace("", TEI_NS)
        for unit in self.all_units():
            fragment = ET.tostring(unit.element, encoding="unicode").strip()
            fragment = fragment.split(">", 1)  # drop the repeated namespace declaration
            fragment = fragment[0].replace(f' xmlns="{TEI_NS}"', "") + ">" + fragment[1]
            self.files[f"document/{RESOURCE}/{unit.identifier}.xml"] = (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<TEI xmlns="{TEI_NS}">\n<dts:wrapper xmlns:dts="{DTS_WRAPPER_NS}">\n{fragment}\n</dts:wrapper>\n</TEI>\n')
