"""The timeline in other formats: canonical JSON, TimelineJS, iCalendar and CSV, as deterministic bytes.

No wall clock anywhere: the same timeline always gives the same bytes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, time
from html import escape
from typing import Any

import orjson

from chrono.dates import DateSpan, Precision, date_span
from chrono.models import ArticleInfo, Event, Mention, Timeline, timeline_schema

_JSON_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
CSV_EVENT_COLUMNS = ("id", "date", "date_end", "summary", "future", "conflict", "sources")
CSV_MENTION_COLUMNS = (
    "event",
    "event_date",
    "article",
    "published",
    "source",
    "url",
    "date",
    "timex",
    "text",
    "start",
    "end",
)


def _json(data: object) -> bytes:
    return orjson.dumps(data, option=_JSON_OPTIONS) + b"\n"


_EMPTY_EVENTS = b'\n  "events": []'


def timeline_json(timeline: Timeline) -> bytes:
    """Canonical bytes of a timeline: sorted keys, two-space indent, trailing newline."""
    return b"".join(timeline_json_parts(timeline))


def timeline_json_parts(
    timeline: Timeline, events: Iterable[dict[str, object]] | None = None
) -> Iterator[bytes]:
    """The canonical bytes in pieces, an event at a time, for writing without holding them all;
    `events`, each as `Event.model_dump(mode="json")` gives it (made as they are taken, e.g. by
    `merge.EventRecord.dump`), stand for the timeline's own when given.

    Events are dumped one at a time and spliced in, the same bytes as dumping the whole tree:
    with 100k articles the tree of dicts (or the whole file) would cost gigabytes of memory.
    """
    dicts = (e.model_dump(mode="json") for e in timeline.events) if events is None else events
    return framed_json(timeline, map(event_json, dicts))


EVENT_SEPARATOR = b",\n    "  # between two events' bytes (`event_json`) in the timeline JSON


def event_json(event: dict[str, object]) -> bytes:
    """An event's canonical bytes (as `Event.model_dump(mode="json")` gives it) indented as the
    timeline JSON holds them."""
    # Raw newlines only occur between JSON tokens (never inside strings), so indenting is a replace.
    return orjson.dumps(event, option=_JSON_OPTIONS).replace(b"\n", b"\n    ")


def framed_json(timeline: Timeline, events: Iterable[bytes]) -> Iterator[bytes]:
    """The canonical bytes of `timeline` with `events` (`event_json`'s, one or more events a
    piece, joined by EVENT_SEPARATOR) for its own, in pieces."""
    head = orjson.dumps(
        timeline.model_dump(mode="json", exclude={"events"}) | {"events": []}, option=_JSON_OPTIONS
    )
    before, after = head.split(_EMPTY_EVENTS)
    empty = True
    for dumped in events:
        yield (before + b'\n  "events": [\n    ' if empty else EVENT_SEPARATOR) + dumped
        empty = False
    yield head + b"\n" if empty else b"\n  ]" + after + b"\n"


def timeline_schema_json() -> bytes:
    """The JSON Schema of the timeline JSON, in the same canonical form."""
    return _json(timeline_schema())


# --- TimelineJS (https://timeline.knightlab.com/docs/json-format.html) ---------------------------------


def _tl_date(span: DateSpan, *, last: bool = False) -> dict[str, Any]:
    """A TimelineJS date object at the span's precision; `last` gives a week's final day."""
    day = span.first_day
    if span.precision is Precision.YEAR:
        return {"year": day.year}
    if span.precision is Precision.MONTH:
        return {"year": day.year, "month": day.month}
    if last:
        day = date.fromordinal(span.end_day.toordinal() - 1)
    out: dict[str, Any] = {"year": day.year, "month": day.month, "day": day.day}
    if span.precision is Precision.MINUTE:
        out |= {"hour": span.start % 1440 // 60, "minute": span.start % 60}
    return out


def _link(article: ArticleInfo | None, fallback: str) -> str:
    label = escape((article and (article.title or article.source)) or fallback)
    url = article.url if article else None
    # Only web links become anchors: TimelineJS renders this HTML, and a javascript: URL would run.
    if url and url.lower().startswith(("https://", "http://")):
        return f'<a href="{escape(url)}" target="_blank" rel="noopener">{label}</a>'
    return label


def _slide_text(event: Event, articles: dict[str, ArticleInfo]) -> str:
    items = []
    for mention in event.mentions:
        article = articles.get(mention.article)
        published = f", {escape(article.published)}" if article and article.published else ""
        items.append(f"<li>“{escape(mention.text)}” ({_link(article, mention.article)}{published})</li>")
    parts = [f"<ul>{''.join(items)}</ul>"]
    if event.conflict:
        given = ", ".join(f"{escape(m.date or 'undated')} ({escape(m.article)})" for m in event.mentions)
        parts.append(f"<p><strong>Sources disagree on the date:</strong> {given}</p>")
    if event.future:
        parts.append("<p>Had not happened yet when reported.</p>")
    if event.edits:
        parts.append(f"<p>Edited: {escape('; '.join(event.edits))}</p>")
    return "".join(parts)


def _slide(event: Event, articles: dict[str, ArticleInfo]) -> dict[str, Any]:
    assert event.date is not None
    start = date_span(event.date)
    slide: dict[str, Any] = {
        "unique_id": event.id,
        "start_date": _tl_date(start),
        "text": {"headline": escape(event.summary), "text": _slide_text(event, articles)},
        # Links are written out above, and autolinking would also link URLs quoted in article text.
        "autolink": False,
    }
    if event.date_end is not None:
        slide["end_date"] = _tl_date(date_span(event.date_end), last=True)
    elif start.precision is Precision.WEEK:
        slide["end_date"] = _tl_date(start, last=True)
    if start.precision is Precision.WEEK:
        slide["display_date"] = (
            f"Week {start.first_day.isocalendar().week}, {start.first_day.isocalendar().year}"
        )
    if event.future:
        slide["group"] = "Scheduled"
    return slide


def timelinejs_json(timeline: Timeline) -> bytes:
    """TimelineJS 3 JSON: a title slide and one slide per dated event (TimelineJS needs a start date)."""
    articles = {a.id: a for a in timeline.articles}
    dated = [e for e in timeline.events if e.date is not None]
    undated = len(timeline.events) - len(dated)
    intro = f"{len(dated)} dated events from {len(timeline.articles)} articles."
    if undated:
        intro += f" {undated} undated events are not shown."
    return _json(
        {
            "title": {"text": {"headline": "Chronology", "text": f"<p>{intro}</p>"}},
            "events": [_slide(e, articles) for e in dated],
        }
    )


# --- iCalendar (RFC 5545) -------------------------------------------------------------------------------


def _dtstamp(days: list[str]) -> str:
    # DTSTAMP is required and must be UTC. The wall clock would break byte-identical output, so it is
    # the newest publish date behind the event: it moves when a new report arrives, as a revision should.
    return max(days, default="1970-01-01").replace("-", "") + "T000000Z"


def _ics_time(value: date | datetime) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y%m%dT%H%M%S")  # floating local time: no zone, no Z
    return value.strftime("%Y%m%d")


def _ics_times(event: Event) -> tuple[date | datetime, date | datetime | None]:
    """DTSTART and DTEND: whole days for day/week/month/year dates, floating times for hh:mm."""
    start = date_span(event.date or "")
    end = date_span(event.date_end) if event.date_end else None
    if start.precision is Precision.MINUTE and (end is None or end.precision is Precision.MINUTE):
        # Articles give local clock times without a zone: floating times keep them as printed.
        begin = datetime.combine(start.first_day, time(start.start % 1440 // 60, start.start % 60))
        if end is None:
            return begin, None
        return begin, datetime.combine(end.first_day, time(end.start % 1440 // 60, end.start % 60))
    # RFC 5545 wants DTSTART and DTEND of one type, so a mixed interval becomes whole days.
    return start.first_day, (end or start).end_day


def _ics_text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 section 3.3.11 says."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


_ICS_OCTETS = 74  # octets a folded line may hold before its CRLF, as icalendar writes them (RFC: < 75)


def _ics_line(line: str) -> bytes:
    """One content line folded as RFC 5545 section 3.1 says: under 75 octets a line, never inside a
    UTF-8 character, and (as icalendar does, for old clients) never right after a backslash.
    Cut on the bytes, a line's worth at a time: a loop over characters cost most of the export."""
    data = line.encode()
    parts = []
    begin = 0
    while len(data) - begin > _ICS_OCTETS:
        cut = begin + _ICS_OCTETS
        while data[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: back to where the character begins
            cut -= 1
        if data[cut - 1] in b"\\^" and cut - 1 > begin:
            cut -= 1
        parts.append(data[begin:cut])
        begin = cut
    parts.append(data[begin:])
    return b"\r\n ".join(parts) + b"\r\n"


def icalendar_parts(timeline: Timeline) -> Iterator[bytes]:
    """An iCalendar file with one VEVENT per dated event; UIDs derive from the stable event ids.

    Written here rather than with the icalendar library, whose per-character folding took 34 s of
    an 88 s site build at 114k events; the tests read every file back with icalendar's parser.
    Properties come in icalendar's canonical order, so the bytes are those the library writes.
    """
    articles = {a.id: a for a in timeline.articles}
    every_day = [a.published for a in timeline.articles if a.published]
    yield b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//chrono//chrono timeline//EN\r\n"
    for event in timeline.events:
        if event.date is None:
            continue
        days = [d for m in event.mentions if (d := getattr(articles.get(m.article), "published", None))]
        start, end = _ics_times(event)
        kind = "" if isinstance(start, datetime) else ";VALUE=DATE"
        times = f"DTSTART{kind}:{_ics_time(start)}\r\n"
        if end is not None:
            times += f"DTEND{kind}:{_ics_time(end)}\r\n"
        yield b"".join(
            (
                b"BEGIN:VEVENT\r\n",
                _ics_line("SUMMARY:" + _ics_text(event.summary)),
                f"{times}DTSTAMP:{_dtstamp(days or every_day)}\r\nUID:{event.id}@chrono\r\n".encode(),
                _ics_line("DESCRIPTION:" + _ics_text(_plain_description(event, articles))),
                b"STATUS:TENTATIVE\r\n" if event.future else b"",
                b"END:VEVENT\r\n",
            )
        )
    yield b"END:VCALENDAR\r\n"


def _plain_description(event: Event, articles: dict[str, ArticleInfo]) -> str:
    lines = []
    for mention in event.mentions:
        article = articles.get(mention.article)
        cite = ", ".join(
            x
            for x in (
                article and (article.title or article.source),
                mention.article,
                article and article.published,
                article and article.url,
            )
            if x
        )
        lines.append(f"“{mention.text}” ({cite})")
    if event.conflict:
        lines.append(
            "Sources disagree on the date: "
            + ", ".join(f"{m.date or 'undated'} ({m.article})" for m in event.mentions)
        )
    return "\n".join(lines)


# --- CSV ------------------------------------------------------------------------------------------------


# A spreadsheet runs a cell that starts with one of these as a formula: article text must not.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value  # the usual neutralisation: shown as text, the quote is not displayed
    return value


CSV_CHUNK_ROWS = 10_000


def _csv(header: tuple[str, ...], rows: Iterable[list[object]]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # RFC 4180 quoting and CRLF line ends
    writer.writerow(header)
    for index, row in enumerate(rows, 1):
        writer.writerow([_cell(v) for v in row])
        if index % CSV_CHUNK_ROWS == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def events_csv(timeline: Timeline) -> Iterator[bytes]:
    """One row per event; `sources` lists the article ids, `; `-separated, in mention order."""
    return _csv(
        CSV_EVENT_COLUMNS,
        (
            [
                e.id,
                e.date,
                e.date_end,
                e.summary,
                e.future,
                e.conflict,
                "; ".join(dict.fromkeys(m.article for m in e.mentions)),
            ]
            for e in timeline.events
        ),
    )


def mentions_csv(timeline: Timeline) -> Iterator[bytes]:
    """One row per mention: each article's own date and sentence, for checking sources side by side."""
    articles = {a.id: a for a in timeline.articles}
    return _csv(
        CSV_MENTION_COLUMNS,
        (_mention_row(e, m, articles.get(m.article)) for e in timeline.events for m in e.mentions),
    )


def _mention_row(e: Event, m: Mention, a: ArticleInfo | None) -> list[object]:
    return [
        e.id,
        e.date,
        m.article,
        a and a.published,
        a and a.source,
        a and a.url,
        m.date,
        m.timex and m.timex.text,
        m.text,
        m.start,
        m.end,
    ]


# Each exporter gives the file in pieces, so a big timeline is written without holding it all.
EXPORTERS: dict[str, Callable[[Timeline], Iterable[bytes]]] = {
    "json": timeline_json_parts,
    "timelinejs": lambda timeline: (timelinejs_json(timeline),),
    "ics": icalendar_parts,
    "csv": events_csv,
    "csv-mentions": mentions_csv,
}


def export_timeline(timeline: Timeline, fmt: str) -> bytes:
    """The timeline as `json`, `timelinejs`, `ics`, `csv` (one row per event) or `csv-mentions`."""
    return b"".join(export_parts(timeline, fmt))


def export_parts(timeline: Timeline, fmt: str) -> Iterable[bytes]:
    """The same bytes in pieces, to write a big timeline without holding the whole file."""
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(EXPORTERS)}") from None
    return exporter(timeline)
