"""Incremental merge: after articles are added, edited or removed, merging only the part they reach
gives the same timeline bytes as merging everything."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chrono import incremental, pipeline
from chrono.cache import code_version
from chrono.candidates import Parked, Parking
from chrono.events import extract_events
from chrono.export import timeline_json
from chrono.ingest import read_articles
from chrono.merge import merge_mentions
from chrono.temporal import tag

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO / "seeds", *(REPO / "tests" / "data" / f"events_dev{k}" for k in ("", "2", "3", "4", "11"))]
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".jsonl")
NEWS = "\nOfficials said on Monday that the talks would resume in Istanbul on Friday.\n"


def extract(corpus: Path, cache_dir: Path | None) -> tuple[bytes, str]:
    result = pipeline.extract([corpus], jobs=1, cache_dir=cache_dir)
    return timeline_json(result.timeline), result.merge


def articles(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.suffix in ARTICLE_SUFFIXES)


def change(corpus: Path, removed: Path, op: str, rnd: random.Random) -> None:
    """One edit of the kind a newsroom makes between two builds."""
    files = articles(corpus)
    target = rnd.choice(files)
    if op == "remove":
        shutil.move(target, removed / f"{len(list(removed.iterdir()))}-{target.parent.name}-{target.name}")
    elif op == "restore" and any(removed.iterdir()):
        back = rnd.choice(sorted(removed.iterdir()))
        folder, name = back.name.split("-", 2)[1:]
        shutil.move(back, corpus / folder / name)
    elif op == "edit" and target.suffix in (".txt", ".md"):
        target.write_text(target.read_text(encoding="utf-8") + NEWS, encoding="utf-8")
    else:  # a syndicated copy in another outlet's folder, dated by its text alone
        folder = rnd.choice(sorted(p for p in corpus.iterdir() if p.is_dir()))
        shutil.copy(target, folder / f"copy{rnd.randrange(10**6)}{target.suffix}")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for k, source in enumerate(SOURCES):
        shutil.copytree(source, root / f"{k}{source.name}")
    return root


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    ops=st.lists(st.sampled_from(["remove", "restore", "edit", "copy"]), min_size=3, max_size=5),
    seed=st.integers(),
)
def test_merging_the_changed_part_gives_the_bytes_of_a_whole_merge(
    corpus: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, ops, seed
) -> None:
    monkeypatch.setattr(incremental, "PART_SHARE", 1.0)  # small corpora: merge the part even when big
    work = tmp_path_factory.mktemp("work")
    shutil.copytree(corpus, work / "corpus")
    corpus, removed, cache = work / "corpus", work / "removed", work / "cache"
    removed.mkdir()
    rnd = random.Random(seed)
    assert extract(corpus, cache)[1] == "whole: no state"
    for op in ops:
        change(corpus, removed, op, rnd)
        warm, how = extract(corpus, cache)
        assert warm == extract(corpus, None)[0], (op, how)
        # Undated mentions changed or met: merged whole (see chrono.incremental), still the same bytes.
        assert how.startswith(("part", "none")) or "undated" in how, how


def test_one_added_article_is_merged_with_only_what_it_reaches(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    extract(corpus, cache)
    talks = corpus / "0seeds" / "001_3970f873d0dbc2b7.txt"  # the Istanbul talks of 2022-03-29
    shutil.copy(talks, corpus / "1events_dev" / "syndicated.txt")
    warm, how = extract(corpus, cache)
    assert warm == extract(corpus, None)[0]
    merged, total = map(int, how.removeprefix("part: ").removesuffix(" mentions").split(" of "))
    assert 0 < merged < total / 4, how
    # The copy is cited (its events merged with the seeds' reports or its own).
    assert b'"article": "1events_dev/syndicated.txt"' in warm
    assert extract(corpus, cache) == (warm, "none: nothing changed")


def test_a_dated_article_with_undated_sentences_is_merged_as_a_part(corpus: Path, tmp_path: Path) -> None:
    """Only an undated article's mentions meet dated ones by content alone (and so merge whole):
    seed 004 is dated, and two of its sentences are not ("then informed reporters")."""
    cache = tmp_path / "cache"
    extract(corpus, cache)
    spun = (corpus / "0seeds" / "004_f37f68e56e8894e5.txt").read_text(encoding="utf-8")
    copy = corpus / "2events_dev2" / "spun_copy.md"
    copy.write_text(f"---\npublished: 2022-03-30\n---\n{spun}", encoding="utf-8")
    warm, how = extract(corpus, cache)
    assert warm == extract(corpus, None)[0]
    assert how.startswith("part: "), how
    assert b'"article": "2events_dev2/spun_copy.md"' in warm


def test_a_state_written_in_many_parts_reads_back_whole(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(incremental, "LIST_PART", 3)  # the skeletons' and event ids' lists in many parts
    cache = tmp_path / "cache"
    cold, _ = extract(corpus, cache)
    [path] = (cache / code_version() / "merge").glob(f"*/{incremental.STATE_FILE}")
    state = incremental._read(path)
    assert state is not None and len(state.skeletons) == len(state.keys) > 3
    assert len(state.event_ids) == len(state.event_component) > 3
    assert extract(corpus, cache) == (cold, "none: nothing changed")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])  # cut short: no state, same bytes
    assert extract(corpus, cache) == (cold, "whole: no state")


def test_a_damaged_state_means_a_whole_merge_with_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold, _ = extract(corpus, cache)
    [state] = (cache / code_version() / "merge").glob(f"*/{incremental.STATE_FILE}")
    state.write_bytes(b"not a state")
    assert extract(corpus, cache) == (cold, "whole: no state")
    for shard in state.parent.glob("events-*"):
        shard.unlink()  # a state whose events are gone is no state either
    assert extract(corpus, cache) == (cold, "whole: no state")


def test_a_merge_keeps_its_filings_sorted_and_a_part_joins_them_stably(corpus: Path) -> None:
    # The state takes a whole merge's filings as they come (a big corpus' largest arrays: no sort, no
    # copy), and a part's are joined to the kept ones by one stable merge of the two sorted runs.
    found, _ = read_articles([corpus])
    mentions = [m for a in found for m in extract_events(a, tag(a.clean.match_text, a.published))]
    index = merge_mentions(enumerate(mentions), record=True).index
    assert index is not None
    dated = index[0].filings
    for key, item in ((dated.word, dated.word_item), (dated.block, dated.block_item)):
        assert len(key) > 100 and bool((key[1:] >= key[:-1]).all())
        assert set(item.tolist()) <= set(index[0].rows.tolist())
    half = len(dated.word) // 2
    first, second = (
        incremental.Filings(dated.word[s], dated.word_item[s], dated.block[s], dated.block_item[s])
        for s in (slice(half, None), slice(0, half))  # two sorted runs
    )
    joined = incremental._joined(first, second)
    pairs = [
        *zip(first.word.tolist(), first.word_item.tolist(), strict=True),
        *zip(second.word.tolist(), second.word_item.tolist(), strict=True),
    ]
    assert list(zip(joined.word.tolist(), joined.word_item.tolist(), strict=True)) == sorted(
        pairs, key=lambda p: p[0]
    )
    alone = incremental._joined(incremental.Filings.empty(), dated)
    assert alone.word is dated.word and alone.block_item is dated.block_item


def test_parked_filings_are_the_filings_and_go_with_their_parking(corpus: Path, tmp_path: Path) -> None:
    # A whole merge of the cache's state parks its filings in files (its peak memory at 100k was
    # theirs): what comes back is what an unparked merge keeps, column for column.
    found, _ = read_articles([corpus])
    mentions = [m for a in found for m in extract_events(a, tag(a.clean.match_text, a.published))]
    held = merge_mentions(enumerate(mentions), record=True).index
    (tmp_path / "parking").mkdir()
    with Parking(tmp_path / "parking") as parking:
        parked = merge_mentions(enumerate(mentions), record=True, park=parking).index
        assert held is not None and parked is not None
        for kind in (0, 1):
            assert isinstance(parked[kind].filings, Parked)
            for mine, theirs in zip(
                parked[kind].filings.columns(), held[kind].filings.columns(), strict=True
            ):
                assert mine.dtype == theirs.dtype and np.array_equal(mine, theirs)
            assert len(held[kind].filings.load().word) == len(parked[kind].filings.load().word)
        files = [p.filings.file for p in parked]
    assert all(f.closed for f in files) and not list((tmp_path / "parking").iterdir())


def test_a_damaged_event_shard_means_a_whole_merge_with_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold, _ = extract(corpus, cache)
    [state] = (cache / code_version() / "merge").glob(f"*/{incremental.STATE_FILE}")
    next(state.parent.glob("events-*")).write_bytes(b"not a shard")
    assert extract(corpus, cache) == (cold, "whole: no state")
    assert extract(corpus, cache) == (cold, "none: nothing changed")  # kept again, whole


def test_kept_events_are_written_as_the_json_they_were_kept_as(corpus: Path, tmp_path: Path) -> None:
    """A rebuild's kept events are read from the state as their JSON and written as they are
    (`pipeline.KeptEvent`); their records, read back from it, are the merge's."""
    cache = tmp_path / "cache"
    whole = pipeline.extract([corpus], jobs=1, cache_dir=None)
    pipeline.extract([corpus], jobs=1, cache_dir=cache)
    kept = pipeline.extract([corpus], jobs=1, cache_dir=cache)
    assert kept.merge == "none: nothing changed"
    assert kept.records and all(isinstance(e, pipeline.KeptEvent) for e in kept.records)
    assert b"".join(kept.json_parts()) == b"".join(whole.json_parts())
    assert [e.record() for e in kept.records] == whole.records
    assert kept.timeline == whole.timeline
