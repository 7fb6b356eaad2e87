"""The generated files are current and reproducible (bad input: test_bad_input.py)."""
from edition.build import convert, generated_files


def test_generated_files_are_current(edition, root):
    stale = [
        path for path, content in generated_files(edition).items()
        if not (root / path).exists() or (root / path).read_text(encoding="utf-8") != content
    ]
    assert not stale, f"regenerate with `make docs`: {stale}"


def test_conversion_is_byte_identical_on_rerun(root):
    assert generated_files(convert(root)) == generated_files(convert(root))
