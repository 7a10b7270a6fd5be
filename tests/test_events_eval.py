"""Event dating and merging on the hand-written evaluation set, scored by bench/eval_events.py.

tests/data/events_eval/ holds four invented stories, each told by several fictional outlets in
every input form (.txt with metadata.csv, .md front matter, .jsonl, .html with page furniture),
with paraphrase, a syndicated copy, a date conflict, a scheduled event later reported done, two
same-day statements of one spokesman, context-dated reported speech and junk. gold.yaml was
written from reading the texts. The thresholds are the issue's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO / "tests" / "data" / "events_eval"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, str(REPO / "bench" / "eval_events.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def scores() -> dict:
    done = _run(str(EVAL), "--json")
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def test_explicitly_dated_events_are_dated_right(scores):
    assert scores["explicit"] >= 0.93, scores["errors"]


def test_context_dated_events_are_dated_right(scores):
    assert scores["context"] >= 0.80, scores["errors"]


def test_reports_of_one_event_merge_and_others_do_not(scores):
    assert scores["precision"] >= 0.9, scores["errors"]
    assert scores["recall"] >= 0.9, scores["errors"]


def test_every_gold_mention_is_found_and_no_page_furniture_is_an_event(scores):
    assert scores["missing"] == 0, scores["errors"]
    assert scores["junk_events"] == 0, scores["errors"]


def test_the_date_conflict_is_flagged_and_nothing_else_is(scores):
    assert scores["conflicts_flagged"] == scores["conflicts_gold"] == 1, scores["errors"]
    assert scores["false_conflicts"] == 0, scores["errors"]


def test_scheduled_events_are_future_until_reported_done(scores):
    assert scores["future_right"] == scores["future_gold"] == 3, scores["errors"]


def test_the_scorer_fails_when_the_gold_disagrees(tmp_path):
    """The same articles against a gold that merges two different events: the scorer must fail."""
    import yaml

    gold = yaml.safe_load((EVAL / "gold.yaml").read_text(encoding="utf-8"))
    recalled, summoned = (
        next(g for g in gold["events"] if g["id"] == i) for i in ("ambassador-recalled", "envoy-summoned")
    )
    recalled["mentions"] += summoned["mentions"]
    gold["events"].remove(summoned)
    wrong = tmp_path / "gold.yaml"
    wrong.write_text(yaml.safe_dump(gold), encoding="utf-8")
    done = _run(str(EVAL), "--gold", str(wrong), "--json")
    assert done.returncode == 1, done.stdout
    out = json.loads(done.stdout)
    assert out["recall"] < 0.9 and any(f.startswith("recall") for f in out["failures"])


def _dev_scores(name: str) -> dict:
    done = _run(str(REPO / "tests" / "data" / name), "--json")
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def test_paraphrases_on_the_development_set_merge_without_false_merges():
    """tests/data/events_dev/: three more stories written to measure paraphrase between outlets
    ("resigned" / "quit" / "stepped down"), with same-day different events. The merge was tuned
    on it (recall 0.93; 0.66 with TF-IDF over the input, 0.24 before kinds of event were compared):
    this guards what is reached, and that no different events merged for it."""
    dev = _dev_scores("events_dev")
    assert dev["precision"] == 1.0, dev["errors"]
    assert dev["recall"] >= 0.9, dev["errors"]
    assert dev["explicit"] >= 0.93 and dev["context"] >= 0.8, dev["errors"]
    assert dev["junk_events"] == 0 and dev["missing"] == 0, dev["errors"]
    assert dev["conflicts_flagged"] == dev["conflicts_gold"] == 1, dev["errors"]


def test_dating_from_context_around_flashbacks_on_the_ninth_development_set():
    """tests/data/events_dev9/: an apartment block's collapse, a journalist's murder trial, a
    grocer's loss and a market's closure, told by four outlets, aimed at how attribution meets
    flashbacks ("Police described the gunman as a professional" after "Brenn was shot on October
    14, 2023"; "described his report at the time as alarmist" after a past perfect in March 2024),
    statements after a flashback, present-tense "says" in a feature; gold written before the
    pipeline ran on them. Context dating 0.655 blind, with today's code and with 0163f43 alike;
    0.873 once a flashback (in the past perfect, or over before the story's time, which the first
    event's own day sets) lasts only to the end of its paragraph (told in the simple past and to
    the day, the whole paragraph goes on with it; otherwise only what is in the past perfect or
    says "at the time"), and a statement in the present tense is dated by the publish date. Left:
    a date naming a thing ("a first-quarter loss", "described the quarter as painful", "the 2024
    engineer's report"), the simple past after a past perfect in 2019 ("Traders protested"), and
    three statements whose relative clause has a date of its own ("Oskar Brannock, 61, who founded
    the firm in 1990, …, was questioned"): dated right, but the scorer picks the clause's mention.
    Merging is not tuned on this set: its numbers are guarded as found (0.571 / 0.444)."""
    dev9 = _dev_scores("events_dev9")
    assert dev9["context"] >= 0.87 and dev9["explicit"] == 1.0, dev9["errors"]
    assert dev9["precision"] >= 0.57 and dev9["recall"] >= 0.44, dev9["errors"]
    assert dev9["junk_events"] == 0 and dev9["missing"] == 0, dev9["errors"]
    assert dev9["future_right"] == dev9["future_gold"], dev9["errors"]
