"""No markup shows: what the writer escapes, Python-Markdown unescapes, and nothing else.

The unit tests render tricky text with the site's own Markdown extensions and read the
HTML back as text; the site test scans the article text of every built page in both
scripts for backslash escapes and raw markup.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import pytest
import yaml

from edition.curated import Curated
from edition.model import Block
from edition.render import MARKDOWN_SPECIAL, render_block


def site_markdown(root) -> markdown.Markdown:
    """Python-Markdown configured with mkdocs.yml's extensions (names only, the ones that parse text)."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    return markdown.Markdown(extensions=[n for n in names if not n.startswith("pymdownx.")])


class ArticleText(HTMLParser):
    """The text a reader reads in a page's <article>, outside code blocks."""

    SKIP = {"code", "pre", "script", "style", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.article = self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.article += 1
        elif self.article and tag in self.SKIP:
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self.article -= 1
        elif self.article and tag in self.SKIP:
            self.skip -= 1

    def handle_data(self, data):
        if self.article and not self.skip:
            self.parts.append(data)


def text_of(html: str) -> str:
    parser = ArticleText()
    parser.feed(f"<article>{html}</article>")
    return "".join(parser.parts)


def test_every_escaped_character_is_one_python_markdown_unescapes(root):
    escapable = set(site_markdown(root).ESCAPED_CHARS)
    escaped = {c for c in map(chr, range(32, 127)) if MARKDOWN_SPECIAL.fullmatch(c)}
    assert escaped and escaped <= escapable, escaped - escapable


TRICKY = [
    "合作與競爭(1991~2007)",
    "全球 GDP 的 1/6 ~1/7",
    "a<b 與 x^2，[^1] 不是註",
    "名稱 news_center 與 *強調* 與 `碼` 與 [方括號](不是連結)",
    "A & B，&amp; 與 &copy; 照錄",
    "#1 與 | 豎線 | 與 > 號",
    "- 開頭像列表的段落",
    "+ 開頭像列表的段落",
    "1. 開頭像編號列表的段落",
    "2010. 年份加句點",
    "網址：http://www.example.com/news_center/a~b.php?id=1&cid=2。",
]


@pytest.mark.parametrize("text", TRICKY)
def test_paragraph_reads_back_as_written(root, text):
    html = site_markdown(root).convert(render_block(Block("paragraph", [text]), Curated({}, {}, {})))
    assert not re.search(r"<(ul|ol|li|em|strong|code|h\d|blockquote|table)\b", html), html
    assert text_of(html) == text


@pytest.mark.parametrize("text", ["- 開頭像列表", "1. 開頭像編號"])
def test_list_item_reads_back_as_one_item(root, text):
    html = site_markdown(root).convert(render_block(Block("list-item", [text]), Curated({}, {}, {})))
    assert html.count("<li>") == 1 and text_of(html).strip() == text


# A backslash before punctuation, a footnote or link left as text, a tag or entity shown
# as text, an attribute list, a list marker at a line start, strike-through marks.
MARKUP = re.compile(r"\\[!-/:-@\[-`{-~]|\[\^\d+\]|\]\(|\*\*|</?[a-zA-Z][^>]*>|&#?\w+;|\{[#.][\w-]+\}|^\s*[-+*] \S|~~",
                    re.M)


def test_no_markup_shows_in_any_page(built_site):
    pages = sorted(built_site.glob("zh-Han[st]/**/*.html"))
    assert len(pages) > 30
    shown = []
    for path in pages:
        text = text_of(path.read_text(encoding="utf-8"))
        shown += [f"{path.relative_to(built_site)}: {text[max(0, m.start() - 20):m.end() + 10]!r}"
                  for m in MARKUP.finditer(text)]
    assert not shown, shown[:20]
