"""`chrono check`: the contract's invariants (section 4) as findings with stable codes.

A timeline JSON is checked for schema validity, order, duplicate ids, unknown articles, reversed
intervals, mentions dated after their article, conflicts and undated articles. A Markdown or text
chronology is checked for order only. Findings are collected first; the exit code is decided once.

Codes (stable; never reuse a retired one):
  C101 error    not valid against the timeline schema (or not a calendar date)
  C102 error    events out of order
  C103 error    duplicate event id
  C104 error    a mention names an unknown article
  C105 error    `date_end` before `date`
  C106 error    a mention dated after its article's publish date while neither it nor its event is `future`
  C107 error    duplicate article id
  C201 warning  the mentions of one event give conflicting dates
  C202 warning  an undated article
  C301 error    a chronology item dated earlier than the one before it
  C401 warning  an editorial override no longer matches any event
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from pydantic import ValidationError

from chrono.dates import DAY, DateSpan, date_span, dates_conflict, minutes, sort_key
from chrono.errors import InputError, Level, Problem
from chrono.models import Event, Timeline

if TYPE_CHECKING:
    from chrono.overrides import Overrides

JSON_SUFFIXES = frozenset({".json"})
CHRONOLOGY_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".text"})
FORMATS = ("text", "json", "github")


@dataclass(frozen=True, slots=True)
class Finding:
    """One result of `chrono check`: a stable code, the event (or line) it is about, and why."""

    level: Level
    code: str
    message: str
    event: str | None = None
    line: int | None = None
    file: str | None = None


# The level of each code (see the module docstring); levels decide the exit code, codes never change.
LEVELS = {
    **dict.fromkeys(["C101", "C102", "C103", "C104", "C105", "C106", "C107", "C301"], Level.ERROR),
    **dict.fromkeys(["C201", "C202", "C401"], Level.WARNING),
}


def _finding(code: str, message: str, **where: Any) -> Finding:
    return Finding(LEVELS[code], code, message, **where)


def exit_code(findings: Sequence[Finding]) -> int:
    """0 without error-level findings, 1 with any (warnings alone never fail)."""
    return 1 if any(f.level is Level.ERROR for f in findings) else 0


# --- timeline JSON ---------------------------------------------------------------------------------------

_ID_KEY = re.compile(r'(?<!\\)"(id|articles|events)"\s*:')


def _id_lines(text: str) -> dict[str, list[int | None]]:
    """Line of each article's and each event's `"id"` key, in document order.

    Only articles and events have an `id` key in the schema, so the n-th `"id"` after the
    `"events"` key is the n-th event's. Returned lists are checked against the parsed counts.
    """
    lines: dict[str, list[int | None]] = {"articles": [], "events": []}
    section, line, pos = "", 1, 0
    for match in _ID_KEY.finditer(text):
        line += text.count("\n", pos, match.start())
        pos = match.start()
        if match[1] == "id":
            if section:
                lines[section].append(line)
        else:
            section = match[1]
    return lines


def _loc(loc: Sequence[int | str]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(top level)"


def _schema_findings(error: ValidationError, lines: dict[str, list[int | None]]) -> list[Finding]:
    findings = []
    for err in error.errors(include_url=False):
        loc = err["loc"]
        line = None
        if len(loc) >= 2 and loc[0] in lines and isinstance(loc[1], int) and loc[1] < len(lines[str(loc[0])]):
            line = lines[str(loc[0])][loc[1]]
        findings.append(_finding("C101", f"{_loc(loc)}: {err['msg']}", line=line))
    return findings


def _article_findings(timeline: Timeline, lines: Sequence[int | None]) -> list[Finding]:
    findings, seen = [], set()
    for article, line in zip(timeline.articles, lines, strict=True):
        if article.id in seen:
            findings.append(_finding("C107", f"duplicate article id {article.id!r}", line=line))
        seen.add(article.id)
        if article.published is None:
            findings.append(
                _finding(
                    "C202",
                    f"article {article.id!r} is undated: its relative dates stay unresolved",
                    line=line,
                )
            )
    return findings


def _event_findings(
    event: Event, index: int, published: dict[str, str | None], line: int | None
) -> list[Finding]:
    """Everything about one event on its own: its dates, its mentions, their agreement."""

    def finding(code: str, message: str) -> Finding:
        return _finding(code, message, event=event.id, line=line)

    out: list[Finding] = []
    valid: dict[str, DateSpan] = {}
    named = [("date", event.date), ("date_end", event.date_end)]
    named += [(f"mentions[{i}].date", m.date) for i, m in enumerate(event.mentions)]
    for field, value in named:
        if value is not None:
            try:
                valid[field] = date_span(value)
            except ValueError as exc:
                out.append(finding("C101", f"events[{index}].{field}: {exc}"))
    if "date" in valid and "date_end" in valid and valid["date_end"].end <= valid["date"].start:
        out.append(
            finding("C105", f"event {event.id!r}: date_end {event.date_end} is before date {event.date}")
        )
    for i, mention in enumerate(event.mentions):
        if mention.article not in published:
            out.append(
                finding("C104", f"event {event.id!r}: mention {i} names unknown article {mention.article!r}")
            )
            continue
        day, span = published[mention.article], valid.get(f"mentions[{i}].date")
        ahead = event.future or mention.future
        if day and span and not ahead and span.start >= minutes(date.fromisoformat(day)) + DAY:
            out.append(
                finding(
                    "C106",
                    f"event {event.id!r}: mention in {mention.article!r} is dated "
                    f"{mention.date}, after the article was published ({day}), "
                    "but neither the mention nor the event is marked future",
                )
            )
    dated = [(m.date, m.article) for i, m in enumerate(event.mentions) if f"mentions[{i}].date" in valid]
    if dates_conflict(d for d, _ in dated):
        given = ", ".join(f"{d} ({a})" for d, a in dated)
        unmarked = "" if event.conflict else "; the event is not marked conflict"
        out.append(finding("C201", f"event {event.id!r}: mentions give conflicting dates: {given}{unmarked}"))
    return out


def _order_findings(timeline: Timeline, lines: Sequence[int | None]) -> list[Finding]:
    findings: list[Finding] = []
    previous: Event | None = None
    for event, line in zip(timeline.events, lines, strict=True):
        key = sort_key(event.date)
        if event.date is not None and key[0] == 1:
            continue  # an unreadable date is reported as C101; it has no place in the order
        if previous is not None and key < sort_key(previous.date):
            findings.append(
                _finding(
                    "C102",
                    f"events out of order: {event.id!r} ({event.date or 'undated'}) comes after "
                    f"{previous.id!r} ({previous.date or 'undated'})",
                    event=event.id,
                    line=line,
                )
            )
        previous = event
    return findings


def check_timeline(timeline: Timeline, *, lines: dict[str, list[int | None]] | None = None) -> list[Finding]:
    """Check a timeline that is valid against the schema; `lines` place findings in its file."""
    lines = lines or {}
    article_lines = _matching(lines.get("articles"), len(timeline.articles))
    event_lines = _matching(lines.get("events"), len(timeline.events))
    published = {a.id: a.published for a in timeline.articles}
    findings = _article_findings(timeline, article_lines)
    seen: dict[str, int] = {}
    for index, (event, line) in enumerate(zip(timeline.events, event_lines, strict=True)):
        if event.id in seen:
            findings.append(
                _finding(
                    "C103",
                    f"duplicate event id {event.id!r} (events {seen[event.id]} and {index})",
                    event=event.id,
                    line=line,
                )
            )
        seen.setdefault(event.id, index)
        findings += _event_findings(event, index, published, line)
    return findings + _order_findings(timeline, event_lines)


def _matching(lines: Sequence[int | None] | None, count: int) -> list[int | None]:
    # Lines are a courtesy for annotations: drop them rather than point at the wrong place.
    return list(lines) if lines is not None and len(lines) == count else [None] * count


def _override_findings(problems: Iterable[Problem]) -> list[Finding]:
    return [_finding("C401", p.message, file=p.where) for p in problems]


def check_overrides(timeline: Timeline, overrides: Overrides) -> list[Finding]:
    """C401 for each override that matches nothing in `timeline` (the timeline before they are applied)."""
    from chrono.overrides import apply_overrides

    return _override_findings(apply_overrides(timeline, overrides)[1])


def _check_json(path: Path, text: str, overrides: Overrides | None) -> list[Finding]:
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from exc
    # An object without an id would shift the lines of those after it: keep only lists that add up.
    lines = {
        section: found
        for section, found in _id_lines(text).items()
        if isinstance(data, dict) and isinstance(data.get(section), list) and len(data[section]) == len(found)
    }
    try:
        # strict: a timeline JSON must hold the types the schema names ("812" is not an offset).
        timeline = Timeline.model_validate_json(text, strict=True)
    except ValidationError as exc:
        return _schema_findings(exc, lines)
    if overrides is None:
        return check_timeline(timeline, lines=lines)
    from chrono.overrides import apply_overrides

    # The file is the timeline the overrides apply to: check them, then the timeline they make.
    edited, problems = apply_overrides(timeline, overrides)
    event_lines = _matching(lines.get("events"), len(timeline.events))
    line_of = {e.id: line for e, line in zip(timeline.events, event_lines, strict=True)}
    placed = {"articles": lines.get("articles", []), "events": [line_of.get(e.id) for e in edited.events]}
    return _override_findings(problems) + check_timeline(edited, lines=placed)


# --- Markdown / text chronology -----------------------------------------------------------------------

# Month names and abbreviations as the tagger's English lexicon lists them ("sept." → "sept").
_LEXICON = Path(__file__).parent / "rules" / "en" / "lexicon.toml"
_MONTHS = {
    name.rstrip("."): number for name, number in tomllib.loads(_LEXICON.read_text("utf-8"))["months"].items()
}
_ITEM = re.compile(r"\s{0,3}(?:#{1,6}\s+|(?:[-*+]|\d{1,9}[.)])\s+)(?:\*\*|__|\*|_|\[)?(?P<rest>.*)")
# Each form is its own pattern, so they share group names: m(onth), d(ay), y(ear).
_M = r"(?P<m>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_D, _Y = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?", r"(?P<y>[12]\d{3})\b"
_LEADING_DATES = [
    re.compile(r"(?P<iso>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?|\d{4}-W\d{2}|\d{4}-\d{2})(?![\d-])"),
    re.compile(rf"{_M}\s+{_D},?\s+{_Y}", re.IGNORECASE),  # March 29, 2022
    re.compile(rf"{_D}\s+{_M},?\s+{_Y}", re.IGNORECASE),  # 29 March 2022
    re.compile(rf"{_M},?\s+{_Y}", re.IGNORECASE),  # March 2022
    re.compile(r"(?P<y>[12]\d{3})(?![\d-])"),  # 2022
]


def leading_date(line: str) -> tuple[str, str] | None:
    """(as written, ISO value) of the date a list item or heading begins with, else None."""
    item = _ITEM.match(line)
    found = next((m for p in _LEADING_DATES if item and (m := p.match(item["rest"]))), None)
    if found is None:
        return None
    g = found.groupdict()
    if g.get("iso"):
        return found[0], g["iso"].replace(" ", "T")
    value = g["y"]
    if g.get("m"):
        value += f"-{_MONTHS[g['m'].lower()]:02d}"
    if g.get("d"):
        value += f"-{int(g['d']):02d}"
    return found[0], value


def check_chronology(text: str) -> list[Finding]:
    """C301 for each dated list item or heading earlier than the dated one before it (C101: not a date)."""
    findings: list[Finding] = []
    previous: tuple[int, str, tuple[int, int, int]] | None = None
    fenced = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        found = None if fenced else leading_date(line)
        if found is None:
            continue
        written, value = found
        try:
            date_span(value)
        except ValueError as exc:
            findings.append(_finding("C101", str(exc), line=number))
            continue
        key = sort_key(value)
        if previous is not None and key < previous[2]:
            findings.append(
                _finding(
                    "C301",
                    f"{written!r} ({value}) is earlier than {previous[1]!r} on line {previous[0]}",
                    line=number,
                )
            )
        previous = (number, written, key)
    return findings


# --- files and output -----------------------------------------------------------------------------------


def check_file(path: Path, *, overrides: Path | None = None) -> list[Finding]:
    """Check a timeline JSON or a Markdown/text chronology; InputError when it cannot be read as one."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot be read as UTF-8 text: {exc}") from exc
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        from chrono.overrides import load_overrides

        findings = _check_json(path, text, load_overrides(overrides) if overrides else None)
    elif suffix in CHRONOLOGY_SUFFIXES:
        if overrides is not None:
            raise InputError(f"{path}: --overrides applies to a timeline JSON, not to a chronology")
        findings = check_chronology(text)
    else:
        raise InputError(
            f"{path}: not a timeline JSON (.json) or a Markdown/text chronology (.md, .markdown, .txt)"
        )
    placed = [Finding(f.level, f.code, f.message, f.event, f.line, f.file or str(path)) for f in findings]
    return sorted(placed, key=lambda f: (f.line is None, f.line or 0))


