"""MkDocs hook: repair the links on the whole-thesis print page.

mkdocs-print-site prefixes the ids it knows (headings, notes) with the page's name,
`#fn:45` → `#chapter-2-fn:45`, and rewrites links to match; the ids the edition writes
as HTML (table-2-1, page-45, bibliography keys) and the notes' <sup id="fnref:45"> keep
their names, so those links break.  Every id in the thesis is unique already, so a link
whose target is missing is pointed at the unprefixed id when that one exists.
"""
from __future__ import annotations

import re
from html import escape
from pathlib import Path

from footnote_numbers import number_footnotes
from passage_links import add_passage_links
from slips_switch import add_slips_switch
from table_boxes import box_tables
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


SIDEBAR_TOC = re.compile(r'<div class="md-sidebar md-sidebar--secondary"[^>]*>.*?(<ul class="md-nav__list")', re.S)
UL_TAG = re.compile(r"<(/?)ul\b")
TOC_NAV_END = re.compile(r"(<nav role='navigation' class='print-page-toc-nav'>.*?)(</nav>)", re.S)
PRINT_SITE_CALLS = re.compile(r'\s*<script type="text/javascript">\s*document\.addEventListener\(\'DOMContentLoaded\', '
                              r"function \(\) \{\s*remove_material_navigation\(\);remove_mkdocs_theme_navigation\(\);"
                              r"generate_toc\(\);\s*\}\)\s*</script>")
PRINT_SITE_SCRIPT = re.compile(r'\s*<script src="[^"]*js/print-site\.js"></script>')
# What print-site.js hid with inline styles (Material's own navigation, tabs and search).
HIDDEN = "<style>.md-sidebar--primary, .md-tabs, .md-search { display: none; }</style>"


def contents_at_build_time(html: str) -> str:
    """What print-site.js did on screen at load, done here: the contents copied from the page's
    own table of contents into #print-page-toc, the site's navigation hidden.  At load it was
    a DOM insertion at the top of the whole thesis, and so a relayout of all of it (≈0.6 s of
    a phone's main thread); the printed PDF never ran it (WeasyPrint runs no script)."""
    toc = SIDEBAR_TOC.search(html)
    calls = PRINT_SITE_CALLS.search(html)
    nav = TOC_NAV_END.search(html)
    if not toc or not calls or not nav:
        raise ValueError("print page: mkdocs-print-site's contents call or contents nav, or Material's table of "
                         "contents, not found (has the plugin or the theme changed its markup?)")
    depth, end = 0, None
    for tag in UL_TAG.finditer(html, toc.start(1)):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            end = html.index(">", tag.end()) + 1
            break
    if end is None:
        raise ValueError("print page: Material's table of contents has no closing </ul>")
    contents = html[toc.start(1):end].replace(' data-md-component="toc"', "", 1)
    html = html[:nav.end(1)] + contents + html[nav.end(1):]
    html = PRINT_SITE_SCRIPT.sub("", PRINT_SITE_CALLS.sub("", html, count=1), count=1)
    return html.replace("</head>", HIDDEN + "\n</head>", 1)


def slips_switch_on_print_page(html: str) -> str:
    """The 原文 ⇄ 校讀 switch after the first section's heading (the contents' heading above it
    is shown in print only), its 勘誤表 link to this page's own section."""
    start = html.find('<section class="print-page" id=')  # the contents' section has no id
    if start < 0:
        raise ValueError('print page: no <section class="print-page" id=…> (has mkdocs-print-site changed its markup?)')
    return html[:start] + add_slips_switch(html[start:], "#errata")


def headings_labelled(html: str, config) -> str:
    """The plugin writes its part headings' permalinks labelled in English ("Permanent link");
    labelled as the pages' own headings are (mkdocs.yml, toc's permalink_title)."""
    title = config["mdx_configs"].get("toc", {}).get("permalink_title", "Permanent link")
    return html.replace("title='Permanent link'", f"title='{escape(title)}'")


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
        html = box_tables(add_passage_links(contents_at_build_time(html)))  # and Material's table boxes
        html = slips_switch_on_print_page(headings_labelled(html, config))
        if page.parent.name == "print_page":  # not the offline edition's print_page.html at the root
            html = relative_to_print_page(html)
        page.write_text(html, encoding="utf-8")


def on_config(config, **kwargs):
    """mkdocs-print-site adds its script to every page (extra_javascript); it only defines the
    functions that the print page called at load, which contents_at_build_time now does: taken
    out where the plugin put it in, so no page loads it."""
    config["extra_javascript"] = [s for s in config["extra_javascript"] if str(s) != "js/print-site.js"]
    return config
