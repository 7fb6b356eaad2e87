"""Long pages lay out only what is near the screen (content-visibility, docs/assets/edition.css).
What the browser skips must still be the reader's: copied, found, read by a screen reader and
reached by a link; and the page numbers must still show in the margin, beside the text and
never over it."""
import re

import pytest

CHAPTER = "zh-Hant/chapter-2/"
PARAGRAPHS = ".md-content__inner > p"


def squeeze(text):
    return re.sub(r"\s+", "", text)


def settle(page):
    """Two frames: what scrolling to a fragment brought near the screen is laid out."""
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def paragraph_texts(page, spoken=False, copied=False):
    """Each paragraph's text as the DOM holds it, without its ¶ link (not selectable); with
    `spoken`, with the page numbers' "p.30" as a screen reader reads them (CSS content); with
    `copied`, with each note marker as copied text writes it (［註33］, test_copy_and_cite.py)."""
    return page.evaluate("""([selector, spoken, copied]) => [...document.querySelectorAll(selector)].map(p => {
        const copy = p.cloneNode(true);
        copy.querySelectorAll(".passage-link").forEach(link => link.remove());
        if (spoken) copy.querySelectorAll(".page-start").forEach(
            start => start.replaceWith("p." + start.dataset.page));
        if (copied) copy.querySelectorAll("sup > a.footnote-ref").forEach(
            ref => ref.parentElement.replaceWith("［註" + ref.textContent + "］"));
        return copy.textContent; })""", [PARAGRAPHS, spoken, copied])


def test_far_paragraphs_are_not_laid_out_at_load(page, base_url):
    page.goto(base_url + CHAPTER)
    skipped, total = page.evaluate("""selector => {
        const ps = [...document.querySelectorAll(selector)];
        return [ps.filter(p => !p.lastElementChild.checkVisibility({contentVisibilityAuto: true})).length, ps.length]; }""",
        PARAGRAPHS)
    assert total > 100 and skipped > total / 2


def test_skipped_text_is_copied_whole(browser, base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + CHAPTER)
    page.evaluate("getSelection().selectAllChildren(document.querySelector('article'))")
    page.keyboard.press("Control+c")
    copied = squeeze(page.evaluate("navigator.clipboard.readText()"))
    texts = paragraph_texts(page, copied=True)
    context.close()
    missing = [text[:20] for text in texts if squeeze(text) not in copied]
    assert texts and not missing


def spoken_text(tree):
    """The tree's text in reading order (its nodes come in no particular order)."""
    nodes = {node["nodeId"]: node for node in tree}
    stack = [node["nodeId"] for node in tree if "parentId" not in node][::-1]
    while stack:
        node = nodes.get(stack.pop())
        if node is None:
            continue
        if node.get("role", {}).get("value") == "StaticText":
            yield str(node.get("name", {}).get("value", ""))
        stack.extend(reversed(node.get("childIds", [])))


def test_skipped_text_is_found(page, base_url):
    page.goto(base_url + CHAPTER)
    last = squeeze(paragraph_texts(page)[-1])
    assert page.evaluate("text => window.find(text)", last[5:25])


def test_skipped_text_and_note_numbers_reach_a_screen_reader(browser, base_url):
    """Chromium as it runs beside a screen reader (accessibility on from the start): every
    paragraph's text and every note's number are in the tree it is given, none scrolled to."""
    from site_build import CHROMIUM, CHROMIUM_ARGS

    reader = browser.browser_type.launch(executable_path=CHROMIUM, headless=True,
                                         args=[*CHROMIUM_ARGS, "--force-renderer-accessibility"])
    try:
        page = reader.new_page()
        page.goto(base_url + CHAPTER)
        texts = paragraph_texts(page, spoken=True)
        notes = page.locator(".footnote > ol > li").count()
        tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    finally:
        reader.close()
    roles = [node.get("role", {}).get("value") for node in tree]
    spoken = squeeze("".join(spoken_text(tree)))
    missing = [text[:20] for text in texts if squeeze(text) not in spoken]
    assert texts and not missing
    assert notes > 50 and roles.count("ListMarker") >= notes


def test_a_link_to_the_last_passage_lands_on_it(page, base_url):
    page.goto(base_url + CHAPTER)
    last = page.evaluate("selector => [...document.querySelectorAll(selector + '[id]')].pop().id", PARAGRAPHS)
    page.goto(base_url + CHAPTER + "#" + last)
    settle(page)
    box = page.locator(f'[id="{last}"]').bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]


