"""Citations of the thesis and of each chapter: GB/T 7714-2015, APA 7, BibTeX, RIS, CSL-JSON.

All facts come from source/metadata.toml; what is unknown (author, exact title, exact
year) is said to be unknown in each format's own way, so that one correction there
corrects every citation.
"""
from __future__ import annotations

import html
import json

from ..model import CitablePart


def note_marker(number: int | str) -> str:
    """A note's marker in text taken away from the edition (the plain text files, copied
    text): set apart from the author's words."""
    return f"［註{number}］"


def thesis_title(metadata: dict) -> str:
    """The supplied title in square brackets, as catalogues mark a title they supply."""
    return f"［{metadata['thesis']['supplied_title']}］"


def site_title(metadata: dict) -> str:
    """The edition's name in the site header and the entry page (mkdocs.yml's site_name)."""
    return f"{thesis_title(metadata)}數位校訂版"


def facts(metadata: dict) -> dict:
    thesis = metadata["thesis"]
    year = thesis["year"] or thesis["year_circa"]
    return {
        "title": thesis_title(metadata),
        "author": thesis["author"],
        "year": year,
        "year_known": bool(thesis["year"]),
        "institution": thesis["institution"],
        "place": thesis["place"],
        "institution_en": thesis["institution_en"],
        "degree": thesis["degree"],
        "edition": metadata["edition"]["title"],
        "edition_statement": metadata["edition"]["edition_statement"],
    }


def gbt7714(metadata: dict, work: CitablePart, online: bool = False) -> str:
    return gbt7714_pages(metadata, work.part, f"{work.first_page}-{work.last_page}", online)


def gbt7714_pages(metadata: dict, part: str, pages: str, online: bool = False) -> str:
    """The thesis [D], or, online, as read in this edition [D/OL]: the edition as its
    edition statement, then the access date and the address ({accessed}, {url}: the reader's
    browser knows them)."""
    f = facts(metadata)
    author = f["author"] or "佚名"
    year = f["year"] if f["year_known"] else f"[{f['year']}?]"
    title = f"{f['title']}：{part}" if part else f["title"]
    if not online:
        return f"{author}. {title}[D]. {f['place']}: {f['institution']}, {year}: {pages}."
    return (f"{author}. {title}[D/OL]. {f['edition_statement']}. {f['place']}: {f['institution']}, "
            f"{year}: {pages}[{{accessed}}]. {{url}}.")


def apa7(metadata: dict, work: CitablePart, online: bool = False) -> str:
    return apa7_pages(metadata, work.part, f"pp. {work.first_page}–{work.last_page}", online)


def apa7_pages(metadata: dict, part: str, pages: str, online: bool = False) -> str:
    """The thesis, or, online, followed by the edition as the site it is read on and its
    address ({url}; APA puts no full stop after it)."""
    f = facts(metadata)
    year = f["year"] if f["year_known"] else f"ca. {f['year']}"
    title = f"{f['title']}：{part}" if part else f["title"]
    kind = f"[{f['degree']}，{f['institution']}]"
    where = f" {f['edition']}. {{url}}" if online else ""
    if f["author"]:
        return f"{f['author']}. ({year}). {title} {kind}. {pages}.{where}"
    return f"{title} {kind}. ({year}). {pages}.{where}"  # no author: the title moves to the front


def bibtex(metadata: dict, work: CitablePart) -> str:
    f = facts(metadata)
    fields = {
        "title": f["title"],
        "author": f["author"],
        "school": f["institution"],
        "year": f["year"],
        "pages": f"{work.first_page}--{work.last_page}",
        "chapter": work.part,
        "type": f["degree"],
        "language": "chinese",
        "note": "題名為編者擬定；作者不詳" if not f["author"] else "",
    }
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items() if value)
    return f"{BIBTEX_SCRIPT}\n@mastersthesis{{{work.key},\n{body}\n}}\n"


# Outside an entry a line is a comment to BibTeX readers; the Simplified build rewrites it.
BIBTEX_SCRIPT = "% Script: Traditional Chinese (zh-Hant), as the thesis is written."


def ris(metadata: dict, work: CitablePart) -> str:
    f = facts(metadata)
    lines = [("TY", "THES"), ("TI", f["title"])]
    if work.part:
        lines.append(("T2", work.part))
    if f["author"]:
        lines.append(("AU", f["author"]))
    lines += [("PB", f["institution"]), ("PY", f["year"]), ("SP", str(work.first_page)),
              ("EP", str(work.last_page)), ("M3", f["degree"]), ("LA", "zh-Hant"), ("ER", "")]
    return "".join(f"{tag}  - {value}\n" for tag, value in lines)


def csl_json(metadata: dict, work: CitablePart) -> str:
    f = facts(metadata)
    item = {
        "id": work.key,
        "type": "thesis",
        "title": f"{f['title']}：{work.part}" if work.part else f["title"],
        "genre": f["degree"],
        "publisher": f["institution"],
        "issued": {"date-parts": [[int(f["year"])]], **({} if f["year_known"] else {"circa": True})},
        "page": f"{work.first_page}-{work.last_page}",
        "language": "zh-Hant",
    }
    if f["author"]:
        item["author"] = [{"literal": f["author"]}]
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


