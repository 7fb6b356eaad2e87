"""Read a typeset thesis.pdf back and list what a reader would find wrong.

The PDF is not trusted: WeasyPrint has dropped and swapped notes in trials.  What the
reader sees is read from the PDF itself — words and their positions (pdftotext -bbox),
the contents as laid out (pdftotext -layout), link annotations and page labels (pypdf) —
and compared with what the print page says should be there: its notes (`li id=…fn:N`),
its original page numbers (`data-page`) and the paragraphs of its running text.
"""
from __future__ import annotations

import html
import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import tinyhtml5
from pypdf import PdfReader

from .kinsoku import CLOSING

NOTE_ITEM = re.compile(r'<li id="(?:[\w-]+-)?fn:(\d+)"[^>]*>(.*?)</li>', re.S)
NOTE_ID = re.compile(r"^(?:[\w-]+-)?fn:\d+$")
PAGE_START = re.compile(r'class="page-start"[^>]*data-page="(\d+)"')
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)
CONTENTS_LINE = re.compile(r"^\s*(\S.*?)\s*\.{3,}\s*([0-9]+|[ivxlc]+)\s*$")
MARGIN_NUMBER = re.compile(r"p\.(\d+)")
SEP = "\x1f"  # between words: never in the text
HEAD = 10  # characters of a note's text that identify it
BODY_SECTIONS = ("abstract", "chapter-", "appendix-")
SECTION_START = re.compile(r"(?:chapter|appendix)-\d+|part-[\w-]+|bibliography|errata|edition-report")
MM = 72 / 25.4
PAGE_HEIGHT = 297 * MM  # A4
# the text area: thesis.css's @page margin (top, right, bottom, left); the running head and folio lie outside
MARGINS = [float(v) * MM for v in re.search(r"@page \{\s*size: A4;\s*margin: ([\d.]+)mm ([\d.]+)mm ([\d.]+)mm ([\d.]+)mm",
                                            Path(__file__).with_name("thesis.css").read_text(encoding="utf-8")).groups()]
FILL = 0.70  # the least share of a body page's height a page of running text fills (see page_fill)
STRAY_LINES = 2  # a margin's page number stands beside the line its page begins in, or just above it


@dataclass(frozen=True)
class Expected:
    """What the print page says the PDF must hold."""

    notes: dict[int, str]  # number → the start of its text, without spaces
    printed_pages: list[int]  # the original page numbers, in order
    paragraphs: list[str] = field(default_factory=list)  # the body's paragraphs, without spaces or markers


class Word(NamedTuple):
    x: float  # left edge, points
    y: float  # top edge, points from the top of the page
    height: float  # of its box: the font size, times the font's ascent and descent
    text: str
    right: float = 0.0  # right edge, points


@dataclass
class Reading:
    """What a reader finds in the PDF."""

    words: list[list[Word]]  # per page, in reading order
    layout: list[str]  # per page, as laid out
    labels: list[str]  # page labels (printed folios)
    links: list[list[str]]  # per page: the named destinations its links go to
    report: dict = field(default_factory=dict)
    destinations: dict[str, int] = field(default_factory=dict)  # id → page index (section starts)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def expected_from_print_page(print_page: str) -> Expected:
    notes = {}
    for number, body in NOTE_ITEM.findall(print_page):
        body = re.sub(r'<a class="(?:footnote-backref|bib-link|passage-link)".*?</a>', "", body, flags=re.S)
        notes[int(number)] = squeeze(html.unescape(re.sub(r"<[^>]+>", "", body)))[:HEAD]
    return Expected(notes, [int(n) for n in PAGE_START.findall(print_page)], body_paragraphs(print_page))


