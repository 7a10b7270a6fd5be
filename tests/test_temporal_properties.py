"""Properties of the tagger on arbitrary and on date-dense generated text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chrono.temporal import rules_for, tag
from chrono.temporal.calendar import add_months, month_instance, nth_weekday, weekday_near
from chrono.temporal.extract import matches
from chrono.temporal.tense import _cue_regex, _cues_in

ANCHORS = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
_lex = rules_for("en").lexicon
WORDS = sorted(
    {
        w
        for section in (
            _lex.months,
            _lex.weekdays,
            _lex.weekday_ordinals,
            _lex.numbers,
            _lex.units,
            _lex.shifts,
            _lex.refs,
        )
        for w in section
    }
    | {
        "the",
        "on",
        "in",
        "ago",
        "later",
        "said",
        "will",
        "every",
        "2014",
        "29",
        "3",
        "p.m.",
        "'s",
        ",",
        ".",
        "quarter",
        "third",
        "1990s",
        "$",
        "₹300/Month",
        "-",
        "until",
        "from",
        "early",
        "last",
        "year",
    }
)
DATE_TEXT = st.lists(
    st.sampled_from(WORDS).map(
        lambda w: w if len(w) < 3 else st.sampled_from([w, w.capitalize(), w.upper()])
    ),
    max_size=30,
).flatmap(lambda items: st.tuples(*[i if isinstance(i, st.SearchStrategy) else st.just(i) for i in items]))
DATE_TEXT = DATE_TEXT.map(" ".join)
TEXT = st.one_of(st.text(max_size=300), DATE_TEXT)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, ANCHORS)
def test_tag_never_raises_and_spans_are_sound(text: str, anchor: dt.date | None) -> None:
    found = tag(text, anchor)
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        if anchor is None and t.anchor_kind == "publish date":
            raise AssertionError(f"resolved against a missing anchor: {t}")
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    assert tag(text, anchor) == found  # deterministic


@settings(max_examples=200, deadline=None)
@given(DATE_TEXT)
def test_prefilter_finds_exactly_what_a_full_scan_finds(text: str) -> None:
    rules = rules_for("en")
    assert rules.trigger is not None
    full = [(m.span(), m.lastgroup) for m in rules.regex.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in matches(text, rules)] == full


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), st.integers(1, 7))
def test_weekday_arithmetic(anchor: dt.date, weekday: int) -> None:
    back = weekday_near(anchor, weekday, -1)
    ahead = weekday_near(anchor, weekday, 1)
    assert back.isoweekday() == ahead.isoweekday() == weekday
    assert 0 <= (anchor - back).days <= 6 and 0 <= (ahead - anchor).days <= 6
    strict = weekday_near(anchor, weekday, -1, inclusive=False)
    assert 1 <= (anchor - strict).days <= 7


@settings(max_examples=300, deadline=None)
@given(st.integers(1900, 2100), st.integers(1, 12), st.integers(1, 7), st.integers(1, 5))
def test_nth_weekday_of_month(year: int, month: int, weekday: int, nth: int) -> None:
    day = nth_weekday(year, month, weekday, nth)
    assert (day.year, day.month, day.isoweekday()) == (year, month, weekday)
    if nth < 5:  # the n-th one: n - 1 of them before it in the month
        assert (day.day - 1) // 7 == nth - 1
    else:  # the last one
        assert (day + dt.timedelta(weeks=1)).month != month


@settings(max_examples=300, deadline=None)
@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.integers(1, 12),
    st.sampled_from([-1, 0, 1]),
)
def test_month_instance_respects_direction(anchor: dt.date, month: int, direction: int) -> None:
    year = month_instance(anchor, month, direction)
    picked = (year, month)
    here = (anchor.year, anchor.month)
    if direction < 0:
        assert picked <= here and (picked == here or (year + 1, month) > here)
    elif direction > 0:
        assert picked >= here and (picked == here or (year - 1, month) < here)
    assert abs((year * 12 + month) - (anchor.year * 12 + anchor.month)) <= 11


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), st.integers(-120, 120))
def test_add_months_clamps(day: dt.date, months: int) -> None:
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day == day.day or moved.day < day.day


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2050, 12, 31)), st.integers(-400, 400))
def test_shifting_the_anchor_shifts_yesterday(anchor: dt.date, days: int) -> None:
    moved = anchor + dt.timedelta(days=days)
    (a,) = tag("yesterday", anchor)
    (b,) = tag("yesterday", moved)
    assert dt.date.fromisoformat(b.value) - dt.date.fromisoformat(a.value) == dt.timedelta(days=days)


def test_prefilter_matches_full_scan_on_the_seeds() -> None:
    rules = rules_for("en")
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        full = [(m.span(), m.lastgroup) for m in rules.regex.finditer(text)]
        assert [(m.span(), m.lastgroup) for m in matches(text, rules)] == full, path.name


@pytest.mark.parametrize(
    "text",
    [
        "for the government during the 1993 no-confidence vote",  # a long trigger prefix hides no start
        "over the  past\n\tthree   years, the 1990s and the second quarter",  # runs of any whitespace
        "In the 2 weeks ago 12 days later, 3-4 million people and 1,000 years",
    ],
)
def test_dispatch_finds_what_a_full_scan_finds(text: str) -> None:
    rules = rules_for("en")
    full = [(m.span(), m.lastgroup) for m in rules.regex.finditer(text)]
    assert full, "each text has expressions"
    assert [(m.span(), m.lastgroup) for m in matches(text, rules)] == full


_CUE_WORDS = [
    *_lex.cues.future,
    *_lex.cues.future_non_verbs,
    *_lex.cues.awaiting,
    *_lex.cues.past,
    *_lex.cues.modals,
    *_lex.cues.infinitives,
    *_lex.grammar.passive_auxiliaries,
    *_lex.grammar.perfect_auxiliaries,
    *_lex.grammar.present_auxiliaries,
    *_lex.grammar.adverbs,
    *_lex.cues.passive_future,
    "gone",
    "widely",
    "to",
    "closed",
    "held",
    "on",
]
CUE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(_CUE_WORDS).flatmap(lambda w: st.sampled_from([w, w.upper(), w.title()])),
        st.sampled_from(["İstanbul", "ſaid", "dıd", "’s", "Σ", ",", "."]),  # case-special characters
    ),
    max_size=25,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(CUE_TEXT, st.integers(0, 40))
def test_lower_cased_cue_search_finds_what_ignorecase_finds(text: str, lo: int) -> None:
    regex = _cue_regex(_lex.cues, _lex.grammar)
    lo = min(lo, len(text))
    found, offset = _cues_in(text, lo, len(text), regex)
    expected = [(m.span(), m.lastgroup) for m in regex.any_case.finditer(text, lo)]
    assert [((m.start() + offset, m.end() + offset), m.lastgroup) for m in found] == expected
