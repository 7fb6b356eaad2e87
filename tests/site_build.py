"""Build the site once per test session and serve it on loopback for the browser tests."""
from __future__ import annotations

import http.server
import subprocess
import sys
from pathlib import Path

from loopback import ARGS as CHROMIUM_ARGS, CHROMIUM, serve as serve_directory  # noqa: F401 - one browser set-up, re-exported


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
    base, server = serve_directory(served)
    return base + (f"{prefix}/" if prefix else ""), server
