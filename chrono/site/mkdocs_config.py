"""The small generated mkdocs.yml and a strict in-process `mkdocs build`."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from pathlib import Path

import yaml

from chrono.errors import RenderError
from chrono.site.pages import Period

NAV_PERIODS = 24  # more period pages stay out of the nav: a full nav makes material's build quadratic

# Python-Markdown extensions the pages use: collapsible "why this date" (admonition + details),
# heading ids equal to event ids (attr_list), and permalinks on headings (toc).
MARKDOWN_EXTENSIONS: list[object] = [
    "admonition",
    "pymdownx.details",
    "attr_list",
    {"toc": {"permalink": True}},
]


def nav(periods: list[Period]) -> list[object]:
    """Home, the timeline (with its periods when there are few), sources, review, entities."""
    timeline: list[object] = [{"Overview": "timeline/index.md"}]
    if len(periods) <= NAV_PERIODS:
        timeline += [{p.title: p.path} for p in periods]
    return [
        {"Home": "index.md"},
        {"Timeline": timeline},
        {"Sources": "sources.md"},
        {"Review": "review.md"},
        {"People, organisations, places": "entities.md"},
    ]


def mkdocs_config(periods: list[Period], docs_dir: Path, site_dir: Path) -> dict[str, object]:
    """An offline material site: no web fonts, no CDN, no analytics; every link validated."""
    return {
        "site_name": "Chronology",
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        # Plain .html URLs: pages also open from the file system, and raw-HTML links are predictable.
        "use_directory_urls": False,
        "theme": {"name": "material", "font": False, "features": ["search.highlight", "navigation.top"]},
        "plugins": ["search"],
        "hooks": [str(Path(__file__).with_name("mkdocs_hooks.py"))],
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        "extra_css": ["assets/chrono.css"],
        "nav": nav(periods),
        "not_in_nav": "/timeline/*.md",
        "validation": {
            "omitted_files": "warn",
            "absolute_links": "warn",
            "unrecognized_links": "warn",
            "anchors": "warn",
        },
    }


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _build_date(day: date) -> Iterator[None]:
    """MkDocs stamps the sitemap with its build date unless SOURCE_DATE_EPOCH says otherwise
    (reproducible-builds.org); a date chosen by the caller keeps the site byte-identical."""
    if "SOURCE_DATE_EPOCH" in os.environ:  # the user's own reproducible-build date wins
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(int(datetime.combine(day, time(0), tzinfo=UTC).timestamp()))
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


def run_mkdocs(config: dict[str, object], config_file: Path, build_date: date) -> None:
    """Write mkdocs.yml and build it with --strict; any MkDocs warning becomes a RenderError.
    `build_date` is the date MkDocs writes into the sitemap."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    config_file.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)  # also keeps MkDocs' INFO chatter off stderr (no lastResort handler)
    try:
        with _build_date(build_date):
            build(load_config(str(config_file), strict=True))
    except MkDocsException as error:
        detail = "; ".join(collect.messages) or str(error)
        raise RenderError(f"{config_file}: mkdocs build failed: {detail}") from None
    finally:
        logger.removeHandler(collect)
