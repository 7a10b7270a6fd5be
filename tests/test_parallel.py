"""Parallel extraction: worker processes give the same bytes as one process, problems included."""

from __future__ import annotations

import csv
import os
import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from chrono import pipeline
from chrono.errors import ChronoError
from chrono.export import timeline_json
from chrono.parallel import MIN_FILES_PER_WORKER, Ahead, map_tasks, workers_for

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed_corpus(root: Path, folders: int) -> Path:
    """`folders` copies of the seed articles, each folder's publish dates shifted by 11 more days."""
    with (SEEDS / "metadata.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for k in range(folders):
        folder = root / f"part{k:02d}"
        folder.mkdir(parents=True)
        for row in rows:
            shutil.copy(SEEDS / row["file_name"], folder / row["file_name"])
        with (folder / "metadata.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            for row in rows:
                shifted = (
                    dt.date.fromisoformat(row["published"]) + dt.timedelta(days=11 * k)
                    if row["published"]
                    else ""
                )
                writer.writerow({**row, "published": str(shifted)})
    (root / "part00" / "broken.txt").write_bytes(b"caf\xe9 au lait\n")  # not UTF-8: a problem, in order
    return root


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seed_corpus(tmp_path_factory.mktemp("corpus"), 2 * MIN_FILES_PER_WORKER // 5 + 1)


def test_two_workers_give_the_serial_bytes(corpus: Path) -> None:
    files = sum(1 for _ in corpus.rglob("*.txt"))
    assert workers_for(2, files) == 2  # the corpus is big enough that a pool really runs
    serial = pipeline.extract([corpus], jobs=1)
    parallel = pipeline.extract([corpus], jobs=2)
    assert timeline_json(parallel.timeline) == timeline_json(serial.timeline)
    assert parallel.problems == serial.problems
    assert any("broken.txt" in p.where and "UTF-8" in p.message for p in serial.problems)
    assert len(serial.timeline.articles) == files - 1
    # Copies of one text in different weeks are different events; within a folder they merge.
    assert len(serial.timeline.events) > len(pipeline.extract([corpus / "part00"], jobs=1).timeline.events)


def test_problems_keep_input_order_across_workers(corpus: Path) -> None:
    # Two folders with the same file names: the second copies are duplicate ids, reported in order.
    inputs = [corpus / "part00", corpus / "part01", corpus / "nowhere"] + sorted(corpus.glob("part*"))[2:]
    serial = pipeline.extract(inputs, jobs=1)
    parallel = pipeline.extract(inputs, jobs=2)
    assert [str(p) for p in parallel.problems] == [str(p) for p in serial.problems]
    duplicates = [p for p in serial.problems if "duplicate article id" in p.message]
    assert len(duplicates) == 5 * (len(inputs) - 2)
    assert serial.problems[0].where.endswith("broken.txt")
    assert any(p.where.endswith("nowhere") for p in serial.problems)


def test_results_come_back_in_task_order() -> None:
    assert list(map_tasks(abs, [-n for n in range(500)], jobs=2)) == list(range(500))


def test_bad_executor_settings_are_one_line_errors(corpus: Path) -> None:
    with pytest.raises(ChronoError, match="unknown executor 'ray'"):
        pipeline.extract([corpus], executor="ray")
    with pytest.raises(ChronoError, match="--scheduler needs --executor dask"):
        pipeline.extract([corpus], scheduler="tcp://127.0.0.1:8786")
    with pytest.raises(ChronoError, match="at least 1"):
        pipeline.extract([corpus], jobs=0)


def test_small_inputs_run_in_this_process() -> None:
    assert workers_for(8, MIN_FILES_PER_WORKER - 1) == 1
    assert workers_for(None, 10 * MIN_FILES_PER_WORKER) >= 1


def test_cli_jobs_option_gives_the_same_bytes(corpus: Path, run_chrono, tmp_path: Path) -> None:
    one = run_chrono("extract", str(corpus), "--jobs", "1", "--no-cache", "-o", str(tmp_path / "one.json"))
    two = run_chrono("extract", str(corpus), "--jobs", "2", "--no-cache", "-o", str(tmp_path / "two.json"))
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "two.json").read_bytes()
    assert one.stderr == two.stderr  # problems, and no progress bar when stderr is not a terminal
    assert "\r" not in two.stderr


def test_timeline_json_is_the_canonical_dump(corpus: Path) -> None:
    import orjson

    timeline = pipeline.extract([corpus / "part00", corpus / "part01"], jobs=1).timeline
    whole = orjson.dumps(timeline.model_dump(mode="json"), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
    assert timeline_json(timeline) == whole + b"\n"
    empty = timeline.model_copy(update={"events": []})
    assert (
        timeline_json(empty)
        == orjson.dumps(empty.model_dump(mode="json"), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
        + b"\n"
    )


def test_merge_in_forked_workers_gives_the_serial_events(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chrono import candidates, merge, parallel

    serial = timeline_json(pipeline.extract([corpus], jobs=1).timeline)
    # Small slices and chunks, no size floor: even this corpus is split among two workers.
    monkeypatch.setattr(candidates, "PARALLEL_MENTIONS", 0)
    monkeypatch.setattr(candidates, "PROBE_ROWS", 16)
    monkeypatch.setattr(merge, "PARALLEL_PAIRS", 0)
    monkeypatch.setattr(merge, "SCORE_CHUNK", 8)
    calls: list[tuple[int, int]] = []

    def spy(fn, shared, tasks, workers):  # type: ignore[no-untyped-def]
        calls.append((workers, len(tasks)))
        return parallel.fork_map(fn, shared, tasks, workers)

    monkeypatch.setattr(candidates, "fork_map", spy)
    monkeypatch.setattr(merge, "fork_map", spy)
    forked = pipeline.extract([corpus], jobs=2)
    assert any(workers == 2 and tasks > 2 for workers, tasks in calls)
    assert timeline_json(forked.timeline) == serial


def _inverse(n: int) -> float:
    return 1 / n


def test_a_workers_error_is_raised_here_and_the_workers_stop() -> None:
    import multiprocessing

    tasks = [1] * (2 * MIN_FILES_PER_WORKER) + [0] + [1] * MIN_FILES_PER_WORKER
    with pytest.raises(ZeroDivisionError):
        list(map_tasks(_inverse, tasks, jobs=2))
    assert multiprocessing.active_children() == []


def _where(n: int) -> tuple[int, int]:
    return os.getpid(), -n


_WARMED: list[int] = []


def _warm() -> None:
    _WARMED.append(os.getpid())


def _where_warmed(n: int) -> tuple[int, int]:
    return _WARMED[-1] if _WARMED else 0, -n


def test_a_worker_ahead_runs_elsewhere_and_stops_whether_taken_or_not() -> None:
    import multiprocessing

    with Ahead(_where) as taken:
        taken.send([1, 2, 3])
        results = taken.results()
    assert [n for _, n in results] == [-1, -2, -3]
    assert all(pid != os.getpid() for pid, _ in results)
    with Ahead(_where) as unused:
        unused.send([1])
    with Ahead(_where):  # never sent tasks
        pass
    with pytest.raises(ZeroDivisionError), Ahead(_inverse) as failing:
        failing.send([0])
        failing.results()
    assert multiprocessing.active_children() == []


def test_a_worker_ahead_warms_up_before_its_tasks_are_known() -> None:
    """Forked before the tasks are known, it runs its initializer (the rules loaded) meanwhile,
    in its own process."""
    with Ahead(_where_warmed, _warm) as worker:
        worker.send([1])
        [(warmed, _)] = worker.results()
    assert warmed not in (0, os.getpid())
    assert _WARMED == []


def test_mentions_travel_whole_with_their_strings_shared() -> None:
    import pickle

    from chrono.ingest.discover import FileTask, discover

    tasks = [task for task in discover([SEEDS]) if isinstance(task, FileTask)]
    mentions = [m for task in tasks for a in pipeline.process_file(task) for m in getattr(a, "mentions", ())]
    assert len(mentions) > 10
    back = pickle.loads(pickle.dumps(mentions))
    assert back == mentions
    assert all(m.summary is m.text for m in back if m.summary == m.text)
    again = pickle.loads(pickle.dumps(mentions[0]))
    assert again.article is back[0].article and again.terms[0] is back[0].terms[0]  # interned


def test_a_big_timeline_json_written_by_forked_workers_is_the_same_bytes(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ExtractResult.json_parts` dumps a big timeline's events in forked workers, a chunk each:
    the chunks, spliced in order, are the bytes one process writes."""
    from chrono import parallel

    result = pipeline.extract([corpus], jobs=2)
    serial = b"".join(replace(result, jobs=1).json_parts())
    assert serial == timeline_json(result.timeline)
    # Chunks of three events, no size floor: even this corpus is written by two workers.
    monkeypatch.setattr(pipeline, "JSON_EVENTS", 3)
    monkeypatch.setattr(pipeline, "PARALLEL_JSON", 0)
    calls: list[tuple[int, int]] = []
    imap = parallel.fork_imap

    def spy(fn, shared, tasks, workers, window):  # type: ignore[no-untyped-def]
        calls.append((workers, len(tasks)))
        return imap(fn, shared, tasks, workers, window)

    monkeypatch.setattr(parallel, "fork_imap", spy)
    assert b"".join(result.json_parts()) == serial
    assert calls == [(2, -(-len(result.records or ()) // 3))]


def test_the_merge_is_made_ready_once_the_first_file_is_in() -> None:
    """While workers extract the other files, this process loads what the merge reads
    (`pipeline._merge_ready`): once, when the first file's results are in, not before the
    workers start nor after they are done."""
    from chrono.ingest.discover import FileTask, discover

    tasks = [task for task in discover([SEEDS]) if isinstance(task, FileTask)][:3]
    log: list[str] = []

    def results():  # type: ignore[no-untyped-def]
        for k, task in enumerate(tasks):
            log.append(f"result {k}")
            yield pipeline.process_file(task)

    infos = pipeline._collect(tasks, results(), lambda: None, None, lambda: log.append("ready"))[0]
    assert log == ["result 0", "ready", "result 1", "result 2"]
    assert len(infos) == 3
