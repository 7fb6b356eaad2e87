"""python -m edition.citations [--root DIR]: the BibTeX of the thesis's notes, printed."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..build import convert
from . import parse_citations
from .bibtex import render_bibtex


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("."))
    args = parser.parse_args(argv)
    print(render_bibtex(parse_citations(convert(args.root).note_texts())), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
