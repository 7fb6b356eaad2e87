"""Copying and citing as a reader does it, in both scripts, on a 1280 px desktop and a 390 px
phone: copied text keeps the notes apart from the words, ¶ copies the passage's link and
citation and says so, the selection pop-up fits, and the cite box shows whole citations."""
import datetime
import re

import pytest

from reader_views import SELECT_AROUND, VIEWS, opened

SCRIPTS = {"zh-Hant": {"note": "［註103］", "words": "在經濟合作", "done": "已複製"},
           "zh-Hans": {"note": "［注103］", "words": "在经济合作", "done": "已复制"}}


@pytest.fixture(params=list(VIEWS))
def device(request, browser):
    with opened(browser, request.param, permissions=["clipboard-read", "clipboard-write"]) as page:
        page.device = request.param
        yield page


def clipboard(page):
    return page.evaluate("navigator.clipboard.readText()")


def today():
    return datetime.date.today().isoformat()


@pytest.mark.browser
@pytest.mark.parametrize("script", SCRIPTS)
def test_copied_text_keeps_the_note_number_apart_from_the_words(device, base_url, script):
    """Chapter 3, note 103 after 「對「安全」的需求。」: Ctrl+C and 「引用此段」 mark it as the
    plain text does, the citer says so, and the quotation's inner 「」 become 『』."""
    words = SCRIPTS[script]
    page = device
    page.goto(base_url + f"{script}/chapter-3/")
    selected = page.evaluate(SELECT_AROUND, ["fnref:103", 12, 5, True])
    assert re.search(r"。103在", selected)  # what the browser itself would copy
    page.keyboard.press("Control+c")
    copied = clipboard(page)
    assert "。" + words["note"] + words["words"] in copied and "。103" not in copied, copied

    page.evaluate("navigator.clipboard.writeText('')")
    page.evaluate(SELECT_AROUND, ["fnref:103", 12, 5, True])
    popover = page.locator(".passage-popover")
    popover.wait_for(state="visible")
    assert words["note"][:2] in popover.inner_text()  # the citer says how notes are marked
    page.locator(".passage-popover__cite").click()
    quotation = clipboard(page)
    quoted = quotation.split("\n")[0]
    assert quoted.startswith("「") and quoted.endswith("」"), quoted
    assert "『" in quoted and "「" not in quoted[1:-1], quoted  # 「安全」 nested: 『安全』
    assert words["note"] + words["words"] in quoted and "。103" not in quoted


@pytest.mark.browser
@pytest.mark.parametrize("script", SCRIPTS)
def test_the_pilcrow_link_copies_the_passages_link_and_citation_and_says_so(device, base_url, script):
    page = device
    page.goto(base_url + f"{script}/chapter-3/")
    passage = page.locator("article p[id^='p-3-']").nth(2)
    passage.scroll_into_view_if_needed()
    pid = passage.get_attribute("id")
    link = passage.locator("a.passage-link")
    if page.device == "phone":  # no hover on a phone: ¶ is shown as it is
        assert float(link.evaluate("a => getComputedStyle(a).opacity")) == 1
    link.click()
    status = page.locator(".passage-copied")
    status.wait_for(state="visible")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert SCRIPTS[script]["done"] in status.inner_text()
    url = base_url + f"{script}/chapter-3/#{pid}"
    copied = clipboard(page)
    assert url in copied and "[D/OL]" in copied and f"[{today()}]" in copied, copied
    assert url in status.inner_text()  # the reader sees what was copied
    box = status.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
    assert page.url == url  # and the address still names the passage


# The distinct line tops of an element's text: one line = one top.
LINES = """e => { const r = document.createRange(); r.selectNodeContents(e);
  return new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top))).size; }"""

# Select a paragraph's first line up to its last character: the selection ends at the right edge.
SELECT_TO_LINE_END = """id => { const p = document.getElementById(id); p.scrollIntoView({block: "center"});
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT); const t = walker.nextNode();
  const r = document.createRange(); let end = 1, top = null;
  for (let i = 0; i < t.length; i++) { r.setStart(t, i); r.setEnd(t, i + 1);
    const rect = r.getBoundingClientRect(); if (top === null) top = rect.top;
    if (Math.abs(rect.top - top) > 4) break; end = i + 1; }
  r.setStart(t, 0); r.setEnd(t, end);
  const s = getSelection(); s.removeAllRanges(); s.addRange(r); return end; }"""


@pytest.mark.browser
@pytest.mark.parametrize("script", SCRIPTS)
def test_the_selection_popover_fits_on_one_line_inside_the_screen(device, base_url, script):
    page = device
    page.goto(base_url + f"{script}/chapter-3/")
    first = page.locator("article p[id^='p-3-']").first.get_attribute("id")
    assert page.evaluate(SELECT_TO_LINE_END, first) > 10
    popover = page.locator(".passage-popover")
    popover.wait_for(state="visible")
    for part in (".passage-popover__cite", ".passage-popover__setting span"):
        assert page.locator(part).evaluate(LINES) == 1, part
    box = popover.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"], box


# Whether any character of a code box's text lies under its copy button, or is cut off.
CODE_BOXES = """details => [...details.querySelectorAll("pre")].map(pre => {
  const code = pre.querySelector("code"), b = pre.querySelector(".md-code__button").getBoundingClientRect();
  const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT), r = document.createRange();
  let under = false;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    for (let i = 0; i < t.length; i++) {
      if (/\\s/.test(t.data[i])) continue;
      r.setStart(t, i); r.setEnd(t, i + 1);
      const x = r.getBoundingClientRect();
      if (x.left < b.right && x.right > b.left && x.top < b.bottom && x.bottom > b.top) under = true;
    }
  }
  return {text: code.textContent.trim(), under, cut: code.scrollWidth > code.clientWidth + 1,
          visible: pre.getBoundingClientRect().height > 0}; })"""

FILL = """([name, first, last]) => { const d = document.querySelector(".passage-cite").dataset;
  const values = {first, last, url: location.href.split("#")[0]};
  return d[name].replace(/\\{(\\w+)\\}/g, (w, k) => k in values ? values[k] : w); }"""


@pytest.mark.browser
@pytest.mark.parametrize("script", SCRIPTS)
def test_the_cite_box_shows_whole_citations_of_the_thesis_and_of_this_edition(device, base_url, script):
    page = device
    page.goto(base_url + f"{script}/chapter-3/")
    details = page.locator("article details.quote").first
    details.locator("summary").click()
    page.wait_for_function("d => [...d.querySelectorAll('pre')].every(p => p.querySelector('.md-code__button'))",
                           arg=details.element_handle())  # Material adds them to boxes it can see
    boxes = details.evaluate(CODE_BOXES)
    assert len(boxes) == 4 and all(b["visible"] for b in boxes), boxes
    assert [b for b in boxes if b["under"] or b["cut"]] == []
    texts = [b["text"] for b in boxes]
    url = base_url + f"{script}/chapter-3/"
    gbt, apa, gbt_online, apa_online = texts
    assert "[D]" in gbt and "pp. 79–106" in apa and url not in gbt + apa
    assert "[D/OL]" in gbt_online and gbt_online.endswith(f"[{today()}]. {url}."), gbt_online
    assert apa_online.endswith(url) and ("校訂版" in apa_online or "校订版" in apa_online)
    # one piece of code: the passage citer's templates, filled with the chapter's pages, give
    # the same text as the box
    for name, text in zip(("gbtRange", "apaRange", "gbtOnlineRange", "apaOnlineRange"), texts):
        filled = page.evaluate(FILL, [name, "79", "106"])
        assert filled.replace("{accessed}", today()) == text, name
