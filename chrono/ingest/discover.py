"""INPUT paths → the article files to read, each with its id and its sidecar metadata."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from chrono.errors import Level, Problem
from chrono.ingest.meta import SIDECAR_NAMES, Meta, path_key, read_sidecars

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"})


@dataclass(frozen=True, slots=True)
class FileTask:
    """One article file to read; picklable, so a worker process can read it."""

    path: Path
    id: str
    sidecar: Meta | None = None


def discover(inputs: Sequence[Path]) -> Iterator[FileTask | Problem]:
    """Files to read, in a stable order, and the problems met finding them."""
    for given in inputs:
        if given.is_dir():
            yield from _walk(given)
        elif given.is_file():
            yield from _given_file(given)
        else:
            yield Problem(Level.ERROR, str(given), "no such file or directory")


def _given_file(path: Path) -> Iterator[FileTask | Problem]:
    if path.name in SIDECAR_NAMES:
        yield Problem(Level.WARNING, str(path), "sidecar metadata, not an article; give its folder instead")
        return
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        kinds = ", ".join(sorted(ARTICLE_SUFFIXES))
        yield Problem(Level.WARNING, str(path), f"unsupported file type (expected {kinds}); skipped")
        return
    sidecar, problems = read_sidecars(path.parent)
    yield from problems
    yield FileTask(path, path.name, sidecar.get(path_key(path)))


def _walk(root: Path) -> Iterator[FileTask | Problem]:
    unreadable: list[OSError] = []
    sidecars: dict[str, Meta] = {}
    # Top-down, so a folder's sidecar is read before the files it names (also in sub-folders).
    for folder, dirnames, filenames in os.walk(root, onerror=unreadable.append):
        yield from (_unreadable(err) for err in unreadable)
        unreadable.clear()
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        here = Path(folder)
        if any(name in SIDECAR_NAMES for name in filenames):
            rows, problems = read_sidecars(here)
            yield from problems
            for key, meta in rows.items():
                sidecars.setdefault(key, meta)
        for name in sorted(filenames):
            if name.startswith(".") or name in SIDECAR_NAMES:
                continue
            if os.path.splitext(name)[1].lower() not in ARTICLE_SUFFIXES:
                continue
            path = here / name
            if path.is_symlink() and not path.resolve().is_relative_to(root.resolve()):
                # A corpus unpacked from an archive may hold links to /etc/...: read only what is under root.
                yield Problem(Level.WARNING, str(path), "symbolic link to outside the input folder; skipped")
                continue
            article_id = path.relative_to(root).as_posix()
            yield FileTask(path, article_id, sidecars.get(path_key(path)))
    yield from (_unreadable(err) for err in unreadable)


def _unreadable(err: OSError) -> Problem:
    return Problem(Level.WARNING, str(err.filename), f"cannot read directory: {err.strerror}")
