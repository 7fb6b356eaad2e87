"""Every internal link resolves: the built site crawled over HTTP, at the root and under a
path prefix, in both scripts, the entry page, the print pages and the 404 pages.

A link is an href or src in the HTML; its target must answer 200, and its fragment must be
an id in the target page.  What the pages' JavaScript fetches (the search index, the
print page's scripts) is read in a real browser: no request of ours may fail.
"""
from __future__ import annotations

import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from site_build import serve

# Two levels deep; its first part differs from other tests' prefixes, which share the served folder.
PREFIXES = ["", "mirror/edition"]
# Written by `make pdf`, `make epub` and `make offline` after the site is built; the site build alone does not make them.
MADE_LATER = {"thesis.pdf", "thesis.epub", "edition-offline.zip"}


class Links(HTMLParser):
    """hrefs and srcs of a page (not <link rel=canonical/alternate>: they point at twins)
    and the ids it defines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for name in ("href", "src"):
            if attrs.get(name) is not None:
                self.links.append(attrs[name])


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def is_internal(link: str, base: str) -> bool:
    if link.startswith(("mailto:", "javascript:", "data:", "tel:")):
        return False
    target = urlsplit(urljoin(base, link))
    return target.netloc == urlsplit(base).netloc


def crawl(base: str, pages: list[str]) -> list[str]:
    """Broken links of `pages` (paths under `base`), as "page → link (why)"."""
    parsed: dict[str, Links | None] = {}

    def parse(url: str) -> Links | None:
        if url not in parsed:
            status, body = fetch(url)
            if status != 200:
                parsed[url] = None
            else:
                links = Links()
                if url.endswith("/") or url.endswith(".html"):
                    links.feed(body.decode("utf-8", "replace"))
                parsed[url] = links
        return parsed[url]

    broken = []
    for page in pages:
        page_url = base + page
        links = parse(page_url)
        assert links is not None, page_url
        for link in links.links:
            if link.startswith("//"):
                # protocol-relative: "//../zh-Hans/" names a host "..", never one of our pages
                broken.append(f"{page} → {link} (protocol-relative)")
                continue
            if not is_internal(link, base):
                continue
            url, fragment = urldefrag(urljoin(page_url, link))
            if not url.startswith(base):
                broken.append(f"{page} → {link} (outside the site)")
                continue
            target = parse(url)
            if target is None and url.rsplit("/", 1)[-1] in MADE_LATER:
                continue
            if target is None:
                broken.append(f"{page} → {link} (not found)")
            elif fragment and fragment not in target.ids:
                broken.append(f"{page} → {link} (no id {fragment!r})")
    return broken


def html_pages(built_site) -> list[str]:
    pages = []
    for path in sorted(built_site.rglob("*.html")):
        relative = path.relative_to(built_site).as_posix()
        pages.append(relative.removesuffix("index.html") if relative.endswith("/index.html") else relative)
    return pages


@pytest.mark.parametrize("prefix", PREFIXES)
def test_every_internal_link_resolves(built_site, prefix):
    base, server = serve(built_site, prefix)
    try:
        pages = html_pages(built_site)
        assert {"index.html", "zh-Hant/404.html", "zh-Hans/404.html", "zh-Hant/print_page/"} <= set(pages)
        broken = crawl(base, pages)
    finally:
        server.shutdown()
    assert not broken, f"{len(broken)} broken: {broken[:20]}"


PAGES_WITH_SCRIPTS = ["index.html", "{script}/", "{script}/chapter-2/", "{script}/print_page/", "{script}/404.html"]


@pytest.mark.browser
@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("script", ["zh-Hant", "zh-Hans"])
def test_what_the_pages_fetch_resolves(built_site, browser, prefix, script):
    base, server = serve(built_site, prefix)
    failed = []
    context = browser.new_context()
    page = context.new_page()
    page.on("response", lambda r: r.status >= 400 and r.url.startswith(base[:-len(prefix) - 1] if prefix else base)
            and failed.append(f"{r.status} {r.url}"))
    # an aborted request is one a navigation cut short (the entry page redirects), not a broken link
    page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and failed.append(f"{r.failure} {r.url}"))
    try:
        for path in PAGES_WITH_SCRIPTS:
            failed_before = len(failed)
            page.goto(base + path.format(script=script), wait_until="networkidle")
            if path.endswith("/") and not path.endswith("404.html"):
                # the search data is fetched when the search box takes focus (which marks the page
                # edition-search-loading until the worker reports it is ready).  The bound is
                # generous: a loaded machine is slow, and this checks requests, not speed.
                if page.evaluate("() => { const box = document.querySelector('[data-md-component=search-query]');"
                                 " if (box) box.focus(); return !!box; }"):
                    page.wait_for_function("() => !document.documentElement.classList.contains('edition-search-loading')",
                                           timeout=120000)
                    page.wait_for_load_state("networkidle")
            assert len(failed) >= failed_before
    finally:
        context.close()
        server.shutdown()
    assert not failed, failed
