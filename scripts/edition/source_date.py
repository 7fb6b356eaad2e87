"""The one date every output carries: SOURCE_DATE_EPOCH, else the commit's date.

The site's sitemap, the PDFs, the zips and the e-books are stamped with it, never with the
clock, so the same commit gives the same bytes on any machine, in any time zone, on any
day (https://reproducible-builds.org/specs/source-date-epoch/).  Outside a git checkout
(an unpacked archive) the newest modification time under source/ stands in, so a copy of
the project still builds identically to itself.
"""
from __future__ import annotations

import os
import subprocess
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def source_epoch(root: Path = ROOT) -> int:
    """Seconds since 1970 (UTC): SOURCE_DATE_EPOCH, the last commit's date, or source/'s newest file."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given:
        if not given.isdigit():
            raise ValueError(f"SOURCE_DATE_EPOCH: expected whole seconds since 1970, found {given!r}")
        return int(given)
    commit = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True)
    if commit.returncode == 0 and commit.stdout.strip().isdigit():
        return int(commit.stdout.strip())
    return max(int(path.stat().st_mtime) for path in (root / "source").rglob("*") if path.is_file())


def source_datetime(root: Path = ROOT) -> datetime:
    return datetime.fromtimestamp(source_epoch(root), tz=timezone.utc)


def source_date_w3c(root: Path = ROOT) -> str:
    """As a W3C date-time in UTC (2026-12-02T18:59:00Z), for PDF and EPUB metadata."""
    return source_datetime(root).strftime("%Y-%m-%dT%H:%M:%SZ")


def zip_time(root: Path = ROOT) -> tuple[int, int, int, int, int, int]:
    """For zip entries, which hold local times without a zone: the UTC fields as they are.
    Zip cannot store a date before 1980."""
    moment = max(source_datetime(root), datetime(1980, 1, 1, tzinfo=timezone.utc))
    return moment.timetuple()[:6]


def export_to_environment(root: Path = ROOT) -> None:
    """Set SOURCE_DATE_EPOCH for the tools that read it themselves (MkDocs stamps the
    sitemap and its .gz with it; the default would be the time of the build)."""
    os.environ["SOURCE_DATE_EPOCH"] = str(source_epoch(root))
