"""The static DTS API walked by a generic client (tests/dts_client.py): every reference
resolved against the URL of the response that carries it, every Level 0 Navigation call
answered.  The files are served at an address of their own (a host and a path prefix the
API does not know), with relative references, and at their site_url, with absolute ones."""
from __future__ import annotations

import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dts_client import TEI_NS, Client
from edition.write.dts import StaticDts

ROOT = Path(__file__).resolve().parents[2]
SERVED_AT = "https://mirror.example/some/prefix/zh-Hant/dts/"
SITE_URL = "https://example.org/edition/zh-Hant/dts/"


def media_type(path: str) -> str:
    return "application/ld+json" if path.endswith(".jsonld") else "application/tei+xml"


def static_host(files: dict[str, str], at: str):
    """fetch(url) over the files as a static host serves them at `at`: 404 for anything else."""
    served = {at + path: text.encode("utf-8") for path, text in files.items()}

    def fetch(url: str) -> tuple[str, bytes]:
        path = urllib.parse.unquote(urllib.parse.urlsplit(url)._replace(query="", fragment="").geturl())
        if path not in served:
            raise FileNotFoundError(f"404: {url}")
        return media_type(path), served[path]
    return fetch


@pytest.fixture(scope="module")
def tei() -> str:
    return (ROOT / "docs" / "text" / "thesis.tei.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("base, served_at", [("", SERVED_AT), (SITE_URL, SITE_URL)], ids=["relative", "site_url"])
def test_a_generic_client_reaches_every_response(tei, base, served_at):
    files = StaticDts(tei, base).write()
    walk = Client(static_host(files, served_at), served_at + "index.jsonld").run()
    assert len(walk.units) > 700 and walk.navigation_calls > 3 * len(walk.units)
    for identifier, body in walk.documents.items():
        wrapper = ET.fromstring(body).find("{https://w3id.org/api/dts#}wrapper")
        assert [child.get("{http://www.w3.org/XML/1998/namespace}id") for child in wrapper] == [identifier]
    assert ET.fromstring(walk.fetched[served_at + "document/thesis.xml"]).tag == f"{{{TEI_NS}}}TEI"
    assert {served_at + path for path in files} == walk.fetched.keys()  # every file, reached by references alone
    if base:  # with site_url every reference is absolute
        assert all(url.startswith(SITE_URL) for url in walk.fetched)


def test_the_walk_fails_on_a_reference_that_reaches_no_file(tei):
    files = StaticDts(tei).write()
    del files["navigation/thesis;down=-1/chapter-2-sec-1.jsonld"]
    with pytest.raises(AssertionError, match="404"):
        Client(static_host(files, SERVED_AT), SERVED_AT + "index.jsonld").run()
