"""The reference list (參考書目) rebuilt from the notes, as a thesis lists it.

中文 before 西文, each by kind (專書, 專書論文, 期刊論文, 學位論文, 報紙, 網路資料, 其他), in
key order (surname pinyin, year).  The page gives the structure; mkdocs-bibtex formats each
entry (a bare @key) with the GB/T 7714-2015 CSL style.  Every entry carries an anchor equal
to its BibTeX key and links back to the notes that cite it.
"""
from __future__ import annotations

from .citations import Citations, Work
from .model import Document

LANGUAGES = (("zh", "中文部分"), ("en", "西文部分"))
KINDS = ("專書", "專書論文", "期刊論文", "學位論文", "報紙", "網路資料", "其他")


def kind_of(work: Work) -> str:
    if work.entry_type in ("book", "techreport"):
        return "專書"
    if work.entry_type in ("incollection", "inproceedings"):
        return "專書論文"
    if work.entry_type in ("mastersthesis", "phdthesis"):
        return "學位論文"
    if work.entry_type == "online":
        return "網路資料"
    if work.entry_type in ("article", "periodical"):  # 學報, 雜誌 are journals: the reading decides
        return "報紙" if work.fields.get("entrysubtype") == "newspaper" else "期刊論文"
    return "其他"


def note_pages(documents: list[Document]) -> dict[int, str]:
    return {n: d.slug for d in documents for n in d.note_numbers()}


def back_links(work: Work, pages: dict[int, str]) -> str:
    links = "、".join(f"[{n}]({pages[n]}.md#fn:{n})" for n in work.cited_in)
    return f"見註 {links}"


def render_bibliography(citations: Citations, documents: list[Document]) -> str:
    pages = note_pages(documents)
    parts = [
        "---\ntitle: 參考書目\n---\n",
        "# 參考書目\n",
        "原書的參考書目未存。本表由本版依 273 則註腳重建：每筆書目只列一次，"
        f"共 {len(citations.works)} 筆；格式依 GB/T 7714-2015，"
        "書目資料悉依註腳原文，每筆後附引用它的註腳。"
        "BibTeX 檔見 [bibliography.bib](cite/bibliography.bib)。\n",
    ]
    for language, heading in LANGUAGES:
        works = [w for w in citations.works.values() if w.language == language]
        if not works:
            continue
        parts.append(f"## {heading} {{#{language}}}\n")
        for kind in KINDS:
            group = sorted((w for w in works if kind_of(w) == kind), key=lambda w: w.key)
            if not group:
                continue
            parts.append(f"### {kind} {{#{language}-{KINDS.index(kind) + 1}}}\n")
            parts.append("\n".join(
                f'- <span class="bib-anchor" id="{w.key}"></span>@{w.key} <span class="bib-notes">{back_links(w, pages)}</span>'
                for w in group
            ) + "\n")
    return "\n".join(parts)
