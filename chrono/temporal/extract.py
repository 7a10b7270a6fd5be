"""Text → Mentions: one pass of the combined rule regex, group texts → typed Fields, vetoes.

Nothing is resolved against a date here; a mention only says what the text states
(weekday=2, shift=-1, number=3, unit="D", ...).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from itertools import chain

from chrono.rules import CompiledRule, RuleSet
from chrono.rules.schema import Grammar, Lexicon
from chrono.temporal.types import Fields, Mention

__all__ = ["extract", "matches"]


def _norm(word: str) -> str:
    return " ".join(word.lower().replace("-", " ").split())


def _number(word: str, lex: Lexicon) -> float:
    key = _norm(word)
    if key[:1].isdigit():
        whole, _, half = key.partition(" ")  # "5 1/2"
        return float(whole) + (0.5 if half == "1/2" else 0.0)
    if key in lex.numbers:
        return lex.numbers[key]
    # compounds such as "twenty-five"
    return sum(lex.numbers.get(part, 0) for part in key.split())


def _spelled_year(word: str, lex: Lexicon) -> int:
    """ "nineteen ninety-six" → 1996, "two thousand and one" → 2001."""
    key = _norm(word).replace(" and ", " ")
    if key.startswith("two thousand"):
        return 2000 + int(_number(key.removeprefix("two thousand").strip() or "0", lex))
    century, _, rest = key.partition(" ")
    return int(lex.numbers[century]) * 100 + int(_number(rest, lex))


def _spelled_decade(word: str, lex: Lexicon) -> int:
    # "the nineties" → -90: two digits, the resolver picks the century as for "the '90s"
    return -int(lex.numbers[_norm(word)[:-3] + "y"])


# group name → converter from the matched text to typed Fields attributes
Converter = Callable[[str, Lexicon], dict[str, object]]


def _attr(name: str, convert: Callable[[str, Lexicon], object]) -> Converter:
    return lambda s, lex: {name: convert(s, lex)}


def _deictic(s: str, lex: Lexicon) -> dict[str, object]:
    entry = lex.deictic_days[_norm(s)]
    return {"offset": entry.offset, "part": entry.part} if entry.part else {"offset": entry.offset}


_YEAR = _attr("year", lambda s, lex: int(s))
_MONTH = _attr("month", lambda s, lex: lex.months[_norm(s)])
_DAY = _attr("day", lambda s, lex: int(s))
_WEEKDAY = _attr("weekday", lambda s, lex: lex.weekdays[_norm(s)])
_UNIT = _attr("unit", lambda s, lex: lex.units.get(_norm(s)))
_PART = _attr("part", lambda s, lex: lex.parts_of_day[_norm(s)])
_DIRECTION = _attr("rel", lambda s, lex: lex.directions[_norm(s)])
CONVERTERS: dict[str, Converter] = {
    "year": _YEAR,
    "yearpos": _YEAR,
    "year_end": _YEAR,  # "1950-53": two digits, the resolver finds the century from the first year
    "month": _MONTH,
    "month_num": _attr("month", lambda s, lex: int(s)),
    "day": _DAY,
    "day2": _DAY,
    "month2": _MONTH,
    "year2": _YEAR,
    "weekday": _WEEKDAY,
    "weekday2": _WEEKDAY,
    "number": _attr("number", _number),
    "one": _attr("number", lambda s, lex: 1.0),
    "one_and_half": _attr("number", lambda s, lex: 1.5),  # "a year and a half"
    "half": _attr("number", lambda s, lex: 0.5),  # "half an hour"
    "quarter": _attr("number", lambda s, lex: 0.25),  # "a quarter century"
    "other": _attr("number", lambda s, lex: 2.0),  # "every other week"
    "unit": _UNIT,
    "unit2": _UNIT,
    "unit3": _UNIT,
    "unit_day": _attr("unit", lambda s, lex: "D"),  # "the next morning": that part's day
    "unit_vague": _attr("unit", lambda s, lex: "X"),  # "for a while": no unit at all (PXX)
    "shift": _attr("shift", lambda s, lex: lex.shifts[_norm(s)]),
    "shift2": _attr("shift", lambda s, lex: lex.shifts[_norm(s)]),  # "the third quarter of last year"
    "year_shift": _attr("year_shift", lambda s, lex: lex.shifts[_norm(s)]),
    "mod": _attr("mod", lambda s, lex: lex.modifiers[_norm(s)]),
    "mod2": _attr("mod", lambda s, lex: lex.modifiers[_norm(s)]),
    "mod_before": _attr("mod", lambda s, lex: "BEFORE"),  # "pre-1967": the time before the year
    "mod_after": _attr("mod", lambda s, lex: "AFTER"),  # "post-1959"
    "approx": _attr("approx", lambda s, lex: lex.approx[_norm(s)]),
    "season": _attr("season", lambda s, lex: lex.seasons[_norm(s)]),
    "part": _PART,
    "part2": _PART,
    "part3": _PART,
    "deictic": _deictic,
    "deictic2": _deictic,
    "ref": _attr("ref", lambda s, lex: lex.refs[_norm(s)]),
    "ref_past": _attr("ref", lambda s, lex: "PAST_REF"),
    "ref_future": _attr("ref", lambda s, lex: "FUTURE_REF"),
    "ref_ahead": _attr("ref", lambda s, lex: "FUTURE_REF"),
    "set_word": _attr("set_value", lambda s, lex: lex.set_words[_norm(s)]),
    "ordinal": _attr("ordinal", lambda s, lex: lex.ordinals[_norm(s)]),
    "nth": _attr("ordinal", lambda s, lex: lex.weekday_ordinals[_norm(s)]),  # of a weekday in its month
    "quarter_num": _attr("ordinal", lambda s, lex: int(s)),
    "decade": _attr("decade", lambda s, lex: int(s)),
    "decade2": _attr("decade", lambda s, lex: -int(s)),  # two digits: the resolver picks the century
    "decade_word": _attr("decade", _spelled_decade),
    "year_words": _attr("year", _spelled_year),
    "year_words2": _attr("year", _spelled_year),
    "century": _attr("century", lambda s, lex: int(s)),
    "hour": _attr("hour", lambda s, lex: int(s)),
    "hour_word": _attr("hour", lambda s, lex: int(_number(s, lex))),  # "four o'clock"
    "minute": _attr("minute", lambda s, lex: int(s)),
    "am": _attr("pm", lambda s, lex: False),
    "pm": _attr("pm", lambda s, lex: True),
    # "four o'clock this morning": the half of the publish day
    "am_today": lambda s, lex: {"pm": False, "offset": 0},
    "pm_today": lambda s, lex: {"pm": True, "offset": 0},
    "noon": _attr("hour", lambda s, lex: 12),
    "midnight": _attr("hour", lambda s, lex: 24),
    "fiscal": _attr("fiscal", lambda s, lex: True),
    "fiscal2": _attr("fiscal", lambda s, lex: True),
    "zone": _attr("zone", lambda s, lex: s),
    "rel": _DIRECTION,
    "rel2": _DIRECTION,
    "rel3": _DIRECTION,
    "holiday": _attr("holiday", lambda s, lex: lex.holidays[_norm(s)]),
    "period_noun": _attr("period_noun", lambda s, lex: True),
    "period_noun2": _attr("period_noun", lambda s, lex: True),
    "year_to_date": _attr("year_to_date", lambda s, lex: True),
}
_PRICE_AFTER = re.compile(r"\s*(?:[₹$€£¥]|/|Rs\.?\s|INR|USD)")


@dataclass(frozen=True, slots=True)
class _Guards:
    guarded: frozenset[str]
    never_alone: frozenset[str]
    guard_before: re.Pattern[str]
    determiner_before: re.Pattern[str]
    noun_after: re.Pattern[str]
    game: re.Pattern[str]


@cache
def _guards(grammar: Grammar) -> _Guards:
    words = "|".join(re.escape(w) for w in grammar.guard_words)
    return _Guards(
        frozenset(grammar.guarded_words),
        frozenset(grammar.never_alone),
        re.compile(rf"\b(?:{words})\s*-?\s*$", re.IGNORECASE),
        re.compile(rf"\b(?:{'|'.join(map(re.escape, grammar.determiners))})\s+$", re.IGNORECASE),
        re.compile(rf"\s+(?!(?:{words}|{'|'.join(map(re.escape, grammar.leader_nouns))})\b)[a-z]"),
        # (no game words: a pattern that never matches, not the empty one that always does)
        re.compile(rf"\b(?:{'|'.join(map(re.escape, grammar.game_words)) or '(?!)'})\b", re.IGNORECASE),
    )


# Converted fields kept per rule; a rule's memo starts over when full.
_MEMO_SIZE = 1024
_MISSING = object()


def _fields(match: re.Match[str], rule: CompiledRule, lex: Lexicon) -> Fields | None:
    # The fields depend on the group texts only, and most expressions recur: convert each once.
    texts = tuple(map(match.group, rule.groups))
    memo = rule.converted
    found = memo.get(texts, _MISSING)
    if found is _MISSING:
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        found = memo[texts] = _convert(texts, rule.fields, lex)
    return found  # type: ignore[return-value]


def _convert(texts: tuple[str | None, ...], names: tuple[str, ...], lex: Lexicon) -> Fields | None:
    values: dict[str, object] = {}
    for text, name in zip(texts, names, strict=True):
        if text is None:
            continue
        convert = CONVERTERS[name]  # the loader checked every group name against this table
        try:
            values.update(convert(text, lex))
        except (KeyError, ValueError):  # not a word of the lexicon, or no valid number
            return None
    pm = values.pop("pm", None)
    hour = values.get("hour")
    if pm is not None and isinstance(hour, int):
        values["hour"] = hour % 12 + (12 if pm else 0)
    return Fields(**values)  # type: ignore[arg-type]


# Resolvers of a half or quarter of a year: with no year named, a game's in a sentence about one.
_YEAR_PARTS = frozenset({"quarter", "half"})
_SENTENCE_END = re.compile(r"[.!?\n]")
_SENTENCE_REACH = 300


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], roughly: from the last stop before it to the next one."""
    left = max(0, start - _SENTENCE_REACH)
    before = [m.end() for m in _SENTENCE_END.finditer(text, left, start)]
    after = _SENTENCE_END.search(text, end, end + _SENTENCE_REACH)
    return text[before[-1] if before else left : after.start() if after else end + _SENTENCE_REACH]


