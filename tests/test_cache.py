"""Incremental builds: a content-addressed cache re-extracts only new or edited files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_parallel import seed_corpus

from chrono import cache, pipeline
from chrono.cache import IN_USE, ResultCache, code_version, fcntl
from chrono.export import timeline_json


def entries(cache_dir: Path) -> set[Path]:
    """The cached results (not the merge state, which `chrono.incremental` keeps beside them)."""
    return {p for p in (cache_dir / code_version()).glob("??/*") if p.is_file()}


def extract_bytes(inputs: list[Path], cache_dir: Path | None) -> bytes:
    return timeline_json(pipeline.extract(inputs, jobs=1, cache_dir=cache_dir).timeline)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return seed_corpus(tmp_path / "corpus", 2)


def test_cached_run_gives_the_same_bytes_and_stores_one_entry_per_file(corpus: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    cold = extract_bytes([corpus], cache_dir)
    assert len(entries(cache_dir)) == 11  # 10 articles and the unreadable file (its problem is cached too)
    stamps = {p: p.stat().st_mtime_ns for p in entries(cache_dir)}
    assert extract_bytes([corpus], cache_dir) == cold == extract_bytes([corpus], None)
    assert {p: p.stat().st_mtime_ns for p in entries(cache_dir)} == stamps  # all hits: nothing rewritten


def test_editing_one_article_re_extracts_only_it(corpus: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    extract_bytes([corpus], cache_dir)
    before = entries(cache_dir)
    edited = next((corpus / "part01").glob("003_*.txt"))
    edited.write_text(
        edited.read_text(encoding="utf-8") + "\nTalks resumed in Istanbul on Friday.\n", encoding="utf-8"
    )
    (corpus / "part01" / "new.txt").write_text("Officials met in Geneva on 3 May 2022 to sign the accord.\n")
    warm = extract_bytes([corpus], cache_dir)
    assert len(entries(cache_dir) - before) == 2  # the edited and the new file, nothing else
    assert warm == extract_bytes([corpus], None)
    assert b"Talks resumed in Istanbul on Friday." in warm and b"Geneva" in warm


def test_a_new_article_is_extracted_by_the_worker_forked_ahead(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cached run with a few files to extract has them extracted by a process forked once they
    are known, not by this one, while this one loads the merge state: the same bytes."""
    cache_dir = tmp_path / "cache"
    extract_bytes([corpus], cache_dir)
    (corpus / "part01" / "new.txt").write_text("Officials met in Geneva on 3 May 2022 to sign the accord.\n")
    here: list[int] = []
    extract_file = pipeline.process_file

    def counted(task):  # type: ignore[no-untyped-def]
        here.append(os.getpid())  # the worker's own copy of the list, not this one's
        return extract_file(task)

    monkeypatch.setattr(pipeline, "process_file", counted)
    warm = extract_bytes([corpus], cache_dir)
    assert here == []
    assert warm == extract_bytes([corpus], None)
    assert b"Geneva" in warm


def test_entries_gone_that_the_merge_state_knows_are_not_needed(corpus: Path, tmp_path: Path) -> None:
    """Files whose entries are gone are sent ahead to the worker, but the merge state knows them:
    its results are never taken, and it is stopped."""
    import multiprocessing

    cache_dir = tmp_path / "cache"
    cold = extract_bytes([corpus], cache_dir)
    for entry in entries(cache_dir):
        entry.unlink()
    assert extract_bytes([corpus], cache_dir) == cold
    assert multiprocessing.active_children() == []


def test_a_sidecar_change_invalidates_the_files_it_describes(corpus: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    extract_bytes([corpus], cache_dir)
    before = entries(cache_dir)
    sidecar = corpus / "part00" / "metadata.csv"
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").replace("2022-04-06", "2022-04-07"), encoding="utf-8"
    )
    warm = extract_bytes([corpus], cache_dir)
    assert len(entries(cache_dir) - before) == 1  # only the article whose row changed
    assert warm == extract_bytes([corpus], None)
    assert b'"published": "2022-04-07"' in warm


