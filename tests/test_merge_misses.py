"""bench/merge_misses.py through its command line on a small dev set: it accounts for exactly the
pairs bench/eval_events.py counts as missed and wrongly merged, each under a known cause."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / "tests" / "data" / "events_dev5"
CAUSES = re.compile(
    r"one article|copies|never blocked: (no shared filed word|dates apart|crowded block)|blocked, no score"
    r"|below threshold|lost in clustering: (one mention per article|average link)|cleared threshold"
    r"|through other mentions"
)


def _run(script: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / script), str(DEV), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def _counts(out: str) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for line in out.splitlines():
        if head := re.fullmatch(r"(missed|wrong) pairs: (\d+)", line):
            kind = head[1]
            counts[kind] = {"total": int(head[2])}
        elif cause := re.fullmatch(r" {2}\s*(\d+) {2}(.+)", line):
            counts[kind][cause[2]] = int(cause[1])
    return counts


def test_every_miss_and_wrong_merge_is_bucketed_by_a_known_cause() -> None:
    errors = json.loads(_run("eval_events.py", "--json"))["errors"]
    counts = _counts(_run("merge_misses.py"))
    assert counts["missed"]["total"] == sum(": not merged: " in e for e in errors) > 0
    assert counts["wrong"]["total"] == sum(" merged into " in e for e in errors)
    for kind in counts.values():
        causes = {c: n for c, n in kind.items() if c != "total"}
        assert sum(causes.values()) == kind["total"]
        assert all(CAUSES.fullmatch(c) for c in causes), causes


def test_show_gives_both_texts_of_every_pair() -> None:
    out = _run("merge_misses.py", "--show")
    missed = _counts(out)["missed"]["total"]
    assert sum(line.startswith("      A ") for line in out.splitlines()) >= missed
    assert sum(line.startswith("      B ") for line in out.splitlines()) >= missed
    assert "Nobody was hurt." in out  # dev5's "Nobody was hurt" / "No one was on it"
