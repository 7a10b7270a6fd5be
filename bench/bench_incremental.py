"""Incremental extract: the time to re-run `chrono extract` on a cached corpus after adding one article.

Usage: python bench/bench_incremental.py CORPUS [--jobs N] [--repeat K] [--profile]

CORPUS comes from bench/make_corpus.py. It is copied to a temporary folder with an empty cache;
then `chrono extract` runs in fresh processes, as a user would run it: once cold (fills the
cache), K times unchanged, K times after adding one more article (a copy of the first article
under a new name, with its own row in the folder's metadata.csv), and K times after editing one
(a sentence appended). Prints the wall seconds (median of K) and peak RSS of each kind of run,
and whether the last run's output is the bytes of a run without the cache;
--profile prints where one more "article added" run spent its time, by stage, and how its merge
ran. The issue's target: under 5 s at 10k articles.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import io
import os
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run_extract(corpus: Path, cache: Path | None, jobs: int | None, out: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one `chrono extract` in a fresh process (no cache: None)."""
    caching = ["--cache-dir", str(cache)] if cache is not None else ["--no-cache"]
    command = [sys.executable, "-m", "chrono", "extract", str(corpus), *caching, "-o", str(out)]
    command += ["--no-progress"] + (["--jobs", str(jobs)] if jobs else [])
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        raise SystemExit(f"chrono extract failed with status {status}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def add_article(corpus: Path, n: int) -> None:
    """A copy of the corpus' first article under a new name, with a metadata row of its own."""
    folder = next(p for p in sorted(corpus.iterdir()) if p.is_dir())
    sidecar = folder / "metadata.csv"
    rows = list(csv.DictReader(sidecar.open(encoding="utf-8", newline="")))
    first = rows[0]
    name = f"added_{n:03d}.txt"
    shutil.copy(folder / first["file_name"], folder / name)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(first), lineterminator="\n")
    writer.writeheader()
    writer.writerows([*rows, {**first, "file_name": name}])
    sidecar.write_text(out.getvalue(), encoding="utf-8")


def edit_article(corpus: Path, n: int) -> None:
    """One more sentence at the end of the corpus' n-th article (its cache entry no longer fits)."""
    folder = next(p for p in sorted(corpus.iterdir()) if p.is_dir())
    path = sorted(p for p in folder.iterdir() if p.suffix == ".txt")[n]
    path.write_text(path.read_text(encoding="utf-8") + EDIT, encoding="utf-8")


EDIT = "\nOfficials said on Monday that the talks would resume on Friday.\n"


def profile_stages(corpus: Path, cache: Path) -> str:
    """Cumulative seconds of the pipeline's stages in one cached run after one more article is
    added, in this process, and how the merge ran (`chrono.incremental`)."""
    sys.path.insert(0, str(REPO))
    from chrono import pipeline

    add_article(corpus, 999)
    profiler = cProfile.Profile()
    result = profiler.runcall(pipeline.extract, [corpus], cache_dir=cache)
    out = io.StringIO()
    print(f"merge: {result.merge}", file=out)
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(r"chrono/(pipeline|cache|merge|export)\.py", 12)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-incremental-") as tmp:
        corpus, cache, out = Path(tmp) / "corpus", Path(tmp) / "cache", Path(tmp) / "timeline.json"
        shutil.copytree(args.corpus, corpus)
        files = sum(1 for p in corpus.rglob("*") if p.is_file() and p.name != "metadata.csv")
        cold = run_extract(corpus, cache, args.jobs, out)
        print(f"{files} articles; cold run (fills the cache): {cold[0]:.1f} s, peak RSS {cold[1]:.0f} MB")
        changes = (
            ("unchanged", None),
            ("one article added", add_article),
            ("one article edited", edit_article),
        )
        for label, change in changes:
            runs = []
            for n in range(args.repeat):
                if change:
                    change(corpus, n)
                runs.append(run_extract(corpus, cache, args.jobs, out))
            wall = statistics.median(w for w, _ in runs)
            print(
                f"{label}: {wall:.1f} s (median of {args.repeat}), peak RSS {max(r for _, r in runs):.0f} MB"
            )
        # The last cached run's output must be the bytes of a whole run without the cache.
        run_extract(corpus, None, args.jobs, Path(tmp) / "whole.json")
        same = out.read_bytes() == (Path(tmp) / "whole.json").read_bytes()
        print("same bytes as a run without the cache" if same else "DIFFERS from a run without the cache")
        if args.profile:
            print(profile_stages(corpus, cache))
    print(f"(this process: peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
