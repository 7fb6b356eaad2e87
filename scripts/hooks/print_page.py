"""MkDocs hook: repair the links on the whole-thesis print page.

mkdocs-print-site prefixes the ids it knows (headings, notes) with the page's name,
`#fn:45` → `#chapter-2-fn:45`, and rewrites links to match; the ids the edition writes
as HTML (table-2-1, page-45, bibliography keys) and the notes' <sup id="fnref:45"> keep
their names, so those links break.  Every id in the thesis is unique already, so a link
whose target is missing is pointed at the unprefixed id when that one exists.
"""
from __future__ import annotations

import re
from pathlib import Path

from footnote_numbers import number_footnotes
from passage_links import add_passage_links
from valid_markup import mend

ID = re.compile(r"""\bid=["']([^"']+)["']""")
# The plugin means to prefix every <sup id>, but its pattern only sees a <sup> whose block
# opens with an id of its own (as passages now do): give every marker its own name back.
PREFIXED_MARKER = re.compile(r'<sup id="[\w-]+-(fnref:\d+)"')
HREF = re.compile(r'href="#([^"]+)"')


def repair_links(html: str, prefixes: list[str]) -> str:
    ids = set(ID.findall(html))

    def fix(match: re.Match) -> str:
        target = match.group(1)
        if target in ids:
            return match.group(0)
        for prefix in prefixes:
            if target.startswith(prefix + "-") and target[len(prefix) + 1:] in ids:
                return f'href="#{target[len(prefix) + 1:]}"'
        return match.group(0)

    return HREF.sub(fix, html)


def relative_to_print_page(html: str) -> str:
    """The plugin renders the page as if it stood at the site root (base "/"): it mends the
    head's `//…` links, not the script switch's `//../zh-Hans/print_page/`, nor the base
    Material's search fetches `search/search_index.json` from.  Made relative to print_page/."""
    html = html.replace('href="//', 'href="../')
    return html.replace('"base": "/"', '"base": ".."', 1)


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    page = site / "print_page" / "index.html"
    if not page.exists():
        page = site / "print_page.html"  # the offline edition has no directory URLs
    if page.exists():
        prefixes = sorted({p.stem for p in Path(config["docs_dir"]).glob("*.md")}, key=len, reverse=True)
        html = number_footnotes(page.read_text(encoding="utf-8"))  # the plugin copied them unnumbered
        html = PREFIXED_MARKER.sub(r'<sup id="\1"', html)
        html = mend(repair_links(html, prefixes))  # the plugin renders the nav and sections itself
        # The plugin copied the pages' content before the ¶ links were written into it: written
        # here too, or passage.js adds ~600 at load and the long page relayouts with each batch.
        html = add_passage_links(html)
        if page.parent.name == "print_page":  # not the offline edition's print_page.html at the root
            html = relative_to_print_page(html)
        page.write_text(html, encoding="utf-8")
