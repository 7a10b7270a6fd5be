"""Where a big extract's memory goes: the main process' RSS at each stage of the pipeline and the
merge, sampled every 0.05 s, and the peak so far; the peak of its forked workers too.

    PYTHONPATH=. .venv/bin/python bench/memory_stages.py /tmp/corp100000 [--cache-dir DIR] [--jobs 2]

Each line: seconds since the start, the stage entered or left, the RSS then, the peak so far (MiB).
A stage is a function of chrono wrapped for the run (names below); the output JSON is written to a
temporary file, as `chrono extract` would write it. For the issue's number, run `chrono extract`
under `/usr/bin/time -v` (this script's sampling and wrapping cost a little memory and time).
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chrono import candidates, incremental, merge, pipeline
from chrono.files import write_atomic

# (module or class, function names): the stages reported
STAGES: list[tuple[Any, tuple[str, ...]]] = [
    (pipeline, ("_collect",)),
    (merge, ("merge_mentions", "_identical", "_candidates", "_vectors", "_cluster", "_kind_indexes")),
    (merge, ("finished",)),
    (candidates, ("blocked_pairs", "fork_map")),
    (incremental.MergeStore, ("_save",)),
]


def _rss(pid: str = "self") -> int:
    """Resident set size of a process, MiB (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


class Sampler:
    """The main process' peak RSS and its children's, sampled by a thread."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.peak = 0
        self.child_peak = 0
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while True:
            self.peak = max(self.peak, _rss())
            for task in os.listdir("/proc/self/task"):
                try:
                    children = open(f"/proc/self/task/{task}/children").read().split()
                except OSError:
                    continue
                for pid in children:
                    self.child_peak = max(self.child_peak, _rss(pid))
            time.sleep(0.05)

    def mark(self, label: str) -> None:
        elapsed = time.perf_counter() - self.start
        rss = f"rss {_rss():6} MiB, peak {self.peak:6} MiB, workers' peak {self.child_peak} MiB"
        print(f"{elapsed:7.1f}s {label:28} {rss}", flush=True)


def _wrapped(sampler: Sampler, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        sampler.mark(f"start {name}")
        out = fn(*args, **kwargs)
        sampler.mark(f"end {name}")
        return out

    return run


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--cache-dir", type=Path, help="with a cache (the CLI's default); none if not given")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    sampler = Sampler()
    for owner, names in STAGES:
        for name in names:
            fn = getattr(owner, name)
            wrapped = _wrapped(sampler, name, fn)
            # Wherever the function is held: modules import each other's by name.
            for holder in (owner, pipeline, merge, candidates, incremental):
                if getattr(holder, name, None) is fn:
                    setattr(holder, name, wrapped)
    result = pipeline.extract([args.corpus], jobs=args.jobs, cache_dir=args.cache_dir)
    sampler.mark("extract returned")
    with tempfile.TemporaryDirectory() as folder:
        write_atomic(Path(folder) / "timeline.json", result.json_parts())
    sampler.mark("JSON written")
    sys.stdout.flush()
    os._exit(0)  # the sampling thread is a daemon; skip freeing a big corpus' objects one by one


if __name__ == "__main__":
    sys.exit(main())
