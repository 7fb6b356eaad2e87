"""The package (OPF), the navigation document and the zip of one EPUB 3.3 book.

Deterministic: the identifier is derived from the edition's name and the script, the
modification date is the source date the caller passes (SOURCE_DATE_EPOCH or the commit's),
the zip's entries have one fixed time and a fixed order (mimetype first, stored).
"""
from __future__ import annotations

import uuid
from pathlib import Path

from ...model import Edition
from ...script.artefacts import simplified_file
from ..archive import zip_bytes
from ..book_refs import reader_note
from ..cite_formats import thesis_title
from .documents import BookDocument, book_documents, page
from .xhtml import text

STYLESHEET = Path(__file__).with_name("edition.css")
IDENTIFIER_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:sco-thesis-edition:epub")
CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"
CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"""
ACCESSIBILITY_FEATURES = ("structuralNavigation", "tableOfContents", "pageNavigation", "pageBreakMarkers",
                          "readingOrder", "displayTransformability", "longDescription")
SUMMARY = ("本書為可重排的文字電子書，無圖片：標題分層、目錄、地標與原書頁碼清單齊備，原書每頁起處皆有頁碼標記；"
           "註腳為可彈出的電子書註腳，保留原編號並可返回原處；表格以表格呈現並有欄標題；"
           "圖以文字重繪為組織圖（巢狀清單）或以文字描述（原圖未存的地圖）；無閃爍、聲音或動態內容。"
           "以 EPUBCheck 5 與 DAISY Ace（axe-core 之 WCAG 2.1 A/AA 規則）檢查，無錯誤、無警告、無違規。")
CERTIFIED_BY = "本版編者（以 EPUBCheck 與 DAISY Ace 自行檢查）"


def identifier(script: str) -> str:
    return f"urn:uuid:{uuid.uuid5(IDENTIFIER_NAMESPACE, script)}"


def pagination_source(edition: Edition) -> str:
    thesis = edition.curated.metadata["thesis"]
    pages = edition.layout.pages
    year = thesis["year"] or f"約 {thesis['year_circa']} 年"
    return (f"{thesis_title(edition.curated.metadata)}，{thesis['institution']}{thesis['degree']}（{year}）"
            f"之 PDF，{len(pages)} 頁（原書頁碼 {pages[0].printed}–{pages[-1].printed}）")


def package_document(edition: Edition, documents: list[BookDocument], script: str, modified: str) -> str:
    metadata = edition.curated.metadata
    thesis = metadata["thesis"]
    subjects = "\n".join(f"<dc:subject>{text(k)}</dc:subject>" for k in thesis["keywords"])
    features = "\n".join(f'<meta property="schema:accessibilityFeature">{f}</meta>' for f in ACCESSIBILITY_FEATURES)
    items = "\n".join(f'<item id="{d.slug}" href="{d.file}" media-type="application/xhtml+xml"/>' for d in documents)
    # the title page, then the contents (the navigation document, in the reading order too), then the rest
    order = [documents[0].slug, "nav"] + [d.slug for d in documents[1:]]
    spine = "\n".join(f'<itemref idref="{slug}"/>' for slug in order)
    author = thesis["author"] or "作者不詳"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="{script}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">{identifier(script)}</dc:identifier>
<dc:title id="book-title">{text(thesis_title(metadata))}</dc:title>
<meta refines="#book-title" property="title-type">main</meta>
<dc:creator id="book-creator">{text(author)}</dc:creator>
<dc:language>{script}</dc:language>
<dc:publisher>{text(metadata['edition']['title'])}</dc:publisher>
<dc:description>{text(thesis['institution'] + thesis['degree'])}。{text(thesis['title_note'])}{text(thesis['author_note'])}{text(reader_note(edition, 'year_note'))}</dc:description>
{subjects}
<dc:source>{text(pagination_source(edition))}</dc:source>
<meta property="pageBreakSource">{text(pagination_source(edition))}</meta>
<meta property="dcterms:modified">{modified}</meta>
<meta property="schema:accessMode">textual</meta>
<meta property="schema:accessModeSufficient">textual</meta>
{features}
<meta property="schema:accessibilityHazard">none</meta>
<meta property="schema:accessibilitySummary">{text(SUMMARY)}</meta>
<meta property="dcterms:conformsTo">{CONFORMANCE}</meta>
<meta property="a11y:certifiedBy">{text(CERTIFIED_BY)}</meta>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="css" href="edition.css" media-type="text/css"/>
{items}
</manifest>
<spine>
{spine}
</spine>
</package>
"""


