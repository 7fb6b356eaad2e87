"""The same commit builds to the same bytes, wherever and however it is built.

The session's site (built in the project folder) is compared with a second build of a copy
of the project in another folder, under another hash seed, time zone, locale and umask —
things that must not matter.  Set iteration order follows the seed, local time the zone,
sorting and decoding may follow the locale, and file modes the umask (zip entries carry
them).  Both builds write SHA256SUMS; their lists must be equal, file for file.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

from checksums import NAME, checksums
from edition.source_date import source_epoch
from site_build import build_site

VARIED = {"PYTHONHASHSEED": "2", "TZ": "Pacific/Kiritimati", "LANG": "C", "LC_ALL": "C"}


def project_copy(root: Path, target: Path) -> Path:
    """The working tree's files (tracked and new, not ignored) in another folder."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=root, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        if (root / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(root / name, target / name)
    return target


def sums(site: Path) -> dict[str, str]:
    return {line[66:]: line[:64] for line in (site / NAME).read_text(encoding="utf-8").splitlines()}


def test_site_is_byte_identical_across_folders_seeds_zones_locales_and_umasks(root, built_site, tmp_path_factory):
    copy = project_copy(root, tmp_path_factory.mktemp("elsewhere") / "edition")
    env = dict(VARIED, SOURCE_DATE_EPOCH=str(source_epoch(root)), PYTHONPATH=str(copy / "scripts"))
    previous = os.umask(0o077)
    try:
        second = build_site(copy, tmp_path_factory.mktemp("site-elsewhere"), env)
    finally:
        os.umask(previous)
    first_sums, second_sums = sums(built_site), sums(second)
    assert second_sums and sorted(first_sums) == sorted(second_sums)
    assert [path for path in first_sums if first_sums[path] != second_sums[path]] == []
    assert (second / NAME).read_text(encoding="utf-8") == checksums(second)  # the list names what is there
    assert "zh-Hans/index.html" in first_sums and "zh-Hant/bibliography/index.html" in first_sums


def test_sitemap_carries_the_source_date_not_the_day_of_the_build(root, built_site):
    """MkDocs stamps sitemap.xml.gz's header with its pages' date: the source's, at midnight UTC
    (the hook's unit test, tests/read/test_source_date.py, sets a date long past)."""
    day = datetime.fromtimestamp(source_epoch(root), timezone.utc).replace(hour=0, minute=0, second=0)
    for script in ("zh-Hant", "zh-Hans"):
        header = (built_site / script / "sitemap.xml.gz").read_bytes()[:10]
        assert header[:2] == b"\x1f\x8b" and int.from_bytes(header[4:8], "little") == int(day.timestamp()), script
