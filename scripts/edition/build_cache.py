"""A content-addressed cache for work the builds repeat: each result is stored under the
sha256 of everything it depends on, so a changed input is a miss, never a stale hit.

The cache lives in `.cache/build/` beside mkdocs.yml (git ignores it; `make clean` empties
it), or in the folder named by EDITION_BUILD_CACHE.  Entries are written to a temporary
file and renamed, so two builds running at once never read half an entry.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterator

ENVIRONMENT = "EDITION_BUILD_CACHE"


def fingerprint(*parts: str | bytes) -> str:
    """sha256 over the parts, each length-prefixed (so ("ab", "c") differs from ("a", "bc"))."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(b"%d:" % len(data))
        digest.update(data)
    return digest.hexdigest()


def files_fingerprint(*paths: Path) -> str:
    """sha256 over the files named, and every file under the folders named (by name and
    content; compiled bytecode left out): what a step's code and data are."""
    parts: list[str | bytes] = []
    for path in paths:
        files = sorted(p for p in Path(path).rglob("*") if p.is_file()) if Path(path).is_dir() else [Path(path)]
        for file in files:
            if "__pycache__" not in file.parts:
                parts += [file.name, file.read_bytes()]
    return fingerprint(*parts)


class BuildCache:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @classmethod
    def of(cls, config) -> "BuildCache":
        """The cache of the project whose MkDocs config this is."""
        named = os.environ.get(ENVIRONMENT)
        return cls(Path(named) if named else Path(config.config_file_path).resolve().parent / ".cache" / "build")

    def folder(self, step: str) -> Path:
        path = self.root / step
        path.mkdir(parents=True, exist_ok=True)
        return path

    @contextlib.contextmanager
    def writing(self, path: Path) -> Iterator:
        """A binary file that appears at `path` whole, or not at all."""
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".writing-")
        try:
            with os.fdopen(handle, "wb") as f:
                yield f
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise

    def get_or_make(self, step: str, key: str, make: Callable[[], bytes]) -> bytes:
        path = self.folder(step) / key
        if path.is_file():
            return path.read_bytes()
        data = make()
        with self.writing(path) as f:
            f.write(data)
        return data
