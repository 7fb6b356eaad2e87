"""The text as data in the built site, both scripts: the downloads every cite box links,
the media types a client gets, and the DTS API walked as a DTS client walks it."""
from __future__ import annotations

import re
import urllib.request
import xml.etree.ElementTree as ET

import pytest

from dts_client import Client
from tei_reading import TEI, XML_ID, jing

SCRIPTS = ("zh-Hant", "zh-Hans")
DOWNLOAD = re.compile(r'<a download="([^"]+)" href="([^"]+)"|<a href="([^"]+)" download="([^"]+)"')
DTS_WRAPPER = "{https://w3id.org/api/dts#}wrapper"


def downloads(html: str) -> dict[str, str]:
    """name → href of every download link on a page."""
    found = {}
    for a, b, c, d in DOWNLOAD.findall(html):
        found[a or d] = b or c
    return found


@pytest.mark.parametrize("script", SCRIPTS)
def test_every_cite_box_links_text_and_citation_downloads(built_site, edition, script):
    site = built_site / script
    formats = (".tei.xml", ".txt", ".bib", ".ris", ".json")
    for slug in ["thesis", *[s for s in edition.citable() if s != "thesis"]]:
        page = site / ("index.html" if slug == "thesis" else f"{slug}/index.html")
        links = downloads(page.read_text(encoding="utf-8"))
        wanted = {f"{slug}{ext}" for ext in formats} | {f"thesis{ext}" for ext in formats}
        assert wanted <= links.keys(), (script, slug, wanted - links.keys())
        for name in wanted:
            target = (page.parent / links[name]).resolve()
            assert target.is_file() and target.name == name, (script, slug, links[name])
    home = downloads((site / "index.html").read_text(encoding="utf-8"))
    assert {f"{slug}{ext}" for slug in edition.citable() for ext in formats} <= home.keys()


def test_simplified_downloads_are_in_simplified(built_site):
    hant = (built_site / "zh-Hant" / "text" / "chapter-2.txt").read_text(encoding="utf-8")
    hans = (built_site / "zh-Hans" / "text" / "chapter-2.txt").read_text(encoding="utf-8")
    assert hant.count("上海合作組織") > 50 and "上海合作組織" not in hans and hans.count("上海合作组织") > 50
    assert re.findall(r"［p\.\d+］", hant) == re.findall(r"［p\.\d+］", hans)
    assert re.findall(r"［註(\d+)］", hant) == re.findall(r"［注(\d+)］", hans)
    tei = ET.parse(built_site / "zh-Hans" / "text" / "thesis.tei.xml").getroot()
    assert tei.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hans"
    assert "上海合作组织" in "".join(tei.itertext())


def test_simplified_tei_is_valid_against_tei_all(built_site):
    from tei_schema import fetch

    files = sorted((built_site / "zh-Hans" / "text").glob("*.tei.xml"))
    result = jing(fetch(), *files)
    assert len(files) == 12 and result.returncode == 0 and result.stdout.strip() == "", result.stdout[:2000]


def get(url: str) -> tuple[str, bytes]:
    with urllib.request.urlopen(url) as response:
        return response.headers["Content-Type"], response.read()


def test_media_types_are_the_ones_clients_expect(base_url):
    assert get(base_url + "zh-Hant/dts/index.jsonld")[0] == "application/ld+json"
    assert get(base_url + "zh-Hant/text/thesis.tei.xml")[0] == "application/tei+xml"
    assert get(base_url + "zh-Hant/dts/document/thesis.xml")[0] == "application/tei+xml"
    assert get(base_url + "zh-Hans/text/thesis.txt")[0] == "text/plain; charset=utf-8"
    with urllib.request.urlopen(base_url + "zh-Hans/dts/document/thesis/p-2-1-1-1.xml") as response:
        assert response.headers["Link"] == '</zh-Hans/dts/collection/thesis.jsonld>; rel="collection"'


def check_unit(unit: dict, level: int, parent: str | None) -> None:
    assert unit["@type"] == "CitableUnit" and unit["level"] == level and unit["parent"] == parent
    assert {"identifier", "citeType", "dublinCore"} <= unit.keys()
    assert re.fullmatch(r"原[書书]第 \d+(–\d+)? [頁页]", unit["dublinCore"]["bibliographicCitation"][0]["value"])


@pytest.mark.parametrize("script", SCRIPTS)
def test_dts_walk(base_url, edition, script):
    """A generic client (tests/dts_client.py) over HTTP, from the Entry endpoint's URL only:
    every reference resolved against the response that carries it, every Level 0
    Navigation call of every unit, every unit's Document."""
    walk = Client(get, base_url + f"{script}/dts/index.jsonld").run()
    units = walk.units
    levels = {None: 0}
    for identifier, unit in units.items():  # document order: a parent comes before its children
        check_unit(unit, levels[unit["parent"]] + 1, unit["parent"])
        levels[identifier] = unit["level"]
    tops = [d.slug for d in edition.documents]
    assert [i for i, u in units.items() if u["parent"] is None] == tops
    for identifier, body in walk.documents.items():
        tei = ET.fromstring(body)
        (wrapper,) = tei.findall(DTS_WRAPPER)
        assert tei.tag == f"{TEI}TEI" and [child.get(XML_ID) for child in wrapper] == [identifier]
    paragraphs = [i for i in units if i.startswith(("p-", "li-"))]
    assert len(units) > 700 and len(paragraphs) > 550
