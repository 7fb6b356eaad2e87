"""The pages about the edition itself: the home page, the edition report, the line roles.

Every number here is computed from the conversion, so the report cannot drift.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .bibliography_gaps import render_standard_gaps
from ..passes.layout import Role
from ..script.simplified import recorded_decisions, rules, summarise
from .cite_formats import DOWNLOAD_FORMATS, cite_block, thesis_title
from .book_refs import linked_pages
from .errata import slip_counts

if TYPE_CHECKING:
    from ..model import Edition

ROLE_NAMES = {
    Role.BODY: "正文與標題",
    Role.NOTE: "註腳",
    Role.TABLE: "表格",
    Role.FIGURE: "圖說與殘存圖文",
    Role.SEPARATOR: "註腳分隔線（版面痕跡）",
    Role.WATERMARK: "浮水印殘字（版面痕跡）",
    Role.PAGE_NUMBER: "頁碼殘字（版面痕跡）",
    Role.SPACER: "空白行（圖位或段距）",
    Role.BLANK: "抽取時的行間空行",
}


def render_home(edition: Edition) -> str:
    """The home page.  The links to files made after the site (PDFs, EPUBs, offline zip) are
    each in a <span data-download>: scripts/hooks/downloads.py keeps those the build ships."""
    thesis = edition.curated.metadata["thesis"]
    author = thesis["author"] or "不詳"
    year = thesis["year"] or f"約 {thesis['year_circa']} 年"
    contents = "\n".join(f"- [{d.title}]({d.slug}.md)" for d in edition.documents) + (
        "\n- [參考書目](bibliography.md)（本版據註腳重建）\n- [表目錄](tables.md)\n- [圖目錄](figures.md)"
        "\n- [勘誤表](errata.md)\n- [校訂報告](edition-report.md)")
    work = edition.citable()["thesis"]
    return f"""---
title: 首頁
{citation_front_matter(edition)}---

# {thesis_title(edition.curated.metadata)}

{thesis['institution']}{thesis['degree']}（{year}）

<p class="downloads"><span data-download="pdf">下載 PDF（全文，排印本）：<a href="../zh-Hant/thesis.pdf" download>正體字版</a> · <a href="../zh-Hans/thesis.pdf" download>簡體字版</a> · </span><a href="print_page/">全文列印版</a><span data-download="epub"> · EPUB 電子書（可重排，原書頁碼、彈出註腳）：<a href="../zh-Hant/thesis.epub" download>正體字版</a> · <a href="../zh-Hans/thesis.epub" download>簡體字版</a></span><span data-download="offline"> · <a href="../edition-offline.zip" download>離線版（zip，繁簡兩版，免網路閱讀與搜尋）</a></span></p>

| 項目 | 內容 | 說明 |
|---|---|---|
| 題名 | {thesis_title(edition.curated.metadata)} | {linked_pages(edition, thesis['title_note'])} |
| 作者 | {author} | {linked_pages(edition, thesis['author_note'])} |
| 學校 | {thesis['institution']}（{thesis['institution_en']}） | {linked_pages(edition, thesis['institution_note'])} |
| 學位 | {thesis['degree']} | |
| 年份 | {year} | {linked_pages(edition, thesis['year_note'])} |
| 原書頁數 | {len(edition.layout.pages)} 頁（原書頁碼 {edition.layout.pages[0].printed}–{edition.layout.pages[-1].printed}） | 頁碼據殘存頁碼推定，見[校訂報告](edition-report.md)。 |

{cite_block(edition.curated.metadata, work, "thesis")}
## 目錄

{contents}

## 全文與各章下載

{render_download_table(edition)}

## 本版說明

本版據論文 PDF 之抽取文字重建，逐字保留作者原文（包括原有錯字），僅作下列處理，細節與統計見[校訂報告](edition-report.md)：

