"""TempEval-3 Task A (timex extraction + normalisation) scores for a temporal tagger on TimeML corpora.

Usage: .venv/bin/python bench/tempeval.py DIR [DIR ...] [--errors [N]] [--json] [--type-breakdown]

Scoring follows the TE3 organisers' toolkit (UzZaman et al. 2013, TE3-evaluation.py):
- every gold TIMEX3 inside <TEXT> counts (the DCT is outside and is not scored);
- a system timex and a gold timex *match relaxed* if their spans overlap and *strictly* if the spans
  are identical; each timex takes at most one partner (TE3 aligns entity ids first), exact partners
  first, then the largest overlap;
- P = matched / system, R = matched / gold, F1 their harmonic mean, micro-averaged over all documents;
- attribute (value, type) F1 = attribute accuracy over the relaxed matches x relaxed F1, as TE3
  computes it; with one-to-one matches that is exactly P = correct / system, R = correct / gold;
- values are compared as plain strings (TE3 normalises nothing but `&quot;`, which the XML parser
  already decodes); a timex with no value equals one with no value.
DATE+TIME rows keep gold timexes whose gold type is DATE or TIME (recall) and system timexes whose
system type is DATE or TIME (precision), then score the two filtered lists the same way.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from timeml import TimeMLDoc, TimeMLError, read_corpus

from chrono.errors import ChronoError

TYPES = ("DATE", "TIME", "DURATION", "SET")
DATE_TIME = frozenset({"DATE", "TIME"})


class Timex(Protocol):
    """All the scorer needs from a system timex (chrono.temporal.Timex satisfies it)."""

    start: int
    end: int
    type: str
    value: str | None


Tagger = Callable[[str, dt.date], Sequence[Timex]]


def align(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs of overlapping spans: exact first, then most overlap."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                exact = g.start == s.start and g.end == s.end
                candidates.append((not exact, -overlap, g.start, s.start, gi, si))
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for *_, gi, si in sorted(candidates):
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gi, si))
    return sorted(pairs)


@dataclass(slots=True)
class Counts:
    """Micro-average counts; strict/relaxed/value/type count matched pairs (one-to-one)."""

    docs: int = 0
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    # gold type -> [gold count, relaxed-matched, value-correct]
    by_gold_type: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))

    def add(self, gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[int, int]]:
        """Count one document's gold and system timexes; returns the matched pairs."""
        pairs = align(gold, system)
        self.docs += 1
        self.gold += len(gold)
        self.system += len(system)
        for g in gold:
            self.by_gold_type[g.type][0] += 1
        for gi, si in pairs:
            g, s = gold[gi], system[si]
            self.relaxed += 1
            self.strict += g.start == s.start and g.end == s.end
            self.type += g.type == s.type
            self.value += g.value == s.value
            self.by_gold_type[g.type][1] += 1
            self.by_gold_type[g.type][2] += g.value == s.value
        return pairs


def prf(correct: int, system: int, gold: int) -> dict[str, float]:
    """Precision, recall, F1 in percent (0 when undefined, as TE3 does)."""
    p = 100.0 * correct / system if system else 0.0
    r = 100.0 * correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": p, "R": r, "F1": f}


def scores(c: Counts) -> dict[str, Any]:
    return {
        "docs": c.docs,
        "gold": c.gold,
        "system": c.system,
        "strict": prf(c.strict, c.system, c.gold),
        "relaxed": prf(c.relaxed, c.system, c.gold),
        "value": prf(c.value, c.system, c.gold),
        "type": prf(c.type, c.system, c.gold),
    }


@dataclass(frozen=True, slots=True)
class DocResult:
    """One document, the tagger's timexes for it, and the matched (gold index, system index) pairs."""

    doc: TimeMLDoc
    system: tuple[Any, ...]
    pairs: tuple[tuple[int, int], ...]


@dataclass(slots=True)
class Evaluation:
    """Counts overall, for DATE+TIME and per type, plus every document's result for error listings."""

    overall: Counts = field(default_factory=Counts)
    date_time: Counts = field(default_factory=Counts)
    per_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    results: list[DocResult] = field(default_factory=list)
    seconds: float = 0.0
    chars: int = 0

    def add(self, doc: TimeMLDoc, system: Sequence[Any]) -> None:
        pairs = self.overall.add(doc.timexes, system)
        self.results.append(DocResult(doc, tuple(system), tuple(pairs)))
        for counts, keep in [(self.date_time, DATE_TIME)] + [(self.per_type[t], {t}) for t in TYPES]:
            counts.add([g for g in doc.timexes if g.type in keep], [s for s in system if s.type in keep])


