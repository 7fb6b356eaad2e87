"""The order of the reference list within each section: by author, then year, then title.

Chinese entries follow the order of 注音符號 (ㄅㄆㄇㄈ…, then the tones ˉˊˇˋ˙), character by
character, as Taiwan's dictionaries and catalogues file Chinese names; the readings come from
pypinyin, which reads names and corporate names in context (中國 zhōng-guó, 上海 shàng-hǎi).
A name is filed as it is printed: a transliteration written given name first
(阿什拉夫.霍加耶夫, A. J.科特雷爾) files under its first printed Han characters, so that a reader finds it
where its printed name says.  Names printed in Latin letters (DRIFE R F) follow the Chinese
ones, alphabetically; works with no author or editor (佚名) close the section, by year.
Western entries are ordered by surname, alphabetically.
"""
from __future__ import annotations

import re
import unicodedata

from pypinyin import Style, lazy_pinyin

from ..citations import Work

TONES = {"ˊ": 2, "ˇ": 3, "ˋ": 4, "˙": 5}
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
BRACES = re.compile(r"[{}]")

ORDER_NOTE = (
    "各類之內，中文書目依著者（無著者者依編者）姓名的注音符號順序（ㄅㄆㄇㄈ…，同音依聲調）排列，"
    "同一著者依出版年；譯名依印出的形式歸檔，拉丁字母拼寫的著者列於其後，"
    "無著者、編者者（佚名）列於各類之末，依年代；西文書目依著者姓氏字母順序。"
)


def first_name(work: Work) -> str:
    """The first author (else editor) as the entry prints it; '' when there is none."""
    people = work.fields.get("author") or work.fields.get("editor") or ""
    first = re.split(r"\s+and\s+", people.strip())[0] if people.strip() else ""
    return "" if first == "others" else BRACES.sub("", first).strip()


def zhuyin_key(text: str) -> tuple:
    """Syllable by syllable: (its 注音 without the tone, the tone 1–5)."""
    han = "".join(HAN.findall(unicodedata.normalize("NFC", text)))
    key = []
    for syllable in lazy_pinyin(han, style=Style.BOPOMOFO):
        tone = next((TONES[c] for c in syllable if c in TONES), 1)
        key.append((syllable.translate({ord(c): None for c in TONES}), tone))
    return tuple(key)


def year_of(work: Work) -> str:
    return work.fields.get("year", "") or "9999"


def filing_key(work: Work) -> tuple:
    name = first_name(work)
    title = work.fields.get("title", "")
    if work.language != "zh":
        return (0, name.casefold(), year_of(work), title.casefold())
    if not name:
        return (3, (), year_of(work), zhuyin_key(title))
    if not HAN.search(name):  # printed in Latin letters
        return (2, name.casefold(), year_of(work), zhuyin_key(title))
    return (1, zhuyin_key(name), year_of(work), zhuyin_key(title))


def in_filing_order(works: list[Work]) -> list[Work]:
    return sorted(works, key=lambda w: (filing_key(w), w.key))
