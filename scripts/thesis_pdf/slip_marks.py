"""The author's slips in the PDF: the author's text stays; the reading goes to the page foot.

Each span.sic of the print page (its reading in data-corr) gets a lettered call (ᵃ, ᵇ …)
and a line at the foot of its page, "a 小靦 → 小覷（形近誤字，確定）", floated there by
thesis.css like the notes but outside their numbering (the calls are letters, the notes
keep their own numbers 1–273 and the read-back finds them as before).  A slip inside a
note cannot float from a float: its reading is added at the end of that note instead.
A slip in a table cell keeps the reading beside it, small, inside the cell.
"""
from __future__ import annotations

from xml.etree import ElementTree as ET

from .kinsoku import CLOSING_RUN

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def classes(node: ET.Element) -> set[str]:
    return set((node.get("class") or "").split())


def reading_text(mark: ET.Element) -> str:
    """"小靦 → 小覷（形近誤字，確定）", from the mark's own attributes and text."""
    label = mark.get("aria-label") or ""
    detail = label[label.find("（"):label.find("）") + 1] if "（" in label else ""
    return f"{''.join(mark.itertext())} → {mark.get('data-corr')}{detail}"


def mark_slips(root: ET.Element) -> int:
    """Every slip's reading placed; the number of slips marked."""
    parents = {child: parent for parent in root.iter() for child in parent}

    def inside(node: ET.Element, test) -> ET.Element | None:
        while node in parents:
            node = parents[node]
            if test(node):
                return node
        return None

    marks = [m for m in root.iter("span") if "sic" in classes(m) and m.get("data-corr")]
    for index, mark in enumerate(marks):
        reading = reading_text(mark)
        for attribute in ("role", "tabindex", "aria-label"):  # the web page's, not the PDF's
            mark.attrib.pop(attribute, None)
        note = inside(mark, lambda n: "note" in classes(n))
        cell = inside(mark, lambda n: n.tag in ("td", "th"))
        if note is not None:
            added = ET.Element("span", {"class": "slip-in-note"})
            added.text = f"（校讀：{reading}）"
            note.append(added)
            continue
        letter = LETTERS[index % len(LETTERS)]
        foot = ET.Element("span", {"class": "slip-cell" if cell is not None else "slip-note", "data-mark": letter})
        foot.text = f"〔{mark.get('data-corr')}〕" if cell is not None else reading
        heading = inside(mark, lambda n: n.tag in ("h1", "h2", "h3", "h4", "h5", "h6"))
        if heading is not None:
            # the heading's text is also the contents' and the bookmarks': the letter is drawn
            # by CSS on the mark, and the foot line floats from just after the heading
            mark.set("data-mark", letter)
            mark.set("class", "sic sic-called")
            foot.set("class", "slip-note slip-note--uncalled")
            holder = parents[heading]
            holder.insert(list(holder).index(heading) + 1, foot)
            continue
        foot.tail, mark.tail = mark.tail, None
        parent = parents[mark]
        parent.insert(list(parent).index(mark) + 1, foot)
        keep_with_mark(parent, mark, foot)
    return len(marks)


def keep_with_mark(parent: ET.Element, mark: ET.Element, foot: ET.Element) -> None:
    """Kinsoku, as for the note markers (prepare.keep_with_marker): set the slip's words, its
    letter (the foot line's call), a note marker's run just after them and the closing marks
    after those in one unbreakable span.keep (thesis.css).  In a table cell the reading
    stands beside the words (〔宏觀〕) and may start a line: only the closing marks keep to it."""
    children = list(parent)
    run = [mark, foot] if "slip-note" in classes(foot) else [foot]
    after_foot = children.index(foot) + 1
    following = children[after_foot] if after_foot < len(children) else None
    if following is not None and not foot.tail and "keep" in classes(following):
        run.append(following)  # 「…發展ⁿ⁸¹，」: the note's own run, its closing marks included
    closing = CLOSING_RUN.match(foot.tail or "") if run[-1] is foot else None
    if len(run) == 1 and not closing:
        return  # a table cell's reading with no closing mark after it
    keep = ET.Element("span", {"class": "keep"})
    if closing:
        keep.tail, foot.tail = foot.tail[closing.end():], closing.group(0)
    else:
        keep.tail, run[-1].tail = run[-1].tail, None
    index = children.index(run[0])
    for node in run:
        parent.remove(node)
    keep.extend(run)
    parent.insert(index, keep)
