"""Typeset one script's thesis.pdf with WeasyPrint.

Deterministic: the creation date is SOURCE_DATE_EPOCH or the commit's date, never the
clock, and the PDF gets no random identifier; the same commit gives the same bytes.
"""
from __future__ import annotations

import logging
import os
import subprocess
import time
import tomllib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pydyf
from weasyprint import CSS, HTML

from edition.script import to_simplified

from .prepare import thesis_document

ROOT = Path(__file__).resolve().parents[2]
STYLESHEET = Path(__file__).with_name("thesis.css")
FIRST_MAIN_SECTION = "chapter-1"  # where the arabic folios start at 1
PASSES = 3  # layouts at most: the first, then up to two moving paragraphs whose notes fell off
# Tagged PDF (headings, lists, tables for screen readers): measured on the Traditional PDF,
# +2 s of CPU (12 → 14 s) and +0.24 MiB (1.41 → 1.64 MiB), about a sixth more of each.
TAGGED = True


@dataclass(frozen=True)
class Typeset:
    path: Path
    seconds: float  # wall clock
    cpu_seconds: float  # this process's CPU time: steady on a machine shared with other work
    pages: int
    front_pages: int  # numbered i, ii, … before chapter 1


def source_date(root: Path = ROOT) -> str:
    """SOURCE_DATE_EPOCH, else the date of the commit, as a W3C date in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        epoch = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True,
                               text=True, check=True).stdout.strip()
    return datetime.fromtimestamp(int(epoch), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def page_labels(front_pages: int):
    """A finisher giving the PDF viewer the printed folios: i, ii, … then 1, 2, …"""
    def finish(document, pdf: pydyf.PDF) -> None:
        pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": pydyf.Array([
            0, pydyf.Dictionary({"S": "/r"}),
            front_pages, pydyf.Dictionary({"S": "/D"}),
        ])})
    return finish


def notes_off_their_page(document) -> frozenset[int]:
    """Notes the layout put on another page than their marker (ids fn:N and fnref:N)."""
    pages: dict[str, dict[str, int]] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            kind, _, number = anchor.partition(":")
            if kind in ("fn", "fnref") and number.isdigit():
                pages.setdefault(number, {})[kind] = index
    return frozenset(int(n) for n, where in pages.items() if where.get("fn") != where.get("fnref"))


def layout(print_page: Path, script: str, metadata: dict, created: str):
    """Lay the thesis out; where WeasyPrint carried a note over to the next page (it cannot
    shorten the page above a long note), start the marker's paragraph on that next page
    and lay it out again.  Fewer pages run short than notes would be misplaced."""
    source = print_page.read_text(encoding="utf-8")
    turn: frozenset[int] = frozenset()
    for _ in range(PASSES):
        document_html = thesis_document(source, metadata, lang=script, created=created, turn_page_for=turn)
        if script == "zh-Hans":
            document_html = to_simplified(document_html)  # the title page and headings added here
        document = HTML(string=document_html, base_url=str(print_page)).render(
            stylesheets=[CSS(filename=str(STYLESHEET))], pdf_tags=TAGGED)
        off = notes_off_their_page(document)
        if not off - turn:
            break
        turn |= off
    return document


def typeset(site: Path, script: str, metadata: dict | None = None, created: str | None = None) -> Typeset:
    start, cpu_start = time.perf_counter(), time.process_time()
    metadata = metadata or tomllib.loads((ROOT / "source" / "metadata.toml").read_text(encoding="utf-8"))
    print_page = site / script / "print_page" / "index.html"
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    document = layout(print_page, script, metadata, created or source_date())
    front_pages = next((i for i, page in enumerate(document.pages) if FIRST_MAIN_SECTION in page.anchors), None)
    if front_pages is None:
        raise ValueError(f"{print_page}: no #{FIRST_MAIN_SECTION} in the typeset pages")
    target = site / script / "thesis.pdf"
    document.write_pdf(target, finisher=page_labels(front_pages), pdf_tags=TAGGED)
    return Typeset(target, time.perf_counter() - start, time.process_time() - cpu_start,
                   len(document.pages), front_pages)
