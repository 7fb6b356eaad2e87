"""The generated files are current and reproducible; broken input fails loudly."""
import shutil

import pytest

from edition.build import convert, generated_files, main
from edition.errors import SourceError


def test_generated_files_are_current(edition, root):
    stale = [
        path for path, content in generated_files(edition).items()
        if not (root / path).exists() or (root / path).read_text(encoding="utf-8") != content
    ]
    assert not stale, f"regenerate with `make docs`: {stale}"


def test_conversion_is_byte_identical_on_rerun(root):
    assert generated_files(convert(root)) == generated_files(convert(root))


@pytest.fixture
def broken_root(tmp_path, root):
    shutil.copytree(root / "source", tmp_path / "source")
    return tmp_path


def mutate(root, line_number, new_text):
    path = root / "source" / "thesis.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[line_number - 1] = new_text
    path.write_text("\n".join(lines), encoding="utf-8")


def test_out_of_sequence_note_is_an_error(broken_root):
    mutate(broken_root, 261, "3 上海五國是指：中國、俄羅斯、哈薩克、吉爾吉斯及塔吉克等 5 個國家。 ")
    with pytest.raises(SourceError) as error:
        convert(broken_root)
    assert "footnote" in str(error.value)


def test_marker_missing_from_its_page_is_an_error(broken_root):
    mutate(broken_root, 198, "與安全體制。中國的重新「崛起」，正顯示這個區域的甦醒，也帶來了成長的動|")
    with pytest.raises(SourceError) as error:
        convert(broken_root)
    assert error.value.expected.startswith("the marker of footnote 1 ")


def test_non_utf8_file_is_an_error_with_its_line(broken_root, capsys):
    path = broken_root / "source" / "thesis.txt"
    lines = path.read_bytes().split(b"\n")
    lines[155] = b"\xb2\xc4\xa4\x40\xb3\xb9"  # line 156 in Big5, as a wrong export would give
    path.write_bytes(b"\n".join(lines))
    assert main(["--root", str(broken_root)]) == 1
    assert "source line 156: expected UTF-8 text" in capsys.readouterr().err


def test_text_before_the_first_heading_is_an_error(broken_root):
    mutate(broken_root, 1, "前言 ")
    with pytest.raises(SourceError, match="摘要"):
        convert(broken_root)


def test_a_lost_page_is_an_error(broken_root):
    mutate(broken_root, 208, "因為創造一個穩定、和睦的周邊環境，有利於中國的持續性發展，等於在中國周")
    with pytest.raises(SourceError, match="174 pages"):
        convert(broken_root)