- 取消抽取時的硬換行，段落跨頁、跨註腳區仍連續；英文斷行處補回空格。
- 移除版面痕跡：頁首空格、註腳分隔線、浮水印殘字與頁碼殘字。
- 原書頁碼以頁邊小字標示（錨點 `#page-N`），便於引用紙本。
- 註腳保留原編號 1–{len(edition.notes)}，置於原標記處。
- 相容表意字（如 U+F98E）經 Unicode NFC 正規化為標準字形（共 {sum(edition.source.normalised.values())} 處），以利檢索與繁簡轉換。
- 表格依抽取文字重建為表格；圖中殘存的方框文字重繪為架構圖；原圖為地圖者僅以文字說明，不另繪製。
- 參考書目原書未存，本版依註腳重建（{len(edition.citations.works)} 筆），每則註腳連至所引書目。
- 簡體版以 OpenCC 逐字轉換（不改用詞），字義決定字形之處（如作者<span lang="zh-Hant">「著」</span>與助詞「着」）依上下文規則，並以第二套轉換表逐字核對（見校訂報告）；頁首可切換繁簡並停留在同一處。
"""


def render_download_table(edition: Edition) -> str:
    """Each part's text and citation files, and the DTS API (README: formats)."""
    rows = []
    for slug, work in edition.citable().items():
        name = work.part or "全文"
        cells = " | ".join(f"[{label}]({folder}/{slug}{suffix}){{ download=\"{slug}{suffix}\" }}"
                           for label, folder, suffix in DOWNLOAD_FORMATS)
        rows.append(f"| {name} | {work.first_page}–{work.last_page} | {cells} |")
    header = " | ".join(label for label, _, _ in DOWNLOAD_FORMATS)
    return (f"| 部分 | 原書頁碼 | {header} |\n|---|---|" + "---|" * len(DOWNLOAD_FORMATS) + "\n" + "\n".join(rows)
            + "\n\nTEI P5 檔（本版的校訂本，含頁碼、註腳、表格、圖說與重建的參考書目）與純文字檔"
              "（頁碼記作［p.N］，註腳列於段後）皆為 UTF-8。供程式取用的 DTS 1.0 API："
              "[dts/index.jsonld](dts/index.jsonld)（Entry endpoint）。")


def citation_front_matter(edition: Edition) -> str:
    """Google Scholar / Highwire tags; unknown facts are left out rather than invented."""
    thesis = edition.curated.metadata["thesis"]
    tags = [("citation_title", thesis_title(edition.curated.metadata))]
    tags.append(("citation_author", thesis["author"] or "佚名"))  # 佚名: the cataloguer's "author unknown"
    tags += [
        ("citation_publication_date", thesis["year"] or thesis["year_circa"]),
        ("citation_dissertation_institution", thesis["institution"]),
        ("citation_dissertation_name", thesis["degree"]),
        ("citation_language", thesis["language"]),
        ("citation_keywords", "; ".join(thesis["keywords"])),
        ("citation_abstract_html_url", "abstract/"),
        ("citation_pdf_url", "thesis.pdf"),
    ]
    return "citation:\n" + "".join(f'  - ["{name}", "{value}"]\n' for name, value in tags)


NOTE_KINDS = {"citation": "引用", "back-reference": "前揭書等回指", "web": "網路資料",
              "explanatory": "說明", "mixed": "說明兼引用"}


def citation_summary(edition: Edition) -> str:
    citations = edition.citations
    kinds = Counter(note.kind for note in citations.notes.values())
    types = Counter(work.entry_type for work in citations.works.values())
    kind_text = "、".join(f"{NOTE_KINDS.get(k, k)} {kinds[k]}" for k in NOTE_KINDS if kinds[k])
    type_text = "、".join(f"`{t}` {n}" for t, n in sorted(types.items(), key=lambda kv: -kv[1]))
    doubts = "\n".join(f"| {n} | {why} |" for n, why in citations.uncertain) or "| — | — |"
    return f"""{len(citations.notes)} 則註腳：{kind_text}。據以重建[參考書目](bibliography.md) {len(citations.works)} 筆：{type_text}。

轉換程式無把握之處如下，書目照註腳原文收錄，未作臆測：

| 註 | 說明 |
|---|---|
{doubts}

### 標準所需而註腳未給

{render_standard_gaps(citations)}"""


def render_report(edition: Edition) -> str:
    roles = Counter(edition.layout.roles.values())
    role_rows = "\n".join(f"| {ROLE_NAMES[role]} | `{role.value}` | {roles[role]} |" for role in Role)
    normalised = edition.source.normalised
    top = "、".join(
        f"U+{ord(before):04X}→{after}（{count}）" for (before, after), count in normalised.most_common(12)
    )
    blocks = Counter(b.kind for d in edition.documents for b in d.blocks)
    pages = edition.layout.pages
    return f"""---
title: 校訂報告
---

# 校訂報告

本頁由轉換程式自動產生，數字皆出自本次轉換。

## 原始檔逐行分類

原始檔共 {len(edition.source.lines)} 行，每行皆歸入下列一類（逐行清單見 [line-roles.tsv](data/line-roles.tsv)）：

| 類別 | 代碼 | 行數 |
|---|---|---|
{role_rows}

## 頁碼

原始檔共 {len(pages)} 頁。浮水印頁殘存的頁碼與頁序一致：原書頁碼 = 頁序 + {edition.layout.page_offset}，據此推得每頁頁碼（{pages[0].printed}–{pages[-1].printed}）。

## 字元正規化

NFC 正規化改動 {sum(normalised.values())} 個相容表意字（{len(normalised)} 種），最常見者：{top}。

## 結構

段落 {blocks['paragraph']}、標題 {blocks['heading']}、列表項 {blocks['list-item']}、表格 {blocks['table']}、圖 {blocks['figure']}；註腳 {len(edition.notes)} 則。

表與圖的清單見[表目錄](tables.md)與[圖目錄](figures.md)。各表重建自原始檔的行：

{table_lines(edition)}

## 作者筆誤

{slip_counts(edition)}

## 註腳與書目

{citation_summary(edition)}

## 簡體版

{script_summary(edition)}
"""


