"""The seed chronology, read from real `chrono extract seeds/` output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chrono.dates import days
from chrono.ingest import read_articles

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
A000, A001, A002, A003, A004 = sorted(p.name for p in SEEDS.glob("*.txt"))


_RUNS: dict[str, str] = {}


@pytest.fixture
def output(run_chrono) -> str:
    """Standard output of one real `chrono extract seeds/` run, shared by the tests of this module."""
    if "seeds" not in _RUNS:
        result = run_chrono("extract", "seeds/")
        assert result.returncode == 0, result.stderr
        _RUNS["seeds"] = result.stdout
    return _RUNS["seeds"]


@pytest.fixture
def timeline(output: str) -> dict[str, Any]:
    return json.loads(output)


def citing(timeline: dict[str, Any], words: str, article: str | None = None) -> list[dict[str, Any]]:
    return [
        e
        for e in timeline["events"]
        if any(words in m["text"] and article in (None, m["article"]) for m in e["mentions"])
    ]


def squeeze(text: str) -> str:
    return "".join(text.split())


def articles_of(event: dict[str, Any]) -> set[str]:
    return {m["article"] for m in event["mentions"]}


def test_istanbul_talks_are_one_event_cited_by_three_articles(timeline) -> None:
    talks = [
        e
        for e in citing(timeline, "talks")
        if e["date"] == "2022-03-29" and {A001, A003, A004} <= articles_of(e)
    ]
    assert len(talks) == 1
    assert all("talks" in m["text"] for m in talks[0]["mentions"])
    assert not talks[0]["conflict"]


def test_peskov_no_breakthrough_is_one_event_apart_from_his_other_remarks(timeline) -> None:
    [remark] = citing(timeline, "not noticed anything too promising")
    assert articles_of(remark) == {A001, A003} and remark["date"] == "2022-03-30"
    [lci] = citing(timeline, "LCI broadcaster")
    assert lci["date"] == "2022-04-06" and articles_of(lci) == {A000}
    [open_to_talks] = citing(timeline, "Russia as a whole is open to the negotiation process")
    assert open_to_talks["date"] == "2024-07-25" and articles_of(open_to_talks) == {A002}


def test_kirby_repositioning_is_one_event_with_the_us_calling_it_so(timeline) -> None:
    [event] = [e for e in citing(timeline, "repositioning", A004)]
    assert A003 in articles_of(event)
    assert all("repositioning" in m["text"] for m in event["mentions"])
    assert event["date"] == "2022-03-29"


@pytest.mark.parametrize(
    ("article", "words", "date", "expression"),
    [
        (0, "Guterres urged on Sunday", "2022-04-03", "Sunday"),
        (2, "Kuleba met with Chinese Foreign Minister Wang Yi", "2024-07-24", "Wednesday"),
        (3, "Biden spoke with Ukrainian President Volodymyr Zelenskyy today", "2022-03-30", "today"),
    ],
)
def test_dates_resolved_against_the_publish_date(
    timeline, article: int, words: str, date: str, expression: str
) -> None:
    name = (A000, A001, A002, A003, A004)[article]
    [event] = citing(timeline, words, name)
    [mention] = [m for m in event["mentions"] if m["article"] == name]
    assert mention["date"] == date and event["date"] == date
    assert mention["timex"] is not None and expression in mention["timex"]["text"]


@pytest.mark.parametrize(
    "junk",
    [
        "free articles",
        "Subscribe",
        "Log in",
        "Leave a Reply",
        "Akismet",
        "Oops",
        "Something went wrong",
        "hear from you",
        "Trending",
        "reworked",
        "Personalise",
        "Imran Khan",
        "Nobody should be fooled",
        "Xinhua via AP",
        "₹",
        "Exit mobile version",
    ],
)
def test_no_event_from_page_furniture(timeline, junk: str) -> None:
    assert not citing(timeline, junk)


def test_mentions_point_at_their_sentence_in_the_text_as_read(timeline) -> None:
    articles, _ = read_articles([SEEDS])
    text = {a.id: a.text for a in articles}
    for event in timeline["events"]:
        for m in event["mentions"]:
            # Same characters; white space differs where a word broken across lines was joined.
            assert squeeze(text[m["article"]][m["start"] : m["end"]]) == squeeze(m["text"])
            if m["timex"]:
                t = m["timex"]
                assert m["start"] <= t["start"] < t["end"] <= m["end"]
                assert squeeze(text[m["article"]][t["start"] : t["end"]]) == squeeze(t["text"])


def test_contract_order_ids_and_future_flags(timeline, output, run_chrono) -> None:
    events = timeline["events"]
    dated = [e for e in events if e["date"]]
    assert events[len(dated) :] == [e for e in events if not e["date"]]  # undated last
    keys = [(days(e["date"])[0], len(e["date"].replace("-W", "-WW"))) for e in dated]
    assert keys == sorted(keys)
    assert len({e["id"] for e in events}) == len(events)
    published = {a["id"]: a["published"] for a in timeline["articles"]}
    for e in events:
        for m in e["mentions"]:
            if (
                m["date"]
                and published[m["article"]]
                and days(m["date"])[0].isoformat() > published[m["article"]]
            ):
                assert e["future"], m["text"]
    assert run_chrono("extract", "seeds/").stdout == output  # byte-identical on a second run


def test_chrono_check_accepts_the_seed_timeline(run_chrono, output, tmp_path) -> None:
    path = tmp_path / "timeline.json"
    path.write_text(output, encoding="utf-8")
    result = run_chrono("check", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
