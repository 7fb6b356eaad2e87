"""What GB/T 7714-2015 asks of each kind of entry that the thesis's notes do not give.

The reference list is rebuilt from the notes alone; nothing the notes lack is supplied
(an access date of a web page is not in the thesis, so none is invented).  The style
shows such gaps as the standard says ([出版地不詳], [出版者不詳], 佚名) or leaves the
element out; this table tells the reader, per kind of entry, which elements and how often.
"""
from __future__ import annotations

from .bibliography import KINDS, kind_of
from .citations import Citations, Work

# (element as the standard names it, whether a work has it)
RESPONSIBLE = ("主要責任者", lambda w: bool(w.fields.get("author") or w.fields.get("editor")))
YEAR = ("出版年", lambda w: bool(w.fields.get("year")))
PLACE = ("出版地", lambda w: bool(w.fields.get("address")))
PUBLISHER = ("出版者", lambda w: bool(w.fields.get("publisher")))
PAGES = ("析出頁碼（註腳只給引用頁）", lambda w: bool(w.fields.get("pages")))
WANTED = {
    "專書": (RESPONSIBLE, PLACE, PUBLISHER, YEAR),
    "專書論文": (RESPONSIBLE, PLACE, PUBLISHER, YEAR, PAGES),
    "期刊論文": (RESPONSIBLE, YEAR, ("卷或期", lambda w: bool(w.fields.get("volume") or w.fields.get("number"))),
                 PAGES),
    "學位論文": (RESPONSIBLE, ("保存地", lambda w: bool(w.fields.get("address"))), YEAR),
    "報紙": (RESPONSIBLE, ("出版日期", lambda w: bool(w.fields.get("day"))), ("版次", lambda w: bool(w.fields.get("pages")))),
    "網路資料": (RESPONSIBLE, ("更新或修改日期", lambda w: bool(w.fields.get("year"))),
                 ("引用日期", lambda w: bool(w.fields.get("urldate"))), ("獲取和訪問路徑", lambda w: bool(w.fields.get("url")))),
    "其他": (RESPONSIBLE, YEAR),
}


def standard_gaps(citations: Citations) -> dict[str, list[tuple[str, list[str]]]]:
    """Kind of entry → [(element, keys of the works without it)], elements all works have left out."""
    by_kind: dict[str, list[Work]] = {}
    for work in citations.works.values():
        by_kind.setdefault(kind_of(work), []).append(work)
    gaps = {}
    for kind in KINDS:
        works = by_kind.get(kind, [])
        missing = [(element, sorted(w.key for w in works if not has(w))) for element, has in WANTED[kind]]
        if any(keys for _, keys in missing):
            gaps[kind] = [(element, keys) for element, keys in missing if keys]
    return gaps


def render_standard_gaps(citations: Citations) -> str:
    rows = []
    for kind, missing in standard_gaps(citations).items():
        total = sum(1 for w in citations.works.values() if kind_of(w) == kind)
        for element, keys in missing:
            listed = "、".join(f"[{k}](bibliography.md#{k})" for k in keys)
            rows.append(f"| {kind}（{total} 筆） | {element} | {len(keys)} | {listed} |")
    return ("GB/T 7714-2015 所要求、而註腳原文未給的著錄項目如下；本版不補造，"
            "缺出版地、出版者者依標準標作 [出版地不詳]、[出版者不詳]，缺責任者者標作「佚名」。"
            "網路資料的引用日期論文從未記載，故一律從缺。\n\n"
            "| 類別 | 標準要求的項目 | 缺少筆數 | 書目 |\n|---|---|---|---|\n" + "\n".join(rows))
