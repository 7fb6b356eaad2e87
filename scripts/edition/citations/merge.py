"""Readings of the same work, from different notes, merged into one (`same_work`)."""
from __future__ import annotations

import copy
import difflib
import re
import unicodedata

from .grammar import kind_of
from .records import NoteReading, Problems, Reading


VARIANTS = str.maketrans({"伙": "夥"})


def apply_same_as(readings: dict[int, NoteReading], problems: Problems) -> None:
    for number, result in readings.items():
        if not result.same_as:
            continue
        target = readings.get(result.same_as)
        if target is None or target.reading is None:
            problems.add(number, f"override points to note {result.same_as}, which cites nothing")
            result.reading = Reading("misc", {"language": "chinese"})
            continue
        locator = result.reading.locator
        result.reading = copy.deepcopy(target.reading)
        result.reading.locator = locator
        result.kind = kind_of("citation", result.reading)


def merge_readings(readings: dict[int, NoteReading], problems: Problems) -> tuple[list[list], dict[int, int]]:
    """Group the readings into works: groups[i] = [(note, Reading), …]."""
    groups: list[list[tuple[int, Reading]]] = []
    group_of: dict[int, int] = {}
    for number, result in readings.items():
        if result.reading is None:
            continue
        best = None
        for index, group in enumerate(groups):
            verdicts = [same_work(result.reading, other) for _, other in group]
            verdict = min((v for v in verdicts if v), key=["exact", "variant", "approximate"].index, default=None)
            if verdict and (best is None or verdict == "exact"):
                best = (index, verdict)
                if verdict == "exact":
                    break
        if best is None:
            groups.append([(number, result.reading)])
            group_of[number] = len(groups) - 1
            continue
        index, verdict = best
        if verdict == "approximate":
            first = groups[index][0][0]
            problems.add(number, f"merged with the work of note {first} by an approximate title match")
        groups[index].append((number, result.reading))
        group_of[number] = index
    return groups, group_of


def family(entry_type: str) -> str:
    return {"book": "book", "techreport": "book", "online": "web", "misc": "web"}.get(entry_type, entry_type)


def same_work(a: Reading, b: Reading) -> str | None:
    """"exact", "variant" (dropped subtitle/series), "approximate" (flagged), or None."""
    if family(a.entry_type) != family(b.entry_type):
        return None
    year_a, year_b = a.fields.get("year"), b.fields.get("year")
    if year_a and year_b and year_a != year_b:
        return None
    title_a, title_b = a.fields.get("title", ""), b.fields.get("title", "")
    if not title_a or not title_b:  # untitled: the same URL, or the same paper of the same day
        if a.fields.get("url") and a.fields.get("url") == b.fields.get("url"):
            return "exact"
        dated = ("journal", "organization", "year", "month", "day")
        same_day = not title_a and not title_b and year_a and all(a.fields.get(f) == b.fields.get(f) for f in dated)
        return "exact" if same_day else None
    shared = set(a.people) & set(b.people)
    same_container = any(a.fields.get(f) and a.fields.get(f) == b.fields.get(f)
                         for f in ("publisher", "journal", "organization"))
    if title_core(title_a) == title_core(title_b):  # e.g. 24/174: 德拉干那 / 德拉幹那, same journal
        return "exact" if shared or same_container or not (a.people and b.people) else None
    if not shared:
        return None
    segments_a, segments_b = title_segments(title_a), title_segments(title_b)
    if segments_a <= segments_b or segments_b <= segments_a:
        return "variant"
    ratio = difflib.SequenceMatcher(None, title_core(title_a), title_core(title_b)).ratio()
    return "approximate" if same_container and ratio >= 0.85 else None


def title_core(title: str) -> str:
    text = unicodedata.normalize("NFKC", title).translate(VARIANTS)
    text = re.sub(r"\([^()]*\)", "", text)
    return re.sub(r"[\W_]+", "", text).lower()


def title_segments(title: str) -> set[str]:
    text = unicodedata.normalize("NFKC", title).translate(VARIANTS)
    text = re.sub(r"\([^()]*\)", "", text)
    return {title_core(s) for s in re.split(r"[:：\-—－~～]+", text) if title_core(s)}


def canonical(group: list[tuple[int, Reading]]) -> tuple[str, dict[str, str], str]:
    """Entry type, fields and language of a merged work."""
    first = group[0][1]
    fields = dict(first.fields)
    for _, reading in group[1:]:
        for name, value in reading.fields.items():
            if name in ("author", "editor") and value in (fields.get("author"), fields.get("editor")):
                continue  # the same people in another role (編著 here, 著 there): the first note's word stands
            fields.setdefault(name, value)
    titles = [r.fields["title"] for _, r in group if r.fields.get("title")]
    if titles:
        fields["title"] = max(titles, key=lambda t: (len(title_segments(t)), t.count("("), -titles.index(t)))
    entry_type = first.entry_type
    if entry_type == "misc" and "url" in fields:
        entry_type = "online"
    return entry_type, fields, first.language
