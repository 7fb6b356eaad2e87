"""MkDocs hook: stamp the build with the source's date (edition/source_date.py), not the clock.

MkDocs dates every page in sitemap.xml, and the gzip header of sitemap.xml.gz, with
SOURCE_DATE_EPOCH when it is set and with the moment of the build otherwise; setting it
first thing makes `mkdocs build` reproducible however it is called.
"""
from __future__ import annotations

from edition.source_date import export_to_environment


def on_config(config):
    export_to_environment()
    return config
