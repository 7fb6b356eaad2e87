"""The footnotes' citations as distinct works, and those works as BibTeX.

    python -m edition.citations [--root DIR]      # prints the BibTeX (__main__.py)

The thesis cites about 130 works in 273 footnotes, Taiwanese style: books
(劉慶元著，書名(台北市：出版社，2003 年)，頁 103), edited and translated books, chapters,
journal articles (作者，「篇名」，刊名，第 2 期(2005 年)，頁 21-23), newspaper pieces,
theses, reports, conference papers, web pages, and a few English citations.

Approach, one note at a time, then across notes:

1. Classify (`classify.read_note`).  A note opening with 前揭書/前揭文/同上/同註 N (optionally
   "作者，前揭書") is a back-reference.  A note with no citation signal (a publication
   parenthesis with a year, a 頁/p. locator, a URL, or a short "source，date" line) is
   explanatory; an explanation followed by 請參閱/參見 + a source is mixed.
2. Read the citation (`chinese.read_chinese`, `english.read_english`).  The URL and the locator are peeled
   off the end, then the publication parenthesis (place：publisher，date).  What is left
   is split into the top-level "，" segments: leading agents (names + role 著/主編/編著/
   編/譯 …), the title (in 「」〈〉《》 or bare), and container segments (journal, issue,
   school, editor + book title, newspaper + date).  Which of these are present decides
   the entry type.  Notes that contain no CJK ideograph use a small English grammar.
3. Hand-supplied data (source/citations/overrides.toml) patches or replaces the reading
   of the few notes the grammar cannot read.  Each entry says why, and is guarded by the
   note's opening words so that it can never land on another note unnoticed.
4. Merge readings into works (`merge.same_work`): the same normalised title (punctuation,
   subtitle separators, 夥/伙 and parenthesised years ignored), or titles whose segments
   are a subset of the other's (a dropped subtitle or series prefix) with a shared
   person, or, flagged as uncertain, a near-identical title with a shared person and the
   same publisher or journal.  The fullest title wins; other fields come from the first
   citation, gaps filled from later ones.
5. Resolve back-references (`backrefs`).  In this thesis 前揭書 always points to the work of the
   nearest earlier citing note, book or not (124 → the article of 123, pages 109/109-110);
   when the pointed-to work is not what the word says (書 for an article, 文 for a book)
   the page must stay close to the previous citation of that work, or the note is listed
   as uncertain.
6. Keys (`keys`): surname pinyin + year + first title word ("xing2007shanghai"), with the small
   pinyin table in source/citations/pinyin.toml; "work" + first note number when a part
   cannot be romanised.

Nothing is guessed silently: every repair, approximate merge, doubtful type or
unreadable note is added to the `Problems` collector with the reason, and listed in
`Citations.uncertain`.  Only the grammar's own refusal (`Unreadable`) makes a note a
misc entry; any other exception is a bug and stops the conversion.
"""
from __future__ import annotations

from .backrefs import resolve_backrefs
from .classify import load_overrides, read_with_override
from .keys import build_works, read_pinyin
from .merge import apply_same_as, merge_readings
from .bibtex import render_bibtex
from .records import DATA, KINDS, Citations, NoteCitation, Problems, Work

__all__ = ["DATA", "KINDS", "Citations", "Work", "parse_citations", "render_bibtex"]


def parse_citations(notes: dict[int, str], overrides: dict | None = None,
                    pinyin: dict[str, str] | None = None) -> Citations:
    """All notes → their kind, the distinct works they cite, and what was uncertain.

    `overrides` and `pinyin` (syllable → characters) default to the files in
    source/citations/ beside this code (pass {} for none); the converter passes what it
    read under --root."""
    if overrides is None:
        overrides = load_overrides()
    if pinyin is None:
        pinyin = read_pinyin()
    readings = {n: read_with_override(n, notes[n], overrides.get(str(n))) for n in sorted(notes)}
    problems = Problems()
    for number, reading in readings.items():
        for why in reading.problems:
            problems.add(number, why)
    apply_same_as(readings, problems)
    groups, group_of = merge_readings(readings, problems)
    note_groups, locators = resolve_backrefs(readings, groups, group_of, problems)
    works, key_of = build_works(groups, note_groups, pinyin)
    cited = {
        n: NoteCitation(n, readings[n].kind, [key_of[g] for g in note_groups.get(n, [])], locators.get(n, ""))
        for n in readings
    }
    return Citations(cited, works, problems.listed())

