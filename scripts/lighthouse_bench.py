"""Lighthouse (mobile preset) on each kind of page, in both scripts, beside a plain Material
build of the same docs/ — the figures `make bench` prints, never a test.

    python scripts/lighthouse_bench.py SITE_DIR [PLAIN_DIR] [--runs 3]

SITE_DIR holds zh-Hant/ and zh-Hans/ (make site); PLAIN_DIR a plain Material build
(bench.py makes one).  Both are served gzipped on loopback (scripts/loopback.py), as a real
host serves them.  Lighthouse is make audit's (scripts/audit-tools, locked with its whole
tree); it drives Debian's chromium (it never downloads a browser).  The
machine's load average is printed with the figures: compare the ratios, measured in one run.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from loopback import CHROMIUM, serve

VERSION = "12.2.3"  # as scripts/audit-tools/package.json pins it
# One page of each kind; chapter-2 is the longest chapter.
PAGES = {"home": "", "chapter": "chapter-2/", "short chapter": "chapter-6/", "bibliography": "bibliography/",
         "print": "print_page/"}
BREAKDOWN_PAGES = ("chapter", "print")


def lighthouse() -> Path:
    """The Lighthouse CLI that `make audit` uses (scripts/audit-tools, every package pinned by
    its package-lock.json and installed with npm ci), so both measure with one install."""
    from audit import LIGHTHOUSE, install

    install()
    return LIGHTHOUSE


def audit(cli: Path, url: str) -> dict:
    """One Lighthouse run (mobile preset, simulated throttling), reduced to the figures we print."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(["node", str(cli), url, "--quiet", "--output=json", f"--output-path={report}",
                        "--only-categories=performance", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                       check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True)
        lhr = json.loads(report.read_text(encoding="utf-8"))
    audits = lhr["audits"]
    return {
        "performance": round(100 * (lhr["categories"]["performance"]["score"] or 0)),
        "tbt": audits["total-blocking-time"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "kib": audits["total-byte-weight"]["numericValue"] / 1024,
        # Lighthouse's own measure of the machine's speed at the time (higher is faster)
        "benchmark": lhr["environment"]["benchmarkIndex"],
        "main": {item["groupLabel"]: item["duration"] for item in audits["mainthread-work-breakdown"]["details"]["items"]},
        "scripts": {item["url"].rsplit("/", 1)[-1] or item["url"]: item["total"]
                    for item in audits["bootup-time"]["details"]["items"]},
    }


def median_of(results: list[dict]) -> dict:
    """The run with the median blocking time (its breakdown), with each figure's own median."""
    middle = sorted(results, key=lambda r: r["tbt"])[len(results) // 2]
    return {**middle, **{key: statistics.median(r[key] for r in results)
                         for key in ("performance", "lcp", "kib", "benchmark")}}


def measure(site: Path, plain: Path | None, runs: int = 3, pages: dict[str, str] = PAGES) -> dict:
    """Each page's runs are interleaved with the plain build's (edition zh-Hant, zh-Hans, plain,
    then again): a shared machine's speed drifts over minutes, and the ratio is what we compare."""
    cli = lighthouse()
    figures = {"load before": os.getloadavg()}
    servers = {"edition": serve(site, compress=True)}
    if plain is not None:
        servers["plain"] = serve(plain, compress=True)
    try:
        for kind, path in pages.items():
            urls = {("edition", script, kind): f"{servers['edition'][0]}{script}/{path}" for script in ("zh-Hant", "zh-Hans")}
            if plain is not None and (plain / path / "index.html").exists():
                urls[("plain", "zh-Hant", kind)] = f"{servers['plain'][0]}{path}"
            results = {key: [] for key in urls}
            for _ in range(runs):
                for key, url in urls.items():
                    results[key].append(audit(cli, url))
            figures.update({key: median_of(found) for key, found in results.items()})
    finally:
        for _, server in servers.values():
            server.shutdown()
    figures["load after"] = os.getloadavg()
    return figures


def print_figures(figures: dict, runs: int = 3) -> None:
    print(f"Lighthouse {VERSION} mobile, gzip on loopback, median of {runs}; load average before "
          f"{' '.join(f'{x:.1f}' for x in figures['load before'])}, after "
          f"{' '.join(f'{x:.1f}' for x in figures['load after'])} (2 cores); runs interleaved with the plain build's")
    speeds = [v["benchmark"] for k, v in figures.items() if isinstance(k, tuple)]
    print(f"Lighthouse's benchmark index over the runs' medians: {min(speeds):.0f}–{max(speeds):.0f} "
          "(the machine's speed as it measured it; absolute times scale with it, the ratio much less)")
    print("| page | script | perf | TBT ms | LCP s | KiB | plain perf | plain TBT ms | plain LCP s | plain KiB | TBT ÷ plain |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for (build, script, kind), ours in ((k, v) for k, v in figures.items() if isinstance(k, tuple) and k[0] == "edition"):
        plain = figures.get(("plain", "zh-Hant", kind))
        theirs = (f"{plain['performance']:.0f} | {plain['tbt']:.0f} | {plain['lcp'] / 1000:.1f} | {plain['kib']:.0f} | "
                  f"{ours['tbt'] / max(plain['tbt'], 1):.2f}") if plain else "– | – | – | – | –"
        print(f"| {kind} ({PAGES.get(kind, kind)}) | {script} | {ours['performance']:.0f} | {ours['tbt']:.0f} | "
              f"{ours['lcp'] / 1000:.1f} | {ours['kib']:.0f} | {theirs} |")
    for kind in BREAKDOWN_PAGES:
        for build in ("edition", "plain"):
            found = figures.get((build, "zh-Hant", kind))
            if not found:
                continue
            main = ", ".join(f"{label} {ms:.0f}" for label, ms in sorted(found["main"].items(), key=lambda i: -i[1]))
            scripts = ", ".join(f"{name} {ms:.0f}" for name, ms in sorted(found["scripts"].items(), key=lambda i: -i[1])[:5])
            print(f"main thread, {build} zh-Hant {kind} (ms): {main}")
            print(f"  script time by file (ms): {scripts}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("plain", type=Path, nargs="?")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", help="comma-separated kinds, of: " + ", ".join(PAGES))
    args = parser.parse_args()
    pages = {kind: PAGES[kind] for kind in args.pages.split(",")} if args.pages else PAGES
    print_figures(measure(args.site, args.plain, args.runs, pages), args.runs)


if __name__ == "__main__":
    main()
