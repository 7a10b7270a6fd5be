"""What a resolver gets besides the mention, and what it returns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chrono.temporal.calendar import Point
from chrono.temporal.tense import NO_CUE, Tense

PUBLISH, REFERENCE = "publish date", "reference time"
# A day and month written out whose year alone comes from the reference time (an undated text): a
# date of its own, which sets the reference time and is never counted again from another event.
REFERENCE_YEAR = "year of the reference time"


@dataclass(frozen=True, slots=True)
class Context:
    """What a resolver may use besides the mention: never the clock."""

    anchor: dt.date | None
    reference: Point | None
    tense: Tense = NO_CUE
    # The reference time is an evening or a night ("on Monday evening", "at 10 p.m."): the small
    # hours told after it are those of the night that follows.
    late: bool = False


@dataclass(frozen=True, slots=True)
class Resolution:
    """A value with how it was obtained (`basis`: publish date, reference time, its year, or None)."""

    value: str
    basis: str | None = None
    type: str | None = None
    mod: str | None = None
    cue: str | None = None
