"""Mention → value: the closed table of resolvers that rules name (see POLICY.md for the why).

Each resolver gets the mention's typed fields and a Context (publish date, discourse reference
time, tense of the clause) and returns a Resolution, or None when the expression cannot be
resolved from what the text gives. All arithmetic is in chrono.temporal.calendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from chrono.temporal import calendar as cal
from chrono.temporal.context import PUBLISH, REFERENCE, REFERENCE_YEAR, Context, Resolution
from chrono.temporal.fallback import normalise
from chrono.temporal.periods import century, current_quarter, decade, half, holiday, quarter, season, weekend
from chrono.temporal.tense import Tense
from chrono.temporal.types import Fields, Mention

__all__ = [
    "COMPARES_REPORTING_PERIOD",
    "COUNTS_BACK_FROM_PUBLISH",
    "COUNTS_FROM_REFERENCE",
    "FOLLOWS_REFERENCE",
    "NAMES_WEEKDAY",
    "NEEDS_TENSE",
    "PUBLISH",
    "REFERENCE",
    "RESOLVERS",
    "Context",
    "Resolution",
]

_GRANULARITY = {
    "D": cal.DAY,
    "W": cal.WEEK,
    "WE": cal.WEEK,
    "M": cal.MONTH,
    "Q": cal.QUARTER,
    "Y": cal.YEAR,
    "DE": cal.YEAR,
    "CE": cal.YEAR,
    "H": cal.DAY,
    "MIN": cal.DAY,
    "S": cal.DAY,
}


Resolver = Callable[[Mention, Context], Resolution | None]


def _fmt(number: float) -> str:
    return "X" if number < 0 else (str(int(number)) if number == int(number) else f"{number:g}")


def _direction(f: Fields, ctx: Context) -> tuple[int, str | None]:
    if f.shift is not None and f.shift != 0:
        return f.shift, None
    return ctx.tense.direction, ctx.tense.cue


def calendar_date(m: Mention, ctx: Context) -> Resolution | None:
    f = m.fields
    res = _calendar_date(f, ctx)
    if res is None or f.day is None:
        return res
    if f.unit == "W":  # "the week of March 6": the ISO week of that day
        point = cal.parse_value(res.value)
        return res if point is None else replace(res, value=cal.format_value(point.date, cal.WEEK))
    if f.part in (None, "NI"):
        return res  # "the night of Oct. 23" stays the day, as "Friday night" does
    # "the afternoon of March 15": that part of the day, a TIME
    return replace(res, value=f"{res.value}T{f.part}", type="TIME")


def _calendar_date(f: Fields, ctx: Context) -> Resolution | None:
    if f.month is None:
        if f.year is None:
            return None
        # "the winter of nineteen ninety-four"
        return Resolution(f"{f.year:04d}-{f.season}" if f.season else str(f.year), mod=f.mod)
    if f.year is not None and f.day is not None:
        try:
            return Resolution(dt.date(f.year, f.month, f.day).isoformat(), mod=f.mod)
        except ValueError:
            return None
    if f.year is not None:
        return Resolution(f"{f.year:04d}-{f.month:02d}", mod=f.mod)
    if ctx.anchor is None:
        # An undated text ("closed on 10 April 2027 ... will not reopen on 13 April", "published on
        # October 23, 2026, found the crack had been reported in August"): the year of the nearest
        # instance around its own last date; with none, no year.
        if ctx.reference is None:
            return None
        year = cal.month_instance(ctx.reference.date, f.month, 0)
        if f.day is None:
            return Resolution(f"{year:04d}-{f.month:02d}", REFERENCE_YEAR, mod=f.mod)
        try:
            return Resolution(dt.date(year, f.month, f.day).isoformat(), REFERENCE_YEAR)
        except ValueError:
            return None
    year, cue = _instance_year(f, f.month, ctx.anchor, ctx.tense)
    if f.day is None:
        return Resolution(f"{year:04d}-{f.month:02d}", PUBLISH, mod=f.mod, cue=cue)
    try:
        return Resolution(dt.date(year, f.month, f.day).isoformat(), PUBLISH, cue=cue)
    except ValueError:
        return None


def day_of_month(m: Mention, ctx: Context) -> Resolution | None:
    """A bare day of the month ("should reopen on the 13th"): in the publish month, unless the tense
    points past it: a later day told in the past is last month's, an earlier one ahead next month's."""
    f, anchor = m.fields, ctx.anchor
    if anchor is None or f.day is None:
        return None
    month_start = anchor.replace(day=1)
    if ctx.tense.direction > 0 and f.day < anchor.day:
        month_start = cal.add_months(month_start, 1)
    elif ctx.tense.direction < 0 and f.day > anchor.day:
        month_start = cal.add_months(month_start, -1)
    try:
        return Resolution(month_start.replace(day=f.day).isoformat(), PUBLISH, cue=ctx.tense.cue)
    except ValueError:
        return None


def _instance_year(f: Fields, month: int, anchor: dt.date, tense: Tense) -> tuple[int, str | None]:
    """The year of a month (and day) written without one, and the cue that decided it."""
    if f.year_shift is not None:
        return anchor.year + f.year_shift, None
    if f.shift == 0:
        return anchor.year, None  # "this September"
    if f.shift is not None and f.shift < 0:  # "last November": the latest November before this month
        if f.day is None and month == anchor.month - 1:
            # the month just past is "last month": "last February" in a March article is a year
            # earlier; "last December" in January is already last year's, the one just past
            return anchor.year - 1, None
        return (anchor.year if month < anchor.month else anchor.year - 1), None
    if f.shift is not None:  # "next March": the first March after this month
        return (anchor.year if month > anchor.month else anchor.year + 1), None
    direction, cue = tense.direction, tense.cue
    if direction < 0 and not tense.preposition and (f.day is not None or (month - anchor.month) % 12 == 1):
        # "said ... on Dec. 7": a past verb rarely dates the embedded date; keep the nearest. So for
        # next month ("told of a cutback in September", mid-August): eleven months back is "last September".
        direction, cue = 0, None
    if f.day is not None and direction > 0 and _recently_passed(anchor, month, f.day):
        # "bought shares through Sept. 29" in an October article: the date just passed.
        return (anchor.year if month <= anchor.month else anchor.year - 1), None
    return cal.month_instance(anchor, month, direction), cue


def _recently_passed(anchor: dt.date, month: int, day: int) -> bool:
    year = anchor.year if month <= anchor.month else anchor.year - 1
    try:
        return 0 < (anchor - dt.date(year, month, day)).days <= 31
    except ValueError:
        return False


def weekday(m: Mention, ctx: Context) -> Resolution | None:
    f = m.fields
    if ctx.anchor is None or f.weekday is None:
        return None
    direction, cue = _direction(f, ctx)
    if f.shift == 0 and direction == 0:
        direction = 1  # "this Friday" with no cue is the coming one; "This Monday, he said" the past one
    # "last Friday"/"next Friday" skip the anchor day itself; a bare weekday may be the anchor day.
    inclusive = not f.shift
    day = cal.weekday_near(ctx.anchor, f.weekday, 1 if direction > 0 else -1, inclusive=inclusive)
    if f.shift == 1 and day == ctx.anchor + dt.timedelta(days=1):
        day += dt.timedelta(weeks=1)  # written on a Tuesday, "next Wednesday" is not tomorrow (that is "tomorrow")
    return _day_and_part(day + dt.timedelta(days=f.rel or 0), f.part, cue)  # "the day before last Tuesday"


def weekday_of_week(m: Mention, ctx: Context) -> Resolution | None:
    """ "Tuesday last week", "Friday of next week": the weekday in the week the shift names."""
    f = m.fields
    if ctx.anchor is None or f.weekday is None or f.shift is None:
        return None
    week = cal.shift(ctx.anchor, cal.WEEK, int(f.shift))
    return _day_and_part(week + dt.timedelta(days=f.weekday - week.isoweekday()), f.part, None)


def weekday_of_month(m: Mention, ctx: Context) -> Resolution | None:
    """ "the last Saturday of February", "the first Monday of next month": the n-th weekday of the
    month a month rule would name (its year chosen by the tense), or of the shifted publish month."""
    f = m.fields
    if f.weekday is None or f.ordinal is None:
        return None
    month = calendar_date(m, ctx) if f.month is not None else shifted_unit(m, ctx)
    if month is None or (point := cal.parse_value(month.value)) is None:
        return None
    day = cal.nth_weekday(point.date.year, point.date.month, f.weekday, f.ordinal)
    return replace(month, value=day.isoformat())


def _day_and_part(day: dt.date, part: str | None, cue: str | None, basis: str = PUBLISH) -> Resolution:
    """A weekday's day, with its part of the day as a TIME ("Thursday morning")."""
    if part is not None and part != "NI":
        return Resolution(f"{day.isoformat()}T{part}", basis, type="TIME", cue=cue)
    # "Wednesday night" stays the day: TimeBank/AQUAINT annotate most of them as a DATE of the day.
    return Resolution(day.isoformat(), basis, cue=cue)


