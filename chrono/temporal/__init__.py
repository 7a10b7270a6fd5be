"""Temporal tagging: find temporal expressions with our own rules, then resolve them (TimeML values).

`tag(text, anchor)` runs the two steps of the design: extraction (chrono.temporal.extract: one
regex pass, typed fields, no dates computed) and resolution (chrono.temporal.resolve: a closed
table of resolvers doing calendar arithmetic against the publish date or the discourse reference
time). The resolution policy is written in POLICY.md next to this file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache

from chrono.rules import RuleSet, load_rules
from chrono.temporal import calendar as cal
from chrono.temporal.extract import CONVERTERS, extract
from chrono.temporal.resolve import (
    COMPARES_REPORTING_PERIOD,
    COUNTS_BACK_FROM_PUBLISH,
    COUNTS_FROM_REFERENCE,
    FOLLOWS_REFERENCE,
    NAMES_WEEKDAY,
    NEEDS_TENSE,
    PUBLISH,
    REFERENCE,
    RESOLVERS,
    Context,
    Resolution,
)
from chrono.temporal.tense import NO_CUE, SENTENCE_END, TenseRules, tense_of, tense_rules
from chrono.temporal.types import Mention, Timex

__all__ = ["Timex", "rules_for", "tag", "weekday_again"]

_FUTURE_REFS = frozenset({"FUTURE_REF"})
# How far (in characters) a reference time carries: about two short news paragraphs. A longer
# reach changes no value on TimeBank+AQUAINT; in the seeds, "a day later" 1,200 characters after
# the last date follows an event the text never dated.
REFERENCE_REACH = 1000
_FRAME_REACH = 40  # characters back from a time to the end of the sentence before, when it opens one


# Built once: the cache key of every rules_for call (a frozenset keeps its hash).
_RESOLVER_NAMES, _FIELD_NAMES = frozenset(RESOLVERS), frozenset(CONVERTERS)


def rules_for(lang: str) -> RuleSet:
    """The compiled rules of `lang`, checked against the resolver table (cached)."""
    return load_rules(lang, _RESOLVER_NAMES, _FIELD_NAMES)


def _future(res: Resolution, anchor: dt.date | None, tense_future: bool) -> bool:
    """After the anchor's own period of the same granularity, or on/after it in a future clause."""
    if res.value in _FUTURE_REFS:
        return True
    point = cal.parse_value(res.value)
    if point is None or anchor is None:
        return False
    own_period = cal.period_start(anchor, _unit_of(point.granularity))
    return point.date > own_period or (tense_future and point.date == own_period)


def _unit_of(granularity: str) -> str:
    return cal.MONTH if granularity == cal.HALF else granularity


def _timex(
    m: Mention,
    res: Resolution | None,
    anchor: dt.date | None,
    reference: cal.Point | None,
    tense_future: bool,
) -> Timex:
    if res is None:
        return Timex(m.start, m.end, m.text, m.type, None, m.rule)
    basis_date = None
    if res.basis == PUBLISH and anchor is not None:
        basis_date = anchor.isoformat()
    elif res.basis is not None and reference is not None:
        basis_date = reference.value
    return Timex(
        start=m.start,
        end=m.end,
        text=m.text,
        type=res.type or m.type,
        value=res.value,
        rule=m.rule,
        anchor=basis_date,
        anchor_kind=res.basis if basis_date else None,
        cue=res.cue,
        future=_future(res, anchor, tense_future) if (res.type or m.type) in ("DATE", "TIME") else False,
        mod=res.mod,
    )


@cache
def _weekday_rules(lang: str) -> dict[str, int]:
    return {
        c.rule.id: NAMES_WEEKDAY[c.rule.resolver]
        for c in rules_for(lang).rules
        if c.rule.resolver in NAMES_WEEKDAY
    }


def weekday_again(t: Timex, reference: dt.date, lang: str = "en") -> dt.date | None:
    """The day an expression that names a weekday counted from the reference time ("the following
    Monday", "that Tuesday") gives when counted from `reference` instead: that weekday, the next
    or previous one as the expression went from its own reference, or the nearest. None for any
    other expression."""
    way = _weekday_rules(lang).get(t.rule)
    if way is None or t.value is None or t.anchor is None:
        return None
    was = dt.date.fromisoformat(t.value[:10])
    ahead = (was.weekday() - reference.weekday()) % 7  # days to the next one, 0 on the day itself
    if way == 0:
        return reference + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)
    forward = was > dt.date.fromisoformat(t.anchor[:10])
    return reference + dt.timedelta(days=(ahead or 7) if forward else (ahead or 7) - 7)


@cache
def _deferrals(lang: str) -> frozenset[str]:
    return frozenset(word.lower() for word in rules_for(lang).lexicon.cues.deferrals)


