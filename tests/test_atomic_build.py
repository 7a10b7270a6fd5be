"""An interrupted or failed `chrono build` leaves the previous site byte for byte as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
COPIES = 60  # 300 distinct articles: long enough to kill the build in either half


def _hashes(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def seeds_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("seeds") / "site"
    done = subprocess.run(
        [sys.executable, "-m", "chrono", "build", str(SEEDS), "-o", str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return site


@pytest.fixture
def previous(seeds_site: Path, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A site built from the seeds (a copy of the module's build), and the hash of every file in it."""
    site = tmp_path / "site"
    shutil.copytree(seeds_site, site)
    return site, _hashes(site)


@pytest.fixture
def big_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "big"
    folder.mkdir()
    for copy in range(COPIES):
        for seed in SEEDS.glob("*.txt"):
            # A distinct line per copy, so neither the cache nor identical content makes extraction instant.
            text = seed.read_text(encoding="utf-8") + f"\nCopy number {copy} of this report was filed.\n"
            (folder / f"{copy:02d}_{seed.name}").write_text(text, encoding="utf-8")
    return folder


def _staging_has_files(parent: Path, name: str) -> bool:
    return any(any(p.is_file() for p in d.rglob("*")) for d in parent.glob(f".{name}.building-*"))


@pytest.mark.parametrize("moment", ["while extracting", "while mkdocs writes the new site"])
def test_sigkill_halfway_leaves_the_previous_site_byte_identical(previous, big_corpus, moment, run_chrono):
    site, before = previous
    child = subprocess.Popen(
        [sys.executable, "-m", "chrono", "build", str(big_corpus), "-o", str(site), "--no-cache"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        if moment == "while extracting":
            time.sleep(1.5)
            assert not _staging_has_files(site.parent, site.name), (
                "the corpus was too small to kill it halfway"
            )
        else:
            while not _staging_has_files(site.parent, site.name):
                assert child.poll() is None, "the build ended before it could be killed"
                assert time.monotonic() < deadline
                time.sleep(0.01)
        assert child.poll() is None, "the build ended before it could be killed"
    finally:
        os.killpg(child.pid, signal.SIGKILL)  # the build and any worker processes it started
        child.wait()
    assert child.returncode == -signal.SIGKILL
    assert _hashes(site) == before
    if moment == "while extracting":
        return
    # The next build is not blocked by the half-written folder the killed one left, and replaces the site.
    done = run_chrono("build", str(big_corpus), "-o", str(site))
    assert done.returncode == 0, done.stderr
    assert _hashes(site) != before and (site / "index.html").is_file()


def test_a_failed_build_leaves_the_previous_site_and_no_temporary_folders(previous, run_chrono, tmp_path):
    site, before = previous
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "index.md.j2").write_text("{% for %}broken\n", encoding="utf-8")
    done = run_chrono("build", str(SEEDS), "-o", str(site), "--templates", str(templates))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert (
        [line for line in done.stderr.splitlines() if line.startswith("error:")]
        == [line for line in done.stderr.splitlines() if "index.md.j2:1: template error" in line]
        != []
    )
    assert _hashes(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["site", "templates"]


def test_extract_writes_its_file_whole_or_not_at_all(run_chrono, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    done = run_chrono("extract", str(SEEDS), "-o", str(tmp_path / "missing" / "timeline.json"))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [line for line in done.stderr.splitlines() if "missing" in line] != []
    (out / "timeline.json").write_bytes(b"previous")
    done = run_chrono("extract", str(SEEDS), "-o", str(out / "timeline.json"))
    assert done.returncode == 0, done.stderr
    assert (out / "timeline.json").read_bytes().startswith(b"{") and [p.name for p in out.iterdir()] == [
        "timeline.json"
    ]  # replaced by a rename, no temporary file left beside it
    done = run_chrono("extract", str(SEEDS), "-o", str(out))  # a folder: refused, nothing in it touched
    assert done.returncode == 2 and len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr
    assert [p.name for p in out.iterdir()] == ["timeline.json"]