def weekday_from_reference(m: Mention, ctx: Context) -> Resolution | None:
    """ "the previous Friday", "the following Monday": next to the day the text is about."""
    f, ref = m.fields, ctx.reference
    if ref is None or ref.granularity != cal.DAY or f.weekday is None or f.rel is None:
        return None
    return Resolution(cal.weekday_near(ref.date, f.weekday, f.rel, inclusive=False).isoformat(), REFERENCE)


def weekday_near_reference(m: Mention, ctx: Context) -> Resolution | None:
    """ "that Tuesday": the one nearest the day the text is about, or in the week it is about;
    with no day or week to go by, the weekday a bare one would be."""
    f, ref = m.fields, ctx.reference
    if f.weekday is None or ref is None or ref.granularity not in (cal.DAY, cal.WEEK):
        return weekday(m, ctx)
    if ref.granularity == cal.WEEK:
        day = ref.date + dt.timedelta(days=f.weekday - ref.date.isoweekday())
    else:
        day = min(
            (cal.weekday_near(ref.date, f.weekday, d) for d in (-1, 1)), key=lambda d: abs(d - ref.date)
        )
    return _day_and_part(day, f.part, None, REFERENCE)


def deictic(m: Mention, ctx: Context) -> Resolution | None:
    f = m.fields
    if ctx.anchor is None or f.offset is None:
        return None
    value = (ctx.anchor + dt.timedelta(days=f.offset)).isoformat()
    if f.part is not None:  # "tonight"
        return Resolution(f"{value}T{f.part}", PUBLISH, type="TIME")
    return Resolution(value, PUBLISH, mod=f.mod)


