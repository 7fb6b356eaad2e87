"""Every internal link resolves: `make site`'s output crawled over HTTP (scripts/link_check.py),
at the root and under a path prefix, in both scripts, the entry page, the print pages and
the 404 pages.

A link is an href or src in the HTML; its target must answer 200, and its fragment must be
an id in the target page: the site links no file it does not hold (the PDFs, EPUBs and the
offline zip are linked only by the builds that make them, e.g. `make publish`, which
crawls its own output).  What the pages' JavaScript fetches (the search index, the print
page's scripts) is read in a real browser: no request of ours may fail.
"""
from __future__ import annotations

import pytest

from link_check import crawl, html_pages
from site_build import serve

# Two levels deep; its first part differs from other tests' prefixes, which share the served folder.
PREFIXES = ["", "mirror/edition"]


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
