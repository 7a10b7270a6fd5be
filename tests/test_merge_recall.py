"""Merge recall: reports of one happening told in other words, or first as a plan and then as
done, merge into one event. Small multi-article fixtures run through the real extraction and merge."""

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


def test_a_vote_planned_for_a_day_meets_the_ballot_reported_done_that_day(tmp_path: Path) -> None:
    """Members to vote on the offer on Monday, and the paper of Tuesday on yesterday's ballot that
    backed the offer: one kind of act ("vote" / "ballot") and what it was about, no name on either
    side, so the plan and its news are one event."""
    events = _merged(
        tmp_path,
        wire=("2026-10-10", "Guild members will vote on the offer on Monday."),
        radio=(
            "2026-10-13",
            "Eighty-one per cent of members who took part in yesterday's ballot backed the offer.",
        ),
    )
    together = _together(events)
    assert together == [["Eighty-one per cent of m", "Guild members will vote "]], together