def counted_day(m: Mention, ctx: Context) -> Resolution | None:
    """ "a week today", "two weeks tomorrow", "a week on Monday": an amount of time counted on from a
    day named by the publish date (a deictic day, or the coming weekday); back from it with a
    direction ("a week ago today", "two years ago today": an anniversary to the day)."""
    f = m.fields
    if (
        ctx.anchor is None
        or f.number is None
        or f.unit not in (cal.DAY, cal.WEEK, cal.MONTH, cal.YEAR)
        or f.number != int(f.number)
    ):
        return None
    if f.weekday is not None:
        day = cal.weekday_near(ctx.anchor, f.weekday, 1)
    elif f.offset is not None:
        day = ctx.anchor + dt.timedelta(days=f.offset)
    else:
        return None
    return Resolution(cal.shift(day, f.unit, (f.rel or 1) * int(f.number)).isoformat(), PUBLISH)


def deictic_part(m: Mention, ctx: Context) -> Resolution | None:
    f = m.fields
    if ctx.anchor is None or f.part is None:
        return None
    offset = f.offset if f.offset is not None else (-1 if f.shift == -1 else 0)
    return Resolution(f"{ctx.anchor + dt.timedelta(days=offset)}T{f.part}", PUBLISH)


def part_of_day(m: Mention, ctx: Context) -> Resolution | None:
    f = m.fields
    ref = ctx.reference
    if f.part is None:
        return None
    # "in the morning": of the day the text is about, else of the publish date.
    if ref is not None and ref.granularity == cal.DAY:
        return Resolution(f"{ref.value}T{f.part}", REFERENCE, mod=f.mod)
    if ctx.anchor is None:
        return None
    return Resolution(f"{ctx.anchor.isoformat()}T{f.part}", PUBLISH, mod=f.mod)