def toc_entry(document: BookDocument) -> str:
    sections = "".join(f'<li><a href="{document.file}#{ref}">{text(title)}</a></li>'
                       for ref, title in document.sections)
    nested = f"<ol>{sections}</ol>" if sections else ""
    return f'<li><a href="{document.file}">{text(document.title)}</a>{nested}</li>'


def navigation_document(edition: Edition, documents: list[BookDocument], script: str) -> str:
    appendices = [d for d in documents if d.epub_type == "appendix"]
    entries = []
    for document in documents:
        if document.epub_type == "appendix":
            if document is appendices[0]:
                entries.append(f'<li><span>附錄</span><ol>{"".join(toc_entry(d) for d in appendices)}</ol></li>')
            continue
        entries.append(toc_entry(document))
    by_slug = {d.slug: d for d in documents}
    landmarks = [("titlepage", "title", "題名頁"), ("toc", "nav", "目錄"), ("bodymatter", "chapter-1", "正文"),
                 ("bibliography", "bibliography", "參考書目"), ("lot", "tables", "表目錄"), ("loi", "figures", "圖目錄")]
    landmark_items = "".join(
        f'<li><a epub:type="{kind}" href="{"nav.xhtml#toc" if slug == "nav" else by_slug[slug].file}">{label}</a></li>'
        for kind, slug, label in landmarks)
    pages = "\n".join(f'<li><a href="{document.slug}.xhtml#page-{printed}">{printed}</a></li>'
                      for document in edition.documents for printed in document.page_starts())
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="{script}" xml:lang="{script}">
<head>
<meta charset="UTF-8"/>
<title>目錄</title>
<link rel="stylesheet" type="text/css" href="edition.css"/>
</head>
<body epub:type="frontmatter">
<nav epub:type="toc" role="doc-toc" id="toc" aria-labelledby="toc-title">
<h1 id="toc-title">目錄</h1>
<ol>
{chr(10).join(entries)}
</ol>
</nav>
<nav epub:type="landmarks" id="landmarks" aria-labelledby="landmarks-title" hidden="hidden">
<h2 id="landmarks-title">導覽</h2>
<ol>{landmark_items}</ol>
</nav>
<nav epub:type="page-list" role="doc-pagelist" id="page-list" aria-labelledby="page-list-title" hidden="hidden">
<h2 id="page-list-title">原書頁碼</h2>
<ol>
{pages}
</ol>
</nav>
</body>
</html>
"""


def book_files(edition: Edition, script: str, built_reference_list: Path, modified: str) -> dict[str, bytes]:
    """Every file of the book, path in the zip → bytes, in the zip's order."""
    documents = book_documents(edition, built_reference_list)
    convert = simplified_file if script == "zh-Hans" else (lambda name, text: text)
    texts = {"OEBPS/package.opf": package_document(edition, documents, script, modified),
             "OEBPS/nav.xhtml": navigation_document(edition, documents, script)}
    texts |= {f"OEBPS/{d.file}": page(d, script) for d in documents}
    files = {"mimetype": b"application/epub+zip", "META-INF/container.xml": CONTAINER.encode()}
    files["OEBPS/edition.css"] = STYLESHEET.read_bytes()
    files |= {name: convert(name, content).encode("utf-8") for name, content in texts.items()}
    return files


def zip_book(files: dict[str, bytes]) -> bytes:
    return zip_bytes(files, stored=frozenset({"mimetype"}))  # mimetype first and stored (OCF)


def write_epub(edition: Edition, script: str, built_site: Path, out: Path, modified: str) -> Path:
    files = book_files(edition, script, built_site / "zh-Hant" / "bibliography" / "index.html", modified)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(zip_book(files))
    return out
