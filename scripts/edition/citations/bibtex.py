"""The works as BibTeX: one entry per work, values in braces, UTF-8."""
from __future__ import annotations

import re

from .records import Citations, FIELD_ORDER, Work


def render_bibtex(citations: Citations) -> str:
    """One entry per distinct work, in order of first citation; values in braces, UTF-8."""
    return BIBTEX_HEADER + "\n".join(render_entry(work) for work in citations.works.values())


# Text outside entries is a comment to BibTeX readers; it must not contain an at sign.
BIBTEX_HEADER = """\
% Generated from the thesis's footnotes by the edition's converter (make docs); do not edit.
% One entry per cited work, read from the notes as they are written.  Corrections go in
% source/citations/overrides.toml (hand readings of single notes, each with its reason),
% or in scripts/edition/citations/ (grammar.py, chinese.py, english.py) when the note grammar
% itself is at fault.
% Script: Traditional Chinese (zh-Hant), as the thesis is written.

"""

# The author writes a dash between title and subtitle as two hyphens (上海合作組織--新安全觀);
# BibTeX would read `--` as an en dash, and a Chinese dash is ——.  Recorded on the reference page.
AUTHOR_DASH = re.compile(r"(?<=\S)\s?--\s?(?=\S)")
TITLE_FIELDS = ("title", "booktitle", "journal")


def with_chinese_dash(value: str) -> str:
    return AUTHOR_DASH.sub("——", value)


def dashes_normalised(citations: Citations) -> int:
    """How many titles had the author's `--` written as ——."""
    return sum(len(AUTHOR_DASH.findall(w.fields.get(n, ""))) for w in citations.works.values()
               for n in TITLE_FIELDS if w.language == "zh")


def render_entry(work: Work) -> str:
    names = [n for n in FIELD_ORDER if work.fields.get(n)]
    names += sorted(n for n in work.fields if n not in FIELD_ORDER and work.fields[n])
    fields = dict(work.fields)
    for name in TITLE_FIELDS:
        if work.language == "zh" and name in fields:
            fields[name] = with_chinese_dash(fields[name])
    lines = [f"  {n} = {{{braced(fields[n])}}}" for n in names]
    return f"@{work.entry_type}{{{work.key},\n" + ",\n".join(lines) + "\n}\n"


def braced(value: str) -> str:
    """The value as is when its braces balance, else without braces."""
    depth = 0
    for ch in value:
        depth += ch == "{"
        depth -= ch == "}"
        if depth < 0:
            break
    return value if depth == 0 else value.replace("{", "").replace("}", "")
