"""What assistive technology and search engines read from the built pages: heading levels,
the language of English text, canonical links, and the script switch without JavaScript."""
import html
import re
import subprocess
import sys

import pytest

SCRIPTS = ["zh-Hant", "zh-Hans"]
HEADING = re.compile(r"<h([1-6])\b[^>]*>")


def pages(site):
    return sorted(p for p in site.rglob("index.html") if p.parent.name not in {"print_page", "search", "assets"})


def article(path):
    return path.read_text(encoding="utf-8").split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]


@pytest.mark.parametrize("script", SCRIPTS)
def test_headings_never_skip_a_level(built_site, script):
    jumps = {}
    for path in pages(built_site / script):
        levels = [int(level) for level in HEADING.findall(article(path))]
        bad = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        if bad or (levels and levels[0] != 1):
            jumps[path.parent.name] = bad or levels[:1]
    assert not jumps
    chapter_6 = article(built_site / script / "chapter-6" / "index.html")
    assert re.search(r'<h2 id="sec-0-1"[^>]*>一、邊界安全|<h2 id="sec-0-1"[^>]*>一、边界安全', chapter_6)  # id kept


def visible_text(fragment):
    fragment = re.sub(r'<a class="(headerlink|footnote-backref|bib-link|passage-link)".*?</a>|<sup id="fnref:.*?</sup>', "", fragment)
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


@pytest.mark.parametrize("script", SCRIPTS)
def test_english_text_is_tagged_english(built_site, script):
    abstract = article(built_site / script / "abstract-en" / "index.html")
    assert re.search(r'<h1 id="abstract" lang="en"', abstract)
    untagged = []
    for path in pages(built_site / script):
        for element in re.finditer(r"<(p|li)\b([^>]*)>(.*?)</\1>", article(path), re.S):
            text = visible_text(element.group(3))
            latin, han = len(re.findall(r"[A-Za-z]", text)), len(re.findall(r"[\u3400-\u9fff]", text))
            if latin > 60 and not han and 'lang="en"' not in element.group(0)[:80]:  # on the tag or its first span
                untagged.append((path.parent.name, text[:50]))
    assert not untagged
    assert re.search(r'<span lang="en">H\.J\. Mackinder', article(built_site / script / "chapter-1" / "index.html"))


@pytest.mark.parametrize("script", SCRIPTS)
def test_no_relative_canonical_without_site_url(built_site, script):
    for path in pages(built_site / script):
        assert 'rel="canonical"' not in path.read_text(encoding="utf-8"), path


def test_canonical_and_twins_are_absolute_with_site_url(root, tmp_path):
    site = tmp_path / "zh-Hant"
    subprocess.run([sys.executable, "-c", "import sys; from mkdocs.config import load_config; "
                    "from mkdocs.commands.build import build; "
                    "build(load_config('mkdocs.yml', site_url=sys.argv[1], site_dir=sys.argv[2]))",
                    "https://example.org/edition/zh-Hant/", str(site)],
                   cwd=root, check=True, capture_output=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    head = (site / "chapter-2" / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    assert re.findall(r'<link rel="canonical" href="([^"]+)"', head) == ["https://example.org/edition/zh-Hant/chapter-2/"]
    assert sorted(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', head)) == [
        ("zh-Hans", "https://example.org/edition/zh-Hans/chapter-2/"),
        ("zh-Hant", "https://example.org/edition/zh-Hant/chapter-2/")]


@pytest.mark.browser
def test_script_switch_keeps_the_page_without_javascript_and_the_fragment_with_it(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base_url + "zh-Hant/chapter-2/#page-45")
        page.locator("a.script-switch__link").click()
        page.wait_for_url(re.compile(r".*/zh-Hans/chapter-2/"))
    finally:
        context.close()
    context = browser.new_context()
    page = context.new_page()
    try:  # with JavaScript, the link itself carries the fragment (a copied or middle-clicked link too)
        page.goto(base_url + "zh-Hant/chapter-2/#page-45")
        assert page.locator("a.script-switch__link").get_attribute("href").endswith("/zh-Hans/chapter-2/#page-45")
        page.evaluate("location.hash = '#table-2-3'")
        page.wait_for_function("() => document.querySelector('a.script-switch__link').href.endsWith('#table-2-3')")
    finally:
        context.close()


HTML_CLASS_CHANGES = """() => { window.htmlClassChanges = [];
  new MutationObserver(records => records.forEach(r => { if (r.target === document.documentElement)
    window.htmlClassChanges.push({bodyParsed: !!document.body, value: r.target.className}); }))
  .observe(document, {attributes: true, attributeFilter: ["class"], subtree: true}); }"""


@pytest.mark.browser
@pytest.mark.parametrize("path", ["zh-Hant/chapter-2/", "zh-Hans/print_page/"])
def test_html_marks_are_set_before_the_body_and_the_bundle_changes_none(browser, base_url, built_site, path):
    """Material's bundle marks <html> ("js", the focus-visible polyfill's class and attribute) at
    the end of the page, which restyled every element; the head sets them first."""
    context = browser.new_context(locale="zh-TW")
    try:
        page = context.new_page()
        page.add_init_script(f"({HTML_CLASS_CHANGES})()")
        page.goto(base_url + path, wait_until="networkidle")
        changes = page.evaluate("window.htmlClassChanges")
        # set once in the head; the bundle's own calls (a token already there, one never there)
        # may touch the attribute but leave its value, so nothing is restyled
        assert changes and not changes[0]["bodyParsed"], changes
        assert {change["value"] for change in changes} == {changes[0]["value"]}, changes
        classes = page.evaluate("document.documentElement.className").split()
        assert {"js", "js-focus-visible"} <= set(classes) and "no-js" not in classes
        assert page.evaluate("document.documentElement.hasAttribute('data-js-focus-visible')")
    finally:
        context.close()
    # without JavaScript the page keeps Material's "no-js" (its rules for that case apply)
    source = (built_site / path / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html [^>]*class="no-js"', source)
