"""A big JSONL file is read in parts of whole lines, by several workers, with the same result as
reading it whole: same articles, same events, same problems with their true line numbers."""

from __future__ import annotations

import codecs
import importlib
import json
from pathlib import Path

import pytest

from chrono import pipeline
from chrono.cache import ResultCache
from chrono.export import timeline_json
from chrono.ingest.discover import FileTask, discover
from chrono.parallel import workers_for

discover_module = importlib.import_module(
    "chrono.ingest.discover"
)  # the package exports a function of that name
RECORD = '{"id": "r%d", "published": "2022-03-%02d", "source": "Wire", "text": "%s"}\n'
TEXTS = (
    "The council voted on Tuesday to close the old bridge, the mayor said.",
    "Talks resumed in Istanbul on March 29, 2022, officials said.",
    "Prices rose again last month, the statistics office said on Friday.",
)


def _write(path: Path, records: int, *, bom: bool = False, bad: dict[int, str] | None = None) -> None:
    lines = [RECORD % (i, 1 + i % 28, TEXTS[i % 3]) for i in range(records)]
    for number, line in (bad or {}).items():
        lines[number - 1] = line
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + "".join(lines).encode())


def _tasks(path: Path) -> list[FileTask]:
    return [t for t in discover([path.parent]) if isinstance(t, FileTask)]


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(discover_module, "JSONL_PART_BYTES", 16 * 1024)
    return 16 * 1024


def test_parts_are_whole_lines_that_cover_the_file_once(tmp_path: Path, small_parts: int) -> None:
    big = tmp_path / "in" / "wire.jsonl"
    big.parent.mkdir()
    huge_line = RECORD % (10**6, 1, "x" * (3 * small_parts))  # longer than a part: stays in one
    _write(big, 1500, bom=True, bad={700: huge_line})
    data = big.read_bytes()
    parts = [t.lines for t in _tasks(big)]
    assert len(parts) > 5 and all(p is not None for p in parts)
    assert parts[0].start == 0 and parts[-1].end == len(data)  # type: ignore[union-attr]
    for before, after in zip(parts, parts[1:], strict=False):
        assert before.end == after.start and data[before.end - 1 : before.end] == b"\n"  # type: ignore[union-attr]
        assert after.first == before.first + data[before.start : before.end].count(b"\n")  # type: ignore[union-attr]
    assert any(p.start < data.index(b"x" * 100) and p.end > data.index(b'xxx"}') for p in parts)  # type: ignore[union-attr]


def test_a_small_jsonl_file_is_one_task(tmp_path: Path) -> None:
    small = tmp_path / "in" / "wire.jsonl"
    small.parent.mkdir()
    _write(small, 20)
    assert [t.lines for t in _tasks(small)] == [None]


def test_reading_in_parts_gives_the_same_timeline_and_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _write(
        folder / "wire.jsonl", 600, bad={450: "{not json\n", 451: '{"id": "r5", "text": "duplicate id."}\n'}
    )
    whole = pipeline.extract([folder], jobs=1)
    monkeypatch.setattr(discover_module, "JSONL_PART_BYTES", 8 * 1024)
    monkeypatch.setattr(pipeline, "ARTICLE_BYTES", 64)  # parts weigh enough for two workers to start
    parts = _tasks(folder / "wire.jsonl")
    assert len(parts) > 4 and workers_for(2, sum(map(pipeline.work_units, parts))) == 2
    parted = pipeline.extract([folder], jobs=2)
    assert timeline_json(parted.timeline) == timeline_json(whole.timeline)
    assert [str(p) for p in parted.problems] == [str(p) for p in whole.problems]
    lines = [str(p) for p in parted.problems]
    assert any(":450:" in line and "not JSON" in line for line in lines), lines
    assert any("duplicate article id 'wire.jsonl#r5'" in line for line in lines), lines
    assert (
        len(json.loads(timeline_json(parted.timeline))["articles"]) == 598
    )  # one line is not JSON, one repeats an id


def test_editing_one_record_changes_only_its_part_cache_key(tmp_path: Path, small_parts: int) -> None:
    big = tmp_path / "in" / "wire.jsonl"
    big.parent.mkdir()
    _write(big, 1000)
    cache = ResultCache(tmp_path / "cache")
    before = [cache.key(t) for t in _tasks(big)]
    _write(big, 1000, bad={999: RECORD % (998, 3, "The vote was moved to Friday, the clerk said.")})
    after = [cache.key(t) for t in _tasks(big)]
    assert len(before) == len(after) > 3
    assert [b == a for b, a in zip(before, after, strict=True)] == [True] * (len(before) - 1) + [False]
