"""The print page's contents, written at build time (scripts/hooks/print_page.py)."""
from pathlib import Path

import pytest

HOOKS = Path(__file__).resolve().parents[2] / "scripts" / "hooks"

PAGE = """<html><head><title>t</title></head><body>
<div class="md-sidebar md-sidebar--secondary" data-md-component="sidebar" data-md-type="toc" >
<nav class="md-nav md-nav--secondary"><ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>
<li class="md-nav__item"><a href="#chapter-1" class="md-nav__link">第一章</a>
<nav class="md-nav"><ul class="md-nav__list"><li class="md-nav__item"><a href="#chapter-1-1" class="md-nav__link">一</a></li></ul></nav>
</li></ul></nav></div>
<div id="print-page-toc" data-toc-depth="2">
                <nav role='navigation' class='print-page-toc-nav'>
                <h1 class='print-page-toc-title'>目錄</h1>
                </nav>
            </div>
        <script type="text/javascript">
        document.addEventListener('DOMContentLoaded', function () {
            remove_material_navigation();remove_mkdocs_theme_navigation();generate_toc();
        })
        </script>
<script src="../js/print-site.js"></script>
</body></html>"""


@pytest.fixture
def contents_at_build_time(monkeypatch):
    monkeypatch.syspath_prepend(str(HOOKS))
    from print_page import contents_at_build_time
    return contents_at_build_time


def test_the_contents_are_the_pages_own_nested_list_and_the_script_is_gone(contents_at_build_time):
    html = contents_at_build_time(PAGE)
    nav = html[html.index("print-page-toc-nav"):html.index("</div>", html.index("print-page-toc-nav"))]
    assert nav.count('<ul class="md-nav__list"') == 2 and 'href="#chapter-1-1"' in nav  # nested, whole
    assert "data-md-component" not in nav
    assert "print-site.js" not in html and "generate_toc" not in html
    assert html.index(".md-sidebar--primary") < html.index("</head>")


def test_markup_it_does_not_know_stops_the_build(contents_at_build_time):
    with pytest.raises(ValueError, match="print-site"):
        contents_at_build_time(PAGE.replace("generate_toc();", ""))
    with pytest.raises(ValueError, match="table of contents"):
        contents_at_build_time(PAGE.replace("md-sidebar--secondary", "md-sidebar--other"))
    with pytest.raises(ValueError, match="contents nav"):
        contents_at_build_time(PAGE.replace("print-page-toc-nav", "print-page-toc-other"))
    with pytest.raises(ValueError, match="no closing"):
        contents_at_build_time(PAGE.replace("</ul>", ""))


def test_slips_switch_follows_the_first_sections_heading_not_the_contents(monkeypatch):
    monkeypatch.syspath_prepend(str(HOOKS))
    from print_page import slips_switch_on_print_page
    page = ('<nav><h1 class="print-page-toc-title">目錄</h1></nav><section class="print-page" id="abstract">'
            '<h1 id="abstract-_1">摘要</h1><p><span class="sic" data-corr="覷">靦</span></p></section>')
    out = slips_switch_on_print_page(page)
    assert out.index('<div class="slips-switch" hidden>') > out.index("摘要</h1>")
    assert 'href="#errata"' in out and "（1 處）" in out
    with pytest.raises(ValueError, match="print-page"):
        slips_switch_on_print_page("<h1>x</h1>")
