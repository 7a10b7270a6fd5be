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


def test_the_scorer_takes_the_mention_that_reports_the_phrase():
    """A sentence gives the mention of what it reports and one of a relative clause with a date of
    its own: a phrase of the main clause names the first, even though only the clause's mention
    has an expression near the phrase."""
    import importlib.util

    from chrono.models import Event, Mention, MentionTimex

    spec = importlib.util.spec_from_file_location("eval_events", REPO / "bench" / "eval_events.py")
    module = sys.modules.setdefault("eval_events", importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)  # registered first: its dataclasses look their module up
    text = "Oskar Brannock, 61, who founded the firm in 1990, was questioned for six hours, police said."
    clause = "Oskar Brannock, 61, who founded the firm in 1990"
    said = Mention(
        article="a", text=text, start=0, end=len(text), date="2026-05-15", timex=None,
        explanation="no date of its own: continues the lead of the article",
    )  # fmt: skip
    founded = Mention(
        article="a", text=text, start=0, end=len(text), date="1990",
        timex=MentionTimex(text="1990", value="1990", start=43, end=47),
        explanation=f"dated by '1990' in the clause {clause!r}: rule date.year; absolute",
    )  # fmt: skip
    events = [
        Event(id=str(k), date=m.date, summary=m.text, mentions=[m]) for k, m in enumerate((founded, said))
    ]
    assert module._find(events, {"article": "a", "phrase": "was questioned for six hours"}) == (1, said)
    assert module._find(events, {"article": "a", "phrase": "founded the firm in 1990"}) == (0, founded)


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
