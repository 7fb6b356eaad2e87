"""Traditional → Simplified conversion for the Simplified build.

1. NFC first (OpenCC leaves compatibility ideographs alone).
2. Context rules (source/script/rules.toml) decide the few characters whose Simplified
   form depends on the sense: 著 stays 著 in 著名 and in author statements and is 着 as
   the particle; 擡 never appears.
3. OpenCC `tw2s` converts every other character: Taiwan Traditional characters to
   Simplified characters, without the phrase tables (tw2sp) that would rewrite the
   author's vocabulary.
4. Names OpenCC gets wrong (e.g. 汎 in 王汎森) are kept verbatim
   (source/script/protected-names.txt), and so is text marked `<span lang="zh-Hant">`.

`to_simplified` is the one function the build, the search and the tests convert with.
"""
from __future__ import annotations

import functools
import itertools
import re
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import opencc
from opencc import OpenCC

CONFIG = "tw2s"
ROOT = Path(__file__).resolve().parents[2]
SCRIPT_DATA = ROOT / "source" / "script"
NAME_PLACEHOLDER = "\ue000{}\ue001"  # private-use brackets: OpenCC passes them through
RULE_PLACEHOLDER_BASE = 0xE100  # one private-use character per Simplified form a rule decides
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
# Text the edition marks as Traditional on purpose (the edition report quoting 擡 or 著) stays so.
MARKED_TRADITIONAL = re.compile(r'<span lang="zh-Hant">[^<]*</span>')


class ScriptDataError(ValueError):
    """A rule or decision file that cannot be read as the edition expects."""


@functools.lru_cache(maxsize=1)
def converter() -> OpenCC:
    return OpenCC(CONFIG)


@functools.lru_cache(maxsize=1)
def convertible_characters() -> frozenset[str]:
    """Every character in a key of the dictionaries the tw2s chain reads.  OpenCC changes
    only text that matches a key, so a run without any of these is its own conversion."""
    package = Path(opencc.__file__).parent
    config = (package / "config" / f"{CONFIG}.json").read_text(encoding="utf-8")
    characters: set[str] = set()
    for name in set(re.findall(r'"file"\s*:\s*"([^"]+)"', config)):
        for line in (package / "dictionary" / name).read_text(encoding="utf-8").splitlines():
            characters.update(line.partition("\t")[0])
    return frozenset(characters)


@functools.lru_cache(maxsize=65536)
def tw2s_run(run: str) -> str:
    return converter().convert(run)


def tw2s(text: str) -> str:
    """OpenCC tw2s, the same result as `converter().convert(text)`, in a tenth of the time
    on HTML: OpenCC converts each run between its own separators independently, so runs
    that hold no dictionary character are copied, and repeated runs (navigation, theme
    strings) are converted once."""
    keys = convertible_characters()
    runs = converter().split_chars_re.split(text)  # text, separator, text, …
    return "".join(run if odd or keys.isdisjoint(run) else tw2s_run(run)
                   for odd, run in zip(itertools.cycle((False, True)), runs))


