"""Resolvers for named periods: quarters, halves, seasons, decades, centuries, weekends, holidays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from dateutil.easter import easter

from chrono.temporal import calendar as cal
from chrono.temporal.context import PUBLISH, Context, Resolution
from chrono.temporal.types import Fields, Mention


def _year_for_period(f: Fields, ctx: Context, index: int, current: int) -> int | None:
    if f.year is not None:
        return f.year
    if ctx.anchor is None:
        return None
    if f.shift is not None:
        return ctx.anchor.year + f.shift
    # A later quarter than the current one is last year's unless the clause is future.
    return ctx.anchor.year - (1 if index > current and ctx.tense.direction <= 0 else 0)


def quarter(m: Mention, ctx: Context) -> Resolution | None:
    f = m.fields
    if f.ordinal is None:
        return None
    current = cal.quarter_of(ctx.anchor) if ctx.anchor else 4
    year = _year_for_period(f, ctx, f.ordinal, current)
    if year is None:
        return None
    return Resolution(f"{year:04d}-Q{f.ordinal}", PUBLISH if f.year is None else None)


def half(m: Mention, ctx: Context) -> Resolution | None:
    f = m.fields
    if f.ordinal is None:
        return None
    # "the last half": the lexicon's "last" is the last quarter (4); of halves it is the second.
    index = min(f.ordinal, 2)
    current = 1 if ctx.anchor is None or ctx.anchor.month <= 6 else 2
    year = _year_for_period(f, ctx, index, current)
    if year is None:
        return None
    return Resolution(f"{year:04d}-H{index}", PUBLISH if f.year is None else None)


def current_quarter(m: Mention, ctx: Context) -> Resolution | None:
    if ctx.anchor is None:
        return None
    # Reports speak of the quarter just closed unless they say "current" (shift 0).
    back = 0 if m.fields.shift == 0 else -1
    return Resolution(cal.format_value(cal.shift(ctx.anchor, "Q", back), cal.QUARTER), PUBLISH)


def season(m: Mention, ctx: Context) -> Resolution | None:
    f = m.fields
    if f.season is None:
        return None
    if f.year is not None:
        return Resolution(f"{f.year:04d}-{f.season}", mod=f.mod)
    if ctx.anchor is None:
        return None
    anchor, year = ctx.anchor, ctx.anchor.year
    if f.year_shift is not None:  # "the spring of last year"
        return Resolution(f"{year + f.year_shift:04d}-{f.season}", PUBLISH, mod=f.mod)
    start = cal.season_start(year, f.season)
    if f.shift == -1 and cal.add_months(start, 3) > anchor:
        year -= 1
    elif f.shift == 1 and start <= anchor:
        year += 1
    return Resolution(f"{year:04d}-{f.season}", PUBLISH, mod=f.mod)


def decade(m: Mention, ctx: Context) -> Resolution | None:
    f = m.fields
    if f.decade is None:
        return None
    year = f.decade
    if year < 0:  # "the '90s": the latest such decade before the anchor (or 1900s without one)
        base = ctx.anchor.year if ctx.anchor else 1999
        year = base - base % 100 - year if -year <= base % 100 else base - base % 100 - 100 - year
    return Resolution(f"{year // 10:03d}", mod=f.mod)  # TimeML: "the 1990s" is 199


def century(m: Mention, ctx: Context) -> Resolution | None:
    f = m.fields
    return None if f.century is None else Resolution(f"{f.century - 1:02d}", mod=f.mod)


def weekend(m: Mention, ctx: Context) -> Resolution | None:
    if ctx.anchor is None:
        return None
    direction, cue = ctx.tense.direction, ctx.tense.cue
    saturday = cal.weekday_near(ctx.anchor, 6, 1 if direction > 0 else -1)
    if direction <= 0 and ctx.anchor.isoweekday() == 7:
        saturday = ctx.anchor - dt.timedelta(days=1)
    return Resolution(f"{cal.format_value(saturday, cal.WEEK)}-WE", PUBLISH, cue=cue)


def _passover(year: int) -> dt.date:
    """The first day of Passover (15 Nisan) in the Gregorian calendar, by Gauss's formula."""
    a, b = (12 * year + 12) % 19, year % 4
    q = 20.0955877 + 1.5542418 * a + 0.25 * b - 0.003177794 * year
    day, fraction = int(q), q - int(q)
    c = (day + 3 * year + 5 * b + 1) % 7
    if c in (2, 4, 6):
        day += 1
    elif c == 1 and a > 6 and fraction >= 0.63287037:
        day += 2
    elif c == 0 and a > 11 and fraction >= 0.89772376:
        day += 1
    # `day` counts from March 1 of the Julian calendar; then the Julian-to-Gregorian shift
    return dt.date(year, 3, 1) + dt.timedelta(days=day - 1 + year // 100 - year // 400 - 2)


# Feasts that move with the moon: "easter-2" is Good Friday, "passover+0" the first day of Passover.
_MOVEABLE: dict[str, Callable[[int], dt.date]] = {"easter": easter, "passover": _passover}
_WEEK_OF = "week of "


def _holiday_date(spec: str, year: int) -> dt.date:
    spec = spec.removeprefix(_WEEK_OF)
    for name, feast in _MOVEABLE.items():
        if spec.startswith(name):
            return feast(year) + dt.timedelta(days=int(spec.removeprefix(name)))
    if ">" in spec:  # "11-02>2": the first Tuesday on or after November 2 (US Election Day)
        start, weekday = spec.split(">")
        month, day = (int(p) for p in start.split("-"))
        return cal.weekday_near(dt.date(year, month, day), int(weekday), 1)
    parts = [int(p) for p in spec.split("-")]
    if len(parts) == 2:
        return dt.date(year, parts[0], parts[1])
    month, nth, weekday = parts
    return cal.nth_weekday(year, month, weekday, nth)


def holiday(m: Mention, ctx: Context) -> Resolution | None:
    f = m.fields
    if f.holiday is None or ctx.anchor is None:
        return None
    anchor, spec = ctx.anchor, f.holiday
    week = spec.startswith(_WEEK_OF)  # "Holy Week": the ISO week of that day, current all week long

    def first(day: dt.date) -> dt.date:
        return cal.period_start(day, cal.WEEK) if week else day

    def last(day: dt.date) -> dt.date:
        return first(day) + dt.timedelta(days=6) if week else day

    days = [_holiday_date(spec, anchor.year + k) for k in (-1, 0, 1)]
    before = [d for d in days[:2] if first(d) <= anchor][-1]
    after = [d for d in days[1:] if last(d) >= anchor][0]
    cue = ctx.tense.cue
    if f.shift == -1:  # "last Christmas": strictly before
        day, cue = before if last(before) < anchor else _holiday_date(spec, before.year - 1), None
    elif f.shift == 1:
        day, cue = after if first(after) > anchor else _holiday_date(spec, after.year + 1), None
    elif ctx.tense.direction > 0 or (ctx.tense.direction == 0 and (first(after) - anchor).days <= 61):
        day = after
    else:
        day = before
    return Resolution(cal.format_value(day, cal.WEEK if week else cal.DAY), PUBLISH, cue=cue)
