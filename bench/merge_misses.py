"""Why the merge misses gold pairs and makes wrong ones, bucketed by cause.

Usage: PYTHONPATH=. .venv/bin/python bench/merge_misses.py DIR [--gold FILE] [--show]

Runs the real pipeline on DIR, finds the gold mentions as bench/eval_events.py does, and for every
gold pair the merge left apart names the stage that lost it:

- never blocked: no filed word shared (both sides' filed words shown), or a shared word whose
  blocks the two dates never meet in or that is crowded;
- blocked, no score: the rule of `merge._score` (or `_score_undated`) that refused the pair;
- below threshold: the score, the threshold and how the dates relate (for a plan and a report of
  one day, why they did not merge as "planned, then reported done");
- lost in clustering: the pair cleared its threshold, but one side's event already held a mention
  of the other's article, or the two events' average link fell short;
- one article: two mentions of one article, which one event holds only when they are its lead
  and its restatement and a pair of one day ties them to another article's mentions (whether
  they are is shown).

Every wrong merged pair (two gold events in one output event) is bucketed likewise: copies, a
pair that cleared its threshold itself, or joined through other mentions. Prints the counts per
cause; with --show, each pair's texts under its cause.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path

import numpy as np
import yaml
from eval_events import _find

from chrono import merge
from chrono.candidates import blocked_pairs, word_pairs
from chrono.events import EventMention
from chrono.models import Event
from chrono.pipeline import extract


def _run(directory: Path) -> tuple[list[Event], list[EventMention]]:
    """The pipeline's events, and the mentions its merge was given."""
    given: list[EventMention] = []
    real = merge.merge_records

    def recording(mentions: Iterable[EventMention], jobs: int = 1) -> list[merge.EventRecord]:
        given.extend(mentions)
        return real(given, jobs)

    merge.merge_records = recording
    try:
        events = extract([directory], jobs=1).timeline.events
    finally:
        merge.merge_records = real
    return events, given


class Diagnosis:
    """The merge's stages replayed on its mentions: items, copies, blocked pairs, filed words."""

    def __init__(self, mentions: list[EventMention]) -> None:
        self.items, _, n_dated = merge._items(enumerate(mentions))
        self.reps, clusters = merge._identical(self.items)
        self.rep_of = {k: root for root, c in clusters.items() for k in c.members}
        self.at = {id(it.mention): k for k, it in enumerate(self.items)}
        self.cosine: dict[tuple[int, int], float] = {}
        self.filed: dict[int, set[int]] = defaultdict(set)
        words = merge.Blocking(counts=None, record=False, words=True)
        dated = [r for r in self.reps if r < n_dated]
        undated = [r for r in self.reps if r >= n_dated]
        filings = []
        for own in (dated, undated):
            kind = [self.items[r] for r in own]
            found = blocked_pairs(kind, merge._vectors(kind), **words)
            for i, j, c in zip(
                found.first.tolist(), found.second.tolist(), found.cosine.tolist(), strict=True
            ):
                self.cosine[(own[i], own[j])] = c
            assert found.filings is not None
            for item, word in zip(found.filings.word_item.tolist(), found.filings.word.tolist(), strict=True):
                self.filed[own[item]].add(word)
            filings.append(found.filings)
        dated_filings, probes = filings
        probing = np.array([merge.matched_by_content(self.items[r].mention) for r in undated], bool)
        keep = probing[probes.word_item] if len(undated) else np.zeros(0, bool)
        u, d = word_pairs(
            type(probes)(probes.word[keep], probes.word_item[keep], probes.block, probes.block_item),
            dated_filings,
        )
        self.crossed = {(dated[j], undated[i]) for i, j in zip(u.tolist(), d.tolist(), strict=True)}

    def cause(self, a: EventMention, b: EventMention) -> tuple[str, str]:
        """(cause, detail) of why the merge's own pair (a, b) merged or not, as far as the pair tells."""
        if a.article == b.article:
            if merge._restates(self.items[self.at[id(a)]], self.items[self.at[id(b)]]):
                return "one article", "its lead restated, but no pair of one day ties it to another's event"
            return "one article", "not its lead restated a sentence or two later"
        i, j = sorted(
            (self.rep_of.get(self.at[id(a)], self.at[id(a)]), self.rep_of.get(self.at[id(b)], self.at[id(b)]))
        )
        if i == j:
            return "copies", ""
        x, y = self.items[i], self.items[j]
        if x.mention.date is None or y.mention.date is None:
            return self._undated(i, j)
        if (i, j) not in self.cosine:
            return self._unblocked(i, j)
        cosine = self.cosine[(i, j)]
        scored = merge._score(x, y, cosine)
        if scored is None:
            return "blocked, no score", self._refusal(x, y)
        score, relation = scored
        if score < merge.THRESHOLDS[relation]:
            threshold = merge.THRESHOLDS[relation]
            return "below threshold", f"{relation}: {score:.2f} < {threshold}{_plan_note(x, y)}"
        return "cleared threshold", f"{relation}: {score:.2f} >= {merge.THRESHOLDS[relation]}"

    def _unblocked(self, i: int, j: int) -> tuple[str, str]:
        x, y = self.items[i], self.items[j]
        if self.filed[i].isdisjoint(self.filed[j]):
            words = sorted({t for t in set(x.mention.terms) & set(y.mention.terms) if " " not in t})
            return "never blocked: no shared filed word", f"words shared, none filed by both: {words}"
        if x.hi < y.lo or y.hi < x.lo:
            return "never blocked: dates apart", ""
        return "never blocked: crowded block", ""

    def _refusal(self, x: merge._Item, y: merge._Item) -> str:
        a, b = x.mention, y.mention
        if merge._relation(x, y) is None:
            return "dates cannot meet"
        one_speaker = not set(a.speakers).isdisjoint(b.speakers)
        if a.inferred != b.inferred and not one_speaker and not merge._tied(a, b):
            return "context date: no name or second word shared"
        apart = x.last < y.first or y.last < x.first
        if (apart or merge._relation(x, y) == "conflicting dates") and merge._false_conflict(a, b):
            return "dated apart, sharing one participant and no act"
        return "counted apart"

    def _undated(self, i: int, j: int) -> tuple[str, str]:
        x, y = self.items[i], self.items[j]
        if x.mention.date is None and y.mention.date is None:
            if (i, j) not in self.cosine:
                return self._unblocked(i, j)
            cosine = self.cosine[(i, j)]
            if cosine < merge.THRESHOLDS["undated, near-identical"]:
                return "below threshold", f"undated, near-identical: {cosine:.2f}"
            return "cleared threshold", f"undated, near-identical: {cosine:.2f}"
        (d, dated), (u, undated) = ((i, x), (j, y)) if y.mention.date is None else ((j, y), (i, x))
        if not merge.matched_by_content(undated.mention):
            return "blocked, no score", "undated mention of a dated article"
        if (d, u) not in self.crossed:
            return "never blocked: no shared filed word", "undated"
        cosine = merge._cosine(merge._vector(dated.mention), merge._vector(undated.mention))
        found = merge._score_undated(dated.mention, undated.mention, cosine)
        if found is None:
            return "blocked, no score", "undated: no name shared and not a copy, counted apart or days apart"
        score, relation = found
        threshold = merge.THRESHOLDS[relation]
        if score < threshold:
            return "below threshold", f"{relation}: {score:.2f} < {threshold}"
        return "cleared threshold", f"{relation}: {score:.2f}"


