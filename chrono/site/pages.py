"""Timeline → Markdown pages (path relative to the docs folder → text), rendered with Jinja2.

Every `{{ value }}` a template prints goes through `inert` (the environment's `finalize`), so no
input text can become Markdown, HTML or a link; only helpers below return trusted markup.
"""

from __future__ import annotations

import functools
import posixpath
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, TemplateError
from markupsafe import Markup

from chrono.entities import Entity, EntityRecognizer, collect_entities
from chrono.errors import RenderError
from chrono.models import ArticleInfo, Event, Timeline
from chrono.site.charts import events_chart
from chrono.site.dates import date_label, first_day, granularity, span_label
from chrono.site.mkdocs_hooks import RAW_END, RAW_START
from chrono.site.text import http_url, inert, safe_anchor, slug, toc_label

MONTH_SPLIT = 30  # a year with more events than this gets one page per month
PAGE_EVENTS = 500  # a longer month is cut into parts: page size, not corpus size, bounds a page's cost
TOC_EVENTS = 100  # pages with more events get no table of contents (see _event.md.j2)
# Above this many events the timeline, sources and entities pages stay out of the search index: it
# grows by ~1 MB per 1,000 events and the browser must load all of it (field notes, "Static site").
SEARCH_EVENTS = 20_000
ENTITY_EVENTS = 50  # events listed under one name on the entities page
STATIC_FILES = ("chrono.css",)  # copied from the templates folder to assets/


@dataclass(frozen=True, slots=True)
class Period:
    """One timeline page: a month, a year, the year-only events of a split year, or the undated ones."""

    key: str
    title: str
    events: list[Event] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"timeline/{self.key}.md"


def default_templates_dir() -> Path:
    """The installed wheel's chrono/templates, else the repository's top-level templates/."""
    packaged = Path(__file__).resolve().parents[1] / "templates"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "templates"


def environment(templates_dir: Path | None = None) -> Environment:
    """Jinja2 for Markdown pages; a user folder overrides single templates of the default set."""
    if templates_dir is not None and not templates_dir.is_dir():
        raise RenderError(f"{templates_dir}: templates folder not found")
    loaders = [FileSystemLoader(templates_dir)] if templates_dir else []
    loaders.append(FileSystemLoader(default_templates_dir()))
    return Environment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=inert,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def periods(timeline: Timeline) -> list[Period]:
    """Events by year, or by month in years with many events; undated events last."""
    by_year: dict[int, list[Event]] = defaultdict(list)
    undated = []
    for event in timeline.events:
        if event.date is None:
            undated.append(event)
        else:
            by_year[first_day(event.date).year].append(event)
    pages: dict[str, Period] = {}
    for year, events in sorted(by_year.items()):
        for event in events:
            key = str(year)
            if len(events) > MONTH_SPLIT and granularity(event.date or "") != "year":
                key = f"{first_day(event.date or '').isoformat()[:7]}"
            title = _period_title(key, split=len(events) > MONTH_SPLIT)
            pages.setdefault(key, Period(key, title)).events.append(event)
    ordered = [pages[key] for key in sorted(pages)]  # "2022" (year-only) before "2022-01"
    ordered += [Period("undated", "Undated events", undated)] if undated else []
    return [part for period in ordered for part in _parts(period)]


