"""MkDocs hook: tidy what pandoc hands back through mkdocs-bibtex.

Pandoc protects the case of braced BibTeX names with a Markdown span,
`[丁偉 等]{.nocase}`, which Python-Markdown does not know; case means nothing in Chinese,
so the span is reduced to its text.  The style's Chinese terms come in Simplified (its
locale is zh-CN); the one that occurs, 译 (translator), is given its Traditional form; the
Simplified build converts everything afterwards anyway.  Hooks run after plugins, so this
sees the formatted entries.
"""
from __future__ import annotations

import re

NOCASE = re.compile(r"\[([^\[\]]*)\]\{\.nocase\}")


CSL_TERMS = {", 译.": ", 譯.", ", 等译.": ", 等譯."}


def on_page_markdown(markdown, **kwargs):
    markdown = NOCASE.sub(r"\1", markdown)
    for simplified, traditional in CSL_TERMS.items():
        markdown = markdown.replace(simplified, traditional)
    return markdown
