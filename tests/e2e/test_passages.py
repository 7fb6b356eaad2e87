"""Passage ids, ¶ links and the passage citer, read back from the built HTML and in Chromium."""
import re
from html.parser import HTMLParser

import pytest

from edition.build import convert  # noqa: F401 - the converter's package must import
from reader_views import SELECT_AROUND

CHAPTERS = ["chapter-1", "chapter-2", "chapter-3", "chapter-4", "chapter-5", "chapter-6",
            "appendix-1", "appendix-2", "appendix-3", "appendix-4", "appendix-5", "abstract", "abstract-en"]


class ArticleBlocks(HTMLParser):
    """The article's top-level blocks and the items of its top-level lists, in order: (tag, id, class)."""

    def __init__(self):
        super().__init__()
        self.depth, self.article_depth, self.blocks, self.top = 0, None, [], None

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "hr", "meta", "link", "input", "wbr"):
            return
        self.depth += 1
        attrs = dict(attrs)
        if tag == "article":
            self.article_depth = self.depth
        elif self.article_depth and self.depth == self.article_depth + 1:
            self.top = tag
            self.blocks.append((tag, attrs.get("id"), attrs.get("class") or ""))
        elif self.article_depth and tag == "li" and self.depth == self.article_depth + 2 and self.top == "ul":
            self.blocks.append((tag, attrs.get("id"), attrs.get("class") or ""))
        elif tag == "p" and self.blocks and self.blocks[-1][:2] == ("li", None):
            self.blocks[-1] = ("li", attrs.get("id"), "")  # a loose list: the id is on the item's paragraph

    def handle_endtag(self, tag):
        if tag in ("br", "img", "hr", "meta", "link", "input", "wbr"):
            return
        if tag == "article":
            self.article_depth = None
        self.depth -= 1


def article_blocks(html: str):
    parser = ArticleBlocks()
    parser.feed(html)
    return parser.blocks


def expected_ids(slug: str, blocks) -> list[tuple[str, str]]:
    """An independent numbering of what the reader sees: each paragraph after a heading."""
    code = slug.removeprefix("chapter-") if slug.startswith("chapter-") else (
        "a" + slug.removeprefix("appendix-") if slug.startswith("appendix-") else slug)
    section, count, pairs = "0", 0, []
    for tag, element_id, classes in blocks:
        if re.fullmatch(r"h[2-6]", tag) and element_id and re.fullmatch(r"(sec|article)-[\d-]+", element_id):
            section, count = element_id.split("-", 1)[1], 0
        elif tag in ("p", "li") and "page-start" not in classes:
            count += 1
            pairs.append((element_id, f"{tag}-{code}-{section}-{count}"))
    return pairs


@pytest.mark.parametrize("slug", CHAPTERS)
def test_every_paragraph_has_its_structural_id(built_site, slug):
    html = (built_site / "zh-Hant" / slug / "index.html").read_text(encoding="utf-8")
    pairs = expected_ids(slug, article_blocks(html))
    assert pairs, slug
    assert [found for found, _ in pairs] == [want for _, want in pairs]


def test_list_items_are_numbered_with_the_paragraphs(built_site):
    html = (built_site / "zh-Hant" / "chapter-1" / "index.html").read_text(encoding="utf-8")
    items = re.findall(r'<(?:li|p) id="(li-1-[\d-]+)"', html)
    assert len(items) >= 6
    numbers = [int(i.rsplit("-", 1)[1]) for i in items]
    assert numbers == sorted(numbers) and len(set(items)) == len(items)


def test_ids_are_the_same_in_both_scripts_and_unique(built_site):
    for slug in CHAPTERS:
        ids = {}
        for script in ("zh-Hant", "zh-Hans"):
            html = (built_site / script / slug / "index.html").read_text(encoding="utf-8")
            ids[script] = re.findall(r'\bid="((?:p|li)-[^"]+)"', html)
        assert ids["zh-Hant"] == ids["zh-Hans"] and len(set(ids["zh-Hant"])) == len(ids["zh-Hant"]), slug


RECORD_COPIES = """() => { window.copied = [];
  document.addEventListener('copy', e => window.copied.push(e.clipboardData.getData('text/plain'))); }"""


@pytest.mark.browser
@pytest.mark.parametrize("script, title", [("zh-Hant", "第二章 上海合作組織"), ("zh-Hans", "第二章 上海合作组织")])
def test_citing_a_selection_across_a_page_break_names_both_pages(page, base_url, script, title):
    page.goto(base_url + f"{script}/chapter-2/")
    page.evaluate(RECORD_COPIES)
    selected = page.evaluate(SELECT_AROUND, ["page-31", 12, 10])
    button = page.locator(".passage-popover__cite")
    button.wait_for(state="visible")
    assert button.inner_text() == "引用此段"
    # keyboard: with a selection, Tab reaches the popover
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('.passage-popover__cite')")
    page.keyboard.press("Enter")
    copied = page.evaluate("window.copied")
    assert len(copied) == 1
    text = copied[0]
    assert text.startswith("「" + selected.strip() + "」")
    # the printed pages the selection spans, read from the page, in both styles
    assert ": 30-31." in text and "pp. 30–31." in text
    assert title in text and ("佚名" in text)
    # the link names the paragraph holding the selection's start
    link = re.search(r"(http://\S+)", text).group(1)
    assert link == base_url + f"{script}/chapter-2/#p-2-1-1-1"
    assert page.locator("#page-30").count() == 1 and page.evaluate(
        "document.getElementById('p-2-1-1-1').contains(document.getElementById('page-31'))")


