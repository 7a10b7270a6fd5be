"""`chrono build`: the timeline as a static MkDocs + material site, swapped into place atomically."""

from __future__ import annotations

import glob
import os
import shutil
import tempfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from chrono.errors import RenderError
from chrono.export import export_parts, timeline_schema_json
from chrono.models import Timeline
from chrono.parallel import available_cores, fork_map
from chrono.site.mkdocs_config import mkdocs_config, run_mkdocs
from chrono.site.pages import PageRenderer, static_files

# The chronology in every export format, beside the pages: the contract's JSON and its schema,
# TimelineJS, a calendar feed and spreadsheets.
DATA_FILES = {
    "timeline.json": "json",
    "timelinejs.json": "timelinejs",
    "chronology.ics": "ics",
    "chronology.csv": "csv",
    "chronology-mentions.csv": "csv-mentions",
}


PARALLEL_EVENTS = 5_000  # below this a site builds in a second or two: forking workers would not pay


class SitePlan:
    """Every file of the MkDocs docs folder (Markdown pages, CSS, data files), each made on demand."""

    def __init__(
        self, timeline: Timeline, templates_dir: Path | None = None, *, directory_urls: bool = False
    ):
        self.timeline = timeline
        self.pages = PageRenderer(timeline, templates_dir=templates_dir, directory_urls=directory_urls)
        self.static = static_files(templates_dir)
        # The data files first: they are the longest jobs, so a pool starts them before the pages.
        self.names = [*DATA_FILES, "timeline.schema.json", *self.static, *self.pages.paths]

    def parts(self, name: str) -> Iterable[bytes]:
        """A file's bytes, in pieces for the data files (a big timeline's are never held whole)."""
        if name in DATA_FILES:
            return export_parts(self.timeline, DATA_FILES[name])
        if name == "timeline.schema.json":
            return (timeline_schema_json(),)
        if name in self.static:
            return (self.static[name],)
        return (self.pages.render(name).encode(),)


def site_files(
    timeline: Timeline, templates_dir: Path | None = None, *, directory_urls: bool = False
) -> dict[str, bytes]:
    """Every file of the MkDocs docs folder, path inside it → bytes."""
    plan = SitePlan(timeline, templates_dir, directory_urls=directory_urls)
    return {name: b"".join(plan.parts(name)) for name in plan.names}


def _write_file(shared: tuple[SitePlan, Path], name: str) -> None:
    plan, docs_dir = shared
    path = docs_dir / name  # names are generated here (period keys, fixed names), never taken from input
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.writelines(plan.parts(name))


def write_docs(plan: SitePlan, docs_dir: Path, *, jobs: int | None = None) -> None:
    """Write the MkDocs docs folder; a large site's files are made by `jobs` forked workers
    (None: every core), which inherit the plan (pickling a large timeline would cost more)."""
    workers = 1 if len(plan.timeline.events) < PARALLEL_EVENTS else jobs or available_cores()
    fork_map(_write_file, (plan, docs_dir), plan.names, workers)


def _check_replaceable(out_dir: Path) -> None:
    """Refuse to replace a folder that is not a site chrono built: `-o ~` must not wipe a home."""
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise RenderError(f"{out_dir}: exists and is not a directory")
    if any(out_dir.iterdir()) and not (
        (out_dir / "index.html").is_file() and (out_dir / "timeline.json").is_file()
    ):
        raise RenderError(
            f"{out_dir}: not empty and not a chrono site (no index.html and timeline.json); not replacing it"
        )


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one step (Linux renameat2 RENAME_EXCHANGE); False where not available."""
    import ctypes

    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this kernel or file system cannot exchange
        return False
    raise OSError(errno, os.strerror(errno), str(b))


def _swap(staging: Path, out_dir: Path) -> None:
    """Put the new site in place: in one atomic exchange where the OS has one (a kill at any moment
    leaves the old site or the new one), else by moving the old one aside and restoring it on failure."""
    if not out_dir.exists():
        staging.rename(out_dir)
        return
    if _exchange(staging, out_dir):
        return  # staging now holds the old site; build_site removes it
    old = Path(tempfile.mkdtemp(prefix=_temporary_prefix(out_dir, "old"), dir=out_dir.parent))
    old.rmdir()
    out_dir.rename(old)
    try:
        staging.rename(out_dir)
    except BaseException:
        old.rename(out_dir)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _temporary_prefix(out_dir: Path, kind: str) -> str:
    """Hidden sibling folders of a build in progress carry the builder's process id..."""
    return f".{out_dir.name}.{kind}-{os.getpid()}-"


def _remove_abandoned(out_dir: Path) -> None:
    """...so that the next build can remove those of a build that was killed (SIGKILL, power cut)
    before its own clean-up, and leave alone those of a build still running."""
    for entry in out_dir.parent.glob(f".{glob.escape(out_dir.name)}.*-*-*"):
        kind, _, rest = entry.name.removeprefix(f".{out_dir.name}.").partition("-")
        pid = rest.partition("-")[0]
        if kind in ("building", "old") and pid.isdigit() and not _alive(int(pid)) and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _newest(timeline: Timeline) -> date:
    """The site's date (MkDocs' sitemap): its newest source, so the same input builds the same bytes."""
    published = [date.fromisoformat(a.published) for a in timeline.articles if a.published]
    return max(published, default=date(1970, 1, 1))


def build_site(
    timeline: Timeline, out_dir: Path, *, templates_dir: Path | None = None, jobs: int | None = None
) -> None:
    """Build the site into a temporary sibling of `out_dir` and swap it in only when the build succeeded."""
    out_dir = Path(out_dir).absolute()
    _check_replaceable(out_dir)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        _remove_abandoned(out_dir)
        staging = Path(tempfile.mkdtemp(prefix=_temporary_prefix(out_dir, "building"), dir=out_dir.parent))
    except OSError as error:
        raise RenderError(f"{out_dir}: cannot write the site: {error.strerror}") from None
    try:
        with tempfile.TemporaryDirectory(prefix="chrono-docs-") as work:
            docs = Path(work) / "docs"
            plan = SitePlan(timeline, templates_dir)
            write_docs(plan, docs, jobs=jobs)
            run_mkdocs(
                mkdocs_config(plan.pages.site.periods, docs, staging),
                Path(work) / "mkdocs.yml",
                _newest(timeline),
            )
        _swap(staging, out_dir)
    except OSError as error:
        raise RenderError(f"{out_dir}: cannot write the site: {error}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
