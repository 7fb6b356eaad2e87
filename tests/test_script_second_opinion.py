"""A second opinion on every character of the Simplified build.

zhconv converts with MediaWiki's zh-cn tables, an independent source from OpenCC's.  Every
place where it and the edition's conversion print different text must be settled: by a
context rule (source/script/rules.toml, one of the two has a character wrong) or by a
decision of the edition (source/script/decisions.toml).  A new source text or a library
upgrade that brings a new disagreement fails here.
"""
from __future__ import annotations

import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import zhconv.zhconv as mediawiki

from edition.script import SCRIPT_DATA, convert

ROOT = Path(__file__).resolve().parent.parent
LOCALE = "zh-cn"


def converted_files() -> list[Path]:
    """Everything the Simplified build converts: the pages, the references, the site's names."""
    return sorted((ROOT / "docs").glob("*.md")) + [ROOT / "bibliography.bib", ROOT / "mkdocs.yml"]


@dataclass(frozen=True)
class Disagreement:
    traditional: str  # the word as the second converter cuts it
    edition: str
    second_opinion: str
    settled_by_rule: bool
    where: str


def second_opinion_segments(text: str) -> list[tuple[str, str]]:
    """(source word, zh-cn form) in order, as zhconv's longest-match conversion cuts the text.

    zhconv's `convert` is this same walk over the same table; the test checks that they agree,
    so the alignment below cannot drift from what zhconv prints.
    """
    table = mediawiki.getdict(LOCALE)
    segments = [(word, table.get(word, word)) for word in mediawiki.tokenize(text, LOCALE)]
    assert "".join(s for _, s in segments) == mediawiki.convert(text, LOCALE)
    return segments


def disagreements(path: Path) -> list[Disagreement]:
    """Every place where the two conversions of `path` print different text.

    Character-aligned: the edition's conversion keeps the text's length, so each of zhconv's
    words lines up with the same span of the edition's text.  Where zhconv keeps a word's
    length the characters are compared one by one (a rule settles the place when every
    differing character is one a rule decided); where it changes the length (公尺 → 米) the
    whole word is one disagreement.  Text the edition keeps verbatim (protected names, text
    marked as Traditional) is not converted by design and not compared.
    """
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    conversion = convert(text)
    assert len(conversion.text) == len(text), f"{path.name}: the edition's conversion changed the length"
    found, position = [], 0
    for word, second in second_opinion_segments(text):
        edition = conversion.text[position:position + len(word)]
        kept_verbatim = all(p in conversion.verbatim for p in range(position, position + len(word)))
        if edition != second and not kept_verbatim:
            differing = ([position + i for i, (a, b) in enumerate(zip(edition, second)) if a != b]
                         if len(second) == len(word) else None)
            by_rule = differing is not None and all(p in conversion.decided for p in differing)
            line = text.count("\n", 0, position) + 1
            found.append(Disagreement(word, edition, second, by_rule, f"{path.name}:{line}"))
        position += len(word)
    return found


def recorded_decisions() -> dict[tuple[str, str, str], str]:
    """(traditional, edition, second opinion) → decision id, each case recorded once."""
    path = SCRIPT_DATA / "decisions.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    cases = {}
    for decision in data["decision"]:
        assert decision.get("reason", "").strip(), f"{path}: decision {decision.get('id')} has no reason"
        for case in decision["cases"]:
            key = (case["traditional"], case["edition"], case["second_opinion"])
            assert key not in cases, f"{path}: {key} is recorded twice ({cases[key]}, {decision['id']})"
            cases[key] = decision["id"]
    return cases


@pytest.fixture(scope="module")
def found() -> list[Disagreement]:
    return [d for path in converted_files() for d in disagreements(path)]


def test_every_disagreement_is_settled_by_a_rule_or_a_decision(found):
    decisions = recorded_decisions()
    unsettled = Counter()
    where = {}
    for d in found:
        key = (d.traditional, d.edition, d.second_opinion)
        if not d.settled_by_rule and key not in decisions:
            unsettled[key] += 1
            where.setdefault(key, d.where)
    report = "\n".join(f"  {t} → edition {e} / zh-cn {s} ×{n} (first at {where[(t, e, s)]})"
                       for (t, e, s), n in unsettled.most_common())
    assert not unsettled, "disagreements settled neither by a rule nor by a decision:\n" + report


def test_every_recorded_decision_still_occurs(found):
    """A decision whose case no longer occurs is stale data: remove it."""
    occurring = {(d.traditional, d.edition, d.second_opinion) for d in found}
    stale = sorted(set(recorded_decisions()) - occurring)
    assert not stale, f"decisions for places that no longer occur: {stale}"


def test_the_rules_settle_known_errors_of_the_second_converter(found):
    """zhconv has the particle wrong in 世居著 and 意謂著 and writes 籌画; the rules say 着 and 划."""
    settled = {(d.traditional, d.edition, d.second_opinion) for d in found if d.settled_by_rule}
    assert ("著", "着", "著") in settled
    assert ("畫", "划", "画") in settled


def test_the_comparison_sees_a_character_error():
    """Without the rules, tw2s's 肖德着， and 擡头 would be disagreements nobody settled."""
    from opencc import OpenCC

    plain = OpenCC("tw2s").convert("肖德著，上海合作組織。勢力逐漸抬頭。")
    second = mediawiki.convert("肖德著，上海合作組織。勢力逐漸抬頭。", LOCALE)
    assert plain != second
    assert {(a, b) for a, b in zip(plain, second) if a != b} == {("着", "著"), ("擡", "抬")}
