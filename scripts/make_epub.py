"""The EPUB 3 books, one per script, checked before they are kept.

    python scripts/make_epub.py [SITE]     (default site/; run after `make site`)

Writes SITE/zh-Hant/thesis.epub and SITE/zh-Hans/thesis.epub from the model
(edition.write.epub), then runs EPUBCheck and DAISY Ace on each (scripts/epub_check.py)
and fails, removing the book, on any error, warning or violation.  `--no-check` skips the
checkers (the tests run them themselves).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from edition.build import convert
from edition.write.epub.package import write_epub
from epub_check import run_ace, run_epubcheck
from edition.source_date import source_date_w3c

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ("zh-Hant", "zh-Hans")


def make_epubs(site: Path) -> dict[str, Path]:
    edition = convert(ROOT)
    modified = source_date_w3c()
    return {script: write_epub(edition, script, site, site / script / "thesis.epub", modified) for script in SCRIPTS}


def check(book: Path) -> list[str]:
    return [f"EPUBCheck: {p}" for p in run_epubcheck(book)] + [f"Ace: {p}" for p in run_ace(book)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--no-check", action="store_true")
    args = parser.parse_args()
    failed = False
    for script, book in make_epubs(args.site).items():
        problems = [] if args.no_check else check(book)
        for problem in problems:
            print(f"{book}: {problem}", file=sys.stderr)
        if problems:
            book.unlink()
            failed = True
        else:
            checked = "" if args.no_check else ", EPUBCheck and Ace: no problem"
            print(f"wrote {book} ({book.stat().st_size / 2**10:.0f} KiB{checked})")
    if failed:
        raise SystemExit("error: an EPUB failed its checks (see above); it was not kept")


if __name__ == "__main__":
    main()
