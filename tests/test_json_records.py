"""The timeline JSON written straight from the merge's records (`EventRecord.dump`) is what the
contract's models give (`Event.model_dump(mode="json")`): same keys in the same order, same values
of the same types, same bytes. A field added to a model and not to `dump` fails here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, Field, create_model

from chrono import merge
from chrono.events import TimexRef
from chrono.export import timeline_json, timeline_json_parts
from chrono.merge import EventRecord, MentionRecord
from chrono.models import ISO_DATE_PATTERN, ArticleInfo, Event, Mention, MentionTimex, Timeline
from chrono.pipeline import extract

DATA = Path(__file__).parent / "data"
REAL_INPUTS = [*sorted(DATA.glob("events_dev*")), Path(__file__).resolve().parents[1] / "seeds"]


def _same(ours: object, theirs: object) -> bool:
    """Equal, with the same type at every level and dict keys in the same order."""
    if type(ours) is not type(theirs):
        return False
    if isinstance(ours, dict):
        assert isinstance(theirs, dict)
        return list(ours) == list(theirs) and all(_same(ours[k], theirs[k]) for k in ours)
    if isinstance(ours, list):
        assert isinstance(theirs, list)
        return len(ours) == len(theirs) and all(map(_same, ours, theirs))
    return ours == theirs


def _agrees(record: EventRecord) -> bool:
    return _same(record.dump(), record.model().model_dump(mode="json"))


dates = st.none() | st.from_regex(ISO_DATE_PATTERN, fullmatch=True)
offsets = st.integers(min_value=0, max_value=2**53)
timexes = st.builds(TimexRef, st.text(max_size=20), st.none() | st.text(max_size=12), offsets, offsets)
mentions = st.builds(
    MentionRecord,
    article=st.text(max_size=20),
    text=st.text(max_size=60),
    start=offsets,
    end=offsets,
    date=dates,
    timex=st.none() | timexes,
    future=st.booleans(),
    explanation=st.text(max_size=40),
)
records = st.builds(
    EventRecord,
    id=st.text(max_size=16),
    date=dates,
    date_end=dates,
    summary=st.text(max_size=60),
    future=st.booleans(),
    conflict=st.booleans(),
    mentions=st.lists(mentions, min_size=1, max_size=4).map(tuple),
    merge_reasons=st.lists(st.text(max_size=30), max_size=3).map(tuple),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(records, max_size=5), st.lists(st.text(max_size=20), max_size=2))
def test_generated_records_dump_as_their_models_do(events, warnings):
    assert all(_agrees(e) for e in events)
    head = Timeline(articles=[ArticleInfo(id="a.txt", published="2022-03-29")], events=[], warnings=warnings)
    from_models = timeline_json(head.model_copy(update={"events": [e.model() for e in events]}))
    assert b"".join(timeline_json_parts(head, (e.dump() for e in events))) == from_models


@pytest.mark.parametrize("inputs", REAL_INPUTS, ids=lambda p: p.name)
def test_real_records_write_the_bytes_of_their_models(inputs):
    result = extract([inputs], jobs=1)
    assert result.records, "no records: the overrides path makes models, and nothing here is tested"
    assert all(_agrees(e) for e in result.records)
    assert b"".join(result.json_parts()) == timeline_json(result.timeline)


def _widened(name: str) -> dict[str, type[BaseModel]]:
    """The three models nested as before, the one named given a new field with a default (which
    the models fill in and `dump` knows nothing of)."""

    def added(model: str) -> dict[str, Any]:
        return {"added": (bool, False)} if model == name else {}

    # Any: the types are made here, which a type checker cannot follow.
    timex: Any = create_model("MentionTimex", __base__=MentionTimex, **added("MentionTimex"))
    mention: Any = create_model("Mention", __base__=Mention, timex=(timex | None, ...), **added("Mention"))
    mentions = (list[mention], Field(min_length=1))
    event = create_model("Event", __base__=Event, mentions=mentions, **added("Event"))
    return {"MentionTimex": timex, "Mention": mention, "Event": event}


@pytest.mark.parametrize("name", ["Event", "Mention", "MentionTimex"])
def test_a_field_added_to_a_model_alone_is_caught(name, monkeypatch):
    timex = TimexRef("on Tuesday", "2022-03-29", 10, 20)
    mention = MentionRecord("a.txt", "Talks began on Tuesday.", 0, 23, "2022-03-29", timex, False, "why")
    record = EventRecord("e1", "2022-03-29", None, "Talks began", False, False, (mention,), ())
    for widened, agrees in (("", True), (name, False)):  # nested anew alone, the models still agree
        for model_name, model in _widened(widened).items():
            monkeypatch.setattr(merge, model_name, model)
        assert _agrees(record) is agrees
