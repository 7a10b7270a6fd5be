"""`chrono timex`: tag plain text or JSON lines and print one JSON object per expression.

Contract section 1. Exit status 0, or 2 when some input could not be read (each such input is
reported on standard error as one line naming the file or line, and the others still run).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from chrono.temporal import tag

STDIN = "<stdin>"


class TimexRequest(BaseModel):
    """One line of `chrono timex --jsonl` input."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc: str | int | None = Field(default=None, description="Caller's document id, echoed back.")
    dct: dt.date | None = Field(default=None, description="Publish date YYYY-MM-DD; default --dct.")
    text: str = Field(description="Plain text to tag; offsets are Python str indices into it.")


def _emit(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _error(where: str, message: str) -> None:
    sys.stderr.write(f"error: {where}: {message}\n")


def _timexes(text: str, anchor: dt.date | None, explain: bool) -> list[dict[str, Any]]:
    return [t.as_json(explain) for t in tag(text, anchor)]


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        _error(str(path), "not UTF-8 text")
    except OSError as exc:
        _error(str(path), f"cannot read: {exc.strerror or exc}")
    return None


def _plain(files: tuple[Path, ...], anchor: dt.date | None, explain: bool) -> int:
    status = 0
    if not files:
        sources: Iterable[tuple[str, str | None]] = [(STDIN, sys.stdin.read())]
    else:
        sources = ((str(path), _read_text(path)) for path in files)
    for name, text in sources:
        if text is None:
            status = 2
            continue
        for item in _timexes(text, anchor, explain):
            if len(files) > 1:
                item = {"file": name, **item}
            _emit(item)
    return status


def _batch(anchor: dt.date | None, explain: bool) -> int:
    status = 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            request = TimexRequest.model_validate_json(line)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            _error(f"{STDIN}:{number}", f"{first['msg']}{f' ({where})' if where else ''}")
            status = 2
            continue
        day = request.dct if request.dct is not None else anchor
        _emit({"doc": request.doc, "timexes": _timexes(request.text, day, explain)})
    return status


def run_timex(files: tuple[Path, ...], *, dct: dt.datetime | None, jsonl: bool, explain: bool) -> int:
    """Run `chrono timex`; returns the exit status (0, or 2 when some input was unreadable)."""
    anchor = dct.date() if dct is not None else None
    if jsonl:
        if files:
            _error("--jsonl", "reads standard input; do not give FILE arguments")
            return 2
        return _batch(anchor, explain)
    return _plain(files, anchor, explain)