def _vetoed(
    text: str, start: int, end: int, fields: Fields, matched: str, resolver: str, guards: _Guards
) -> bool:
    word = matched.lower()
    if word in guards.never_alone:
        return True
    if word in guards.guarded:
        if guards.guard_before.search(text, max(0, start - 12), start) is not None:
            return False
        # "the March accession", "the May elections": a capital between a determiner and a noun
        attributive = (
            matched[:1].isupper()
            and guards.determiner_before.search(text, max(0, start - 8), start) is not None
            and guards.noun_after.match(text, end) is not None
        )
        return not attributive
    if resolver in _YEAR_PARTS and fields.year is None and fields.shift is None:
        return guards.game.search(_sentence(text, start, end)) is not None
    if fields.unit is not None and fields.number is not None and fields.number > 0:
        # "3 Months ₹300/Month": a price plan, not a time.
        return _PRICE_AFTER.match(text, end) is not None
    return False


def matches(text: str, rules: RuleSet) -> Iterator[re.Match[str]]:
    """Raw rule matches: the same as `rules.regex.finditer(text)`, faster when there is a trigger."""
    if rules.trigger is None:
        yield from rules.regex.finditer(text)
        return
    # Same matches as finditer, tried only where the trigger says a rule may start, and there only
    # with the rules that can start with the text the trigger matched, in priority order.
    dispatch = rules.dispatch
    by_text, end = dispatch.by_text, 0
    at_start = dispatch.at_start(text)
    for candidate in chain((at_start,) if at_start else (), rules.trigger.finditer(text)):
        pos = candidate.start(1)  # where the captured prefix starts
        if pos < end:
            continue
        key = candidate.group(1)
        matchers = by_text.get(key)
        if matchers is None:
            matchers = dispatch.matchers_for(key)
        for match_at in matchers:
            match = match_at(text, pos)
            if match is not None:
                end = match.end()
                yield match
                break


def extract(text: str, rules: RuleSet) -> Iterator[Mention]:
    """Mentions in `text`, in order, non-overlapping (at a position the first rule listed wins)."""
    lex = rules.lexicon
    by_key = rules.by_key
    guards = _guards(lex.grammar)  # once per text: hashing the grammar model is not free
    possessive = lex.grammar.possessive_suffixes
    for match in matches(text, rules):
        compiled = by_key[match.lastgroup or ""]
        fields = _fields(match, compiled, lex)
        if fields is None:
            continue
        start, end = match.span()
        matched = match.group()
        if _vetoed(text, start, end, fields, matched, compiled.rule.resolver, guards):
            continue
        if fields.weekday is not None and text.startswith(possessive, end):
            fields = replace(fields, possessive=True)
        rule = compiled.rule
        yield Mention(start, end, matched, rule.id, rule.resolver, rule.type, fields)
