"""The Dask executor gives the local executor's bytes, on a scheduler address or its own cluster."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_parallel import seed_corpus

from chrono import pipeline
from chrono.export import timeline_json

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seed_corpus(tmp_path_factory.mktemp("corpus"), 8)


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, protocol="tcp", dashboard_address=None
    ) as cluster:  # in-process workers start fast; tcp so that a `chrono` process can connect too
        yield cluster.scheduler_address


def test_dask_scheduler_gives_the_local_bytes(corpus: Path, scheduler: str) -> None:
    local = pipeline.extract([corpus], jobs=1)
    remote = pipeline.extract([corpus], executor="dask", scheduler=scheduler)
    assert timeline_json(remote.timeline) == timeline_json(local.timeline)
    assert remote.problems == local.problems


def test_dask_with_cache_stores_what_workers_computed(corpus: Path, scheduler: str, tmp_path: Path) -> None:
    cold = pipeline.extract([corpus], executor="dask", scheduler=scheduler, cache_dir=tmp_path)
    warm = pipeline.extract([corpus], jobs=1, cache_dir=tmp_path)
    assert timeline_json(warm.timeline) == timeline_json(cold.timeline)


def test_unreachable_scheduler_is_one_line_error(corpus: Path) -> None:
    from chrono.errors import ChronoError

    with pytest.raises(ChronoError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        pipeline.extract([corpus], executor="dask", scheduler="tcp://127.0.0.1:9")
    with pytest.raises(ChronoError, match="cannot reach the Dask scheduler at nonsense://x"):
        pipeline.extract([corpus], executor="dask", scheduler="nonsense://x")


def test_cli_dask_executor(corpus: Path, scheduler: str, run_chrono, tmp_path: Path) -> None:
    local = run_chrono("extract", str(corpus), "--no-cache", "-o", str(tmp_path / "local.json"))
    dask = run_chrono(
        "extract",
        str(corpus),
        "--executor",
        "dask",
        "--scheduler",
        scheduler,
        "--no-cache",
        "-o",
        str(tmp_path / "dask.json"),
    )
    assert local.returncode == dask.returncode == 0, dask.stderr
    assert (tmp_path / "local.json").read_bytes() == (tmp_path / "dask.json").read_bytes()
