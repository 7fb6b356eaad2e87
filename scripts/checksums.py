"""Write SITE/SHA256SUMS: the SHA-256 of every file the site holds, for `sha256sum -c`.

    python scripts/checksums.py [SITE_DIR]

Run last by each target that adds to site/ (make site, pdf, offline), so that the list
always names what is there; two builds of the same commit give the same list, which is
the quickest way to compare them (and the reproducibility test does).
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

NAME = "SHA256SUMS"


def checksums(site: Path) -> str:
    """`sha256sum`'s format, paths relative to the site, in byte order of the paths."""
    files = sorted((p for p in site.rglob("*") if p.is_file() and p.name != NAME),
                   key=lambda p: p.relative_to(site).as_posix().encode())
    return "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(site).as_posix()}\n"
                   for p in files)


def main(site: Path) -> None:
    (site / NAME).write_text(checksums(site), encoding="utf-8", newline="\n")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
