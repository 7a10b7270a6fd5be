"""Time the static site build (`chrono.render.build_site`) for a timeline JSON.

Usage: python bench/bench_site.py TIMELINE.json [--times K] [--limit N] [--jobs N] [--out DIR] [--profile]

TIMELINE.json is `chrono extract` output (e.g. from a bench/make_corpus.py corpus; corpora and
timelines stay outside the repository). --times K repeats the events K times under new ids
(a bigger site from a small corpus); --limit keeps the first N events. Prints the wall and CPU
seconds of the build (CPU of this process and its workers; --jobs 1 keeps it to one core; a
--profile sees this process only), the number of HTML pages, the site's size and the search index's size.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from chrono.models import Event, Timeline  # noqa: E402
from chrono.render import build_site  # noqa: E402
from chrono.site.dates import first_day  # noqa: E402


def _dates_ok(event: Event) -> bool:
    """Timelines from older versions may hold dates this version's date parser rejects."""
    try:
        for value in (event.date, event.date_end):
            if value:
                first_day(value)
    except ValueError:
        return False
    return True


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("timeline", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="keep the first N events")
    parser.add_argument("--times", type=int, default=1, help="repeat the events K times (new ids)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: every core)")
    parser.add_argument("--out", type=Path, default=None, help="site folder (default: a temporary one)")
    parser.add_argument("--profile", action="store_true", help="print the top functions by cumulative time")
    args = parser.parse_args()
    timeline = Timeline.model_validate_json(args.timeline.read_bytes())
    events = [e for e in timeline.events if _dates_ok(e)]
    if len(events) < len(timeline.events):
        print(f"left out {len(timeline.events) - len(events)} events with dates this version rejects")
    events = [
        e.model_copy(update={"id": f"{e.id}-{k}"}) if k else e for k in range(args.times) for e in events
    ]
    timeline = timeline.model_copy(update={"events": events[: args.limit]})
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        out = args.out or Path(tmp) / "site"
        profiler = cProfile.Profile() if args.profile else None
        wall, cpu = time.perf_counter(), _cpu()
        if profiler:
            profiler.enable()
        build_site(timeline, out, jobs=args.jobs)
        if profiler:
            profiler.disable()
        wall, cpu = time.perf_counter() - wall, _cpu() - cpu
        html = list(out.rglob("*.html"))
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        index = out / "search" / "search_index.json"
        index_mb = index.stat().st_size / 1e6 if index.is_file() else 0.0
        print(
            f"events {len(timeline.events)}  articles {len(timeline.articles)}  "
            f"wall {wall:.1f} s  cpu {cpu:.1f} s  html pages {len(html)}  "
            f"site {size / 1e6:.1f} MB  search index {index_mb:.1f} MB"
        )
        if profiler:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
