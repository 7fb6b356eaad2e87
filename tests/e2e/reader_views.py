"""The two screens a reader brings, for the browser tests: a desktop and a 390 px phone (touch,
a phone's pixel ratio); both read the Traditional locale, the script comes from the path."""
from __future__ import annotations

import contextlib

VIEWS = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True,
              "has_touch": True},
}
SCRIPTS = ["zh-Hant", "zh-Hans"]

# Select `before` characters of text ahead of the element `markerId` (a page marker, a note
# marker) and `after` behind it, across whatever elements stand there (a slip's mark splits
# the text into several nodes); `centred`: scrolled to the middle of the screen.
SELECT_AROUND = """([markerId, before, after, centred]) => {
  const marker = document.getElementById(markerId);
  const block = marker.closest('p, li, td') || marker.parentNode;
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const texts = []; while (walker.nextNode()) texts.push(walker.currentNode);
  const outside = t => !(t.compareDocumentPosition(marker) & Node.DOCUMENT_POSITION_CONTAINS);
  const ahead = texts.filter(t => outside(t) && t.compareDocumentPosition(marker) & Node.DOCUMENT_POSITION_FOLLOWING);
  const behind = texts.filter(t => outside(t) && t.compareDocumentPosition(marker) & Node.DOCUMENT_POSITION_PRECEDING);
  const r = document.createRange();
  let left = before;
  for (const node of ahead.reverse()) {
    if (node.length >= left) { r.setStart(node, node.length - left); break; }
    left -= node.length;
  }
  left = after;
  for (const node of behind) {
    if (node.length >= left) { r.setEnd(node, left); break; }
    left -= node.length;
  }
  const s = getSelection(); s.removeAllRanges(); s.addRange(r);
  if (centred) r.startContainer.parentElement.scrollIntoView({block: "center"});
  return s.toString();
}"""


@contextlib.contextmanager
def opened(browser, view: str, **options):
    context = browser.new_context(locale="zh-TW", **VIEWS[view], **options)
    try:
        yield context.new_page()
    finally:
        context.close()


def settle(page, frames: int = 2):
    """A few frames: what a scroll brought near the screen is laid out, a held place let go."""
    for _ in range(frames):
        page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def press(page, locator, view: str):
    """Follow a link as the reader of that screen does: a tap on a phone, a click elsewhere."""
    if view == "phone":
        locator.tap()
    else:
        locator.click()


def header_bottom(page) -> float:
    """The lowest edge of what stands over the text: the header, and Material's 「回到頁面頂部」
    button (where it shows whenever the reader scrolls up, hidden or not at this moment)."""
    return page.evaluate("""() => Math.max(...[".md-header", ".md-top"].map(s => document.querySelector(s))
        .filter(e => e && getComputedStyle(e).display !== "none").map(e => e.getBoundingClientRect().bottom))""")
