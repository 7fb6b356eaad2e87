"""The book's references, not the editor's: a reader is pointed to printed pages and
passages, never to the converter's line numbers of the source file (those stay in the
edition report, the TEI and the data files).  Read in Chromium, every page of both scripts."""
import re

import pytest

SCRIPTS = ["zh-Hant", "zh-Hans"]
EDITORS_PAGES = {"edition-report/"}
# 「原文第 2404 行」「4416、6723 行」「原文行」「source/slips.toml」: the source file's lines, the
# project's paths.  The thesis itself never puts a digit before 行 (checked below).
SOURCE_LINE = re.compile(r"原文第|原文行|\d\s*行|(?<![\w/.])source/")

# What a reader is shown: the text, and what hover, focus and assistive technology give.
# (textContent of the page without its scripts: innerText leaves out what content-visibility
# has not laid out yet, the off-screen part of a long page); the print page's edition report
# is the editors' as the report page is
_SHOWN = """() => { const body = document.body.cloneNode(true);
  body.querySelectorAll("script, style, template, section#edition-report").forEach(e => e.remove());
  return [body.textContent,
  ...[...document.querySelectorAll("[aria-label], [title]")].flatMap(e =>
     [e.getAttribute("aria-label") || "", e.getAttribute("title") || ""])].join("\\n"); }"""


def reader_pages(site):
    for script in SCRIPTS:
        for path in sorted((site / script).rglob("index.html")):
            url = path.parent.relative_to(site / script).as_posix() + "/"
            url = "" if url == "./" else url
            if url.split("/")[0] not in {"search", "assets"} and url not in EDITORS_PAGES:
                yield script, url


def test_the_thesis_never_writes_a_digit_before_line(root):
    """So that the pattern above cannot catch the author's words."""
    text = (root / "source" / "thesis.txt").read_text(encoding="utf-8")
    import unicodedata
    assert not re.search(r"\d\s*行", unicodedata.normalize("NFKC", text))


@pytest.mark.browser
def test_no_reader_page_shows_a_source_line_number(page, base_url, built_site):
    pages = list(reader_pages(built_site))
    assert len(pages) >= 36 and ("zh-Hant", "errata/") in pages and ("zh-Hans", "print_page/") in pages
    found = {}
    for script, url in pages:
        page.goto(base_url + script + "/" + url)
        shown = page.evaluate(_SHOWN)
        hits = sorted({shown[max(0, m.start() - 12):m.end() + 6] for m in SOURCE_LINE.finditer(shown)})
        if hits:
            found[script + "/" + url] = hits[:3]
    assert not found, found


@pytest.mark.browser
@pytest.mark.parametrize("script", SCRIPTS)
def test_a_slip_reason_points_to_the_printed_page_and_links_the_passage(page, base_url, script):
    """「（同 6687 行「復雜」）」 becomes 「（同原書第 N 頁「復雜」）」, N linked to the passage that holds 復雜."""
    page.goto(base_url + script + "/errata/")
    row = page.locator("tr", has_text=re.compile("复合性|復合性")).first
    link = row.locator("a", has_text=re.compile(r"原[書书]第 \d+ [頁页]")).first
    printed = re.search(r"\d+", link.text_content()).group(0)
    link.click()
    page.wait_for_load_state()
    target = page.url.split("#")[1]
    passage = page.locator(f"[id='{target}']")
    assert re.search("復雜|复杂", passage.text_content()), passage.text_content()[:80]
    # the passage stands on that printed page: the last page start before it, or inside it
    on_page = page.evaluate("""(id) => {
        const passage = document.getElementById(id);
        const starts = [...document.querySelectorAll(".page-start")];
        const before = starts.filter(s => s.compareDocumentPosition(passage) & Node.DOCUMENT_POSITION_FOLLOWING);
        const inside = starts.filter(s => passage.contains(s));
        return [...before.slice(-1), ...inside].map(s => s.dataset.page);
    }""", target)
    assert printed in on_page, (printed, on_page)


@pytest.mark.browser
@pytest.mark.parametrize("script", SCRIPTS)
def test_a_table_names_its_printed_pages(page, base_url, script):
    page.goto(base_url + script + "/chapter-3/")
    note = page.locator("#table-3-1 .editorial-note").text_content()
    pages = page.evaluate("""() => [...document.querySelectorAll(".page-start")]
        .filter(s => s.compareDocumentPosition(document.getElementById("table-3-1")) & Node.DOCUMENT_POSITION_FOLLOWING)
        .slice(-1).map(s => s.dataset.page)""")
    assert re.search(rf"原[書书]第 {pages[0]}(–\d+)? [頁页]", note), (note, pages)


@pytest.mark.browser
@pytest.mark.parametrize("script", SCRIPTS)
def test_the_errata_link_their_data_file(page, base_url, script):
    page.goto(base_url + script + "/errata/")
    link = page.locator("article a", has_text="slips.tsv")
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok and response.text().startswith("id\tline\t")  # the editors' source lines are there
