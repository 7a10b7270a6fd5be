"""The CLI as a user meets it: commands, help, schema, exit codes (real processes)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from chrono.models import Timeline, timeline_schema

COMMANDS = ["build", "extract", "export", "check", "timex", "schema"]


def test_every_contract_command_is_listed_in_help(run_chrono):
    result = run_chrono("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert f"  {command}" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(run_chrono, command):
    result = run_chrono(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Example: chrono " in result.stdout


def test_unknown_command_is_usage_error_exit_2(run_chrono):
    result = run_chrono("frobnicate")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_schema_is_generated_from_models_with_descriptions(run_chrono):
    result = run_chrono("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema == json.loads(json.dumps(timeline_schema()))
    event = schema["$defs"]["Event"]["properties"]
    assert "unchanged when a later article adds a mention" in event["id"]["description"]
    assert set(event) >= {"id", "date", "date_end", "summary", "future", "conflict", "mentions"}


def test_extract_on_seeds_is_valid_timeline_json(run_chrono):
    result = run_chrono("extract", "seeds")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, timeline_schema())
    Timeline.model_validate(data)
    assert data["version"] == 1


def test_extract_is_byte_identical_across_runs_and_to_file(run_chrono, tmp_path):
    out = tmp_path / "timeline.json"
    first = run_chrono("extract", "seeds", "-o", str(out))
    second = run_chrono("extract", "seeds")
    assert first.returncode == second.returncode == 0
    assert out.read_text(encoding="utf-8") == second.stdout


def test_python_dash_m_reports_version(run_chrono):
    from chrono import __version__

    result = run_chrono("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout
