"""The home page links the PDFs, EPUBs and offline zip only when the build ships them
(scripts/hooks/downloads.py; EDITION_DOWNLOADS, set by the Makefile)."""
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
MADE_AFTER_THE_SITE = ("thesis.pdf", "thesis.epub", "edition-offline.zip")
# The home page's downloads as they read when every file is shipped (the paragraph before the spans).
EVERYTHING = ('<p class="downloads">下載 PDF（全文，排印本）：<a href="../zh-Hant/thesis.pdf" download>正體字版</a> · '
              '<a href="../zh-Hans/thesis.pdf" download>簡體字版</a> · <a href="print_page/">全文列印版</a> · '
              'EPUB 電子書（可重排，原書頁碼、彈出註腳）：<a href="../zh-Hant/thesis.epub" download>正體字版</a> · '
              '<a href="../zh-Hans/thesis.epub" download>簡體字版</a> · <a href="../edition-offline.zip" download>'
              '離線版（zip，繁簡兩版，免網路閱讀與搜尋）</a></p>')


@pytest.fixture
def home(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "scripts" / "hooks"))
    from downloads import on_page_markdown

    def build(shipped: str, offline: bool = False) -> tuple[str, list]:
        monkeypatch.setenv("EDITION_DOWNLOADS", shipped)
        markdown = (ROOT / "docs" / "index.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]
        page = SimpleNamespace(file=SimpleNamespace(src_uri="index.md"),
                               meta={"citation": [["citation_title", "t"], ["citation_pdf_url", "thesis.pdf"]]})
        plugin = SimpleNamespace(config=SimpleNamespace(enabled=offline))
        config = SimpleNamespace(plugins={"material/offline": plugin})
        return on_page_markdown(markdown, page=page, config=config), page.meta["citation"]
    return build


def test_the_site_alone_links_none_of_the_files_made_after_it(home):
    markdown, tags = home("")
    assert not [name for name in MADE_AFTER_THE_SITE if name in markdown]
    assert '<p class="downloads"><a href="print_page/">全文列印版</a></p>' in markdown
    assert [name for name, _ in tags] == ["citation_title"]  # no Scholar tag for a PDF that is not there


def test_the_publish_build_links_every_file_as_before(home):
    markdown, tags = home("pdf epub offline")
    assert EVERYTHING in markdown and "data-download" not in markdown
    assert ["citation_pdf_url", "thesis.pdf"] in tags


def test_each_download_is_linked_with_its_own_file(home):
    markdown, tags = home("epub")
    assert "thesis.epub" in markdown and "thesis.pdf" not in markdown and "edition-offline.zip" not in markdown
    assert '<a href="print_page/">全文列印版</a> · EPUB 電子書' in markdown
    assert "citation_pdf_url" not in [name for name, _ in tags]


def test_the_offline_edition_links_none_of_them(home):
    markdown, _ = home("pdf epub offline", offline=True)
    assert not [name for name in MADE_AFTER_THE_SITE if name in markdown]


def test_an_unknown_download_is_an_error(home):
    with pytest.raises(PluginError, match="unknown"):
        home("pdf epubs")