def shifted_unit(m: Mention, ctx: Context) -> Resolution | None:
    f = m.fields
    if ctx.anchor is None or f.unit is None:
        return None
    unit = f.unit
    day = cal.shift(ctx.anchor, unit, f.shift or 0)
    if unit == "WE":
        return Resolution(f"{cal.format_value(day, cal.WEEK)}-WE", PUBLISH, mod=f.mod)
    if unit in ("DE", "CE"):
        # "the past decade", "this century": TimeBank annotates the span of time, P10Y / P100Y.
        return Resolution(_period(1, unit), type="DURATION", mod=f.mod)
    return Resolution(cal.format_value(day, _GRANULARITY[unit]), PUBLISH, mod=f.mod)


# A fraction of a unit is written in the next smaller one: 2.5 years is P2Y6M.
_SMALLER = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN"), "MIN": (60, "S")}
_TIME_UNITS = frozenset({"H", "MIN", "S"})


def _period(number: float, unit: str) -> str:
    """ISO 8601 duration of `number` units; number < 0 is a vague amount (X)."""
    if unit == "CE" and number < 0:
        return "PXC"  # "for centuries": TimeBank writes a vague number of centuries with C
    if unit == "Q" and number > 0:
        number, unit = number * 3, "M"  # quarters are written in months: "three quarters" is P9M
    elif unit in ("DE", "CE"):
        # "two decades" is P20Y; "decades-long", as TimeBank writes it, PXY
        number, unit = (number * (10 if unit == "DE" else 100) if number > 0 else number), "Y"
    whole, rest = int(number), number - int(number)
    parts = [(_fmt(number) if number < 0 else str(whole), unit)]
    if number > 0 and rest and unit in _SMALLER:
        factor, smaller = _SMALLER[unit]
        parts = ([(str(whole), unit)] if whole else []) + [(_fmt(rest * factor), smaller)]
    date_part = "".join(f"{n}{u}" for n, u in parts if u not in _TIME_UNITS)
    time_part = "".join(f"{n}{u[0]}" for n, u in parts if u in _TIME_UNITS)
    return "P" + date_part + (f"T{time_part}" if time_part else "")


def duration(m: Mention, ctx: Context) -> Resolution | None:
    f = m.fields
    if f.unit is None:
        return None
    if f.number is not None:
        number = f.number
    else:  # "for years": a vague amount (X)
        number = -1
    return Resolution(_period(number, f.unit), type="DURATION", mod=f.approx)


def vague_span(m: Mention, ctx: Context) -> Resolution | None:
    f = m.fields
    if f.ref is None or f.unit is None:
        return None
    if f.ref == "PAST_REF" and f.unit == "Y":
        return Resolution(f.ref)  # "in recent years": TimeBank's past reference
    return Resolution(_period(-1, f.unit), type="DURATION")  # "in recent weeks", "coming months"


# A fraction of a unit back, in a smaller unit the calendar can shift by.
_AGO_FRACTION = {"CE": (100, "Y"), "DE": (10, "Y"), "Y": (12, "M"), "W": (7, "D")}


