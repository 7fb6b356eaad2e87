"""A generic DTS 1.0 client, as someone else's tool reads the edition's static API.

It knows only the Entry endpoint's URL.  Every reference a response carries (URI templates,
`download`, a response's own `@id`) is expanded as RFC 6570 says and resolved as RFC 3986
says, against the URL of the response that carries it (`urllib.parse.urljoin`); nothing is
resolved against the Entry endpoint unless the Entry endpoint carries it.  `fetch(url)`
returns (media type, body) or raises; a reference that reaches no file fails the walk.

The walk: Entry → root Collection (children and parents, without and with its id) → each
member's Collection response (the Resource, its children and parents) → Navigation from the root (down=1 … the citation tree's depth,
and -1), then for every unit `ref` alone, with down=0 (its siblings), every down from 1 to
the deepest level below it, and -1 → Document (whole, and every unit).
"""
from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field

CONTEXT = "https://dtsapi.org/context/v1.0.json"
TEI_NS = "http://www.tei-c.org/ns/1.0"
Fetch = Callable[[str], tuple[str, bytes]]


def expand(template: str, **values) -> str:
    """RFC 6570 expansion of the operators DTS templates use: {v}, {/v}, {;v}, {?v}, {&v}
    (level 3; an undefined variable expands to nothing)."""
    def one(match: re.Match) -> str:
        operator, names = match.group(1), match.group(2).split(",")
        defined = [(n, values[n]) for n in names if values.get(n) is not None]
        quote = lambda v: urllib.parse.quote(str(v), safe="")  # noqa: E731
        if operator == "/":
            return "".join(f"/{quote(v)}" for _, v in defined)
        if operator == ";":
            return "".join(f";{n}={quote(v)}" if str(v) else f";{n}" for n, v in defined)
        if operator in "?&" and operator:
            return (operator + "&".join(f"{n}={quote(v)}" for n, v in defined)) if defined else ""
        return ",".join(quote(v) for _, v in defined)
    return re.sub(r"\{([/;?&]?)([\w,]+)\}", one, template)


def depth(structures: list[dict]) -> int:
    """Levels of a citeStructure list (the citation tree's depth)."""
    return max((1 + depth(s.get("citeStructure", [])) for s in structures), default=0)


@dataclass
class Walk:
    """What the walk reached: every URL fetched, and the units by identifier."""
    fetched: dict[str, bytes] = field(default_factory=dict)
    units: dict[str, dict] = field(default_factory=dict)
    navigation_calls: int = 0
    documents: dict[str, bytes] = field(default_factory=dict)


