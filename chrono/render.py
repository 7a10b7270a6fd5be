"""`chrono build`: the timeline as a static MkDocs + material site, swapped into place atomically."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from chrono.errors import RenderError
from chrono.export import export_timeline, timeline_schema_json
from chrono.models import Timeline
from chrono.site.mkdocs_config import mkdocs_config, run_mkdocs
from chrono.site.pages import periods, render_pages, static_files

# The chronology in every export format, beside the pages: the contract's JSON and its schema,
# TimelineJS, a calendar feed and spreadsheets.
DATA_FILES = {
    "timeline.json": "json",
    "timelinejs.json": "timelinejs",
    "chronology.ics": "ics",
    "chronology.csv": "csv",
    "chronology-mentions.csv": "csv-mentions",
}


def site_files(
    timeline: Timeline, templates_dir: Path | None = None, *, directory_urls: bool = False
) -> dict[str, bytes]:
    """Every file of the MkDocs docs folder: Markdown pages, CSS, and the data files."""
    pages = render_pages(timeline, templates_dir=templates_dir, directory_urls=directory_urls)
    files = {path: text.encode() for path, text in pages.items()} | static_files(templates_dir)
    files |= {name: export_timeline(timeline, fmt) for name, fmt in DATA_FILES.items()}
    files["timeline.schema.json"] = timeline_schema_json()
    return files


def write_docs(timeline: Timeline, docs_dir: Path, templates_dir: Path | None = None) -> None:
    """Write the MkDocs docs folder."""
    for name, data in site_files(timeline, templates_dir).items():
        path = docs_dir / name  # names are generated here (period keys, fixed names), never taken from input
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


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
    import os

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
    old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
    old.rmdir()
    out_dir.rename(old)
    try:
        staging.rename(out_dir)
    except BaseException:
        old.rename(out_dir)
        raise
    shutil.rmtree(old, ignore_errors=True)


def build_site(timeline: Timeline, out_dir: Path, *, templates_dir: Path | None = None) -> None:
    """Build the site into a temporary sibling of `out_dir` and swap it in only when the build succeeded."""
    out_dir = Path(out_dir).absolute()
    _check_replaceable(out_dir)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.building-", dir=out_dir.parent))
    except OSError as error:
        raise RenderError(f"{out_dir}: cannot write the site: {error.strerror}") from None
    try:
        with tempfile.TemporaryDirectory(prefix="chrono-docs-") as work:
            docs = Path(work) / "docs"
            write_docs(timeline, docs, templates_dir)
            run_mkdocs(mkdocs_config(periods(timeline), docs, staging), Path(work) / "mkdocs.yml")
        _swap(staging, out_dir)
    except OSError as error:
        raise RenderError(f"{out_dir}: cannot write the site: {error}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
