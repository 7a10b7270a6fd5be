"""The `chrono` command: a thin layer over the Python API (contract section 1).

Exit codes, for every command: 0 success; 1 the command ran and found problems; 2 bad usage or
unreadable input. Problems go to standard error as one line each, never as a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from chrono import __version__
from chrono.errors import ChronoError, Level, Problem, one_line
from chrono.files import write_atomic

if TYPE_CHECKING:
    from chrono.pipeline import ExtractResult

DEFAULT_INPUT = Path("seeds")


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


def _exit_code(problems: list[Problem], *, strict: bool) -> int:
    # An INPUT that cannot be read at all is a usage error (2). A bad article is skipped so the
    # others still count, and only --strict turns it into a failure (1).
    if any(p.level is Level.ERROR for p in problems):
        return 2
    return 1 if strict and problems else 0


def _write(data: bytes | Iterable[bytes], output: str) -> None:
    if output == "-":
        sys.stdout.buffer.writelines([data] if isinstance(data, bytes) else data)
        sys.stdout.buffer.flush()
    else:
        write_atomic(Path(output), data)


def _inputs(inputs: tuple[Path, ...]) -> list[Path]:
    return list(inputs) or [DEFAULT_INPUT]


def run_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options of every command that runs the pipeline (extract, build, export)."""
    options = (
        click.option(
            "-j", "--jobs", type=click.IntRange(min=1), help="Worker processes.  [default: every core]"
        ),
        click.option(
            "--executor",
            type=click.Choice(["local", "dask"]),
            default="local",
            show_default=True,
            help="Where per-file work runs: local processes or a Dask cluster.",
        ),
        click.option(
            "--scheduler",
            metavar="tcp://HOST:PORT",
            help="Dask scheduler to use; without it --executor dask starts a local cluster.",
        ),
        click.option(
            "--cache-dir",
            type=click.Path(path_type=Path, file_okay=False),
            envvar="CHRONO_CACHE_DIR",
            help="Cache of per-file results, so a rebuild re-extracts only changed files.  "
            "[default: the user cache folder, e.g. ~/.cache/chrono]",
        ),
        click.option("--no-cache", is_flag=True, help="Read and write no cache."),
        click.option(
            "--progress/--no-progress",
            default=None,
            help="Progress bar on standard error.  [default: when it is a terminal]",
        ),
    )
    for option in reversed(options):
        command = option(command)
    return command


def _extract(
    inputs: tuple[Path, ...],
    *,
    jobs: int | None,
    executor: str,
    scheduler: str | None,
    cache_dir: Path | None,
    no_cache: bool,
    progress: bool | None,
) -> ExtractResult:
    from chrono import pipeline
    from chrono.cache import default_cache_dir

    return pipeline.extract(
        _inputs(inputs),
        jobs=jobs,
        executor=executor,
        scheduler=scheduler,
        cache_dir=None if no_cache else (cache_dir or default_cache_dir()),
        progress=sys.stderr.isatty() if progress is None else progress,
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="chrono")
def cli() -> None:
    """chrono: news articles in, one cited, checked chronology out."""


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", default="-", show_default=True, help="Timeline JSON file; - is stdout.")
@click.option("--strict", is_flag=True, help="Exit 1 when there is any warning.")
@run_options
def extract(inputs: tuple[Path, ...], output: str, strict: bool, **run: Any) -> None:
    """Read articles and write the timeline JSON.

    Example: chrono extract seeds/ -o timeline.json
    """
    result = _extract(inputs, **run)
    _report(result.problems)
    _write(result.json_parts(), output)
    sys.exit(_exit_code(result.problems, strict=strict))


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the timeline JSON (version 1).

    Example: chrono schema > timeline.schema.json
    """
    from chrono.export import timeline_schema_json

    _write(timeline_schema_json(), "-")


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out_dir",
    default="site",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder of the built site.",
)
@click.option(
    "--templates",
    "templates_dir",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Folder whose templates override chrono's own.",
)
@click.option("--strict", is_flag=True, help="Exit 1 when there is any warning.")
@run_options
def build(
    inputs: tuple[Path, ...], out_dir: Path, templates_dir: Path | None, strict: bool, **run: Any
) -> None:
    """Read articles and build the static site (MkDocs + material) with timeline.json.

    Example: chrono build seeds/ -o site
    """
    from chrono.render import build_site

    result = _extract(inputs, **run)
    _report(result.problems)
    build_site(result.timeline, out_dir, templates_dir=templates_dir, jobs=run["jobs"])
    click.echo(f"built {out_dir}/ with {len(result.timeline.events)} events", err=True)
    sys.exit(_exit_code(result.problems, strict=strict))


@cli.command()
@click.argument(
    "fmt", metavar="FORMAT", type=click.Choice(["json", "timelinejs", "ics", "csv", "csv-mentions"])
)
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", default="-", show_default=True, help="Output file; - is stdout.")
@run_options
def export(fmt: str, inputs: tuple[Path, ...], output: str, **run: Any) -> None:
    """Write the chronology as json, timelinejs, ics, csv (one row per event) or csv-mentions.

    Example: chrono export ics seeds/ -o chronology.ics
    """
    from chrono.export import export_parts

    result = _extract(inputs, **run)
    _report(result.problems)
    _write(result.json_parts() if fmt == "json" else export_parts(result.timeline, fmt), output)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True
)
@click.option(
    "--overrides",
    type=click.Path(path_type=Path, dir_okay=False),
    help="chrono.yaml to check against FILE (the timeline before overrides).",
)
def check(files: tuple[Path, ...], fmt: str, overrides: Path | None) -> None:
    """Check timeline JSON or Markdown/text chronologies, for CI (exit 1 on errors).

    Example: chrono check site/timeline.json --format github
    """
    from chrono.check import check_file, exit_code, format_findings

    findings = [finding for file in files for finding in check_file(file, overrides=overrides)]
    click.echo(format_findings(findings, fmt, ", ".join(map(str, files))), nl=False)
    sys.exit(exit_code(findings))


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--dct", type=click.DateTime(formats=["%Y-%m-%d"]), help="Anchor (publish) date, YYYY-MM-DD.")
@click.option("--jsonl", is_flag=True, help='Batch: read {"doc","dct","text"} lines on stdin.')
@click.option("--explain", is_flag=True, help="Add the rule, anchor and tense cue behind each value.")
def timex(files: tuple[Path, ...], dct: object, jsonl: bool, explain: bool) -> None:
    """Tag and normalise temporal expressions; one JSON object per expression.

    Example: chrono timex --dct 2022-03-30 --explain article.txt
    """
    from chrono.temporal.command import run_timex

    sys.exit(run_timex(files, dct=dct, jsonl=jsonl, explain=explain))


def main() -> None:
    """Console-script entry point: usage errors exit 2, ChronoError is one line and exit 2.

    The process ends without freeing its objects one by one: a big timeline is millions of them,
    seconds of work at exit for nothing (2.5 s of a 4 s rebuild of 10k articles). Output is
    written and flushed, and workers and clusters are closed, by then.
    """
    try:
        code = _run()
    except SystemExit as exc:
        code = exc.code
    if not isinstance(code, int):
        if code is not None:
            click.echo(code, err=True)
        code = 0 if code is None else 1
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pass
    sys.stderr.flush()
    os._exit(code)


def _run() -> int:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return 2
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 2
    except ChronoError as exc:
        click.echo(one_line(f"error: {exc}"), err=True)
        return 2
    except BrokenPipeError:
        return 0
    return 0
