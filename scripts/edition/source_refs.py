"""References to lines of source/thesis.txt inside the edition's own texts (slip reasons,
the notes on the metadata and on the figures), written `{行 6687}`, `{行 4416、6723}`,
`{行 3812–3881}`.

The line is what an editor checks against the source, so the data keeps it; a reader has
the printed book and the passages, so each writer says it in its reader's terms:
`as_lines` for editors (the TEI: 原文第 6687 行), `as_pages` for a reader's text where no
link can stand (an attribute, the EPUB, the PDF, the plain text: 原書第 97 頁), and
`as_links` where the writer can link each page to the passage (write/book_refs.py).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .errors import DataError

REFERENCE = re.compile(r"\{行 (\d+(?:–\d+)?(?:、\d+(?:–\d+)?)*)\}")


def line_spans(spec: str) -> list[tuple[int, int]]:
    """'4416、6723' → [(4416, 4416), (6723, 6723)]; '3812–3881' → [(3812, 3881)]."""
    spans = []
    for part in spec.split("、"):
        first, _, last = part.partition("–")
        spans.append((int(first), int(last or first)))
    return spans


def referenced_lines(text: str) -> list[int]:
    """Every line a text refers to (the first and last of a span), for the checks."""
    return [line for match in REFERENCE.finditer(text) for span in line_spans(match.group(1)) for line in span]


def as_lines(text: str) -> str:
    """For editors: 原文第 6687 行."""
    return REFERENCE.sub(lambda match: f"原文第 {match.group(1)} 行", text)


def page_span(span: tuple[int, int], page_of: Callable[[int], int]) -> str:
    first, last = page_of(span[0]), page_of(span[1])
    return str(first) if first == last else f"{first}–{last}"


def as_pages(text: str, page_of: Callable[[int], int]) -> str:
    """For readers, without links: 原書第 97 頁, 原書第 78、96 頁 (`page_of`: line → printed page)."""
    def pages(match: re.Match) -> str:
        numbers = list(dict.fromkeys(page_span(span, page_of) for span in line_spans(match.group(1))))
        return f"原書第 {'、'.join(numbers)} 頁"
    return REFERENCE.sub(pages, text)


def as_links(text: str, page_of: Callable[[int], int], link: Callable[[str, int], str],
             escape: Callable[[str], str] = lambda t: t) -> str:
    """For readers, each page linked to the passage its line stands in: `link(label, line)`
    writes the link; the text around the references goes through `escape`."""
    out, end = [], 0
    for match in REFERENCE.finditer(text):
        out.append(escape(text[end:match.start()]))
        links, seen = [], set()
        for span in line_spans(match.group(1)):
            pages = page_span(span, page_of)
            if pages not in seen:
                seen.add(pages)
                links.append(link(("原書第 " if not links else "第 ") + pages + " 頁", span[0]))
        out.append("、".join(links))
        end = match.end()
    return "".join(out) + escape(text[end:])


def check_references(texts: Iterable[tuple[str, str, str]], is_text_line: Callable[[int], bool]) -> None:
    """(file, where, text) each: every reference is well written and names a line of text
    (the body or a note), so that a reader's page and passage can be found for it."""
    for file, where, text in texts:
        if "{行" in REFERENCE.sub("", text):
            raise DataError(file, where, "line references written {行 N}, {行 N、M} or {行 N–M}", text)
        for line in referenced_lines(text):
            if not is_text_line(line):
                raise DataError(file, where, "a reference to a line of the body or of a note", f"line {line}")