def ago(m: Mention, ctx: Context) -> Resolution | None:
    f = m.fields
    if f.unit is None:
        return None
    if f.number is None or f.number < 0:  # "several years ago", "decades ago": no amount
        return Resolution("PAST_REF", mod=f.approx)
    if ctx.anchor is None:
        return None
    number, unit = f.number, f.unit
    if number != int(number) and unit in _AGO_FRACTION:
        # "a year and a half ago" is 18 months back, at the precision of a month
        factor, unit = _AGO_FRACTION[unit]
        number *= factor
    amount = -int(number)
    ref = ctx.reference
    if unit == "Y" and ref is not None and ref.granularity == cal.QUARTER:
        # Earnings reports: "a year ago" is the same quarter of the year before.
        return Resolution(cal.shift(ref.date, "Y", amount).isoformat()[:4] + ref.value[4:], REFERENCE)
    # "three hours ago": the publish day (the anchor has no time of day to count back from)
    day = ctx.anchor if unit in _TIME_UNITS else cal.shift(ctx.anchor, unit, amount)
    return Resolution(cal.format_value(day, _GRANULARITY[unit]), PUBLISH, mod=f.approx)


def from_reference(m: Mention, ctx: Context) -> Resolution | None:
    f = m.fields
    ref = ctx.reference
    if f.unit is not None and (f.unit in _TIME_UNITS or (f.number is not None and f.number < 0)):
        # "an hour later", "a few days later": no calendar point to name, only the amount of time
        return Resolution(_period(f.number or 1, f.unit), type="DURATION", mod=f.approx)
    if ref is None or f.unit is None:
        return None
    sign = f.rel or 1
    amount = sign * (int(f.number) if f.number and f.number > 0 else 1)
    granularity = _GRANULARITY[f.unit]
    if f.number is not None and (
        (f.unit == "Y" and ref.granularity != cal.YEAR) or (f.unit == "W" and ref.granularity == cal.DAY)
    ):
        # "a year earlier", "a week earlier" keep the precision of what they count from: a week
        # before a day is a day
        granularity = ref.granularity
    if _coarser(ref.granularity, granularity):
        return None
    return Resolution(cal.format_value(cal.shift(ref.date, f.unit, amount), granularity), REFERENCE)


_ORDER = [cal.YEAR, cal.HALF, cal.QUARTER, cal.MONTH, cal.WEEK, cal.DAY]


def _coarser(a: str, b: str) -> bool:
    return _ORDER.index(a) < _ORDER.index(b) and not (a == cal.MONTH and b == cal.WEEK)


def _reporting_period(m: Mention, ref: cal.Point) -> str:
    """The granularity of "the year-ago quarter", "the 1988 period": a period noun over a day or a
    month ("the quarter ended Sept. 30") names the quarter; else the reference's own precision."""
    return (
        cal.QUARTER if m.fields.period_noun and ref.granularity in (cal.DAY, cal.MONTH) else ref.granularity
    )


def year_before_reference(m: Mention, ctx: Context) -> Resolution | None:
    ref, anchor, ordinal = ctx.reference, ctx.anchor, m.fields.ordinal
    if ordinal is not None:  # "the year-ago third quarter": that quarter of the year before
        if ref is not None:
            return Resolution(f"{ref.date.year - 1:04d}-Q{ordinal}", REFERENCE)
        return None if anchor is None else Resolution(f"{anchor.year - 1:04d}-Q{ordinal}", PUBLISH)
    if ref is not None and ref.granularity != cal.YEAR:
        # "the year-ago quarter": the reporting period the text is about, a year back.
        return Resolution(
            cal.format_value(cal.shift(ref.date, "Y", -1), _reporting_period(m, ref)), REFERENCE
        )
    if anchor is None:
        return None
    return Resolution(str(anchor.year - 1), PUBLISH)


def reference_in_year(m: Mention, ctx: Context) -> Resolution | None:
    """ "the 1988 quarter", "the 1989 period": the reporting period the text is about, in that year."""
    ref, year = ctx.reference, m.fields.year
    if year is None:
        return None
    if ref is None or ref.granularity == cal.YEAR:
        return Resolution(str(year))
    day = cal.shift(ref.date, "Y", year - ref.date.year)
    return Resolution(cal.format_value(day, _reporting_period(m, ref)), REFERENCE)


