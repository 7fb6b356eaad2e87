"""Every entry of the reference list shows its own work, whatever the hash seed.

mkdocs-bibtex collects the list's bare `@key` references into a set, whose order follows
PYTHONHASHSEED, then replaces them one by one as substrings.  The page is built here
alone (its own small MkDocs config, same plugin, style and hook as the edition) under
several seeds; each entry's visible text is read back from the HTML and checked against
bibliography.bib as read by a second, independent parser (bibtexparser).
"""
from __future__ import annotations

import html as html_lib
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import bibtexparser
import pytest

SEEDS = (0, 1, 2, 3, 42, 1234)


def build_reference_page(root: Path, target: Path, seed: int) -> str:
    """The reference list page, built alone under PYTHONHASHSEED=seed → its HTML."""
    docs = target / "docs"
    docs.mkdir(parents=True)
    (docs / "bibliography.md").write_text((root / "docs" / "bibliography.md").read_text(encoding="utf-8"),
                                          encoding="utf-8")
    config = target / "mkdocs.yml"
    config.write_text(textwrap.dedent(f"""\
        site_name: reference list
        docs_dir: {docs}
        site_dir: {target / "site"}
        theme: {{name: material, language: zh-Hant, font: false}}
        hooks: [{root / "scripts/hooks/reference_list.py"}]
        markdown_extensions: [footnotes, attr_list, md_in_html, toc]
        plugins:
          - bibtex:
              bib_file: {root / "bibliography.bib"}
              csl_file: {root / "source/csl/china-national-standard-gb-t-7714-2015-author-date.csl"}
              bib_by_default: false
        nav: [bibliography.md]
        """), encoding="utf-8")
    env = {"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1",
           "PYTHONHASHSEED": str(seed)}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], cwd=target, check=True,
                   env=env, capture_output=True)
    return (target / "site" / "bibliography" / "index.html").read_text(encoding="utf-8")


def entries_shown(page: str) -> dict[str, str]:
    """Anchor id → the visible text of its list item, without the back-links to the notes."""
    shown = {}
    for match in re.finditer(r'<li><span class="bib-anchor" id="([^"]+)"></span>(.*?)</li>', page, re.S):
        text = re.sub(r'<span class="bib-notes">.*', "", match[2], flags=re.S)
        shown[match[1]] = html_lib.unescape(re.sub(r"<[^>]+>", "", text)).strip()
    return shown


def expected_marks(entry) -> list[str]:
    """What must be visible for an entry: its title (else site or container) and first person."""
    fields = {f.key: f.value for f in entry.fields}
    marks = []
    what = fields.get("title") or fields.get("organization") or fields.get("journal") or fields.get("booktitle")
    if what:
        marks.append(what)
    people = fields.get("author") or fields.get("editor")
    if people:
        marks.append(first_surname(people))
    return marks


def first_surname(names: str) -> str:
    """The first name of a BibTeX name list as the style shows it: CJK or corporate as is,
    a Western person by surname (upper-cased by the style)."""
    first = re.split(r"\s+and\s+", names)[0].strip()
    if first.startswith("{") or re.search(r"[\u4e00-\u9fff]", first):
        return first.strip("{}")
    if "," in first:  # "Surname, Given"
        return first.split(",")[0].strip().upper()
    return re.split(r"[\s.]+", first.strip(". "))[-1].upper()


def comparable(text: str) -> str:
    """Case, spacing and typographic quotes do not matter for recognising a work."""
    return re.sub(r"[\s\"'“”‘’]+", "", text).upper()


@pytest.fixture(scope="module")
def pages(root, tmp_path_factory) -> dict[int, str]:
    return {seed: build_reference_page(root, tmp_path_factory.mktemp(f"seed{seed}"), seed) for seed in SEEDS}


def test_reference_page_is_byte_identical_across_hash_seeds(pages):
    first = pages[SEEDS[0]]
    assert [seed for seed, page in pages.items() if page != first] == []


def test_each_entry_shows_its_own_work_under_every_seed(root, pages):
    library = bibtexparser.parse_string((root / "bibliography.bib").read_text(encoding="utf-8"))
    entries = {entry.key: entry for entry in library.entries}
    for seed, page in pages.items():
        shown = entries_shown(page)
        assert sorted(shown) == sorted(entries), seed
        wrong = {key: shown[key] for key, entry in entries.items()
                 if not all(comparable(mark) in comparable(shown[key]) for mark in expected_marks(entry))}
        assert wrong == {}, f"PYTHONHASHSEED={seed}: entries showing another work's text"
        texts = list(shown.values())
        assert len(set(texts)) == len(texts), f"PYTHONHASHSEED={seed}: two entries show the same text"
        assert not [key for key, text in shown.items() if "@" in text], seed
