import pytest

from edition.errors import SourceError
from edition.read.source import decode, parse_source


def test_nfc_maps_compatibility_ideographs_and_counts_them():
    source = parse_source("\uf98e 1996\n\uf9b5")  # 年 and 例 as compatibility ideographs
    assert source.line(1).text == "年 1996"
    assert source.line(1).raw == "\uf98e 1996"
    assert sum(source.normalised.values()) == 2
    assert source.normalised[("\uf98e", "年")] == 1


def test_non_utf8_input_names_the_line():
    with pytest.raises(SourceError) as error:
        decode("第一行\n第二行\n".encode() + b"\xff\xfe")
    assert error.value.line == 3
    assert "UTF-8" in str(error.value)


def test_source_copy_is_the_shared_file_byte_for_byte(root):
    import hashlib

    digest = hashlib.sha256((root / "source" / "thesis.txt").read_bytes()).hexdigest()
    assert digest.startswith("232e5b4b") and digest.endswith("a6964f3")
