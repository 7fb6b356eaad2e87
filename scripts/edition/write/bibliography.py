"""The reference list (參考書目) rebuilt from the notes, as a thesis lists it.

中文 before 西文, each by kind (專書, 專書論文, 期刊論文, 學位論文, 報紙, 網路資料, 其他), in
filing order (reference_order.py: 注音 of the author, then year).  The page gives the structure; mkdocs-bibtex formats each
entry (a bare @key) with the GB/T 7714-2015 CSL style.  Every entry carries an anchor equal
to its BibTeX key and links back to the notes that cite it.
"""
from __future__ import annotations

from ..citations import Citations, Work
from ..citations.bibtex import dashes_normalised
from ..errors import DataError
from ..model import Document
from .reference_order import ORDER_NOTE, in_filing_order

LANGUAGES = (("zh", "中文部分"), ("en", "西文部分"))
SECTIONS = ("專書", "專書論文", "期刊論文", "學位論文", "報紙", "網路資料", "其他")


def section_of(work: Work) -> str:
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


def filed_sections(works) -> list[tuple[str, str, list[tuple[str, list[Work]]]]]:
    """[(language, heading, [(kind, works in filing order)])], empty parts left out: the one
    order of the reference list, which the site, the print page, the TEI and the EPUB all print."""
    works, filed = list(works), []
    for language, heading in LANGUAGES:
        in_language = [w for w in works if w.language == language]
        kinds = [(kind, in_filing_order([w for w in in_language if section_of(w) == kind])) for kind in SECTIONS]
        kinds = [(kind, group) for kind, group in kinds if group]
        if kinds:
            filed.append((language, heading, kinds))
    return filed


def section_id(language: str, kind: str) -> str:
    return f"{language}-{SECTIONS.index(kind) + 1}"


def note_pages(documents: list[Document]) -> dict[int, str]:
    return {n: d.slug for d in documents for n in d.note_numbers()}


def back_links(work: Work, pages: dict[int, str]) -> str:
    links = "、".join(f"[{n}]({pages[n]}.md#fn:{n})" for n in work.cited_in)
    return f"見註 {links}"


RENAMED_FILE = "source/citations/renamed-keys.toml"


def former_keys(citations: Citations, renamed: dict[str, str]) -> dict[str, list[str]]:
    """Current key → the old keys that named it; an old key may not be a key again, and a
    current key must exist, or the old links would land on the wrong entry or nowhere."""
    former: dict[str, list[str]] = {}
    for old, new in sorted(renamed.items()):
        if old in citations.works:
            raise DataError(RENAMED_FILE, f"key {old}", "an old key that is no longer a key", old)
        if new not in citations.works:
            raise DataError(RENAMED_FILE, f"key {old}", "a current key of bibliography.bib", new)
        former.setdefault(new, []).append(old)
    return former


def anchors(work: Work, former: dict[str, list[str]]) -> str:
    """The entry's anchor (its key), then one per old key, which edition.js moves to the key."""
    spans = [f'<span class="bib-anchor" id="{work.key}"></span>']
    spans += [f'<span class="bib-former-key" id="{old}" data-key="{work.key}"></span>'
              for old in former.get(work.key, [])]
    return "".join(spans)


def render_bibliography(citations: Citations, documents: list[Document],
                        renamed: dict[str, str] | None = None) -> str:
    pages = note_pages(documents)
    former = former_keys(citations, renamed or {})
    parts = [
        "---\ntitle: 參考書目\n---\n",
        "# 參考書目\n",
        f"原書的參考書目未存。本表由本版依 {len(citations.notes)} 則註腳重建：每筆書目只列一次，"
        f"共 {len(citations.works)} 筆；格式依 GB/T 7714-2015，"
        "書目資料悉依註腳原文，每筆後附引用它的註腳。"
        "BibTeX 檔見 [bibliography.bib](cite/bibliography.bib)。\n",
        ORDER_NOTE + f"題名中作者以兩個連字號（--）表示的破折號，依中文標點作「——」（{dashes_normalised(citations)} 處）。\n",
    ]
    for language, heading, kinds in filed_sections(citations.works.values()):
        parts.append(f"## {heading} {{#{language}}}\n")
        for kind, group in kinds:
            parts.append(f"### {kind} {{#{section_id(language, kind)}}}\n")
            parts.append("\n".join(
                f'- {anchors(w, former)}@{w.key} <span class="bib-notes">{back_links(w, pages)}</span>'
                for w in group
            ) + "\n")
    return "\n".join(parts)
