"""The extract pipeline, top to bottom: ingest → temporal → events → merge → timeline."""

from __future__ import annotations

import gc
from array import array
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from chrono.errors import Level, Problem
from chrono.ingest.discover import FileTask, discover
from chrono.models import ArticleInfo, Event, Timeline

if TYPE_CHECKING:
    from chrono.cache import ResultCache
    from chrono.events import EventMention
    from chrono.incremental import MergeStore, Skeleton
    from chrono.merge import EventRecord, MentionRecord
    from chrono.parallel import Ahead
    from chrono.spool import Spool


ARTICLE_BYTES = 4096  # a typical news article with its metadata, as a JSONL record
SPOOL_ARTICLES = 20_000  # articles from which the mentions' strings wait on disk (about 80 MB of them)
JSON_EVENTS = 4096  # events written to JSON per task (about 5 MB) ...
PARALLEL_JSON = 50_000  # ... by forked workers from this many events on (below, forking costs more)


@dataclass(frozen=True)
class ExtractResult:
    """The timeline and every problem met on the way (already in `timeline.warnings` too).

    The events stay the merge's compact records until asked for: `json_parts` writes them one
    at a time, while `timeline` makes the contract's models of them all at once (a big corpus'
    models would take gigabytes). With an editor's overrides they are models from the start.
    """

    head: Timeline  # the articles and warnings; the events too when `records` is None
    records: Sequence[EventRecord | KeptEvent] | None
    problems: list[Problem]
    merge: str = "whole: no cache"  # how the merge ran, and why (`chrono.incremental`)
    jobs: int = 1  # forked workers that may write the records' JSON (as the merge's)

    @cached_property
    def timeline(self) -> Timeline:
        if self.records is None:
            return self.head
        return self.head.model_copy(update={"events": [event.model() for event in self.records]})

    def json_parts(self) -> Iterator[bytes]:
        """The timeline JSON's canonical bytes in pieces (`export.timeline_json_parts`), a big
        timeline's events dumped by `jobs` forked workers, a few pieces ahead of the writing."""
        from chrono.export import framed_json, timeline_json_parts
        from chrono.parallel import fork_imap

        if self.records is None:
            return timeline_json_parts(self.head)
        count = len(self.records)
        spans = [(start, min(count, start + JSON_EVENTS)) for start in range(0, count, JSON_EVENTS)]
        dumped = count - sum(isinstance(event, KeptEvent) for event in self.records)  # kept: bytes already
        workers = self.jobs if dumped >= PARALLEL_JSON else 1
        return framed_json(self.head, fork_imap(_events_json, self.records, spans, workers, 2 * workers))


def _events_json(records: Sequence[EventRecord | KeptEvent], span: tuple[int, int]) -> bytes:
    """The JSON of records start:stop (`export.event_json`), straight from the records: making
    each one's model only to dump it was most of the time. A kept event's are its own."""
    from chrono.export import EVENT_SEPARATOR

    start, stop = span
    return EVENT_SEPARATOR.join(KeptEvent.of(event).json for event in records[start:stop])


