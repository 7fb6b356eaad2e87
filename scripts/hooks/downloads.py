"""MkDocs hook: the home page links only the downloads that this build ships.

The PDFs (make pdf), the EPUBs (make epub) and the offline zip (make offline) are made
after the site, and `make site` alone makes none of them.  The converter writes the links
to each in a <span data-download="pdf|epub|offline"> (edition/write/report.py); this hook
keeps the spans named in EDITION_DOWNLOADS (space-separated; the Makefile names what the
command builds, `make publish` all three) as their bare contents, and drops the others,
with the PDF's Google Scholar tag when the PDF is not shipped.  The offline edition holds
none of these files.
"""
from __future__ import annotations

import os
import re

from mkdocs.exceptions import PluginError

from offline import offline

KINDS = ("pdf", "epub", "offline")
SPAN = re.compile(r'<span data-download="([a-z]+)">(.*?)</span>')
PDF_TAG = "citation_pdf_url"


def shipped(config) -> set[str]:
    named = set(os.environ.get("EDITION_DOWNLOADS", "").split())
    if named - set(KINDS):
        raise PluginError(f"EDITION_DOWNLOADS: unknown {sorted(named - set(KINDS))}, expected some of {KINDS}")
    return set() if offline(config) else named


def on_page_markdown(markdown, page, config, **kwargs):
    if page.file.src_uri != "index.md":
        return markdown
    found = SPAN.findall(markdown)
    if sorted(kind for kind, _ in found) != sorted(KINDS):
        raise PluginError(f"index.md: expected one <span data-download> for each of {KINDS}, found "
                          f"{[kind for kind, _ in found]} (run make docs?)")
    ships = shipped(config)
    if "pdf" not in ships and page.meta.get("citation"):
        page.meta["citation"] = [tag for tag in page.meta["citation"] if tag[0] != PDF_TAG]
    return SPAN.sub(lambda match: match[2] if match[1] in ships else "", markdown)