@pytest.mark.parametrize("anchor", ["page-40", "page-45"])
def test_page_numbers_are_drawn_in_the_margin_and_not_over_the_text(page, base_url, anchor):
    """Screenshots with the number shown and hidden: the margin left of the number's line
    changes, the line's text does not (the span in a paragraph, the block between them)."""
    page.goto(f"{base_url}{CHAPTER}#{anchor}")
    settle(page)
    geometry = page.evaluate("""id => {
        const start = document.getElementById(id), box = start.getBoundingClientRect();
        const block = start.tagName === "DIV" ? start.nextElementSibling : start.parentElement;
        const outer = block.getBoundingClientRect(), style = getComputedStyle(block);
        const left = outer.left + parseFloat(style.paddingLeft);
        return {left, right: outer.right - parseFloat(style.paddingRight), top: box.top - 4,
                height: Math.max(box.height, 16) + 8}; }""", anchor)
    assert geometry["left"] > 60 and page.viewport_size["width"] >= 720  # a wide screen: a margin
    line = {"x": geometry["left"], "y": geometry["top"], "width": geometry["right"] - geometry["left"],
            "height": geometry["height"]}
    margin = {"x": geometry["left"] - 60, "y": geometry["top"], "width": 58, "height": geometry["height"]}
    shown = page.screenshot(clip=line), page.screenshot(clip=margin)
    page.add_style_tag(content=".md-typeset .page-start::before { visibility: hidden !important; }")
    hidden = page.screenshot(clip=line), page.screenshot(clip=margin)
    assert shown[0] == hidden[0], "the page number is drawn over the text"
    assert shown[1] != hidden[1], "the page number is not in the margin"


@pytest.mark.parametrize("path", [CHAPTER, "zh-Hant/", "zh-Hans/chapter-2/"])
def test_nothing_on_the_first_screen_moves_while_a_phone_loads_the_page(browser, base_url, path):
    """A phone's viewport and a phone's slower processor (Chromium's CPU throttling), so that
    frames are painted while the page is still arriving: what those frames showed must not
    move (the layout shifts the browser reports, as Lighthouse sums them, add up to nothing
    that a reader would see; 0.1 is where Lighthouse starts to count a page as shifting).
    A paragraph drawn at its estimated height before its real one moved everything below it
    (0.15 on the home page, 0.22 on chapter 2), and the 原文 ⇄ 校讀 switch shown at the end
    of the load pushed the text down (0.03)."""
    context = browser.new_context(locale="zh-TW", viewport={"width": 412, "height": 823},
                                  device_scale_factor=1.75, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.add_init_script("""window.__shifts = [];
        new PerformanceObserver(list => list.getEntries().forEach(shift => {
            if (!shift.hadRecentInput) window.__shifts.push(shift.value); }))
        .observe({type: "layout-shift", buffered: true});""")
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(base_url + path)
    settle(page)
    shifts = page.evaluate("window.__shifts")
    context.close()
    assert sum(shifts) < 0.005, shifts


@pytest.mark.parametrize("leave", ["reload", "back"])
def test_reload_and_back_keep_the_passage_the_reader_was_at(page, base_url, leave):
    """The browser restores a scroll offset; with paragraphs skipped at their estimated
    height, that offset lands elsewhere (a link's note, fn:45, came back 173 px below the
    top). The passage at the top of the screen is what comes back, at the same height."""
    page.goto(base_url + CHAPTER)
    page.mouse.wheel(0, 20000)
    page.wait_for_function("() => scrollY > 15000")
    # kept once the scrolling stops: the place the history entry holds is the one on the screen
    page.wait_for_function("""() => { const kept = history.state && history.state.editionPlace;
        const at = kept && kept.id && document.getElementById(kept.id);
        return scrollY > 15000 && at && Math.abs(at.getBoundingClientRect().top - kept.top) < 1; }""")
    place = page.evaluate("""() => {
        const at = document.elementFromPoint(innerWidth / 2, innerHeight / 2).closest("article [id]");
        return {id: at.id, top: at.getBoundingClientRect().top}; }""")
    if leave == "reload":
        page.reload()
    else:
        page.goto(base_url + "zh-Hant/chapter-3/")
        page.go_back()
        page.wait_for_function("() => location.pathname.endsWith('/chapter-2/')")  # back on it, whether from the cache or loaded
    settle(page)
    settle(page)
    top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", place["id"])
    assert abs(top - place["top"]) < 2, (place, top)
