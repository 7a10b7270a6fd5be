"""The article every later stage reads: its metadata, the text as read, and its cleaned text."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from chrono.models import ArticleInfo


@dataclass(frozen=True, slots=True)
class CleanText:
    """Article text with page junk dropped and broken words rejoined, mapped back to the raw text.

    `text` is what later stages read. `match_text` has the same length with curly quotes and
    dashes made plain, for pattern matching; offsets are shared. `starts[i]`/`raw_starts[i]`
    say that the run of clean text beginning at `starts[i]` copies raw text from `raw_starts[i]`
    on, until the next run; this is how any clean offset maps back to the text as read.
    """

    text: str
    match_text: str
    starts: tuple[int, ...]
    raw_starts: tuple[int, ...]

    def to_raw(self, offset: int) -> int:
        """Offset in the text as read for an offset in the cleaned text."""
        run = bisect_right(self.starts, offset) - 1
        if run < 0:
            return offset
        return self.raw_starts[run] + (offset - self.starts[run])


@dataclass(frozen=True, slots=True)
class Article:
    """One article after ingest. Offsets in the timeline index into `text` (metadata removed)."""

    id: str
    path: str
    text: str
    clean: CleanText
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    published_from: str | None = None
    notes: tuple[str, ...] = field(default=())

    def info(self) -> ArticleInfo:
        """The article as the timeline JSON cites it."""
        return ArticleInfo(
            id=self.id,
            title=self.title,
            source=self.source,
            url=self.url,
            published=self.published.isoformat() if self.published else None,
            published_from=self.published_from,
        )
