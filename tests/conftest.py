"""Shared fixtures: the repository's paths and a runner for the real `chrono` CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from chrono.events import extract_events
from chrono.ingest import read_articles
from chrono.merge import merge_events
from chrono.models import Event
from chrono.temporal import tag

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def session_cache(tmp_path_factory: pytest.TempPathFactory):
    """CLI runs cache in a folder of this test session, not the user's: a run of another checkout
    (other rules, another code version) sharing the user's cache drops this one's entries."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHRONO_CACHE_DIR", str(tmp_path_factory.mktemp("chrono-cache")))
        yield


@pytest.fixture
def run_chrono():
    """Run `python -m chrono ARGS` as a real process; returns the CompletedProcess."""

    def run(
        *args: str, stdin: str | None = None, cwd: Path | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "chrono", *args],
            input=stdin,
            capture_output=True,
            text=True,
            cwd=cwd or REPO,
            timeout=300,
        )

    return run


def merged_articles(folder: Path, **articles: tuple[str, str]) -> list[Event]:
    """The events merged from Markdown articles `<name>.md`, each given (published, body)."""
    for name, (published, body) in articles.items():
        (folder / f"{name}.md").write_text(f"---\npublished: {published}\n---\n{body}\n", encoding="utf-8")
    found, _ = read_articles([folder])
    return merge_events([m for a in found for m in extract_events(a, tag(a.clean.match_text, a.published))])


def grouped(events: list[Event]) -> list[list[str]]:
    """The events of more than one mention, as the starts of their mentions' texts."""
    return sorted(sorted(m.text[:24] for m in e.mentions) for e in events if len(e.mentions) > 1)
