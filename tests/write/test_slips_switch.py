"""The 原文 ⇄ 校讀 switch, written into pages with slips at build time (scripts/hooks/slips_switch.py)."""
import re
from pathlib import Path

import pytest

HOOKS = Path(__file__).resolve().parents[2] / "scripts" / "hooks"
SLIP = '<span class="sic" id="slip-{n}" data-corr="覷" role="button" tabindex="0">靦</span>'


@pytest.fixture
def add_slips_switch(monkeypatch):
    monkeypatch.syspath_prepend(str(HOOKS))
    from slips_switch import add_slips_switch
    return add_slips_switch


def test_switch_follows_the_heading_hidden_with_the_pages_count(add_slips_switch):
    page = f'<h1 id="x">第二章</h1>\n<p>不容小{SLIP.format(n=1)}的力量，{SLIP.format(n=2)}</p>'
    out = add_slips_switch(page, "../errata/")
    heading, rest = out.split("</h1>", 1)
    switch = re.match(r"(<div class=\"slips-switch\" hidden>.*?</div>)\n<p>", rest, re.S)
    assert switch, rest[:200]
    assert 'title="顯示校讀（2 處）"' in switch.group(1) and 'aria-pressed="false"' in switch.group(1)
    assert '<a class="slips-switch__list" href="../errata/">勘誤表</a>' in switch.group(1)
    assert out.replace(switch.group(1), "") == page  # nothing else changed


def test_page_without_slips_is_left_as_it_is(add_slips_switch):
    page = '<h1>第一章</h1><p>沒有<span class="sic">校記</span>的頁。</p>'
    assert add_slips_switch(page, "../errata/") == page


def test_page_with_slips_and_no_heading_is_an_error(add_slips_switch):
    with pytest.raises(ValueError, match="no <h1>"):
        add_slips_switch(f"<p>{SLIP.format(n=1)}</p>", "../errata/")