def moved_to(t: Timex, lang: str = "en") -> bool:
    """Whether an expression is the time something was moved to ("adjourned the fight until
    Monday"): its tense cue is a deferral verb, so it is ahead of the act that moved it."""
    return t.cue is not None and t.cue in _deferrals(lang)


@dataclass(frozen=True, slots=True)
class _Language:
    """What tag() needs of one language, built once: looking its regexes up by the lexicon models
    on every call would hash those models each time."""

    rules: RuleSet
    tense: TenseRules
    range_join: re.Pattern[str]
    range_opener: re.Pattern[str]
    bound: re.Pattern[str]
    coordination: re.Pattern[str]


@cache
def _language(lang: str) -> _Language:
    rules = rules_for(lang)
    grammar = rules.lexicon.grammar
    joiners = "|".join(re.escape(w) for w in grammar.range_joiners)
    openers = "|".join(re.escape(w) for w in grammar.range_openers)
    coordinators = "|".join(re.escape(w) for w in grammar.coordinators)
    return _Language(
        rules,
        tense_rules(rules.lexicon.cues, grammar),
        re.compile(rf"\s*(?:-|–|—|{joiners})\s*"),
        re.compile(rf"\b(?:{openers})\s+$", re.IGNORECASE),
        re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in grammar.bounds)})\s+$", re.IGNORECASE),
        re.compile(rf"\s*(?:,\s*(?:(?:{coordinators})\s+)?|(?:{coordinators})\s+)", re.IGNORECASE),
    )


def _link_ranges(text: str, timexes: list[Timex], language: _Language) -> list[Timex]:
    join, opener = language.range_join, language.range_opener
    out = list(timexes)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if first.type not in ("DATE", "TIME") or second.type != first.type or second.value is None:
            continue
        if not join.fullmatch(text, first.end, second.start):
            continue
        joined_by_dash = text[first.end : second.start].strip() in ("-", "–", "—")
        if joined_by_dash or opener.search(text, max(0, first.start - 12), first.start):
            out[i] = replace(first, range_end=second.value)
            out[i + 1] = replace(second, is_range_end=True)
    return out


def _coordinated_sets(text: str, mentions: list[Mention], join: re.Pattern[str]) -> list[Mention]:
    """A bare weekday listed with a recurring one recurs too: "each Tuesday and Friday", "on
    Monday and Tuesday nights" (a part of day after the list belongs to every day of it)."""
    if not any(m.resolver == "set_weekday" and m.fields.weekday is not None for m in mentions):
        return mentions  # no recurring weekday a list could start from
    out = list(mentions)
    pairs = range(len(out) - 1)
    # left to right: "every Monday, Wednesday and Friday"; right to left: "Monday, Tuesday and Friday nights"
    for listed, recurring in [(i + 1, i) for i in pairs] + [(i, i + 1) for i in reversed(pairs)]:
        day, rec = out[listed], out[recurring]
        f = day.fields
        if rec.resolver != "set_weekday" or rec.fields.weekday is None:
            continue
        if day.resolver != "weekday" or f.shift or f.possessive:
            continue
        first, second = sorted((day, rec), key=lambda m: m.start)
        if join.fullmatch(text, first.end, second.start):
            part = rec.fields.part if f.part is None and listed < recurring else f.part
            out[listed] = replace(day, resolver="set_weekday", type="SET", fields=replace(f, part=part))
    return out


def _reporting_quarter(m: Mention, res: Resolution, point: cal.Point) -> bool:
    """A calendar quarter written without a year (a fiscal quarter does not name the calendar one)."""
    return point.granularity == cal.QUARTER and res.basis == PUBLISH and not m.fields.fiscal


def _within_quarter(reference: cal.Point | None, quarter: cal.Point) -> bool:
    """A quarter, or a day or month of it: "the quarter ended Sept. 30 ... the year-ago results"
    compare with the quarter the day ends."""
    if reference is None or reference.granularity not in (cal.QUARTER, cal.MONTH, cal.DAY):
        return False
    return (
        reference.granularity == cal.QUARTER or cal.period_start(reference.date, cal.QUARTER) == quarter.date
    )


_EVENING = re.compile(r"T(?:EV|NI|1[89]|2[0-3])")


def _late(value: str) -> bool:
    """Whether a TimeML value is an evening or a night ("2026-10-12TEV", "…T22:30")."""
    return bool(_EVENING.search(value))


