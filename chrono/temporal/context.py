"""What a resolver gets besides the mention, and what it returns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chrono.temporal.calendar import Point
from chrono.temporal.tense import NO_CUE, Tense

PUBLISH, REFERENCE = "publish date", "reference time"


@dataclass(frozen=True, slots=True)
class Context:
    """What a resolver may use besides the mention: never the clock."""

    anchor: dt.date | None
    reference: Point | None
    tense: Tense = NO_CUE


@dataclass(frozen=True, slots=True)
class Resolution:
    """A value with how it was obtained (`basis`: publish date, reference time or None)."""

    value: str
    basis: str | None = None
    type: str | None = None
    mod: str | None = None
    cue: str | None = None
