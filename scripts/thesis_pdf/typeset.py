"""Typeset one script's thesis.pdf with WeasyPrint.

Deterministic: the creation date is SOURCE_DATE_EPOCH or the commit's date, never the
clock, and the PDF gets no random identifier; the same commit gives the same bytes.
"""
from __future__ import annotations

import logging
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pydyf
from weasyprint import CSS, HTML

from edition.script.simplified import to_simplified
from edition.passes.layout import assign_roles
from edition.read.curated import load_curated
from edition.read.source import read_source
from edition.source_date import source_date_w3c
from edition.source_refs import REFERENCE, as_pages

from . import page_turns
from .prepare import thesis_document

ROOT = Path(__file__).resolve().parents[2]
STYLESHEET = Path(__file__).with_name("thesis.css")
FIRST_MAIN_SECTION = "chapter-1"  # where the arabic folios start at 1
PASSES = 4  # layouts at most: the first, then up to three moving paragraphs whose notes fell off
# (from no stored turns the thesis takes four; when three were the most, the third layout, which
# still found notes off, was written while its new turns were stored: the next run's PDF differed)
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
    layouts: int  # 1 when the stored page turns were current
    turns: tuple[str, frozenset[int]]  # what page_turns stores: fingerprint, paragraphs turned


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


def render(document_html: str, print_page: Path):
    """One WeasyPrint layout of the thesis document (the costly step: seconds of CPU)."""
    return HTML(string=document_html, base_url=str(print_page)).render(
        stylesheets=[CSS(filename=str(STYLESHEET))], pdf_tags=TAGGED)


def layout(print_page: Path, script: str, metadata: dict, created: str):
    """Lay the thesis out; where WeasyPrint carried a note over to the next page (it cannot
    shorten the page above a long note), start the marker's paragraph on that next page
    and lay it out again.  Fewer pages run short than notes would be misplaced.  The
    paragraphs found last time for this same input (page_turns) turn the page from the
    first layout on, so that it is usually the only one.

    Returns the document, the layouts made, and (fingerprint, paragraphs turned) to store."""
    source = print_page.read_text(encoding="utf-8")

    def document_for(turn: frozenset[int], date: str) -> str:
        document_html = thesis_document(source, metadata, lang=script, created=date, turn_page_for=turn)
        if script == "zh-Hans":
            document_html = to_simplified(document_html)  # the title page and headings added here
        return document_html

    # the input without the date, which changes with every commit and moves no line
    print_fingerprint = page_turns.fingerprint(document_for(frozenset(), ""), STYLESHEET)
    turn = page_turns.known_turns(script, print_fingerprint) or frozenset()
    layouts = 0
    while True:  # the turns stored are the ones this document was laid out with, so the next run gives it again
        layouts += 1
        document = render(document_for(turn, created), print_page)
        off = notes_off_their_page(document) - turn
        if not off or layouts == PASSES:
            break
        turn |= off
    return document, layouts, (print_fingerprint, turn)


def notes_for_readers(metadata: dict) -> dict:
    """The title page's notes may refer to source lines ({行 2404}): the PDF's reader is
    given the printed pages instead (edition.source_refs), found by the converter's layout."""
    thesis = metadata["thesis"]
    if not any(REFERENCE.search(value) for key, value in thesis.items() if key.endswith("_note")):
        return metadata
    layout = assign_roles(read_source(ROOT / "source" / "thesis.txt"), load_curated(ROOT / "source"))
    notes = {key: as_pages(value, lambda line: layout.page_of(line).printed)
             for key, value in thesis.items() if key.endswith("_note")}
    return {**metadata, "thesis": {**thesis, **notes}}


def typeset(site: Path, script: str, metadata: dict | None = None, created: str | None = None) -> Typeset:
    start, cpu_start = time.perf_counter(), time.process_time()
    metadata = notes_for_readers(metadata or tomllib.loads((ROOT / "source" / "metadata.toml").read_text(encoding="utf-8")))
    print_page = site / script / "print_page" / "index.html"
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    document, layouts, turns = layout(print_page, script, metadata, created or source_date_w3c())
    front_pages = next((i for i, page in enumerate(document.pages) if FIRST_MAIN_SECTION in page.anchors), None)
    if front_pages is None:
        raise ValueError(f"{print_page}: no #{FIRST_MAIN_SECTION} in the typeset pages")
    target = site / script / "thesis.pdf"
    document.write_pdf(target, finisher=page_labels(front_pages), pdf_tags=TAGGED)
    return Typeset(target, time.perf_counter() - start, time.process_time() - cpu_start,
                   len(document.pages), front_pages, layouts, turns)
