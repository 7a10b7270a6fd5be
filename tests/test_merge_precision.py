"""Merge precision: pairs of reports that share a participant but not the happening stay apart,
while one happening that outlets date differently stays one conflicting event. Small
multi-article fixtures run through the real extraction and merge."""

from __future__ import annotations

from pathlib import Path

from chrono.events import extract_events
from chrono.ingest import read_articles
from chrono.merge import merge_events
from chrono.models import Event
from chrono.temporal import tag


def _merged(folder: Path, **articles: tuple[str, str]) -> list[Event]:
    """The events merged from Markdown articles `<name>.md`, each given (published, body)."""
    for name, (published, body) in articles.items():
        (folder / f"{name}.md").write_text(f"---\npublished: {published}\n---\n{body}\n", encoding="utf-8")
    found, _ = read_articles([folder])
    return merge_events([m for a in found for m in extract_events(a, tag(a.clean.match_text, a.published))])


def _together(events: list[Event]) -> list[list[str]]:
    """The events of more than one mention, as the starts of their mentions' texts."""
    return sorted(sorted(m.text[:24] for m in e.mentions) for e in events if len(e.mentions) > 1)


def test_two_acts_that_share_only_one_participant_are_no_conflict_and_one_act_dated_apart_is(
    tmp_path: Path,
) -> None:
    """Informing a regulator on Wednesday and the regulator opening an inquiry on Friday share only
    the regulator's name: two events, not one that the outlets date differently. A player joining
    a club on Wednesday and signing for it on Thursday (who did what to whom) is one, in conflict."""
    events = _merged(
        tmp_path,
        statement=(
            "2026-07-20",
            "Corvane informed the Data Protection Authority on Wednesday, July 8.\n\n"
            "Luis Abeyta joined Corran Rovers on Wednesday, July 15.",
        ),
        radio=(
            "2026-07-20",
            "The Data Protection Authority opened a formal investigation on Friday, July 10.\n\n"
            "Striker Luis Abeyta signed for Corran Rovers on Thursday, July 16.",
        ),
    )
    assert _together(events) == [["Luis Abeyta joined Corra", "Striker Luis Abeyta sign"]], _together(events)
    [conflict] = [e for e in events if e.conflict]
    assert {m.date for m in conflict.mentions} == {"2026-07-15", "2026-07-16"}
