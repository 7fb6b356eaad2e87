"""The slips pass: each entry of source/slips.toml becomes one Sic inline holding exactly the
author's characters, in the block, note, table cell or caption where its line stands."""
from __future__ import annotations

import shutil
import tomllib

import pytest

from edition.build import convert
from edition.model import Sic, words
from edition.read.slips import find_in_line
from edition.read.source import parse_source
from edition.write.markdown import render_inlines


def all_sics(edition):
    for document in edition.documents:
        for block in document.blocks:
            yield from (i for i in block.inlines if isinstance(i, Sic))
        for note in document.notes:
            yield from (i for i in note.inlines if isinstance(i, Sic))
        for inlines in document.curated_inlines.values():
            yield from (i for i in inlines if isinstance(i, Sic))


def test_every_entry_is_placed_once_as_written(edition, root):
    entries = tomllib.loads((root / "source" / "slips.toml").read_text(encoding="utf-8"))["slip"]
    placed = list(all_sics(edition))
    assert len(placed) == len(entries) == len(edition.slips) == len(edition.slip_places)
    assert sorted((s.text, s.corr) for s in placed) == sorted((e["sic"], e["corr"]) for e in entries)
    assert len({s.id for s in placed}) == len(placed)


def test_the_words_of_a_marked_block_are_the_author_s(edition):
    chapter = edition.document("chapter-6")
    block = next(b for b in chapter.blocks if any(isinstance(i, Sic) for i in b.inlines))
    assert "不容小靦的力量" in block.text and "小覷" not in block.text  # Sic.words() is the author's text
    sic = next(i for i in block.inlines if isinstance(i, Sic))
    assert words(sic) == sic.text == "小靦" and sic.corr == "小覷" and sic.kind == "lookalike"


def test_table_cell_slip_is_kept_on_the_document(edition):
    chapter = edition.document("chapter-3")
    cells = {k: v for k, v in chapter.curated_inlines.items() if k.startswith("table-3-1/cell-")}
    assert len(cells) == 1
    (key, inlines), = cells.items()
    row, column = map(int, key.rsplit("-", 2)[-2:])
    assert "".join(map(words, inlines)) == chapter.tables["3-1"].rows[row][column]  # the cell's text unchanged


def test_a_slip_may_run_on_across_a_hard_wrap():
    source = parse_source("第一行寫到裹\n\n海的石油 \n")
    assert find_in_line(source, 1, "裹海", 1) == (5, (1, 3))
    assert find_in_line(source, 1, "石油", 1) is None  # only a run-on from the line's end counts


def test_a_run_on_slip_is_marked_in_the_joined_paragraph(tmp_path, root):
    shutil.copytree(root / "source", tmp_path / "source")
    edition = convert(root)
    # a real wrap in chapter 6: the last two characters of a body line and the first of the next
    chapter = edition.document("chapter-6")
    block = next(b for b in chapter.blocks if len(b.lines) > 3 and b.kind == "paragraph")
    first, second = block.lines[1], block.lines[2]
    tail = edition.source.line(first).text.rstrip()[-2:]
    head = edition.source.line(second).text.lstrip()[:1]
    assert tail.strip() and head.strip() and tail[-1] not in "0123456789"
    with (tmp_path / "source" / "slips.toml").open("a", encoding="utf-8") as out:
        out.write(f'\n[[slip]]\nline = {first}\nsic = "{tail + head}"\ncorr = "{tail}"\nkind = "extra"\n'
                  'cert = "medium"\nreason = "測試"\n' + ("occurrence = 2\n" if edition.source.line(first).text.count(tail + head) > 1 else ""))
    wrapped = convert(tmp_path)
    block = next(b for b in wrapped.document("chapter-6").blocks if first in b.lines)
    sic = next(i for i in block.inlines if isinstance(i, Sic) and i.text.replace(" ", "") == tail + head)
    assert sic.corr == tail


def test_the_markdown_writer_refuses_an_inline_it_does_not_know():
    class Unknown:
        pass

    with pytest.raises(TypeError, match="cannot write an inline of kind Unknown"):
        render_inlines(["文字", Unknown()])
