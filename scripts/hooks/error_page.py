"""MkDocs hook: the 404 page's links are relative to where the page stands.

MkDocs renders error pages with absolute links from site_url's path, or from "/" when
site_url is empty (mkdocs/commands/build.py); the edition sets no site_url and is served
under a prefix per script (`…/zh-Hant/`), so "/assets/…" and the script switch's
"//../zh-Hans/" pointed outside it.  Without site_url, links start from 404.html's own
directory instead; with site_url, MkDocs's absolute links are right and stay.
"""
from __future__ import annotations


def on_template_context(context, template_name, config, **kwargs):
    if template_name == "404.html" and not config.site_url:
        # a copy: mkdocs-print-site keeps the 404 page's context object to render the print
        # page with (print_page.py mends that one)
        return dict(context, base_url=".")
    return context
