"""`chrono timex` as a real process (contract section 1)."""

from __future__ import annotations

import json
from pathlib import Path


def _lines(out: str) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in out.splitlines()]


def test_timex_stdin_with_dct(run_chrono) -> None:  # type: ignore[no-untyped-def]
    text = "Talks made little progress on Tuesday and will resume next week."
    proc = run_chrono("timex", "--dct", "2022-03-30", stdin=text)
    assert proc.returncode == 0, proc.stderr
    rows = _lines(proc.stdout)
    tuesday, week = text.index("Tuesday"), text.index("next week")
    assert rows == [
        {"start": tuesday, "end": tuesday + 7, "text": "Tuesday", "type": "DATE", "value": "2022-03-29"},
        {"start": week, "end": week + 9, "text": "next week", "type": "DATE", "value": "2022-W14"},
    ]
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)


def test_timex_without_dct_leaves_relative_values_null(run_chrono) -> None:  # type: ignore[no-untyped-def]
    proc = run_chrono("timex", stdin="On Tuesday, 29 March 2022, talks resumed.")
    assert proc.returncode == 0, proc.stderr
    assert [(r["text"], r["value"]) for r in _lines(proc.stdout)] == [
        ("Tuesday, 29 March 2022", "2022-03-29")
    ]
    proc = run_chrono("timex", stdin="It resumed on Tuesday.")
    assert [(r["text"], r["value"]) for r in _lines(proc.stdout)] == [("Tuesday", None)]


def test_timex_explain(run_chrono) -> None:  # type: ignore[no-untyped-def]
    proc = run_chrono("timex", "--dct", "2022-03-30", "--explain", stdin="Talks will resume on Monday.")
    (row,) = _lines(proc.stdout)
    assert row["value"] == "2022-04-04"
    assert (row["rule"], row["anchor"], row["anchor_kind"], row["cue"]) == (
        "date.weekday",
        "2022-03-30",
        "publish date",
        "will",
    )
    assert "publish date 2022-03-30" in row["explanation"]


def test_timex_files_and_unreadable_file(run_chrono, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "a.txt"
    good.write_text("Crimea was annexed in 2014.", encoding="utf-8")
    proc = run_chrono("timex", str(good), str(tmp_path / "missing.txt"))
    assert proc.returncode == 2
    assert [r["value"] for r in _lines(proc.stdout)] == ["2014"]
    assert proc.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'missing.txt'}: cannot read: No such file or directory"
    ]
    assert "Traceback" not in proc.stderr


def test_timex_jsonl_batch(run_chrono) -> None:  # type: ignore[no-untyped-def]
    stdin = (
        "\n".join(
            [
                json.dumps({"doc": "a", "dct": "2022-03-30", "text": "Peskov spoke on Wednesday."}),
                "{not json",
                json.dumps(
                    {
                        "doc": "b",
                        "dct": "2024-07-25",
                        "text": "Kuleba met Wang Yi on Wednesday; 25 out of 38 drones.",
                    }
                ),
                json.dumps({"doc": "c", "dct": "yesterday", "text": "x"}),
            ]
        )
        + "\n"
    )
    proc = run_chrono("timex", "--jsonl", stdin=stdin)
    assert proc.returncode == 2
    rows = _lines(proc.stdout)
    assert [r["doc"] for r in rows] == ["a", "b"]
    assert [t["value"] for t in rows[0]["timexes"]] == ["2022-03-30"]
    assert [(t["text"], t["value"]) for t in rows[1]["timexes"]] == [("Wednesday", "2024-07-24")]
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 2
    assert errors[0].startswith("error: <stdin>:2: ") and errors[1].startswith("error: <stdin>:4: ")
    assert "dct" in errors[1]
