"""A few built pages of each script through the W3C Nu HTML Checker (vnu-jar, run on
Debian's Java): no error from the edition's own markup, and none of the kinds the hooks
mend (Material's empty tabindex, mkdocs-print-site's heading-number).  `make audit` checks
every page; this keeps the fixes from coming undone."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from audit import VNU, install, origin  # noqa: E402

PAGES = ("index.html", "chapter-1/index.html", "bibliography/index.html", "tables/index.html")
MENDED = ("for attribute “tabindex”", "“heading-number”")


@pytest.fixture(scope="module")
def messages(built_site):
    install()
    pages = [str(built_site / s / p) for s in ("zh-Hant", "zh-Hans") for p in (*PAGES, "print_page/index.html")]
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *pages],
                            capture_output=True, text=True, check=True)
    return [m for m in json.loads(result.stderr)["messages"] if m.get("type") == "error"]


def test_no_error_from_the_editions_markup(messages):
    ours = [(m["url"].split("/site")[-1], m["message"][:90]) for m in messages
            if origin(m["message"]) == "edition" and "print_page" not in m["url"]]
    assert not ours


def test_mended_attributes_stay_mended(messages):
    assert not [m["message"][:90] for m in messages if any(k in m["message"] for k in MENDED)]


def test_the_checker_can_fail(tmp_path):
    install()  # run alone (make test-fast), no other test has installed the checker
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="zh"><title>x</title><label tabindex="">x</label>', encoding="utf-8")
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", str(bad)],
                            capture_output=True, text=True, check=True)
    assert any("tabindex" in m["message"] for m in json.loads(result.stderr)["messages"])
