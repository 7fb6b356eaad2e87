"""Which paragraphs must turn the page in the PDF, kept from the last `make pdf`.

WeasyPrint cannot shorten a page to make room for a long note, so the first layout of the
thesis carries a few notes over to the next page; the fix (typeset.layout) starts each such
note's paragraph on a new page and lays the thesis out again.  Those paragraphs are known
once found: stored here, per script, with a fingerprint of what was laid out (the document
WeasyPrint is given, the stylesheet and WeasyPrint's version), the next `make pdf` lays each
script out once.  When the fingerprint differs (the text or the style changed) or this
machine's fonts break the pages otherwise, the layout loop runs as before and the file is
written anew; a test fails when the committed file is stale, as it does for docs/.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import weasyprint

PATH = Path(__file__).with_name("page-turns.json")


def fingerprint(document_html: str, stylesheet: Path) -> str:
    digest = hashlib.sha256()
    for part in (document_html.encode(), stylesheet.read_bytes(), weasyprint.__version__.encode()):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def load(path: Path = PATH) -> dict[str, dict]:
    """{script: {"fingerprint": …, "turn": [note numbers]}}; nothing when there is no file."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def known_turns(script: str, print_fingerprint: str, path: Path = PATH) -> frozenset[int] | None:
    """The stored paragraphs for this script, if they were found for this very input."""
    stored = load(path).get(script)
    if stored and stored["fingerprint"] == print_fingerprint:
        return frozenset(stored["turn"])
    return None


def save(found: dict[str, tuple[str, frozenset[int]]], path: Path = PATH) -> bool:
    """Record each script's (fingerprint, turns); True when the file changed."""
    data = load(path)
    for script, (print_fingerprint, turn) in found.items():
        data[script] = {"fingerprint": print_fingerprint, "turn": sorted(turn)}
    text = json.dumps(dict(sorted(data.items())), indent=1, sort_keys=True) + "\n"
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8", newline="\n")
    return True
