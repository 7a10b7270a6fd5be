"""The language resources: every file loads, every rule's examples hold, bad data is one clear error."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest

from chrono import summary
from chrono.errors import RulesError
from chrono.rules import RULES_ROOT, load_rules
from chrono.temporal import rules_for, tag
from chrono.temporal.extract import CONVERTERS
from chrono.temporal.resolve import RESOLVERS

LANGS = sorted(p.name for p in RULES_ROOT.iterdir() if (p / "patterns.toml").exists())
RULES = [(lang, rule) for lang in LANGS for rule in (c.rule for c in rules_for(lang).rules)]


def test_english_is_shipped_and_every_rule_names_a_known_resolver() -> None:
    assert "en" in LANGS
    for lang in LANGS:
        rules = rules_for(lang)
        assert rules.rules, lang
        assert {c.rule.resolver for c in rules.rules} <= set(RESOLVERS)
        ids = [c.rule.id for c in rules.rules]
        assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("lang", "rule"), RULES, ids=[f"{lang}:{rule.id}" for lang, rule in RULES])
def test_rule_examples(lang: str, rule) -> None:  # type: ignore[no-untyped-def]
    for example in rule.examples:
        found = tag(example.text, example.anchor, lang=lang)
        if not example.found:
            assert found == [], f"{example.text!r} must give no expression, got {found}"
            continue
        span = example.span or example.text
        hits = [t for t in found if t.text == span]
        assert hits, f"{example.text!r}: no expression {span!r} in {[t.text for t in found]}"
        assert hits[0].rule == rule.id, f"{span!r} found by {hits[0].rule}, not {rule.id}"
        assert hits[0].value == example.value, f"{example.text!r} @ {example.anchor}"


def test_placeholders_are_case_aware_not_ignorecase() -> None:
    rules = rules_for("en")
    assert not rules.regex.flags & re.IGNORECASE
    assert [t.text for t in tag("TUESDAY, Tuesday and tuesday", None)] == ["TUESDAY", "Tuesday"]


def _copy_rules(tmp_path: Path) -> Path:
    shutil.copytree(RULES_ROOT / "en", tmp_path / "xx")
    return tmp_path / "xx" / "patterns.toml"


def test_unknown_field_names_file_and_rule(tmp_path: Path) -> None:
    patterns = _copy_rules(tmp_path)
    text = patterns.read_text(encoding="utf-8").replace(
        'id = "date.iso"\n', 'id = "date.iso"\ncolour = "red"\n', 1
    )
    patterns.write_text(text, encoding="utf-8")
    with pytest.raises(RulesError, match=r"patterns\.toml: rule 'date\.iso'.*colour"):
        load_rules("xx", root=tmp_path)


def test_rule_without_examples_is_rejected(tmp_path: Path) -> None:
    patterns = _copy_rules(tmp_path)
    patterns.write_text(
        patterns.read_text(encoding="utf-8")
        + '\n[[rule]]\nid = "bare"\npattern = \'x\'\nresolver = "ref"\ntype = "DATE"\nexamples = []\n',
        encoding="utf-8",
    )
    with pytest.raises(RulesError, match="rule 'bare'"):
        load_rules("xx", root=tmp_path)


def test_unknown_resolver_and_placeholder(tmp_path: Path) -> None:
    patterns = _copy_rules(tmp_path)
    original = patterns.read_text(encoding="utf-8")
    patterns.write_text(original.replace('resolver = "ref"', 'resolver = "magic"'), encoding="utf-8")
    with pytest.raises(RulesError, match=r"rule '[\w.]+': unknown resolver 'magic'"):
        load_rules("xx", frozenset(RESOLVERS), root=tmp_path)
    patterns.write_text(original.replace("(?P<ref>{ref})", "(?P<ref>{nothing})"), encoding="utf-8")
    with pytest.raises(RulesError, match=r"rule 'date.ref': unknown placeholder \{nothing\}"):
        load_rules("xx", root=tmp_path)
    patterns.write_text(original.replace("(?P<ref>{ref})", "(?P<colour>{ref})"), encoding="utf-8")
    with pytest.raises(RulesError, match=r"rule 'date.ref': unknown group name\(s\) colour"):
        load_rules("xx", frozenset(RESOLVERS), frozenset(CONVERTERS), root=tmp_path)


def test_bad_toml_and_missing_language(tmp_path: Path) -> None:
    patterns = _copy_rules(tmp_path)
    patterns.write_text("[[rule]\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"patterns\.toml: invalid TOML"):
        load_rules("xx", root=tmp_path)
    with pytest.raises(RulesError, match=r"lexicon\.toml: cannot read"):
        load_rules("zz", root=tmp_path)


def test_every_attribution_word_of_events_en_works_as_its_comment_says() -> None:
    """The reporting verbs and their cues are the lists of `events_en.toml`: each word of each list
    gives an attribution where its comment says, and none where it says not."""
    data = tomllib.loads(Path(summary.__file__).with_name("events_en.toml").read_text(encoding="utf-8"))

    def said(text: str) -> str | None:
        found = summary.lexicon().reporting.search(text)
        return found.group() if found else None

    for verb in data["reporting_verbs"]:
        assert said(f"Lund {verb} reporters that the plant would close.") == f"{verb} reporters that"
        for passive in data["reporting_passive"]:
            assert said(f"The crews {passive} {verb} to leave.") is None
    for verb in data["promising_verbs"]:
        assert said(f"The council {verb} to reopen it.") == verb
        assert said(f"The council {verb} a review.") is None
    for verb in data["describing_verbs"]:
        assert said(f"Lund {verb} the offer as fair.") == verb
        assert said(f"Lund {verb} how the fire spread.") is None
    for verb in data["naming_verbs"]:
        for adjective in data["evaluative_adjectives"]:
            assert said(f"Lund {verb} the ruling {adjective}.") == verb
        for pronoun in data["named_pronouns"]:
            assert (said(f"Lund {verb} {pronoun} a disgrace.") or "").startswith(verb)
        assert said(f"Lund {verb} the police for an ambulance.") is None  # no object past "for"
        assert said(f"The strike is {verb} the union's most successful.") is None
