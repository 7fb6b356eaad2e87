"""The reader's place: Back after every jump within a page comes back to the line the reader
left; the 繁/简 switch lands on the passage that was at the top of the screen; a tap on a note
marker on a phone opens the note where the reader is; a link to any anchor lands it in full
view below the header.  Desktop and 390 px phone, both scripts."""
import re

import pytest
from reader_views import SCRIPTS, VIEWS, header_bottom, opened, press, settle

pytestmark = pytest.mark.browser

LINE = 20  # px: "the same line", a little under one line of text (0.8rem × 1.6)

# Each kind of jump within a page: the page, the link the reader follows from the text.
JUMPS = {
    "note": ("chapter-3/", 'article a.footnote-ref[href="#fn:103"]'),
    "table": ("chapter-3/", 'article a[href="#table-3-1"]:not(.passage-link)'),
    "figure": ("chapter-2/", 'article a[href="#figure-2-1"]:not(.passage-link)'),
    "cross-reference": ("chapter-3/#fn:103", 'article a.footnote-backref[href="#fnref:103"]'),
    "heading link": ("chapter-3/", 'article h2 a.headerlink'),
}


def top_of(page, selector):
    return page.locator(selector).first.evaluate("e => e.getBoundingClientRect().top")


def bring_to_middle(page, selector):
    """The reader scrolls the link to the middle of the screen (and the page settles there)."""
    page.locator(selector).first.evaluate("e => e.scrollIntoView({block: 'center'})")
    settle(page)
    page.mouse.wheel(0, 1)  # a reader's own scroll, after which the browser has its place
    page.wait_for_timeout(300)  # past the 150 ms after which the place is kept: not a timing assertion
    settle(page)


def tap_in_view(page, locator):
    """A tap where the element is on the screen, as a finger does (a locator's tap would first
    scroll the page, and move the place the reader leaves from)."""
    locator.wait_for()
    box = locator.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= page.viewport_size["height"], box
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def follow_and_come_back(page, selector, view, follow):
    bring_to_middle(page, selector)
    before = top_of(page, selector), page.url, page.evaluate("scrollY")
    follow()
    page.wait_for_function("url => location.href !== url", arg=before[1])
    settle(page)
    assert abs(page.evaluate("scrollY") - before[2]) > 200, "the jump did not move the page"
    page.go_back()
    page.wait_for_function("url => location.href === url", arg=before[1])
    settle(page, 3)
    after = top_of(page, selector)
    assert abs(after - before[0]) < LINE, (before, after)


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("jump", JUMPS)
def test_back_after_a_jump_within_the_page_returns_to_the_line(browser, base_url, view, script, jump):
    path, selector = JUMPS[jump]
    with opened(browser, view) as page:
        page.goto(f"{base_url}{script}/{path}")
        settle(page)
        link = page.locator(selector).first
        if jump == "note" and view == "phone":  # a tap opens the pop-up, its link goes on to the note
            follow = lambda: (link.tap(), tap_in_view(page, page.locator(".md-tooltip2--active .edition-note-onward")))
        else:
            follow = lambda: press(page, link, view)
        follow_and_come_back(page, selector, view, follow)


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("view", VIEWS)
def test_the_passage_link_keeps_the_place(browser, base_url, view, script):
    """The ¶ link: if following it changes the address, Back returns to the line; if it does
    not (it may copy the passage's link instead), the page has not moved."""
    selector = 'article a.passage-link[href="#p-3-1-2-2-7"]'
    with opened(browser, view, permissions=["clipboard-read", "clipboard-write"]) as page:
        page.goto(f"{base_url}{script}/chapter-3/")
        settle(page)
        bring_to_middle(page, 'article [id="p-3-1-2-2-7"]')
        before, url = top_of(page, selector), page.url
        # a far jump first, so that coming back shows: the ¶ link's target is its own passage
        page.evaluate("() => { location.hash = 'fn:120'; }")
        page.wait_for_function("() => location.hash === '#fn:120'")
        page.go_back()
        page.wait_for_function("url => location.href === url", arg=url)
        settle(page, 3)
        assert abs(top_of(page, selector) - before) < LINE
        press(page, page.locator(selector), view)
        settle(page)
        if page.url != url:
            page.go_back()
            page.wait_for_function("url => location.href === url", arg=url)
            settle(page, 3)
        assert abs(top_of(page, selector) - before) < LINE


