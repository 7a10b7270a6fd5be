"""Merge recall: reports of one happening in other words, or dated another way, end in one event.
Small multi-article fixtures run through the real extraction and merge."""

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


def _event_of(events: list[Event], words: str) -> Event:
    [event] = [e for e in events if any(words in m.text for m in e.mentions)]
    return event


def test_a_lead_dated_by_context_joins_the_event_dated_outright_not_a_clause_told_in_passing(
    tmp_path: Path,
) -> None:
    """A bulletin's lead ("A large fire has broken out at the Halden Paints works") is dated by
    context, and so is a later report's clause that names the fire in passing ("a day after a fire
    at the Halden Paints works forced them out"): the lead joins the fire that the wire and the
    later report date outright (through its own next sentence, which restates it), not the clause
    first, whose article already tells the fire: with it, the lead could join neither."""
    events = _merged(
        tmp_path,
        wire=(
            "2026-05-11",
            "BRACKWATER, May 11 (Tidewell) - A fire tore through a storage hall at the Halden Paints "
            "works early on Monday, sending a column of black smoke over the town.\n\n"
            "The blaze broke out shortly after 2 a.m. and took about 60 firefighters five hours to bring "
            "under control.",
        ),
        radio=(
            "2026-05-11",
            "A large fire has broken out at the Halden Paints works in Brackwater.\n\n"
            "The fire started shortly after 2 a.m. on Monday, and firefighters needed five hours to put "
            "it out.",
        ),
        paper=(
            "2026-05-12",
            "Families in Ostby began returning to their homes on Tuesday, a day after a large fire at "
            "the Halden Paints works in Brackwater forced them out.\n\n"
            "The fire started in a storage hall early on Monday.",
        ),
    )
    fire = _event_of(events, "A fire tore through")
    assert any(m.text.startswith("A large fire has broken out") for m in fire.mentions), [
        [m.text[:30] for m in e.mentions] for e in events if len(e.mentions) > 1
    ]
