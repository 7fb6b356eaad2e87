"""Use the header search box as a reader does, in headless Chromium, and read the answer.

Shared by the browser tests (tests/test_search.py) and `make bench` (latency, first
result, recall), so both measure the same thing; nothing here knows how the search works.
Expected pages come from the built HTML, read independently of any search index.
"""
from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

from opencc import OpenCC

# Query set: names, places, 2–6 character terms, one character, digits + 年, English,
# a word found only in a note; typed in Traditional.  CROSS are Simplified forms.
QUERIES = [
    "麥金德", "胡錦濤", "江澤民", "塔什干", "比什凱克", "葉卡捷琳堡", "邊境裁軍", "反恐", "上海五國",
    "上海合作組織", "能源", "三股勢力", "裹", "1996年", "2001 年", "Mackinder", "Shanghai Cooperation",
    "揚智文化", "集體安全條約組織", "地緣政治", "北約", "恐怖主義", "烏茲別克", "中亞",
]
CROSS = ["叶卡捷琳堡", "边境裁军", "上海合作组织", "乌兹别克", "麦金德", "三股势力", "胡锦涛", "比什凯克"]

_TIMED_QUERY = """async (query) => {
  const box = document.querySelector("input[data-md-component=search-query]");
  const meta = document.querySelector(".md-search-result__meta");
  return await new Promise(resolve => {
    const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now() - start); });
    observer.observe(meta, { childList: true, characterData: true, subtree: true });
    const start = performance.now();
    box.value = query;  // a paste: the value changes at once, then the key is released
    box.dispatchEvent(new Event("input", { bubbles: true }));
    box.dispatchEvent(new KeyboardEvent("keyup", { key: "v", bubbles: true }));
  });
}"""

# Results are grouped by page: each li is a page (its first link the page, titled with its
# count), then its best hits, then the rest behind "N more on this page" (a <details>).
_HITS = """() => [...document.querySelectorAll(".md-search-result__item")].flatMap(item =>
  [...item.querySelectorAll("a.md-search-result__link")].slice(1).map(link => ({
    text: link.innerText, marks: [...link.querySelectorAll("mark")].map(m => m.textContent),
    hrefs: [link.href]})))"""

_GROUPS = """() => [...document.querySelectorAll(".md-search-result__item")].map(item => {
  const links = [...item.querySelectorAll("a.md-search-result__link")];
  const more = item.querySelector("details.md-search-result__more");
  return {title: links[0].innerText.trim(), href: links[0].href,
          shown: links.slice(1).filter(link => !(more && more.contains(link))).length,
          hidden: more ? more.querySelectorAll("a.md-search-result__link").length : 0,
          more: more ? more.querySelector("summary").innerText.trim() : null};
})"""

_OPEN_ALL = """() => document.querySelectorAll("details.md-search-result__more").forEach(d => { d.open = true; })"""

_LOAD_ALL = """async () => {
  const container = document.querySelector(".md-search__scrollwrap");
  const items = () => document.querySelectorAll(".md-search-result__item").length;
  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  // Material renders 4 more each time the list's end comes into view (the edition's search
  // partial has it render them all at once; this holds a measurement to every result anyway)
  for (let quiet = 0; quiet < 5; ) {
    const before = items();
    container.scrollTop = 0;
    await frame();
    container.scrollTop = container.scrollHeight;
    await frame();
    quiet = items() === before ? quiet + 1 : 0;
  }
  return items();
}"""


def open_search(page) -> None:
    page.locator("label.md-search__icon, .md-search__input").first.click()


def type_query(page, query: str) -> None:
    """Type as a reader does (DESIGN: type, then End) and wait for the answer to the whole query:
    each keystroke is a query of its own, and on a busy machine the count line can still hold
    the answer to the first characters (the list marks the query it answers, `data-query`)."""
    box = page.locator("input[data-md-component=search-query]")
    box.fill("")
    box.type(query)
    box.press("End")
    page.wait_for_function(
        """() => {
          const m = document.querySelector('.md-search-result__meta');
          const box = document.querySelector('input[data-md-component=search-query]');
          const asked = box.value.normalize('NFC').trim().replace(/\\s+/g, ' ');
          return m && m.getAttribute('data-query') === asked && /\\d|沒有|没有|No /.test(m.innerText);
        }""",
        timeout=15000)
    page.wait_for_timeout(100)


def paste_query(page, query: str) -> float:
    """Paste `query` and return the milliseconds until the result list is answered."""
    return page.evaluate(_TIMED_QUERY, query)


def results(page, everything: bool = False) -> list[dict]:
    """The hits, one per occurrence, in the order shown (each page's best, then its others).
    everything: every page's group rendered, and each "N more on this page" opened."""
    if everything:
        page.evaluate(_LOAD_ALL)
        page.evaluate(_OPEN_ALL)
    return page.evaluate(_HITS)


def groups(page) -> list[dict]:
    """The pages as listed: title (with its count), hits shown, hits behind "N more"."""
    page.evaluate(_LOAD_ALL)
    return page.evaluate(_GROUPS)


