"""MkDocs hook: mend the few invalid attributes the theme and the print page leave, so that
every page passes the W3C Nu HTML Checker (make audit) with nothing from the edition's side.

- Material's nav-item.html writes `tabindex=""` on a section's label when
  navigation.sections is on; an empty tabindex is not an integer (browsers ignore it), so
  it is dropped.
- mkdocs-print-site marks each section with `heading-number="…"`, an attribute HTML does
  not have and nothing reads (its stylesheet and script do not); it is dropped.
What stays is listed by make audit as Material's own markup (autocomplete on its toggles,
which Firefox needs to keep a toggle's state).
"""
from __future__ import annotations

import re

EMPTY_TABINDEX = re.compile(r' tabindex=""')
HEADING_NUMBER = re.compile(r""" heading-number=(["'])[^"']*\1""")


def mend(html: str) -> str:
    return HEADING_NUMBER.sub("", EMPTY_TABINDEX.sub("", html))


def on_post_page(output, **kwargs):
    return mend(output)


def on_post_template(output_content, **kwargs):
    return mend(output_content)  # 404.html
