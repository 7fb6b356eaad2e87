"""Read the edition's TEI back, independently of the writer: namespaces, text, notes, pages."""
from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parse(path) -> ET.Element:
    return ET.parse(path).getroot()


def reading_text(node: ET.Element) -> str:
    """The text as a reader of the site sees it in the body: a note by its number (its
    words are read separately), tables and figures left out (they are read as blocks)."""
    out = [node.text or ""]
    for child in node:
        if child.tag == f"{TEI}note":
            out.append(child.get("n") or "")
        elif child.tag not in (f"{TEI}table", f"{TEI}figure", f"{TEI}corr"):  # a slip reads as written
            out.append(reading_text(child))
        out.append(child.tail or "")
    return "".join(out)


def note_text(note: ET.Element) -> str:
    """A note's words as written: an author's slip by its <sic>, not the edition's <corr>."""
    out = [note.text or ""]
    for child in note:
        if child.tag != f"{TEI}corr":
            out.append(note_text(child))
        out.append(child.tail or "")
    return "".join(out)


def by_id(root: ET.Element) -> dict[str, ET.Element]:
    return {node.get(XML_ID): node for node in root.iter() if node.get(XML_ID)}


def jing(schema: Path, *files: Path) -> subprocess.CompletedProcess:
    """Jing, the RELAX NG validator (Debian's jing), on the files; its errors on stdout."""
    if not shutil.which("jing"):
        if os.environ.get("CI"):
            pytest.fail("jing is not installed (make chromium installs it)")
        pytest.skip("jing is not installed (make chromium installs it)")
    return subprocess.run(["jing", str(schema), *map(str, files)], capture_output=True, text=True)
