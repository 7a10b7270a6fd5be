"""Typed values of the tagger: what extraction finds (Mention) and what tagging returns (Timex)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Fields:
    """Typed fields read from a rule's named groups; nothing here is resolved against a date.

    `number` is -1 for a vague amount ("several", "a few": TimeML X); `shift` is -1/0/+1 for
    last/this/next; `offset` is a day offset (yesterday = -1); `rel` the direction of an
    expression relative to another time (+1 "later", "following"; -1 "earlier", "previous").
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    number: float | None = None
    unit: str | None = None
    shift: int | None = None
    mod: str | None = None
    approx: str | None = None
    season: str | None = None
    part: str | None = None
    offset: int | None = None
    ref: str | None = None
    set_value: str | None = None
    ordinal: int | None = None
    decade: int | None = None
    century: int | None = None
    hour: int | None = None
    minute: int | None = None
    fiscal: bool = False
    zone: str | None = None
    rel: int | None = None
    year_shift: int | None = None
    possessive: bool = False
    holiday: str | None = None
    period_noun: bool = False
    year_to_date: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """An expression found in the text, with its typed fields and the rule that found it."""

    start: int
    end: int
    text: str
    rule: str
    resolver: str
    type: str
    fields: Fields


@dataclass(frozen=True, slots=True)
class Timex:
    """A tagged, normalised temporal expression (TimeML TIMEX3 value and type)."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    rule: str
    anchor: str | None = None
    anchor_kind: str | None = None
    cue: str | None = None
    future: bool = False
    mod: str | None = None
    range_end: str | None = None
    is_range_end: bool = False

    def explain(self) -> str:
        """One line: the rule that fired, the anchor it was resolved against and the tense cue."""
        parts = [f"rule {self.rule}"]
        if self.value is None:
            parts.append("unresolved (no anchor or reference time)")
        elif self.anchor is None:
            parts.append("absolute")
        else:
            parts.append(f"resolved against {self.anchor_kind} {self.anchor}")
        if self.cue is not None:
            parts.append(f"cue {self.cue!r}")
        if self.range_end is not None:
            parts.append(f"range until {self.range_end}")
        return "; ".join(parts)

    def as_json(self, explain: bool = False) -> dict[str, Any]:
        """The contract's JSON object; `explain` adds rule, anchor, anchor_kind, cue and explanation."""
        data: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }
        if explain:
            data["rule"] = self.rule
            data["anchor"] = self.anchor
            data["anchor_kind"] = self.anchor_kind
            data["cue"] = self.cue
            data["future"] = self.future
            data["explanation"] = self.explain()
            if self.mod is not None:
                data["mod"] = self.mod
            if self.range_end is not None:
                data["range_end"] = self.range_end
        return data
