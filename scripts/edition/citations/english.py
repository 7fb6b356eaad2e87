"""The small English citation grammar (author, title, publication, date)."""
from __future__ import annotations

import re

from .names import bibtex_name, plain_name, split_names
from .records import Reading, Unreadable


MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


def read_english(body: str) -> Reading:
    body = body.strip(" ,.")
    quoted = re.match(r"(?P<who>[^,“\"]+?)\s*,\s*[“\"](?P<title>[^”\"]+?)[,，]?\s*[”\"]\s*,?\s*(?P<rest>.*)$", body)
    if quoted:
        fields = {"title": quoted["title"].strip()}
        rest = quoted["rest"]
        volume = re.search(r"Vol\.?\s*(\d+)", rest)
        if volume:
            entry_type = "article"
            fields["journal"] = rest[: volume.start()].strip(" ,")
            fields["volume"] = volume[1]
            fields.update(english_date(rest[volume.end():]))
        else:
            entry_type = "misc"
            fields.update(english_date(rest))
    else:
        book = re.match(r"(?P<who>[^,]+?),\s*(?P<title>[^(]+?),?\s*\((?P<pub>[^()]*)\)", body)
        if not book:
            raise Unreadable("English citation of an unknown form")
        entry_type, fields = "book", {"title": book["title"].strip()}
        fields.update(english_publication(book["pub"]))
    match = quoted or book
    names = split_names(match["who"])
    fields["author"] = " and ".join(bibtex_name(n) for n in names)
    return Reading(entry_type, fields, [plain_name(n) for n in names], "en")


def english_publication(content: str) -> dict[str, str]:
    """「Northants, UK : Oxford University Press, October 2005」."""
    place, _, rest = content.rpartition(":")
    publisher, _, date = rest.rpartition(",")
    fields = {"address": place.strip(), "publisher": publisher.strip()}
    fields.update(english_date(date))
    return fields


def english_date(text: str) -> dict[str, str]:
    year = re.search(r"\b(\d{4})\b", text)
    month = re.search(r"\b([A-Z][a-z]{2})[a-z]*\.?\s+\d{4}", text)
    fields = {"year": year[1]} if year else {}
    if month and month[1].lower() in MONTHS:
        fields["month"] = str(MONTHS[month[1].lower()])
    return fields
