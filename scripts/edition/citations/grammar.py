"""What the Chinese and English grammars share: brackets, top-level segments, dates, locators."""
from __future__ import annotations

import re
import unicodedata

from .records import Reading


PAIRS = {"(": ")", "「": "」", "『": "』", "《": "》", "〈": "〉", "“": "”"}
CLOSERS = {v: k for k, v in PAIRS.items()}
CJK = "\u4e00-\u9fff"
LOCATOR = re.compile(
    r"(?P<loc>頁\s*\d[\d\-－~～、 ]*|pp?\.\s*\d[\d\-–]*|p\d[\d\-–]*|導言|第\s*\d+\s*版|版\s*\d+)\s*[。.]?\s*$"
)
BARE_PAGES = re.compile(r"\)\s*[，,]\s*(?P<loc>\d+(?:\s*-\s*\d+)?)\s*[。.]?\s*$")
DATE = re.compile(
    r"(?P<year>\d{4})\s*年\s*(?:(?P<month>\d{1,2}(?:\s*-\s*\d{1,2})?)\s*月)?\s*(?:(?P<day>\d{1,2})\s*日)?\s*版?"
)
FULL_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


def kind_of(kind: str, reading: Reading) -> str:
    if kind in ("mixed", "back-reference", "explanatory"):
        return kind
    return "web" if "url" in reading.fields else "citation"


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).strip()
    text = text.replace("（", "(").replace("）", ")")
    return re.sub(r"http(s?)：//", r"http\1://", text)


def peel_locator(body: str) -> tuple[str, str]:
    """(body without the locator, the locator as written)."""
    body = body.strip().rstrip("。").strip()
    match = LOCATOR.search(body) or BARE_PAGES.search(body)
    if not match:
        return body, ""
    return body[: match.start("loc")].rstrip(" ，,。.").strip(), match["loc"].strip()


def repair_brackets(text: str, problems: list[str]) -> str:
    """Drop brackets that have no partner, and say so."""
    stack, unmatched = [], []
    for i, ch in enumerate(text):
        if ch in PAIRS:
            stack.append(i)
        elif ch in CLOSERS:
            if stack and text[stack[-1]] == CLOSERS[ch]:
                stack.pop()
            else:
                unmatched.append(i)
    unmatched += stack
    if not unmatched:
        return text
    marks = "".join(text[i] for i in sorted(unmatched))
    problems.append(f"unbalanced brackets ({marks}); the unmatched marks were dropped before reading")
    return "".join(ch for i, ch in enumerate(text) if i not in set(unmatched))


def split_top(text: str, separator: str = "，") -> list[str]:
    """Split at separators outside any brackets."""
    parts, depth, current = [], 0, []
    for ch in text:
        if ch in PAIRS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
        if ch == separator and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def unquote(segment: str) -> tuple[str, bool]:
    """「篇名」 → (篇名, True) when the brackets wrap the whole segment."""
    if len(segment) >= 2 and segment[0] in PAIRS and segment[-1] == PAIRS[segment[0]]:
        depth = 0
        for i, ch in enumerate(segment):
            depth += ch in PAIRS
            depth -= ch in CLOSERS
            if depth == 0 and i < len(segment) - 1:
                return segment, False
        return segment[1:-1].strip(), True
    return segment, False
