"""Benchmarks: conversion and build times (medians of repeated runs), page weight, search index size,
search latency (pasted query → results, once the data has arrived), Lighthouse mobile figures
per kind of page beside plain Material (scripts/lighthouse_bench.py), PDF time as a ratio to one
layout.  Timings live here only: `make test` asserts none of them.

    python scripts/bench.py [--runs N]
    python scripts/bench.py --search-only SITE_DIR   # the search figures of a site built elsewhere
    python scripts/bench.py --builds-only [--runs N] # the build times and their ratio to plain Material

Numbers are medians, and the Simplified build is also given as a ratio to the
Traditional one (what the conversion costs), so they compare across machines.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lighthouse_bench import measure as measure_lighthouse, print_figures as print_lighthouse_figures
from search_probe import measure_search, print_search_figures

ROOT = Path(__file__).resolve().parent.parent


def timed(command: list[str]) -> float:
    return timed_with_cpu(command)[0]


def timed_with_cpu(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds, and CPU seconds of the command and its own children (pandoc): the CPU
    figure does not count what other processes on a shared machine take from it."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--search-only", type=Path, metavar="SITE_DIR")
    parser.add_argument("--builds-only", action="store_true", help="only the build times and the ratio to plain Material")
    args = parser.parse_args()
    if args.search_only:
        print_search_figures(measure_search(args.search_only))
        return
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        if not args.builds_only:
            convert = [timed([python, "-c", "from pathlib import Path; from edition.build import convert, generated_files;"
                                            f" generated_files(convert(Path({str(ROOT)!r})))"]) for _ in range(args.runs)]
            print(f"convert (source → docs), median of {args.runs}: {statistics.median(convert):.2f} s")
        site = Path(tmp)
        bench_builds(site, args.runs)
        if args.builds_only:
            return
        pages = sorted((site / "zh-Hant").rglob("index.html"))
        weights = [p.stat().st_size for p in pages]
        chapter = max(pages, key=lambda p: p.stat().st_size)
        index = site / "zh-Hant" / "search" / "search_index.json"
        index_hans = site / "zh-Hans" / "search" / "search_index.json"
        print(f"HTML pages: {len(pages)}, median page {statistics.median(weights) / 1024:.0f} KiB, "
              f"largest {chapter.parent.name} {chapter.stat().st_size / 1024:.0f} KiB")
        print(f"search index: zh-Hant {index.stat().st_size / 1024:.0f} KiB, zh-Hans {index_hans.stat().st_size / 1024:.0f} KiB")
        print_search_figures(measure_search(site))
        print_lighthouse_figures(measure_lighthouse(site, site / "plain", args.runs), args.runs)
        bench_pdf(site)


def bench_builds(site: Path, runs: int) -> None:
    """Both scripts' builds against a plain Material build of the same docs/, run in turn
    (Traditional, Simplified, plain, and again), so that a shared machine's drift in speed
    falls on all three alike; medians of wall and of CPU seconds.  Each turn starts with an
    empty build cache (edition/build_cache.py), as a first `make site` does: the Simplified
    build reuses only what the Traditional one stored.  A rebuild of unchanged docs/ (the
    cache full) is timed after it, and printed apart."""
    python = sys.executable
    cache = site / "build-cache"
    env = {"EDITION_BUILD_CACHE": str(cache)}
    commands = {
        "zh-Hant": [python, "-m", "mkdocs", "build", "-q", "-d", f"{site}/zh-Hant"],
        "zh-Hans": [python, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.zh-Hans.yml", "-d", f"{site}/zh-Hans"],
        "plain": [python, "-m", "mkdocs", "build", "-q", "-f", plain_config(site), "-d", f"{site}/plain"],
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in [*commands, "zh-Hant again", "zh-Hans again"]}
    for _ in range(runs):
        shutil.rmtree(cache, ignore_errors=True)
        for name, command in commands.items():
            times[name].append(timed_with_cpu(command, env))
        for name in ("zh-Hant", "zh-Hans"):
            times[f"{name} again"].append(timed_with_cpu(commands[name], env))
    wall = {name: statistics.median(t[0] for t in runs_) for name, runs_ in times.items()}
    cpu = {name: statistics.median(t[1] for t in runs_) for name, runs_ in times.items()}
    for name in ("zh-Hant", "zh-Hans"):
        print(f"mkdocs build {name}, median of {runs}: {wall[name]:.2f} s, {cpu[name]:.2f} s CPU "
              f"(rebuilt, the cache full: {wall[name + ' again']:.2f} s, {cpu[name + ' again']:.2f} s CPU)")
    print(f"  zh-Hans ×{wall['zh-Hans'] / wall['zh-Hant']:.2f} of zh-Hant (the OpenCC conversion), "
          f"×{cpu['zh-Hans'] / cpu['zh-Hant']:.2f} in CPU")
    site_index, site_index_cpu = timed_with_cpu([python, "scripts/site_index.py", str(site)])
    plain_wall, plain_cpu = 2 * wall["plain"], 2 * cpu["plain"]
    for label, suffix in (("make site (both builds + entry page)", ""), ("rebuilt, the cache full", " again")):
        edition = wall["zh-Hant" + suffix] + wall["zh-Hans" + suffix] + site_index
        edition_cpu = cpu["zh-Hant" + suffix] + cpu["zh-Hans" + suffix] + site_index_cpu
        print(f"{label} {edition:.2f} s vs two plain Material builds of the same docs {plain_wall:.2f} s: "
              f"ratio {edition / plain_wall:.2f}; in CPU {edition_cpu:.2f} s vs {plain_cpu:.2f} s: "
              f"ratio {edition_cpu / plain_cpu:.2f}")


def plain_config(tmp: Path) -> str:
    """A plain Material build of the same docs/: the theme, its search, our Markdown extensions; no hooks."""
    import yaml

    ours = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    extensions = yaml.safe_load(ours[ours.index("markdown_extensions:"):ours.index("plugins:")])
    config = {"site_name": "plain", "docs_dir": str(ROOT / "docs"), "theme": {"name": "material", "language": "zh-Hant"},
              "plugins": [{"search": {"lang": "zh"}}], **extensions}
    path = tmp / "plain.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return str(path)


def bench_pdf(site: Path) -> None:
    """make pdf (both scripts at once, stored page turns) against one WeasyPrint layout and
    write of the same print page, measured in the same run: a ratio, so machines compare."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import tomllib

    from make_pdf import SCRIPTS, make_pdf, make_pdfs
    from thesis_pdf.prepare import thesis_document
    from thesis_pdf.typeset import render

    print_page = site / "zh-Hant" / "print_page" / "index.html"
    metadata = tomllib.loads((ROOT / "source" / "metadata.toml").read_text(encoding="utf-8"))
    start = time.perf_counter()
    document = render(thesis_document(print_page.read_text(encoding="utf-8"), metadata, lang="zh-Hant",
                                      created="2010-01-01T00:00:00Z"), print_page)
    document.write_pdf(site / "one-layout.pdf")
    one = time.perf_counter() - start
    start = time.perf_counter()
    made = make_pdfs(site, store=False)  # with the committed page turns (stale ones show as 2+ layouts)
    both = time.perf_counter() - start
    for script, (pdf, problems, figures) in made.items():
        on_page = figures["notes on their marker's page"]
        print(f"PDF {script}: {pdf.seconds:.1f} s, {pdf.cpu_seconds:.1f} s CPU, {pdf.layouts} layout(s), "
              f"{pdf.pages} pages, {pdf.path.stat().st_size / 1024 / 1024:.1f} MiB, notes on their marker's page "
              f"{on_page}, read-back problems: {len(problems)}")
    print(f"make pdf (both scripts, read back) {both:.1f} s vs one layout and write of one script {one:.1f} s: "
          f"ratio {both / one:.2f} (target 1.3); the typesetting alone, both at once: "
          f"ratio {max(pdf.seconds for pdf, _p, _f in made.values()) / one:.2f}")
    start = time.perf_counter()
    for script in SCRIPTS:  # as before: one after the other, every page turn found anew
        with _no_stored_turns():
            make_pdf(site, script)
    before = time.perf_counter() - start
    print(f"the same without stored page turns, one script after the other: {before:.1f} s, ratio {before / one:.2f}")


def _no_stored_turns():
    from unittest import mock

    from thesis_pdf import page_turns

    return mock.patch.object(page_turns, "known_turns", lambda *args, **kwargs: None)


if __name__ == "__main__":
    main()
