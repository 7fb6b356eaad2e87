"""Build the site once per test session and serve it on loopback for the browser tests."""
from __future__ import annotations

import http.server
import os
import sys
from pathlib import Path

from build_site import build_site as build_into
from loopback import ARGS as CHROMIUM_ARGS, CHROMIUM, serve as serve_directory  # noqa: F401 - one browser set-up, re-exported


def build_site(root: Path, target: Path, env: dict[str, str] | None = None) -> Path:
    """The site as `make site` builds it, from the project at `root`; `env` adds to a plain
    environment (the tests' own variables stay out of the build)."""
    plain = {"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin", "HOME": os.environ.get("HOME", "/root")}
    return build_into(target, root, {**plain, **(env or {})})


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
