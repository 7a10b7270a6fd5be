"""Bad input through the real CLI: one line per problem naming the file (and line), never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from chrono.ingest import MAX_FILE_BYTES, read_articles

# Dated, so the pipeline adds no "undated" warnings of its own to the lines checked here.
BODY = "Date: March 30, 2022\nTalks between the two delegations resumed in Istanbul on Tuesday.\n"


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(BODY, encoding="utf-8")
    (folder / "utf16.txt").write_bytes("\ufeff".encode("utf-16-le") + BODY.encode("utf-16-le"))
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "latin1.txt").write_bytes("Caf\u00e9 talks resumed on Tuesday.\n".encode("latin-1"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_text("  \n\t\n", encoding="utf-8")
    (folder / "bad_front.md").write_text(f"---\ntitle: Talks: day two\n---\n{BODY}", encoding="utf-8")
    lines = [
        json.dumps({"id": "ok", "text": BODY}),
        "{not json",
        json.dumps({"text": BODY}),
        json.dumps({"id": "no-text"}),
        json.dumps(["a", "list"]),
    ]
    (folder / "lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with (folder / "huge.txt").open("wb") as huge:  # sparse: refused by size, never read
        huge.truncate(MAX_FILE_BYTES + 1)
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")
    return folder


EXPECTED_PROBLEMS = [
    ("bad_front.md:2", "front matter is not valid YAML"),
    ("binary.txt", "binary file, not text; skipped"),
    ("blank.md", "empty file; skipped"),
    ("empty.txt", "empty file; skipped"),
    ("huge.txt", "over the 20 MB limit; skipped"),
    ("latin1.txt", "not valid UTF-8 at byte 3; skipped"),
    ("lines.jsonl:2", "not JSON"),
    ("lines.jsonl:3", 'no "id"'),
    ("lines.jsonl:4", 'no "text"'),
    ("lines.jsonl:5", "not a JSON object"),
]


def test_bad_inputs_through_the_cli(run_chrono, bad_folder):
    done = run_chrono("extract", str(bad_folder))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if str(bad_folder) in line]
    assert len(lines) == len(EXPECTED_PROBLEMS), done.stderr
    for line, (place, message) in zip(lines, EXPECTED_PROBLEMS, strict=True):
        assert line.startswith(f"warning: {bad_folder / place}: "), line
        assert message in line, line
    timeline = json.loads(done.stdout)
    assert [a["id"] for a in timeline["articles"]] == [
        "bad_front.md",
        "good.txt",
        "lines.jsonl#ok",
        "utf16.txt",
    ]
    assert len(timeline["warnings"]) == len(EXPECTED_PROBLEMS)


def test_strict_exits_1_on_problems_and_0_without(run_chrono, bad_folder, tmp_path):
    assert run_chrono("extract", "--strict", str(bad_folder)).returncode == 1
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "a.txt").write_text(BODY, encoding="utf-8")
    done = run_chrono("extract", "--strict", str(clean))
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout)["articles"][0]["published"] == "2022-03-30"


def test_missing_input_is_an_error_and_others_still_read(run_chrono, bad_folder, tmp_path):
    missing = tmp_path / "nowhere"
    done = run_chrono("extract", str(missing), str(bad_folder / "good.txt"))
    assert done.stderr.splitlines() == [f"error: {missing}: no such file or directory"]
    assert [a["id"] for a in json.loads(done.stdout)["articles"]] == ["good.txt"]


def test_unsupported_file_given_directly_is_noted(bad_folder):
    articles, problems = read_articles([bad_folder / "notes.pdf"])
    assert articles == []
    assert [(p.where, "unsupported file type" in p.message) for p in problems] == [
        (str(bad_folder / "notes.pdf"), True)
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any directory")
def test_unreadable_directory_is_a_problem(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(BODY, encoding="utf-8")
    locked.chmod(0)
    try:
        articles, problems = read_articles([tmp_path])
    finally:
        locked.chmod(0o755)
    assert articles == []
    assert [p.where for p in problems] == [str(locked)]
    assert "cannot read directory" in problems[0].message


def test_seeds_through_the_cli(run_chrono):
    done = run_chrono("extract", "seeds")
    assert (done.returncode, done.stderr) == (0, "")
    articles = {a["id"][:3]: a for a in json.loads(done.stdout)["articles"]}
    assert articles["001"]["published"] == "2022-03-30"
    assert articles["001"]["published_from"] == "date line"
    assert articles["000"]["published_from"] == "metadata.csv"


def test_malformed_dates_name_file_and_line_and_fall_through(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "Date: March 30, 2022\nTalks resumed."}),
        json.dumps({"id": "b", "text": "Talks resumed.", "published": "2022-13-45"}),
    ]
    (tmp_path / "x.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "y.md").write_text(
        "---\npublished: 2022-02-30\n---\nDate: 2022-03-30\nTalks.\n", encoding="utf-8"
    )
    articles, problems = read_articles([tmp_path])
    assert [(a.id, str(a.published), a.published_from) for a in articles] == [
        ("x.jsonl#a", "2022-03-30", "date line"),
        ("x.jsonl#b", "None", None),
        ("y.md", "2022-03-30", "date line"),
    ]
    assert [(Path(p.where).name, p.line) for p in problems] == [("x.jsonl", 2), ("y.md", None)]
    assert all("is not a valid date" in p.message for p in problems)


def test_jsonl_line_not_utf8_skips_only_that_line(tmp_path):
    good = json.dumps({"id": "ok", "text": "Talks resumed."}).encode()
    (tmp_path / "x.jsonl").write_bytes(b'{"id": "bad", "text": "caf\xe9"}\n' + good + b"\n")
    articles, problems = read_articles([tmp_path])
    assert [a.id for a in articles] == ["x.jsonl#ok"]
    assert [(p.line, p.message) for p in problems] == [(1, "not valid UTF-8; line skipped")]


def test_html_without_article_text_is_a_problem(tmp_path):
    (tmp_path / "empty.html").write_text("<html><head><title>x</title></head><body></body></html>")
    articles, problems = read_articles([tmp_path])
    assert articles == []
    assert [str(p) for p in problems] == [
        f"warning: {tmp_path / 'empty.html'}: no article text found in the page; skipped"
    ]


def test_html_in_a_declared_legacy_charset_is_decoded(tmp_path):
    body = "".join(
        f"<p>Caf\u00e9 owners in Kyiv reopened on Tuesday, day {n} of the truce, officials said.</p>"
        for n in range(3)
    )
    head = '<head><meta charset="windows-1252"><title>t</title></head>'
    page = f"<html>{head}<body><article>{body}</article></body></html>"
    (tmp_path / "p.html").write_bytes(page.encode("cp1252"))
    articles, problems = read_articles([tmp_path])
    assert problems == []
    assert "Caf\u00e9 owners in Kyiv" in articles[0].text