def body_paragraphs(print_page: str) -> list[str]:
    """The running text of the abstracts, chapters and appendices: paragraphs set in the body size."""
    root = tinyhtml5.parse(print_page, namespace_html_elements=False)
    paragraphs = []
    for section in root.iter("section"):
        if not section.get("id", "").startswith(BODY_SECTIONS):
            continue
        parents = {child: parent for parent in section.iter() for child in parent}
        for paragraph in section.iter("p"):
            parent = parents[paragraph]
            if paragraph.get("class") or parent.tag not in ("section", "li") or NOTE_ID.match(parent.get("id", "")):
                continue  # part titles, editorial notes, notes: other sizes
            for sup in paragraph.iter("sup"):
                sup.text, sup[:] = "", []  # note markers: a smaller size
            for link in paragraph.iter("a"):
                if link.get("class") == "passage-link":
                    link.text = ""  # the ¶ link: the web page's, not the thesis's
            text = squeeze("".join(paragraph.itertext()))
            if text:
                paragraphs.append(text)
    return paragraphs


def read_pdf(path: Path) -> Reading:
    bbox = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    words = [[Word(float(x0), float(y0), round(float(y1) - float(y0), 1), html.unescape(text), float(x1))
              for x0, y0, x1, y1, text in WORD.findall(page)] for page in PAGE.findall(bbox)]
    layout = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                            check=True).stdout.split("\f")[: len(words)]
    reader = PdfReader(path)
    links = []
    for page in reader.pages:
        names = []
        for annotation in page.get("/Annots") or []:
            destination = annotation.get_object().get("/Dest")
            if isinstance(destination, str):
                names.append(destination)
        links.append(names)
    destinations = {name: reader.get_destination_page_number(target)
                    for name, target in reader.named_destinations.items() if SECTION_START.fullmatch(name)}
    return Reading(words, layout, list(reader.page_labels), links, destinations=destinations)


def note_pages(reading: Reading, expected: Expected) -> dict[int, list[tuple[int, int]]]:
    """Where each note's text is printed: (page index, position on the page) per occurrence."""
    found: dict[int, list[tuple[int, int]]] = {n: [] for n in expected.notes}
    for index, page in enumerate(reading.words):
        text = SEP + SEP.join(w.text for w in page if not MARGIN_NUMBER.fullmatch(w.text))
        for number, head in expected.notes.items():
            # the note's number as a word of its own, then its text (which may span words)
            pattern = rf"{SEP}{number}\.{SEP}?" + f"{SEP}?".join(map(re.escape, head))
            for match in re.finditer(pattern, text):
                found[number].append((index, match.start()))
    return found


def marker_pages(reading: Reading) -> dict[int, int]:
    pages = {}
    for index, names in enumerate(reading.links):
        for name in names:
            match = re.fullmatch(r"fn:(\d+)", name)
            if match:
                pages.setdefault(int(match.group(1)), index)
    return pages


def check_notes(reading: Reading, expected: Expected) -> list[str]:
    problems = []
    found = note_pages(reading, expected)
    markers = marker_pages(reading)
    placed = {}
    for number in sorted(expected.notes):
        occurrences = found[number]
        if not occurrences:
            problems.append(f"note {number} is not printed")
        elif len(occurrences) > 1:
            problems.append(f"note {number} is printed {len(occurrences)} times (pages {[p + 1 for p, _ in occurrences]})")
        else:
            placed[number] = occurrences[0]
        if number not in markers:
            problems.append(f"note {number}: no marker links to it")
    order = [n for n, _ in sorted(placed.items(), key=lambda item: item[1])]
    if order != sorted(order):
        swapped = [a for a, b in zip(order, order[1:]) if a > b]
        problems.append(f"notes out of order after {swapped[:10]}")
    early = [n for n, (page, _) in placed.items() if n in markers and page < markers[n]]
    if early:
        problems.append(f"notes before their marker's page: {early}")
    same = sum(1 for n, (page, _) in placed.items() if markers.get(n) == page)
    reading.report["notes on their marker's page"] = f"{same}/{len(expected.notes)}"
    if same < len(expected.notes):
        off = sorted(n for n, (page, _) in placed.items() if markers.get(n) != page)
        problems.append(f"only {same} of {len(expected.notes)} notes on their marker's page (off: {off})")
    return problems