def same_as_reference(m: Mention, ctx: Context) -> Resolution | None:
    f = m.fields
    ref = ctx.reference
    if ref is None or f.unit is None:
        return None
    if f.unit == "D" and ref.granularity == cal.MONTH:
        # "shot last October ... crossed out that same day": a day of that month, which one unknown
        return Resolution(f"{ref.value}-XX", REFERENCE)
    if _coarser(ref.granularity, _GRANULARITY[f.unit]):
        return None
    return Resolution(cal.format_value(ref.date, _GRANULARITY[f.unit]), REFERENCE)


SMALL_HOURS_END = 6  # a clock time before 6 a.m. is in the night's small hours


def clock_time(m: Mention, ctx: Context) -> Resolution | None:
    f = m.fields
    if f.hour is None:
        return None
    if f.month is not None and f.day is not None:
        # its day as a date of its own: written out in full ("at 16:12 on 1 November 2026"), it
        # needs no publish date
        date = _calendar_date(f, ctx)
        if date is None:
            return None
        return Resolution(
            f"{date.value}T{f.hour:02d}:{f.minute or 0:02d}", date.basis or PUBLISH, cue=date.cue
        )
    if ctx.anchor is None:
        return None
    if f.weekday is not None:
        direction, cue = _direction(f, ctx)
        day, basis = cal.weekday_near(ctx.anchor, f.weekday, 1 if direction > 0 else -1), PUBLISH
    elif f.offset is None and ctx.reference is not None and ctx.reference.granularity == cal.DAY:
        # "Tuesday ... at 2 p.m.": a bare clock time is on the day the text is about, as "in the morning"
        day, cue, basis = ctx.reference.date, None, REFERENCE
        if ctx.late and f.hour < SMALL_HOURS_END and day < ctx.anchor:
            # "derailed on Monday evening ... freed shortly before 4 a.m.", told the next day or
            # later: the small hours after an evening are the next day's
            day += dt.timedelta(days=1)
    else:
        day, cue = ctx.anchor + dt.timedelta(days=f.offset or 0), None
        if f.offset is None and f.hour == 24 and ctx.tense.direction < 0:
            # Midnight (T24:00) ends the publish day, after the article: in a past clause it is the
            # one that began the day ("the fire broke out shortly before midnight").
            day, cue = day - dt.timedelta(days=1), ctx.tense.cue
        basis = PUBLISH
    return Resolution(f"{day.isoformat()}T{f.hour:02d}:{f.minute or 0:02d}", basis, cue=cue)


def ref(m: Mention, ctx: Context) -> Resolution | None:
    return None if m.fields.ref is None else Resolution(m.fields.ref)


def range_end_day(m: Mention, ctx: Context) -> Resolution | None:
    """ "February 26-28", "April 24 and 25": the second day is in the first one's month."""
    ref, day = ctx.reference, m.fields.day
    if ref is None or ref.granularity != cal.DAY or day is None or day <= ref.date.day:
        return None
    try:
        return Resolution(ref.date.replace(day=day).isoformat(), basis=REFERENCE)
    except ValueError:  # "February 26-30"
        return None


def range_end_year(m: Mention, ctx: Context) -> Resolution | None:
    """ "1950-53", "1998-02": the second year is the first one after the first year so written."""
    ref, digits = ctx.reference, m.fields.year
    if ref is None or ref.granularity != cal.YEAR or digits is None:
        return None
    first = ref.date.year
    year = first - first % 100 + digits
    if year <= first:
        year += 100
    if year - first >= 50:  # "1996-95" (read as 2095) is no range
        return None
    return Resolution(str(year), basis=REFERENCE)


