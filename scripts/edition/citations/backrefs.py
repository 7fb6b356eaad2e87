"""前揭書, 前揭文, 同上 and 同註 N resolved to the work they point to."""
from __future__ import annotations

import re

from .merge import canonical
from .records import BOOKLIKE, BackRef, NoteReading, Problems


def resolve_backrefs(readings: dict[int, NoteReading], groups: list, group_of: dict[int, int],
                     problems: Problems) -> tuple[dict[int, list[int]], dict[int, str]]:
    """Each note → the groups it cites, and each note's locator."""
    note_groups: dict[int, list[int]] = {}
    locators: dict[int, str] = {}
    previous = 0  # the last note that cited something
    for number, result in readings.items():
        if result.reading is not None:
            note_groups[number], locators[number] = [group_of[number]], result.reading.locator
        elif result.backref is not None:
            ref = result.backref
            pointed = backref_source(ref, number, previous, note_groups, groups, problems)
            if pointed:
                note_groups[number] = list(note_groups[pointed])
                locators[number] = ref.locator or (locators[pointed] if ref.form in ("同上", "同前") else "")
                check_backref(number, ref, pointed, note_groups, groups, locators, problems)
        if note_groups.get(number):
            previous = number
    return note_groups, locators


def backref_source(ref: BackRef, number: int, previous: int, note_groups: dict, groups: list,
                   problems: Problems) -> int:
    """The earlier note whose work the back-reference means (0 if none)."""
    if ref.target:
        if ref.target < number and note_groups.get(ref.target):
            return ref.target
        problems.add(number, f"同註 {ref.target} points to a note that cites nothing before it")
        return 0
    if ref.who:
        for earlier in sorted(note_groups, reverse=True):
            people = {p for g in note_groups[earlier] for _, r in groups[g] for p in r.people}
            if any(ref.who in p or p in ref.who for p in people):
                return earlier
        problems.add(number, f"no earlier work by {ref.who} for {ref.form}")
        return 0
    if not previous:
        problems.add(number, f"{ref.form} with no earlier citation")
    return previous


def check_backref(number: int, ref: BackRef, pointed: int, note_groups: dict, groups: list,
                  locators: dict, problems: Problems) -> None:
    """前揭書 meaning an article (or 前揭文 a book) must continue the pages of that citation."""
    entry_type = canonical(groups[note_groups[pointed][0]])[0]
    says_book = ref.form in ("前揭書", "前引書")
    says_article = ref.form in ("前揭文", "前引文")
    if not ((says_book and entry_type not in BOOKLIKE) or (says_article and entry_type in BOOKLIKE)):
        return
    here, there = first_page(ref.locator), first_page(locators.get(pointed, ""))
    if here is None or there is None or abs(here - there) > 15:
        problems.add(number, f"{ref.form} resolved to the {entry_type} of note {pointed}, "
                     "but the pages do not confirm it")


def first_page(locator: str) -> int | None:
    match = re.search(r"\d+", locator or "")
    return int(match.group(0)) if match else None
