"""One article file → Articles (or Problems): decoding, the forms of contract section 2, metadata precedence.

`read_file` is self-contained per file so it can run in a worker process.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import orjson

from chrono.errors import InputError, Level, Problem
from chrono.ingest.article import Article
from chrono.ingest.clean import clean_text
from chrono.ingest.dates import dateline_day, nearest_year, parse_date, split_date_line
from chrono.ingest.discover import FileTask, LineRange
from chrono.ingest.meta import Meta, meta_from_fields

# Files past this size are refused rather than read: no news article is near it, and it bounds memory.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_FILE_TEXT = f"{MAX_FILE_BYTES // (1024 * 1024)} MB"
# A JSONL file is one task for one worker, which holds all its results: past this many lines it is
# refused (counted up front, ~0.1 s for a million lines) rather than read for minutes into gigabytes.

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# An id is cited in one-line messages and in pages: a line break or NUL in it would forge or cut a line.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)


@cache
def _yaml_loader() -> Any:
    """A SafeLoader that leaves timestamps as strings, so a UTC offset reaches `parse_date` as written."""
    import yaml  # lazy: only Markdown with front matter needs it

    class PlainLoader(yaml.SafeLoader):
        yaml_implicit_resolvers = {
            key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
            for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }

    return PlainLoader


def read_file(task: FileTask) -> Iterator[Article | Problem]:
    """Read one article file; every failure is a Problem naming the file (and line), never a raise."""
    where = str(task.path)
    suffix = task.path.suffix.lower()
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl(task, where)
            return
        text = decode(_read_bytes(task.path), declared=suffix in (".html", ".htm"))
        if suffix in (".html", ".htm"):
            from chrono.ingest.html import read_html

            text, own = read_html(text)
            yield from _article(task.id, where, text, own, task.sidecar)
        elif suffix in (".md", ".markdown"):
            text, own, problems = _front_matter(text, where)
            yield from problems
            yield from _article(task.id, where, text, own, task.sidecar)
        else:
            yield from _article(task.id, where, text, Meta(), task.sidecar)
    except InputError as exc:
        yield Problem(Level.WARNING, where, f"{exc}; skipped")
    except OSError as exc:
        yield Problem(Level.WARNING, where, f"cannot read file: {exc.strerror or exc}; skipped")


def decode(data: bytes, *, declared: bool = False) -> str:
    """Text of a file: UTF-8 (a BOM may say UTF-8/16/32); binary or invalid UTF-8 is an InputError.

    With `declared` (HTML), a `charset` the page declares is honoured when it is not UTF-8.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _non_empty(data.decode(encoding))
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {encoding.upper()} at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not text")
    try:
        return _non_empty(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        charset = _declared_charset(data) if declared else None
        if charset is None:
            raise InputError(f"not valid UTF-8 at byte {exc.start}") from None
        return _non_empty(data.decode(charset, errors="replace"))


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(f"file is {size / 1024 / 1024:.1f} MB, over the {MAX_FILE_TEXT} limit")
    return path.read_bytes()


def _non_empty(text: str) -> str:
    if not text.strip():
        raise InputError("empty file")
    return text


def _declared_charset(data: bytes) -> str | None:
    match = re.search(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", data[:4096])
    if match is None:
        return None
    try:
        return codecs.lookup(match[1].decode("ascii")).name
    except LookupError:
        return None


def _front_matter(text: str, where: str) -> tuple[str, Meta, list[Problem]]:
    match = _FRONT_MATTER.match(text)
    if match is None:
        return text, Meta(), []
    import yaml

    body = text[match.end() :]
    try:
        fields = yaml.load(match["yaml"], Loader=_yaml_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None  # +1 for 1-based, +1 for the opening ---
        reason = getattr(exc, "problem", None) or "invalid YAML"
        warning = f"front matter is not valid YAML ({reason}); read as key: value lines"
        meta, problems = meta_from_fields(_plain_fields(match["yaml"]), "front matter", where)
        return body, meta, [Problem(Level.WARNING, where, warning, line), *problems]
    if fields is None:
        return body, Meta(), []
    if not isinstance(fields, dict):
        return body, Meta(), [Problem(Level.WARNING, where, "front matter is not a mapping; ignored", 2)]
    meta, problems = meta_from_fields(fields, "front matter", where)
    return body, meta, problems


_PLAIN_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$", re.M)


def _plain_fields(block: str) -> dict[str, str]:
    """Front matter YAML refuses, read as hand-written `key: rest of line` (an unquoted colon in a
    title is the usual slip), so one bad value does not cost the article its date."""
    return {found["key"]: found["value"].strip("\"'") for found in _PLAIN_FIELD.finditer(block)}


def _read_jsonl(task: FileTask, where: str) -> Iterator[Article | Problem]:
    """The file's records in order; an undated one opening with a year-less dateline is dated by it
    in the year of the file's other items (`_dateline_dated`), so articles from it on wait for the end."""
    seen = False
    published: set[date] = set()
    waiting: list[Article] = []
    for number, line in _jsonl_lines(task.path, task.lines):
        if line is None:
            yield Problem(Level.WARNING, where, "not valid UTF-8; line skipped", number)
            continue
        if not line.strip():
            continue
        seen = True
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield Problem(Level.WARNING, where, f"not JSON ({exc.msg}); line skipped", number)
            continue
        if not isinstance(record, dict):
            yield Problem(Level.WARNING, where, "not a JSON object; line skipped", number)
            continue
        record_id, text = record.get("id"), record.get("text")
        if (
            not isinstance(record_id, str | int)
            or isinstance(record_id, bool)
            or str(record_id).strip() == ""
        ):
            yield Problem(Level.WARNING, where, 'no "id" (string or number); line skipped', number)
            continue
        if _CONTROL.search(str(record_id)):
            yield Problem(Level.WARNING, where, '"id" has control characters; line skipped', number)
            continue
        if not isinstance(text, str) or not text.strip():
            yield Problem(Level.WARNING, where, 'no "text" (non-empty string); line skipped', number)
            continue
        own, problems = meta_from_fields(record, "jsonl", where, number)
        yield from problems
        for item in _article(f"{task.id}#{record_id}", f"{where}:{number}", text, own, task.sidecar):
            if isinstance(item, Problem):
                yield item
                continue
            if item.published is not None:
                published.add(item.published)
            if waiting or (item.published is None and dateline_day(item.text)):
                waiting.append(item)
            else:
                yield item
    for article in waiting:
        yield _dateline_dated(article, published, task.path.name)
    if not seen and task.lines is None:  # a part of a big file may be blank; the file is not empty
        yield Problem(Level.WARNING, where, "empty file; skipped")


def _dateline_dated(article: Article, published: set[date], file_name: str) -> Article:
    """An undated wire item "PORTH ORRAN, May 19 (Tarn Press) - …" filed on that day, in the year
    that puts it nearest to the publish dates of the other items of its file."""
    found = dateline_day(article.text) if article.published is None else None
    day = nearest_year(found[1], found[2], published) if found else None
    if found is None or day is None:
        return article
    origin = f"dateline {found[0]!r}, year of {file_name}'s other items"
    return replace(article, published=day, published_from=origin)


def _jsonl_lines(path: Path, lines: LineRange | None) -> Iterator[tuple[int, str | None]]:
    """Numbered lines (None: not UTF-8) of the file or of its part, streamed so that a big JSONL
    file is never held whole."""
    with path.open("rb") as stream:
        head = stream.read(8192)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)):
            yield from enumerate(decode(_read_bytes(path)).splitlines(), start=1)
            return
        if b"\x00" in head:
            raise InputError("binary file, not text")
        start, end, number = (lines.start, lines.end, lines.first - 1) if lines else (0, None, 0)
        if start == 0 and head.startswith(codecs.BOM_UTF8):
            start = len(codecs.BOM_UTF8)
        stream.seek(start)
        while (end is None or stream.tell() < end) and (raw := stream.readline(MAX_FILE_BYTES + 1)):
            number += 1  # bounded readline: a 1 GB line is never read whole
            if len(raw) > MAX_FILE_BYTES:
                raise InputError(f"line {number} is over the {MAX_FILE_TEXT} limit")
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError:
                yield number, None


def _article(
    article_id: str, where: str, text: str, own: Meta, sidecar: Meta | None
) -> Iterator[Article | Problem]:
    """Apply the publish-date precedence (sidecar, own metadata, date line) and clean the text."""
    from_line: Meta | None = None
    found = split_date_line(text)
    if found is not None:
        value, end = found
        try:
            from_line = Meta(published=parse_date(value), published_from="date line")
            text = text[end:]
        except ValueError as exc:
            yield Problem(Level.WARNING, where, f"date line: {exc}; ignored")
    if not text.strip():  # front matter or a date line and nothing else
        yield Problem(Level.WARNING, where, "no article text after the metadata; skipped")
        return
    layers = [m for m in (sidecar, own, from_line) if m is not None]
    dated = next((m for m in layers if m.published is not None), None)
    yield Article(
        id=article_id,
        path=where,
        text=text,
        clean=clean_text(text),
        title=next((m.title for m in layers if m.title), None),
        source=next((m.source for m in layers if m.source), None),
        url=next((m.url for m in layers if m.url), None),
        published=dated.published if dated else None,
        published_from=dated.published_from if dated else None,
    )