def set_weekday(m: Mention, ctx: Context) -> Resolution | None:
    f = m.fields
    if f.month is not None:
        return Resolution(f"XXXX-{f.month:02d}")  # "each July"
    if f.season is not None:
        return Resolution(f"XXXX-{f.season}")  # "each spring"
    if f.weekday is None:
        return Resolution(f"XXXX-XX-XXT{f.part}") if f.part else None  # "every morning"
    return Resolution(f"XXXX-WXX-{f.weekday}" + (f"T{f.part}" if f.part else ""))


def set_unit(m: Mention, ctx: Context) -> Resolution | None:
    f = m.fields
    if f.unit is None:
        return None
    if f.unit == "WE":
        return Resolution("XXXX-WXX-WE")  # "every weekend": TimeML writes the weekend, not a length
    amount = _fmt(f.number) if f.number else "1"
    prefix = "PT" if f.unit in ("H", "MIN", "S") else "P"
    return Resolution(f"{prefix}{amount}{f.unit[0] if prefix == 'PT' else f.unit}")


def parsed(m: Mention, ctx: Context) -> Resolution | None:
    # Rules send only forms with a year here, so the value never depends on the anchor.
    value = normalise(m.text, ctx.anchor)
    return None if value is None or m.fields.year is None else Resolution(value)


def set_word(m: Mention, ctx: Context) -> Resolution | None:
    return None if m.fields.set_value is None else Resolution(m.fields.set_value)


RESOLVERS: dict[str, Resolver] = {
    "calendar_date": calendar_date,
    "day_of_month": day_of_month,
    "weekday": weekday,
    "weekday_from_reference": weekday_from_reference,
    "weekday_near_reference": weekday_near_reference,
    "weekday_of_week": weekday_of_week,
    "weekday_of_month": weekday_of_month,
    "deictic": deictic,
    "counted_day": counted_day,
    "deictic_part": deictic_part,
    "part_of_day": part_of_day,
    "shifted_unit": shifted_unit,
    "duration": duration,
    "ago": ago,
    "weekend": weekend,
    "holiday": holiday,
    "vague_span": vague_span,
    "from_reference": from_reference,
    "year_before_reference": year_before_reference,
    "reference_in_year": reference_in_year,
    "same_as_reference": same_as_reference,
    "quarter": quarter,
    "half": half,
    "current_quarter": current_quarter,
    "season": season,
    "decade": decade,
    "century": century,
    "clock_time": clock_time,
    "ref": ref,
    "range_end_day": range_end_day,
    "range_end_year": range_end_year,
    "set_weekday": set_weekday,
    "set_unit": set_unit,
    "set_word": set_word,
    "dateparser": parsed,
}
# Resolvers whose answer depends on the tense of the clause (the cue is looked up only for these).
# Resolvers for a bare number that is a time only right after a dated expression ("26-28"): the
# mention is dropped unless it follows the reference time across a range word and resolves.
FOLLOWS_REFERENCE = frozenset({"range_end_day", "range_end_year"})
# Resolvers of a named weekday counted from the reference time ("the following Monday", "that
# Tuesday"), with the way each goes from a day: the next or previous one, or the nearest (0).
NAMES_WEEKDAY = {"weekday_from_reference": 1, "weekday_near_reference": 0}
NEEDS_TENSE = frozenset(
    {
        "calendar_date",
        "day_of_month",
        "weekday",
        "weekday_of_month",
        "quarter",
        "half",
        "clock_time",
        "weekend",
        "holiday",
    }
)
# "a year ago" (counted back from the publish date) and "a year earlier" (from the reference time):
# an earlier-shift right after an "ago" time compares with the time the text is about, not with it.
COUNTS_BACK_FROM_PUBLISH = frozenset({"ago"})
COUNTS_FROM_REFERENCE = frozenset({"from_reference"})
# Comparisons with the reporting period ("the year-ago quarter", "the 1988 period", "a year ago"):
# over a quarter reference they take the quarter the report is about (see tag()).
COMPARES_REPORTING_PERIOD = frozenset({"year_before_reference", "reference_in_year", "ago"})
