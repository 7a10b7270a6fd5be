"""Article metadata from any source, and the sidecar metadata files of a folder.

Sidecars follow the folder convention of the Hugging Face `datasets` library: `metadata.csv` or
`metadata.jsonl` with a `file_name` column relative to its folder, plus `published`, `title`,
`source`, `url`.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import orjson

from chrono.errors import Level, Problem
from chrono.ingest.dates import parse_date

SIDECAR_NAMES = ("metadata.csv", "metadata.jsonl")
TEXT_FIELDS = ("title", "source", "url")


@dataclass(frozen=True, slots=True)
class Meta:
    """What one source says about an article; `published_from` names that source."""

    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    published_from: str | None = None


def meta_from_fields(
    fields: Mapping[str, object], origin: str, where: str, line: int | None = None
) -> tuple[Meta, list[Problem]]:
    """Read title/source/url/published from a record; a bad date is a warning and gives none."""
    problems: list[Problem] = []
    texts = {name: _text(fields.get(name)) for name in TEXT_FIELDS}
    published = None
    raw = fields.get("published")
    if raw is not None and not (isinstance(raw, str) and not raw.strip()):
        try:
            published = parse_date(str(raw))
        except ValueError as exc:
            problems.append(Problem(Level.WARNING, where, f"{origin}: published: {exc}; ignored", line))
    meta = Meta(**texts, published=published, published_from=origin if published else None)
    return meta, problems


def read_sidecars(directory: Path) -> tuple[dict[str, Meta], list[Problem]]:
    """Metadata rows of the sidecar files in `directory`, keyed by the normalised path they name."""
    rows: dict[str, Meta] = {}
    problems: list[Problem] = []
    for name in SIDECAR_NAMES:
        path = directory / name
        if not path.is_file():
            continue
        where = str(path)
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(Level.WARNING, where, f"cannot read sidecar metadata: {exc}"))
            continue
        for line, record in _records(text, name, where, problems):
            file_name = _text(record.get("file_name"))
            if file_name is None:
                problems.append(Problem(Level.WARNING, where, "row has no file_name; ignored", line))
                continue
            key, base = path_key(directory / file_name), path_key(directory)
            if key == base or os.path.commonpath([key, base]) != base:
                # `../x` or `/etc/passwd`: a sidecar only describes files under its own folder.
                problems.append(
                    Problem(
                        Level.WARNING, where, f"file_name {file_name!r} is outside this folder; ignored", line
                    )
                )
                continue
            meta, found = meta_from_fields(record, name, where, line)
            problems.extend(found)
            rows.setdefault(key, meta)
    return rows, problems


def path_key(path: Path) -> str:
    """One spelling per file, so a sidecar's `file_name` and a walked path meet."""
    return os.path.normpath(os.path.abspath(path))


def _records(
    text: str, name: str, where: str, problems: list[Problem]
) -> list[tuple[int, Mapping[str, object]]]:
    if name.endswith(".csv"):
        reader = csv.DictReader(io.StringIO(text, newline=""))
        try:
            if "file_name" not in (reader.fieldnames or ()):
                problems.append(Problem(Level.WARNING, where, "no file_name column; sidecar ignored"))
                return []
            # line_num after reading a row is the line it ended on: the row's own line for one-line rows.
            return [(reader.line_num, row) for row in reader]
        except csv.Error as exc:
            problems.append(
                Problem(Level.WARNING, where, f"not valid CSV ({exc}); sidecar ignored", reader.line_num)
            )
            return []
    records: list[tuple[int, Mapping[str, object]]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            record = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            problems.append(Problem(Level.WARNING, where, f"not a JSON object: {exc}", number))
            continue
        if not isinstance(record, dict):
            problems.append(Problem(Level.WARNING, where, "not a JSON object", number))
            continue
        records.append((number, record))
    return records


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
