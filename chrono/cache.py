"""Content-addressed cache of per-file extraction results, for incremental builds.

An entry's key hashes everything its result depends on: the file's bytes, its id and path, its
sidecar metadata row, and the code version (chrono's version plus every module and rules data
file of the package). Editing an article changes its key only; upgrading chrono or editing a
rules file changes every key. Entries live under a folder named by the code version, and
folders of other versions are removed when a cache is opened, so the cache never grows with
stale entries; a run holds a shared lock on its version's folder, so a run of another version
(another checkout, an upgrade mid-run) leaves the folder of one still running alone.

The default location is the user cache folder (`~/.cache/chrono` on Linux; `--cache-dir`
overrides it): the cache is reused by every output built from the same articles and never
pollutes the folder of the articles or of the site.
"""

from __future__ import annotations

import hashlib
import pickle
import shutil
import weakref
import zlib
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import IO, Any

from chrono import __version__
from chrono.errors import ChronoError
from chrono.files import write_atomic
from chrono.ingest import MAX_FILE_BYTES, FileTask

try:
    import fcntl
except ImportError:  # no advisory locks (Windows): another version's run may drop a running one's folder
    fcntl = None  # type: ignore[assignment]

_PACKAGE = Path(__file__).parent
_CODE_SUFFIXES = (".py", ".toml")
_VERSION_CHARS = 16
WRITES_WAITING = 256  # entries queued for the writing thread at most (each holds a file's result)
IN_USE = ".in-use"  # the lock file of a version's folder


@cache
def code_version() -> str:
    """Hash of chrono's version and the bytes of every module and rules file of the package."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.suffix in _CODE_SUFFIXES):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:_VERSION_CHARS]


def default_cache_dir() -> Path:
    """The user cache folder for chrono (platform convention)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("chrono", appauthor=False))


class ResultCache:
    """Pickled results keyed by `key(task)`, in `root/<code version>/<key[:2]>/<key>`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.dir = root / code_version()
        self.unwritable: str | None = None  # why the cache could not be written, if it could not
        self._writer: ThreadPoolExecutor | None = None
        self._writes: deque[Future[None]] = deque()
        self._in_use = self._hold()  # released when the cache is dropped, at the end of its run
        self._drop_other_versions()

    def key(self, task: FileTask) -> str | None:
        """Key of a file's (or JSONL part's) result; None when it cannot be read (the worker says why)."""
        try:
            if task.lines is None:
                if task.path.stat().st_size > MAX_FILE_BYTES:
                    return None
                data = task.path.read_bytes()
            else:
                with task.path.open("rb") as stream:
                    stream.seek(task.lines.start)
                    data = stream.read(task.lines.end - task.lines.start)
        except OSError:
            return None
        digest = hashlib.sha256()
        for part in (task.id, str(task.path), repr(task.sidecar), repr(task.lines)):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def read(self, key: str) -> bytes | None:
        """The stored entry as it is on disk (compressed, a fraction of the result's memory), or None."""
        try:
            return self._path(key).read_bytes()
        except OSError:
            return None

    def has(self, key: str) -> bool:
        """Whether an entry is stored under `key` (it may still be damaged: `decode` says)."""
        return self._path(key).is_file()

    @staticmethod
    def decode(stored: bytes) -> Any | None:
        """The result an entry holds, or None when the entry is damaged (a damaged entry is a miss)."""
        try:
            return pickle.loads(zlib.decompress(stored))
        except (zlib.error, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def put(self, key: str, result: Any) -> None:
        """Store a result atomically, so a concurrent or interrupted run never reads half an entry.

        Written by a thread of its own: creating a file takes a quarter of a millisecond here, a
        tenth of the work of an article, and it overlaps that work instead of adding to it. Call
        `flush` before forking or reading the entry back. A cache that cannot be written (full
        disk, no permission) is no reason to fail the run: the first failure is kept in
        `unwritable` for the caller to report, and the run goes on."""
        if self._writer is None:
            self._writer = ThreadPoolExecutor(1, thread_name_prefix="chrono-cache")
        self._writes.append(self._writer.submit(self._write, key, result))
        # Each entry waiting holds its whole result: when writing falls behind, wait for it rather
        # than let a big corpus' results pile up in memory.
        while self._writes and (self._writes[0].done() or len(self._writes) > WRITES_WAITING):
            self._writes.popleft().result()

    def flush(self) -> None:
        """Wait until every entry put is written, and stop the writing thread."""
        if self._writer is not None:
            for write in self._writes:
                write.result()
            self._writer.shutdown()
            self._writer, self._writes = None, deque()

    def _write(self, key: str, result: Any) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, zlib.compress(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), 1))
        except (OSError, ChronoError) as exc:
            self.unwritable = self.unwritable or str(exc)

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / key

    def _hold(self) -> IO[bytes] | None:
        """A shared lock on this version's folder, for as long as the cache is open; None without
        locks or when the folder cannot be made (writing then says why)."""
        if fcntl is None:
            return None
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            handle = (self.dir / IN_USE).open("ab")
        except OSError:
            return None
        fcntl.flock(handle, fcntl.LOCK_SH)
        weakref.finalize(self, handle.close)
        return handle

    def _drop_other_versions(self) -> None:
        if not self.root.is_dir():
            return
        for entry in self.root.iterdir():
            stale = entry.name != self.dir.name and len(entry.name) == _VERSION_CHARS
            if stale and entry.is_dir() and all(c in "0123456789abcdef" for c in entry.name):
                _drop_unless_held(entry)


def _drop_unless_held(folder: Path) -> None:
    """Remove another version's folder unless a run of that version holds it (`ResultCache._hold`)."""
    if fcntl is None:
        shutil.rmtree(folder, ignore_errors=True)
        return
    try:
        with (folder / IN_USE).open("ab") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            shutil.rmtree(folder, ignore_errors=True)
    except BlockingIOError:  # in use: the next run of another version drops it
        return
    except OSError:  # no lock file can be made there: a folder nothing can be running from
        shutil.rmtree(folder, ignore_errors=True)
