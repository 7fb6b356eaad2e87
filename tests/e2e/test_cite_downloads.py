"""The citation downloads (cite/*.bib, *.ris, *.json) as a reader of each script gets them.

The Simplified site must offer Simplified files: no Traditional-only Han character, judged
by a second, independent converter (zhconv, MediaWiki's tables), not the edition's own; the
Traditional site the files docs/cite holds, unchanged.  Each file says its script.
"""
from __future__ import annotations

import json
import re

import zhconv

from edition.script.simplified import protected_names

HAN = re.compile(r"[\u3400-\u9fff]")


def traditional_only(text: str) -> list[str]:
    for name in protected_names():
        text = text.replace(name, "")
    return sorted({c for c in HAN.findall(text) if zhconv.convert(c, "zh-cn") != c})


def downloads(built_site, script):
    files = sorted((built_site / script / "cite").glob("*"))
    assert {f.suffix for f in files} == {".bib", ".ris", ".json"} and len(files) >= 37  # 12 parts × 3 formats + the whole list
    return files


def test_simplified_downloads_are_simplified(built_site):
    leftovers = {f.name: traditional_only(f.read_text(encoding="utf-8"))[:10]
                 for f in downloads(built_site, "zh-Hans")}
    assert not {name: chars for name, chars in leftovers.items() if chars}
    # and they were Traditional before conversion: the test can fail
    assert traditional_only((built_site / "zh-Hant" / "cite" / "bibliography.bib").read_text(encoding="utf-8"))


def test_traditional_downloads_are_the_committed_files(built_site, root):
    for f in downloads(built_site, "zh-Hant"):
        assert f.read_bytes() == (root / "docs" / "cite" / f.name).read_bytes(), f.name


def script_stated(path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return {item["language"] for item in json.loads(text)}
    if path.suffix == ".ris":
        return set(re.findall(r"^LA  - (\S+)", text, re.M))
    return set(re.findall(r"^% Script: .*\((zh-Han[st])\)", text, re.M))


def test_each_file_says_its_script(built_site):
    for script in ("zh-Hant", "zh-Hans"):
        for f in downloads(built_site, script):
            assert script_stated(f) == {script}, (script, f.name)


def test_simplified_downloads_keep_keys_and_entries(built_site):
    for name in ("bibliography.bib", "thesis.ris", "chapter-3.json"):
        hant = (built_site / "zh-Hant" / "cite" / name).read_text(encoding="utf-8")
        hans = (built_site / "zh-Hans" / "cite" / name).read_text(encoding="utf-8")
        assert re.findall(r"^@\w+\{([^,]+),", hant, re.M) == re.findall(r"^@\w+\{([^,]+),", hans, re.M)
        assert len(hant.splitlines()) == len(hans.splitlines())
