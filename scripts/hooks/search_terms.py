"""MkDocs hook for the Traditional build: teach jieba the thesis's Traditional words.

Material's search plugin segments with the global jieba; loading a user dictionary here
changes how the pages are indexed.  The dictionary is derived at build time (about a
second) from jieba's own and the generated pages, so it never goes stale.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import jieba

from edition.search_terms import traditional_user_dictionary


def on_config(config, **kwargs):
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(Path(config["docs_dir"]).glob("*.md")))
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as handle:
        handle.write(traditional_user_dictionary(text))
    jieba.load_userdict(handle.name)
    Path(handle.name).unlink()
    return config
