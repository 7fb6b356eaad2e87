"""The TEI file: valid against tei_all (Jing), the few rules a schema cannot say (checked
here, Schematron-like), and read back against the site's own text."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from markdown_text import body_and_notes, visible
from tei_reading import TEI, XML_ID, XML_LANG, by_id, jing, note_text, parse, reading_text

ROOT = Path(__file__).resolve().parents[2]
TEXT = ROOT / "docs" / "text"
sys.path.insert(0, str(ROOT / "scripts"))


@pytest.fixture(scope="module")
def schema() -> Path:
    from tei_schema import fetch

    return fetch()


def test_every_tei_file_is_valid_against_tei_all(schema):
    files = sorted(TEXT.glob("*.tei.xml"))
    assert len(files) == 12  # the thesis, 6 chapters, 5 appendices
    result = jing(schema, *files)
    errors = [line for line in result.stdout.splitlines() if line.strip()]
    assert result.returncode == 0 and errors == [], "\n".join(errors[:20])


def test_jing_rejects_what_tei_all_forbids(schema, tmp_path):
    """The validator can fail: a paragraph straight in <text> and a note with an unknown place."""
    broken = (TEXT / "appendix-3.tei.xml").read_text(encoding="utf-8")
    broken = broken.replace("<back>", "<p>stray</p><back>", 1).replace('place="foot"', 'place="nowhere"')
    (tmp_path / "broken.tei.xml").write_text(broken.replace("<teiHeader>", "<teiHeader><bogus/>", 1), encoding="utf-8")
    result = jing(schema, tmp_path / "broken.tei.xml")
    assert result.returncode != 0 and "bogus" in result.stdout


@pytest.fixture(scope="module")
def tei():
    return parse(TEXT / "thesis.tei.xml")


def test_ids_are_unique_and_every_pointer_resolves(tei):
    ids = [node.get(XML_ID) for node in tei.iter() if node.get(XML_ID)]
    assert len(ids) == len(set(ids))
    known = set(ids)
    targets = [t for node in tei.iter() for t in (node.get("target") or "").split() if t.startswith("#")]
    assert len(targets) > 400
    assert [t for t in targets if t[1:] not in known] == []


def test_notes_are_1_to_273_in_order_each_at_its_marker(tei):
    notes = list(tei.iter(f"{TEI}note"))
    foot = [n for n in notes if n.get("place") == "foot"]
    assert [int(n.get("n")) for n in foot] == list(range(1, 274))
    assert [n.get(XML_ID) for n in foot] == [f"note-{i}" for i in range(1, 274)]
    parents = {child: parent for parent in tei.iter() for child in parent}
    assert {parents[n].tag for n in foot} <= {f"{TEI}p", f"{TEI}item", f"{TEI}head"}


def test_a_page_break_for_every_printed_page(tei, edition):
    pages = [int(pb.get("n")) for pb in tei.iter(f"{TEI}pb")]
    assert pages == [page.printed for page in edition.layout.pages] == list(range(6, 180))
    assert all(pb.get(XML_ID) == f"page-{pb.get('n')}" for pb in tei.iter(f"{TEI}pb"))


def test_structure_rules(tei, root):
    """Chapters 1–6 in the body, appendices 1–5 in the back, the English abstract marked,
    every paragraph citable by the site's passage id, every entry keyed as in BibTeX."""
    body, back = tei.find(f"{TEI}text/{TEI}body"), tei.find(f"{TEI}text/{TEI}back")
    assert [d.get("n") for d in body.findall(f"{TEI}div[@type='chapter']")] == list("123456")
    assert [d.get("n") for d in back.iter(f"{TEI}div") if d.get("type") == "appendix"] == list("12345")
    english = by_id(tei)["abstract-en"]
    assert english.get(XML_LANG) == "en" and english.get("type") == "abstract"
    text = tei.find(f"{TEI}text")
    paragraphs = list(text.iter(f"{TEI}p"))
    assert all(re.fullmatch(r"p-[\w]+(-[\w]+)+", p.get(XML_ID) or "") for p in paragraphs)
    keys = set(re.findall(r"^@\w+\{([^,]+),", (root / "bibliography.bib").read_text(encoding="utf-8"), re.M))
    entries = {b.get(XML_ID) for b in text.iter(f"{TEI}biblStruct")}
    assert entries == keys and len(keys) == 130
    for table in text.iter(f"{TEI}table"):
        assert table.find(f"{TEI}head") is not None
        assert all(cell.get("role") == "label" for cell in table.find(f"{TEI}row").iter(f"{TEI}cell"))
    for figure in text.iter(f"{TEI}figure"):
        assert figure.find(f"{TEI}head") is not None and figure.find(f"{TEI}figDesc") is not None


