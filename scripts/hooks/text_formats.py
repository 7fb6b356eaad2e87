"""MkDocs hook: the text as data in each build — TEI, plain text and the static DTS API.

make docs writes the Traditional TEI and plain text into docs/text/ (committed, reviewed
as text).  Here, at build time:
- the Simplified build replaces each of them with its Simplified conversion (the same
  conversion as the pages: edition.script.artefacts), so that both scripts offer every
  download in their own script, at the same paths;
- the DTS API (scripts/edition/write/dts.py) is generated from the build's TEI into
  dts/: about 3,850 small files per script, which would swamp a review if committed, and
  which are a pure function of the committed TEI.  They are added to MkDocs' files, so
  that links to them are checked like any other and the offline edition holds them too.
The Simplified conversions are kept in the build cache (edition/build_cache.py), named by
the file and by the conversion's code and data and OpenCC's dictionaries: a rebuild of
unchanged text converts none of it again.
"""
from __future__ import annotations

from mkdocs.structure.files import File

from build_cache import cached_conversion
from edition.write.dts import StaticDts

TEXT_FOLDER = "text/"


def on_files(files, config, **kwargs):
    simplified = config["theme"]["language"] == "zh-Hans"
    thesis_tei = ""
    for file in [f for f in files if f.src_uri.startswith(TEXT_FOLDER)]:
        content = file.content_string
        if simplified:
            content = cached_conversion(config, "simplified-text", file.src_uri, content)
            files.remove(file)
            files.append(File.generated(config, file.src_uri, content=content))
        if file.src_uri == TEXT_FOLDER + "thesis.tei.xml":
            thesis_tei = content
    if not thesis_tei:
        raise ValueError("docs/text/thesis.tei.xml is missing: run make docs")
    base = (config["site_url"] or "") and config["site_url"].rstrip("/") + "/dts/"
    for path, content in StaticDts(thesis_tei, base).write().items():
        files.append(File.generated(config, f"dts/{path}", content=content))
    return files
