"""MkDocs hook: the ¶ link of every citable passage, written into the page at build time.

Made by a script at load, the links cost a long page hundreds of DOM insertions and a
relayout each batch (chapter 2 has 180 passages); in the HTML they cost nothing.  The link
is the page's own (its label from div.passage-cite), and nothing makes them at load any
more.  The print page, which mkdocs-print-site assembles from the pages' content before this
hook sees it, gets them from print_page.py; tests/e2e/test_passages.py checks that every
passage of every page has one.
"""
from __future__ import annotations

import html
import re

LABEL = re.compile(r'data-label-link="([^"]*)"')
PARAGRAPH = re.compile(r'(<p id="((?:p|li)-[\w-]+)"[^>]*>.*?)(</p>)', re.S)
NOTE = re.compile(r'(<li id="(fn:\d+)"[^>]*>.*?)(</p>\s*</li>)', re.S)
FIGURE = re.compile(r'(<figure [^>]*id="((?:table|figure)-[\w-]+)"[^>]*>.*?)(</figcaption>|</figure>)', re.S)


def add_passage_links(content: str) -> str:
    label = LABEL.search(content)
    if not label:
        return content
    title = label.group(1)  # already escaped for an attribute

    def link(match: re.Match) -> str:
        anchor = html.escape(match.group(2), quote=True)
        return (f'{match.group(1)}<a class="passage-link" href="#{anchor}" title="{title}" '
                f'aria-label="{title}">¶</a>{match.group(3)}')

    for pattern in (PARAGRAPH, NOTE, FIGURE):
        content = pattern.sub(link, content)
    return content


def on_page_content(html_content: str, **kwargs) -> str:
    return add_passage_links(html_content)