def _parts(period: Period) -> list[Period]:
    """The period itself, or its parts of PAGE_EVENTS events: "2022-03", "2022-03-p2", ..."""
    count = -(-len(period.events) // PAGE_EVENTS)
    if count <= 1:
        return [period]
    return [
        Period(
            period.key + (f"-p{n + 1}" if n else ""),
            f"{period.title} (part {n + 1} of {count})",
            period.events[n * PAGE_EVENTS : (n + 1) * PAGE_EVENTS],
        )
        for n in range(count)
    ]


def _period_title(key: str, *, split: bool) -> str:
    if "-" in key:
        return date_label(key)
    return f"{key}: events dated only by year" if split else key


@dataclass(frozen=True)  # no slots: `entities` is a cached property
class Site:
    """What every template can see: the timeline and lookups derived from it."""

    timeline: Timeline
    periods: list[Period]
    recognizer: EntityRecognizer | None
    articles: dict[str, ArticleInfo]
    page_of: dict[str, str]  # event id → page path
    events_by_id: dict[str, Event]
    by_article: dict[str, list[Event]]  # article id → its events, in timeline order
    warnings_by_article: dict[str, list[str]]  # article id → the warnings that name it
    directory_urls: bool

    @functools.cached_property
    def entities(self) -> list[Entity]:
        """Names in the events' sentences; found only by the page that lists them (in its own worker)."""
        return collect_entities(self.timeline, self.recognizer)

    def outlets(self) -> list[str]:
        return sorted({a.source for a in self.timeline.articles if a.source})

    def date_range(self) -> str:
        dated = [e for e in self.timeline.events if e.date]
        if not dated:
            return "no dated events"
        last = max(dated, key=lambda e: first_day(e.date_end or e.date or ""))
        return f"{date_label(dated[0].date)} to {date_label(last.date_end or last.date)}"

    def articles_in_order(self) -> list[ArticleInfo]:
        """By publish date, then id; undated articles last."""
        return sorted(self.timeline.articles, key=lambda a: (a.published is None, a.published or "", a.id))

    def article_warnings(self, article_id: str) -> list[str]:
        return self.warnings_by_article.get(article_id, [])

    def events_of_article(self, article_id: str) -> list[Event]:
        return self.by_article.get(article_id, [])


def _events_by_article(timeline: Timeline) -> dict[str, list[Event]]:
    out: dict[str, list[Event]] = defaultdict(list)
    for event in timeline.events:
        for article_id in dict.fromkeys(m.article for m in event.mentions):
            out[article_id].append(event)
    return out


def _warnings_by_article(timeline: Timeline) -> dict[str, list[str]]:
    """Warnings naming an article (" <id>:" or ending in " <id>"), found without trying every
    article on every warning: the candidates are the pieces between a space and a colon or the end."""
    ids = {a.id for a in timeline.articles}
    out: dict[str, list[str]] = defaultdict(list)
    for warning in timeline.warnings:
        spaces = [i for i, c in enumerate(warning) if c == " "]
        ends = [i for i, c in enumerate(warning) if c == ":"] + [len(warning)]
        found = {warning[s + 1 : e] for s in spaces for e in ends if e > s} & ids
        for article_id in sorted(found):
            out[article_id].append(warning)
    return out


def _helpers(site: Site, here: str) -> dict[str, Callable[..., object]]:
    """Template functions bound to the page being rendered (links are relative to it)."""

    @functools.cache  # a page links to few other pages, many times each
    def relative(path: str) -> str:
        return "" if path == here else posixpath.relpath(path, posixpath.dirname(here) or ".")

    def rel(path: str, anchor: str = "") -> Markup:
        return Markup(relative(path) + (f"#{anchor}" if anchor else ""))

    def event_href(event: Event) -> Markup:
        return rel(site.page_of[event.id], safe_anchor(event.id))

    def event_url(event: Event) -> Markup:
        """An event's link for raw HTML (which MkDocs neither rewrites nor checks)."""
        return Markup(f"{url_of(site.page_of[event.id])}#{safe_anchor(event.id)}")

    def article_href(article_id: str) -> Markup:
        return rel("sources.md", slug(article_id, "art"))

    def article_url(article_id: str) -> Markup:
        return Markup(f"{url_of('sources.md')}#{slug(article_id, 'art')}")

    def link(url: str | None, text: object) -> Markup:
        safe = http_url(url)
        return Markup(f'<a href="{inert(safe)}">{inert(text)}</a>') if safe else inert(text)

    @functools.cache
    def url_of(path: str) -> str:
        """A page's URL from this one (an index page), for raw HTML that MkDocs does not rewrite."""
        base, stem = posixpath.dirname(here) or ".", path.removesuffix(".md")
        if site.directory_urls:
            stem = stem.removesuffix("index").rstrip("/")
            return posixpath.relpath(stem or ".", base) + "/"
        return posixpath.relpath(stem + ".html", base)

    return {
        "rel": rel,
        "event_href": event_href,
        "event_url": event_url,
        "article_href": article_href,
        "article_url": article_url,
        "link": link,
        "url_of": url_of,
        "anchor": lambda event: Markup(safe_anchor(event.id)),
        "toc_label": lambda event: toc_label(span_label(event.date, event.date_end), event.summary),
        "slug": lambda name, prefix: Markup(slug(name, prefix)),
    }


def _chart_href(site: Site, url_of: Callable[[str], str]) -> Callable[..., str]:
    paths = {p.key: p.path for p in site.periods}

    def href(day: object, unit: str) -> str:
        month = f"{day}"[:7]  # a bar's month page, else its year page
        return url_of(paths.get(month) or paths.get(month[:4]) or "timeline/index.md")

    return href


class PageRenderer:
    """The Markdown pages of the site: which there are, and each one's text on demand (so that worker
    processes forked after `__init__` can share the prepared lookups and render pages in parallel)."""

    def __init__(
        self,
        timeline: Timeline,
        *,
        templates_dir: Path | None = None,
        directory_urls: bool = False,
        recognizer: EntityRecognizer | None = None,
    ) -> None:
        env = environment(templates_dir)
        env.filters.update(label=date_label, span=lambda e: span_label(e.date, e.date_end))
        env.globals.update(
            searched=len(timeline.events) <= SEARCH_EVENTS,
            toc_events=TOC_EVENTS,
            entity_events=ENTITY_EVENTS,
            raw_start=Markup(RAW_START),
            raw_end=Markup(RAW_END),
        )
        pages_list = periods(timeline)
        self.env = env
        self.site = Site(
            timeline=timeline,
            periods=pages_list,
            recognizer=recognizer,
            articles={a.id: a for a in timeline.articles},
            page_of={e.id: p.path for p in pages_list for e in p.events},
            events_by_id={e.id: e for e in timeline.events},
            by_article=_events_by_article(timeline),
            warnings_by_article=_warnings_by_article(timeline),
            directory_urls=directory_urls,
        )
        # page path → (template, its own variables); the longest jobs first, for a pool to start early
        self.jobs: dict[str, tuple[str, dict[str, object]]] = {
            name: (f"{name}.j2", {}) for name in ("entities.md", "sources.md", "review.md")
        }
        self.jobs |= {"index.md": ("index.md.j2", {}), "timeline/index.md": ("periods.md.j2", {})}
        self.jobs |= {p.path: ("period.md.j2", {"period": p}) for p in pages_list}

    @property
    def paths(self) -> list[str]:
        return list(self.jobs)

    def render(self, path: str) -> str:
        template, extra = self.jobs[path]
        helpers = _helpers(self.site, path)
        if path == "index.md":
            dates = [e.date for e in self.site.timeline.events if e.date]
            extra = {"chart": events_chart(dates, _chart_href(self.site, helpers["url_of"]))}  # type: ignore[arg-type]
        try:
            return self.env.get_template(template).render(site=self.site, **helpers, **extra)
        except TemplateError as error:
            where = getattr(error, "filename", None) or template
            line = getattr(error, "lineno", None)
            raise RenderError(
                f"{where}{f':{line}' if line else ''}: template error: {error.message}"
            ) from None


def render_pages(timeline: Timeline, *, templates_dir: Path | None = None) -> dict[str, str]:
    """Every Markdown page of the site, keyed by its path inside the docs folder."""
    renderer = PageRenderer(timeline, templates_dir=templates_dir)
    return {path: renderer.render(path) for path in renderer.paths}


def static_files(templates_dir: Path | None = None) -> dict[str, bytes]:
    """CSS the pages need, from the user's templates folder first (path inside docs → bytes)."""
    folders = ([templates_dir] if templates_dir else []) + [default_templates_dir()]
    out = {}
    for name in STATIC_FILES:
        source = next(f / name for f in folders if (f / name).is_file())
        out[f"assets/{name}"] = source.read_bytes()
    return out