class Client:
    def __init__(self, fetch: Fetch, entry_url: str) -> None:
        self.fetch, self.entry_url = fetch, entry_url
        self.walk = Walk()

    def get(self, url: str, media: str) -> bytes:
        """The body at `url` (each URL fetched once: every response repeats the Resource)."""
        if url not in self.walk.fetched:
            try:
                got, body = self.fetch(url)
            except Exception as error:  # noqa: BLE001 - any failure to fetch fails the walk
                raise AssertionError(f"{url}: {error}") from error
            assert got == media, (url, got)
            self.walk.fetched[url] = body
        return self.walk.fetched[url]

    def json(self, base: str, reference: str) -> tuple[str, dict]:
        """The response at `reference` resolved against `base`, checked as a DTS response."""
        url = urllib.parse.urljoin(base, reference)
        seen = url in self.walk.fetched
        data = json.loads(self.get(url, "application/ld+json"))
        if not seen:
            assert data["@context"] == CONTEXT and data["dtsVersion"] == "1.0", url
            if data["@type"] in ("EntryPoint", "Navigation"):  # their @id is the request's URL
                assert urllib.parse.urljoin(url, data["@id"]) == url, (url, data["@id"])
            self.check_references(url, data)
        return url, data

    def check_references(self, url: str, data: dict) -> None:
        """Every Resource or Collection object inside a response: its templates, expanded
        with its own identifier, and its download resolve against this response's URL."""
        def objects(node):
            if isinstance(node, dict):
                yield node
                for value in node.values():
                    yield from objects(value)
            elif isinstance(node, list):
                for value in node:
                    yield from objects(value)

        for node in objects(data):
            kind = node.get("@type")
            if kind in ("Resource", "Collection") and "collection" in node:
                self.json(url, expand(node["collection"], id=node["@id"]))
            if kind == "Resource":
                rid = node["@id"]
                self.get(urllib.parse.urljoin(url, expand(node["document"], resource=rid)), "application/tei+xml")
                self.json(url, expand(node["navigation"], resource=rid, down=1))
                downloads = node.get("download", [])
                for download in [downloads] if isinstance(downloads, str) else downloads:
                    self.get(urllib.parse.urljoin(url, download), "application/tei+xml")

    def run(self) -> Walk:
        entry_url, entry = self.json(self.entry_url, self.entry_url)
        assert entry["@type"] == "EntryPoint"
        root_url, root = self.json(entry_url, expand(entry["collection"]))
        assert root["@type"] == "Collection" and root["totalParents"] == 0
        assert len(root["member"]) == root["totalChildren"]
        for nav in ("children", "parents"):  # the root without an id, and by its id
            for base, template, values in ((entry_url, entry["collection"], {}),
                                           (root_url, root["collection"], {"id": root["@id"]})):
                _, same = self.json(base, expand(template, nav=nav, **values))
                ids = [m["@id"] for m in same["member"]]  # their references are relative to `same`
                assert same["@id"] == root["@id"] and ids == ([m["@id"] for m in root["member"]] if nav == "children" else [])
        for member in root["member"]:
            resource_url, resource = self.json(root_url, expand(member["collection"], id=member["@id"]))
            assert resource["@type"] == "Resource" and resource["@id"] == member["@id"]
            _, parents = self.json(resource_url, expand(resource["collection"], id=resource["@id"], nav="parents"))
            assert [p["@id"] for p in parents["member"]] == [root["@id"]]
            _, children = self.json(resource_url, expand(resource["collection"], id=resource["@id"], nav="children"))
            assert children["@id"] == resource["@id"] and not children.get("member")
            self.navigate(resource_url, resource)
        return self.walk

    def navigation(self, base: str, resource: dict, **values) -> tuple[str, dict]:
        self.walk.navigation_calls += 1
        url, data = self.json(base, expand(resource["navigation"], resource=resource["@id"], **values))
        assert data["@type"] == "Navigation" and data["resource"]["@id"] == resource["@id"], url
        return url, data

    def navigate(self, resource_url: str, resource: dict) -> None:
        rid = resource["@id"]
        levels = depth(resource["citationTrees"][0]["citeStructure"])
        whole_url, whole = self.navigation(resource_url, resource, down=-1)
        units = whole["member"]
        assert "ref" not in whole and len({u["identifier"] for u in units}) == len(units)
        for down in range(1, levels + 1):
            _, top = self.navigation(resource_url, resource, down=down)
            assert top["member"] == [u for u in units if u["level"] <= down], down
        order = {u["identifier"]: i for i, u in enumerate(units)}
        children: dict[str | None, list[dict]] = {}
        for unit in units:
            children.setdefault(unit["parent"], []).append(unit)

        def subtree(unit: dict, down: int) -> list[dict]:
            below = [unit]
            for child in children.get(unit["identifier"], []):
                if down != 1:
                    below += subtree(child, down - 1 if down > 0 else -1)
                else:
                    below.append(child)
            return below

        def height(unit: dict) -> int:
            return max((1 + height(c) for c in children.get(unit["identifier"], [])), default=0)

        # Each unit through the templates of the response that listed it.
        for unit in units:
            ref = unit["identifier"]
            alone_url, alone = self.navigation(whole_url, whole["resource"], ref=ref)
            assert alone["ref"] == unit and "member" not in alone, ref
            _, siblings = self.navigation(alone_url, alone["resource"], ref=ref, down=0)
            assert siblings["ref"] == unit and siblings["member"] == children[unit["parent"]], ref
            for down in [*range(1, max(1, height(unit)) + 1), -1]:
                _, below = self.navigation(alone_url, alone["resource"], ref=ref, down=down)
                assert below["ref"] == unit and below["member"] == subtree(unit, down), (ref, down)
                assert [order[u["identifier"]] for u in below["member"]] == sorted(
                    order[u["identifier"]] for u in below["member"]), (ref, down)  # document order
            document = urllib.parse.urljoin(alone_url, expand(alone["resource"]["document"], resource=rid, ref=ref))
            self.walk.documents[ref] = self.get(document, "application/tei+xml")
            self.walk.units[ref] = unit