@pytest.mark.browser
def test_a_selection_within_one_page_names_one_page(page, base_url):
    page.goto(base_url + "zh-Hant/chapter-2/")
    page.evaluate(RECORD_COPIES)
    page.evaluate(SELECT_AROUND, ["page-31", 0, 10])  # starts right after the page-31 marker
    page.locator(".passage-popover__cite").click()
    text = page.evaluate("window.copied")[0]
    assert ": 31." in text and "p. 31." in text and "30" not in text.split("」")[1].split("http")[0]


def copy_selection(page):
    """Ctrl+C, then what the system clipboard holds."""
    page.keyboard.press("Control+c")
    return page.evaluate("navigator.clipboard.readText()")


@pytest.mark.browser
def test_copying_more_than_a_sentence_appends_a_locator_unless_turned_off(page, base_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(base_url + "zh-Hant/chapter-2/")
    selected = page.evaluate(SELECT_AROUND, ["page-31", 40, 30])
    copied = copy_selection(page)
    assert copied.startswith(selected)
    assert copied.endswith("——第二章 上海合作組織的形成與發展，原書第 30–31 頁，" + base_url + "zh-Hant/chapter-2/#p-2-1-1-1\n")

    page.evaluate(SELECT_AROUND, ["page-31", 0, 4])  # a few words: copied as they are
    assert copy_selection(page) == "國、中國"

    page.evaluate(SELECT_AROUND, ["page-31", 40, 30])
    page.locator(".passage-popover__setting input").uncheck()
    page.goto(base_url + "zh-Hant/chapter-3/")  # remembered on every page
    text, notes = page.evaluate("""() => { const p = document.querySelector('article p[id^="p-3-"]');
      const r = document.createRange(); r.selectNodeContents(p);
      const s = getSelection(); s.removeAllRanges(); s.addRange(r);
      const notes = [...p.querySelectorAll("sup[id^='fnref:']")].map(sup =>
        [sup.previousSibling.textContent.slice(-1), sup.textContent, sup.nextSibling.textContent[0]]);
      return [s.toString(), notes]; }""")
    setting = page.locator(".passage-popover__setting input")
    setting.wait_for(state="visible")
    assert not setting.is_checked()
    # as selected, but each note's marker set apart from the words (test_copy_and_cite.py)
    assert len(notes) == 3
    for before, number, after in notes:
        text = text.replace(before + number + after, f"{before}［註{number}］{after}", 1)
    assert len(text) > 100 and copy_selection(page) == text


def passages_without_their_link(html: str) -> list[str]:
    """The passages (as passage.js finds them) whose ¶ link is not in the HTML, or not theirs."""
    import tinyhtml5

    article = next(tinyhtml5.parse(html, namespace_html_elements=False).iter("article"))
    wrong = []
    for element in article.iter():
        name = element.get("id") or ""
        if name.startswith(("p-", "li-", "fn:")) or (element.tag == "figure" and name.startswith(("table-", "figure-"))):
            links = [a.get("href") for a in element.iter("a") if a.get("class") == "passage-link"]
            if links[-1:] != [f"#{name}"]:
                wrong.append(name)
    return wrong


@pytest.mark.parametrize("script", ["zh-Hant", "zh-Hans"])
def test_every_passage_has_its_pilcrow_link_in_the_html_the_print_page_too(built_site, script):
    """Nothing adds them at load (a relayout of a long page per batch): the build writes them."""
    pages = [p for p in sorted((built_site / script).rglob("index.html")) if 'class="passage-cite"' in p.read_text("utf-8")]
    assert any(p.parent.name == "print_page" for p in pages) and len(pages) == 14  # 2 abstracts, 6 chapters, 5 appendices
    found = {p.parent.name: passages_without_their_link(p.read_text("utf-8")) for p in pages}
    assert {name: ids for name, ids in found.items() if ids} == {}
    assert passages_without_their_link('<article><p id="p-1-1">text</p></article>') == ["p-1-1"]  # can fail


@pytest.mark.browser
@pytest.mark.parametrize("script", ["zh-Hant", "zh-Hans"])
@pytest.mark.parametrize("passage", ["p-2-1-1-2", "fn:45", "table-2-1"])
def test_pilcrow_link_lands_on_its_passage(page, base_url, script, passage):
    page.goto(base_url + f"{script}/chapter-2/")
    target = page.locator(f'[id="{passage}"]')
    link = target.locator("a.passage-link")
    assert link.count() == 1
    page.mouse.move(0, 0)
    assert float(link.evaluate("a => getComputedStyle(a).opacity")) == 0  # discreet until hovered
    target.hover()
    page.wait_for_function("a => getComputedStyle(a).opacity === '1'", arg=link.element_handle(), timeout=5000)
    link.click()
    assert page.url == base_url + f"{script}/chapter-2/#{passage}"
    page.reload()  # a colleague opening the link
    top = target.evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 150, top
    assert target.evaluate("e => e.matches(':target')")


@pytest.mark.browser
def test_on_the_print_page_a_passage_is_cited_with_its_own_chapter(page, base_url):
    page.goto(base_url + "zh-Hant/print_page/")
    page.evaluate(RECORD_COPIES)
    selected = page.evaluate(SELECT_AROUND, ["page-81", 10, 6])
    page.locator(".passage-popover__cite").wait_for(state="visible")
    # by keyboard, as the chapter's test does: a click's scroll, 50,000 px down a page whose far
    # paragraphs take their real heights once near the screen, can move the button between the
    # press and the release (the page is scroll-anchored), and the click then lands on the text
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('.passage-popover__cite')")
    page.keyboard.press("Enter")
    text = page.evaluate("window.copied")[0]
    assert text.startswith("「" + selected.strip() + "」")
    assert "第三章 上海合作組織的經濟安全角色[D]" in text and ": 80-81." in text