def _bound(text: str, start: int, point: cal.Point, language: _Language) -> bool:
    """A year or month that bounds a state or promise ("no redundancies before 2028"): not a time the
    story is told in. A day or clock time stays one ("stayed until 2 a.m. ... the next morning")."""
    return point.granularity != cal.DAY and language.bound.search(text, max(0, start - 12), start) is not None


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the expression at `start` opens its sentence, after a preposition at most ("In March,
    cuts ended."): the time the sentence is set in."""
    lo = max(0, start - _FRAME_REACH)
    ends = [m.end() for m in SENTENCE_END.finditer(text, lo, start)]
    if not ends and lo:
        return False
    return len(text[ends[-1] if ends else 0 : start].split()) <= 1


def tag(text: str, anchor: dt.date | None, *, lang: str = "en") -> list[Timex]:
    """Temporal expressions of `text`, sorted by start and non-overlapping.

    `anchor` is the publish date relative expressions are resolved against; without it they
    keep `value=None`. Expressions relative to another time ("a day later") use the discourse
    reference time: the last concretely dated expression before them, at most REFERENCE_REACH
    characters back.
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()  # date arithmetic only: a timestamp's time of day plays no part
    language = _language(lang)
    reference: cal.Point | None = None
    reference_end = 0
    reference_late = False
    framed = False  # whether the reference time opens its sentence (`_opens_sentence`)
    # When the reference time is "N units ago", the one before it: "net was $2 million a year ago;
    # sales were $5 million a year earlier" compares both with the period the text is about.
    before_ago: tuple[cal.Point | None, int] | None = None
    # The quarter an earnings report is about: the first calendar quarter it names without a year
    # ("third-quarter net rose"); one named in passing later ("after a flat second quarter") is not
    # what "the year-earlier period" compares with.
    reporting: cal.Point | None = None
    # The last reference time to the day, with where it ends and whether it is late: a coarser time
    # after it in its sentence qualifies its event ("Storms on Wednesday dropped the heaviest fall
    # since March."), and "a day later" counts from the day, not from the month. So does one in a
    # sentence of its own that does not open it ("… on October 22. Inflation reached 11.2 percent in
    # September."): background, where one that opens its sentence sets the story's time ("In
    # March, cuts ended.": no day to count from).
    day: tuple[cal.Point, int, bool] | None = None
    out: list[Timex] = []
    join = language.range_join
    for m in _coordinated_sets(text, list(extract(text, language.rules)), language.coordination):
        if m.start - reference_end > REFERENCE_REACH:
            reference = None
        if m.resolver in FOLLOWS_REFERENCE and (
            reference is None or not join.fullmatch(text, reference_end, m.start)
        ):
            continue
        tense = (
            tense_of(
                text,
                m.start,
                m.end,
                language.tense,
                possessive=m.fields.possessive,
                clock=m.fields.hour is not None,
            )
            if m.resolver in NEEDS_TENSE
            else NO_CUE
        )
        ctx = Context(anchor, reference, tense, late=reference is not None and reference_late)
        if before_ago is not None and m.resolver in COUNTS_FROM_REFERENCE and (m.fields.rel or 0) < 0:
            earlier, earlier_end = before_ago
            ctx = replace(
                ctx, reference=earlier if m.start - earlier_end <= REFERENCE_REACH else None, late=False
            )
        if (
            reporting is not None
            and m.resolver in COMPARES_REPORTING_PERIOD
            # "the 1988 quarter" after "last year": the noun names the period, not the year between
            and (m.fields.unit == "Q" or _within_quarter(ctx.reference, reporting))
        ):
            ctx = replace(ctx, reference=reporting, late=False)
        res = RESOLVERS[m.resolver](m, ctx)
        if (
            res is None
            and m.resolver in COUNTS_FROM_REFERENCE
            and day
            and m.start - day[1] <= REFERENCE_REACH
            and not (framed and SENTENCE_END.search(text, day[1], reference_end))
        ):
            ctx = replace(ctx, reference=day[0], late=day[2])
            res = RESOLVERS[m.resolver](m, ctx)
        if res is None and m.resolver in FOLLOWS_REFERENCE:
            continue
        out.append(_timex(m, res, anchor, ctx.reference, tense.direction > 0))
        # Only explicitly dated expressions set the reference time; derived ones would let errors chain.
        if res is not None and res.basis != REFERENCE and (res.type or m.type) in ("DATE", "TIME"):
            point = cal.parse_value(res.value)
            if point is not None and reporting is None and _reporting_quarter(m, res, point):
                reporting = point
            if point is not None:
                before_ago = (reference, reference_end) if m.resolver in COUNTS_BACK_FROM_PUBLISH else None
                # a bound ends the time told before it, and gives none to count from
                reference = None if _bound(text, m.start, point, language) else point
                reference_end = m.end
                framed = _opens_sentence(text, m.start)
                reference_late = _late(res.value)
                if point.granularity == cal.DAY:
                    day = (point, m.end, reference_late)
        elif m.fields.year_to_date and reporting is not None:
            # "For the nine months, ... a year earlier": the reporting year so far; what compares
            # with it is the year before, not the quarter
            reference, reference_end, before_ago = cal.parse_value(f"{reporting.date.year:04d}"), m.end, None
            framed = False
            reference_late = False
    return _link_ranges(text, out, language)
