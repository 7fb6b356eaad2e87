"""Build the site once per test session and serve it on loopback for the browser tests."""
from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

from make_pdf import ARGS as CHROMIUM_ARGS, CHROMIUM, Quiet as QuietHandler  # noqa: F401 - one browser set-up, re-exported


def build_site(root: Path, target: Path, hash_seed: int | None = None) -> Path:
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin"}
    if hash_seed is not None:
        env["PYTHONHASHSEED"] = str(hash_seed)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(target / "zh-Hant")],
                   cwd=root, check=True, env=env)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", "mkdocs.zh-Hans.yml",
                    "-d", str(target / "zh-Hans")], cwd=root, check=True, env=env)
    subprocess.run([sys.executable, "scripts/site_index.py", str(target)], cwd=root, check=True)
    return target


def serve(directory: Path, prefix: str = "") -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve `directory` at http://127.0.0.1:PORT/prefix/."""
    served = directory
    if prefix:
        served = directory.parent / f"{directory.name}-served"
        (served / prefix).parent.mkdir(parents=True, exist_ok=True)
        if not (served / prefix).exists():
            (served / prefix).symlink_to(directory, target_is_directory=True)
    handler = functools.partial(QuietHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/" + (f"{prefix}/" if prefix else "")
    return base, server
