"""Shared fixtures: the repository's paths and a runner for the real `chrono` CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"


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
