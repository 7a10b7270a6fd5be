"""Language resources as data: `chrono/rules/<lang>/{lexicon,patterns}.toml`, validated and compiled.

A second language is a data addition: a new folder with the same two files. The loader validates
both with pydantic (frozen, extra=forbid), expands `{placeholders}` from the lexicon into case-aware
alternations (word, Word, WORD — never re.IGNORECASE, which costs 3-4x on long alternations) and
compiles all rules into one regex whose outer groups name the rule that matched.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from chrono.errors import RulesError
from chrono.rules.prefilter import Dispatch, Trie, branch_order, trie
from chrono.rules.schema import Example, Lexicon, PatternFile, Rule

__all__ = ["CompiledRule", "Example", "Lexicon", "RuleSet", "Rule", "literal_alternation", "load_rules"]

RULES_ROOT = Path(__file__).parent

# placeholder → lexicon section; proper nouns get no lower-case variant ("may", "march" are words).
PLACEHOLDERS: Mapping[str, tuple[str, bool]] = {
    "month": ("months", True),
    "weekday": ("weekdays", True),
    "number": ("numbers", False),
    "ordinal": ("ordinals", False),
    "weekday_ordinal": ("weekday_ordinals", False),
    "unit": ("units", False),
    "shift": ("shifts", False),
    "modifier": ("modifiers", False),
    "approx": ("approx", False),
    "season": ("seasons", False),
    "part": ("parts_of_day", False),
    "deictic": ("deictic_days", False),
    "holiday": ("holidays", True),
    "ref": ("refs", False),
    "set_word": ("set_words", False),
}
# A match starts where a word starts (not inside "$2000", "v2.2014", "4,000", "mid-air" ...); after
# a dash only for the second day of "26-28 February" or "February 26-28", or the second year of
# "2010-2012" (not "9-10 a.m.", "2-3 days").
_NOT_BEFORE = r"\w.'’$€£₹"  # characters a match never comes right after
WORD_START = (
    rf"(?<![{_NOT_BEFORE}])"
    r"(?<!\d,)(?:(?<!-)|(?<=\d-)(?=\d\d?(?:st|nd|rd|th)?"
    r"(?![\w-]|[.,:]\d|\s+(?:[ap]\.?m\b|[a-z]+s\b|percent|million|billion|people)))"
    r"|(?<=(?<!\d)(?:1[6-9]|20)\d\d-)(?=(?:1[6-9]|20)\d\d(?![\w-])))"
)
_GROUP = re.compile(r"\(\?P<(\w+)>")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_TAIL = r"(?![\w])"  # a match ends where a word ends


def rule_regex(part: str) -> str:
    """One rule (or an alternation of rules) as a regex of its own: word start, the rule, word end."""
    return WORD_START + "(?:" + part + ")" + _TAIL


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """A validated rule plus the prefixed group names it owns in the combined regex."""

    rule: Rule
    key: str
    groups: tuple[str, ...]  # its group names in the combined regex
    fields: tuple[str, ...]  # the field name of each group
    # The tagger's typed fields by group texts (bounded there): most expressions recur ("Friday").
    converted: dict[tuple[str | None, ...], object] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Everything the tagger needs for one language."""

    lang: str
    lexicon: Lexicon
    rules: tuple[CompiledRule, ...]
    by_key: Mapping[str, CompiledRule]
    pattern: str  # all rules in one regex, whose outer groups name the rule that matched
    trigger: re.Pattern[str] | None  # where a match may start (group 1); None: try every position
    dispatch: Dispatch  # per trigger text, the rules that may start there

    @property
    def regex(self) -> re.Pattern[str]:
        """The combined regex, compiled on first use (re caches it): tagging uses `dispatch`."""
        return re.compile(self.pattern)


def _variants(word: str, proper: bool) -> set[str]:
    titled = " ".join(part.capitalize() for part in word.split(" "))  # "New Year's Day"
    return {word.capitalize(), titled, word.upper()} | (set() if proper else {word})


def _alternation(words: Collection[str], proper: bool) -> str:
    return literal_alternation({v for word in words for v in _variants(word, proper)})


def literal_alternation(forms: Iterable[str], space: str = r"\s+") -> str:
    """A group matching any of `forms` (a space matches `space`, by default any whitespace), as a trie.

    re tries the alternatives of a group one by one: a flat list of a hundred forms costs a
    microsecond wherever it is tried, a trie a few steps. Where one form is a prefix of another the
    longer one is tried first, as in a list sorted longest first, so the matches are the same. The
    forms hold no other whitespace than single spaces, so the next character picks at most one branch.
    """
    return "(?:" + _trie_regex(trie(forms), space) + ")"