class KeptEvent:
    """An event a merge state kept from an earlier run (`chrono.incremental`), as the timeline
    JSON holds it (`export.event_json`), with what sorting the events asks of it: most of a
    rebuild's events, read as bytes and written as they are (a tenth of the time of unpickling
    their records and dumping them again). Its record is made when more is asked (an undated
    one's first article, a site's models: `record`)."""

    __slots__ = ("_record", "date", "id", "json")

    def __init__(self, id: str, date: str | None, json: bytes) -> None:  # noqa: A002 - the event's
        self.id, self.date, self.json = id, date, json
        self._record: EventRecord | None = None

    @staticmethod
    def of(event: EventRecord | KeptEvent) -> KeptEvent:
        """The event as one kept: a record dumped (`export.event_json`)."""
        from chrono.export import event_json

        if isinstance(event, KeptEvent):
            return event
        return KeptEvent(event.id, event.date, event_json(event.dump()))

    def record(self) -> EventRecord:
        """The merge's record of the event, read back from its JSON."""
        import orjson

        from chrono.events import TimexRef
        from chrono.merge import EventRecord, MentionRecord

        if self._record is None:
            data = orjson.loads(self.json)
            mentions = tuple(
                MentionRecord(**m | {"timex": m["timex"] and TimexRef(**m["timex"])})
                for m in data["mentions"]
            )
            plain = {k: data[k] for k in ("id", "date", "date_end", "summary", "future", "conflict")}
            reasons = tuple(data["merge_reasons"])
            self._record = EventRecord(**plain, mentions=mentions, merge_reasons=reasons)
        return self._record

    @property
    def mentions(self) -> tuple[MentionRecord, ...]:
        return self.record().mentions

    def model(self) -> Event:
        return self.record().model()


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What the merge needs of one article: how it is cited and its event mentions (not its text)."""

    info: ArticleInfo
    path: str  # where it was read (file, or file:line of a JSONL record), for problems
    mentions: tuple[EventMention, ...]


# One file's results in file order: a JSONL file holds many articles, any file may add problems.
FileResult = tuple[ArticleResult | Problem, ...]
# Runs stages 1-3 on files and yields their results in order (in workers, or on a Dask cluster).
Run = Callable[[Sequence[FileTask]], Iterator[FileResult]]


def process_file(task: FileTask) -> FileResult:
    """Stages 1-3 for one file; self-contained and picklable, so a worker process can run it."""
    from chrono.events import extract_events
    from chrono.ingest import read_file
    from chrono.temporal import tag

    out: list[ArticleResult | Problem] = []
    # Stage 1: ingest. An unreadable file or record becomes a problem; the other articles go on.
    for article in read_file(task):
        if isinstance(article, Problem):
            out.append(article)
            continue
        # Stage 2: temporal tagging of the cleaned text, anchored at the article's publish date.
        timexes = tag(article.clean.match_text, article.published)
        # Stage 3: events. Each reporting sentence (or dated clause), dated by its own expression or context.
        out.append(ArticleResult(article.info(), article.path, tuple(extract_events(article, timexes))))
    return tuple(out)


def work_units(task: FileTask) -> int:
    """About how many articles' work a task is: one for a file, more for a part of a big JSONL file."""
    return 1 if task.lines is None else max(1, (task.lines.end - task.lines.start) // ARTICLE_BYTES)


def extract(
    inputs: Sequence[Path],
    *,
    jobs: int | None = None,
    executor: str = "local",
    scheduler: str | None = None,
    cache_dir: Path | None = None,
    progress: bool = False,
) -> ExtractResult:
    """Run the whole pipeline on INPUT files and directories.

    Files are read, tagged and their events extracted by `jobs` worker processes (None: every
    core; small inputs run in this process) or on a Dask cluster (`executor="dask"`, at
    `scheduler` or a local one); the merge runs on this machine (a big one in `jobs` forked
    workers). With `cache_dir`, each file's result is cached by content, so a rebuild re-extracts
    only new or edited files. The output is the same bytes whatever the executor, the number of
    jobs or the cache.
    """
    from chrono.parallel import available_cores, map_tasks

    def run(todo: Sequence[FileTask]) -> Iterator[FileResult]:
        return map_tasks(
            process_file, todo, jobs=jobs, executor=executor, scheduler=scheduler, units=work_units
        )

    # The merge forks workers of its own on this machine; never beside a Dask client's threads.
    merge_jobs = (jobs or available_cores()) if executor == "local" else 1
    with _gc_paused(), _worker_ahead(cache_dir is not None and executor == "local") as worker:
        return _extract(inputs, run, cache_dir, progress, merge_jobs, worker)


def _extract(
    inputs: Sequence[Path],
    run: Run,
    cache_dir: Path | None,
    progress: bool,
    merge_jobs: int,
    worker: Ahead | None,
) -> ExtractResult:
    found = list(discover(inputs))
    tasks = [item for item in found if isinstance(item, FileTask)]
    how = "whole: no cache"
    # A big corpus' mention strings wait on disk until their events are built (`chrono.spool`).
    with _spool_for(tasks, cache_dir) as spool:
        if cache_dir is None:
            with _progress_bar(len(tasks), progress) as bar:
                infos, mentions, _, problems = _collect(found, run(tasks), bar.update, spool, _merge_ready)
            from chrono.merge import handed_over, merge_records

            # Stage 4: merge. Reports of one happening from several articles become one event.
            # The list hands its mentions over: each one's features are freed as its event is built.
            events: list[EventRecord | KeptEvent]
            events = merge_records(handed_over(mentions), merge_jobs)  # type: ignore[arg-type,assignment]
        else:
            from chrono.cache import ResultCache
            from chrono.incremental import MergeStore

            cache = ResultCache(cache_dir)
            keys = [cache.key(task) for task in tasks]
            with _ahead(run, tasks, keys, cache, worker) as (run, ahead):
                store = MergeStore(cache.dir, inputs)
                if ahead:  # the merge's data loaded while the worker extracts
                    _merge_ready(store)
                skeletons: list[Skeleton] = []
                try:
                    with _progress_bar(len(tasks), progress) as bar:
                        cached = _cached(tasks, keys, cache, store, run, skeletons)
                        infos, mentions, where, problems = _collect(found, cached, bar.update, spool)
                finally:
                    cache.flush()  # no writing thread left when the merge forks its workers

                # Stage 4, incremental: only the part of the corpus that changed since the last run
                # is merged again (`chrono.incremental`); the events are those of a whole merge.
                def load(position: int) -> FileResult:
                    return _load(cache, keys[position], tasks[position], run)

                events = store.merge(keys, skeletons, mentions, where, load, merge_jobs)
            how = store.last
            unwritable = cache.unwritable or store.unwritable
            if unwritable:
                problems.append(Problem(Level.WARNING, str(cache_dir), f"cache not written: {unwritable}"))

    # Stage 5: the timeline, in a stable order and with no wall-clock fields.
    articles = sorted(infos, key=lambda a: a.id)

    # Stage 6: an editor's overrides (chrono.yaml in an INPUT folder), keyed by stable event ids.
    # They edit the contract's models, so only then are all the events made models at once.
    overrides = [path for path in (Path(given) / OVERRIDES_FILE for given in inputs) if path.is_file()]
    records: list[EventRecord | KeptEvent] | None = None
    if overrides:
        timeline, edited = _apply_overrides(Timeline(articles=articles, events=_models(events)), overrides)
        problems += edited
    else:
        timeline, records = Timeline(articles=articles, events=[]), events
    head = timeline.model_copy(update={"warnings": [str(p) for p in problems]})
    return ExtractResult(head, records, problems, how, merge_jobs)


OVERRIDES_FILE = "chrono.yaml"


@contextmanager
def _worker_ahead(wanted: bool) -> Iterator[Ahead | None]:
    """A process forked now that loads the rules and word frequencies (~2 s) while this one lists
    and hashes the files, to extract the few the cache lacks (`_ahead`); None when not `wanted`
    (no cache, a Dask cluster extracts) or there is no fork."""
    from chrono.parallel import Ahead, fork_context, warm_up

    if not (wanted and fork_context()):
        yield None
        return
    with Ahead(process_file, warm_up) as worker:
        yield worker


@contextmanager
def _ahead(
    run: Run, tasks: Sequence[FileTask], keys: Sequence[str | None], cache: ResultCache, worker: Ahead | None
) -> Iterator[tuple[Run, bool]]:
    """`run`, and whether the files the cache lacks are already extracting: when they are fewer
    than a pool is worth (one added or edited article), the `worker` forked at the start (rules
    loaded by now) extracts them while this one loads the merge state and the merge's data
    (`_merge_ready`, the caller's), where it would extract them itself after that (`_cached`).
    Otherwise the worker is stopped: no second core taken from the pool's workers or the merge."""
    from chrono.parallel import MIN_FILES_PER_WORKER

    missing = [task for task, key in zip(tasks, keys, strict=True) if key is None or not cache.has(key)]
    if worker is None or not 0 < sum(map(work_units, missing)) < MIN_FILES_PER_WORKER:
        if worker is not None:
            worker.close()
        yield run, False
        return
    worker.send(missing)

    def ahead(todo: Sequence[FileTask]) -> Iterator[FileResult]:
        # The files asked for are those missing, unless the merge state knew some of them.
        yield from worker.results() if list(todo) == worker.tasks else run(todo)

    yield ahead, True


def _merge_ready(store: MergeStore | None = None) -> None:
    """The merge's modules and data loaded (about 0.7 s: scipy, the word frequencies), and the
    kept events of a merge `store`, while workers extract, not in the serial part after them (nor
    before they start)."""
    from chrono.merge import warm_up

    warm_up()
    if store is not None and store.state is not None:
        store.stored_events()


@contextmanager
def _spool_for(tasks: Sequence[FileTask], folder: Path | None) -> Iterator[Spool | None]:
    """A spool (its file in `folder`) for the mention strings of a corpus of SPOOL_ARTICLES or more,
    read from while inside."""
    from chrono.spool import Spool, spooling

    if sum(map(work_units, tasks)) < SPOOL_ARTICLES:
        yield None
        return
    spool = Spool(folder)
    try:
        with spooling(spool):
            yield spool
    finally:
        spool.close()


def _models(events: list[EventRecord | KeptEvent]) -> list[Event]:
    """The events as the contract's models, each record freed as its model is made."""
    from chrono.merge import handed_over

    return [event.model() for event in handed_over(events)]


def _apply_overrides(timeline: Timeline, paths: Sequence[Path]) -> tuple[Timeline, list[Problem]]:
    from chrono.errors import ChronoError
    from chrono.overrides import apply_overrides, load_overrides

    problems: list[Problem] = []
    for path in paths:
        try:
            timeline, found = apply_overrides(timeline, load_overrides(path))
        except ChronoError as exc:
            # A broken overrides file must not pass silently: the editor's corrections would be lost.
            found = [Problem(Level.ERROR, str(path), str(exc))]
        problems += found
    return timeline, problems


def _collect(
    found: Sequence[FileTask | Problem],
    results: Iterator[FileResult],
    advance: Callable[[], object],
    spool: Spool | None = None,
    ready: Callable[[], object] | None = None,
) -> tuple[list[ArticleInfo], list[EventMention | None], tuple[np.ndarray, np.ndarray], list[Problem]]:
    """Articles, mentions and problems in input order; a repeated article id keeps the first.
    Also where each mention came from: the position of its file among the tasks, and its place
    among that file's mentions. A mention not loaded (see `chrono.incremental`) is None. With a
    `spool`, the mentions' strings go there (`Spool.stripped`). `ready` is called once, when the
    first file's results are in (workers extracting the others)."""
    infos: list[ArticleInfo] = []
    mentions: list[EventMention | None] = []
    positions, places = array("q"), array("q")
    problems: list[Problem] = []
    undated: list[Problem] = []
    seen: set[str] = set()
    position = -1
    for item in found:
        if isinstance(item, Problem):
            problems.append(item)
            continue
        position += 1
        place = 0
        for entry in next(results):
            if isinstance(entry, Problem):
                problems.append(entry)
                continue
            count = len(entry.mentions)
            if entry.info.id in seen:
                problems.append(
                    Problem(
                        Level.WARNING, entry.path, f"duplicate article id {entry.info.id!r}; kept the first"
                    )
                )
            else:
                seen.add(entry.info.id)
                infos.append(entry.info)
                mentions += entry.mentions if spool is None else spool.stripped(entry.info.id, entry.mentions)
                positions.extend(repeat(position, count))
                places.extend(range(place, place + count))
                if entry.info.published is None:
                    undated.append(
                        Problem(
                            Level.WARNING,
                            entry.info.id,
                            "no publish date found; relative dates left unresolved",
                        )
                    )
            place += count
        advance()
        if ready is not None:
            ready()
            ready = None
    where = (np.frombuffer(positions, np.int64), np.frombuffer(places, np.int64))
    return infos, mentions, where, problems + sorted(undated, key=lambda p: p.where)


def _cached(
    tasks: Sequence[FileTask],
    keys: Sequence[str | None],
    cache: ResultCache,
    store: MergeStore,
    run: Run,
    skeletons: list[Skeleton],
) -> Iterator[FileResult]:
    """Results in task order, their skeletons appended to `skeletons` (what the merge state keeps:
    the results themselves, mentions and all, are let go once read): as the merge state's skeleton
    when it knows the file (its mentions loaded only if merged again), else from the cache when the
    key is there, else from `run` (then stored)."""
    from chrono.incremental import Skeleton

    known = [store.skeleton(key) for key in keys]
    # Entries are read first, to know what to extract, but unpickled one at a time as they are
    # yielded: a big corpus' results all unpickled at once would double the memory of the run.
    stored = [
        cache.read(key) if key is not None and skeleton is None else None
        for key, skeleton in zip(keys, known, strict=True)
    ]
    todo = zip(tasks, stored, known, strict=True)
    fresh = run([task for task, entry, skeleton in todo if entry is None and skeleton is None])
    for index, (task, key, skeleton) in enumerate(zip(tasks, keys, known, strict=True)):
        entry, stored[index] = stored[index], None
        decoded = cache.decode(entry) if entry is not None else None
        if skeleton is not None:
            decoded = skeleton.placeholder()
        elif entry is None:  # not cached: extracted with the others
            decoded = next(fresh)
            if key is not None:
                cache.put(key, decoded)
        elif decoded is None:  # a damaged entry
            decoded = _alone(cache, key, task, run)
        skeletons.append(skeleton or Skeleton.of(decoded))
        yield decoded


def _load(
    cache: ResultCache,
    key: str | None,
    task: FileTask,
    run: Run,
) -> FileResult:
    """A file's result from the cache, or extracted again when its entry is gone or damaged."""
    entry = cache.read(key) if key is not None else None
    result = cache.decode(entry) if entry is not None else None
    if result is None:
        result = _alone(cache, key, task, run)
        cache.flush()  # the merge may fork next
    return result


def _alone(cache: ResultCache, key: str | None, task: FileTask, run: Run) -> FileResult:
    """A file's result extracted now, on its own, and stored."""
    result = next(iter(run([task])))
    if key is not None:
        cache.put(key, result)
    return result


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Cyclic GC off while hundreds of thousands of acyclic objects are built and merged.

    Each collection walks every live object, and with a big corpus they are many: the
    collections, not the work, would dominate. The objects built hold no cycles to collect, so
    they are frozen out of later collections too (the first would walk them all).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _progress_bar(total: int, shown: bool) -> Any:
    from tqdm import tqdm

    class Bar(tqdm):  # type: ignore[misc]
        monitor_interval = 0  # no monitor thread: worker processes are forked after the bar starts

    return Bar(total=total, unit="file", desc="extract", disable=not shown, leave=False, mininterval=0.5)
