"""Small text helpers shared by the passes."""
from __future__ import annotations

import unicodedata


def is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def is_ideograph(char: str) -> bool:
    return unicodedata.category(char) == "Lo" and is_wide(char)


def is_latin(char: str) -> bool:
    """Characters of English text: their words need their spaces back when wrapped."""
    return not is_wide(char) and not char.isspace()


def join_wrapped(left: str, right: str) -> str:
    """Join a hard-wrapped line to the next one.

    A space survives only where the source had one at the wrap and a Latin character
    touches it: English words and "年 2001"-style spacing keep it, Chinese does not,
    and a URL broken without a space stays one URL.
    """
    body = left.rstrip()
    had_space = body != left
    right = right.lstrip()
    if not body:
        return right
    if not right:
        return body
    if had_space and (is_latin(body[-1]) or is_latin(right[0])):
        return body + " " + right
    if is_ideograph(body[-1]) and right[0].isascii() and right[0].isalnum() or (
        body[-1].isascii() and body[-1].isalnum() and is_ideograph(right[0])
    ):
        return body + " " + right  # the author spaces numbers and words from Han text
    return body + right


def display_width(text: str) -> int:
    return sum(2 if is_wide(c) else 1 for c in text)


def visible(text: str) -> str:
    """The characters a reader reads: everything but whitespace."""
    return "".join(c for c in text if not c.isspace())
