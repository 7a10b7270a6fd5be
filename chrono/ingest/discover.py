"""INPUT paths → the article files to read, each with its id and its sidecar metadata."""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from chrono.errors import Level, Problem
from chrono.ingest.meta import SIDECAR_NAMES, Meta, path_key, read_sidecars

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"})


JSONL_PART_BYTES = 4 * 1024 * 1024  # a big JSONL file is read in parts of about this size, in parallel


@dataclass(frozen=True, slots=True)
class LineRange:
    """The lines of a JSONL file one task reads: bytes [start, end), the first being line `first`."""

    start: int
    end: int
    first: int


@dataclass(frozen=True, slots=True)
class FileTask:
    """One article file (or part of a big JSONL file) to read; picklable, so a worker can read it."""

    path: Path
    id: str
    sidecar: Meta | None = None
    lines: LineRange | None = None  # None: the whole file


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
    yield from _parts(FileTask(path, path.name, sidecar.get(path_key(path))))


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
            yield from _parts(FileTask(path, article_id, sidecars.get(path_key(path))))
    yield from (_unreadable(err) for err in unreadable)


def _parts(task: FileTask) -> Iterator[FileTask]:
    """A JSONL file over JSONL_PART_BYTES as tasks of whole lines, so that workers share it and no
    process holds all its articles; any other file as it is. UTF-16/32 files are read whole."""
    try:
        size = task.path.stat().st_size
        if task.path.suffix.lower() != ".jsonl" or size <= JSONL_PART_BYTES:
            yield task
            return
        with task.path.open("rb") as stream:
            if stream.read(4).startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)):
                yield task
                return
            start, first = 0, 1
            while start < size:
                end = _line_end(stream, min(start + JSONL_PART_BYTES, size))
                stream.seek(start)
                lines = stream.read(end - start).count(b"\n")
                yield replace(task, lines=LineRange(start, end, first))
                start, first = end, first + lines
    except OSError:
        yield task  # the reader reports why the file cannot be read


def _line_end(stream: BinaryIO, position: int) -> int:
    """The offset just past the line break at or after `position` (or the end of the file), read
    in blocks: one huge line is never read whole."""
    stream.seek(position)
    while block := stream.read(1 << 20):
        newline = block.find(b"\n")
        if newline >= 0:
            return position + newline + 1
        position += len(block)
    return position


def _unreadable(err: OSError) -> Problem:
    return Problem(Level.WARNING, str(err.filename), f"cannot read directory: {err.strerror}")
