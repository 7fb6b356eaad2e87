"""`make audit`: the W3C Nu HTML Checker over every page of both scripts, and Lighthouse's
accessibility, best-practices and SEO audits on one page of each kind, mobile and desktop.

    python scripts/audit.py [SITE_DIR] [--no-nu] [--no-lighthouse] [--kinds chapter,bibliography]
                            [--scripts zh-Hant]

Not a test: it reports.  The checkers come from npm, pinned by scripts/audit-tools/package-lock.json
(vnu-jar runs on Debian's Java; Lighthouse drives Debian's chromium, no browser is
downloaded).  Nu messages are counted per page kind and told apart by where they come from:
the edition's own markup (overrides/, scripts/hooks/, the generated Markdown, docs/assets/)
or Material's theme and mkdocs-print-site, which cannot be changed from here (NOT_OURS).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from loopback import serve  # noqa: E402

TOOLS = ROOT / "scripts" / "audit-tools"
VNU = TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = TOOLS / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
SCRIPTS = ("zh-Hant", "zh-Hans")
CATEGORIES = "accessibility,best-practices,seo"
# Messages that come from markup the edition does not write, and why it stays: changing it
# means copying a template of Material's or of mkdocs-print-site whole and keeping it in step.
NOT_OURS = {
    # base.html: <input type="checkbox" autocomplete="off"> on the drawer and search toggles;
    # Firefox would otherwise restore a toggle's state on going back (Material relies on it)
    r"Attribute “autocomplete” is only allowed when the input type is": "material",
    # the print page: Material's toc partial labels the __toc toggle, which mkdocs-print-site's
    # page template leaves out
    r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden": "material",
    # mkdocs-print-site writes its <style> for the print page inside the body
    r"A “style” element in “body” must be the first child": "print-site",
}


def page_kind(path: str) -> str:
    """chapter-3/index.html → chapter; index.html → home; print_page/… → print_page."""
    first = path.split("/")[0]
    if first.endswith(".html"):
        return "home" if first == "index.html" else first.removesuffix(".html")
    return re.sub(r"-\d+$", "", first)


def install() -> None:
    if VNU.exists() and LIGHTHOUSE.exists():
        return
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"}
    # --ignore-scripts: vnu-jar's install script would fetch a Java; Debian's is used instead
    subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--silent"], cwd=TOOLS,
                   env=env, check=True)


def nu_messages(site: Path) -> list[dict]:
    pages = [str(p) for script in SCRIPTS for p in sorted((site / script).rglob("*.html"))]
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *pages],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stderr or result.stdout)["messages"]


def origin(message: str) -> str:
    return next((who for pattern, who in NOT_OURS.items() if re.search(pattern, message)), "edition")


def nu_report(site: Path) -> dict:
    messages = nu_messages(site)
    errors: dict[str, Counter] = defaultdict(Counter)
    pages: Counter = Counter()
    for script in SCRIPTS:
        for path in (site / script).rglob("*.html"):
            pages[page_kind(str(path.relative_to(site / script)))] += 1
    for m in messages:
        if m.get("type") != "error":
            continue
        url = m.get("url", "")
        relative = url.split(f"{site.resolve()}/", 1)[-1].split("/", 1)[-1]
        errors[page_kind(relative)][(origin(m["message"]), m["message"][:140])] += 1
    print("Nu HTML Checker (vnu-jar), errors per page kind (both scripts):")
    for kind in sorted(pages):
        total = sum(errors[kind].values())
        own = sum(n for (o, _), n in errors[kind].items() if o == "edition")
        print(f"  {kind:16} {pages[kind]:3} pages  {total:4} errors ({own} from the edition's markup)")
        for (o, text), n in errors[kind].most_common(8):
            print(f"      {n:4} [{o}] {text}")
    return {kind: dict(counts) for kind, counts in errors.items()}


def lighthouse(url: str, desktop: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        command = [str(LIGHTHOUSE), url, f"--only-categories={CATEGORIES}", "--output=json",
                   f"--output-path={out}", "--quiet", "--chrome-flags=--headless=new --no-sandbox"]
        if desktop:
            command.append("--preset=desktop")
        subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, capture_output=True)
        return json.loads(out.read_text(encoding="utf-8"))


def failed_audits(report: dict) -> list[str]:
    failed = []
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if audit.get("scoreDisplayMode") in ("binary", "numeric") and (audit.get("score") or 0) < 1:
                failed.append(ref["id"])
    return sorted(set(failed))


def kind_pages(site: Path) -> dict[str, str]:
    """One page of each kind, by its path under a script."""
    chosen = {}
    for path in sorted((site / "zh-Hant").rglob("*.html")):
        relative = str(path.relative_to(site / "zh-Hant"))
        chosen.setdefault(page_kind(relative), relative.removesuffix("index.html"))
    return chosen


def lighthouse_report(site: Path, kinds: list[str] | None, scripts: tuple[str, ...] = SCRIPTS) -> dict:
    base, server = serve(site)
    results = {}
    try:
        print("Lighthouse 12.2.3 (accessibility / best-practices / SEO), one page per kind:")
        for kind, path in kind_pages(site).items():
            if kinds and kind not in kinds:
                continue
            for script in scripts:
                for form in ("mobile", "desktop"):
                    report = lighthouse(f"{base}{script}/{path}", form == "desktop")
                    scores = {k: round(100 * (v["score"] or 0)) for k, v in report["categories"].items()}
                    failed = failed_audits(report)
                    results[(kind, script, form)] = (scores, failed)
                    print(f"  {kind:16} {script} {form:7} " + " ".join(f"{k} {v}" for k, v in scores.items())
                          + (f"  failed: {', '.join(failed)}" if failed else ""))
    finally:
        server.shutdown()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", type=Path)
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--no-nu", action="store_true")
    parser.add_argument("--kinds", default="", help="comma-separated page kinds for Lighthouse")
    parser.add_argument("--scripts", default=",".join(SCRIPTS), help="scripts for Lighthouse")
    args = parser.parse_args()
    install()
    if not args.no_nu:
        nu_report(args.site)
    if not args.no_lighthouse:
        lighthouse_report(args.site, [k for k in args.kinds.split(",") if k] or None,
                          tuple(s for s in args.scripts.split(",") if s))


if __name__ == "__main__":
    main()
