"""Build the offline edition: one zip with both scripts, read from file:// without a server.

    python scripts/make_offline.py [OUT.zip]     (default site/edition-offline.zip)

Both scripts are built with Material's offline plugin switched on (EDITION_OFFLINE=true: file
links instead of directory URLs, the search index inlined as a script) next to an entry page;
the iframe-worker shim that lets Material's search worker run from file:// comes from the npm
registry, pinned by version and checked against its sha512.  See scripts/hooks/offline.py.
"""
from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from edition.write.archive import zip_bytes
from site_index import INDEX

ROOT = Path(__file__).resolve().parent.parent
SHIM_PACKAGE = "iframe-worker@1.0.4"
SHIM_INTEGRITY = "sha512-roeaaI+Lg1LJNfgpCjoRe/+WzEjy9+Z08LoEvu85MCPbBjwm+qXz8Ag5U05lHa6V1CysZyGzE0SOkAtSUA5q7Q=="
SHIM_MEMBER = "package/shim/index.js"
FOLDER = "edition-offline"  # the one folder inside the zip
CONFIGS = {"zh-Hant": "mkdocs.yml", "zh-Hans": "mkdocs.zh-Hans.yml"}


def fetch_shim(workdir: Path) -> Path:
    """The shim's script, from the npm package, after checking the package's integrity."""
    subprocess.run(["npm", "pack", SHIM_PACKAGE, "--silent", "--pack-destination", str(workdir)],
                   check=True, stdout=subprocess.DEVNULL)
    tarball = next(workdir.glob("iframe-worker-*.tgz"))
    digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    if digest != SHIM_INTEGRITY:
        raise SystemExit(f"error: {tarball.name}: integrity {digest}, expected {SHIM_INTEGRITY}")
    shim = workdir / "iframe-worker-shim.js"
    with tarfile.open(tarball) as archive:
        shim.write_bytes(archive.extractfile(SHIM_MEMBER).read())
    return shim


def entry_page() -> str:
    """The site's entry page, with file links: file:// shows a folder, not its index.html."""
    page = INDEX.replace('/"', '/index.html"')  # href="zh-Hant/" and location.replace(script + "/" …)
    if 'href="zh-Hant/index.html"' not in page or '"/index.html" + location.hash' not in page:
        raise SystemExit("error: scripts/site_index.py: the entry page no longer links zh-Hant/ as expected")
    return page


def build(folder: Path, shim: Path) -> None:
    env = dict(os.environ, EDITION_OFFLINE="true", EDITION_IFRAME_WORKER=str(shim), NO_MKDOCS_2_WARNING="1")
    for script, config in CONFIGS.items():
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config,
                        "-d", str(folder / script)], cwd=ROOT, check=True, env=env)
    (folder / "index.html").write_text(entry_page(), encoding="utf-8")


# Left out of the zip: each script's DTS API (dts/, 3,850 files, 3.5 MiB compressed), which
# serves programs over HTTP with its media types and has no use from file://.
LEFT_OUT = "dts"


def write_zip(folder: Path, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.relative_to(folder).parts[1:2] != (LEFT_OUT,))
    out.write_bytes(zip_bytes({f"{FOLDER}/{p.relative_to(folder).as_posix()}": p.read_bytes() for p in files}))


def main(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shim = fetch_shim(work)
        build(work / FOLDER, shim)
        write_zip(work / FOLDER, out)
    print(f"wrote {out} ({out.stat().st_size / 2**20:.1f} MiB)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site" / "edition-offline.zip")
