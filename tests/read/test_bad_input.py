"""Bad input is refused with one line naming file, place and expectation, and nothing written.

Each test mutates a copy of source/ (beside a copy of the committed docs/) the way a
careless editor or a wrong export would, runs the converter's command line on it and reads
back its exit status, its message and every byte under docs/.
"""
from __future__ import annotations

import json
import shutil
import unicodedata

import pytest

from edition.build import main


@pytest.fixture
def copy(tmp_path, root):
    shutil.copytree(root / "source", tmp_path / "source")
    shutil.copytree(root / "docs", tmp_path / "docs")
    return tmp_path


def snapshot(root):
    return {p.relative_to(root): p.read_bytes() for p in sorted((root / "docs").rglob("*")) if p.is_file()}


def thesis_lines(root):
    return (root / "source" / "thesis.txt").read_text(encoding="utf-8").split("\n")


def write_thesis(root, lines):
    (root / "source" / "thesis.txt").write_text("\n".join(lines), encoding="utf-8")


def line_starting(lines, prefix):
    """1-based number of the first line that starts with `prefix`."""
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(prefix))


def delete_line(root, number):
    lines = thesis_lines(root)
    del lines[number - 1]
    write_thesis(root, lines)


def replace_line(root, number, text):
    lines = thesis_lines(root)
    lines[number - 1] = text
    write_thesis(root, lines)


def refused(root, capsys) -> str:
    """Run the converter: it must fail with exactly one line, no traceback, docs/ untouched."""
    before = snapshot(root)
    status = main(["--root", str(root)])
    err = capsys.readouterr().err
    assert status != 0
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    assert snapshot(root) == before, "docs/ changed although the input was refused"
    return err.strip()


# ---------------------------------------------------------------- the thesis text


def test_missing_source(copy, capsys):
    (copy / "source" / "thesis.txt").unlink()
    assert refused(copy, capsys) == "error: source/thesis.txt: expected the thesis text as a file, found 'no such file'"


def test_empty_source(copy, capsys):
    (copy / "source" / "thesis.txt").write_bytes(b"")
    assert "source/thesis.txt, line 1: expected the thesis text" in refused(copy, capsys)


def test_non_utf8_source(copy, capsys):
    path = copy / "source" / "thesis.txt"
    lines = path.read_bytes().split(b"\n")
    lines[155] = b"\xb2\xc4\xa4\x40\xb3\xb9"  # line 156 in Big5, as a wrong export would give
    path.write_bytes(b"\n".join(lines))
    assert "source/thesis.txt, line 156: expected UTF-8 text" in refused(copy, capsys)


def test_deleted_table_caption(copy, capsys):
    caption = line_starting(thesis_lines(copy), "表 3-1")
    delete_line(copy, caption)
    message = refused(copy, capsys)
    assert f"source/thesis.txt, line {caption}: expected the caption '表 3-1" in message
    assert "source/tables/3-1.json" in message


def test_deleted_chapter_heading(copy, capsys):
    lines = thesis_lines(copy)
    heading = line_starting(lines, "第五章 上海合作組織與大國關係")
    first_section = line_starting(lines[heading:], "第一節") + heading
    delete_line(copy, heading)
    message = refused(copy, capsys)
    # refused at the heading that shows the break: chapter 5's 第一節, now one line up
    assert f"line {first_section - 1}: expected the heading 第五節 of 第四章, or the heading 第五章" in message


def test_deleted_section_heading(copy, capsys):
    lines = thesis_lines(copy)
    second = line_starting(lines, "第二節  會員國之間的經濟合作現況")
    third = line_starting(lines, "第三節  與周邊國家的經濟合作與發展")
    delete_line(copy, second)
    assert f"line {third - 1}: expected the heading 第二節 of 第三章" in refused(copy, capsys)


def test_text_before_the_first_heading(copy, capsys):
    replace_line(copy, 1, "前言 ")
    assert "line 1: expected 摘要 before any text" in refused(copy, capsys)


def test_repeated_note_number(copy, capsys):
    lines = thesis_lines(copy)
    note_4 = line_starting(lines, "4 邢廣程")
    replace_line(copy, note_4, "3" + lines[note_4 - 1][1:])
    assert f"line {note_4}: expected footnote 4 (notes are numbered in order" in refused(copy, capsys)


def test_missing_note_number(copy, capsys):
    lines = thesis_lines(copy)
    note_4 = line_starting(lines, "4 邢廣程")
    replace_line(copy, note_4, lines[note_4 - 1][2:])  # joins note 3; the break shows at "5 …"
    assert f"line {note_4 + 1}: expected footnote 4 (notes are numbered in order" in refused(copy, capsys)


