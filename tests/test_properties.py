"""Properties (hypothesis) of ingest cleaning and reading, and of merging (the tagger's own are in
test_temporal_properties.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chrono.errors import InputError, Problem
from chrono.events import EventMention, extract_events
from chrono.ingest import Article, FileTask, clean_text, read_articles, read_file
from chrono.ingest.readers import decode
from chrono.merge import merge_events
from chrono.temporal import tag

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# Lines that exercise every cleaning path: prose, furniture cues, separators, teasers, words broken
# across lines, curly quotes and dashes, blank and odd white space.
LINES = st.sampled_from([
    "Talks between the two delegations resumed in Istanbul on Tuesday after a long break.",
    "The minister said the peace-", "keeping force would stay.", "Advertisement", "Read more:", "Share this",
    "---", "* * *", "Related stories", "Ukraine war: what we know", "“Quoted” words — and dashes – here…",
    "", "   ", "\t", "\r", "Sign up for our newsletter", "Photo: Reuters", "© 2022 All rights reserved",
    "Kyiv", "The vote was postponed until next week.", "inter-", "national observers arrived.",
])  # fmt: skip
TEXTS = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from("ab -\n\r\t.“”—\u00a0\u2028é")),
    st.lists(st.one_of(LINES, st.text(max_size=30)), max_size=40).map("\n".join),
)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_cleaning_never_raises_and_every_clean_offset_maps_into_the_raw_text(raw: str) -> None:
    clean = clean_text(raw)
    assert len(clean.match_text) == len(clean.text)
    assert list(clean.starts) == sorted(set(clean.starts)) and len(clean.starts) == len(clean.raw_starts)
    # Every run copies raw text exactly, in order and without overlap.
    bounds = [*clean.starts, len(clean.text)]
    last_end = 0
    for k, (start, raw_start) in enumerate(zip(clean.starts, clean.raw_starts, strict=True)):
        length = bounds[k + 1] - start
        assert raw_start >= last_end
        assert clean.text[start : start + length] == raw[raw_start : raw_start + length]
        last_end = raw_start + length
    for offset in range(len(clean.text)):
        assert raw[clean.to_raw(offset)] == clean.text[offset]
    assert 0 <= clean.to_raw(len(clean.text)) <= len(raw)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_decoding_any_bytes_gives_text_or_an_input_error(data: bytes) -> None:
    try:
        text = decode(data, declared=True)
    except InputError as error:
        assert str(error)
    else:
        assert text.strip()


def _jsonl(records: list[object]) -> bytes:
    return b"\n".join(json.dumps(r).encode() for r in records)


FILE_BYTES = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(str.encode),
    st.lists(
        st.one_of(
            st.dictionaries(st.sampled_from(["id", "text", "title", "published", "url"]), st.one_of(
                st.text(max_size=40), st.integers(), st.none(), st.booleans(), st.lists(st.integers())
            )),
            st.integers(),
            st.text(max_size=20),
        ),
        max_size=5,
    ).map(_jsonl),
    st.builds(
        lambda yaml, body: f"---\n{yaml}\n---\n{body}".encode(),
        st.text(alphabet=st.sampled_from("title: published2022-03-30[]{}&*!|>'\"\n -"), max_size=60),
        st.text(max_size=100),
    ),
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=FILE_BYTES, suffix=st.sampled_from([".txt", ".md", ".jsonl", ".html"]))
def test_reading_any_file_yields_articles_and_problems_and_never_raises(
    tmp_path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"article{suffix}"
    path.write_bytes(data)
    items = list(read_file(FileTask(path, path.name)))
    assert items and all(isinstance(i, Article | Problem) for i in items)
    for item in items:
        if isinstance(item, Problem):
            assert "\n" not in str(item) and str(path) in str(item)
        else:
            assert item.text.strip() and item.id.startswith(path.name)


@pytest.fixture(scope="module")
def seed_mentions() -> list[EventMention]:
    articles, _ = read_articles([SEEDS])
    return [m for a in articles for m in extract_events(a, tag(a.clean.match_text, a.published))]


def _dump(events: list[object]) -> list[dict[str, object]]:
    return [e.model_dump(mode="json") for e in events]  # type: ignore[attr-defined]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.randoms(use_true_random=False))
def test_merge_is_independent_of_the_order_of_its_mentions(seed_mentions, rnd) -> None:
    expected = _dump(merge_events(seed_mentions))
    shuffled = list(seed_mentions)
    rnd.shuffle(shuffled)
    assert _dump(merge_events(shuffled)) == expected


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.randoms(use_true_random=False))
def test_merge_of_a_subset_of_articles_is_independent_of_order_too(seed_mentions, rnd) -> None:
    articles = sorted({m.article for m in seed_mentions})
    kept = set(rnd.sample(articles, rnd.randint(1, len(articles))))
    subset = [m for m in seed_mentions if m.article in kept]
    shuffled = list(subset)
    rnd.shuffle(shuffled)
    assert _dump(merge_events(shuffled)) == _dump(merge_events(subset))


def test_merging_the_mentions_of_one_merged_event_again_gives_that_event(seed_mentions) -> None:
    events = merge_events(seed_mentions)
    assert any(len(e.mentions) > 1 for e in events)
    for event in events:
        # A merged event's own mentions, merged alone, stay one event (merging is idempotent on its output).
        # One sentence can give two mentions (a clause dated apart): its expression tells them apart.
        keys = {(x.article, x.start, x.text, x.timex and x.timex.start) for x in event.mentions}
        mine = [m for m in seed_mentions if (m.article, m.start, m.text, m.timex and m.timex.start) in keys]
        assert mine
        again = merge_events(mine)
        assert len(again) == 1, (event.summary, [len(e.mentions) for e in again])
