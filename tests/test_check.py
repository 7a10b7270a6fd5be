"""`chrono check`: every finding code from a fixture, exit codes and output formats from the real CLI."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
import yaml

from chrono.check import (
    Finding,
    check_file,
    check_overrides,
    check_timeline,
    date_span,
    exit_code,
    format_findings,
    leading_date,
    sort_key,
)
from chrono.errors import InputError, Level
from chrono.models import Timeline
from chrono.overrides import load_overrides

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "check"
VALID = DATA / "valid.json"


def _swapped(tmp_path: Path, i: int, j: int) -> Path:
    data = orjson.loads(VALID.read_bytes())
    data["events"][i], data["events"][j] = data["events"][j], data["events"][i]
    path = tmp_path / "swapped.json"
    path.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2))
    return path


def test_valid_timeline_passes_with_exit_0(run_chrono):
    result = run_chrono("check", str(VALID))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == f"{VALID}: 0 errors, 0 warnings\n"


def test_two_swapped_events_fail_with_exit_1_naming_both_ids(run_chrono, tmp_path):
    path = _swapped(tmp_path, 3, 6)  # ev-istanbul (2022-03-29) and ev-talks-resume (2022-04-04)
    result = run_chrono("check", str(path))
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if " error C102 " in line]
    assert errors, result.stdout
    assert any("'ev-talks-resume'" in line and "'ev-peskov'" in line for line in errors)
    assert any("'ev-istanbul'" in line and "'ev-withdrawal'" in line for line in errors)
    # Each finding points at the line of the event that is out of place.
    lines = path.read_text().splitlines()
    for error in errors:
        number = int(error.split(":")[1])
        event_id = error.split("'")[1]
        assert lines[number - 1].strip() == f'"id": "{event_id}",'


def test_github_format_prints_workflow_commands(run_chrono, tmp_path):
    result = run_chrono("check", str(_swapped(tmp_path, 3, 4)), "--format", "github")
    assert result.returncode == 1
    assert result.stdout.startswith(f"::error file={tmp_path / 'swapped.json'},line=")
    assert "title=chrono C102::events out of order: 'ev-istanbul'" in result.stdout
    clean = run_chrono("check", str(VALID), "--format", "github")
    assert (clean.returncode, clean.stdout) == (0, "")


def test_github_format_warnings_and_escaping():
    finding = Finding(Level.WARNING, "C201", "100% sure\nnot", event="e", line=3, file="a,b:c.json")
    assert (
        format_findings([finding], "github")
        == "::warning file=a%2Cb%3Ac.json,line=3,title=chrono C201::100%25 sure%0Anot\n"
    )


def test_json_format_is_one_document(run_chrono):
    result = run_chrono("check", str(DATA / "c106_after_publish.json"), "--format", "json")
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert (document["errors"], document["warnings"]) == (1, 0)
    [finding] = document["findings"]
    assert finding["code"] == "C106"
    assert finding["event"] == "ev-talks-resume"
    assert finding["level"] == "error"
    assert finding["file"] == str(DATA / "c106_after_publish.json")


def test_markdown_chronology_out_of_order_item_gives_its_line(run_chrono):
    good = run_chrono("check", str(DATA / "chronology.md"))
    assert good.returncode == 0, good.stdout
    bad = run_chrono("check", str(DATA / "chronology_out_of_order.md"))
    assert bad.returncode == 1
    path = DATA / "chronology_out_of_order.md"
    assert (
        f"{path}:12: error C301 'March 28, 2022' (2022-03-28) is earlier than '2022-03-29' on line 11"
        in bad.stdout
    )
    assert path.read_text().splitlines()[11].startswith("- March 28, 2022")


@pytest.mark.parametrize(
    ("fixture", "code", "level", "event"),
    [
        ("c101_schema.json", "C101", Level.ERROR, None),
        ("c101_strict_types.json", "C101", Level.ERROR, None),
        ("c101_calendar.json", "C101", Level.ERROR, "ev-round-one"),
        ("c102_order.json", "C102", Level.ERROR, "ev-istanbul"),
        ("c103_duplicate_event.json", "C103", Level.ERROR, "ev-peskov"),
        ("c104_unknown_article.json", "C104", Level.ERROR, "ev-istanbul"),
        ("c105_date_end_before.json", "C105", Level.ERROR, "ev-withdrawal"),
        ("c106_after_publish.json", "C106", Level.ERROR, "ev-talks-resume"),
        ("c107_duplicate_article.json", "C107", Level.ERROR, None),
        ("c201_conflict.json", "C201", Level.WARNING, "ev-istanbul"),
        ("c202_undated_article.json", "C202", Level.WARNING, None),
        ("chronology_out_of_order.md", "C301", Level.ERROR, None),
    ],
)
def test_each_code_is_triggered_by_its_fixture(fixture, code, level, event):
    findings = check_file(DATA / fixture)
    assert {f.code for f in findings} == {code}, findings
    assert all(f.level is level and f.line is not None for f in findings)
    if event is not None:
        assert event in {f.event for f in findings}
    assert exit_code(findings) == (1 if level is Level.ERROR else 0)


def test_schema_findings_name_the_path_of_the_bad_field():
    messages = [f.message for f in check_file(DATA / "c101_schema.json")]
    assert any(m.startswith("events[1].date: String should match pattern") for m in messages)
    assert "events[3].summary: Field required" in messages
    [strict] = check_file(DATA / "c101_strict_types.json")
    assert strict.message == "events[2].mentions[0].start: Input should be a valid integer"


def test_an_event_may_hold_two_mentions_of_one_article(tmp_path):
    # The contract allows it (chrono gives an event one mention per article, another tool may
    # group a lede with the sentence restating it); only dates that disagree are worth a warning.
    data = orjson.loads(VALID.read_bytes())
    [mention] = data["events"][0]["mentions"]
    detail = {**mention, "start": 180, "end": 220, "text": "The rounds ran all month.", "timex": None}
    data["events"][0]["mentions"].append(detail)
    path = tmp_path / "restated.json"
    path.write_bytes(orjson.dumps(data))
    assert check_file(path) == []
    detail["date"] = "2022-01"
    path.write_bytes(orjson.dumps(data))
    assert [f.code for f in check_file(path)] == ["C201"]


def test_conflict_warning_says_when_the_event_is_not_marked(tmp_path):
    data = orjson.loads((DATA / "c201_conflict.json").read_bytes())
    data["events"][3]["conflict"] = False
    path = tmp_path / "unmarked.json"
    path.write_bytes(orjson.dumps(data))
    [finding] = check_file(path)
    assert finding.code == "C201"
    assert finding.message.endswith("; the event is not marked conflict")


def test_undated_event_may_not_precede_a_dated_one(tmp_path):
    data = orjson.loads(VALID.read_bytes())
    data["events"].insert(0, data["events"].pop())  # the undated ev-nato first
    path = tmp_path / "undated_first.json"
    path.write_bytes(orjson.dumps(data))
    [finding] = check_file(path)
    assert finding.code == "C102"
    assert "'ev-talks-march' (2022-03) comes after 'ev-nato' (undated)" in finding.message


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.json", None, "no such file"),
        ("timeline.csv", "a,b\n", "not a timeline JSON (.json) or a Markdown/text chronology"),
        ("broken.json", '{"version": 1,\n  "events": [}\n', "broken.json:2:"),
        ("latin1.md", b"- 2022: caf\xe9\n", "cannot be read as UTF-8 text"),
    ],
)
def test_unreadable_input_is_one_line_and_exit_2(run_chrono, tmp_path, name, content, message):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content)
    result = run_chrono("check", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert message in result.stderr and str(path) in result.stderr
    with pytest.raises(InputError):
        check_file(path)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- March 29, 2022: talks", ("March 29, 2022", "2022-03-29")),
        ("* 29 March 2022 talks", ("29 March 2022", "2022-03-29")),
        ("1. Mar. 3rd, 2022 — talks", ("Mar. 3rd, 2022", "2022-03-03")),
        ("## March 2022", ("March 2022", "2022-03")),
        ("### 2022", ("2022", "2022")),
        ("- **2022-03-29**: bold", ("2022-03-29", "2022-03-29")),
        ("+ 2022-03-29 10:15 at night", ("2022-03-29 10:15", "2022-03-29T10:15")),
        ("- 2022-W13 week", ("2022-W13", "2022-W13")),
        ("- 2022-03: month", ("2022-03", "2022-03")),
        ("2022-03-29 is not a list item", None),
        ("- Talks on March 29, 2022", None),
        ("- 20225 people", None),
    ],
)
def test_leading_date_forms(line, expected):
    assert leading_date(line) == expected


def test_sort_key_follows_the_contract_order():
    values = [
        "2022-03-29T10:00",
        None,
        "2022-03-29",
        "2022-W13",
        "2022-03-01",
        "2022-03",
        "2022",
        "2021-12-31",
    ]
    ordered = sorted(values, key=sort_key)
    assert ordered == [
        "2021-12-31",
        "2022",
        "2022-03",
        "2022-03-01",
        "2022-W13",
        "2022-03-29",
        "2022-03-29T10:00",
        None,
    ]


def test_date_span_bounds():
    assert date_span("2022-W13").first_day.isoformat() == "2022-03-28"
    assert date_span("2022-W13").end_day.isoformat() == "2022-04-04"
    assert date_span("2022-12").end_day.isoformat() == "2023-01-01"
    assert date_span("2022-03-29T23:59").end_day.isoformat() == "2022-03-30"
    for bad in ("2022-13", "2021-W53", "2022-03-29T24:00", "March 2022"):
        with pytest.raises(ValueError, match=bad):
            date_span(bad)


def test_stale_overrides_are_reported_as_c401():
    timeline = Timeline.model_validate_json(VALID.read_text())
    overrides = load_overrides(DATA / "chrono.yaml")
    findings = check_overrides(timeline, overrides)
    assert [(f.code, f.level) for f in findings] == [("C401", Level.WARNING)] * 2
    assert {f.message for f in findings} == {
        "events.ev-gone: no longer matches any event",
        "events.ev-peskov.merge: ev-deleted: no longer matches any event",
    }
    assert all(f.file == str(DATA / "chrono.yaml") for f in findings)


def test_check_file_with_overrides_checks_the_edited_timeline():
    findings = check_file(VALID, overrides=DATA / "chrono.yaml")
    assert {f.code for f in findings} == {"C401"}
    assert exit_code(findings) == 0
    # A broken timeline stays broken whatever the overrides say.
    findings = check_file(DATA / "c105_date_end_before.json", overrides=DATA / "chrono.yaml")
    assert "C105" in {f.code for f in findings}
    with pytest.raises(InputError, match="applies to a timeline JSON"):
        check_file(DATA / "chronology.md", overrides=DATA / "chrono.yaml")


def test_check_reads_what_extract_writes(run_chrono, tmp_path):
    out = tmp_path / "timeline.json"
    extracted = run_chrono("extract", "seeds", "-o", str(out))
    assert extracted.returncode == 0, extracted.stderr
    result = run_chrono("check", str(out), "--format", "json")
    document = json.loads(result.stdout)
    assert document["errors"] == 0, document
    assert result.returncode == 0
    # seed 001 has no publish date in metadata.csv but a date line; any undated article is a C202 warning.
    undated = [a["id"] for a in orjson.loads(out.read_bytes())["articles"] if a["published"] is None]
    assert sorted(f["message"].split("'")[1] for f in document["findings"] if f["code"] == "C202") == undated


def test_pre_commit_hook_runs_chrono_check_on_chronology_files():
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert (hook["id"], hook["entry"], hook["language"]) == ("chrono-check", "chrono check", "python")
    files = re.compile(hook["files"])
    for name in ("timeline.json", "site/timeline.json", "chronology.md", "docs/chronology-2022.markdown"):
        assert files.search(name), name
    for name in ("package.json", "README.md", "timeline.json.bak", "notes/chronology.md/x.py"):
        assert not files.search(name), name


def test_github_workflow_step_fails_on_any_file_with_errors(tmp_path):
    workflow = yaml.load((REPO / ".github/workflows/chrono-check.yml").read_text(), Loader=yaml.BaseLoader)
    [step] = [s for s in workflow["jobs"]["check"]["steps"] if s.get("name") == "Check the chronology"]
    # The shim stands in for the console script that `pip install` puts on PATH.
    shim = tmp_path / "chrono"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m chrono "$@"\n')
    shim.chmod(shim.stat().st_mode | stat.S_IEXEC)

    def run(files: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}", "CHRONO_FILES": files}
        # GitHub runs `run:` steps as `bash --noprofile --norc -eo pipefail`.
        return subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
        )

    bad = run(f"{DATA / 'chronology_out_of_order.md'} {VALID}")
    assert bad.returncode == 1
    assert bad.stdout.startswith(f"::error file={DATA / 'chronology_out_of_order.md'},line=12,")
    good = run(f"{VALID} {DATA / 'chronology.md'}")
    assert (good.returncode, good.stdout) == (0, "")


def test_a_preview_mention_marked_future_is_not_dated_after_publication():
    # A scheduled event later reported as done: the event is not future, its preview mention is.
    data = json.loads((DATA / "c106_after_publish.json").read_text(encoding="utf-8"))
    for event in data["events"]:
        for mention in event["mentions"]:
            mention["future"] = True
    assert "C106" not in {f.code for f in check_timeline(Timeline.model_validate(data))}
