"""The same commit builds to the same bytes, whatever the hash seed.

Both scripts and the entry page are built twice, under two PYTHONHASHSEED values, and
every file is compared (as `diff -r` would).  Set iteration order follows the seed; a
difference here means some output depends on it.
"""
from __future__ import annotations

from pathlib import Path

from site_build import build_site

SEEDS = (1, 2)


def files_of(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def test_whole_site_is_byte_identical_across_hash_seeds(root, tmp_path_factory):
    first, second = (files_of(build_site(root, tmp_path_factory.mktemp(f"seed{seed}"), seed)) for seed in SEEDS)
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []
    assert any(path.startswith("zh-Hans/") for path in first) and "zh-Hant/bibliography/index.html" in first
