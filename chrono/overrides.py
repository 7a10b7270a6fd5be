"""Editorial overrides: a small, version-controlled `chrono.yaml` that corrects machine output.

Keyed by stable event ids, so an override keeps applying when later articles add mentions:

    events:
      3f2a9c1d:                 # the event to edit
        date: 2022-03-29        # pin the date (and `date_end`; `date_end: null` clears it)
        summary: Talks resume in Istanbul
        merge: [77b0e1aa, c41d9f02]   # these events become mentions of 3f2a9c1d
        split: [004_f37f.txt]   # mentions from these articles move to a new event
      9e0d4b11:
        suppress: true          # drop the event from the output

Operations run in a fixed order (merge, split, pin, summary, suppress) whatever the file's order,
every edited event records what changed in `Event.edits`, and events are re-sorted by the
contract's order. Ids that match nothing are reported as problems, never silently ignored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field, PrivateAttr, ValidationError, field_validator, model_validator

from chrono.dates import date_span, dates_conflict, sort_key
from chrono.errors import InputError, Level, Problem
from chrono.models import ISO_DATE_PATTERN, Event, Frozen, Timeline

DEFAULT_NAME = "chrono.yaml"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class OverridesError(InputError):
    """An overrides file cannot be read or is not valid."""


class EventOverride(Frozen):
    """What an editor changes in one event."""

    date: str | None = Field(default=None, pattern=ISO_DATE_PATTERN, description="Pin the event's date.")
    date_end: str | None = Field(
        default=None, pattern=ISO_DATE_PATTERN, description="Pin the end of an interval; `null` clears it."
    )
    summary: str | None = Field(default=None, min_length=1, description="Replace the summary line.")
    suppress: bool = Field(default=False, description="Leave the event out of the timeline.")
    merge: list[str] = Field(
        default_factory=list, description="Ids of events merged into this one; this event's id is kept."
    )
    split: list[str] = Field(
        default_factory=list,
        description="Article ids whose mentions move out into a new event with a derived id.",
    )

    @field_validator("date", "date_end", "summary", mode="before")
    @classmethod
    def _null(cls, value: object) -> object:
        # The file is read without YAML's implicit typing (see load_overrides), so null arrives as text.
        return None if isinstance(value, str) and value in _NULLS else value

    @field_validator("date", "date_end")
    @classmethod
    def _calendar_date(cls, value: str | None) -> str | None:
        if value is not None:
            date_span(value)  # ValueError names the value: 2022-02-30 is no day
        return value


class Overrides(Frozen):
    """The whole overrides file."""

    events: dict[str, EventOverride] = Field(default_factory=dict, description="Overrides keyed by event id.")
    _source: str = PrivateAttr(default=DEFAULT_NAME)

    @property
    def source(self) -> str:
        """The file the overrides came from, for messages."""
        return self._source

    @model_validator(mode="after")
    def _merged_ids_are_gone(self) -> Overrides:
        # A merged-away event no longer exists, so it can neither be merged twice nor carry edits of its own.
        owner: dict[str, str] = {}
        for key, override in self.events.items():
            for other in override.merge:
                if other == key or other in owner:
                    raise ValueError(
                        f"events.{key}.merge: {other} is already merged into {owner.get(other, key)}"
                    )
                owner[other] = key
        for key in self.events:
            if key in owner:
                raise ValueError(f"events.{key}: it is merged into {owner[key]}; put its overrides there")
        return self


def load_overrides(path: Path) -> Overrides:
    """Read and validate an overrides file; OverridesError names the file and key."""
    try:
        text = path.read_text(encoding="utf-8")
        # BaseLoader keeps every scalar a string: YAML 1.1 would turn an id like 0123 into 83 and
        # `2022-03` into text but `2022-03-29` into a date; pydantic converts "true" and the like itself.
        data: Any = yaml.load(text, Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds no objects
    except OSError as exc:
        raise OverridesError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise OverridesError(f"{where}: not valid YAML: {getattr(exc, 'problem', None) or exc}") from exc
    try:
        overrides = Overrides.model_validate(data if data is not None else {})
    except ValidationError as exc:
        details = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(top level)'}: {err['msg']}"
            for err in exc.errors(include_url=False)
        )
        raise OverridesError(f"{path}: {details}") from exc
    overrides._source = str(path)
    return overrides


def split_id(event_id: str, articles: list[str]) -> str:
    """Stable id of the event split off `event_id`: the same split always yields the same id."""
    digest = hashlib.blake2b("\x1f".join([event_id, *sorted(articles)]).encode(), digest_size=4).hexdigest()
    return f"{event_id}-split-{digest}"


def _with(event: Event, edit: str, **changes: Any) -> Event:
    return event.model_copy(update={**changes, "edits": [*event.edits, edit]})


def _merge(events: dict[str, Event], key: str, others: list[str], problem: Callable[[str], bool]) -> None:
    merged = [
        events.pop(other)
        for other in others
        if other in events or problem(f"events.{key}.merge: {other}: no longer matches any event")
    ]
    if not merged:
        return
    target = events[key]
    mentions = [*target.mentions, *(m for event in merged for m in event.mentions)]
    events[key] = _with(
        target,
        f"merged {', '.join(e.id for e in merged)} into this event",
        mentions=mentions,
        # future if any part was reported ahead of time, so no mention is left dated after its article
        # unexplained; conflict follows the contract's definition (the mentions' dates disagree).
        future=target.future or any(e.future for e in merged),
        conflict=dates_conflict(m.date for m in mentions),
        merge_reasons=[*target.merge_reasons, *(r for event in merged for r in event.merge_reasons)],
    )


def _split(events: dict[str, Event], key: str, articles: list[str], problem: Callable[[str], bool]) -> None:
    event = events[key]
    missing = [a for a in articles if all(m.article != a for m in event.mentions)]
    for article in missing:
        problem(f"events.{key}.split: {article}: no longer matches any mention of the event")
    moved = [m for m in event.mentions if m.article in articles]
    kept = [m for m in event.mentions if m.article not in articles]
    if not moved:
        return
    if not kept:
        problem(f"events.{key}.split: would move every mention; use suppress or summary instead")
        return
    new_id = split_id(key, articles)
    events[key] = _with(
        event,
        f"split mentions of {', '.join(sorted({m.article for m in moved}))} off into {new_id}",
        mentions=kept,
        conflict=dates_conflict(m.date for m in kept),
    )
    events[new_id] = Event(
        id=new_id,
        date=next((m.date for m in moved if m.date), None),
        summary=moved[0].text,
        future=event.future,
        conflict=dates_conflict(m.date for m in moved),
        mentions=moved,
        edits=[f"split off {key}"],
    )


def _pin(event: Event, override: EventOverride) -> Event:
    if override.date is not None and override.date != event.date:
        event = _with(event, f"date pinned: {event.date or 'undated'} → {override.date}", date=override.date)
    if "date_end" in override.model_fields_set and override.date_end != event.date_end:
        event = _with(
            event,
            f"date_end pinned: {event.date_end or 'none'} → {override.date_end or 'none'}",
            date_end=override.date_end,
        )
    if override.summary is not None and override.summary != event.summary:
        event = _with(event, f"summary rewritten (was: {event.summary})", summary=override.summary)
    return event


def apply_overrides(timeline: Timeline, overrides: Overrides) -> tuple[Timeline, list[Problem]]:
    """The timeline with the editor's overrides applied, and the overrides that matched nothing."""
    problems: list[Problem] = []

    def problem(message: str) -> bool:
        problems.append(Problem(Level.WARNING, overrides.source, message))
        return False

    # A dict keeps the timeline's order; split-off events go to the end and the final sort places them.
    events: dict[str, Event] = {}
    for event in timeline.events:
        if events.setdefault(event.id, event) is not event:
            problem(f"duplicate event id {event.id} in the timeline: its later copies are left out")
    present = {
        key: override
        for key, override in overrides.events.items()
        if key in events or problem(f"events.{key}: no longer matches any event")
    }
    for key, override in present.items():
        if override.merge:
            _merge(events, key, override.merge, problem)
    for key, override in present.items():
        if override.split:
            _split(events, key, override.split, problem)
    for key, override in present.items():
        events[key] = _pin(events[key], override)
    for key, override in present.items():
        if override.suppress:
            del events[key]
    ordered = sorted(events.values(), key=lambda e: sort_key(e.date))
    return timeline.model_copy(update={"events": ordered}), problems
