"""The text as data in the built site, both scripts: the downloads every cite box links,
the media types a client gets, and the DTS API walked as a DTS client walks it."""
from __future__ import annotations

import json
import re
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import pytest

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


def expand(template: str, **values) -> str:
    """RFC 6570 expansion of the operators the DTS templates use: {v}, {/v}, {;v}, {?v}."""
    def one(match: re.Match) -> str:
        operator, names = match.group(1), match.group(2).split(",")
        defined = [(n, values[n]) for n in names if values.get(n) is not None]
        quote = lambda v: urllib.parse.quote(str(v), safe="")  # noqa: E731
        if operator == "/":
            return "".join(f"/{quote(v)}" for _, v in defined)
        if operator == ";":
            return "".join(f";{n}={quote(v)}" for n, v in defined)
        if operator == "?":
            return ("?" + "&".join(f"{n}={quote(v)}" for n, v in defined)) if defined else ""
        return ",".join(quote(v) for _, v in defined)
    return re.sub(r"\{([/;?]?)([\w,]+)\}", one, template)


class Client:
    """A DTS client that knows only the Entry endpoint's URL."""

    def __init__(self, entry: str) -> None:
        self.entry_url = entry
        self.requests = 0

    def json(self, url: str) -> dict:
        media, body = get(urllib.parse.urljoin(self.entry_url, url))
        assert media == "application/ld+json", url
        self.requests += 1
        data = json.loads(body)
        assert data["@context"] == "https://dtsapi.org/context/v1.0.json" and data["dtsVersion"] == "1.0"
        return data


def check_unit(unit: dict, level: int, parent: str | None) -> None:
    assert unit["@type"] == "CitableUnit" and unit["level"] == level and unit["parent"] == parent
    assert {"identifier", "citeType", "dublinCore"} <= unit.keys()
    assert re.fullmatch(r"原[書书]第 \d+(–\d+)? [頁页]", unit["dublinCore"]["bibliographicCitation"][0]["value"])


@pytest.mark.parametrize("script", SCRIPTS)
def test_dts_walk(base_url, edition, script):
    client = Client(base_url + f"{script}/dts/index.jsonld")
    entry = client.json(client.entry_url)
    assert entry["@type"] == "EntryPoint" and {"collection", "navigation", "document"} <= entry.keys()
    root = client.json(expand(entry["collection"]))
    assert root["@type"] == "Collection" and root["totalParents"] == 0 and root["totalChildren"] == 1
    (member,) = root["member"]
    resource = client.json(expand(member["collection"], id=member["@id"]))
    assert resource["@type"] == "Resource" and resource["@id"] == member["@id"]
    assert {"title", "totalParents", "navigation", "document", "citationTrees"} <= resource.keys()
    rid = resource["@id"]
    parents = client.json(expand(resource["collection"], id=rid, nav="parents"))
    assert [p["@id"] for p in parents["member"]] == [root["@id"]]

    # Navigation at each depth, from the top: down=1 gives the chapters, then each unit's
    # down=1 gives its children, until the leaves.
    top = client.json(expand(resource["navigation"], resource=rid, down=1))
    assert top["@type"] == "Navigation" and top["resource"]["@id"] == rid and "ref" not in top
    walked, queue = [], [(u, 1, None) for u in top["member"]]
    while queue:
        unit, level, parent = queue.pop(0)
        check_unit(unit, level, parent)
        walked.append(unit["identifier"])
        alone = client.json(expand(resource["navigation"], resource=rid, ref=unit["identifier"]))
        assert alone["ref"] == unit and "member" not in alone
        if unit["citeType"] in ("paragraph", "item", "table", "figure"):
            continue
        below = client.json(expand(resource["navigation"], resource=rid, ref=unit["identifier"], down=1))
        assert below["ref"]["identifier"] == unit["identifier"] and below["member"][0] == unit
        queue += [(u, level + 1, unit["identifier"]) for u in below["member"][1:]]
    whole = client.json(expand(resource["navigation"], resource=rid, down=-1))
    assert sorted(u["identifier"] for u in whole["member"]) == sorted(walked)
    tops = [d.slug for d in edition.documents]
    assert [u["identifier"] for u in top["member"]] == tops

    # Document: the whole TEI, and every unit's TEI holding that unit.
    media, body = get(urllib.parse.urljoin(client.entry_url, expand(resource["document"], resource=rid)))
    assert media == "application/tei+xml" and ET.fromstring(body).tag == f"{TEI}TEI"
    for identifier in walked:
        media, body = get(urllib.parse.urljoin(client.entry_url, expand(resource["document"], resource=rid, ref=identifier)))
        tei = ET.fromstring(body)
        (wrapper,) = tei.findall(DTS_WRAPPER)
        assert media == "application/tei+xml" and tei.tag == f"{TEI}TEI"
        assert [child.get(XML_ID) for child in wrapper] == [identifier]
    paragraphs = [i for i in walked if i.startswith(("p-", "li-"))]
    assert len(walked) > 700 and len(paragraphs) > 550
