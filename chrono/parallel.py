"""Executors for the per-file work: in-process, a local process pool, or a Dask cluster.

Each executor maps a picklable function over tasks and yields the results in task order, so the
output never depends on how many workers ran or which finished first. Tasks go out in batches
(one round trip per batch, not per file) and only a bounded window of batches is in flight, so
results stream back without the whole corpus being held at once. A task may weigh more than one
unit of work (a part of a big JSONL file is about a thousand articles): batches and the number of
workers are reckoned in units.
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing.connection import wait
from typing import Any, TypeVar

from chrono.errors import ChronoError

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")

EXECUTORS = ("local", "dask")
BATCH = 16  # units (files) per round trip: ~0.1 s of work, so transfer overhead stays small
MIN_FILES_PER_WORKER = 64  # units below which a worker's start-up (imports, rules) costs more than it saves
WINDOW_PER_WORKER = 4  # batches in flight per worker: enough to keep it busy, bounded memory


def available_cores() -> int:
    """Cores this process may run on (respects CPU affinity and container limits on Linux)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def workers_for(jobs: int | None, units: int) -> int:
    """Worker processes worth starting: at most `jobs` (None: every core), one per MIN_FILES_PER_WORKER."""
    wanted = available_cores() if jobs is None else jobs
    if wanted < 1:
        raise ChronoError(f"--jobs must be at least 1, not {wanted}")
    return max(1, min(wanted, units // MIN_FILES_PER_WORKER))


def _one(_: object) -> int:
    return 1


def run_batch(fn: Callable[[T], R], batch: Sequence[T]) -> list[R]:
    """The unit of remote work: a batch of tasks, results in order."""
    return [fn(task) for task in batch]


def map_local(
    fn: Callable[[T], R], tasks: Sequence[T], *, jobs: int | None, units: Callable[[T], int] = _one
) -> Iterator[R]:
    """`fn` over `tasks` in order: in this process when one worker is enough, else in worker processes."""
    workers = workers_for(jobs, sum(map(units, tasks)))
    if workers == 1:
        yield from map(fn, tasks)
        return
    context = fork_context() or multiprocessing.get_context("spawn")
    window = workers * WINDOW_PER_WORKER
    for results in _pooled(context, workers, fn, _batches(tasks, units), window, warm_up):
        yield from results


def fork_context() -> multiprocessing.context.BaseContext | None:
    """fork where there is one: workers start in milliseconds with chrono and its data already in
    memory, and a caller's script needs no `if __name__ == "__main__"` guard. chrono starts no
    threads before a pool (its progress bar has no monitor thread), so forking is safe."""
    return multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None


def fork_map(fn: Callable[[S, T], R], shared: S, tasks: Sequence[T], workers: int) -> list[R]:
    """`fn(shared, task)` for each task, results in task order, in `workers` forked processes.

    `fn` and `shared` (big arrays, the parent's mentions) reach the workers by fork, never pickled;
    only tasks and results travel. In this process when one worker is asked for or there is no
    fork. Callers must start no threads before (a Dask client's would be copied mid-state).
    """
    return list(fork_imap(fn, shared, tasks, workers))


def fork_imap(
    fn: Callable[[S, T], R], shared: S, tasks: Sequence[T], workers: int, window: int | None = None
) -> Iterator[R]:
    """`fork_map`'s results yielded as they come, at most `window` tasks sent ahead of the one
    taken (None: no bound), so big results need not all be held at once."""
    context = fork_context()
    if workers <= 1 or context is None or len(tasks) <= 1:
        yield from (fn(shared, task) for task in tasks)
        return
    batches = ((task,) for task in tasks)
    for results in _pooled(context, min(workers, len(tasks)), functools.partial(fn, shared), batches, window):
        yield from results


class Ahead:
    """`fn` over a few tasks in one process forked now, warmed up by `initializer` (the rules)
    before the tasks are known: they are sent later (`send`), and the results taken later still
    (`results`), the work overlapping whatever this process does meanwhile. Use as a context
    manager; a process never sent tasks, or whose results were never taken, is terminated on
    leaving (or on `close`)."""

    def __init__(self, fn: Callable[[T], R], initializer: Callable[[], None] | None = None) -> None:
        context = fork_context()
        if context is None:
            raise ChronoError("Ahead needs fork")
        self.tasks: list[Any] | None = None  # those sent
        self._conn, theirs = context.Pipe()
        self._process = context.Process(target=_serve, args=(theirs, fn, initializer), daemon=True)  # type: ignore[attr-defined]
        self._process.start()
        theirs.close()
        self._taken = False

    def send(self, tasks: Sequence[T]) -> None:
        """The tasks to run (once)."""
        self.tasks = list(tasks)
        self._conn.send(self.tasks)

    def results(self) -> list[Any]:
        """The tasks' results, in order (an error of the worker raised here); taken once."""
        self._taken = True
        return _received(self._conn)  # type: ignore[no-any-return]

    def close(self) -> None:
        """Stop the process: told to when its results were taken, else terminated."""
        if self._conn.closed:
            return
        if self._taken:
            with contextlib.suppress(OSError):  # a worker that died has no pipe to be told on
                self._conn.send(None)
        else:
            self._process.terminate()
        self._conn.close()
        self._process.join()

    def __enter__(self) -> Ahead:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


AHEAD = 2  # batches a worker holds: the one it runs and the next


def _pooled(
    context: multiprocessing.context.BaseContext,
    workers: int,
    fn: Callable[[T], R],
    batches: Iterable[Sequence[T]],
    window: int | None = None,
    initializer: Callable[[], None] | None = None,
) -> Iterator[list[R]]:
    """`run_batch(fn, batch)` for each batch in `workers` processes, results in batch order, at most
    `window` batches sent and not yet yielded (None: no bound).

    This process runs no thread: it sends batches and reads results itself. (multiprocessing.Pool's
    worker-handling thread wakes whenever results wait in the pipe and, not reading them, spins
    while its result thread unpickles them: a second of a core in every ten, taken from the workers.)
    `fn` reaches a worker as it starts (by fork: never pickled). Each worker holds AHEAD batches
    and is sent the next as it returns one, so it never waits and a slow batch holds up no other.
    Workers exit when the iteration ends; abandoned (an error, a taker that stops asking), they
    are terminated.
    """
    conns: list[Any] = []
    processes = []
    finished = False
    try:
        for _ in range(workers):
            ours, theirs = context.Pipe()
            conns.append(ours)
            process = context.Process(target=_serve, args=(theirs, fn, initializer), daemon=True)  # type: ignore[attr-defined]
            process.start()
            processes.append(process)
            theirs.close()
        queued: dict[Any, deque[int]] = {conn: deque() for conn in conns}  # batch numbers each one holds
        done: dict[int, list[R]] = {}
        todo = iter(batches)
        sent = taken = 0
        while True:
            for conn in conns:
                while len(queued[conn]) < AHEAD and (window is None or sent - taken < window):
                    batch = next(todo, None)
                    if batch is None:
                        break
                    conn.send(batch)
                    queued[conn].append(sent)
                    sent += 1
            if taken == sent:
                break
            while taken not in done:
                for conn in wait([conn for conn in conns if queued[conn]]):
                    done[queued[conn].popleft()] = _received(conn)
            taken += 1
            yield done.pop(taken - 1)
        finished = True
    finally:
        for conn in conns:
            if finished:
                conn.send(None)
            conn.close()
        for process in processes:
            if not finished:
                process.terminate()
            process.join()


def _received(conn: Any) -> Any:
    """A worker's results, or its error raised here."""
    try:
        ok, value = conn.recv()
    except EOFError:
        raise ChronoError("a worker process stopped unexpectedly") from None
    if not ok:
        raise value
    return value


def _serve(conn: Any, fn: Callable[[T], R], initializer: Callable[[], None] | None) -> None:
    """A worker: runs `fn` over the batches it is sent until it is sent None."""
    if initializer is not None:
        initializer()
    while (batch := conn.recv()) is not None:
        try:
            reply: tuple[bool, list[R] | Exception] = (True, run_batch(fn, batch))
        except Exception as exc:  # raised again in the parent
            reply = (False, exc)
        try:
            conn.send(reply)
        except Exception as exc:  # a result or an error that cannot be pickled: nothing was sent
            conn.send((False, ChronoError(f"a worker's result could not be sent back: {exc!r}")))


def warm_up() -> None:
    """Load the rules and the word frequencies (names ask them) once per worker before its first
    file, so per-file timings are the work."""
    from chrono.summary import specificity
    from chrono.temporal import rules_for

    rules_for("en")
    specificity("merge")  # the frequencies are read at the first term


def map_dask(
    fn: Callable[[T], R],
    tasks: Sequence[T],
    *,
    jobs: int | None,
    scheduler: str | None,
    units: Callable[[T], int] = _one,
) -> Iterator[R]:
    """`fn` over `tasks` on a Dask cluster: the one at `scheduler`, or a LocalCluster of `jobs` workers.

    Workers of a remote cluster need chrono installed (same version) and the input files at the
    same paths (a shared file system).
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ChronoError('--executor dask needs Dask: pip install "chrono-timeline[dask]"') from None
    if scheduler is not None:
        client = _connect(Client, scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=jobs or available_cores(), threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield from _dask_results(client, fn, tasks, workers, units)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _connect(client_type: type, scheduler: str) -> object:
    try:
        return client_type(scheduler, timeout="10s")
    except (OSError, ValueError) as exc:  # refused or timed out; a malformed address
        raise ChronoError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None


def _dask_results(
    client: object, fn: Callable[[T], R], tasks: Sequence[T], workers: int, units: Callable[[T], int]
) -> Iterator[R]:
    # pure=False: two batches with equal tasks (a re-run) must not be deduplicated into one key.
    submit = lambda b: client.submit(run_batch, fn, b, pure=False)  # type: ignore[attr-defined]  # noqa: E731
    for future in _windowed(submit, tasks, workers, units):
        yield from future.result()
        future.release()


def _windowed(
    submit: Callable[[tuple[T, ...]], object], tasks: Iterable[T], workers: int, units: Callable[[T], int]
) -> Iterator:
    """Submit batches of about BATCH units, at most WINDOW_PER_WORKER per worker ahead; yield their
    handles in order."""
    pending: deque[object] = deque()
    for batch in _batches(tasks, units):
        pending.append(submit(batch))
        if len(pending) >= workers * WINDOW_PER_WORKER:
            yield pending.popleft()
    yield from pending


def _batches(tasks: Iterable[T], units: Callable[[T], int]) -> Iterator[tuple[T, ...]]:
    batch: list[T] = []
    weight = 0
    for task in tasks:
        batch.append(task)
        weight += units(task)
        if weight >= BATCH:
            yield tuple(batch)
            batch, weight = [], 0
    if batch:
        yield tuple(batch)


def map_tasks(
    fn: Callable[[T], R],
    tasks: Sequence[T],
    *,
    jobs: int | None = None,
    executor: str = "local",
    scheduler: str | None = None,
    units: Callable[[T], int] = _one,
) -> Iterator[R]:
    """`fn` over `tasks`, results in task order, on the executor asked for; `units` weighs a task."""
    if executor == "local":
        if scheduler is not None:
            raise ChronoError("--scheduler needs --executor dask")
        return map_local(fn, tasks, jobs=jobs, units=units)
    if executor == "dask":
        return map_dask(fn, tasks, jobs=jobs, scheduler=scheduler, units=units)
    raise ChronoError(f"unknown executor {executor!r} (expected one of: {', '.join(EXECUTORS)})")