def page_of(href: str, base_url: str) -> str:
    """The page a result links to, relative to its script's root: 'chapter-2/'."""
    path = href.split("#")[0].split("?")[0]
    return re.sub(r"^.*?/zh-Han[st]/", "", path)


def listed_pages(items: list[dict], base_url: str) -> set[str]:
    return {page_of(href, base_url) for item in items for href in item["hrefs"]}


# -- the independent reading: the built HTML's article text, page by page -------------

_DROP = [re.compile(p, re.S) for p in (
    r'<details class="quote[^"]*">.*?</details>',          # the citation box (the edition's, not the text)
    r'<sup id="fnref:[^"]+">.*?</sup>',                       # note markers
    r'<a class="headerlink".*?</a>', r'<a class="footnote-backref".*?</a>', r'<a class="bib-link".*?</a>',
    r'<a class="passage-link".*?</a>',                        # the ¶ links (the edition's, not the text)
    r'<div class="slips-switch".*?</div>')]                   # the 原文 ⇄ 校讀 switch


def reading(html_text: str) -> str:
    article = html_text.split('<article class="md-content__inner', 1)[1].split(">", 1)[1].split("</article>", 1)[0]
    for pattern in _DROP:
        article = pattern.sub("", article)
    text = html.unescape(re.sub(r"<[^>]+>", " ", article))
    return squeeze(text)


def squeeze(text: str) -> str:
    """One space for any run of blanks, none between a digit and a Han character."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text))
    return re.sub(r"(?<=\d) (?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff]) (?=\d)", "", text)


def site_texts(site: Path) -> dict[str, str]:
    """{'chapter-2/': text} for every page of one script's build but the print page."""
    texts = {}
    for path in sorted(site.rglob("index.html")):
        relative = path.parent.relative_to(site).as_posix()
        if relative.split("/")[0] in {"print_page", "search", "assets"}:
            continue
        texts["" if relative == "." else relative + "/"] = reading(path.read_text(encoding="utf-8"))
    return texts


def in_site_script(query: str, script: str) -> str:
    """The query as the site's own script writes it (OpenCC, independent of the search's fold)."""
    return OpenCC("s2t" if script == "zh-Hant" else "t2s").convert(query)


def expected_pages(texts: dict[str, str], query: str, script: str) -> set[str]:
    forms = {squeeze(query), squeeze(in_site_script(query, script))}
    words = [form.split(" ") for form in forms]
    return {url for url, text in texts.items()
            if any(all(w.lower() in text.lower() for w in ws) for ws in words)}


def shows_query(item: dict, query: str, script: str) -> bool:
    """Does a result show the query (in either script, spaces aside)?"""
    text = re.sub(r"\s+", "", item["text"]).lower()
    return any(re.sub(r"\s+", "", form).lower() in text for form in (query, in_site_script(query, script)))


# -- the figures `make bench` prints ---------------------------------------------------

def search_data_size(site: Path, script: str) -> int:
    """Bytes, gzipped, of what the search fetches: the index and the worker's fold table."""
    import gzip

    files = [site / script / "search" / "search_index.json", site / script / "assets" / "script-map.js"]
    return sum(len(gzip.compress(f.read_bytes(), 9)) for f in files if f.exists())


def measure_search(site: Path, repeats: int = 5) -> dict:
    """Latency (pasted query → results), first result and recall, per script and query kind."""
    from playwright.sync_api import sync_playwright

    from loopback import ARGS, CHROMIUM, serve

    base_url, server = serve(site)
    figures = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            for script in ("zh-Hant", "zh-Hans"):
                texts = site_texts(site / script)
                page = browser.new_page()
                page.goto(base_url + script + "/")
                open_search(page)
                type_query(page, "反恐")  # the index is loaded, the worker ready
                times = sorted(paste_query(page, q) for _ in range(repeats) for q in QUERIES + CROSS)
                same, other = (QUERIES, CROSS) if script == "zh-Hant" else (CROSS, QUERIES)
                for kind, queries in (("same script", same), ("other script", other)):
                    first = full = 0
                    for query in queries:
                        type_query(page, query)
                        items = results(page, everything=True)
                        expected = expected_pages(texts, query, script)
                        first += bool(items) and shows_query(items[0], query, script)
                        full += expected <= listed_pages(items, base_url)
                    figures[(script, kind)] = (first, full, len(queries))
                figures[(script, "p95 ms")] = times[int(0.95 * (len(times) - 1))]
                figures[(script, "median ms")] = times[len(times) // 2]
                figures[(script, "KiB gz")] = search_data_size(site, script) / 1024
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return figures


def print_search_figures(figures: dict) -> None:
    for script in ("zh-Hant", "zh-Hans"):
        print(f"search {script}: p95 {figures[(script, 'p95 ms')]:.0f} ms, median {figures[(script, 'median ms')]:.0f} ms "
              f"(pasted query → results), data {figures[(script, 'KiB gz')]:.0f} KiB gzipped")
        for kind in ("same script", "other script"):
            first, full, total = figures[(script, kind)]
            print(f"  queries in the {kind}: first result shows the query {first}/{total}, "
                  f"every page holding it listed {full}/{total}")
