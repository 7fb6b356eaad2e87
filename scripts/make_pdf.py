"""Typeset the whole thesis as a PDF per script, then check each one by reading it back.

    python scripts/make_pdf.py [SITE_DIR]

WeasyPrint typesets site/<script>/print_page/ as site/<script>/thesis.pdf (see
scripts/thesis_pdf/); the read-back check fails the run when a note is missing, doubled,
out of order or off its marker's page, when a contents page number is wrong, an original
page number missing or stray, a page blank or, in the body, short where no section ends,
or a line opens with a closing mark, a marker or a slip's letter (thesis_pdf/readback.py).
The site links the files as 下載 PDF.

The two scripts are typeset at once, each in its own process (a layout is single-threaded
work, and a machine has two cores or more); the paragraphs that had to turn the page are
stored (thesis_pdf/page_turns.py), so that the next run lays each script out once.
"""
from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from thesis_pdf import page_turns
from thesis_pdf.readback import check
from thesis_pdf.typeset import Typeset, typeset

SCRIPTS = ("zh-Hant", "zh-Hans")


def make_pdf(site: Path, script: str) -> tuple[Typeset, list[str], dict]:
    """Typeset one script's PDF and read it back: (what was made, problems, figures)."""
    made = typeset(site, script)
    problems, figures = check(made.path, site / script / "print_page" / "index.html")
    return made, problems, figures


def make_pdfs(site: Path, store: bool = True) -> dict[str, tuple[Typeset, list[str], dict]]:
    """Both scripts side by side, then (with `store`) the page turns they found stored for the next run."""
    # spawn, not fork: a fresh interpreter per script, whatever threads the caller runs
    with ProcessPoolExecutor(len(SCRIPTS), mp_context=multiprocessing.get_context("spawn")) as pool:
        made = dict(zip(SCRIPTS, pool.map(make_pdf, [site] * len(SCRIPTS), SCRIPTS)))
    if store:
        page_turns.save({script: result[0].turns for script, result in made.items()})
    return made


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    failed = False
    for script, (made, problems, figures) in make_pdfs(site).items():
        print(f"{made.path}: {made.pages} pages ({made.front_pages} front matter), "
              f"{made.path.stat().st_size / 1024 / 1024:.1f} MiB in {made.seconds:.1f} s ({made.cpu_seconds:.1f} s CPU, "
              f"{made.layouts} layout{'s' if made.layouts > 1 else ''}); "
              + "; ".join(f"{k} {v}" for k, v in figures.items()))
        for problem in problems:
            print(f"{made.path}: {problem}", file=sys.stderr)
        failed |= bool(problems)
    if failed:
        sys.exit("the PDF read-back check failed (see above)")


if __name__ == "__main__":
    main()