QUERY = {"zh-Hant": "經濟一體化", "zh-Hans": "经济一体化"}


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("view", VIEWS)
def test_back_after_a_search_result_on_the_same_page_returns_to_the_line(browser, base_url, view, script):
    marker = 'article a.footnote-ref[href="#fn:110"]'
    with opened(browser, view) as page:
        page.goto(f"{base_url}{script}/chapter-3/")
        settle(page)
        bring_to_middle(page, marker)
        before, url = top_of(page, marker), page.url
        opener = page.locator("label.md-header__button[for=__search]")
        (opener if opener.is_visible() else page.locator("input[data-md-component=search-query]")).click()
        box = page.locator("input[data-md-component=search-query]")
        box.fill(QUERY[script])
        box.press("End")  # a key released: the query is searched
        result = page.locator('.md-search-result__item a[href*="chapter-3/"][href*="#"]').first
        result.wait_for(timeout=30000)  # the search data loads when search is first used
        press(page, result, view)
        page.wait_for_function("url => location.href !== url", arg=url)
        page.wait_for_load_state()
        settle(page)
        page.go_back()
        page.wait_for_function("url => location.href === url", arg=url)
        settle(page, 3)
        assert abs(top_of(page, marker) - before) < LINE


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("view", VIEWS)
def test_the_script_switch_lands_on_the_passage_at_the_top_of_the_screen(browser, base_url, view, script):
    twin = {"zh-Hant": "zh-Hans", "zh-Hans": "zh-Hant"}[script]
    with opened(browser, view) as page:
        page.goto(f"{base_url}{script}/chapter-4/")
        settle(page)
        # the passage's first line just under the header: it is the one at the top of the screen
        page.locator('[id="p-4-2-3-2-4"]').evaluate("""e => window.scrollTo(0, scrollY + e.getBoundingClientRect().top
            - document.querySelector(".md-header").getBoundingClientRect().bottom + 4)""")
        settle(page)
        page.mouse.wheel(0, 1)
        settle(page)
        assert "#" not in page.url
        press(page, page.locator("a.script-switch__link"), view)
        page.wait_for_url(re.compile(rf".*/{twin}/chapter-4/.*"))
        assert page.url.endswith("#p-4-2-3-2-4"), page.url
        settle(page)
        box = page.locator('[id="p-4-2-3-2-4"]').bounding_box()
        assert header_bottom(page) <= box["y"] < page.viewport_size["height"] / 2, box


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_tap_on_a_note_marker_opens_the_note_where_the_reader_is(browser, base_url, script):
    with opened(browser, "phone") as page:
        page.goto(f"{base_url}{script}/chapter-3/")
        settle(page)
        marker = page.locator('article a.footnote-ref[href="#fn:103"]')
        bring_to_middle(page, 'article a.footnote-ref[href="#fn:103"]')
        y, url = page.evaluate("scrollY"), page.url
        marker.tap()
        note = page.locator(".md-tooltip2--active")
        note.wait_for()
        assert page.url == url and page.evaluate("scrollY") == y  # no jump: the note came to the reader
        box = note.locator(".md-tooltip2__inner").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["height"] > 20
        # the note's 〔書目〕 link is there and can be tapped
        bib = note.locator("a.bib-link")
        assert bib.is_visible()
        bib.tap()
        page.wait_for_url(re.compile(r".*/bibliography/#dai2008shijie$"))
        page.go_back()
        page.wait_for_url(url)
        settle(page, 3)
        # a second tap on the marker goes on to the note
        marker.tap()
        note.wait_for()
        marker.tap()
        page.wait_for_url(re.compile(r".*#fn:103$"))
        settle(page)
        assert header_bottom(page) <= page.locator('[id="fn:103"]').bounding_box()["y"] < 844


ANCHORS = ["table-2-1", "figure-2-1", "p-2-1-1-2", "fn:45", "page-45", "page-40", "slip-24", "sec-3"]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("anchor", ANCHORS)
def test_a_link_to_an_anchor_on_a_phone_lands_it_in_full_view_below_the_header(browser, base_url, script, anchor):
    """Below the header and Material's 「回到頁面頂部」 button (shown as the page settles); whole
    when it fits on the screen, else its top."""
    with opened(browser, "phone") as page:
        target = page.locator(f'[id="{anchor}"]')
        page.goto(f"{base_url}{script}/chapter-2/#{anchor}")
        settle(page, 3)
        box = target.evaluate("""e => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; }""")
        covered = header_bottom(page)
        assert box["top"] >= covered, (box, covered)
        if box["bottom"] - box["top"] <= 844 - covered:
            assert box["bottom"] <= 844, box
