"""MkDocs hook: show the thesis's own footnote numbers.

Python-Markdown labels a note by its id ([^45] → fn:45) but numbers it by position on the
page (a chapter's first note shows as 1).  The thesis numbers notes 1–273 through the
whole work, and readers cite those numbers, so the shown number becomes the label again.
"""
from __future__ import annotations

import re

REFERENCE = re.compile(r'(<sup id="fnref:(\d+)"><a class="footnote-ref" href="#fn:\2"[^>]*>)\d+(</a></sup>)')
NOTE_ITEM = re.compile(r'<li id="fn:(\d+)">')


def number_footnotes(html: str) -> str:
    html = REFERENCE.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)}", html)
    return NOTE_ITEM.sub(lambda m: f'<li id="fn:{m.group(1)}" value="{m.group(1)}">', html)


def on_page_content(html: str, **kwargs) -> str:
    return number_footnotes(html)
