"""Dates at their honest granularity: labels for readers, and the page (period) an event goes on."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from chrono.dates import Precision, date_span

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _day(d: dt.date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


@lru_cache(maxsize=1 << 16)  # a site prints a few thousand distinct dates, each many times
def date_label(value: str | None) -> str:
    """'2022', 'March 2022', 'week of 28 March 2022', '29 March 2022' or '29 March 2022, 14:30'."""
    if value is None:
        return "undated"
    if "-W" in value:
        return "week of " + _day(first_day(value))
    parts = value.split("T")
    fields = [int(p) for p in parts[0].split("-")]
    if len(fields) == 1:
        label = str(fields[0])
    elif len(fields) == 2:
        label = f"{MONTHS[fields[1] - 1]} {fields[0]}"
    else:
        label = _day(dt.date(*fields))
    return f"{label}, {parts[1]}" if len(parts) == 2 else label


def span_label(start: str | None, end: str | None) -> str:
    """The label of an event's date, with its end when it spans an interval."""
    if end is None or end == start:
        return date_label(start)
    return f"{date_label(start)} – {date_label(end)}"


@lru_cache(maxsize=1 << 16)
def first_day(value: str) -> dt.date:
    """The first day a date value covers (a year's 1 January, a week's Monday)."""
    return date_span(value).first_day


def granularity(value: str) -> str:
    """'year', 'month', 'week' or 'day' (a time of day counts as its day)."""
    return min(date_span(value).precision, Precision.DAY).name.lower()
