"""Exports: canonical JSON, TimelineJS (against its documented format), iCalendar and CSV."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import jsonschema
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chrono import export
from chrono.export import (
    CSV_EVENT_COLUMNS,
    CSV_MENTION_COLUMNS,
    EXPORTERS,
    export_parts,
    export_timeline,
    timeline_json,
    timeline_schema_json,
)
from chrono.models import Timeline, timeline_schema

VALID = Path(__file__).parent / "data" / "check" / "valid.json"

# The TimelineJS 3 JSON format as documented at https://timeline.knightlab.com/docs/json-format.html
# (required fields, ranges and types from its tables; documented optional fields only).
_TL_DATE = {
    "type": "object",
    "required": ["year"],
    "additionalProperties": False,
    "properties": {
        "year": {"type": "integer"},
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
        "hour": {"type": "integer", "minimum": 0, "maximum": 23},
        "minute": {"type": "integer", "minimum": 0, "maximum": 59},
        "second": {"type": "integer", "minimum": 0, "maximum": 59},
        "millisecond": {"type": "integer"},
        "display_date": {"type": "string"},
    },
}
_TL_TEXT = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
}
_TL_SLIDE_PROPERTIES = {
    "start_date": _TL_DATE,
    "end_date": _TL_DATE,
    "text": _TL_TEXT,
    "media": {"type": "object", "required": ["url"]},
    "group": {"type": "string"},
    "display_date": {"type": "string"},
    "background": {"type": "object"},
    "autolink": {"type": "boolean"},
    "unique_id": {"type": "string"},
}
TIMELINEJS_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["events"],
    "additionalProperties": False,
    "properties": {
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date"],
                "additionalProperties": False,
                "properties": _TL_SLIDE_PROPERTIES,
            },
        },
        "title": {"type": "object", "additionalProperties": False, "properties": _TL_SLIDE_PROPERTIES},
        "eras": {"type": "array"},
        "scale": {"enum": ["human", "cosmological"]},
    },
}


@pytest.fixture
def timeline() -> Timeline:
    return Timeline.model_validate_json(VALID.read_text())


def _hostile(timeline: Timeline) -> Timeline:
    """The timeline with markup in a summary and a script URL, as a hostile page might supply."""
    event = timeline.events[3].model_copy(update={"summary": "<script>alert(1)</script> & more"})
    article = timeline.articles[1].model_copy(update={"url": "javascript:alert(1)", "title": "<b>x</b>"})
    return timeline.model_copy(
        update={
            "events": [*timeline.events[:3], event, *timeline.events[4:]],
            "articles": [timeline.articles[0], article, timeline.articles[2]],
        }
    )


def test_timeline_json_is_canonical_and_round_trips(timeline):
    data = timeline_json(timeline)
    assert data.startswith(b'{\n  "articles": [\n    {\n      "id": ') and data.endswith(b"\n}\n")
    parsed = orjson.loads(data)
    assert list(parsed) == sorted(parsed) and list(parsed["events"][0]) == sorted(parsed["events"][0])
    assert Timeline.model_validate_json(data) == timeline
    assert timeline_json(Timeline.model_validate_json(data)) == data
    assert export_timeline(timeline, "json") == data


def test_timeline_schema_json_matches_the_models():
    assert json.loads(timeline_schema_json()) == json.loads(json.dumps(timeline_schema()))


def test_timelinejs_export_validates_against_the_documented_format(timeline):
    data = json.loads(export_timeline(timeline, "timelinejs"))
    jsonschema.Draft202012Validator.check_schema(TIMELINEJS_SCHEMA)
    jsonschema.validate(data, TIMELINEJS_SCHEMA, cls=jsonschema.Draft202012Validator)
    slides = {s["unique_id"]: s for s in data["events"]}
    dated = [e.id for e in timeline.events if e.date is not None]
    assert list(slides) == dated  # the undated event cannot be placed on TimelineJS's axis
    assert "1 undated events are not shown" in data["title"]["text"]["text"]
    assert slides["ev-talks-march"]["start_date"] == {"year": 2022, "month": 3}
    assert slides["ev-istanbul"]["start_date"] == {"year": 2022, "month": 3, "day": 29}
    assert slides["ev-peskov"]["start_date"] == {"year": 2022, "month": 3, "day": 30, "hour": 9, "minute": 30}
    assert slides["ev-withdrawal"]["end_date"] == {"year": 2022, "month": 4, "day": 2}
    week = slides["ev-week-shelling"]
    assert (week["start_date"]["day"], week["end_date"]["day"], week["display_date"]) == (
        28,
        3,
        "Week 13, 2022",
    )
    assert slides["ev-talks-resume"]["group"] == "Scheduled"
    text = slides["ev-istanbul"]["text"]["text"]
    assert text.count("<li>") == 2
    assert '<a href="https://link4din.com/russia-plays-down-hopes" target="_blank" rel="noopener">' in text


def test_timelinejs_escapes_html_and_drops_script_links(timeline):
    data = json.loads(export_timeline(_hostile(timeline), "timelinejs"))
    jsonschema.validate(data, TIMELINEJS_SCHEMA)
    slide = next(s for s in data["events"] if s["unique_id"] == "ev-istanbul")
    assert slide["text"]["headline"] == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"
    assert "javascript:" not in json.dumps(data)
    assert "&lt;b&gt;x&lt;/b&gt;" in slide["text"]["text"]


def test_ics_has_one_vevent_per_dated_event_with_the_right_dates(timeline):
    data = export_timeline(timeline, "ics")
    calendar = icalendar.Calendar.from_ical(data)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert list(events) == [f"{e.id}@chrono" for e in timeline.events if e.date is not None]

    def span(uid: str) -> tuple[object, object]:
        event = events[f"{uid}@chrono"]
        return event.decoded("DTSTART"), event.decoded("DTEND") if "DTEND" in event else None

    assert span("ev-istanbul") == (date(2022, 3, 29), date(2022, 3, 30))
    assert span("ev-talks-march") == (date(2022, 3, 1), date(2022, 4, 1))
    assert span("ev-week-shelling") == (date(2022, 3, 28), date(2022, 4, 4))
    assert span("ev-withdrawal") == (date(2022, 3, 31), date(2022, 4, 3))  # DTEND is exclusive
    assert span("ev-peskov") == (datetime(2022, 3, 30, 9, 30), None)  # noqa: DTZ001 - floating local time
    assert b"DTSTART;VALUE=DATE:20220329" in data
    istanbul = events["ev-istanbul@chrono"]
    assert istanbul.decoded("DTSTAMP") == datetime(2022, 3, 30, tzinfo=UTC)
    assert events["ev-withdrawal@chrono"].decoded("DTSTAMP") == datetime(2022, 4, 6, tzinfo=UTC)
    assert str(events["ev-talks-resume@chrono"]["STATUS"]) == "TENTATIVE"
    assert "Talks in Istanbul on Tuesday made substantial progress" in str(istanbul["DESCRIPTION"])


def test_exports_are_deterministic_bytes(timeline):
    for fmt in ("json", "timelinejs", "ics", "csv", "csv-mentions"):
        assert export_timeline(timeline, fmt) == export_timeline(timeline.model_copy(deep=True), fmt)


def test_events_csv_round_trips(timeline):
    data = export_timeline(timeline, "csv").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(data, newline="")))
    assert tuple(rows[0]) == CSV_EVENT_COLUMNS
    assert [r["id"] for r in rows] == [e.id for e in timeline.events]
    for row, event in zip(rows, timeline.events, strict=True):
        assert row["date"] == (event.date or "")
        assert row["date_end"] == (event.date_end or "")
        assert row["summary"] == event.summary
        assert row["future"] == str(event.future).lower()
        assert row["sources"].split("; ") == list(dict.fromkeys(m.article for m in event.mentions))


def test_mentions_csv_has_one_row_per_mention(timeline):
    rows = list(csv.DictReader(io.StringIO(export_timeline(timeline, "csv-mentions").decode(), newline="")))
    assert tuple(rows[0]) == CSV_MENTION_COLUMNS
    mentions = [(e.id, m) for e in timeline.events for m in e.mentions]
    assert len(rows) == len(mentions)
    for row, (event_id, mention) in zip(rows, mentions, strict=True):
        assert (row["event"], row["article"], row["text"], int(row["start"])) == (
            event_id,
            mention.article,
            mention.text,
            mention.start,
        )


def test_unknown_format_is_refused(timeline):
    with pytest.raises(ValueError, match="unknown export format 'pdf'"):
        export_timeline(timeline, "pdf")


@pytest.mark.parametrize("fmt", ["json", "timelinejs", "ics", "csv"])
def test_cli_export_of_the_seeds(run_chrono, tmp_path, fmt):
    out = tmp_path / f"seeds.{fmt}"
    result = run_chrono("export", fmt, "seeds", "-o", str(out))
    assert result.returncode == 0, result.stderr
    extracted = Timeline.model_validate_json(run_chrono("extract", "seeds").stdout)
    dated = [e.id for e in extracted.events if e.date is not None]
    data = out.read_bytes()
    if fmt == "json":
        # Same events as `extract`; byte-identical reruns of the pipeline are the pipeline tests' job.
        exported = Timeline.model_validate_json(data)
        assert [(e.id, e.date) for e in exported.events] == [(e.id, e.date) for e in extracted.events]
    elif fmt == "timelinejs":
        parsed = orjson.loads(data)
        jsonschema.validate(parsed, TIMELINEJS_SCHEMA)
        assert [s["unique_id"] for s in parsed["events"]] == dated
    elif fmt == "ics":
        uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")]
        assert uids == [f"{i}@chrono" for i in dated]
    else:
        assert [r["id"] for r in csv.DictReader(io.StringIO(data.decode(), newline=""))] == [
            e.id for e in extracted.events
        ]


def test_ics_interval_mixing_a_time_and_a_day_becomes_whole_days(timeline):
    peskov = timeline.events[4].model_copy(update={"date_end": "2022-03-31"})
    times = timeline.events[4].model_copy(update={"id": "ev-times", "date_end": "2022-03-30T11:00"})
    edited = timeline.model_copy(update={"events": [peskov, times]})
    events = {
        str(e["UID"]): e for e in icalendar.Calendar.from_ical(export_timeline(edited, "ics")).walk("VEVENT")
    }
    mixed, timed = events["ev-peskov@chrono"], events["ev-times@chrono"]
    assert (mixed.decoded("DTSTART"), mixed.decoded("DTEND")) == (date(2022, 3, 30), date(2022, 4, 1))
    assert (timed.decoded("DTSTART"), timed.decoded("DTEND")) == (
        datetime(2022, 3, 30, 9, 30),  # noqa: DTZ001 - floating local time
        datetime(2022, 3, 30, 11, 0),  # noqa: DTZ001
    )


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised(timeline):
    event = timeline.events[0].model_copy(update={"summary": '=HYPERLINK("http://x.invalid","click")'})
    hostile = timeline.model_copy(update={"events": [event]})
    [row] = list(csv.DictReader(io.StringIO(export_timeline(hostile, "csv").decode(), newline="")))
    assert row["summary"] == '\'=HYPERLINK("http://x.invalid","click")'


def test_the_cli_offers_exactly_the_export_formats():
    # The CLI lists the formats itself, so that `chrono --help` does not import the models.
    from chrono.cli import export
    from chrono.export import EXPORTERS

    [fmt] = [p for p in export.params if p.name == "fmt"]
    assert list(fmt.type.choices) == list(EXPORTERS)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(
        st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\\;,\n^é€😀"), min_size=1
    )
)
def test_ics_text_survives_escaping_and_folding(timeline, text):
    # The writer is ours (icalendar's was too slow at scale): icalendar's parser must read back any text,
    # and no physical line may pass 75 octets.
    event = timeline.events[0].model_copy(update={"summary": text})
    data = export_timeline(timeline.model_copy(update={"events": [event]}), "ics")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    [parsed] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(parsed["SUMMARY"]) == text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize("fmt", list(EXPORTERS))
def test_exports_come_in_pieces_with_the_same_bytes(timeline, fmt, monkeypatch):
    # The CLI and the site write the pieces as they come: a big timeline is never held whole.
    whole = export_timeline(timeline, fmt)
    monkeypatch.setattr(export, "CSV_CHUNK_ROWS", 2)
    parts = list(export_parts(timeline, fmt))
    assert b"".join(parts) == whole
    if fmt != "timelinejs":  # one JSON object, small: written in one piece
        assert len(parts) > 2
