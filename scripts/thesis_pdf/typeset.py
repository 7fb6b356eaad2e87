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
from weasyprint.formatting_structure import boxes

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
PASSES = 12  # layouts at most: from no stored turns the thesis takes 5 (a section's turns are found one by one)
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
    turns: tuple[str, frozenset[str]]  # what page_turns stores: fingerprint, blocks turned


def page_labels(front_pages: int):
    """A finisher giving the PDF viewer the printed folios: i, ii, … then 1, 2, …"""
    def finish(document, pdf: pydyf.PDF) -> None:
        pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": pydyf.Array([
            0, pydyf.Dictionary({"S": "/r"}),
            front_pages, pydyf.Dictionary({"S": "/D"}),
        ])})
    return finish


def notes_off_their_page(document) -> dict[int, int]:
    """Notes the layout put on another page than their marker (ids fn:N and fnref:N): the
    marker's page index of each."""
    pages: dict[str, dict[str, int]] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            kind, _, number = anchor.partition(":")
            if kind in ("fn", "fnref") and number.isdigit():
                pages.setdefault(number, {})[kind] = index
    return {int(n): where["fnref"] for n, where in pages.items() if "fnref" in where and where.get("fn") != where["fnref"]}


def last_block(page) -> tuple[str | None, str | None]:
    """The name (page_turns.block_key) of the block the page's last line of running text
    belongs to, the one WeasyPrint made room for by carrying the page's last notes over;
    and the id of the outermost section it is in (a chapter, or the part of appendices)."""
    last: tuple[float, list] | None = None

    def walk(box, ancestors: list) -> None:
        nonlocal last
        if isinstance(box, (boxes.FootnoteAreaBox, boxes.MarginBox)) or box.is_absolutely_positioned():
            return  # the notes, the running head and folio, the margin's page numbers
        if box.element is not None and (not ancestors or ancestors[-1] is not box.element):
            ancestors = [*ancestors, box.element]
        if isinstance(box, boxes.LineBox):
            bottom = box.position_y + box.height
            if last is None or bottom >= last[0]:
                last = (bottom, ancestors)
            return
        for child in getattr(box, "children", ()):
            walk(child, ancestors)

    walk(page._page_box, [])
    if last is None:
        return None, None
    section = next((node.get("id") for node in last[1] if node.tag == "section"), None)
    return page_turns.block_key(last[1]), section


def blocks_to_turn(document, turned: frozenset[str]) -> frozenset[str]:
    """The blocks to start on a new page next: in each section, the last block of the first
    page whose notes were carried over.  A turn moves the rest of its section, so the pages
    after it are judged again on the next layout (sections start pages: the others stay)."""
    first: dict[str | None, str] = {}
    for index in sorted(set(notes_off_their_page(document).values())):
        key, section = last_block(document.pages[index])
        if key and key not in turned and section not in first:
            first[section] = key
    return frozenset(first.values())


def render(document_html: str, print_page: Path):
    """One WeasyPrint layout of the thesis document (the costly step: seconds of CPU)."""
    return HTML(string=document_html, base_url=str(print_page)).render(
        stylesheets=[CSS(filename=str(STYLESHEET))], pdf_tags=TAGGED)


def layout(print_page: Path, script: str, metadata: dict, created: str):
    """Lay the thesis out; where WeasyPrint carried notes over to the next page to fit the
    first lines of the page's last block, start that block on the next page and lay it out
    again (page_turns).  The blocks found last time for this same input turn the page from
    the first layout on, so that it is usually the only one.

    Returns the document, the layouts made, and (fingerprint, blocks turned) to store."""
    source = print_page.read_text(encoding="utf-8")

    def document_for(turn: frozenset[str], date: str) -> str:
        document_html = thesis_document(source, metadata, lang=script, created=date, turn_pages_before=turn)
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
        found = blocks_to_turn(document, turn)
        if not found or layouts == PASSES:
            break
        turn |= found
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
