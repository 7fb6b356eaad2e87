"""Write site/index.html: the entry that leads to the Traditional-script edition.

Relative links only, so the site works under any path prefix and from file://.
"""
from __future__ import annotations

import sys
from pathlib import Path

INDEX = """<!doctype html>
<html lang="zh-Hant">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>［上海合作組織的安全角色與發展］數位校訂版</title>
<meta http-equiv="refresh" content="0; url=zh-Hant/">
<link rel="canonical" href="zh-Hant/">
</head>
<body>
<p><a href="zh-Hant/">進入本版（繁體中文）</a></p>
</body>
</html>
"""


def main(site: str) -> None:
    Path(site).mkdir(parents=True, exist_ok=True)
    (Path(site) / "index.html").write_text(INDEX, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "site")
