"""MkDocs hook: the offline edition (EDITION_OFFLINE=true, `make offline`), read from file://.

Material's offline plugin turns off directory URLs and inlines the search index; two things
it leaves to us:
- its search worker needs the iframe-worker shim (file:// forbids Web Workers), which it
  links from a CDN: we ship the copy named by EDITION_IFRAME_WORKER inside the build, so no
  request leaves the edition;
- links the edition writes as raw HTML (`../bibliography/#key`, `print_page/`) are written
  for directory URLs: each is resolved as the hosted site would, then pointed at the file.
The hosted build is untouched: without the offline plugin enabled, nothing here runs.
"""
from __future__ import annotations

import os
import posixpath
import re
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

SHIM = "assets/javascripts/iframe-worker-shim.js"
DIRECTORY_HREF = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|#|/)([^"#]*/)(#[^"]*)?"')


def offline(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


@event_priority(100)  # before the offline plugin, which adds the CDN shim only when none is named
def on_config(config, **kwargs):
    if offline(config):
        config.extra["polyfills"] = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in p] + [SHIM]
    return config


def hosted_location(src_uri: str) -> str:
    """The folder a page stands in on the hosted site (directory URLs): "" for the home page."""
    return "" if src_uri == "index.md" else src_uri.removesuffix(".md") + "/"


def file_href(href: str, page_url: str, hosted_location: str) -> str:
    """A directory-style href written for the hosted page at `hosted_location`, as a file link."""
    target = posixpath.normpath(posixpath.join(hosted_location, href))
    if target.startswith(".."):  # the other script's build: only its home page is linked so
        return href + "index.html"
    target = "index.html" if target == "." else target + ".html"
    return posixpath.relpath(target, posixpath.dirname(page_url) or ".")


def on_post_page(output, page, config, **kwargs):
    if not offline(config):
        return output
    hosted = hosted_location(page.file.src_uri)

    def fix(match: re.Match) -> str:
        return f'href="{file_href(match.group(1), page.url, hosted)}{match.group(2) or ""}"'

    return DIRECTORY_HREF.sub(fix, output)


def on_post_build(config, **kwargs):
    if not offline(config):
        return
    source = os.environ.get("EDITION_IFRAME_WORKER", "")
    if not Path(source).is_file():
        raise PluginError(f"offline build: EDITION_IFRAME_WORKER must name the iframe-worker shim, got {source!r}")
    target = Path(config.site_dir) / SHIM
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
