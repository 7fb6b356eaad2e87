"""MkDocs hook for the Simplified build: convert everything the reader sees.

Markdown is converted before rendering, so headings, the table of contents, notes,
tables and the search index are Simplified; the nav and site name in on_config; the
finished HTML once more, for anything a theme or plugin added after rendering; the print
page and the citation files after the build.  Every file goes through the one call
(edition.script.artefacts.simplified_file: NFC, context rules, OpenCC tw2s, and the
format's script mark), which leaves converted text as it is, so the second pass changes
only what the first did not see.  The pages' and the print page's conversions are kept in
the build cache (build_cache.py), named by the text, the file and the conversion's code
and data: a rebuild converts only what changed.
"""
from __future__ import annotations

from pathlib import Path

from build_cache import cached_conversion
from edition.script.artefacts import simplified_file
from edition.script.simplified import to_simplified


def convert_nav(items):
    converted = []
    for item in items:
        if isinstance(item, dict):
            converted.append({to_simplified(k): convert_nav(v) if isinstance(v, list) else v for k, v in item.items()})
        else:
            converted.append(item)
    return converted


def on_config(config, **kwargs):
    config["site_name"] = to_simplified(config["site_name"])
    config["site_description"] = to_simplified(config["site_description"] or "")
    config["nav"] = convert_nav(config["nav"])
    return config


def converted(config, path: str, text: str) -> str:
    return cached_conversion(config, "simplified-pages", path, text)


def on_page_markdown(markdown, page, config, **kwargs):
    return converted(config, page.file.src_uri, markdown)


def on_post_page(output, page, config, **kwargs):
    return converted(config, page.file.dest_uri, output)


def on_post_template(output_content, template_name, **kwargs):
    return simplified_file(template_name, output_content)  # 404.html and other static templates


def on_post_build(config, **kwargs):
    """The print page is written by mkdocs-print-site after the pages: convert it too; and
    the citation downloads (cite/*.bib, *.ris, *.json), copied as they are from docs/."""
    site = Path(config["site_dir"])
    written = [site / "print_page" / "index.html", *sorted((site / "cite").glob("*"))]
    for path in [p for p in written if p.is_file()]:
        name = path.relative_to(site).as_posix()
        path.write_text(converted(config, name, path.read_text(encoding="utf-8")), encoding="utf-8")