def _trie_regex(node: Trie, space: str) -> str:
    chars = sorted((c for c in node if c), key=branch_order)
    branches = [(space if c == " " else re.escape(c)) + _trie_regex(node[c], space) for c in chars]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _read(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise RulesError(f"{path}: cannot read: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"{path}: invalid TOML: {exc}") from exc


def _compile_rule(index: int, rule: Rule, lexicon: Lexicon, path: Path) -> tuple[str, CompiledRule]:
    def expand(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in PLACEHOLDERS:
            raise RulesError(f"{path}: rule {rule.id!r}: unknown placeholder {{{name}}}")
        section, proper = PLACEHOLDERS[name]
        return _alternation(getattr(lexicon, section), proper)

    key = f"r{index}"
    body = _PLACEHOLDER.sub(expand, rule.pattern)
    fields = _GROUP.findall(body)
    body = _GROUP.sub(lambda m: f"(?P<{key}_{m.group(1)}>", body)
    part = f"(?P<{key}>{body})"
    try:
        re.compile(rule_regex(part))  # the very string Dispatch compiles: re's cache keeps it
    except re.error as exc:
        raise RulesError(f"{path}: rule {rule.id!r}: bad pattern: {exc}") from exc
    groups = tuple(f"{key}_{name}" for name in fields)
    return part, CompiledRule(rule=rule, key=key, groups=groups, fields=tuple(fields))


@cache
def load_rules(
    lang: str = "en",
    resolvers: frozenset[str] | None = None,
    fields: frozenset[str] | None = None,
    root: Path = RULES_ROOT,
) -> RuleSet:
    """Load, validate and compile the rules of `lang` from `root/<lang>/` (cached per process).

    Raises RulesError naming the file (and rule id) when a resource is missing or invalid, or when
    a rule names a resolver outside `resolvers` (the closed table of chrono.temporal.resolve) or a
    group outside `fields` (the converters of chrono.temporal.extract).
    """
    folder = root / lang
    lex_path, pat_path = folder / "lexicon.toml", folder / "patterns.toml"
    try:
        lexicon = Lexicon.model_validate(_read(lex_path))
    except ValidationError as exc:
        raise RulesError(f"{lex_path}: {_first_error(exc)}") from exc
    raw = _read(pat_path)
    try:
        patterns = PatternFile.model_validate(raw)
    except ValidationError as exc:
        rule_id = _failing_rule_id(raw, exc)
        raise RulesError(f"{pat_path}: rule {rule_id!r}: {_first_error(exc)}") from exc
    seen: set[str] = set()
    parts: list[str] = []
    compiled: list[CompiledRule] = []
    for index, rule in enumerate(patterns.rule):
        if rule.id in seen:
            raise RulesError(f"{pat_path}: rule {rule.id!r}: duplicate id")
        if resolvers is not None and rule.resolver not in resolvers:
            raise RulesError(f"{pat_path}: rule {rule.id!r}: unknown resolver {rule.resolver!r}")
        seen.add(rule.id)
        part, item = _compile_rule(index, rule, lexicon, pat_path)
        unknown = sorted(set(item.fields) - fields) if fields is not None else []
        if unknown:
            raise RulesError(f"{pat_path}: rule {rule.id!r}: unknown group name(s) {', '.join(unknown)}")
        parts.append(part)
        compiled.append(item)
    # One pass over the text: a match may start only where a word starts.
    pattern = rule_regex("|".join(parts))
    dispatch = Dispatch(parts, rule_regex, rf"[^{_NOT_BEFORE}]")
    by_key = {c.key: c for c in compiled}
    return RuleSet(lang, lexicon, tuple(compiled), by_key, pattern, dispatch.trigger, dispatch)


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {error['msg']}{more}"


def _failing_rule_id(raw: dict[str, object], exc: ValidationError) -> str:
    for error in exc.errors():
        loc = error["loc"]
        rules = raw.get("rule")
        if len(loc) > 1 and loc[0] == "rule" and isinstance(loc[1], int) and isinstance(rules, list):
            entry = rules[loc[1]] if loc[1] < len(rules) else None
            if isinstance(entry, dict):
                return str(entry.get("id", f"#{loc[1] + 1}"))
    return "?"
