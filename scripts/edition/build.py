"""The converter: source/thesis.txt and the curated data → docs/*.md and the edition report.

    python -m edition.build [--root DIR]

One direction, one pass per module: read → layout → notes → reflow → structure → write.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .bibliography import render_bibliography
from .citations import Citations, parse_citations, render_bibtex
from .cite import DOWNLOADS, Work, citation_cff, cite_block, passage_cite_data
from .crossrefs import Targets
from .curated import Curated, load_curated, verify_against_source
from .errors import EditionError
from .layout import Layout, assign_roles
from .model import Document
from .notes import Note, parse_notes, resolve_markers
from .reflow import reflow
from .render import render_document
from .report import render_home, render_line_roles, render_list_of_figures, render_list_of_tables, render_report
from .search_terms import script_map_js
from .source import Source, read_source
from .structure import build_documents


@dataclass
class Edition:
    source: Source
    curated: Curated
    layout: Layout
    notes: dict[int, Note]
    documents: list[Document]
    citations: Citations

    def document(self, slug: str) -> Document:
        return next(d for d in self.documents if d.slug == slug)

    def printed_range(self, document: Document) -> tuple[int, int]:
        lines = [n for block in document.blocks for n in block.lines]
        return self.layout.page_of(min(lines)).printed, self.layout.page_of(max(lines)).printed

    def citable(self) -> dict[str, Work]:
        """The whole thesis (key "thesis") and each chapter and appendix, with printed pages."""
        pages = self.layout.pages
        works = {"thesis": Work("sco2010thesis", "", pages[0].printed, pages[-1].printed)}
        for document in self.documents:
            if document.kind in ("chapter", "appendix"):
                first, last = self.printed_range(document)
                works[document.slug] = Work(f"sco2010{document.slug.replace('-', '')}", document.title, first, last)
        return works


def convert(root: Path) -> Edition:
    source = read_source(root / "source" / "thesis.txt")
    curated = load_curated(root / "source")
    verify_against_source(curated, source)
    layout = assign_roles(source, curated)
    notes = parse_notes(source, layout)
    markers = resolve_markers(source, layout, notes)
    blocks = reflow(source, layout, curated, markers)
    documents = build_documents(blocks)
    citations = parse_citations({number: note.text for number, note in notes.items()}, curated.citation_overrides)
    return Edition(source, curated, layout, notes, documents, citations)


def generated_files(edition: Edition) -> dict[str, str]:
    """Every generated file, path relative to the root → content."""
    captions = {t.anchor: t.caption for t in edition.curated.tables.values()}
    captions.update({f.anchor: f.caption for f in edition.curated.figures.values()})
    targets = Targets.of(edition.documents, captions)
    metadata = edition.curated.metadata
    works = edition.citable()
    files = {}
    for document in edition.documents:
        cite = cite_block(metadata, works[document.slug], document.slug) if document.slug in works else ""
        cite = (cite + "\n" if cite else "") + passage_cite_data(metadata, works[document.slug].part if document.slug in works else "")
        files[f"docs/{document.slug}.md"] = render_document(
            document, edition.notes, edition.curated, targets, cite, edition.citations)
    for slug, work in works.items():
        for extension, write_format in DOWNLOADS.items():
            files[f"docs/cite/{slug}.{extension}"] = write_format(metadata, work)
    files["docs/assets/script-map.js"] = script_map_js()
    files["bibliography.bib"] = render_bibtex(edition.citations)
    files["docs/cite/bibliography.bib"] = files["bibliography.bib"]
    files["docs/bibliography.md"] = render_bibliography(edition.citations, edition.documents)
    files["CITATION.cff"] = citation_cff(metadata, works["thesis"])
    files["docs/index.md"] = render_home(edition)
    files["docs/edition-report.md"] = render_report(edition)
    files["docs/tables.md"] = render_list_of_tables(edition)
    files["docs/figures.md"] = render_list_of_figures(edition)
    files["docs/data/line-roles.tsv"] = render_line_roles(edition)
    return files


# Generated files whose names depend on the source (one per chapter, appendix, citable
# part): a rename or a lost chapter must not leave the old file published beside the new.
NUMBERED_OUTPUTS = ("docs/chapter-*.md", "docs/appendix-*.md", "docs/cite/*")


def stale_files(root: Path, files: dict[str, str]) -> list[Path]:
    produced = {root / relative for relative in files}
    return sorted(path for pattern in NUMBERED_OUTPUTS for path in root.glob(pattern)
                  if path.is_file() and path not in produced)


def write(root: Path, files: dict[str, str]) -> list[Path]:
    """Write every file (called only once all of them are computed) and remove stale ones."""
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8", newline="\n")
    removed = stale_files(root, files)
    for path in removed:
        path.unlink()
    return removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    try:
        edition = convert(args.root)
        files = generated_files(edition)
    except EditionError as error:
        # one line naming file, place and expectation; nothing has been written
        print(f"error: {error}", file=sys.stderr)
        return 1
    removed = write(args.root, files)
    roles = Counter(role.value for role in edition.layout.roles.values())
    print(f"wrote {len(files)} files; {len(edition.notes)} notes; pages {len(edition.layout.pages)}; "
          + ", ".join(f"{k} {v}" for k, v in sorted(roles.items())))
    for path in removed:
        print(f"removed stale {path.relative_to(args.root)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
