"""Every internal link of a built site resolves: the site crawled over HTTP on loopback.

    python scripts/link_check.py [SITE_DIR]      (make publish runs it on site/)

A link is an href or src in the HTML of any page (both scripts, the entry page, the print
pages, the 404 pages); its target must answer 200, and its fragment must be an id in the
target page.  Exits 1 and lists the broken links when there is any.  tests/e2e/test_links.py
crawls `make site`'s output the same way, at the root and under a path prefix.
"""
from __future__ import annotations

import sys
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from loopback import serve


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
            if target is None:
                broken.append(f"{page} → {link} (not found)")
            elif fragment and fragment not in target.ids:
                broken.append(f"{page} → {link} (no id {fragment!r})")
    return broken


def html_pages(site: Path) -> list[str]:
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        pages.append(relative.removesuffix("index.html") if relative.endswith("/index.html") else relative)
    return pages


def main(site: Path) -> int:
    base, server = serve(site)
    try:
        pages = html_pages(site)
        broken = crawl(base, pages)
    finally:
        server.shutdown()
    for line in broken:
        print(f"broken link: {line}", file=sys.stderr)
    print(f"{site}: {len(pages)} pages crawled, {len(broken)} broken links")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
