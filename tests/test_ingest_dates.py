"""Publish-date values: absolute dates only, read at their own UTC offset."""

from __future__ import annotations

from datetime import date

import pytest

from chrono.ingest.dates import parse_date, split_date_line

D = date(2022, 3, 30)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-03-30", D),
        ("2022-03-30T23:30:00+05:30", D),
        ("2022-03-30T20:00:00-08:00", D),  # 2022-03-31 in UTC
        ("2022-03-30T20:00:00-0800", D),  # htmldate's %z form
        ("2022-03-30T23:30:00Z", D),
        ("2022-03-30 20:00", D),
        ("March 30, 2022", D),
        ("30 March 2022", D),
        ("Wed, 30 Mar 2022 20:00:00 -0800", D),
        ("Wed, 30 Mar 2022 22:41 IST", D),  # unknown zone name: the printed date stands
        ("30/03/2022", D),
    ],
)
def test_absolute_dates(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2022-13-45", "not a valid date"),
        ("2022-02-30", "not a valid date"),
        ("yesterday", "not an absolute date"),
        ("3 days ago", "not an absolute date"),
        ("March 2022", "not a full date"),
        ("03/04/2022", "ambiguous"),
        ("", "empty"),
        ("the 2022 talks", "not a"),
    ],
)
def test_rejected_dates(value, reason):
    with pytest.raises(ValueError, match=reason):
        parse_date(value)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (" date 2022-03-30 Russia-Ukraine war: talks\nBody", ("2022-03-30", len(" date 2022-03-30 "))),
        ("Date: March 30, 2022\nBody", ("March 30, 2022", len("Date: March 30, 2022\n"))),
        (
            "\n\nPublished on 30 March 2022 | Headline\n",
            ("30 March 2022", len("\n\nPublished on 30 March 2022 | ")),
        ),
        ("2022-03-30\nBody", ("2022-03-30", len("2022-03-30\n"))),
        ("2022-03-30 was a Wednesday.\n", None),  # an unlabelled date must be the whole line
        ("Updated: 2022-03-31\nBody", None),
        ("Body first.\nDate: 2022-03-30\n", None),  # only the leading line counts
    ],
)
def test_split_date_line(text, found):
    assert split_date_line(text) == found


def test_a_page_dated_after_today_keeps_its_date() -> None:
    """No wall clock in the results: htmldate's default would drop a date after today's."""
    from chrono.ingest.html import read_html

    page = (
        '<html><head><meta property="article:published_time" content="2090-03-08T10:00:00+01:00">'
        "<title>Fire</title></head><body><article><p>The warehouse burned on Saturday. Officials said "
        "the fire was arson and that the owners were shocked by it.</p></article></body></html>"
    )
    _, meta = read_html(page)
    assert meta.published == date(2090, 3, 8)


def test_a_page_without_a_date_field_is_undated_whatever_years_its_story_names() -> None:
    """A publish date comes from the page's fields, never from its story: htmldate's extensive
    search took "built in 2009" for the publish date (2009-01-01), and every "on Tuesday" with it."""
    from chrono.ingest.html import read_html

    story = (
        "<p>The ferry, built in 2009, ran aground on Tuesday near Kell Island with 212 passengers "
        "on board. All of them were taken off safely, the coastguard said.</p>"
    )
    page = f"<html><head><title>Ferry aground</title></head><body><article>{story}</article></body></html>"
    _, meta = read_html(page)
    assert meta.published is None
    byline = '<p class="date">Published <time datetime="2026-03-03">3 March 2026</time></p>'
    _, meta = read_html(page.replace("<article>", f"<article>{byline}"))
    assert meta.published == date(2026, 3, 3)