DOWNLOADS = {"bib": bibtex, "ris": ris, "json": csl_json}


# What a reader can take away, per part: the text (TEI, plain text; docs/text/) and its
# citation (docs/cite/).  Label, folder, file-name suffix.
DOWNLOAD_FORMATS = (("TEI", "text", ".tei.xml"), ("TXT", "text", ".txt"), ("BibTeX", "cite", ".bib"),
                    ("RIS", "cite", ".ris"), ("CSL-JSON", "cite", ".json"))


def download_links(slug: str) -> str:
    return " · ".join(f"[{label}]({folder}/{slug}{suffix}){{ download=\"{slug}{suffix}\" }}"
                      for label, folder, suffix in DOWNLOAD_FORMATS)


def page_address(slug: str) -> str:
    """The part's page, relative to any page of the site that shows its cite box (its own, or
    the print page's copy of it); the thesis's is the home page, which holds its box."""
    return "./" if slug == "thesis" else f"../{slug}/"


def cite_block(metadata: dict, work: CitablePart, slug: str) -> str:
    """The 'cite this chapter' box: the thesis's and this edition's citations with copy
    buttons, and the part's and the whole thesis's text and citation files.  The edition's
    citations name the page's address and the day the reader reads it, which only their
    browser knows: passage.js fills them in and shows them."""
    links = download_links(slug)
    if slug != "thesis":
        links = f"{'本章' if slug.startswith('chapter') else '本附錄'}：{links}<br>全文：{download_links('thesis')}"
    f = facts(metadata)
    return f"""??? quote cite "引用本{'章' if work.part else '論文'}（原書第 {work.first_page}–{work.last_page} 頁）"

    原書（{f['degree']}）：

    GB/T 7714-2015：

    ```text
    {gbt7714(metadata, work)}
    ```

    APA 7：

    ```text
    {apa7(metadata, work)}
    ```

    <div class="cite-online" data-page="{page_address(slug)}" hidden>

    {f['edition']}（網路資源，附網址與引用日期）：

    GB/T 7714-2015：

    ```text
    {gbt7714(metadata, work, online=True)}
    ```

    APA 7：

    ```text
    {apa7(metadata, work, online=True)}
    ```

    </div>

    下載：{links}
"""


def passage_cite_data(metadata: dict, part: str) -> str:
    """What the page's passage citer needs, as a hidden element: the citations of this part
    with placeholders ({first}, {last}, {url}, {accessed}) and the reader-facing words, so
    that nothing of the citation is restated in JavaScript and the Simplified build converts
    it all."""
    data = {
        "part": part or thesis_title(metadata),
        "gbt-one": gbt7714_pages(metadata, part, "{first}"),
        "gbt-range": gbt7714_pages(metadata, part, "{first}-{last}"),
        "apa-one": apa7_pages(metadata, part, "p. {first}"),
        "apa-range": apa7_pages(metadata, part, "pp. {first}–{last}"),
        "gbt-online-one": gbt7714_pages(metadata, part, "{first}", online=True),
        "gbt-online-range": gbt7714_pages(metadata, part, "{first}-{last}", online=True),
        "apa-online-one": apa7_pages(metadata, part, "p. {first}", online=True),
        "apa-online-range": apa7_pages(metadata, part, "pp. {first}–{last}", online=True),
        "locator-one": "——{part}，原書第 {first} 頁，{url}",
        "locator-range": "——{part}，原書第 {first}–{last} 頁，{url}",
        "note": note_marker("{n}"),
        "label-cite": "引用此段",
        "label-cited": "已複製引文",
        "label-setting": "複製時附加出處",
        "label-notes": f"註號記作{note_marker('N')}",
        "label-link": "本段連結（複製連結與引文）",
        "label-link-copied": "已複製本段連結與引文：",
        "label-gbt": "GB/T 7714-2015：",
        "label-apa": "APA 7：",
        "label-url": "連結：",
    }
    attributes = " ".join(f'data-{name}="{html.escape(value)}"' for name, value in data.items())
    return f'<div class="passage-cite" hidden {attributes}></div>\n'


def citation_cff(metadata: dict, work: CitablePart) -> str:
    f = facts(metadata)
    return f"""cff-version: 1.2.0
message: "If you cite this thesis, please cite it as below. The title is supplied (the title page did not survive); the author is unknown."
title: "{f['title']}"
type: dataset
authors:
  - name: "{f['author'] or 'Unknown author'}"
preferred-citation:
  type: thesis
  title: "{f['title']}"
  authors:
    - name: "{f['author'] or 'Unknown author'}"
  institution:
    name: "{f['institution']} ({f['institution_en']})"
  year: {f['year']}
  thesis-type: "{f['degree']} (Master's thesis)"
  pages: {work.last_page - work.first_page + 1}
  languages: ["zh"]
"""
