"""The converter: source/thesis.txt and the curated data → docs/*.md and the edition report.

    python -m edition.build [--root DIR]

One direction, one step per module, all sharing the model (model.py): read (source, curated)
→ passes (layout → notes → reflow → structure, attach → links) → citations → write.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from .citations import parse_citations, render_bibtex
from .errors import EditionError
from .model import Edition
from .passes.layout import Role, assign_roles
from .passes.links import link
from .passes.notes import parse_notes, resolve_markers
from .passes.reflow import reflow
from .passes.structure import attach, build_documents, record_printed_pages
from .passes.slips import place_slips
from .read.curated import load_curated, verify_against_source
from .read.slips import load_slip_entries, verify_slips
from .read.source import read_source
from .source_refs import check_references
from .script.search_forms import script_map_js
from .write.bibliography import render_bibliography
from .write.cite_formats import DOWNLOADS, citation_cff
from .write.errata import render_errata, render_slip_data
from .write.markdown import render_document
from .write.plain_text import render_plain_texts
from .write.tei import render_tei
from .write.report import render_home, render_line_roles, render_list_of_figures, render_list_of_tables, render_report


def convert(root: Path) -> Edition:
    source = read_source(root / "source" / "thesis.txt")
    curated = load_curated(root / "source")
    verify_against_source(curated, source)
    slip_entries = load_slip_entries(root / "source" / "slips.toml")
    layout = assign_roles(source, curated)
    notes = parse_notes(source, layout, curated.metadata["thesis"]["notes"])
    markers = resolve_markers(source, layout, notes)
    blocks = reflow(source, layout, curated, markers)
    documents = build_documents(blocks)
    attach(documents, notes, curated)
    record_printed_pages(documents, layout)
    link(documents)
    # checked against the source only now, so that a broken source is named for what broke it
    slips = verify_slips(slip_entries, source)
    check_references(referring_texts(curated, slip_entries), lambda n: layout.roles.get(n) in (Role.BODY, Role.NOTE))
    slip_places = place_slips(documents, slips, source, layout, markers)
    citations = parse_citations({number: note.text for number, note in notes.items()},
                                curated.citation_overrides, curated.citation_pinyin)
    return Edition(source, curated, layout, notes, documents, citations, slips, slip_places)


def referring_texts(curated, slip_entries: list[dict]):
    """The curated texts that may refer to source lines ({行 N}): (file, where, text)."""
    for key, value in curated.metadata["thesis"].items():
        if key.endswith("_note"):
            yield "source/metadata.toml", f"thesis.{key}", value
    for figure in curated.figures.values():
        yield f"source/figures/{figure.id}.json", "description", figure.description
    for index, entry in enumerate(slip_entries, start=1):
        yield "source/slips.toml", f"slip {index}.reason", entry["reason"]


def generated_files(edition: Edition) -> dict[str, str]:
    """Every generated file, path relative to the root → content."""
    metadata = edition.curated.metadata
    works = edition.citable()
    files = {}
    for document in edition.documents:
        files[f"docs/{document.slug}.md"] = render_document(document, edition)
    for slug, work in works.items():
        for extension, write_format in DOWNLOADS.items():
            files[f"docs/cite/{slug}.{extension}"] = write_format(metadata, work)
    files["docs/assets/script-map.js"] = script_map_js()
    files["bibliography.bib"] = render_bibtex(edition.citations)
    files["docs/cite/bibliography.bib"] = files["bibliography.bib"]
    files["docs/bibliography.md"] = render_bibliography(edition.citations, edition.documents, edition.curated.renamed_keys)
    files["CITATION.cff"] = citation_cff(metadata, works["thesis"])
    files["docs/index.md"] = render_home(edition)
    files["docs/edition-report.md"] = render_report(edition)
    files["docs/errata.md"] = render_errata(edition)
    files["docs/tables.md"] = render_list_of_tables(edition)
    files["docs/figures.md"] = render_list_of_figures(edition)
    files["docs/data/line-roles.tsv"] = render_line_roles(edition)
    files["docs/data/slips.tsv"] = render_slip_data(edition)
    # The text as data (Traditional, the text of record): TEI and plain text of the whole
    # thesis and of each part.  Committed in docs/ like the Markdown, so that a change in the
    # converter shows in review as a change in the text; the Simplified build converts the
    # plain text (scripts/hooks/text_formats.py), and the DTS API, hundreds of small files,
    # is generated from the TEI at build time instead.
    files["docs/text/thesis.tei.xml"] = render_tei(edition)
    for slug in works:
        if slug != "thesis":
            files[f"docs/text/{slug}.tei.xml"] = render_tei(edition, slug)
    for slug, text in render_plain_texts(edition).items():
        files[f"docs/text/{slug}.txt"] = text
    return files


# Generated files whose names depend on the source (one per chapter, appendix, citable
# part): a rename or a lost chapter must not leave the old file published beside the new.
NUMBERED_OUTPUTS = ("docs/chapter-*.md", "docs/appendix-*.md", "docs/cite/*", "docs/text/*")


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
