"""Which source lines are headings, and of what level.

Chapter h1, 第X節 h2, 一、 h3, (一) h4, 1. h5 — the numbered levels only where the line is
a short title of its own; run-in numbered items (long, or ending a sentence) stay text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .text import display_width

NUMERAL = "一二三四五六七八九十"
CHAPTER = re.compile(rf"^第([{NUMERAL}]+)章\s*(\S.*)$")
SECTION = re.compile(rf"^第([{NUMERAL}]+)節\s*(\S.*)$")
ARTICLE = re.compile(rf"^第([{NUMERAL}]+)條\s*(\S.*)$")
APPENDIX = re.compile(rf"^附錄([{NUMERAL}]+)：\s*(\S.*)$")
NUMBERED = [
    (3, re.compile(rf"^[{NUMERAL}]+、\S")),
    (4, re.compile(rf"^[(（][{NUMERAL}]+[)）]、?\S")),
    (5, re.compile(r"^\d+\.\S")),
]
TITLE_MAX_WIDTH = 60
NOT_A_TITLE_END = tuple("。；，、")


@dataclass(frozen=True)
class HeadingLine:
    kind: str  # front, appendices, appendix, chapter, chapter-list, section, article, numbered
    level: int
    number: int = 0  # chapter, section, appendix or article number


def numeral_value(numeral: str) -> int:
    """一..九十九 as an integer (enough for chapters, articles and items)."""
    digits = {c: i for i, c in enumerate(NUMERAL, start=1)}
    if "十" not in numeral:
        return digits[numeral]
    tens, _, units = numeral.partition("十")
    return (digits[tens] if tens else 1) * 10 + (digits[units] if units else 0)


def numeral(value: int) -> str:
    """1..99 as 一..九十九 (the inverse of numeral_value), for messages."""
    tens, units = divmod(value, 10)
    return ((NUMERAL[tens - 1] if tens > 1 else "") + "十" if tens else "") + (NUMERAL[units - 1] if units else "")


def classify_line(text: str) -> HeadingLine | None:
    text = text.strip()
    compact = text.replace(" ", "")
    if compact in ("摘要", "Abstract"):
        return HeadingLine("front", 1)
    if compact == "附錄":
        return HeadingLine("appendices", 0)
    if match := APPENDIX.match(text):
        return HeadingLine("appendix", 1, numeral_value(match.group(1)))
    if match := CHAPTER.match(text):
        if text.endswith("："):
            return HeadingLine("chapter-list", 0, numeral_value(match.group(1)))
        return HeadingLine("chapter", 1, numeral_value(match.group(1)))
    if match := SECTION.match(text):
        return HeadingLine("section", 2, numeral_value(match.group(1)))
    if match := ARTICLE.match(text):
        return HeadingLine("article", 2, numeral_value(match.group(1)))
    if display_width(text) <= TITLE_MAX_WIDTH and not text.endswith(NOT_A_TITLE_END):
        for level, pattern in NUMBERED:
            if pattern.match(text):
                return HeadingLine("numbered", level)
    return None
