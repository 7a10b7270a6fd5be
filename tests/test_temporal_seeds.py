"""The tagger on the sample articles in seeds/, with their publish dates (seeds/metadata.csv)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from chrono.temporal import tag

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
PUBLISHED = {
    "000_eefea58020c4ed26.txt": dt.date(2022, 4, 6),
    "001_3970f873d0dbc2b7.txt": dt.date(2022, 3, 30),
    "002_ee51f32c7f8e5d61.txt": dt.date(2024, 7, 25),
    "003_1160814364ef8c10.txt": dt.date(2022, 3, 30),
    "004_f37f68e56e8894e5.txt": dt.date(2022, 3, 30),
}


def _tagged(name: str):  # type: ignore[no-untyped-def]
    text = (SEEDS / name).read_text(encoding="utf-8")
    return text, tag(text, PUBLISHED[name])


def _after(text: str, timexes, phrase: str):  # type: ignore[no-untyped-def]
    """The timex that starts where `phrase` is followed by it ("on Sunday" → the "Sunday" timex)."""
    at = text.index(phrase)
    hits = [t for t in timexes if at <= t.start < at + len(phrase)]
    assert hits, f"nothing tagged in {phrase!r}"
    return hits[0]


@pytest.mark.parametrize(
    ("name", "phrase", "span", "value", "kind"),
    [
        ("000_eefea58020c4ed26.txt", "urged on Sunday", "Sunday", "2022-04-03", "publish date"),
        ("000_eefea58020c4ed26.txt", "broadcaster on Wednesday", "Wednesday", "2022-04-06", "publish date"),
        ("001_3970f873d0dbc2b7.txt", "progress on Tuesday", "Tuesday", "2022-03-29", "publish date"),
        ("001_3970f873d0dbc2b7.txt", "After Tuesday's talks", "Tuesday", "2022-03-29", "publish date"),
        ("001_3970f873d0dbc2b7.txt", "annexed in 2014", "2014", "2014", None),
        ("002_ee51f32c7f8e5d61.txt", "Guangzhou on Wednesday", "Wednesday", "2024-07-24", "publish date"),
        ("003_1160814364ef8c10.txt", "Tuesday (local time)", "Tuesday", "2022-03-29", "publish date"),
        ("004_f37f68e56e8894e5.txt", "Istanbul on Tuesday", "Tuesday", "2022-03-29", "publish date"),
    ],
)
def test_seed_dates(name: str, phrase: str, span: str, value: str, kind: str | None) -> None:
    text, timexes = _tagged(name)
    found = _after(text, timexes, phrase)
    assert (found.text, found.value, found.anchor_kind) == (span, value, kind)


def test_no_timex_in_drone_count() -> None:
    text, timexes = _tagged("002_ee51f32c7f8e5d61.txt")
    at = text.index("25 out of 38")
    assert not [t for t in timexes if t.start < at + len("25 out of 38 Russian") and t.end > at]


def test_far_reference_does_not_resolve_a_day_later() -> None:
    # "... confess they had been there a day later": 1,200 characters after the last date.
    text, timexes = _tagged("004_f37f68e56e8894e5.txt")
    (later,) = [t for t in timexes if t.text == "a day later"]
    assert later.value is None


def test_paywall_price_plans_are_not_dates() -> None:
    text, timexes = _tagged("000_eefea58020c4ed26.txt")
    plans = text.index("Smart Quarterly")
    plans_end = text.index("Renews automatically")
    assert "3 Months" in text[plans:plans_end] and "1 Year" in text[plans:plans_end]
    assert [t.text for t in timexes if plans <= t.start < plans_end] == []


def test_every_seed_tags_cleanly() -> None:
    for name in PUBLISHED:
        text, timexes = _tagged(name)
        assert timexes, name
        assert all(text[t.start : t.end] == t.text for t in timexes)
        assert [t.start for t in timexes] == sorted(t.start for t in timexes)
        assert all(a.end <= b.start for a, b in zip(timexes, timexes[1:], strict=False))
        # a publish-date article reports the past: nothing resolved lies after it unless marked future
        for t in timexes:
            if t.value and t.value[:4].isdigit() and t.value[:10] > PUBLISHED[name].isoformat():
                assert t.future, (name, t)
