"""Editorial overrides: loading with clear errors, and each operation applied deterministically."""

from __future__ import annotations

from pathlib import Path

import pytest

from chrono.check import check_timeline
from chrono.errors import Level
from chrono.export import timeline_json
from chrono.models import Timeline
from chrono.overrides import Overrides, OverridesError, apply_overrides, load_overrides, split_id

DATA = Path(__file__).parent / "data" / "check"
A3, A4 = "003_1160814364ef8c10.txt", "004_f37f68e56e8894e5.txt"


@pytest.fixture
def timeline() -> Timeline:
    return Timeline.model_validate_json((DATA / "valid.json").read_text())


@pytest.fixture
def applied(timeline):
    return apply_overrides(timeline, load_overrides(DATA / "chrono.yaml"))


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "chrono.yaml"
    path.write_text(text)
    return path


def _by_id(timeline: Timeline):
    return {e.id: e for e in timeline.events}


def test_merge_keeps_the_first_id_and_every_mention(timeline, applied):
    events = _by_id(applied[0])
    assert "ev-talks-march" not in events
    merged = events["ev-round-one"]
    before = _by_id(timeline)
    assert merged.mentions == [*before["ev-round-one"].mentions, *before["ev-talks-march"].mentions]
    assert merged.edits == ["merged ev-talks-march into this event"]
    assert merged.conflict is False  # 2022-03-01 lies inside 2022-03


def test_split_moves_named_mentions_into_an_event_with_a_derived_id(timeline, applied):
    events = _by_id(applied[0])
    new_id = split_id("ev-istanbul", [A4])
    assert new_id == "ev-istanbul-split-" + new_id.rsplit("-", 1)[1] and new_id in events
    assert [m.article for m in events["ev-istanbul"].mentions] == [A3]
    split = events[new_id]
    assert [m.article for m in split.mentions] == [A4]
    assert (split.date, split.summary, split.edits) == (
        "2022-03-29",
        split.mentions[0].text,
        ["split off ev-istanbul"],
    )
    assert events["ev-istanbul"].edits[0] == f"split mentions of {A4} off into {new_id}"
    assert (
        split_id("ev-istanbul", ["b", "a"])
        == split_id("ev-istanbul", ["a", "b"])
        != split_id("ev-x", ["a", "b"])
    )


def test_pin_summary_and_suppress_are_recorded(timeline, applied):
    events = _by_id(applied[0])
    resumed = events["ev-talks-resume"]
    assert (resumed.date, resumed.date_end) == ("2022-04-05", None)
    assert resumed.edits == ["date pinned: 2022-04-04 → 2022-04-05"]  # date_end was already null: no edit
    istanbul = events["ev-istanbul"]
    assert istanbul.summary == "Istanbul talks end with Russia promising to scale back near Kyiv"
    assert (
        istanbul.edits[1]
        == "summary rewritten (was: Russian and Ukrainian delegations hold talks in Istanbul.)"
    )
    assert "ev-nato" not in events
    untouched = [e for e in applied[0].events if e.id in {"ev-week-shelling", "ev-peskov", "ev-withdrawal"}]
    assert untouched == [
        e for e in timeline.events if e.id in {"ev-week-shelling", "ev-peskov", "ev-withdrawal"}
    ]


def test_unknown_ids_are_problems_naming_the_file_and_key(applied):
    problems = applied[1]
    assert [str(p) for p in problems] == [
        f"warning: {DATA / 'chrono.yaml'}: events.ev-gone: no longer matches any event",
        f"warning: {DATA / 'chrono.yaml'}: events.ev-peskov.merge: ev-deleted: no longer matches any event",
    ]
    assert all(p.level is Level.WARNING for p in problems)


def test_result_is_sorted_valid_and_deterministic(timeline, applied):
    edited = applied[0]
    assert check_timeline(edited) == []  # in contract order, ids unique, no mention dated after its article
    again, _ = apply_overrides(timeline.model_copy(deep=True), load_overrides(DATA / "chrono.yaml"))
    assert timeline_json(again) == timeline_json(edited)
    assert [e.id for e in edited.events][:3] == ["ev-round-one", "ev-week-shelling", "ev-istanbul"]


def test_pinning_a_date_re_sorts_the_event(timeline, tmp_path):
    path = _write(tmp_path, "events:\n  ev-talks-march:\n    date: 2022-04-30\n    date_end: 2022-05\n")
    edited, problems = apply_overrides(timeline, load_overrides(path))
    assert problems == []
    dated = [e.id for e in edited.events if e.date]
    assert dated[-1] == "ev-talks-march"
    assert _by_id(edited)["ev-talks-march"].edits == [
        "date pinned: 2022-03 → 2022-04-30",
        "date_end pinned: none → 2022-05",
    ]


