"""A big corpus' mention strings, kept on disk while its mentions are merged.

A mention's text, summary and explanation are two fifths of its memory, yet the merge reads them
only for the few pairs it scores closely and when it builds the events. With a big corpus the
pipeline keeps them here (`Spool.stripped`) and the merge reads them back (`strings`): one record
per article in an unnamed temporary file, read with `pread`, so processes forked during the merge
read it too, and the pages stay the system's cache, not anyone's memory. The file goes in the
cache folder when there is one, else in /var/tmp: /tmp is often memory itself (tmpfs).
"""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from chrono.errors import ChronoError

if TYPE_CHECKING:
    from chrono.events import EventMention

RECORDS_CACHED = 256  # articles' records kept unpickled per process: an event's mentions are near in order

Strings = tuple[str, str, str]  # text, summary, explanation


DISK_TEMP = Path("/var/tmp")  # temporary files on disk by convention (/tmp is often memory: tmpfs)


class Spool:
    """Mentions' strings by article, in an unnamed temporary file in `folder` (None: on disk where
    the system keeps such files)."""

    def __init__(self, folder: Path | None = None) -> None:
        try:
            if folder is not None:
                folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            folder = None  # an unwritable cache folder (the cache warns of it itself)
        if folder is None and DISK_TEMP.is_dir() and os.access(DISK_TEMP, os.W_OK):
            folder = DISK_TEMP
        try:
            self._file = tempfile.TemporaryFile(prefix="chrono-spool-", dir=folder)
        except OSError as exc:
            raise ChronoError(f"cannot make a temporary file for the merge: {exc}") from None
        self._end = 0
        self._where: dict[str, tuple[int, int]] = {}
        self._record = lru_cache(maxsize=RECORDS_CACHED)(self._read)

    def stripped(self, article: str, mentions: Sequence[EventMention | None]) -> list[EventMention | None]:
        """The article's mentions without their strings, which are written here (None, a mention
        an incremental merge has not loaded, stays None)."""
        record = {(m.start, m.part): (m.text, m.summary, m.explanation) for m in mentions if m is not None}
        data = pickle.dumps(record, pickle.HIGHEST_PROTOCOL)
        try:
            os.pwrite(self._file.fileno(), data, self._end)
        except OSError as exc:
            raise ChronoError(f"cannot write the merge's temporary file: {exc}") from None
        self._where[article] = (self._end, len(data))
        self._end += len(data)
        return [None if m is None else m.stripped() for m in mentions]

    def strings(self, m: EventMention) -> Strings:
        said = self._record(m.article).get((m.start, m.part)) if m.article in self._where else None
        return said or (m.text, m.summary, m.explanation)

    def _read(self, article: str) -> dict[tuple[int, int], Strings]:
        at, size = self._where[article]
        record: dict[tuple[int, int], Strings] = pickle.loads(os.pread(self._file.fileno(), size, at))
        # Explanations interned again, as the mentions had them: the events keep them, and a
        # corpus repeats them (at 100k articles a copy each took 0.1 GB).
        return {place: (said, summary, sys.intern(why)) for place, (said, summary, why) in record.items()}

    def close(self) -> None:
        self._file.close()


_active: Spool | None = None


@contextmanager
def spooling(spool: Spool | None) -> Iterator[None]:
    """While inside, `strings` reads the mentions `spool` stripped (in forked processes too)."""
    global _active
    before, _active = _active, spool
    try:
        yield
    finally:
        _active = before


def strings(m: EventMention) -> Strings:
    """A mention's text, summary and explanation, from the active spool if it was stripped (its
    text is empty: no mention has an empty text)."""
    if m.text or _active is None:
        return m.text, m.summary, m.explanation
    return _active.strings(m)


def text(m: EventMention) -> str:
    """A mention's text (see `strings`)."""
    return m.text or strings(m)[0]
