"""The TEI header: what the thesis is, what is unknown of it, and what the edition did to it.

Every fact comes from source/metadata.toml or from the conversion itself (counts of
pages, notes, normalised characters, removed artefacts); unknown facts are stated as
unknown, never filled in.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

from ..model import Edition, Kind
from ..passes.layout import Role
from ..source_refs import as_lines
from .cite_formats import thesis_title
from .tei_xml import element


def title_stmt(header: ET.Element, metadata: dict) -> None:
    thesis, edition = metadata["thesis"], metadata["edition"]
    stmt = element(header, "titleStmt")
    element(stmt, "title", thesis_title(metadata), type="main")
    element(stmt, "title", "數位校訂版", type="sub")
    element(stmt, "title", f"[{thesis['supplied_title_en']}]", type="alt", xml_lang="en")
    element(stmt, "author", "佚名（作者不詳）" if not thesis["author"] else thesis["author"])
    resp = element(stmt, "respStmt")
    element(resp, "resp", "數位校訂：文字轉換、版面痕跡移除、註腳定位、表格與圖的重建、書目重建、TEI 編碼")
    element(resp, "name", edition["publisher"], xml_id="edition")  # resp="#edition" on each <corr>


def publication_stmt(header: ET.Element, edition: Edition) -> None:
    metadata = edition.curated.metadata
    stmt = element(header, "publicationStmt")
    element(stmt, "publisher", metadata["edition"]["publisher"])
    element(stmt, "idno", "sco2010thesis", type="BibTeX")
    availability = element(stmt, "availability", status="unknown")
    element(availability, "p", metadata["edition"]["availability"])


def source_desc(header: ET.Element, edition: Edition) -> None:
    thesis = edition.curated.metadata["thesis"]
    pages = edition.layout.pages
    source = element(header, "sourceDesc")
    bibl = element(source, "biblStruct", type="thesis")
    monogr = element(bibl, "monogr")
    element(monogr, "author", thesis["author"] or "佚名")
    element(monogr, "title", thesis_title(edition.curated.metadata), level="m", type="supplied")
    imprint = element(monogr, "imprint")
    element(imprint, "pubPlace", thesis["place"])
    element(imprint, "publisher", thesis["institution"])
    year = thesis["year"] or thesis["year_circa"]
    element(imprint, "date", year if thesis["year"] else f"約 {year}", when=year if thesis["year"] else "",
            notBefore="" if thesis["year"] else year, cert="" if thesis["year"] else "medium")
    element(monogr, "extent", f"{len(pages)} 頁（原書頁碼 {pages[0].printed}–{pages[-1].printed}）")
    element(bibl, "note", thesis["degree"], type="degree")
    element(bibl, "note", f"{thesis['institution']}（{thesis['institution_en']}）。{thesis['institution_note']}", type="institution")
    for key in ("title_note", "author_note", "year_note"):
        element(bibl, "note", as_lines(thesis[key]), type=key.removesuffix("_note"))


def editorial_decl(encoding: ET.Element, edition: Edition) -> None:
    normalised = edition.source.normalised
    roles = Counter(edition.layout.roles.values())
    tables, figures = edition.curated.tables, edition.curated.figures
    drawn = sum(1 for f in figures.values() if f.labels and f.kind != "map")
    decl = element(encoding, "editorialDecl")
    slips = len(edition.slips)
    corr = element(decl, "correction", status="high", method="markup")
    element(corr, "p", "作者原文逐字保留，包括原有錯字；本版不改正文字。校讀所見作者筆誤 "
                       f"{slips} 處，各以 <choice><sic>原文</sic><corr resp=\"#edition\" cert=\"high|medium\" "
                       "type=\"類別\">校讀</corr></choice> 標出（類別：homophone 同音別字、lookalike 形近誤字、"
                       "extra 衍字、missing 脫字、converter 輸入法或轉換誤詞、name 人名地名誤植）；"
                       "依據見勘誤表（errata/）。")
    norm = element(decl, "normalization", method="silent")
    element(norm, "p", f"相容表意字（U+F900–U+FAFF，如 U+F98E）經 Unicode NFC 正規化為統一表意字：共 "
                       f"{sum(normalised.values())} 處、{len(normalised)} 種。其餘字元悉依原文。")
    hyphen = element(decl, "hyphenation", eol="none")
    element(hyphen, "p", "抽取文字的硬換行已取消，段落跨頁、跨註腳區仍連續；英文在行尾斷開處補回空格。原書無連字號斷詞。")
    seg = element(decl, "segmentation")
    element(seg, "p", "段落、列表項、標題依原書；每段之 xml:id 與網頁版的段落錨點相同（如 p-2-1-1-3）。"
                      "原書頁首以 <pb n=\"N\" xml:id=\"page-N\"/> 標示。")
    removed = element(decl, "interpretation")
    element(removed, "p", f"移除的版面痕跡：浮水印殘字 {roles[Role.WATERMARK]} 行、頁碼殘字 {roles[Role.PAGE_NUMBER]} 行、"
                          f"註腳分隔線 {roles[Role.SEPARATOR]} 行。原書頁碼由殘存頁碼推得（頁碼 = 頁序 + {edition.layout.page_offset}）。")
    element(removed, "p", f"表格 {len(tables)} 個依抽取文字重建為表格（儲存格文字悉依原文）；圖 {len(figures)} 幅，"
                          f"其中 {drawn} 幅依殘存方框文字重繪（figDesc 記其標籤與結構），地圖不重繪，僅以文字說明。"
                          f"參考書目原書未存，依 {len(edition.notes)} 則註腳重建為 {len(edition.citations.works)} 筆。")
    quotation = element(decl, "quotation", marks="all")
    element(quotation, "p", "引號悉依原文保留於文字中。")


def encoding_desc(header: ET.Element, edition: Edition) -> None:
    encoding = element(header, "encodingDesc")
    project = element(encoding, "projectDesc")
    element(project, "p", "本檔由本版的轉換程式自 source/thesis.txt（論文 PDF 之抽取文字，逐位元保留）與 source/ 之編輯資料產生，"
                          "與網頁版、PDF 版出自同一文件模型。")
    editorial_decl(encoding, edition)


def profile_desc(header: ET.Element, edition: Edition) -> None:
    thesis = edition.curated.metadata["thesis"]
    profile = element(header, "profileDesc")
    usage = element(profile, "langUsage")
    element(usage, "language", "中文：正文、註腳、附錄", ident="zh-Hant")
    element(usage, "language", "英文：英文摘要、英文文獻之註腳與書目", ident="en")
    text_class = element(profile, "textClass")
    for language, key in (("zh-Hant", "keywords"), ("en", "keywords_en")):
        keywords = element(text_class, "keywords", xml_lang=language)
        for word in thesis[key]:
            element(keywords, "term", word)


def revision_desc(header: ET.Element, edition: Edition) -> None:
    blocks = Counter(b.kind for d in edition.documents for b in d.blocks)
    revisions = element(header, "revisionDesc")
    element(revisions, "change", f"由轉換程式自原始檔產生：段落 {blocks[Kind.PARAGRAPH]}、標題 {blocks[Kind.HEADING]}、"
                                 f"註腳 {len(edition.notes)}、頁 {len(edition.layout.pages)}。")


def tei_header(edition: Edition) -> ET.Element:
    header = element(None, "teiHeader")
    file_desc = element(header, "fileDesc")
    title_stmt(file_desc, edition.curated.metadata)
    element(file_desc, "extent", f"{len(edition.layout.pages)} 頁")
    publication_stmt(file_desc, edition)
    source_desc(file_desc, edition)
    encoding_desc(header, edition)
    profile_desc(header, edition)
    revision_desc(header, edition)
    return header