def test_a_damaged_entry_is_a_miss(corpus: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    cold = extract_bytes([corpus], cache_dir)
    for entry in entries(cache_dir):
        entry.write_bytes(b"not a cache entry")
    assert extract_bytes([corpus], cache_dir) == cold


def test_entries_of_another_code_version_are_dropped(tmp_path: Path) -> None:
    stale = tmp_path / "cache" / ("0" * len(code_version()))
    (stale / "ab").mkdir(parents=True)
    (stale / "ab" / "abcd").write_bytes(b"old")
    unrelated = tmp_path / "cache" / "notes"
    unrelated.mkdir()
    ResultCache(tmp_path / "cache")
    assert not stale.exists()
    assert unrelated.exists()  # only folders named like a code version are ours to remove


def test_cli_cache_dir_and_no_cache(corpus: Path, run_chrono, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    cached = run_chrono("extract", str(corpus), "--cache-dir", str(cache_dir), "-o", str(tmp_path / "a.json"))
    plain = run_chrono("extract", str(corpus), "--no-cache", "-o", str(tmp_path / "b.json"))
    assert cached.returncode == plain.returncode == 0, cached.stderr + plain.stderr
    assert len(entries(cache_dir)) == 11
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_a_cache_that_cannot_be_written_is_one_warning_not_a_failed_run(corpus: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be\n")
    result = pipeline.extract([corpus], jobs=1, cache_dir=blocked)
    expected = pipeline.extract([corpus], jobs=1, cache_dir=None).timeline
    assert result.timeline.events == expected.events
    [warning] = [p for p in result.problems if "cache not written" in p.message]
    assert warning.where == str(blocked)


def test_the_worker_ahead_is_forked_before_the_files_are_listed(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a cache, the worker that extracts an added article is forked before the files are
    listed and hashed, so it loads the rules meanwhile; with nothing to extract it is stopped."""
    import multiprocessing

    cache_dir = tmp_path / "cache"
    cold = extract_bytes([corpus], cache_dir)
    children: list[int] = []
    listing = pipeline.discover

    def counted(inputs):  # type: ignore[no-untyped-def]
        children.append(len(multiprocessing.active_children()))
        return listing(inputs)

    monkeypatch.setattr(pipeline, "discover", counted)
    assert extract_bytes([corpus], cache_dir) == cold
    assert children == [1]
    assert multiprocessing.active_children() == []
    extract_bytes([corpus], None)
    assert children == [1, 0]  # no cache: nothing ahead


@pytest.mark.skipif(fcntl is None, reason="no advisory locks here")
def test_the_folder_of_another_version_still_running_is_kept(tmp_path: Path) -> None:
    running = tmp_path / "cache" / ("0" * len(code_version()))
    (running / "ab").mkdir(parents=True)
    (running / "ab" / "abcd").write_bytes(b"old")
    with (running / IN_USE).open("ab") as held:  # as a run of that version holds it
        fcntl.flock(held, fcntl.LOCK_SH)
        ResultCache(tmp_path / "cache")
        assert (running / "ab" / "abcd").read_bytes() == b"old"
    ResultCache(tmp_path / "cache")  # that run has ended
    assert not running.exists()


@pytest.mark.skipif(fcntl is None, reason="no advisory locks here")
def test_an_open_cache_keeps_its_folder_from_a_run_of_another_version(tmp_path: Path, monkeypatch) -> None:
    ours = ResultCache(tmp_path / "cache")
    (ours.dir / "ab").mkdir()
    (ours.dir / "ab" / "abcd").write_bytes(b"ours")
    monkeypatch.setattr(cache, "code_version", lambda: "f" * len(ours.dir.name))  # an upgrade, mid-run
    ResultCache(tmp_path / "cache")
    assert (ours.dir / "ab" / "abcd").read_bytes() == b"ours"