def test_split_that_would_empty_the_event_is_refused(timeline, tmp_path):
    path = _write(tmp_path, f"events:\n  ev-peskov:\n    split: [{A3}, 999.txt]\n")
    edited, problems = apply_overrides(timeline, load_overrides(path))
    assert edited == timeline
    assert [p.message for p in problems] == [
        "events.ev-peskov.split: 999.txt: no longer matches any mention of the event",
        "events.ev-peskov.split: would move every mention; use suppress or summary instead",
    ]


def test_merge_of_dates_that_disagree_marks_a_conflict(timeline, tmp_path):
    path = _write(tmp_path, "events:\n  ev-istanbul:\n    merge: [ev-peskov, ev-talks-resume]\n")
    merged = _by_id(apply_overrides(timeline, load_overrides(path))[0])["ev-istanbul"]
    assert merged.conflict is True
    assert merged.future is True  # one merged report announced it ahead of time
    assert len(merged.mentions) == 4


def test_yaml_scalars_stay_strings(tmp_path):
    path = _write(tmp_path, "events:\n  0123:\n    date: 2022-03-29\n    summary: yes\n    suppress: true\n")
    overrides = load_overrides(path)
    [(key, override)] = overrides.events.items()
    assert (key, override.date, override.summary, override.suppress) == ("0123", "2022-03-29", "yes", True)
    assert overrides.source == str(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("events:\n  ev-a:\n    colour: red\n", "events.ev-a.colour: Extra inputs are not permitted"),
        ("events:\n  ev-a:\n    date: March 2022\n", "events.ev-a.date: String should match pattern"),
        (
            "events:\n  ev-a:\n    date: 2022-02-30\n",
            "events.ev-a.date: Value error, '2022-02-30' is not a calendar",
        ),
        (
            "events:\n  ev-a:\n    suppress: perhaps\n",
            "events.ev-a.suppress: Input should be a valid boolean",
        ),
        ("pins:\n  ev-a: 2022\n", "pins: Extra inputs are not permitted"),
        (
            "events:\n  ev-a:\n    merge: [ev-b]\n  ev-c:\n    merge: [ev-b]\n",
            "ev-b is already merged into ev-a",
        ),
        (
            "events:\n  ev-a:\n    merge: [ev-b]\n  ev-b:\n    summary: x\n",
            "events.ev-b: it is merged into ev-a",
        ),
        ("events:\n  ev-a: [unclosed\n", ":3: not valid YAML"),
    ],
)
def test_invalid_files_are_one_clear_error_naming_file_and_key(tmp_path, text, message):
    path = _write(tmp_path, text)
    with pytest.raises(OverridesError) as info:
        load_overrides(path)
    assert str(info.value).startswith(str(path))
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_file_is_an_error(tmp_path):
    with pytest.raises(OverridesError, match="cannot be read"):
        load_overrides(tmp_path / "nope.yaml")


def test_empty_file_changes_nothing(timeline, tmp_path):
    overrides = load_overrides(_write(tmp_path, "# nothing yet\n"))
    assert overrides.events == Overrides().events == {}
    assert apply_overrides(timeline, overrides) == (timeline, [])


def test_chrono_yaml_beside_the_inputs_applies_through_the_cli(run_chrono, tmp_path):
    import json
    import shutil

    from conftest import SEEDS

    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    before = json.loads(run_chrono("extract", str(articles), "--no-cache").stdout)
    first, second = before["events"][0]["id"], before["events"][1]["id"]
    (articles / "chrono.yaml").write_text(
        f"events:\n  {first}:\n    summary: Reviewed by the desk\n  {second}:\n    suppress: true\n"
        "  0000000000000000:\n    suppress: true\n",
        encoding="utf-8",
    )
    done = run_chrono("extract", str(articles), "--no-cache")
    after = json.loads(done.stdout)
    edited = next(e for e in after["events"] if e["id"] == first)
    assert edited["summary"] == "Reviewed by the desk" and edited["edits"]
    assert second not in {e["id"] for e in after["events"]}
    assert len(after["events"]) == len(before["events"]) - 1
    # The stale override is reported, once, naming the file.
    assert [line for line in done.stderr.splitlines() if "0000000000000000" in line]
    assert "chrono.yaml" in done.stderr
    assert run_chrono("extract", str(articles), "--no-cache", "--strict").returncode == 1

    (articles / "chrono.yaml").write_text("events: [not, a, mapping]\n", encoding="utf-8")
    broken = run_chrono("extract", str(articles), "--no-cache")
    assert broken.returncode == 2 and "Traceback" not in broken.stderr