def check_contents(reading: Reading) -> list[str]:
    """Each contents line's page number is the page (by its printed folio) where that title is."""
    problems = []
    contents = [i for i, page in enumerate(reading.layout) if squeeze(page).startswith(("目錄", "目录"))]
    if not contents:
        return ["no contents page"]
    checked = 0
    index = contents[0]
    while index < len(reading.layout):
        lines = [CONTENTS_LINE.match(line) for line in reading.layout[index].splitlines()]
        entries = [m.groups() for m in lines if m]
        if not entries:
            break
        for title, folio in entries:
            if folio not in reading.labels:
                problems.append(f"contents: {title} → page {folio}, which does not exist")
                continue
            page = reading.labels.index(folio)
            if squeeze(title) not in squeeze(reading.layout[page]):
                problems.append(f"contents: {title} → page {folio}, but the title is not on that page")
            checked += 1
        index += 1
    reading.report["contents entries checked"] = checked
    return problems + ([] if checked else ["contents: no entries with page numbers"])


def check_printed_pages(reading: Reading, expected: Expected) -> list[str]:
    """Every original page number is printed once, in order, in the left margin."""
    left = min(w.x for page in reading.words for w in page if not MARGIN_NUMBER.fullmatch(w.text))
    in_margin = [int(m.group(1)) for page in reading.words for w in sorted(page, key=lambda w: w.y)
                 if w.x < left and (m := MARGIN_NUMBER.fullmatch(w.text))]  # read down each page
    reading.report["original page numbers in the margin"] = f"{len(in_margin)}/{len(expected.printed_pages)}"
    problems = []
    missing = sorted(set(expected.printed_pages) - set(in_margin))
    if missing:
        problems.append(f"original page numbers missing from the margin: {missing}")
    if in_margin != expected.printed_pages and not missing:
        problems.append("original page numbers in the margin are out of order or repeated")
    return problems


def check_body_text(reading: Reading, expected: Expected) -> list[str]:
    """Every paragraph of the running text is printed whole, in order (no line lost in a page break)."""
    sizes = Counter(w.height for page in reading.words for w in page)
    body = sizes.most_common(1)[0][0]
    text = "".join(w.text for page in reading.words for w in page if abs(w.height - body) < 0.5)
    problems, position = [], 0
    for paragraph in expected.paragraphs:
        found = text.find(paragraph, position)
        if found < 0:
            problems.append(f"paragraph not printed whole or out of order: {paragraph[:30]}…")
        else:
            position = found + len(paragraph)
    reading.report["paragraphs checked"] = len(expected.paragraphs)
    return problems


def printed_lines(page: list[Word]) -> list[list[Word]]:
    """The page's words gathered into lines (boxes that overlap vertically), each left to right;
    a raised note marker overlaps the line it belongs to."""
    lines: list[list[Word]] = []
    for word in sorted(page, key=lambda w: (w.y + w.height, w.x)):
        line = lines[-1] if lines else None
        if line and word.y < max(w.y + w.height for w in line) - 0.2 * word.height:
            line.append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x) for line in lines]


RAISED = 0.75  # of the line's height: the raised calls are set at 0.65em, a cell's slip reading at 0.8em


def bad_line_starts(reading: Reading) -> list[tuple[int, str]]:
    """Where a line (or a table cell's line) begins with a closing mark, a note marker or a
    slip's letter: (page number, the line's start).  Kinsoku: CJK type never breaks before
    」，。 … and a marker or a letter belongs to the characters it follows."""
    found = []
    for index, page in enumerate(reading.words):
        for line in printed_lines([w for w in page if not MARGIN_NUMBER.fullmatch(w.text)]):
            size = max(w.height for w in line)
            for previous, word in zip([None, *line], line):
                if previous is not None and word.x - previous.right < 0.6 * size:
                    continue  # not the start of a line or of a cell's line
                raised = word.height < RAISED * size  # a note's marker or a slip's letter (ⁿ⁸¹)
                if raised or word.text[:1] in CLOSING:
                    found.append((index + 1, "".join(w.text for w in line)[:12]))
    return found



def check_line_starts(reading: Reading) -> list[str]:
    found = bad_line_starts(reading)
    reading.report["lines beginning with a closing mark, a marker or a letter"] = len(found)
    return [f"page {page}: a line begins with a closing mark, a note marker or a slip's letter: {start}"
            for page, start in found]


