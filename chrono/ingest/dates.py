"""Publish dates: strict parsing of metadata values and of a leading date line in the text.

A timestamp with a UTC offset gives the date *at that offset* (the outlet's own date), so values
are never converted to UTC. Only absolute dates are accepted: "yesterday" in metadata is an error.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Collection
from datetime import date, datetime

_ISO = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TEXTUAL = (
    rf"{_WEEKDAY}(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
# Labels that name the *publish* date; "updated" is deliberately absent (never the modified date).
_LABEL = r"(?:date[d]?|published(?:\s+on)?|posted(?:\s+on)?|first\s+published(?:\s+on)?)"
# A labelled date may run on into the headline on the same line (seed 001: " date 2022-03-30 Russia-…");
# an unlabelled date must be the whole first line.
_DATE_LINE = re.compile(
    rf"\A\s*(?:(?P<label>{_LABEL})[ \t]*[:\-–—]?[ \t]*(?P<ldate>{_ISO}|{_TEXTUAL})"
    rf"(?:[ \t]*[|:\-–—])?[ \t]*(?:\r?\n)?"
    rf"|(?P<date>{_ISO}|{_TEXTUAL})[ \t]*(?:\r?\n|\Z))",
    re.IGNORECASE,
)
_ISO_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_NUMERIC = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.]\d{4}")
# A wire dateline: "MOSCOW, April 6 (Reuters) -", "WASHINGTON (AP) —".
DATELINE = re.compile(
    r"[A-Z][A-Z.' ]{2,}(?:,\s[A-Z][\w.' ]{1,30})?(?:,\s[^,()\n]{3,20}?)?"  # place, region, date
    r"\s*(?:\([\w .'-]{2,30}\))?\s*[-–—]{1,2}\s"  # (agency) and the dash
)
# The day a dateline names without a year: "PORTH ORRAN, May 19 (Tarn Press) -" (not "May 19, 2026").
_DATELINE_DAY = re.compile(rf",\s+(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})\b(?!,?\s*\d)", re.IGNORECASE)
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec"
# Two defaults that differ in every field: a string that leaves a field out parses differently.
_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))  # noqa: DTZ001 - placeholders, not wall clock


def parse_date(value: str) -> date:
    """The calendar date an absolute publish value names, at its own UTC offset.

    Raises:
        ValueError: the value is empty, relative, incomplete or not a valid date.
    """
    text = value.strip()
    if not text:
        raise ValueError("empty date")
    if _ISO_SHAPE.match(text):
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            raise ValueError(f"{text!r} is not a valid date") from None
    if not _YEAR.search(text):
        raise ValueError(f"{text!r} is not an absolute date with a year")
    numeric = _NUMERIC.match(text)
    if numeric and numeric[1] != numeric[2] and max(int(numeric[1]), int(numeric[2])) <= 12:
        raise ValueError(f"{text!r} is ambiguous (day/month or month/day)")
    from dateutil import parser  # lazy: only for the rare non-ISO value

    try:
        with warnings.catch_warnings():
            # An unknown zone name ("IST") is ignored: the date as printed is the outlet's date anyway.
            warnings.simplefilter("ignore", parser.UnknownTimezoneWarning)
            parsed = [parser.parse(text, default=default) for default in _DEFAULTS]
    except (ValueError, OverflowError, parser.ParserError):
        raise ValueError(f"{text!r} is not a valid date") from None
    if parsed[0] != parsed[1]:
        raise ValueError(f"{text!r} is not a full date (day, month and year)")
    return parsed[0].date()


_WRITTEN = re.compile(rf"{_ISO}|{_TEXTUAL}", re.IGNORECASE)


def written_dates(text: str) -> list[str]:
    """The absolute dates written in a line of text, as written ("By Selma Hart | Thursday 17
    September 2026" holds "Thursday 17 September 2026")."""
    return [m[0] for m in _WRITTEN.finditer(text)]


def split_date_line(text: str) -> tuple[str, int] | None:
    """The date string of a leading date line and where the rest of the text starts, if there is one."""
    match = _DATE_LINE.match(text)
    if match is None:
        return None
    return (match["ldate"] or match["date"]), match.end()


def dateline_day(text: str) -> tuple[str, int, int] | None:
    """The day (as written, month, day) of a year-less wire dateline opening the text, if there is one."""
    dateline = DATELINE.match(text)
    found = _DATELINE_DAY.search(text, 0, dateline.end()) if dateline else None
    if found is None:
        return None
    return found[0].lstrip(", \t\n"), _MONTHS.index(found["month"][:3].lower()) // 4 + 1, int(found["day"])


def nearest_year(month: int, day: int, near: Collection[date]) -> date | None:
    """That day of the month in the year that puts it nearest to the `near` dates (None: no such date)."""
    candidates = []
    for year in sorted({d.year + step for d in near for step in (-1, 0, 1)}):
        try:
            candidates.append(date(year, month, day))
        except ValueError:  # Feb 29 out of a leap year, or "June 31"
            continue
    return min(candidates, key=lambda c: (min(abs((c - d).days) for d in near), c), default=None)