def _escape_data(text: str) -> str:
    # GitHub workflow command escaping: message data, then property values (also ':' and ',').
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_findings(findings: Sequence[Finding], fmt: str, path: Path | str | None = None) -> str:
    """Render findings as `text` (file:line: level code message), `json` (one document) or `github`."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    errors = sum(f.level is Level.ERROR for f in findings)
    warnings = len(findings) - errors
    if fmt == "json":
        document = {
            "errors": errors,
            "warnings": warnings,
            "findings": [
                {
                    "file": f.file or (str(path) if path else None),
                    "line": f.line,
                    "level": str(f.level),
                    "code": f.code,
                    "event": f.event,
                    "message": f.message,
                }
                for f in findings
            ],
        }
        return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    out = []
    for f in findings:
        file = f.file or (str(path) if path else "<timeline>")
        if fmt == "github":
            props = f"file={_escape_property(file)}" + (f",line={f.line}" if f.line else "")
            props += f",title={_escape_property(f'chrono {f.code}')}"
            out.append(f"::{f.level} {props}::{_escape_data(f.message)}")
        else:
            place = f"{file}:{f.line}" if f.line else file
            out.append(f"{place}: {f.level} {f.code} {f.message}")
    if fmt == "text" and path is not None:
        out.append(f"{path}: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}")
    return "".join(line + "\n" for line in out)