def test_out_of_order_note_numbers(copy, capsys):
    lines = thesis_lines(copy)
    note_4 = line_starting(lines, "4 邢廣程")
    replace_line(copy, note_4, "5" + lines[note_4 - 1][1:])
    replace_line(copy, note_4 + 1, "4" + lines[note_4][1:])
    assert f"line {note_4}: expected footnote 4 (notes are numbered in order" in refused(copy, capsys)


def test_footnote_area_not_opening_with_the_next_note(copy, capsys):
    lines = thesis_lines(copy)
    note_3 = line_starting(lines, "4 邢廣程") - 1  # note 3 opens its page's footnote area
    assert lines[note_3 - 1].startswith("3 ")
    replace_line(copy, note_3, "4" + lines[note_3 - 1][1:])
    assert f"line {note_3}: expected footnote 3 to start this footnote area" in refused(copy, capsys)


def test_marker_missing_from_its_page(copy, capsys):
    replace_line(copy, 198, "與安全體制。中國的重新「崛起」，正顯示這個區域的甦醒，也帶來了成長的動|")
    assert "expected the marker of footnote 1 in the body of printed page" in refused(copy, capsys)


def test_lost_page(copy, capsys):
    # the page's first line loses its indent: the page runs into the one before
    replace_line(copy, 208, "因為創造一個穩定、和睦的周邊環境，有利於中國的持續性發展，等於在中國周")
    assert "expected 174 pages, found '173 pages'" in refused(copy, capsys)


# ---------------------------------------------------------------- curated data


def test_table_row_one_cell_short(copy, capsys):
    path = copy / "source" / "tables" / "3-1.csv"
    rows = path.read_text(encoding="utf-8").split("\n")
    rows[2] = rows[2].rsplit(",", 1)[0]
    path.write_text("\n".join(rows), encoding="utf-8")
    assert refused(copy, capsys) == "error: source/tables/3-1.csv, row 3: expected 7 cells, as row 1 has, found '6 cells'"


@pytest.mark.parametrize("name", ["metadata.toml", "citations/overrides.toml", "citations/pinyin.toml"])
def test_bad_toml(copy, capsys, name):
    path = copy / "source" / name
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(lines[:3] + ["broken = = 1"] + lines[3:]), encoding="utf-8")
    assert f"error: source/{name}, line 4, column 10: expected valid TOML" in refused(copy, capsys)


def drop_json_key(path, key):
    data = json.loads(path.read_text(encoding="utf-8"))
    del data[key]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize(("name", "key", "where"), [
    ("metadata.toml", "supplied_title", "key thesis.supplied_title"),
    ("metadata.toml", "year", "key thesis.year"),
    ("tables/3-1.json", "caption", "key caption"),
    ("tables/2-1.json", "source_lines", "key source_lines"),
    ("figures/2-4.json", "kind", "key kind"),
    ("figures/1-1.json", "note_lines", "key note_lines"),
    ("citations/overrides.toml", "starts", "key 79.starts"),
])
def test_missing_key(copy, capsys, name, key, where):
    path = copy / "source" / name
    if name.endswith(".json"):
        drop_json_key(path, key)
    else:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(f"\n{key} = ", f"\nx_{key} = ", 1), encoding="utf-8")
    assert f"error: source/{name}, {where}: expected a value for" in refused(copy, capsys)


def test_figure_note_line_that_no_longer_says_its_note(copy, capsys):
    figure = json.loads((copy / "source" / "figures" / "2-4.json").read_text(encoding="utf-8"))
    note_line = figure["note_lines"][0]
    replace_line(copy, note_line, "資料來源：另一個網站。")
    message = refused(copy, capsys)
    assert f"line {note_line}: expected the start of the figure's source note (as source/figures/2-4.json" in message


# ---------------------------------------------------------------- an editor's invisible traces


def rebuilt_equals_committed(copy, root):
    assert main(["--root", str(copy)]) == 0
    changed = [path for path, data in snapshot(copy).items() if (root / path).read_bytes() != data]
    assert not changed


def test_crlf_line_ends_give_the_same_docs(copy, root):
    path = copy / "source" / "thesis.txt"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    shutil.rmtree(copy / "docs" / "cite")  # regenerated from the same text
    rebuilt_equals_committed(copy, root)
    assert (copy / "docs" / "cite" / "thesis.bib").read_bytes() == (root / "docs" / "cite" / "thesis.bib").read_bytes()


def test_byte_order_mark_gives_the_same_docs(copy, root):
    path = copy / "source" / "thesis.txt"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    (copy / "docs" / "chapter-3.md").unlink()
    rebuilt_equals_committed(copy, root)
    assert (copy / "docs" / "chapter-3.md").read_bytes() == (root / "docs" / "chapter-3.md").read_bytes()


