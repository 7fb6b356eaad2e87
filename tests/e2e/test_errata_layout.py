"""The 勘誤表 reads on the desktop and on a phone: the whole entry on screen, no sideways scroll."""
import pytest

from reader_views import SCRIPTS, VIEWS


# Of the list of slips (the page's last table): its scroll box, the widest cell of
# context, and each entry's link to its passage, as laid out.
_LAYOUT = """() => {
  const tables = document.querySelectorAll("article table");
  const table = tables[tables.length - 1], box = table.closest(".md-typeset__scrollwrap") || table;
  const rows = [...table.querySelectorAll("tbody tr")];
  const links = rows.map(row => row.querySelector("td:last-child a").getBoundingClientRect());
  return {overflow: Math.max(box.scrollWidth - box.clientWidth, table.scrollWidth - table.clientWidth),
          rows: rows.length, article: document.querySelector("article").getBoundingClientRect().width,
          outside: links.filter(r => r.left < 0 || r.right > innerWidth + 0.5).length,
          context: rows[0].children[1].getBoundingClientRect().width,
          reason: rows[0].children[6].getBoundingClientRect().width};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("width", VIEWS)
def test_every_entry_of_the_errata_is_on_screen(page, base_url, script, width):
    viewport = VIEWS[width]["viewport"]
    page.set_viewport_size(viewport)
    page.goto(base_url + script + "/errata/")
    layout = page.evaluate(_LAYOUT)
    assert layout["rows"] > 100
    assert layout["overflow"] <= 1 and layout["outside"] == 0, layout  # no column off screen
    if width == "desktop":  # the width the empty contents sidebar held is the table's
        assert layout["article"] >= 900, layout
    else:  # the context and the reason each read as lines of text, not a column of characters
        assert layout["context"] >= 0.8 * viewport["width"] and layout["reason"] >= 0.8 * viewport["width"], layout