def script_summary(edition: Edition) -> str:
    """What the Simplified build does to the author's text (body, notes, tables and figures)."""
    tables, figures = edition.curated.tables.values(), edition.curated.figures.values()
    text = "\n".join([b.text for d in edition.documents for b in d.blocks]
                      + [note.text for note in edition.notes.values()]
                      + [t.caption + "\n" + t.note + "\n" + "\n".join("\t".join(r) for r in t.rows) for t in tables]
                      + [f.caption + "\n" + f.note + "\n" + "\n".join(f.labels) for f in figures])
    summary = summarise(text)
    # the kinds quote Traditional characters (擡, 著): marked so that the Simplified build keeps them
    decided, changed = summary.decided_by_rule, summary.changed_by_rule
    rows = "\n".join(f'| <span lang="zh-Hant">{rule.kind}</span> | `{rule.id}` | {decided[rule.id]} | {changed[rule.id]} |'
                      for rule in rules())
    decisions = recorded_decisions()
    decision_rows = "\n".join(f"| {d['kind']} | `{d['id']}` | {len(d['cases'])} |" for d in decisions)
    return f"""簡體版在建置時由繁體本逐字轉換：先作 NFC 正規化，再以 OpenCC `tw2s` 轉換字形，不改用詞。作者正文、註腳與圖表共 {summary.characters} 個漢字，其中 {summary.converted} 個在簡體版中改變字形。

字義不同而簡體字形不同的字（如<span lang="zh-Hant">「著」</span>與「着」），依上下文規則決定（規則及理由見 `source/script/rules.toml`）：

| 規則 | 代碼 | 適用字數 | 與 OpenCC 原結果不同 |
|---|---|---|---|
{rows}

另以第二套轉換表（MediaWiki zh-cn，經 zhconv）逐字比對；兩者不同之處，除上列規則所定者外，皆記為本版決定（共 {len(decisions)} 項、{sum(len(d['cases']) for d in decisions)} 例，理由見 `source/script/decisions.toml`）：

| 決定 | 代碼 | 例數 |
|---|---|---|
{decision_rows}"""


def placed(edition: Edition, kind: str):
    """(page slug, record) for each table or figure, in reading order."""
    records = edition.curated.tables if kind == "table" else edition.curated.figures
    for document in edition.documents:
        for block in document.blocks:
            if block.kind == kind:
                yield document.slug, records[block.ref]


def table_lines(edition: Edition) -> str:
    """For editors: the source lines each table was rebuilt from (the reader's list gives pages)."""
    rows = "\n".join(f"| [{t.caption}]({slug}.md#{t.anchor}) | {t.first_line}–{t.last_line} |"
                      for slug, t in placed(edition, "table"))
    return f"| 表 | 原文行 |\n|---|---|\n{rows}"


def render_list_of_tables(edition: Edition) -> str:
    rows = "\n".join(
        f"| [{t.caption}]({slug}.md#{t.anchor}) | {edition.layout.page_of(t.caption_line).printed} "
        f"| {len(t.rows)} × {len(t.rows[0])} |"
        for slug, t in placed(edition, "table")
    )
    return f"""---
title: 表目錄
---

# 表目錄

| 表 | 原書頁 | 列 × 欄 |
|---|---|---|
{rows}
"""


def render_list_of_figures(edition: Edition) -> str:
    def treatment(f) -> str:
        if f.kind == "map":
            return "地圖，原圖未存，以文字說明"
        return f"依殘存文字重繪（{len(f.labels)} 則）" if f.labels else "殘存文字未見，無從重繪"

    rows = "\n".join(
        f"| [{f.caption}]({slug}.md#{f.anchor}) | {edition.layout.page_of(f.caption_line).printed} | {treatment(f)} |"
        for slug, f in placed(edition, "figure")
    )
    return f"""---
title: 圖目錄
---

# 圖目錄

| 圖 | 原書頁 | 本版處理 |
|---|---|---|
{rows}
"""


def render_line_roles(edition: Edition) -> str:
    page_of = {}
    for page in edition.layout.pages:
        for line in page.lines:
            page_of[line.number] = page.printed
    rows = ["line\trole\tprinted_page"]
    for line in edition.source.lines:
        rows.append(f"{line.number}\t{edition.layout.roles[line.number].value}\t{page_of.get(line.number, '')}")
    return "\n".join(rows) + "\n"
