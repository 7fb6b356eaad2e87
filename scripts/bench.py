"""Benchmarks: conversion and build times (medians of repeated runs), page weight, search index size,
PDF typesetting time per script.

    python scripts/bench.py [--runs N]

Numbers are medians, and the Simplified build is also given as a ratio to the
Traditional one (what the conversion costs), so they compare across machines.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        convert = [timed([python, "-c", "from pathlib import Path; from edition.build import convert, generated_files;"
                                        f" generated_files(convert(Path({str(ROOT)!r})))"]) for _ in range(args.runs)]
        hant = [timed([python, "-m", "mkdocs", "build", "-q", "-d", f"{tmp}/zh-Hant"]) for _ in range(args.runs)]
        hans = [timed([python, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.zh-Hans.yml", "-d", f"{tmp}/zh-Hans"])
                for _ in range(args.runs)]
        site = Path(tmp)
        pages = sorted((site / "zh-Hant").rglob("index.html"))
        weights = [p.stat().st_size for p in pages]
        chapter = max(pages, key=lambda p: p.stat().st_size)
        index = site / "zh-Hant" / "search" / "search_index.json"
        index_hans = site / "zh-Hans" / "search" / "search_index.json"
        print(f"convert (source → docs), median of {args.runs}: {statistics.median(convert):.2f} s")
        print(f"mkdocs build zh-Hant, median: {statistics.median(hant):.2f} s")
        print(f"mkdocs build zh-Hans, median: {statistics.median(hans):.2f} s "
              f"(×{statistics.median(hans) / statistics.median(hant):.2f} of zh-Hant: the OpenCC conversion)")
        print(f"HTML pages: {len(pages)}, median page {statistics.median(weights) / 1024:.0f} KiB, "
              f"largest {chapter.parent.name} {chapter.stat().st_size / 1024:.0f} KiB")
        print(f"search index: zh-Hant {index.stat().st_size / 1024:.0f} KiB, zh-Hans {index_hans.stat().st_size / 1024:.0f} KiB")
        bench_pdf(site)


def bench_pdf(site: Path) -> None:
    """One typesetting per script (each takes seconds), with its read-back figures."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from make_pdf import SCRIPTS, make_pdf

    for script in SCRIPTS:
        made, problems, figures = make_pdf(site, script)
        on_page = figures["notes on their marker's page"]
        print(f"PDF {script}: {made.seconds:.1f} s, {made.cpu_seconds:.1f} s CPU (limit 30 s), {made.pages} pages, "
              f"{made.path.stat().st_size / 1024 / 1024:.1f} MiB, notes on their marker's page {on_page}, "
              f"read-back problems: {len(problems)}")


if __name__ == "__main__":
    main()
