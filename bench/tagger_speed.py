"""Throughput of the temporal tagger on TimeML text, one core.

Reads the <TEXT> of every .tml file under PATH (with bench/timeml.py), tags each document against
its creation date, and prints KB/s of UTF-8 text as the median of several runs, next to a plain
`re.findall(r"\\w+|[^\\w\\s]")` tokenisation pass over the same text in the same run (the ratio is
firmer than the absolute number on a noisy machine). The corpora stay outside the repository:

    .venv/bin/python bench/tagger_speed.py ../shared/benchmarks/tempeval3/timebank --runs 7
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timeml import read_corpus  # noqa: E402

from chrono.temporal import tag  # noqa: E402

_TOKEN = re.compile(r"\w+|[^\w\s]")


def _median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    """Print tagger and tokeniser KB/s (median of --runs) and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="folders (or files) of .tml documents")
    parser.add_argument("--runs", type=int, default=5, help="timed runs; the median is reported")
    args = parser.parse_args(argv)
    docs = [(doc.text, doc.dct) for doc in read_corpus(args.paths)]
    if not docs:
        parser.error("no .tml documents found")
    size_kb = sum(len(text.encode("utf-8")) for text, _ in docs) / 1000
    tag("warm-up: loads and compiles the rules on Tuesday", None)

    def tag_all() -> int:
        return sum(len(tag(text, dct)) for text, dct in docs)

    def tokenise_all() -> int:
        return sum(len(_TOKEN.findall(text)) for text, _ in docs)

    timexes = tag_all()
    tagger = size_kb / _median_seconds(tag_all, args.runs)
    tokeniser = size_kb / _median_seconds(tokenise_all, args.runs)
    print(f"{len(docs)} documents, {size_kb:.0f} KB of text, {timexes} timexes")
    print(f"tagger    {tagger:10,.0f} KB/s  (median of {args.runs} runs)")
    print(f"tokeniser {tokeniser:10,.0f} KB/s  re.findall(r'\\w+|[^\\w\\s]')")
    print(f"tagger / tokeniser = 1 : {tokeniser / tagger:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
