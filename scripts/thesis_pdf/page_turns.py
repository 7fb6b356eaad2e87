"""Which blocks must turn the page in the PDF, kept from the last `make pdf`.

WeasyPrint 70 sets a block's first lines at the foot of a page even when that means carrying
the page's last notes over to the next one (to keep `orphans` lines together it reports
footnotes until the lines fit: layout/block.py, _linebox_layout).  The fix (typeset.layout)
starts that block, the last one on a page whose notes were carried over, on the next page
and lays the thesis out again: the page loses the block's two lines, not a paragraph, and
its notes come back.  The blocks are known once found: stored here, per script, with a
fingerprint of what was laid out (the document WeasyPrint is given, the stylesheet and
WeasyPrint's version), the next `make pdf` lays each script out once.  When the
fingerprint differs (the text or the style changed) or this machine's fonts break the
pages otherwise, the layout loop runs as before and the file is written anew; a test fails
when the committed file is stale, as it does for docs/.

A block is named by its id, or by the nearest ancestor with an id, its tag and its place
among that ancestor's elements of the tag ("table-3-1 tr 7"): the same names in the tree
prepare.py builds and in the one WeasyPrint parses from it.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from xml.etree import ElementTree as ET

import weasyprint

PATH = Path(__file__).with_name("page-turns.json")
TURN_CLASS = "note-turn"  # thesis.css: break-before: page
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
TURNABLE = ("p", "li", "dt", "dd", "pre", "blockquote", "figure", *HEADINGS)  # page breaks before them work


def block_key(ancestors: list[ET.Element]) -> str | None:
    """The name of the block a line belongs to, from its elements outermost first: a table
    row rather than its cell's paragraph (a page turns between rows), else the innermost block."""
    rows = [i for i, node in enumerate(ancestors) if node.tag == "tr"]
    blocks = [i for i, node in enumerate(ancestors) if node.tag in TURNABLE]
    if not rows and not blocks:
        return None
    index = rows[-1] if rows else blocks[-1]
    block = ancestors[index]
    if block.get("id"):
        return block.get("id")
    named = next((node for node in reversed(ancestors[:index]) if node.get("id")), None)
    if named is None:
        return None
    return f"{named.get('id')} {block.tag} {list(named.iter(block.tag)).index(block)}"


def find_block(root: ET.Element, key: str, ids: dict[str, ET.Element]) -> ET.Element | None:
    name, _, place = key.partition(" ")
    named = ids.get(name)
    if named is None or not place:
        return named
    tag, _, index = place.partition(" ")
    found = list(named.iter(tag))
    return found[int(index)] if index.isdigit() and int(index) < len(found) else None


def turn_blocks(root: ET.Element, keys: frozenset[str]) -> int:
    """Start each named block on a new page, with the headings and page-start markers just
    before it (a heading goes with its text, and so does the original page it begins on).
    Names that no longer match a block are left (the layout loop finds the turns anew)."""
    ids = {node.get("id"): node for node in root.iter() if node.get("id")}
    parents = {child: parent for parent in root.iter() for child in parent}
    turned = 0
    for key in sorted(keys):
        block = find_block(root, key, ids)
        if block is None or block not in parents:
            continue
        siblings = list(parents[block])
        position = siblings.index(block)
        while position and (siblings[position - 1].tag in HEADINGS
                            or "page-start" in (siblings[position - 1].get("class") or "").split()):
            position -= 1
        first = siblings[position]
        first.set("class", " ".join(sorted(set((first.get("class") or "").split()) | {TURN_CLASS})))
        turned += 1
    return turned


def fingerprint(document_html: str, stylesheet: Path) -> str:
    digest = hashlib.sha256()
    for part in (document_html.encode(), stylesheet.read_bytes(), weasyprint.__version__.encode()):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def load(path: Path = PATH) -> dict[str, dict]:
    """{script: {"fingerprint": …, "turn": [block names]}}; nothing when there is no file."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def known_turns(script: str, print_fingerprint: str, path: Path = PATH) -> frozenset[str] | None:
    """The stored blocks for this script, if they were found for this very input."""
    stored = load(path).get(script)
    if stored and stored["fingerprint"] == print_fingerprint:
        return frozenset(stored["turn"])
    return None


def save(found: dict[str, tuple[str, frozenset[str]]], path: Path = PATH) -> bool:
    """Record each script's (fingerprint, turns); True when the file changed."""
    data = load(path)
    for script, (print_fingerprint, turn) in found.items():
        data[script] = {"fingerprint": print_fingerprint, "turn": sorted(turn)}
    text = json.dumps(dict(sorted(data.items())), indent=1, sort_keys=True) + "\n"
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8", newline="\n")
    return True
