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
    return len(marks)