def test_passage_ids_are_the_sites(tei, root):
    """Every id the site gives a passage (`{: #p-… }`, `<p id="p-…">`) is an xml:id in the TEI."""
    ids = by_id(tei)
    for page in sorted((root / "docs").glob("*.md")):
        markdown = page.read_text(encoding="utf-8")
        site_ids = re.findall(r"\{: #((?:p|li)-[\w-]+) \}|<p id=\"(p-[\w-]+)\"", markdown)
        for found in site_ids:
            assert "".join(found) in ids, (page.name, found)


def test_text_and_notes_read_back_as_on_the_site(tei, root, edition):
    """Each page's text (headings, paragraphs, list items, note numbers) and every note's
    words, read from the TEI, equal what the site's Markdown says, character for character
    (whitespace aside)."""
    ids = by_id(tei)
    site_notes = {}
    for document in edition.documents:
        body, notes, _ = body_and_notes((root / "docs" / f"{document.slug}.md").read_text(encoding="utf-8"))
        site_notes.update(notes)
        division = ids[document.slug]
        tei_text = reading_text(division)
        if document.slug == "appendix-1":
            tei_text = reading_text(ids["appendices"].find(f"{TEI}head")) + tei_text
        assert visible(tei_text) == visible(body), document.slug
    tei_notes = {int(n.get("n")): note_text(n) for n in tei.iter(f"{TEI}note") if n.get("place") == "foot"}
    assert tei_notes.keys() == site_notes.keys()
    assert [n for n in tei_notes if visible(tei_notes[n]) != visible(site_notes[n])] == []


def test_citations_in_notes_point_to_their_entries(tei, edition):
    ids = by_id(tei)
    for number, citation in edition.citations.notes.items():
        note = ids[f"note-{number}"]
        pointed = [node.get("target")[1:] for node in note if node.tag in (f"{TEI}ref", f"{TEI}ptr")
                   and node.get("type") == "bibl"]
        assert pointed == citation.works, number
        assert all(ids[key].tag == f"{TEI}biblStruct" for key in pointed)


def test_a_part_file_holds_that_part_and_the_works_it_cites(edition):
    chapter = parse(TEXT / "chapter-3.tei.xml")
    chapters = [d.get(XML_ID) for d in chapter.iter(f"{TEI}div") if d.get("type") == "chapter"]
    assert chapters == ["chapter-3"]
    notes = [int(n.get("n")) for n in chapter.iter(f"{TEI}note") if n.get("place") == "foot"]
    assert notes == edition.document("chapter-3").note_numbers()
    cited = {key for n in notes for key in edition.citations.notes[n].works}
    assert {b.get(XML_ID) for b in chapter.find(f"{TEI}text").iter(f"{TEI}biblStruct")} == cited


def test_an_unknown_inline_kind_stops_the_writer(edition):
    from dataclasses import dataclass

    from edition.errors import EditionError
    from edition.write.tei import TeiContext, write_inlines
    from edition.write.tei_xml import element

    @dataclass(frozen=True)
    class Sic:
        text: str

    with pytest.raises(EditionError, match="Sic"):
        write_inlines(element(None, "p"), ["前", Sic("錯字")], TeiContext(edition), "chapter-1 block 3")
