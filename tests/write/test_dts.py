"""The static DTS API as files (write/dts.py), before any server: the citation tree, its
printed pages, and the shapes DTS 1.0 requires.  tests/e2e/test_text_data.py walks it served."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from edition.write.dts import StaticDts

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def api() -> dict[str, dict]:
    tei = (ROOT / "docs" / "text" / "thesis.tei.xml").read_text(encoding="utf-8")
    return {path: (json.loads(text) if path.endswith(".jsonld") else text)
            for path, text in StaticDts(tei).write().items()}


def test_units_carry_the_printed_pages_of_their_part(api, edition):
    top = api["navigation/thesis;down=1.jsonld"]["member"]
    pages = {u["identifier"]: u["dublinCore"]["bibliographicCitation"][0]["value"] for u in top}
    for slug, work in edition.citable().items():
        if slug != "thesis":
            assert pages[slug] == f"原書第 {work.first_page}–{work.last_page} 頁"


def test_every_passage_is_a_unit_under_its_section(api, root):
    import re

    units = {u["identifier"]: u for u in api["navigation/thesis;down=-1.jsonld"]["member"]}
    tei = api["document/thesis.xml"]
    passages = set(re.findall(r'<(?:p|item) xml:id="((?:p|li)-[^"]+)"', tei))
    assert passages <= units.keys() and len(passages) > 550
    assert units["p-2-1-1-1"]["parent"] == "chapter-2-sec-1-1" and units["p-2-1-1-1"]["level"] == 4
    assert units["chapter-2-sec-1"]["citeType"] == "section" and units["chapter-2-sec-1"]["parent"] == "chapter-2"


def test_required_properties(api):
    entry = api["index.jsonld"]
    assert {"@context", "@id", "@type", "dtsVersion", "collection", "navigation", "document"} <= entry.keys()
    resource = api["collection/thesis.jsonld"]
    assert {"@id", "@type", "dtsVersion", "title", "totalParents", "collection", "navigation", "document",
            "citationTrees"} <= resource.keys()
    for path, data in api.items():
        if path.startswith("navigation/"):
            assert data["@type"] == "Navigation" and {"@id", "dtsVersion", "resource"} <= data.keys()
            assert {"@id", "@type", "collection", "navigation", "document", "citationTrees"} <= data["resource"].keys()


def test_fragments_are_wrapped_tei(api):
    fragment = api["document/thesis/table-2-1.xml"]
    assert fragment.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">')
    assert '<dts:wrapper xmlns:dts="https://w3id.org/api/dts#">\n<table xml:id="table-2-1"' in fragment


def test_references_are_relative_to_the_response_that_carries_them():
    from urllib.parse import urljoin

    from edition.write.dts import NAVIGATION, relative_reference

    served = "https://host.example/prefix/dts/"
    for source in ("index.jsonld", "collection/thesis.jsonld", "navigation/thesis;down=1.jsonld",
                   "navigation/thesis;down=-1/chapter-2.jsonld"):
        reference = relative_reference(NAVIGATION, source).replace("{resource}", "thesis")
        expanded = reference.replace("{;down}", ";down=2").replace("{/ref}", "/p-2-1-1-1")
        assert urljoin(served + source, expanded) == served + "navigation/thesis;down=2/p-2-1-1-1.jsonld", source
    assert relative_reference(NAVIGATION, "navigation/thesis/p-1.jsonld") == "../{resource}{;down}{/ref}.jsonld"
    assert relative_reference(NAVIGATION, "navigation/thesis;down=1.jsonld") == "./{resource}{;down}{/ref}.jsonld"
    assert relative_reference("index.jsonld", "index.jsonld") == "index.jsonld"
