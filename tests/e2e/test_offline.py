"""The offline edition: `make offline`'s zip, unzipped and read from file:// in headless Chromium."""
import importlib.util
import re
import zipfile

import pytest

from make_offline import ROOT, FOLDER, main as make_offline

# the MkDocs hook, loaded from its file as MkDocs loads it
_spec = importlib.util.spec_from_file_location("offline_hook", ROOT / "scripts" / "hooks" / "offline.py")
offline_hook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(offline_hook)
file_href = offline_hook.file_href
from search_probe import open_search, results, type_query


@pytest.fixture(scope="module")
def offline_folder(tmp_path_factory):
    out = tmp_path_factory.mktemp("offline") / "edition-offline.zip"
    make_offline(out)
    with zipfile.ZipFile(out) as archive:
        archive.extractall(out.parent / "unzipped")
    return out.parent / "unzipped" / FOLDER


@pytest.fixture
def reader(browser):
    """A page that fails the test on any request leaving file:// (CDN, fonts, a server)."""
    context = browser.new_context(locale="zh-TW")
    page = context.new_page()
    outside = []
    page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(("file:", "data:", "blob:", "about:")) else None)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not outside, outside
    assert not errors, errors


def test_directory_links_become_file_links():
    # hrefs the edition writes as raw HTML for the hosted site's directory URLs
    assert file_href("../bibliography/", "chapter-2.html", "chapter-2/") == "bibliography.html"
    assert file_href("print_page/", "index.html", "") == "print_page.html"
    assert file_href("../", "tables.html", "tables/") == "index.html"
    assert file_href("../zh-Hans/", "index.html", "") == "../zh-Hans/index.html"


def test_zip_holds_both_scripts_with_file_links(offline_folder):
    for script in ("zh-Hant", "zh-Hans"):
        chapter = (offline_folder / script / "chapter-2.html").read_text(encoding="utf-8")
        links = set(re.findall(r'href="([^"]+)"', chapter))
        # every link inside the edition names a file, never a folder that file:// would list
        assert not [h for h in links if not h.startswith(("http", "#", "mailto:")) and h.split("#")[0].endswith("/")]
        assert "bibliography.html#zhao2008zhongguo" in links
        assert (offline_folder / script / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index")
        # the cite box's downloads are in the zip (text and citation); the DTS API, for
        # programs over HTTP, is not
        for name in ("text/chapter-2.tei.xml", "text/chapter-2.txt", "text/thesis.tei.xml", "text/thesis.txt",
                     "cite/chapter-2.bib", "cite/chapter-2.ris", "cite/chapter-2.json"):
            assert f'href="{name}"' in chapter and (offline_folder / script / name).is_file(), (script, name)
        assert not (offline_folder / script / "dts").exists()


@pytest.mark.browser
def test_offline_edition_navigates_switches_and_searches(reader, offline_folder):
    page = reader
    page.goto((offline_folder / "index.html").as_uri())
    page.wait_for_url(re.compile(r".*/zh-Hant/index\.html$"))

    # navigation: the sidebar leads to a chapter file, and its notes pop up on hover
    page.locator("nav.md-nav--primary a", has_text="第二章 上海合作組織的形成與發展").first.click()
    page.wait_for_url(re.compile(r".*/zh-Hant/chapter-2\.html$"))
    assert page.locator("h1").inner_text().startswith("第二章")
    page.locator('sup[id="fnref:45"] a').hover()
    page.locator(".md-tooltip2").filter(has_text="傅仁坤").wait_for(state="visible", timeout=5000)

    # the reader's tools: a ¶ link on each passage, the citer on a selection, the dark palette
    assert page.locator("#p-2-1-1-1 > a.passage-link").get_attribute("href") == "#p-2-1-1-1"
    page.locator("#p-2-1-1-1").click(click_count=3)
    page.locator(".passage-popover__cite").wait_for(state="visible")
    page.locator("label.md-header__button[for=__palette_1]").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"

    # the script switch keeps the page and the fragment
    page.goto((offline_folder / "zh-Hant" / "chapter-2.html").as_uri() + "#page-45")
    page.locator("a.script-switch__link").click()
    page.wait_for_url(re.compile(r".*/zh-Hans/chapter-2\.html#page-45$"))
    assert page.locator("h1").inner_text().startswith("第二章 上海合作组织")

    # search, from file://, in the Simplified build: a query typed in Traditional is found
    open_search(page)
    type_query(page, "烏茲別克")
    items = results(page)
    assert items and "乌兹别克" in items[0]["text"]
    hit = page.locator(".md-search-result__item a").first
    target = hit.evaluate("a => a.href")
    assert re.fullmatch(r"file:///.*/zh-Hans/[\w-]+\.html(\?[^#]*)?(#.*)?", target), target
    hit.click()
    page.wait_for_url(target, wait_until="commit")
    page.wait_for_load_state()
    assert "乌兹别克" in page.locator("article").inner_text()


@pytest.mark.browser
def test_offline_slips_switch_is_remembered_and_links_to_the_list(reader, offline_folder):
    page = reader
    page.goto((offline_folder / "zh-Hans" / "chapter-6.html").as_uri())
    mark = page.locator("article .sic").first
    assert mark.inner_text() == "小腼"  # the author's characters, converted, by default
    page.locator(".slips-switch__button").click()
    assert mark.inner_text() == "小觑"
    page.reload()
    assert page.locator("article .sic").first.inner_text() == "小觑"  # remembered from file:// too
    page.locator(".slips-switch__list").click()
    page.wait_for_url(re.compile(r".*/zh-Hans/errata\.html$"))
    assert "勘误表" in page.locator("h1").inner_text()
