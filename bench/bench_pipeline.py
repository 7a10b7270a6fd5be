"""Throughput of the extract pipeline, stage by stage, against a plain regex tokenisation pass.

Usage: python bench/bench_pipeline.py CORPUS [--jobs N] [--repeat K] [--site] [--limit N] [--profile]

Stages run one after the other in this process (one core): ingest, temporal tagging, events,
merge, timeline JSON, and with --site the static site build (chrono.render.build_site). Then
the whole pipeline (`chrono.pipeline.extract`) runs in a fresh process with --jobs workers, so
its peak RSS is its own. Each figure is the median of --repeat runs. The baseline is
`re.findall(r"\\w+|[^\\w\\s]")` over the same article text in the same run: the ratio says how
many tokenisation passes one stage costs, which is steadier than MB/s on a shared machine.
Corpora come from bench/make_corpus.py and stay outside the repository.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import pstats
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from chrono.events import extract_events  # noqa: E402
from chrono.export import timeline_json  # noqa: E402
from chrono.ingest import Article, read_file  # noqa: E402
from chrono.ingest.discover import FileTask, discover  # noqa: E402
from chrono.merge import merge_events  # noqa: E402
from chrono.models import Timeline  # noqa: E402
from chrono.temporal import rules_for, tag  # noqa: E402

TOKEN = re.compile(r"\w+|[^\w\s]")

# The whole pipeline in a fresh interpreter, the timeline JSON written as `chrono extract` writes
# it: wall and CPU time (all processes), peak RSS of each.
_WHOLE = """
import json, os, resource, sys, time
from pathlib import Path
from chrono import pipeline
start = time.perf_counter()
result = pipeline.extract([Path(sys.argv[1])], jobs=int(sys.argv[2]))
size = 0
with open(os.devnull, "wb") as out:
    for part in result.json_parts():
        size += out.write(part)
wall = time.perf_counter() - start
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
events = len(result.head.events if result.records is None else result.records)
print(json.dumps({"wall": wall, "cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
                  "rss_parent": me.ru_maxrss * 1024, "rss_worker": kids.ru_maxrss * 1024,
                  "events": events, "bytes": size}))
"""


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median CPU seconds of `repeat` runs of fn (GC paused as the pipeline does), and its last result.

    CPU time, not wall time: on a shared machine other processes' load would swamp the figures.
    """
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        start = time.process_time()
        result = fn()
        times.append(time.process_time() - start)
        gc.enable()
    return statistics.median(times), result


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def top(profile: cProfile.Profile, n: int = 8) -> str:
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(n)
    lines = [line for line in out.getvalue().splitlines() if re.match(r"\s+\d", line)]
    return "\n".join("    " + line.strip() for line in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--jobs", type=int, default=1, help="workers for the whole-pipeline run")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--limit", type=int, help="stage-by-stage runs use only the first N files")
    parser.add_argument("--site", action="store_true", help="also build the static site")
    parser.add_argument("--profile", action="store_true", help="print the top functions of each stage")
    args = parser.parse_args(argv)

    tasks = [t for t in discover([args.corpus]) if isinstance(t, FileTask)][: args.limit]
    rules_for("en")  # compiled once, outside the timings (the pipeline pays it once per process)
    rows: list[tuple[str, float]] = []
    profiles: dict[str, cProfile.Profile] = {}

    def stage(name: str, fn: Callable[[], object]) -> object:
        seconds, result = timed(fn, args.repeat)
        rows.append((name, seconds))
        if args.profile:
            profiles[name] = cProfile.Profile()
            profiles[name].runcall(fn)
        return result

    articles: list[Article] = stage(  # type: ignore[assignment]
        "ingest", lambda: [a for t in tasks for a in read_file(t) if isinstance(a, Article)]
    )
    size = sum(len(a.text.encode("utf-8")) for a in articles)
    tagged = stage("tagging", lambda: [tag(a.clean.match_text, a.published) for a in articles])
    mentions = stage(
        "events", lambda: [m for a, tx in zip(articles, tagged, strict=True) for m in extract_events(a, tx)]
    )
    events = stage("merge", lambda: merge_events(mentions))
    timeline = Timeline(
        articles=sorted((a.info() for a in articles), key=lambda a: a.id), events=events, warnings=[]
    )
    stage("timeline JSON", lambda: timeline_json(timeline))
    if args.site:
        from chrono.render import build_site

        with tempfile.TemporaryDirectory() as work:
            stage("site build", lambda: build_site(timeline, Path(work) / "site"))
    texts = [a.text for a in articles]
    token_seconds, _ = timed(lambda: [TOKEN.findall(t) for t in texts], args.repeat)

    mb = size / 1e6
    print(
        f"{args.corpus}: {len(articles)} articles, {mb:.1f} MB of text, {len(mentions)} mentions, "  # type: ignore[arg-type]
        f"{len(events)} events; median of {args.repeat}; peak RSS so far {rss_mb():.0f} MB"
    )  # type: ignore[arg-type]
    print(f"{'stage':<16}{'CPU s':>9}{'KB/s':>10}{'art/s':>9}{'x tokenise':>12}")
    print(
        f"{'regex tokenise':<16}{token_seconds:>9.3f}{size / 1e3 / token_seconds:>10.0f}"
        f"{len(articles) / token_seconds:>9.0f}{1:>12.1f}"
    )
    for name, seconds in rows + [("stages 1-5", sum(s for n, s in rows if n != "site build"))]:
        print(
            f"{name:<16}{seconds:>9.3f}{size / 1e3 / seconds:>10.0f}{len(articles) / seconds:>9.0f}"
            f"{seconds / token_seconds:>12.1f}"
        )
    for name, profile in profiles.items():
        print(f"\ntop functions, {name} (tottime):\n{top(profile)}")

    runs = []
    for _ in range(args.repeat):
        done = subprocess.run(
            [sys.executable, "-c", _WHOLE, str(args.corpus), str(args.jobs)],
            capture_output=True,
            text=True,
            cwd=REPO,
        )
        if done.returncode != 0:
            sys.exit(f"whole-pipeline run failed:\n{done.stderr}")
        runs.append(json.loads(done.stdout))
    whole = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    total = sum(t.path.stat().st_size for t in discover([args.corpus]) if isinstance(t, FileTask)) / 1e6
    print(
        f"\nwhole pipeline, --jobs {args.jobs}, fresh process, all {total:.1f} MB: "
        f"wall {whole['wall']:.1f} s ({total / whole['wall']:.2f} MB/s), "
        f"CPU {whole['cpu']:.1f} s ({total / whole['cpu']:.2f} MB/s per core), "
        f"peak RSS parent {whole['rss_parent'] / 1e6:.0f} MB, worker {whole['rss_worker'] / 1e6:.0f} MB, "
        f"{whole['events']:.0f} events, {whole['bytes'] / 1e6:.1f} MB JSON"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
