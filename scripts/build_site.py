"""Build the site: both scripts side by side, the entry page, and the checksums.

    python scripts/build_site.py [SITE_DIR]      (make site; the tests call build_site)

site/zh-Hant/ and site/zh-Hans/ are two MkDocs builds (mkdocs.yml, and mkdocs.zh-Hans.yml
that inherits it); site/index.html opens the reader's script; site/SHA256SUMS lists every
file.  Each build runs in its own process, as `mkdocs build` from the command line would.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import checksums
import site_index

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = {"zh-Hant": "mkdocs.yml", "zh-Hans": "mkdocs.zh-Hans.yml"}


def build_site(target: Path, root: Path = ROOT, env: dict[str, str] | None = None) -> Path:
    """Build into `target` from the project at `root`; `env` replaces the environment."""
    env = dict(os.environ if env is None else env, NO_MKDOCS_2_WARNING="1")
    for script, config in CONFIGS.items():
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config,
                        "-d", str(Path(target).resolve() / script)], cwd=root, check=True, env=env)
    site_index.main(str(target))
    checksums.main(Path(target))
    return Path(target)


if __name__ == "__main__":
    build_site(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
