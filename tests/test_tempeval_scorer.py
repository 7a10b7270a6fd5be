"""The TempEval-3 scorer (bench/tempeval.py): TimeML reading, span matching, attribute scores, the CLI.

All TimeML here is hand-written; the TE3 corpora are never needed.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
sys.path.insert(0, str(BENCH))

import tempeval  # noqa: E402
from timeml import TimeMLError, read_timeml  # noqa: E402


@dataclass(frozen=True)
class Sys:
    start: int
    end: int
    type: str
    value: str | None
    rule: str = "test"


def tml(body: str, dct: str = "2013-03-22") -> str:
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>x</DOCID>\n'
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">'
        f"{dct}</TIMEX3></DCT>\n"
        f'<TITLE>Ignored <TIMEX3 tid="t99" type="DATE" value="2013">2013</TIMEX3></TITLE>\n'
        f"<TEXT>{body}</TEXT>\n</TimeML>\n"
    )


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_offsets_survive_entities_nested_tags_and_non_ascii(tmp_path):
    body = (
        'AT&amp;T &quot;said&quot; <EVENT eid="e1">on</EVENT> '
        '<TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday</TIMEX3> that caf\u00e9 \U0001f600 '
        '<TIMEX3 tid="t2" type="TIME" value="2013-03-21TEV"><SIGNAL sid="s1">late</SIGNAL> '
        "Thursday &lt;evening&gt;</TIMEX3> and "
        '<TIMEX3 tid="t3" type="DURATION" value="P2Y">two years</TIMEX3>.'
    )
    doc = read_timeml(write(tmp_path, "a.tml", tml(body, dct="1998-02-27T08:00:00")))
    assert doc.text == (
        'AT&T "said" on Thursday that caf\u00e9 \U0001f600 late Thursday <evening> and two years.'
    )
    assert doc.dct == dt.date(1998, 2, 27)
    got = [(t.start, t.end, t.text, t.type, t.value, t.tid) for t in doc.timexes]
    assert got == [
        (15, 23, "Thursday", "DATE", "2013-03-21", "t1"),
        (36, 59, "late Thursday <evening>", "TIME", "2013-03-21TEV", "t2"),
        (64, 73, "two years", "DURATION", "P2Y", "t3"),
    ]
    # Offsets are Python str indices: the emoji is one character, not two UTF-16 units or four bytes.
    assert all(doc.text[t.start : t.end] == t.text for t in doc.timexes)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (tml("an <TIMEX3 tid='t1'>open tag</TEXT>"), "a.tml:6: not well-formed XML"),
        ("<TimeML><TEXT>no creation time</TEXT></TimeML>", "no TIMEX3 with functionInDocument"),
        (tml("x", dct="XXXX-XX-XX"), "has no calendar date"),
        (
            '<TimeML><DCT><TIMEX3 functionInDocument="CREATION_TIME" value="2013-01-01"/></DCT></TimeML>',
            "no <TEXT> element",
        ),
    ],
)
def test_unreadable_timeml_raises_one_clear_error(tmp_path, content, message):
    path = write(tmp_path, "a.tml", content)
    with pytest.raises(TimeMLError, match=message) as info:
        read_timeml(path)
    assert str(path) in str(info.value)


def gold_doc(tmp_path: Path):
    body = (
        '<TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday</TIMEX3> and '  # 0-8
        '<TIMEX3 tid="t2" type="TIME" value="2013-03-21TEV">Thursday evening</TIMEX3> for '  # 13-29
        '<TIMEX3 tid="t3" type="DURATION" value="P2Y">the past two years</TIMEX3> '  # 34-52
        '<TIMEX3 tid="t4" type="SET" value="XXXX-WXX-1">every Monday</TIMEX3>'  # 53-65
    )
    return read_timeml(write(tmp_path, "g.tml", tml(body)))


def test_gold_against_itself_scores_100(tmp_path):
    doc = gold_doc(tmp_path)
    ev = tempeval.Evaluation()
    ev.add(doc, list(doc.timexes))
    s = tempeval.scores(ev.overall)
    for key in ("strict", "relaxed", "value", "type"):
        assert s[key] == {"P": 100.0, "R": 100.0, "F1": 100.0}
    assert (s["gold"], s["system"]) == (4, 4)
    assert tempeval.scores(ev.date_time)["gold"] == 2


def test_partial_overlaps_count_relaxed_not_strict_and_match_one_to_one(tmp_path):
    doc = gold_doc(tmp_path)
    assert [(t.start, t.end) for t in doc.timexes] == [(0, 8), (13, 29), (34, 52), (53, 65)]
    system = [
        Sys(0, 8, "DATE", "2013-03-21"),  # exact
        Sys(13, 21, "DATE", "2013-03-21"),  # "Thursday" inside "Thursday evening": relaxed only
        Sys(43, 65, "DURATION", "P2Y"),  # "two years every Monday": overlaps t3 (9) and t4 (12)
        Sys(70, 75, "DATE", "2013"),  # overlaps nothing: spurious
    ]
    c = tempeval.Counts()
    pairs = c.add(doc.timexes, system)
    # One partner each: the long span goes to t4 (larger overlap), so t3 stays unmatched.
    assert pairs == [(0, 0), (1, 1), (3, 2)]
    assert (c.gold, c.system, c.strict, c.relaxed) == (4, 4, 1, 3)
    s = tempeval.scores(c)
    assert s["strict"]["P"] == pytest.approx(25.0) and s["strict"]["R"] == pytest.approx(25.0)
    assert s["relaxed"]["F1"] == pytest.approx(75.0)


def test_value_and_type_f1_are_accuracy_times_relaxed_f1(tmp_path):
    doc = gold_doc(tmp_path)
    system = [
        Sys(0, 8, "DATE", "2013-03-21"),  # value right, type right
        Sys(13, 29, "TIME", "2013-03-21"),  # value wrong (TEV missing), type right
        Sys(38, 52, "DATE", "P2Y"),  # value right, type wrong, span shorter
        Sys(80, 86, "DATE", "2013-03"),  # spurious
        Sys(90, 95, "DATE", "2013-03"),  # spurious
    ]
    c = tempeval.Counts()
    c.add(doc.timexes, system)
    assert (c.relaxed, c.value, c.type) == (3, 2, 2)
    s = tempeval.scores(c)
    relaxed_f1 = s["relaxed"]["F1"]  # P 3/5, R 3/4
    assert relaxed_f1 == pytest.approx(2 * 0.6 * 0.75 / 1.35 * 100)
    # TE3: attribute F1 = (correct / relaxed matches) x relaxed F1.
    assert s["value"]["F1"] == pytest.approx(2 / 3 * relaxed_f1)
    assert s["value"]["P"] == pytest.approx(100 * 2 / 5) and s["value"]["R"] == pytest.approx(100 * 2 / 4)
    assert s["type"]["F1"] == pytest.approx(2 / 3 * relaxed_f1)
    assert dict(c.by_gold_type) == {
        "DATE": [1, 1, 1],
        "TIME": [1, 1, 0],
        "DURATION": [1, 1, 1],
        "SET": [1, 0, 0],
    }


def test_date_time_rows_filter_gold_by_gold_type_and_system_by_system_type(tmp_path):
    doc = gold_doc(tmp_path)
    system = [
        Sys(0, 8, "DURATION", "P1D"),  # gold DATE, system DURATION: a DATE+TIME miss, not a system timex
        Sys(13, 29, "TIME", "2013-03-21TEV"),
        Sys(34, 52, "DATE", "2011"),  # gold DURATION, system DATE: a DATE+TIME false positive
    ]
    ev = tempeval.Evaluation()
    ev.add(doc, system)
    dt_scores = tempeval.scores(ev.date_time)
    assert (dt_scores["gold"], dt_scores["system"]) == (2, 2)
    assert dt_scores["strict"] == pytest.approx({"P": 50.0, "R": 50.0, "F1": 50.0})
    assert dt_scores["value"]["F1"] == pytest.approx(50.0)


TRIVIAL_TAGGER = '''
import re
from dataclasses import dataclass

@dataclass(frozen=True)
class T:
    start: int
    end: int
    type: str
    value: str | None
    rule: str

def tag(text, anchor):
    """Bare years are DATEs; a weekday is resolved to the anchor itself (right only on the DCT's day)."""
    out = [T(m.start(), m.end(), "DATE", m.group(), "year")
           for m in re.finditer(r"\\b(?:19|20)\\d\\d\\b", text)]
    out += [T(m.start(), m.end(), "DATE", anchor.isoformat(), "weekday")
            for m in re.finditer(r"\\b(?:Monday|Friday)\\b", text)]
    return out
'''


def run_script(*args: str, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(pythonpath or "")}
    return subprocess.run(
        [sys.executable, str(BENCH / "tempeval.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=REPO,
    )


def snippet_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    write(
        corpus,
        "a.tml",
        tml(
            'Sales rose in <TIMEX3 tid="t1" type="DATE" value="2012">2012</TIMEX3> and '
            '<TIMEX3 tid="t2" type="DATE" value="2013-03-22">Friday</TIMEX3> brought '
            '<TIMEX3 tid="t3" type="DURATION" value="P3D">three days</TIMEX3> of talks.'
        ),
    )
    write(
        corpus / "sub",
        "b.tml",
        tml(
            'The <TIMEX3 tid="t1" type="DATE" value="2013-03-18">Monday</TIMEX3> vote; 1999 was spurious?',
            dct="2013-03-20",
        ),
    )
    write(corpus, "._a.tml", "macOS debris, skipped")
    return corpus


def test_cli_scores_a_real_tagger_module_on_a_snippet_directory(tmp_path):
    corpus = snippet_corpus(tmp_path)
    (tmp_path / "trivial_tagger.py").write_text(TRIVIAL_TAGGER, encoding="utf-8")
    run = run_script(str(corpus), "--system", "trivial_tagger:tag", "--json", pythonpath=tmp_path)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    overall = out["all"]
    assert (overall["docs"], overall["gold"], overall["system"]) == (2, 4, 4)
    # 2012, Friday, Monday found (exact spans); 1999 spurious; "three days" missed.
    assert overall["strict"]["P"] == pytest.approx(75.0) and overall["strict"]["R"] == pytest.approx(75.0)
    # Monday resolved to the anchor 2013-03-20 instead of 2013-03-18: 2 of 3 values right.
    assert overall["value"]["P"] == pytest.approx(50.0) and overall["value"]["R"] == pytest.approx(50.0)
    assert out["by_gold_type"]["DURATION"] == {"gold": 1, "found": 0, "value_correct": 0}

    table = run_script(
        str(corpus), "--system", "trivial_tagger", "--errors", "5", "--type-breakdown", pythonpath=tmp_path
    )
    assert table.returncode == 0, table.stderr
    assert "DATE+TIME" in table.stdout and "DURATION" in table.stdout
    assert "== missed: 1 (1 patterns) ==" in table.stdout
    assert "DURATION | three days" in table.stdout
    assert "gold 2013-03-18 sys 2013-03-20" in table.stdout
    assert "DATE | year | 9" in table.stdout  # spurious 1999, grouped by rule and digit shape
    rows = {line.split()[0]: line.split()[1:] for line in table.stdout.splitlines() if line[:1].isalpha()}
    assert rows["year"] == ["2", "50.0", "50.0", "50.0"]  # 2012 right, 1999 spurious
    assert rows["weekday"] == ["2", "100.0", "100.0", "50.0"]  # Friday right, Monday wrong value


def test_cli_reports_bad_input_in_one_line_without_traceback(tmp_path):
    corpus = snippet_corpus(tmp_path)
    write(corpus, "broken.tml", "<TimeML><TEXT>unclosed</TimeML>")
    (tmp_path / "trivial_tagger.py").write_text(TRIVIAL_TAGGER, encoding="utf-8")
    run = run_script(str(corpus), "--system", "trivial_tagger:tag", pythonpath=tmp_path)
    assert run.returncode == 2
    assert run.stderr.startswith("error: ") and "broken.tml:1: not well-formed XML" in run.stderr
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1

    missing = run_script(str(tmp_path / "nowhere"), "--system", "trivial_tagger", pythonpath=tmp_path)
    assert missing.returncode == 2 and "nowhere: no such file or directory" in missing.stderr
    no_tagger = run_script(str(corpus), "--system", "no_such_module:tag")
    assert no_tagger.returncode == 2 and "cannot load tagger 'no_such_module:tag'" in no_tagger.stderr


def _chrono_tagger_written() -> bool:
    try:
        return hasattr(importlib.import_module("chrono.temporal"), "tag")
    except ImportError:
        return False


@pytest.mark.skipif(not _chrono_tagger_written(), reason="chrono.temporal.tag not written yet")
def test_cli_runs_the_chrono_tagger_by_default(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    write(
        corpus,
        "a.tml",
        tml(
            'Prices fell on <TIMEX3 tid="t1" type="DATE" value="2013-03-21">March 21, 2013</TIMEX3> '
            'after rising in <TIMEX3 tid="t2" type="DATE" value="2012">2012</TIMEX3>.'
        ),
    )
    run = run_script(str(corpus), "--json")
    assert run.returncode == 0, run.stderr
    overall = json.loads(run.stdout)["all"]
    assert overall["strict"]["R"] == pytest.approx(100.0)
    assert overall["value"]["R"] == pytest.approx(100.0)
