from __future__ import annotations

from pathlib import Path

import pytest

from edition.build import convert

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def edition():
    return convert(ROOT)



@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    from site_build import build_site

    return build_site(ROOT, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def base_url(built_site):
    from site_build import serve

    url, server = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from site_build import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-TW")
    page = context.new_page()
    yield page
    context.close()


SITE_FIXTURES = {"built_site", "base_url", "browser", "page"}


def pytest_collection_modifyitems(items):
    """Tests that need the built site (or a browser) are marked `site`: `make test-fast` skips them."""
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)
