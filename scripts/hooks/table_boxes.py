"""MkDocs hook: every table's scroll box written into the page at build time.

Material's content component replaces each `table:not([class])` with its scroll box
(div.md-typeset__scrollwrap > div.md-typeset__table > table) once the page has loaded: a
DOM change in a page already laid out, so a relayout of it (on the print page the 勘誤表
alone has 1,441 cells), and a box that scrolls sideways which the keyboard cannot reach
(axe: scrollable-region-focusable).  Here the box is written as Material writes it, the
table marked `edition-data` so that Material leaves it alone (edition.css gives it
Material's table style), and the box is a region reached by Tab, named by the table's
caption or else by the heading above it (numbered where one heading is over several
tables); its rows are counted for its estimated height while it is far from the screen.
The print page, which mkdocs-print-site assembles before this hook sees the pages, gets
its boxes from print_page.py.
"""
from __future__ import annotations

import html
import re
from collections import Counter

TABLE = re.compile(r"<table>(.*?)</table>", re.S)
LABEL = re.compile(r'<(?:h[1-6]|figcaption) id="([^"]+)"')
HEADERLINK = re.compile(r'<a class="headerlink".*?</a>', re.S)
TAG = re.compile(r"<[^>]+>")


def heading_text(content: str, anchor: str) -> str:
    heading = re.search(rf'<(h[1-6]) id="{re.escape(anchor)}"[^>]*>(.*?)</\1>', content, re.S)
    return html.unescape(TAG.sub("", HEADERLINK.sub("", heading.group(2)))).strip()


def box_tables(content: str) -> str:
    tables = list(TABLE.finditer(content))
    labels, found = [], LABEL.finditer(content)  # one pass: the last heading or caption before each table
    label, ahead = None, next(found, None)
    for table in tables:
        while ahead and ahead.start() < table.start():
            label, ahead = ahead.group(1), next(found, None)
        if label is None:
            raise ValueError(f"a table with no heading or caption above it: {content[table.start():table.start() + 80]!r}")
        labels.append(label)
    totals, seen = Counter(labels), Counter()
    out, done = [], 0
    for table, label in zip(tables, labels):
        rows = table.group(1).count("<tr")  # the box's estimated height while it is far from the screen (edition.css)
        name = f'aria-labelledby="{label}"'
        if totals[label] > 1:  # one heading over several tables: each named apart
            seen[label] += 1
            name = f'aria-label="{html.escape(heading_text(content, label))}（第 {seen[label]} 表，共 {totals[label]} 表）"'
        out.append(content[done:table.start()])
        out.append(f'<div class="md-typeset__scrollwrap" role="region" tabindex="0" {name} style="--rows: {rows}">'
                   f'<div class="md-typeset__table"><table class="edition-data">{table.group(1)}</table></div></div>')
        done = table.end()
    return "".join(out) + content[done:]


def on_page_content(html_content: str, **kwargs) -> str:
    return box_tables(html_content)
