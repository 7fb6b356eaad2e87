"""MkDocs hook: show the thesis's own footnote numbers.

Python-Markdown labels a note by its id ([^45] → fn:45) but numbers it by position on the
page (a chapter's first note shows as 1), in the marker, the list and the back-link's
title.  The thesis numbers notes 1–273 through the whole work, and readers cite those
numbers, so the shown number becomes the label again.  The print page prefixes the ids
with the page's name (#chapter-2-fn:45); the patterns allow that.
"""
from __future__ import annotations

import re

REFERENCE = re.compile(r'(<a class="footnote-ref" href="#(?:[\w-]+-)?fn:(\d+)"[^>]*>)\d+(</a>)')
NOTE_ITEM = re.compile(r'<li id="((?:[\w-]+-)?fn:(\d+))">')
BACKLINK = re.compile(r'(<a class="footnote-backref" href="#(?:[\w-]+-)?fnref\d*:(\d+)" title="[^"\d]*)\d+')


def number_footnotes(html: str) -> str:
    html = REFERENCE.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)}", html)
    html = BACKLINK.sub(lambda m: f"{m.group(1)}{m.group(2)}", html)
    return NOTE_ITEM.sub(lambda m: f'<li id="{m.group(1)}" value="{m.group(2)}">', html)


def on_page_content(html: str, **kwargs) -> str:
    return number_footnotes(html)
