"""Traditional → Simplified conversion for the Simplified build.

NFC first (OpenCC leaves compatibility ideographs alone), then OpenCC `tw2s`: Taiwan
Traditional characters to Simplified characters, without the phrase tables (tw2sp) that
would rewrite the author's vocabulary.  Names OpenCC gets wrong (e.g. 汎 in 王汎森) are
protected by a list kept as data (source/protected-names.txt).
"""
from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

from opencc import OpenCC

CONFIG = "tw2s"
ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = "\ue000{}\ue001"  # private-use brackets: OpenCC passes them through


@functools.lru_cache(maxsize=1)
def converter() -> OpenCC:
    return OpenCC(CONFIG)


@functools.lru_cache(maxsize=1)
def protected_names(path: Path = ROOT / "source" / "protected-names.txt") -> tuple[str, ...]:
    if not path.exists():
        return ()
    names = [l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    return tuple(sorted(names, key=len, reverse=True))


def to_simplified(text: str, names: tuple[str, ...] | None = None) -> str:
    names = protected_names() if names is None else names
    text = unicodedata.normalize("NFC", text)
    kept = []
    for name in names:
        if name in text:
            text = text.replace(name, PLACEHOLDER.format(len(kept)))
            kept.append(name)
    text = converter().convert(text)
    for index, name in enumerate(kept):
        text = text.replace(PLACEHOLDER.format(index), name)
    return text
