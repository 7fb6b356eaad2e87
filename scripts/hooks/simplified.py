"""MkDocs hook for the Simplified build: convert everything the reader sees.

Markdown is converted before rendering, so headings, the table of contents, notes,
tables and the search index are Simplified; the nav and site name in on_config; the
finished HTML once more, for anything a theme or plugin added after rendering.  The
conversion (edition.script.simplified: NFC, context rules, OpenCC tw2s) leaves converted text as it
is, so the second pass changes only what the first did not see.  The pages' and the print
page's conversions are kept in the build cache (build_cache.py): a rebuild converts only
what changed.
"""
from __future__ import annotations

from pathlib import Path

from build_cache import cached_conversion
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


def on_page_markdown(markdown, config, **kwargs):
    return cached_conversion(config, "simplified-pages", markdown)


def on_post_page(output, config, **kwargs):
    return cached_conversion(config, "simplified-pages", output)


def on_post_template(output_content, **kwargs):
    return to_simplified(output_content)  # 404.html and other static templates


def on_post_build(config, **kwargs):
    """The print page is written by mkdocs-print-site after the pages: convert it too; and
    the citation downloads (cite/*.bib, *.ris, *.json), copied as they are from docs/."""
    site = Path(config["site_dir"])
    page = site / "print_page" / "index.html"
    if page.exists():
        converted = cached_conversion(config, "simplified-pages", page.read_text(encoding="utf-8"))
        page.write_text(converted, encoding="utf-8")
    for download in sorted((site / "cite").glob("*")):
        if download.suffix in SCRIPT_MARKS:
            text = to_simplified(download.read_text(encoding="utf-8"))
            download.write_text(mark_simplified(text, download.suffix), encoding="utf-8")


# Each download says which script it is in its format's own way: a BibTeX comment, RIS's
# LA tag, CSL-JSON's "language"; the Traditional files say zh-Hant (edition/write/cite_formats.py).
BIBTEX_SCRIPT = "% Script: Traditional Chinese (zh-Hant), as the thesis is written."
BIBTEX_SCRIPT_HANS = ("% Script: Simplified Chinese (zh-Hans), converted from the Traditional text "
                      "by the edition's Simplified build (OpenCC tw2s and its own rules).")
SCRIPT_MARKS = {
    ".bib": ((BIBTEX_SCRIPT, BIBTEX_SCRIPT_HANS),),
    ".ris": (("LA  - zh-Hant", "LA  - zh-Hans"),),
    ".json": (('"language": "zh-Hant"', '"language": "zh-Hans"'),),
}


def mark_simplified(text: str, suffix: str) -> str:
    for traditional, simplified in SCRIPT_MARKS[suffix]:
        converted = to_simplified(traditional)
        if converted not in text:
            raise ValueError(f"cite download ({suffix}): expected the script mark {traditional!r}")
        text = text.replace(converted, simplified)
    return text
