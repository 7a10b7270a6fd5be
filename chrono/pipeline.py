"""The extract pipeline, top to bottom: ingest → temporal → events → merge → timeline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import orjson

from chrono.errors import Level, Problem
from chrono.models import Timeline


@dataclass(frozen=True, slots=True)
class ExtractResult:
    """The timeline and every problem met on the way (already in `timeline.warnings` too)."""

    timeline: Timeline
    problems: list[Problem]


def extract(inputs: Sequence[Path]) -> ExtractResult:
    """Run the whole pipeline on INPUT files and directories."""
    from chrono.ingest import read_articles

    # Stage 1: ingest. Unreadable files become problems; the other articles go on.
    articles, problems = read_articles(inputs)
    for article in articles:
        if article.published is None:
            problems.append(Problem(Level.WARNING, article.id, "no publish date found; relative dates left unresolved"))

    # Stage 5: the timeline, in a stable order and with no wall-clock fields.
    timeline = Timeline(
        articles=sorted((a.info() for a in articles), key=lambda a: a.id),
        events=[],
        warnings=[str(p) for p in problems],
    )
    return ExtractResult(timeline=timeline, problems=problems)


def timeline_json(timeline: Timeline) -> bytes:
    """Canonical bytes of a timeline: sorted keys, two-space indent, trailing newline."""
    return orjson.dumps(timeline.model_dump(mode="json"), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"
