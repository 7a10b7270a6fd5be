"""Stage 1, ingest: INPUT files and folders → Articles with metadata, text as read and cleaned text.

`iter_articles` streams; the per-file work is `read_file`, self-contained so it can run in a
worker process. Every failure is a `Problem` naming the file (and line); nothing raises.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from chrono.errors import Level, Problem
from chrono.ingest.article import Article, CleanText
from chrono.ingest.clean import clean_text
from chrono.ingest.discover import FileTask, discover
from chrono.ingest.readers import MAX_FILE_BYTES, read_file

__all__ = [
    "MAX_FILE_BYTES",
    "Article",
    "CleanText",
    "FileTask",
    "clean_text",
    "iter_articles",
    "read_articles",
    "read_file",
]


def iter_articles(inputs: Sequence[Path]) -> Iterator[Article | Problem]:
    """Articles and problems, file by file in a stable order; a repeated id keeps the first article."""
    seen: set[str] = set()
    for task in discover(inputs):
        if isinstance(task, Problem):
            yield task
            continue
        for item in read_file(task):
            if isinstance(item, Article):
                if item.id in seen:
                    yield Problem(
                        Level.WARNING, item.path, f"duplicate article id {item.id!r}; kept the first"
                    )
                    continue
                seen.add(item.id)
            yield item


def read_articles(inputs: Sequence[Path]) -> tuple[list[Article], list[Problem]]:
    """All articles, sorted by id, and every problem met reading them."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in iter_articles(inputs):
        (articles if isinstance(item, Article) else problems).append(item)  # type: ignore[arg-type]
    articles.sort(key=lambda a: a.id)
    return articles, problems