def _plan_note(x: merge._Item, y: merge._Item) -> str:
    """Why a plan and a report of one day did not merge as "planned, then reported done"."""
    if x.mention.future == y.mention.future or merge._relation(x, y) != "same date":
        return ""
    plan, done = (x, y) if x.mention.future else (y, x)
    if merge._plan_role(plan) != 1:
        return "; a plan, but not dated outright to one day after its article"
    if merge._plan_role(done) != 2:
        days = merge.REPORTED_WITHIN
        return f"; a plan, but the report is not dated outright or not news (within {days} days)"
    if not merge._planned_done(x, y):
        return "; a plan and its report, but no rare word shared or participants differ"
    return f"; planned, then reported done, but short by more than {merge.PLAN_BONUS}"


def _lost(events: list[Event], ka: int, kb: int) -> str:
    """Why clustering kept apart two events a pair that cleared its threshold would have joined."""
    if {m.article for m in events[ka].mentions} & {m.article for m in events[kb].mentions}:
        return "lost in clustering: one mention per article"
    return "lost in clustering: average link"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--gold", type=Path, help="gold file (default DIR/gold.yaml)")
    parser.add_argument("--show", action="store_true", help="print each pair's texts under its cause")
    args = parser.parse_args(argv)
    gold = yaml.safe_load((args.gold or args.dir / "gold.yaml").read_text(encoding="utf-8"))
    events, mentions = _run(args.dir)
    by_place: dict[tuple[str, int, int, str], EventMention] = {}
    for m in mentions:
        by_place.setdefault((m.article, m.start, m.end, m.text), m)
    placed = []  # (gold event id, output event index, merge mention)
    for g in gold["events"]:
        for gm in g["mentions"]:
            found = _find(events, gm)
            if found is not None:
                k, out = found
                placed.append((g["id"], k, by_place[(out.article, out.start, out.end, out.text)]))
    diagnosis = Diagnosis(mentions)
    buckets: dict[str, dict[str, list[str]]] = {"missed": defaultdict(list), "wrong": defaultdict(list)}
    for (ga, ka, a), (gb, kb, b) in combinations(placed, 2):
        if (ga == gb) == (ka == kb):
            continue
        cause, detail = diagnosis.cause(a, b)
        if ga == gb and cause == "cleared threshold":
            cause = _lost(events, ka, kb)
        elif ga != gb and cause not in ("copies", "cleared threshold"):
            cause = "through other mentions"
        kind = "missed" if ga == gb else "wrong"
        buckets[kind][cause].append(
            f"{ga} / {gb}: {detail}\n      A {a.article} {a.date}: {a.text[:160]}\n"
            f"      B {b.article} {b.date}: {b.text[:160]}"
        )
    for kind, causes in buckets.items():
        print(f"{kind} pairs: {sum(map(len, causes.values()))}")
        for cause, pairs in sorted(causes.items(), key=lambda c: (-len(c[1]), c[0])):
            print(f"  {len(pairs):4d}  {cause}")
            for pair in pairs if args.show else []:
                print(f"        {pair}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
