"""MkDocs hook: tidy what pandoc hands back through mkdocs-bibtex.

Pandoc protects the case of braced BibTeX names with a Markdown span,
`[丁偉 等]{.nocase}`, which Python-Markdown does not know; case means nothing in Chinese,
so the span is reduced to its text, and the "et al." pandoc glues to the name gets the
comma GB/T 7714 writes ("丁偉, 等").  The style's Chinese terms come in Simplified (its
locale is zh-CN); those that occur, 译 (translator) and 编 (editor), get their Traditional form; the
Simplified build converts everything afterwards anyway.  The style upper-cases surnames
(GB/T 7714 allows it for Western persons), and does so to names BibTeX keeps whole as
well: corporate authors and transliterations ("Office of the Secretary of Defense",
"布裏辛斯基(Zbigniew Brzezinski)"), which are put back as written.  URLs: pybtex, through
which mkdocs-bibtex hands the entries to pandoc, escapes `_`, `&`, `%`, `#` and `$` in every
field, URLs too (`news\\_center`, `…?id=1\\&cid=2`), and pandoc keeps the backslashes in the
link it writes; each link is rewritten from its unescaped address.  A whole issue of a
journal (BibTeX @periodical) reaches the style as an article whose journal is its own
title ("俄羅斯東歐中亞研究[J]. 俄羅斯東歐中亞研究(3)"); it is written as GB/T 7714 4.3
writes a serial, the title once, then year(issue).  The Chinese dash (——, for the
author's `--`) comes back as TeX's `------` and is put back.  Hooks run after plugins, so this sees
the formatted entries.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

NOCASE = re.compile(r"\[([^\[\]]*)\]\{\.nocase\}")
URL_LINK = re.compile(r"\[(https?://[^\]\s]+)\]\((https?://[^)\s]+)\)")  # [address](address)
# "李靜杰, 2002. 俄羅斯東歐中亞研究[J]. 俄羅斯東歐中亞研究(3)": the journal repeats the title.
# (pandoc's Markdown may escape the brackets.)
SERIAL_TWICE = re.compile(r"(, (\d{4})[a-z]?\. )([^\s\\\[\]<>]+)(\\?\[J\\?\]\. )\3(?=\\?\()")
# The Chinese dash —— (bibliography.bib) comes back from pybtex as TeX's em dashes, ------.
TEX_DASHES = re.compile(r"(?<=[^\x00-\x7f]|\))------(?=[^\x00-\x7f])")
BIBTEX_ESCAPE = re.compile(r"\\+([_&#%$~])")
NAME_FIELD = re.compile(r"^\s*(?:author|editor|translator)\s*=\s*\{(.*)\},?\s*$", re.M)

CSL_TERMS = {", 译.": ", 譯.", ", 等译.": ", 等譯.", ", 编.": ", 編."}
KEPT_WHOLE: dict[str, str] = {}  # upper-cased form → the name as written


def on_config(config, **kwargs):
    bibtex = config["plugins"].get("bibtex")
    if bibtex is not None:
        bib_file = Path(config.config_file_path).parent / bibtex.config.bib_file
        KEPT_WHOLE.clear()
        KEPT_WHOLE.update(names_kept_whole(bib_file.read_text(encoding="utf-8")))
    return config


def names_kept_whole(bibtex: str) -> dict[str, str]:
    """Braced names with Latin letters in them, by their upper-cased form."""
    names = {}
    for value in NAME_FIELD.findall(bibtex):
        for name in re.split(r"\s+and\s+", value):
            if name.startswith("{") and re.search(r"[a-z]", name):
                names[name.strip("{}").upper()] = name.strip("{}")
    return names


def on_page_markdown(markdown, **kwargs):
    if 'class="bib-anchor"' not in markdown:  # only the reference list holds formatted entries
        return NOCASE.sub(r"\1", markdown)
    markdown = NOCASE.sub(lambda m: re.sub(r"(?<=\S) 等$", ", 等", m[1]), markdown)
    for simplified, traditional in CSL_TERMS.items():
        markdown = markdown.replace(simplified, traditional)
    for upper, written in sorted(KEPT_WHOLE.items(), key=lambda item: -len(item[0])):
        markdown = markdown.replace(upper, written)
    markdown = SERIAL_TWICE.sub(r"\1\3\4\2", markdown)
    markdown = TEX_DASHES.sub("——", markdown)
    return URL_LINK.sub(plain_link, markdown)


def plain_link(match: re.Match) -> str:
    url = BIBTEX_ESCAPE.sub(r"\1", match[2])
    if BIBTEX_ESCAPE.sub(r"\1", match[1]) != url:
        return match[0]
    return f'<a href="{html.escape(url)}">{html.escape(url)}</a>'
