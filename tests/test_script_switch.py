"""Traditional ⇄ Simplified: two sibling builds, switched in place, in a real browser."""
import re

import pytest

from edition.script import MARKED_TRADITIONAL, protected_names, to_simplified

PAGES = ["chapter-1/#fn:20", "chapter-2/#page-45", "chapter-2/#table-2-3", "appendix-2/#article-5"]


def test_protected_names_survive_conversion():
    assert to_simplified("王汎森與上海合作組織", names=("王汎森",)) == "王汎森与上海合作组织"
    assert to_simplified("\uf98e") == "年"  # NFC before OpenCC


def test_both_builds_have_the_same_pages(built_site):
    def pages(script):
        return sorted(str(p.relative_to(built_site / script)) for p in (built_site / script).rglob("*.html"))

    assert pages("zh-Hant") == pages("zh-Hans") and len(pages("zh-Hant")) > 14


def test_simplified_site_has_nothing_left_to_convert(built_site):
    names = protected_names()
    leftovers = {}
    for path in (built_site / "zh-Hans").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for name in names:
            text = text.replace(name, "")
        text = MARKED_TRADITIONAL.sub("", text)  # quoted Traditional characters, kept on purpose
        text = re.sub(r"[\x00-\x7f]+", " ", text)  # markup and URLs
        converted = to_simplified(text)  # the edition's own conversion, rules included
        if converted != text:
            diff = {a for a, b in zip(text, converted) if a != b}
            leftovers[path.name] = sorted(diff)[:10]
    assert not leftovers


def test_simplified_search_index_is_simplified(built_site):
    import json

    index = json.loads((built_site / "zh-Hans" / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = "".join(doc["title"] + doc["text"] for doc in index["docs"]).replace("\u200b", "")
    assert "上海合作组织" in text and "上海合作組織" not in text


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "edition"])
def test_switch_lands_on_the_twin_at_the_same_place(browser, built_site, prefix):
    from site_build import serve

    base, server = serve(built_site, prefix)
    page = browser.new_page()
    try:
        for target in PAGES:
            path, fragment = target.split("#")
            page.goto(base + "zh-Hant/" + target)
            page.locator("a.script-switch__link").click()
            page.wait_for_url(re.compile(r".*/zh-Hans/.*"))
            assert page.url == base + "zh-Hans/" + target
            assert page.locator("html").get_attribute("lang") == "zh-Hans"
            assert page.locator(f'[id="{fragment}"]').count() == 1
            page.locator("a.script-switch__link").click()
            page.wait_for_url(re.compile(r".*/zh-Hant/.*"))
            assert page.url == base + "zh-Hant/" + target
        # the entry page remembers the last choice
        page.goto(base + "zh-Hans/chapter-3/")
        page.goto(base)
        page.wait_for_url(re.compile(r".*/zh-Hans/$"))
    finally:
        page.close()
        server.shutdown()


@pytest.mark.browser
@pytest.mark.parametrize("language, script", [("zh-CN", "zh-Hans"), ("zh-TW", "zh-Hant"), ("en-US", "zh-Hant")])
def test_entry_page_follows_the_browser_language(browser, base_url, language, script):
    context = browser.new_context(locale=language)
    page = context.new_page()
    page.goto(base_url)
    page.wait_for_url(re.compile(rf".*/{script}/$"))
    context.close()
