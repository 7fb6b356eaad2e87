"""MkDocs hook: the 原文 ⇄ 校讀 switch of a page with slips, written after its heading.

slips.js made the switch at load and put it after the page's <h1>; an element inserted
among the article's children restyles every element after it (1,774 on chapter 2).
Written here, `hidden`, with its count, it costs
nothing: slips.js only shows it.  The labels are the Traditional ones; the Simplified
build's conversion of the finished page (simplified.py) turns them.  The print page, which
mkdocs-print-site assembles before this hook sees the pages, gets one from print_page.py.
"""
from __future__ import annotations

import posixpath
import re

from offline import hosted_location

SLIP = re.compile(r'<span class="sic"[^>]*\bdata-corr="')
HEADING_END = re.compile(r"</h1>")


def switch_html(errata_href: str, slips: int) -> str:
    return ('<div class="slips-switch" hidden><button type="button" class="slips-switch__button" '
            f'aria-pressed="false" title="顯示校讀（{slips} 處）"><span class="slips-switch__author">原文</span> ⇄ '
            '<span class="slips-switch__reading">校讀</span></button>'
            f'<a class="slips-switch__list" href="{errata_href}">勘誤表</a></div>')


def add_slips_switch(content: str, errata_href: str) -> str:
    """The switch after the first <h1> of a page that has slips; a page without any is left as it is."""
    slips = len(SLIP.findall(content))
    if not slips:
        return content
    heading = HEADING_END.search(content)
    if not heading:
        raise ValueError("a page with slips (span.sic[data-corr]) has no <h1> to put the 原文 ⇄ 校讀 switch after")
    return content[:heading.end()] + switch_html(errata_href, slips) + content[heading.end():]


def on_page_content(html: str, page, **kwargs) -> str:
    # Written for the hosted page's directory URL, as the edition's other raw links are
    # (offline.py points them at files in the offline edition).
    src = page.file.src_uri
    href = posixpath.relpath("errata", hosted_location(src) or ".") + "/"
    try:
        return add_slips_switch(html, href)
    except ValueError as error:
        raise ValueError(f"{src}: {error}") from None