def check_title_pages(reading: Reading) -> list[str]:
    """A page that holds only a title (the 附錄 part title) prints it once: no heading or
    running head repeats it."""
    problems = []
    for index, page in enumerate(reading.layout):
        text = re.sub(r"p\.\d+", "", squeeze(page))
        text = re.sub(r"(?:\d+|[ivxlc]+)$", "", text)  # the folio
        if 0 < len(text) <= 16 and not re.search(r"[，。、；]", text):
            words = re.findall(r"附錄|附录|" + re.escape(text[: len(text) // 2]), text)
            if len(words) > 1 and len(set(words)) == 1:
                problems.append(f"page {index + 1}: its title is printed {len(words)} times ({text})")
    return problems


def text_lines(page: list[Word]) -> list[list[Word]]:
    """The lines inside the text area (no running head, folio or margin page number)."""
    top, bottom = MARGINS[0], PAGE_HEIGHT - MARGINS[2]
    return printed_lines([w for w in page if top - 3 <= w.y <= bottom and not MARGIN_NUMBER.fullmatch(w.text)])


def page_fill(page: list[Word]) -> float:
    """How full the page's text area is: 1 less its largest empty band (between two lines, or
    above the first or below the last) as a share of its height.  The notes sit at the foot, so
    a page whose running text stops early shows one band between text and notes."""
    top, bottom = MARGINS[0], PAGE_HEIGHT - MARGINS[2]
    band, above = 0.0, top
    for line in text_lines(page):
        band = max(band, min(w.y for w in line) - above)
        above = max(above, max(w.y + w.height for w in line))
    return 1 - max(band, bottom - above) / (bottom - top)


def body_pages(reading: Reading) -> range:
    """The chapters and appendices: from chapter 1's page to the page before the reference list."""
    starts = reading.destinations
    return range(starts.get("chapter-1", 0), starts.get("bibliography", len(reading.words)))


def short_pages(reading: Reading) -> list[tuple[int, float]]:
    """Body pages filled less than FILL that do not end a section (the page after them starts a
    chapter, an appendix or a part) and hold no part title: (page number, fill)."""
    starts = set(reading.destinations.values())
    parts = {page for name, page in reading.destinations.items() if name.startswith("part-")}
    return [(index + 1, fill) for index in body_pages(reading)
            if index + 1 not in starts and index not in parts
            and (fill := page_fill(reading.words[index])) < FILL]


def check_pages(reading: Reading) -> list[str]:
    """No page is blank (a running head and a page number alone are blank), no margin page number
    is left where no line follows it, and the body's pages are full but where a section ends."""
    problems = []
    blank = [i + 1 for i, page in enumerate(reading.words) if not text_lines(page)]
    if blank:
        problems.append(f"blank pages: {blank}")
    for index, page in enumerate(reading.words):
        lines = text_lines(page)
        for word in page:
            if MARGIN_NUMBER.fullmatch(word.text) and not any(
                    -word.height <= min(w.y for w in line) - word.y <= STRAY_LINES * max(w.height for w in line)
                    for line in lines):
                problems.append(f"page {index + 1}: the margin's {word.text} stands beside no line")
    ends = set(reading.destinations.values())
    under = [i + 1 for i in body_pages(reading) if page_fill(reading.words[i]) < 0.75]
    short = short_pages(reading)
    reading.report["body pages under 75 % full"] = (f"{len(under)} ({sum(1 for page in under if page not in ends)} "
                                                   f"ending no section)")
    reading.report[f"under {FILL:.0%} ending no section"] = len(short)
    problems += [f"page {page}: only {fill:.0%} full, and no section ends on it" for page, fill in short]
    return problems


def check(path: Path, print_page: Path) -> tuple[list[str], dict]:
    """Every problem found in `path` (empty when it is sound), and the figures measured."""
    expected = expected_from_print_page(print_page.read_text(encoding="utf-8"))
    reading = read_pdf(path)
    problems = (check_notes(reading, expected) + check_contents(reading)
                + check_printed_pages(reading, expected) + check_body_text(reading, expected) + check_pages(reading)
                + check_line_starts(reading) + check_title_pages(reading))
    return problems, reading.report