def test_stale_generated_file_is_removed(copy, capsys):
    (copy / "docs" / "chapter-7.md").write_text("# 第七章\n", encoding="utf-8")
    (copy / "docs" / "cite" / "chapter-7.bib").write_text("@misc{x,}\n", encoding="utf-8")
    assert main(["--root", str(copy)]) == 0
    assert not (copy / "docs" / "chapter-7.md").exists()
    assert not (copy / "docs" / "cite" / "chapter-7.bib").exists()
    assert (copy / "docs" / "chapter-6.md").exists()
    assert "removed stale docs/chapter-7.md" in capsys.readouterr().out


# ---------------------------------------------------------------- the author's slips (source/slips.toml)


def added(root) -> int:
    """The number the next added entry has in the file."""
    return (root / "source" / "slips.toml").read_text(encoding="utf-8").count("[[slip]]") + 1


def add_slip(root, **entry):
    values = {"kind": "lookalike", "cert": "high", "reason": "測試", **entry}
    body = "".join(f"{k} = {v!r}\n" if isinstance(v, int) else f'{k} = "{v}"\n' for k, v in values.items())
    with (root / "source" / "slips.toml").open("a", encoding="utf-8") as out:
        out.write("\n[[slip]]\n" + body)


def test_slip_no_longer_in_a_changed_source(copy, capsys):
    lines = thesis_lines(copy)
    number = next(i for i, line in enumerate(lines, start=1) if "不容小靦" in unicodedata.normalize("NFC", line))
    replace_line(copy, number, unicodedata.normalize("NFC", lines[number - 1]).replace("小靦", "小覷"))
    message = refused(copy, capsys)
    assert message.startswith("error: source/slips.toml, slip ")
    assert f"(line {number}): expected '小靦' on that line" in message


def test_slip_with_an_unknown_kind(copy, capsys):
    n = added(copy)
    add_slip(copy, line=8558, sic="局中", corr="局終", kind="typo")
    assert f"source/slips.toml, key slip {n}.kind: expected one of homophone | lookalike" in refused(copy, capsys)


def test_slip_with_an_unknown_certainty(copy, capsys):
    n = added(copy)
    add_slip(copy, line=8558, sic="局中", corr="局終", cert="low")
    assert f"key slip {n}.cert: expected one of high | medium, found 'low'" in refused(copy, capsys)


def test_slip_without_its_reading(copy, capsys):
    n = added(copy)
    add_slip(copy, line=8558, sic="局中", corr="局終")
    path = copy / "source" / "slips.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('corr = "局終"\n', ""), encoding="utf-8")
    assert f"source/slips.toml, key slip {n}.corr: expected a value for slip {n}.corr" in refused(copy, capsys)


def test_slip_ambiguous_on_its_line_needs_an_occurrence(copy, capsys):
    lines = thesis_lines(copy)
    number = next(i for i, line in enumerate(lines, start=1) if line.count("中亞") > 1)
    add_slip(copy, line=number, sic="中亞", corr="中鴉")
    assert f"(line {number}): expected an occurrence key: '中亞' stands more than once" in refused(copy, capsys)


def test_slip_occurrence_beyond_what_the_line_holds(copy, capsys):
    add_slip(copy, line=8558, sic="局中", corr="局終", occurrence=2)
    assert "(line 8558): expected '局中' on that line 2 times (it stands 1 times)" in refused(copy, capsys)


def test_slip_over_a_note_marker(copy, capsys):
    number = line_starting(thesis_lines(copy), "非常重要的。47中亞")
    add_slip(copy, line=number, sic="。47中", corr="。中")
    assert "expected an entry clear of note marker 47, found '。47中'" in refused(copy, capsys)


def test_two_slips_overlapping(copy, capsys):
    add_slip(copy, line=8558, sic="小靦的", corr="小覷的")
    assert "source/slips.toml, line 8558: expected entries that do not overlap" in refused(copy, capsys)


def test_slip_on_a_line_that_is_not_there(copy, capsys):
    add_slip(copy, line=99999, sic="局中", corr="局終")
    assert "(line 99999): expected a line of source/thesis.txt, found 'only " in refused(copy, capsys)


def test_slip_reason_refers_to_no_line_of_text(copy, capsys):
    """A reason's {行 N} must name a line of the body or a note: the reader is given its page."""
    n = added(copy)
    add_slip(copy, line=8558, sic="局中", corr="局終", reason="同{行 99999}")
    message = refused(copy, capsys)
    assert f"source/slips.toml, slip {n}.reason: expected a reference to a line of the body or of a note" in message
    assert "line 99999" in message
