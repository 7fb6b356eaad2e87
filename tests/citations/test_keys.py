"""BibTeX keys: surname pinyin + year + first title word, from the table the converter read."""
from edition.citations import parse_citations


def test_keys_romanise_with_the_table_the_converter_read():
    # the converter passes the pinyin table it read under --root, not the one beside the code
    note = {1: "張三，國際關係(台北：三民，2003 年)，頁 5。"}
    assert list(parse_citations(note, {}, {}).works) == ["work001"]
    assert list(parse_citations(note, {}, {"zhang": "張", "guo": "國", "ji": "際"}).works) == ["zhang2003guoji"]
