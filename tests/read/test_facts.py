"""Each fact about the thesis is stated once, in source/metadata.toml; what repeats it agrees."""
import re

import pytest

from edition.write.cite_formats import gbt7714, site_title


def test_site_name_is_the_title_metadata_gives(root, edition):
    site_name = re.search(r'^site_name: "(.*)"$', (root / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1)
    assert site_name == site_title(edition.curated.metadata)
    assert edition.curated.metadata["thesis"]["supplied_title"] in site_name


def test_entry_page_title_comes_from_metadata(root, tmp_path, edition):
    import subprocess
    import sys
    subprocess.run([sys.executable, str(root / "scripts" / "site_index.py"), str(tmp_path)], check=True)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    title = f"［{edition.curated.metadata['thesis']['supplied_title']}］數位校訂版"
    assert f"<title>{title}</title>" in page and f"<h1>{title}</h1>" in page


def test_place_of_publication_comes_from_metadata(edition):
    metadata = {**edition.curated.metadata, "thesis": {**edition.curated.metadata["thesis"], "place": "木柵"}}
    assert "[D]. 木柵: 國立政治大學" in gbt7714(metadata, edition.citable()["thesis"])


def test_note_count_checked_is_the_one_metadata_states(edition):
    from edition.errors import SourceError
    from edition.passes.notes import parse_notes

    assert len(edition.notes) == edition.curated.metadata["thesis"]["notes"]
    with pytest.raises(SourceError, match=r"footnote 274 \(the thesis has 272\)"):
        parse_notes(edition.source, edition.layout, 272)
