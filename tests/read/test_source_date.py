"""Every output's date is the source's (SOURCE_DATE_EPOCH, else the commit's), never the clock."""
from __future__ import annotations

import os
import subprocess
import zipfile

import pytest
from mkdocs.utils import get_build_date

from edition.source_date import source_date_w3c, source_epoch, zip_time

JUNE_2010 = "1277856000"  # 2010-06-30T00:00:00Z


def test_given_epoch_wins(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", JUNE_2010)
    assert source_date_w3c() == "2010-06-30T00:00:00Z" and zip_time() == (2010, 6, 30, 0, 0, 0)


def test_without_it_the_commit_date_is_used(monkeypatch, root):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    commit = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True)
    if commit.returncode != 0:
        pytest.skip("not a git checkout")
    assert source_epoch(root) == int(commit.stdout)


def test_outside_a_checkout_the_newest_source_file_is_used(monkeypatch, tmp_path):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "source").mkdir()
    for name, moment in (("a.txt", 1277856000), ("b.txt", 1262304000)):
        (tmp_path / "source" / name).write_text(name)
        os.utime(tmp_path / "source" / name, (moment, moment))
    assert source_epoch(tmp_path) == 1277856000


def test_a_malformed_epoch_is_refused(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH: expected whole seconds"):
        source_epoch()


def test_the_mkdocs_hook_stamps_the_build_with_the_source_date(monkeypatch, root):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    from hooks.source_date import on_config

    on_config({})
    assert get_build_date() == source_date_w3c(root)[:10]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", JUNE_2010)
    on_config({})
    assert get_build_date() == "2010-06-30"


def test_the_offline_zip_carries_the_source_date_and_fixed_modes(monkeypatch, tmp_path):
    from make_offline import FOLDER, write_zip

    monkeypatch.setenv("SOURCE_DATE_EPOCH", JUNE_2010)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.html").write_text("頁")
    (tmp_path / "in" / "page.html").chmod(0o600)
    write_zip(tmp_path / "in", tmp_path / "out.zip")
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        (info,) = archive.infolist()
    assert info.filename == f"{FOLDER}/page.html" and info.date_time == (2010, 6, 30, 0, 0, 0)
    assert info.external_attr >> 16 == 0o644


def test_both_builds_run_the_source_date_hook_first(root):
    """The Simplified config lists its own hooks (it does not inherit the list): both must
    stamp the build before anything dates it."""
    for config in ("mkdocs.yml", "mkdocs.zh-Hans.yml"):
        text = (root / config).read_text(encoding="utf-8")
        hooks = text[text.index("\nhooks:\n"):].splitlines()[2:]
        assert hooks[0].strip() == "- scripts/hooks/source_date.py", config
