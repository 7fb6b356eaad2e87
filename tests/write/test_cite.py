"""Citing the thesis and a chapter: formats, downloads, meta tags, copy buttons."""
import json
import re

import pytest
from pybtex.database import parse_string

from edition.write.cite_formats import apa7, bibtex, csl_json, gbt7714, ris


def test_chapter_page_ranges_are_the_printed_ones(edition):
    works = edition.citable()
    assert (works["chapter-2"].first_page, works["chapter-2"].last_page) == (29, 78)
    assert (works["thesis"].first_page, works["thesis"].last_page) == (6, 179)


def test_formatted_citations_say_what_is_unknown(edition):
    metadata, work = edition.curated.metadata, edition.citable()["chapter-3"]
    assert gbt7714(metadata, work).startswith("佚名. ［")
    assert "[D]. 臺北: 國立政治大學, [2010?]: 79-106." in gbt7714(metadata, work)
    assert "(ca. 2010). pp. 79–106." in apa7(metadata, work)


def test_downloads_parse(edition):
    metadata = edition.curated.metadata
    for slug, work in edition.citable().items():
        entry = parse_string(bibtex(metadata, work), "bibtex").entries[work.key]
        assert entry.type == "mastersthesis" and re.fullmatch(r"[a-z0-9]+", work.key)
        assert entry.fields["pages"] == f"{work.first_page}--{work.last_page}"
        text = ris(metadata, work)
        assert text.startswith("TY  - THES\n") and text.endswith("ER  - \n")
        item = json.loads(csl_json(metadata, work))[0]
        assert item["type"] == "thesis" and item["page"] == f"{work.first_page}-{work.last_page}"


def test_citation_cff_is_generated(root, edition):
    from edition.write.cite_formats import citation_cff

    assert (root / "CITATION.cff").read_text(encoding="utf-8") == citation_cff(
        edition.curated.metadata, edition.citable()["thesis"])


def test_home_page_has_scholar_meta_tags(built_site):
    html = (built_site / "zh-Hant" / "index.html").read_text(encoding="utf-8")
    tags = dict(re.findall(r'<meta name="(citation_[a-z_]+)" content="([^"]*)"', html))
    assert tags["citation_title"] == "［上海合作組織的安全角色與發展］"
    assert tags["citation_author"] == "佚名"
    assert tags["citation_dissertation_institution"] == "國立政治大學"
    assert set(tags) >= {"citation_publication_date", "citation_language", "citation_keywords",
                         "citation_abstract_html_url"}
    assert "citation_pdf_url" not in tags  # `make site` makes no PDF; `make publish` has the tag (test_downloads.py)


@pytest.mark.browser
def test_copy_button_yields_the_citation(browser, base_url, edition):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + "zh-Hant/chapter-2/")
    page.locator("details.quote summary").click()
    page.locator("details.quote .md-code__button[data-md-type=copy]").first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert copied.strip() == gbt7714(edition.curated.metadata, edition.citable()["chapter-2"])


@pytest.mark.browser
def test_bibtex_download_link_serves_the_entry(page, base_url):
    page.goto(base_url + "zh-Hant/chapter-2/")
    href = page.locator('a[download="chapter-2.bib"]').get_attribute("href")
    response = page.request.get(page.url.split("#")[0] + href)
    assert response.ok and "@mastersthesis{sco2010chapter2," in response.text()


def test_the_editions_citations_extend_the_thesiss_with_the_address_and_access_date(edition):
    """GB/T 7714's [D/OL] with the edition statement, access date and address; APA with the
    edition as the site and its address: the thesis's citation, extended, from one function."""
    from edition.write.cite_formats import apa7_pages, gbt7714_pages

    metadata = edition.curated.metadata
    gbt = gbt7714_pages(metadata, "第三章 X", "79-106", online=True)
    assert gbt == "佚名. ［上海合作組織的安全角色與發展］：第三章 X[D/OL]. 數位校訂版. 臺北: 國立政治大學, [2010?]: 79-106[{accessed}]. {url}."
    assert gbt7714_pages(metadata, "第三章 X", "79-106") == "佚名. ［上海合作組織的安全角色與發展］：第三章 X[D]. 臺北: 國立政治大學, [2010?]: 79-106."
    apa = apa7_pages(metadata, "第三章 X", "pp. 79–106", online=True)
    assert apa == apa7_pages(metadata, "第三章 X", "pp. 79–106") + " 上海合作組織碩士論文數位校訂版. {url}"


def test_the_cite_box_and_the_passage_citer_give_the_same_text(root):
    """The chapter's cite box shows the passage citer's templates filled with its pages."""
    import html as entities

    page = (root / "docs" / "chapter-3.md").read_text(encoding="utf-8")
    box = re.findall(r"```text\n\s*(.+)\n", page)
    data = {name: entities.unescape(value) for name, value in re.findall(r'data-([a-z-]+)="([^"]*)"', page)}
    filled = [data[name].replace("{first}", "79").replace("{last}", "106")
              for name in ("gbt-range", "apa-range", "gbt-online-range", "apa-online-range")]
    assert box == filled
