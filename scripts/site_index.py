"""Write site/index.html: the entry that opens the reader's script.

The saved choice wins, else the browser's language (zh-CN, zh-SG, zh-Hans → Simplified),
else Traditional; both links stay visible, so no reader is trapped.  Relative links only:
the site works under any path prefix and from file://.
"""
from __future__ import annotations

import sys
from pathlib import Path

from edition.read.curated import load_metadata
from edition.write.cite_formats import site_title

METADATA = Path(__file__).resolve().parents[1] / "source" / "metadata.toml"

INDEX = """<!doctype html>
<html lang="zh-Hant">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="alternate" hreflang="zh-Hant" href="zh-Hant/">
<link rel="alternate" hreflang="zh-Hans" href="zh-Hans/">
<script>
(function () {
  var saved = null;
  try { saved = localStorage.getItem("edition-script"); } catch (e) {}
  var languages = navigator.languages || [navigator.language || ""];
  var simplified = /^zh-(cn|sg|my|hans)/i;
  var script = saved === "zh-Hans" || saved === "zh-Hant" ? saved
    : (languages.length && simplified.test(languages[0]) ? "zh-Hans" : "zh-Hant");
  location.replace(script + "/" + location.hash);
})();
</script>
<style>body{font-family:sans-serif;max-width:32em;margin:4em auto;line-height:1.8;padding:0 1em}</style>
</head>
<body>
<h1>{title}</h1>
<p><a href="zh-Hant/" hreflang="zh-Hant" lang="zh-Hant">繁體中文</a> ·
<a href="zh-Hans/" hreflang="zh-Hans" lang="zh-Hans">简体中文</a></p>
</body>
</html>
"""


def main(site: str) -> None:
    Path(site).mkdir(parents=True, exist_ok=True)
    (Path(site) / "index.html").write_text(INDEX.replace("{title}", site_title(load_metadata(METADATA))), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "site")
