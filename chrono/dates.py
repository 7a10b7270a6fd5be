"""Contract dates (`YYYY`, `YYYY-MM`, `YYYY-Www`, `YYYY-MM-DD`, `YYYY-MM-DDThh:mm`) as intervals.

One definition of what a date covers, how dates sort and when two disagree, shared by merge,
check, overrides, exports and the site so that they can never disagree with each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum
from functools import lru_cache

DAY = 1440  # minutes: spans are integer minutes since day 1 of the proleptic calendar (no time zones)


class Precision(IntEnum):
    """How fine a date is; the lower value sorts first when two dates start together."""

    YEAR = 0
    MONTH = 1
    WEEK = 2
    DAY = 3
    MINUTE = 4


@dataclass(frozen=True, slots=True)
class DateSpan:
    """The interval an ISO date covers, in minutes, end exclusive."""

    start: int
    end: int
    precision: Precision

    @property
    def first_day(self) -> date:
        return date.fromordinal(self.start // DAY)

    @property
    def end_day(self) -> date:
        """The first day after the span (the exclusive end, rounded up to a whole day)."""
        return date.fromordinal(-(-self.end // DAY))


_ISO = re.compile(r"(\d{4})(?:-W(\d{2})|-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?)?")


def minutes(day: date, hour: int = 0, minute: int = 0) -> int:
    return day.toordinal() * DAY + hour * 60 + minute


@lru_cache(maxsize=8192)
def date_span(value: str) -> DateSpan:
    """Span of `YYYY`, `YYYY-MM`, `YYYY-Www`, `YYYY-MM-DD` or `YYYY-MM-DDThh:mm`; ValueError otherwise."""
    match = _ISO.fullmatch(value)
    if match is None:
        raise ValueError(f"{value!r} is not YYYY, YYYY-MM, YYYY-Www, YYYY-MM-DD or YYYY-MM-DDThh:mm")
    try:
        return _span(*match.groups())
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a calendar date ({exc})") from None


def _span(
    year: str, week: str | None, month: str | None, day: str | None, hour: str | None, minute: str | None
) -> DateSpan:
    y = int(year)
    if week:
        start = date.fromisocalendar(y, int(week), 1)
        return DateSpan(minutes(start), minutes(start) + 7 * DAY, Precision.WEEK)
    if month is None:
        return DateSpan(minutes(date(y, 1, 1)), minutes(date(y + 1, 1, 1)), Precision.YEAR)
    m = int(month)
    if day is None:
        after = date(y + m // 12, m % 12 + 1, 1)
        return DateSpan(minutes(date(y, m, 1)), minutes(after), Precision.MONTH)
    d = date(y, m, int(day))
    if hour is None:
        return DateSpan(minutes(d), minutes(d) + DAY, Precision.DAY)
    h, mi = int(hour), int(minute or 0)
    if h > 23 or mi > 59:
        raise ValueError("no such time of day")
    return DateSpan(minutes(d, h, mi), minutes(d, h, mi) + 1, Precision.MINUTE)


def sort_key(value: str | None) -> tuple[int, int, int]:
    """Contract order: by start, coarser first on the same start; undated (or unreadable) dates last."""
    if value is None:
        return (1, 0, 0)
    try:
        span = date_span(value)
    except ValueError:
        return (1, 0, 0)
    return (0, span.start, span.precision)


def dates_conflict(values: Iterable[str | None]) -> bool:
    """True when two of the dates cannot both hold (disjoint spans); unreadable dates are skipped."""
    spans = []
    for value in values:
        if value is not None:
            try:
                spans.append(date_span(value))
            except ValueError:
                continue  # reported on its own (C101); it cannot disagree with anything
    # Intervals on a line overlap pairwise exactly when the latest start precedes the earliest end.
    return bool(spans) and max(s.start for s in spans) >= min(s.end for s in spans)


def days(value: str) -> tuple[date, date]:
    """First and last day a date covers ("2022-03" → 1 and 31 March); ValueError if it is no date."""
    span = date_span(value)
    return span.first_day, span.end_day - timedelta(days=1)
