"""MkDocs hook: the data of the edition's own search, in place of Material's index.

Material's header search box fetches `search/search_index.json` and hands it to the
search worker named in the theme's config; the edition's worker
(docs/assets/search-worker.js) does exact substring search over the whole text, so the
file holds each page's text as the reader sees it (edition.write.search_text), read from the
finished HTML — after the Simplified build's conversion, so list this hook last.  The
print page repeats the whole thesis and is left out.  Material's own indexing is
switched off (`search: enabled: false`; the header override keeps its box): no jieba, no lunr.
It also cuts the worker's fold table (assets/script-map.js) to the characters this build needs.
"""
from __future__ import annotations

import json
from pathlib import Path

from edition.script.search_forms import script_map_js
from edition.script.simplified import to_simplified
from edition.write.search_text import page_text

# Material's highlighter on the target page splits the `h` terms with this: on spaces,
# except between a digit and a Han character ("1996 年" stays one term).
SEPARATOR = r"(?<!\d)[\s\u200b]+|[\s\u200b]+(?![\u3400-\u9fff])"
# Results are grouped by page: a page's title carries its count, the count line gives
# occurrences and web pages (docs/assets/search-worker.js fills the {names}).  「網頁」, not
# 「頁」, which every hit uses for the printed book's pages (原書第 N 頁).
LABELS = {"page": "原書第 {} 頁", "note": "註 {}", "page_hits": "{title}（{hits} 處）",
          "summary": "找到 {hits} 處，分布於 {pages} 個網頁", "none": "沒有找到「{query}」"}
LEFT_OUT = ("print_page/",)

_pages: dict[str, dict] = {}
_order: list[str] = []


def on_nav(nav, **kwargs):
    _pages.clear()
    _order[:] = [page.url for page in nav.pages]
    return nav


def on_post_page(output, page, **kwargs):
    if page.url not in LEFT_OUT:
        text = page_text(output)
        _pages[page.url] = {"location": page.url, "title": text.title or page.title or "",
                            "text": text.text, "marks": text.marks, "readings": text.readings}
    return output


def on_post_build(config, **kwargs):
    simplified = config["extra"].get("script", {}).get("code") == "zh-Hans"
    labels = {key: to_simplified(label) if simplified else label for key, label in LABELS.items()}
    rank = {url: index for index, url in enumerate(_order)}
    docs = [_pages[url] for url in sorted(_pages, key=lambda url: (rank.get(url, len(rank)), url))]
    data = {"config": {"lang": ["zh"], "separator": SEPARATOR, "pipeline": [], "labels": labels}, "docs": docs}
    path = Path(config["site_dir"]) / "search" / "search_index.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    # The fold table, cut to the groups this build's text needs (126 KiB → a few).
    text = "".join(doc["title"] + doc["text"] for doc in docs)
    (Path(config["site_dir"]) / "assets" / "script-map.js").write_text(script_map_js(text), encoding="utf-8")
