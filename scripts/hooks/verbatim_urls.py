"""MkDocs hook: URLs in the formatted reference list show no backslashes.

mkdocs-bibtex hands the entries to pandoc through pybtex, whose BibTeX writer escapes
`_`, `&`, `%`, `#` and `$` in every field, URLs too (`…?id=1\\&cid=2`).  Pandoc then
writes either an autolink with those backslashes kept, or a link whose text is escaped
once more (`[http://…news\\\\\\_center…](http://…news_center…)`); Python-Markdown shows both
backslashes.  Each becomes an autolink of the URL without them.  Hooks run after plugins,
so this sees the entries; our own docs' autolinks carry no backslashes and stay as they are.
"""
from __future__ import annotations

import re

URL_LINK = re.compile(r"\[https?://[^\]\s]*\]\((https?://[^)\s]+)\)")
AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>")
LATEX_ESCAPE = re.compile(r"\\([_&%#$])")


def verbatim(match: re.Match) -> str:
    return "<" + LATEX_ESCAPE.sub(r"\1", match.group(1)) + ">"


def on_page_markdown(markdown, **kwargs):
    return AUTOLINK.sub(verbatim, URL_LINK.sub(verbatim, markdown))
