"""Score event dating and merging against a hand-written gold file.

Usage: PYTHONPATH=. .venv/bin/python bench/eval_events.py DIR [--gold FILE] [--json] [--errors]

Runs the real pipeline (`chrono.pipeline.extract`) on DIR and compares it with DIR/gold.yaml
(format: tests/data/events_eval/gold.yaml). A gold mention is the output mention of its article
whose sentence contains its phrase (and whose expression is its `timex`, when given); when one
sentence gives several mentions, the one whose focus (its clause, else its sentence) holds most of
the phrase's words, then the one dated by the expression nearest the phrase. Prints:

- explicit / context dating: share of gold mentions whose output mention has the gold date (a
  missing mention counts as wrong; a gold `date: null` wants an undated mention: the mention of an
  undated article that no text can date);
- merge precision / recall over pairs of found gold mentions: a pair is "merged" when both sit in
  one output event, and "should be" when both belong to one gold event (B-cubed-free, pairwise);
- junk events: output events with a mention containing a gold junk phrase;
- conflicts: gold conflict events flagged, and events flagged without a gold conflict;
- future: gold events whose `future` the output event matches.

Exit status 1 when a threshold of the issue is missed (see THRESHOLDS).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from dataclasses import asdict, dataclass
from itertools import combinations
from pathlib import Path

import yaml

from chrono.models import Event, Mention
from chrono.pipeline import extract

THRESHOLDS = {"explicit": 0.93, "context": 0.80, "precision": 0.9, "recall": 0.9}


@dataclass(frozen=True, slots=True)
class Scores:
    explicit: float
    context: float
    precision: float
    recall: float
    junk_events: int
    conflicts_flagged: int
    conflicts_gold: int
    false_conflicts: int
    future_right: int
    future_gold: int
    missing: int

    def failures(self) -> list[str]:
        out = [f"{k} {getattr(self, k):.3f} < {v}" for k, v in THRESHOLDS.items() if getattr(self, k) < v]
        if self.junk_events:
            out.append(f"{self.junk_events} junk events")
        if self.conflicts_flagged < self.conflicts_gold:
            out.append(f"conflicts flagged {self.conflicts_flagged}/{self.conflicts_gold}")
        return out


def _find(events: list[Event], gold: dict[str, str]) -> tuple[int, Mention] | None:
    """(event index, mention) of the output mention a gold mention names.

    When one sentence gives several mentions (a clause dated apart), the one whose expression is
    the gold `timex` (either text may include the preposition), then the one that reports the
    phrase: whose focus (the clause its explanation names, else its sentence) holds most of the
    phrase's words ("Brannock, who founded the firm in 1990, was questioned": "was questioned" is
    the sentence's mention, not the 1990 clause's); on a tie, the one whose expression lies
    nearest the phrase.
    """
    wanted = _words(gold["phrase"])
    found = []
    for k, event in enumerate(events):
        for m in event.mentions:
            at = m.text.find(gold["phrase"])
            if m.article != gold["article"] or at < 0:
                continue
            said = m.timex.text if m.timex else ""
            if "timex" in gold and not (said and (said in gold["timex"] or gold["timex"] in said)):
                continue
            missed = len(wanted - _words(_focus(m)))
            distance = abs(m.timex.start - m.start - at) if m.timex else len(m.text)
            found.append((missed, distance, k, m))
    return min(found, key=lambda f: f[:3])[2:] if found else None


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


# How an explanation names the clause a mention reports: "dated by '1990' in the clause '…': …".
_CLAUSE = re.compile(r"in the clause ('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")")


def _focus(m: Mention) -> str:
    """The text a mention reports: the clause its explanation names, else its sentence."""
    clause = _CLAUSE.search(m.explanation or "")
    return ast.literal_eval(clause[1]) if clause else m.text


def _share(right: int, total: int) -> float:
    return right / total if total else 1.0


def score(events: list[Event], gold: dict, errors: list[str]) -> Scores:
    right = {"explicit": 0, "context": 0}
    total = {"explicit": 0, "context": 0}
    placed: list[tuple[str, int]] = []  # (gold event id, output event index) of every found mention
    majority: dict[str, int] = {}
    missing = 0
    for g in gold["events"]:
        where: list[int] = []
        for gm in g["mentions"]:
            given = gm.get("date", g["date"])
            want = None if given is None else str(given)  # null: the text dates it nowhere
            total[gm["kind"]] += 1
            found = _find(events, gm)
            if found is None:
                missing += 1
                errors.append(f"{g['id']}: no mention in {gm['article']} with {gm['phrase']!r}")
                continue
            k, m = found
            where.append(k)
            placed.append((g["id"], k))
            if m.date == want:
                right[gm["kind"]] += 1
            else:
                errors.append(f"{g['id']}: {gm['kind']} {gm['phrase']!r} dated {m.date}, gold {want}")
        if where:
            majority[g["id"]] = max(set(where), key=lambda k: (where.count(k), -k))
    same = merged = both = 0
    for (ga, ka), (gb, kb) in combinations(placed, 2):
        same += ga == gb
        merged += ka == kb
        both += ga == gb and ka == kb
        if ga == gb and ka != kb:
            errors.append(f"{ga}: not merged: {events[ka].summary!r} / {events[kb].summary!r}")
        if ga != gb and ka == kb:
            errors.append(f"{ga} and {gb} merged into {events[ka].summary!r}")
    by_id = {g["id"]: g for g in gold["events"]}
    conflicts = [g for g in gold["events"] if g.get("conflict") and g["id"] in majority]
    flagged = sum(events[majority[g["id"]]].conflict for g in conflicts)
    gold_conflict_events = {majority[g["id"]] for g in conflicts}
    false_conflicts = sum(
        1 for k in {k for _, k in placed} if events[k].conflict and k not in gold_conflict_events
    )
    futures = [g for g in gold["events"] if "future" in g and g["id"] in majority]
    future_right = sum(events[majority[g["id"]]].future == g["future"] for g in futures)
    for g in futures:
        if events[majority[g["id"]]].future != g["future"]:
            errors.append(
                f"{g['id']}: future {events[majority[g['id']]].future}, gold {by_id[g['id']]['future']}"
            )
    junk = [e for e in events if any(p in m.text for m in e.mentions for p in gold.get("junk", []))]
    errors += [f"junk event: {e.summary!r}" for e in junk]
    return Scores(
        explicit=_share(right["explicit"], total["explicit"]),
        context=_share(right["context"], total["context"]),
        precision=_share(both, merged),
        recall=_share(both, same),
        junk_events=len(junk),
        conflicts_flagged=flagged,
        conflicts_gold=sum(1 for g in gold["events"] if g.get("conflict")),
        false_conflicts=false_conflicts,
        future_right=future_right,
        future_gold=len([g for g in gold["events"] if "future" in g]),
        missing=missing,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--gold", type=Path, help="gold file (default DIR/gold.yaml)")
    parser.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    gold = yaml.safe_load((args.gold or args.dir / "gold.yaml").read_text(encoding="utf-8"))
    events = extract([args.dir]).timeline.events
    errors: list[str] = []
    s = score(events, gold, errors)
    if args.json:
        print(json.dumps({**asdict(s), "failures": s.failures(), "errors": errors}, indent=1))
    else:
        print(f"explicit dating  {s.explicit:.3f}\ncontext dating   {s.context:.3f}")
        print(f"merge precision  {s.precision:.3f}\nmerge recall     {s.recall:.3f}")
        print(f"junk events      {s.junk_events}\nmissing mentions {s.missing}")
        print(f"conflict flagged {s.conflicts_flagged}/{s.conflicts_gold} (false: {s.false_conflicts})")
        print(f"future right     {s.future_right}/{s.future_gold}")
        for line in errors if args.errors else []:
            print("  " + line)
    return 1 if s.failures() else 0


if __name__ == "__main__":
    sys.exit(main())