def check_output(doc: TimeMLDoc, system: Iterable[Any]) -> list[Any]:
    """The tagger's timexes in text order; a malformed one is a tagger bug named with its document."""
    out = sorted(system, key=lambda s: (s.start, s.end))
    for s in out:
        if not (0 <= s.start < s.end <= len(doc.text)) or s.type not in TYPES:
            raise ChronoError(f"{doc.path}: tagger returned an invalid timex {s!r}")
    return out


def evaluate(docs: Iterable[TimeMLDoc], tagger: Tagger) -> Evaluation:
    ev = Evaluation()
    for doc in docs:
        t0 = time.perf_counter()
        system = tagger(doc.text, doc.dct)
        ev.seconds += time.perf_counter() - t0
        ev.chars += len(doc.text)
        ev.add(doc, check_output(doc, system))
    return ev


# ---------------------------------------------------------------- report


def _row(label: str, s: dict[str, Any]) -> str:
    st, rx = s["strict"], s["relaxed"]
    return (
        f"{label:<10}{s['docs']:>5}{s['gold']:>6}{s['system']:>6} | "
        f"{st['P']:6.2f}{st['R']:7.2f}{st['F1']:7.2f} | {rx['P']:6.2f}{rx['R']:7.2f}{rx['F1']:7.2f} | "
        f"{s['value']['F1']:6.2f}{s['type']['F1']:7.2f}"
    )


def table(ev: Evaluation, type_breakdown: bool) -> str:
    head = (
        f"{'':<10}{'docs':>5}{'gold':>6}{'sys':>6} | {'strict':>6}{'':>7}{'':>7} | {'relaxed':>6}"
        f"{'':>7}{'':>7} | {'value':>6}{'type':>7}\n{'':<27} | {'P':>6}{'R':>7}{'F1':>7} | "
        f"{'P':>6}{'R':>7}{'F1':>7} | {'F1':>6}{'F1':>7}"
    )
    lines = [head, _row("all", scores(ev.overall)), _row("DATE+TIME", scores(ev.date_time))]
    if type_breakdown:
        lines += [_row(t, scores(ev.per_type[t])) for t in TYPES]
    lines.append("\nby gold type   gold  found%  value-correct%  (recall, relaxed match)")
    for t in TYPES:
        n, found, ok = ev.overall.by_gold_type.get(t, [0, 0, 0])
        if n:
            lines.append(f"  {t:<10}{n:>7}{100 * found / n:8.1f}{100 * ok / n:16.1f}")
    if ev.seconds:
        lines.append(f"\ntagger: {ev.seconds:.2f} s, {ev.chars / 1e6 / ev.seconds:.2f} MB/s of text")
    return "\n".join(lines)


def as_json(ev: Evaluation) -> str:
    by_type = {
        t: dict(zip(("gold", "found", "value_correct"), v, strict=True))
        for t, v in sorted(ev.overall.by_gold_type.items())
    }
    out = {
        "all": scores(ev.overall),
        "date_time": scores(ev.date_time),
        "per_type": {t: scores(ev.per_type[t]) for t in TYPES},
        "by_gold_type": by_type,
    }
    return json.dumps(out, indent=2, sort_keys=True)


def _shape(text: str) -> str:
    """Groups similar strings: lower-case, digit runs as '9'."""
    return re.sub(r"\d+", "9", " ".join(text.lower().split()))


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left, right = text[max(0, start - width) : start], text[end : end + width]
    return " ".join(f"{left}[{text[start:end]}]{right}".split())


def _span_relation(g: Timex, s: Timex) -> str:
    if s.start <= g.start and s.end >= g.end:
        return "longer"
    return "shorter" if s.start >= g.start and s.end <= g.end else "shifted"


