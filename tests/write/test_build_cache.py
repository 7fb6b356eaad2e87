"""The build cache (scripts/edition/build_cache.py): a result per key, made once, never half written."""
import pytest

from edition.build_cache import BuildCache, files_fingerprint, fingerprint


def test_parts_are_told_apart_where_they_join():
    assert fingerprint("ab", "c") != fingerprint("a", "bc")
    assert fingerprint("ab", "c") == fingerprint(b"ab", "c")


def test_a_result_is_made_once_per_key(tmp_path):
    cache, made = BuildCache(tmp_path), []

    def make():
        made.append(1)
        return b"result"

    assert cache.get_or_make("step", "k1", make) == b"result"
    assert cache.get_or_make("step", "k1", make) == b"result"
    assert cache.get_or_make("step", "k2", make) == b"result"
    assert len(made) == 2


def test_a_failed_step_leaves_no_entry(tmp_path):
    cache = BuildCache(tmp_path)

    def fail():
        raise RuntimeError("pandoc failed")

    with pytest.raises(RuntimeError):
        cache.get_or_make("step", "k", fail)
    assert list((tmp_path / "step").iterdir()) == []
    assert cache.get_or_make("step", "k", lambda: b"ok") == b"ok"


def test_a_changed_file_changes_the_fingerprint(tmp_path):
    (tmp_path / "rules.toml").write_text("a", encoding="utf-8")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "x.pyc").write_bytes(b"1")
    before = files_fingerprint(tmp_path)
    (tmp_path / "__pycache__" / "x.pyc").write_bytes(b"2")
    assert files_fingerprint(tmp_path) == before  # compiled bytecode is not an input
    (tmp_path / "rules.toml").write_text("b", encoding="utf-8")
    assert files_fingerprint(tmp_path) != before
