"""Old fragments of renamed reference keys (#shanghai, #fu2008zhongya …) reach their entries.

The old → new pairs are read here from the data file itself and checked in chromium: the
address moves to the current key and the entry is on screen; without JavaScript the old
anchor sits in the entry's own list item, so the browser still scrolls there.
"""
from __future__ import annotations

import re
import tomllib

import pytest

RENAMED = "source/citations/renamed-keys.toml"
EXPECTED = {"fu2008zhongya": "fu2008zhongyaa", "li2007zhongguo": "li2007zhongguoa", "shanghai": "shanghaia",
            "shanghai2009": "shanghai2009a", "zhongguo2009guoji": "zhongguo2009guojia",
            "xinjia2004": "xinjia2004pinglun"}


def test_the_six_renamed_keys_are_recorded(root):
    assert tomllib.loads((root / RENAMED).read_text(encoding="utf-8")) == EXPECTED


@pytest.mark.parametrize("script", ["zh-Hant", "zh-Hans"])
def test_old_anchor_is_inside_its_entry(built_site, script):
    page = (built_site / script / "bibliography" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    for old, new in EXPECTED.items():
        item = re.search(rf'<li><span class="bib-anchor" id="{new}"></span>(<span[^>]*></span>)*', page)
        assert item and f'id="{old}"' in item[0], old


@pytest.mark.parametrize("old,new", sorted(EXPECTED.items()))
def test_old_fragment_lands_on_its_entry(page, base_url, old, new):
    page.goto(f"{base_url}zh-Hant/bibliography/#{old}", wait_until="networkidle")
    page.wait_for_function(f"location.hash === '#{new}'", timeout=5000)
    entry = page.locator(f"li:has(> span[id='{new}'])")
    box, height = entry.bounding_box(), page.viewport_size["height"]
    assert box and 0 <= box["y"] < height, (old, box)


def test_old_fragment_lands_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}zh-Hans/bibliography/#shanghai", wait_until="load")
    box = page.locator("li:has(> span[id='shanghaia'])").bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"]
    assert page.evaluate("scrollY") > 1000
    context.close()