def error_groups(ev: Evaluation) -> dict[str, dict[tuple[str, ...], list[str]]]:
    """Mismatches grouped by a pattern key, each with example lines, for finding what to fix first."""
    groups: dict[str, dict[tuple[str, ...], list[str]]] = {
        k: defaultdict(list) for k in ("missed", "spurious", "wrong value", "wrong type", "wrong span")
    }
    for r in ev.results:
        text, name = r.doc.text, r.doc.name
        matched_g = {gi for gi, _ in r.pairs}
        matched_s = {si for _, si in r.pairs}
        for gi, g in enumerate(r.doc.timexes):
            if gi not in matched_g:
                groups["missed"][(g.type, _shape(g.text))].append(
                    f"{name}: {g.value}  {_context(text, g.start, g.end)}"
                )
        for si, s in enumerate(r.system):
            if si not in matched_s:
                key = (s.type, getattr(s, "rule", "?"), _shape(text[s.start : s.end]))
                groups["spurious"][key].append(f"{name}: {s.value}  {_context(text, s.start, s.end)}")
        for gi, si in r.pairs:
            g, s = r.doc.timexes[gi], r.system[si]
            rule = getattr(s, "rule", "?")
            where = f"{name}: {_context(text, g.start, g.end)}"
            if g.value != s.value:
                key = (rule, g.type, _shape(g.text))
                # A tagger may explain itself (anchor, cue); optional, the scorer only needs the value.
                why = f"  ({s.explain()})" if callable(getattr(s, "explain", None)) else ""
                groups["wrong value"][key].append(f"gold {g.value} sys {s.value}  {where}{why}")
            if g.type != s.type:
                groups["wrong type"][(rule, f"{g.type}->{s.type}")].append(where)
            if (g.start, g.end) != (s.start, s.end):
                groups["wrong span"][(rule, _span_relation(g, s))].append(
                    f"gold [{g.text}] sys [{text[s.start : s.end]}]  {name}"
                )
    return groups


def rule_summary(ev: Evaluation) -> str:
    """Per system rule: how many timexes it made, how many overlap gold, how many got the value right."""
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for r in ev.results:
        partner = {si: gi for gi, si in r.pairs}
        for si, s in enumerate(r.system):
            row = stats[getattr(s, "rule", "?")]
            row[0] += 1
            if si in partner:
                g = r.doc.timexes[partner[si]]
                row[1] += 1
                row[2] += (g.start, g.end) == (s.start, s.end)
                row[3] += g.value == s.value
    lines = ["\n== by system rule ==", f"{'rule':<32}{'n':>6}{'matched%':>10}{'strict%':>9}{'value%':>8}"]
    for rule, (n, matched, strict, value) in sorted(stats.items(), key=lambda kv: (-kv[1][0], kv[0])):
        lines.append(
            f"{rule:<32}{n:>6}{100 * matched / n:>10.1f}{100 * strict / n:>9.1f}{100 * value / n:>8.1f}"
        )
    return "\n".join(lines)


def errors_report(ev: Evaluation, top: int, examples: int = 3) -> str:
    lines = [rule_summary(ev)]
    for kind, groups in error_groups(ev).items():
        total = sum(len(v) for v in groups.values())
        lines.append(f"\n== {kind}: {total} ({len(groups)} patterns) ==")
        ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        for key, items in ranked[:top]:
            lines.append(f"{len(items):>4}  {' | '.join(key)}")
            lines.extend(f"        {item}" for item in items[:examples])
    return "\n".join(lines)


# ---------------------------------------------------------------- CLI


def load_tagger(spec: str) -> Tagger:
    module, _, name = spec.partition(":")
    try:
        return getattr(importlib.import_module(module), name or "tag")
    except (ImportError, AttributeError) as exc:
        raise ChronoError(f"cannot load tagger {spec!r}: {exc}") from None


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="TempEval-3 Task A timex scores for a temporal tagger.")
    ap.add_argument("dirs", nargs="+", type=Path, help="directories (or files) of TimeML .tml documents")
    ap.add_argument(
        "--errors",
        nargs="?",
        type=int,
        const=15,
        metavar="N",
        help="list the N most frequent patterns of each error kind (default 15)",
    )
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--type-breakdown", action="store_true", help="one score row per TIMEX3 type")
    ap.add_argument(
        "--system",
        default="chrono.temporal:tag",
        help="tagger as module:function taking (text, anchor date) (default chrono.temporal:tag)",
    )
    args = ap.parse_args(argv)
    try:
        tagger = load_tagger(args.system)
        ev = evaluate(read_corpus(args.dirs), tagger)
    except (TimeMLError, ChronoError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not ev.overall.docs:
        print(f"error: no .tml files under {' '.join(map(str, args.dirs))}", file=sys.stderr)
        return 2
    print(as_json(ev) if args.json else table(ev, args.type_breakdown))
    if args.errors is not None:
        print(errors_report(ev, args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
