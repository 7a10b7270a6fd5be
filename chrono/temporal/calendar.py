"""Pure calendar arithmetic and TimeML value formatting; no text, no state, no clock."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

# Granularities a point value can have, coarse to fine.
YEAR, HALF, QUARTER, MONTH, WEEK, DAY = "Y", "H", "Q", "M", "W", "D"


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar point at a granularity: the date is the first day of the period it names."""

    date: dt.date
    granularity: str

    @property
    def value(self) -> str:
        """The TimeML value of the period."""
        return format_value(self.date, self.granularity)


def format_value(day: dt.date, granularity: str) -> str:
    """TimeML value of the period of `granularity` that contains `day`."""
    if granularity == DAY:
        return day.isoformat()
    if granularity == WEEK:
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if granularity == MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == QUARTER:
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == HALF:
        return f"{day.year:04d}-H{(day.month - 1) // 6 + 1}"
    return f"{day.year:04d}"


_VALUE = re.compile(r"(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|W(\d\d)|Q([1-4])|H([12])))?(?:T.*)?$")


@lru_cache(maxsize=4096)  # the tagger parses each value it resolves, most of them repeat
def parse_value(value: str) -> Point | None:
    """The Point a concrete TimeML date value names (None for PRESENT_REF, durations, sets...)."""
    m = _VALUE.match(value)
    if m is None:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            return Point(dt.date(year, int(m.group(2)), int(m.group(3))), DAY)
        if m.group(2):
            return Point(dt.date(year, int(m.group(2)), 1), MONTH)
        if m.group(4):
            return Point(dt.date.fromisocalendar(year, int(m.group(4)), 1), WEEK)
        if m.group(5):
            return Point(dt.date(year, 3 * int(m.group(5)) - 2, 1), QUARTER)
        if m.group(6):
            return Point(dt.date(year, 6 * int(m.group(6)) - 5, 1), HALF)
        return Point(dt.date(year, 1, 1), YEAR)
    except ValueError:
        return None


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months, the day clamped to the length of the target month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def shift(day: dt.date, unit: str, amount: int) -> dt.date:
    """`day` moved by `amount` units (D, W, M, Q, H, Y, DE for decades, CE for centuries)."""
    if unit == DAY:
        return day + dt.timedelta(days=amount)
    if unit in (WEEK, "WE"):
        return day + dt.timedelta(weeks=amount)
    months = {MONTH: 1, QUARTER: 3, HALF: 6, YEAR: 12, "DE": 120, "CE": 1200}[unit]
    return add_months(day, months * amount)


def weekday_near(anchor: dt.date, weekday: int, direction: int, *, inclusive: bool = True) -> dt.date:
    """The day of ISO `weekday` nearest `anchor` going back (direction -1) or forward (+1).

    With `inclusive`, the anchor itself counts when it is that weekday.
    """
    delta = (weekday - anchor.isoweekday()) * direction % 7
    if delta == 0 and not inclusive:
        delta = 7
    return anchor + dt.timedelta(days=delta * direction)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The `nth` ISO `weekday` of a month; an `nth` past the month's last one (5) is the last one."""
    day = weekday_near(dt.date(year, month, 1), weekday, 1) + dt.timedelta(weeks=nth - 1)
    return day if day.month == month else day - dt.timedelta(weeks=1)


def month_instance(anchor: dt.date, month: int, direction: int) -> int:
    """Year of the instance of `month` the direction allows: -1 on or before the anchor, +1 on or
    after it, 0 (no tense cue) the last one unless it is at most two months ahead."""
    if month == anchor.month:
        return anchor.year
    ahead = (month - anchor.month) % 12
    upcoming = direction > 0 or (direction == 0 and ahead <= 2)
    if upcoming:
        return anchor.year if month > anchor.month else anchor.year + 1
    return anchor.year if month < anchor.month else anchor.year - 1


def season_start(year: int, season: str) -> dt.date:
    """First month of a TimeML season (winter counts from December of the year before)."""
    return dt.date(year, {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season], 1)


def quarter_of(day: dt.date) -> int:
    """Quarter 1..4 of `day`."""
    return (day.month - 1) // 3 + 1


def period_start(day: dt.date, unit: str) -> dt.date:
    """First day of the period of `unit` that contains `day`."""
    if unit in (WEEK, "WE"):
        return day - dt.timedelta(days=day.isoweekday() - 1)
    if unit == MONTH:
        return day.replace(day=1)
    if unit == QUARTER:
        return dt.date(day.year, 3 * quarter_of(day) - 2, 1)
    if unit == YEAR:
        return dt.date(day.year, 1, 1)
    if unit == "DE":
        return dt.date(day.year - day.year % 10, 1, 1)
    if unit == "CE":
        return dt.date(day.year - day.year % 100, 1, 1)
    return day