@functools.lru_cache(maxsize=1)
def protected_names(path: Path = SCRIPT_DATA / "protected-names.txt") -> tuple[str, ...]:
    if not path.exists():
        return ()
    names = [l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    return tuple(sorted(names, key=len, reverse=True))


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    characters: str  # the Traditional characters this rule decides
    simplified: str  # their Simplified form where the rule matches
    pattern: re.Pattern
    reason: str


def line_of(text: str, needle: str) -> int:
    """1-based line of the first `needle` in `text` (0 when absent), for error messages."""
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else 0


def read_toml(path: Path, table: str) -> tuple[str, list[dict]]:
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ScriptDataError(f"{path}: {error}") from error
    entries = data.get(table)
    if not isinstance(entries, list) or not entries:
        raise ScriptDataError(f"{path}: expected one or more [[{table}]] tables")
    return text, entries


def require(path: Path, text: str, entry: dict, keys: tuple[str, ...], what: str) -> None:
    name = entry.get("id") or entry.get("traditional") or "?"
    for key in keys:
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise ScriptDataError(
                f"{path}:{line_of(text, str(name))}: {what} {name!r} needs a non-empty string `{key}`")


def word_pattern(words: list[str], characters: str, simplified: str) -> str:
    """The words in Traditional and in their Simplified spelling, longest first.

    The Simplified spelling makes the rule match its own output, so that converting the
    finished HTML a second time (the build does) leaves 显著 as 显著.
    """
    forms = set()
    for word in words:
        converted = converter().convert(word)
        if len(converted) != len(word):
            raise ScriptDataError(f"rule word {word!r} does not convert character for character ({converted!r})")
        forms.add(word)
        forms.add("".join(simplified if c in characters else s for c, s in zip(word, converted)))
    return "|".join(re.escape(w) for w in sorted(forms, key=lambda w: (-len(w), w)))


@functools.lru_cache(maxsize=1)
def rules(path: Path = SCRIPT_DATA / "rules.toml") -> tuple[Rule, ...]:
    text, entries = read_toml(path, "rule")
    loaded, seen = [], set()
    for entry in entries:
        require(path, text, entry, ("id", "kind", "characters", "simplified", "reason"), "rule")
        where = f"{path}:{line_of(text, entry['id'])}: rule {entry['id']!r}"
        if entry["id"] in seen:
            raise ScriptDataError(f"{where}: the id is used twice")
        seen.add(entry["id"])
        if len(entry["simplified"]) != 1:
            raise ScriptDataError(f"{where}: `simplified` must be one character, got {entry['simplified']!r}")
        if ("words" in entry) == ("pattern" in entry):
            raise ScriptDataError(f"{where}: expected either `words` or `pattern`, not both or neither")
        if "words" in entry:
            missing = [w for w in entry["words"] if not set(w) & set(entry["characters"])]
            if missing:
                raise ScriptDataError(f"{where}: words without any of {entry['characters']!r}: {missing}")
            source = word_pattern(entry["words"], entry["characters"], entry["simplified"])
        else:
            source = entry["pattern"]
        try:
            pattern = re.compile(source)
        except re.error as error:
            raise ScriptDataError(f"{where}: `pattern` is not a regular expression: {error}") from error
        loaded.append(Rule(entry["id"], entry["kind"], entry["characters"], entry["simplified"], pattern,
                           entry["reason"]))
    return tuple(loaded)


def decide(text: str, rule_list: tuple[Rule, ...], skip: set[int] = frozenset()) -> dict[int, Rule]:
    """Position in `text` → the rule that decides its character; the first matching rule wins."""
    decided: dict[int, Rule] = {}
    for rule in rule_list:
        for match in rule.pattern.finditer(text):
            for position in range(match.start(), match.end()):
                if text[position] in rule.characters and position not in decided and position not in skip:
                    decided[position] = rule
    return decided


def protected_spans(text: str, names: tuple[str, ...]) -> dict[int, str]:
    """Start → text kept verbatim: spans marked as Traditional, then each protected name
    (longest first), never overlapping."""
    spans: dict[int, str] = {}
    taken: set[int] = set()
    for pattern in [MARKED_TRADITIONAL] + [re.compile(re.escape(name)) for name in names]:
        for match in pattern.finditer(text):
            covered = set(range(match.start(), match.end()))
            if not covered & taken:
                spans[match.start()] = match.group()
                taken |= covered
    return spans


@dataclass(frozen=True)
class Conversion:
    source: str  # the NFC Traditional text
    text: str  # the Simplified text
    decided: dict[int, Rule]  # source position → the rule that decided it
    verbatim: frozenset[int]  # source positions kept as they are (protected names, marked text)


def convert(text: str, names: tuple[str, ...] | None = None) -> Conversion:
    names = protected_names() if names is None else names
    source = unicodedata.normalize("NFC", text)
    if PRIVATE_USE.search(source):
        raise ValueError(f"private-use character U+{ord(PRIVATE_USE.search(source).group()):04X} in the text: "
                         "the conversion uses that range for its placeholders")
    spans = protected_spans(source, names)
    skip = {i for start, name in spans.items() for i in range(start, start + len(name))}
    decided = decide(source, rules(), skip)
    forms = sorted({rule.simplified for rule in decided.values()})
    placeholder = {form: chr(RULE_PLACEHOLDER_BASE + i) for i, form in enumerate(forms)}
    # Replace each protected span and each decided character; copy the text between them.
    marks = sorted([(start, len(name), None) for start, name in spans.items()]
                   + [(position, 1, rule) for position, rule in decided.items()])
    pieces, kept, position = [], [], 0
    for start, length, rule in marks:
        pieces.append(source[position:start])
        if rule is None:
            pieces.append(NAME_PLACEHOLDER.format(len(kept)))
            kept.append(source[start:start + length])
        else:
            pieces.append(placeholder[rule.simplified])
        position = start + length
    pieces.append(source[position:])
    result = tw2s("".join(pieces))
    for form, mark in placeholder.items():
        result = result.replace(mark, form)
    for index, name in enumerate(kept):
        result = result.replace(NAME_PLACEHOLDER.format(index), name)
    return Conversion(source, result, decided, frozenset(skip))


def to_simplified(text: str, names: tuple[str, ...] | None = None) -> str:
    """The text exactly as the Simplified build prints it."""
    return convert(text, names).text


@dataclass(frozen=True)
class Summary:
    characters: int  # Han characters in the text
    converted: int  # characters whose Simplified form differs
    changed_by_rule: Counter  # rule id → characters the rule decided unlike plain tw2s
    decided_by_rule: Counter  # rule id → characters the rule decided


def summarise(text: str) -> Summary:
    """What the conversion does to `text`: counts for the edition report."""
    conversion = convert(text)
    plain = tw2s(conversion.source)
    han = re.compile(r"[\u3400-\u9fff\U00020000-\U0003ffff]")
    same_length = len(conversion.text) == len(conversion.source) == len(plain)
    if not same_length:
        raise ValueError("the conversion changed the text's length: the counts would not line up")
    converted = sum(1 for a, b in zip(conversion.source, conversion.text) if a != b)
    decided = Counter(rule.id for rule in conversion.decided.values())
    changed = Counter(rule.id for position, rule in conversion.decided.items()
                      if conversion.text[position] != plain[position])
    return Summary(len(han.findall(conversion.source)), converted, changed, decided)


@functools.lru_cache(maxsize=1)
def recorded_decisions(path: Path = SCRIPT_DATA / "decisions.toml") -> tuple[dict, ...]:
    """The edition's decisions where a second converter reads differently (see the test)."""
    text, entries = read_toml(path, "decision")
    for entry in entries:
        require(path, text, entry, ("id", "kind", "reason"), "decision")
        cases = entry.get("cases")
        if not isinstance(cases, list) or not cases or not all(
                isinstance(c, dict) and {"traditional", "edition", "second_opinion"} <= set(c) for c in cases):
            raise ScriptDataError(f"{path}:{line_of(text, entry['id'])}: decision {entry['id']!r} needs `cases`, "
                                  "each with traditional, edition and second_opinion")
    return tuple(entries)
