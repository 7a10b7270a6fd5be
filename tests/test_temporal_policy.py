"""The written resolution policy (chrono/temporal/POLICY.md) and more fixed-anchor cases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import chrono.temporal
from chrono.temporal import tag

POLICY = Path(chrono.temporal.__file__).with_name("POLICY.md")


def _policy_rows() -> list[tuple[str, str, str, str | None]]:
    table = POLICY.read_text(encoding="utf-8").split("## Examples", 1)[1]
    rows = []
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        if len(cells) == 4 and cells[0] not in ("text", "---"):
            text, anchor, expression, value = cells
            rows.append((text, anchor, expression, None if value == "null" else value))
    return rows


POLICY_ROWS = _policy_rows()


def _value_of(text: str, anchor: str | None, expression: str) -> str | None:
    found = tag(text, dt.date.fromisoformat(anchor) if anchor else None)
    hits = [t for t in found if t.text == expression]
    assert hits, f"{expression!r} not found in {text!r}: {[t.text for t in found]}"
    return hits[0].value


def test_policy_page_has_its_examples() -> None:
    assert len(POLICY_ROWS) >= 25


@pytest.mark.parametrize(("text", "anchor", "expression", "value"), POLICY_ROWS)
def test_policy_examples(text: str, anchor: str, expression: str, value: str | None) -> None:
    assert _value_of(text, anchor, expression) == value


@pytest.mark.parametrize(
    ("text", "anchor", "expression", "value"),
    [
        # the same weekday under each tense, article dated Wednesday 2022-03-30
        ("Ministers met on Thursday.", "2022-03-30", "Thursday", "2022-03-24"),
        ("Ministers will meet on Thursday.", "2022-03-30", "Thursday", "2022-03-31"),
        # the present of a scheduled act looks ahead; its past looks back
        ("The minister sits down with the bosses on Thursday.", "2022-03-30", "Thursday", "2022-03-31"),
        ("The minister sat down with the bosses on Thursday.", "2022-03-30", "Thursday", "2022-03-24"),
        # a plan as the verb looks ahead, the noun is no cue
        ("They plan a candlelit vigil on Saturday evening.", "2026-09-11", "Saturday evening", "2026-09-12TEV"),
        ("The plan was approved on Monday.", "2026-09-11", "Monday", "2026-09-07"),
        # a past verb after a subordinator is its clause's own, not a participle of the future cue
        (
            "Brask will join Halden after its board accepted the offer on Tuesday.",
            "2022-03-30",
            "Tuesday",
            "2022-03-29",
        ),
        (
            "Brask agreed to be bought after Halden raised its offer on Tuesday.",
            "2022-03-30",
            "Tuesday",
            "2022-03-29",
        ),
        ("The line will remain closed on Thursday after it flooded.", "2022-03-30", "Thursday", "2022-03-31"),
        ("Ministers are to be held on Thursday.", "2022-03-30", "Thursday", "2022-03-31"),
        ("The summit, to be held on Thursday, is off.", "2022-03-30", "Thursday", "2022-03-31"),
        ("Last Friday's march was peaceful.", "2022-03-30", "Last Friday", "2022-03-25"),
        # a possessive weekday after a future act's object and "on" is the time of the act (dev32);
        # right after the verb "on" takes its complement, an event reported (Monday 2026-11-09)
        ("Tugs will try to refloat the ship on Tuesday's high tide.", "2026-11-09", "Tuesday", "2026-11-10"),
        ("The court will rule on Friday's appeal.", "2026-11-09", "Friday", "2026-11-06"),
        # months and day-months without a year
        ("The law took effect in December.", "2022-02-10", "December", "2021-12"),
        ("Elections are due in April.", "2022-02-10", "April", "2022-04"),
        ("The offer expires Nov. 16.", "1989-10-30", "Nov. 16", "1989-11-16"),
        ("It was signed on 24 February.", "2022-03-30", "24 February", "2022-02-24"),
        ("June last year", "2022-03-30", "June last year", "2021-06"),
        # an attributive future participle does not own the verb after it; a deferral needs its
        # target preposition right before the expression ("for two hours" moves no day)
        ("The expected vote passed on Tuesday.", "2026-03-11", "Tuesday", "2026-03-10"),
        (
            "The hearing was delayed until Thursday evening.",
            "2026-03-11",
            "Thursday evening",
            "2026-03-12TEV",
        ),
        ("Talks were extended for two hours on Friday.", "2026-03-11", "Friday", "2026-03-06"),
        # a past verb of waiting or lasting before "until" ends the span on a day past; an act that
        # sets a state until a day looks ahead (Sunday 2026-10-18)
        ("The board waited until Monday to sack him.", "2026-10-18", "Monday", "2026-10-12"),
        ("The talks lasted until Thursday.", "2026-10-18", "Thursday", "2026-10-15"),
        ("Police closed the road until Monday.", "2026-10-18", "Monday", "2026-10-19"),
        # the time set for a thing looks ahead, past verb or not ("for" right before it, dev32)
        ("The union called a march through Lenford for Saturday.", "2026-11-03", "Saturday", "2026-11-07"),
        ("The vote was scheduled for Monday.", "2026-10-18", "Monday", "2026-10-19"),
        ("Police called for calm on Monday.", "2026-10-18", "Monday", "2026-10-12"),
        ("The trip, which had been set for June 7, was put off.", "1997-04-15", "June 7", "1997-06-07"),
        # an expression that ends the subject of a reported clause takes its tense (Thursday 2026-11-19)
        ("The union said its march on Saturday would go ahead.", "2026-11-19", "Saturday", "2026-11-21"),
        ("The union said the march on Saturday was peaceful.", "2026-11-19", "Saturday", "2026-11-14"),
        ("The union said on Saturday the talks would resume.", "2026-11-19", "Saturday", "2026-11-14"),
        # "last" as an adjective or a verb is no past cue: the future verb decides, for a part of
        # the month as for the month
        ("The doors will shut for the last time in late March.", "2026-02-11", "late March", "2026-03"),
        ("The doors will shut for the last time in mid-May.", "2026-02-11", "mid-May", "2026-05"),
        ("It will close for the last time at the start of May.", "2026-02-11", "the start of May", "2026-05"),
        ("The bridge will at last open in the middle of May.", "2026-02-11", "the middle of May", "2026-05"),
        ("The strike could last into early May.", "2026-02-11", "early May", "2026-05"),
        # the present passive of a forecast looks ahead; its active past is a past cue
        ("Sales are forecast to rise in June.", "2026-03-03", "June", "2026-06"),
        ("Output is projected to peak in June.", "2026-03-03", "June", "2026-06"),
        ("A ruling is predicted in June.", "2026-03-03", "June", "2026-06"),
        ("Analysts predicted a slump in June, and it came.", "2026-03-03", "June", "2025-06"),
        # a schedule in the present looks ahead, the same act in the past does not (Tuesday 2026-10-06)
        ("The festival takes place on Thursday.", "2026-10-06", "Thursday", "2026-10-08"),
        ("The festival took place on Thursday.", "2026-10-06", "Thursday", "2026-10-01"),
        ("The tournament kicks off on Thursday.", "2026-10-06", "Thursday", "2026-10-08"),
        ("The new rules take effect on Thursday.", "2026-10-06", "Thursday", "2026-10-08"),
        ("The new rules took effect on Thursday.", "2026-10-06", "Thursday", "2026-10-01"),
        ("The hearing is set for Thursday.", "2026-10-06", "Thursday", "2026-10-08"),
        ("Parents are urged to collect children on Thursday.", "2026-10-06", "Thursday", "2026-10-08"),
        ("Voters were urged to turn out on Thursday.", "2026-10-06", "Thursday", "2026-10-01"),
        ("The vote is Friday.", "2026-10-06", "Friday", "2026-10-09"),
        # an accusation in the present passive reports a past act
        ("He is accused of attacking a guard on Thursday.", "2026-10-06", "Thursday", "2026-10-01"),
        # periods relative to the anchor
        ("this week", "2022-03-30", "this week", "2022-W13"),
        ("last month", "2022-01-15", "last month", "2021-12"),
        ("next month", "2022-12-15", "next month", "2023-01"),
        ("last year", "2022-03-30", "last year", "2021"),
        ("two weeks ago", "2022-03-30", "two weeks ago", "2022-W11"),
        ("a year ago", "2022-03-30", "a year ago", "2021"),
        ("several years ago", "2022-03-30", "several years ago", "PAST_REF"),
        ("last fall", "1999-04-10", "last fall", "1998-FA"),
        ("tonight", "2022-03-30", "tonight", "2022-03-30TNI"),
        # relative to the reference time, not to the publish date
        ("On Nov. 2, 1989 it fell. A year earlier it rose.", "2022-03-30", "A year earlier", "1988-11-02"),
        (
            "Sales rose in the third quarter. A year earlier they fell.",
            "1989-11-02",
            "A year earlier",
            "1988-Q3",
        ),
        (
            "On March 3, 2022 talks began; the following day they ended.",
            "2022-03-30",
            "the following day",
            "2022-03-04",
        ),
        # durations and sets
        ("for three days", "2022-03-30", "three days", "P3D"),
        ("a two-year contract", "2022-03-30", "two-year", "P2Y"),
        ("the next several days", "2022-03-30", "the next several days", "PXD"),
        ("every day", "2022-03-30", "every day", "P1D"),
        ("in recent years", "2022-03-30", "recent years", "PAST_REF"),
        # without an anchor: absolute dates only
        ("on Tuesday", None, "Tuesday", None),
        ("March 29, 2022", None, "March 29, 2022", "2022-03-29"),
        ("Crimea in 2014", None, "2014", "2014"),
    ],
)
def test_fixed_anchor_cases(text: str, anchor: str | None, expression: str, value: str | None) -> None:
    assert _value_of(text, anchor, expression) == value


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine shot down 25 out of 38 drones.",
        "It costs $500 million.",
        "Under Article 5 of the treaty.",
        "3 Months ₹300/Month",
        "1 Year\n₹225/Month",
        "We may see progress. Do they agree?",
        "They will march to the square.",
        "He is 52 years old.",
        "Czech Foreign Minister Jan Kavan spoke.",
        "The regime will fall.",
        "There were 2000 tanks and 1500 soldiers.",
        "Smart Quarterly plan",
        "Iraq imports about three-quarters of its food.",
        "He holds more than a quarter of the market.",
        "Officials said it was a day of mourning.",
        "The film High Noon won.",
        "The plan costs a year's salary.",
        "Nineteen ninety people came.",
        "She is in her forties.",
        "He was last seen the day before police arrived.",
        "They marched in the March on Washington.",
        "The May government fell. the march was peaceful.",
        "Rescue staged ``Spring of Life'' protests.",
        'They sang at the "Summer of Love" concert.',
        "On the same day as the Skylark flight, a rival put four satellites into orbit.",
    ],
)
def test_non_dates_stay_non_dates(text: str) -> None:
    assert tag(text, dt.date(2022, 3, 30)) == []


def test_range_start_carries_the_end() -> None:
    found = tag("The exhibition runs from 26 February until 13 March.", dt.date(2022, 3, 30))
    start, end = found
    assert (start.text, start.value, start.range_end, start.is_range_end) == (
        "26 February",
        "2022-02-26",
        "2022-03-13",
        False,
    )
    assert (end.text, end.value, end.is_range_end) == ("13 March", "2022-03-13", True)


def test_explain_names_rule_anchor_kind_and_cue() -> None:
    (weekday,) = tag("Talks will resume on Monday.", dt.date(2022, 3, 30))
    assert (weekday.rule, weekday.anchor, weekday.anchor_kind, weekday.cue, weekday.future) == (
        "date.weekday",
        "2022-03-30",
        "publish date",
        "will",
        True,
    )
    assert weekday.explain() == "rule date.weekday; resolved against publish date 2022-03-30; cue 'will'"
    later = tag("Talks began on March 3, 2022. A day later they ended.", None)[1]
    assert (later.anchor, later.anchor_kind) == ("2022-03-03", "reference time")
    data = later.as_json(explain=True)
    assert data["explanation"] == later.explain() and data["rule"] == "date.relative_to_reference"
    assert set(later.as_json(explain=False)) == {"start", "end", "text", "type", "value"}


@pytest.mark.parametrize(
    ("text", "expression", "future"),
    [
        ("Peskov will speak on Wednesday.", "Wednesday", True),
        ("Peskov spoke on Wednesday.", "Wednesday", False),
        ("Talks will resume next week.", "next week", True),
        ("Talks resumed last week.", "last week", False),
        ("The plant will open in October.", "October", True),
        ("It is a problem for the future.", "the future", True),
        ("It lasted three days.", "three days", False),
    ],
)
def test_future_flag(text: str, expression: str, future: bool) -> None:
    (found,) = [t for t in tag(text, dt.date(2022, 3, 30)) if t.text == expression]
    assert found.future is future


@pytest.mark.parametrize(
    ("text", "value", "cue"),
    [
        # a participle after a modal in the same clause does not make it past
        ("Schools will remain closed on Monday.", "2022-04-04", "will"),
        ("The talks will stay suspended until further notice on Monday.", "2022-04-04", "will"),
        # a past auxiliary after the modal, or a clause break, gives the past back
        ("He said schools that will reopen were closed on Monday.", "2022-03-28", "closed"),
        ("The firm, which will be sold, reported on Monday.", "2022-03-28", "reported"),
        ("He will stay; stores closed on Monday.", "2022-03-28", "closed"),
    ],
)
def test_modal_governs_participle(text: str, value: str, cue: str) -> None:
    (monday,) = [t for t in tag(text, dt.date(2022, 3, 30)) if t.text == "Monday"]
    assert (monday.value, monday.cue) == (value, cue)


def test_day_range_in_one_expression() -> None:
    first, second = tag("The summit was held 26-28 February.", dt.date(2022, 3, 30))
    assert (first.text, first.value, first.range_end) == ("26", "2022-02-26", "2022-02-28")
    assert (second.text, second.value, second.is_range_end) == ("28 February", "2022-02-28", True)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a month in the day's sentence qualifies its event: "a day later" counts from the day
        (
            "Storms on Wednesday night brought the heaviest rain since March. Cuts ended a day later.",
            "2026-07-30",
        ),
        # a month that sets the story's time in a sentence of its own: no day to count from
        ("Storms hit on Wednesday night. In March, cuts ended. Rain fell a day later.", None),
        # … but one inside a sentence of its own tells background: the day is still the one to count from
        (
            "Storms hit on Wednesday night. Inflation reached 3 percent in March. Cuts ended a day later.",
            "2026-07-30",
        ),
    ],
)
def test_a_day_later_counts_from_the_day_a_coarser_time_in_its_sentence_qualifies(
    text: str, value: str | None
) -> None:
    (later,) = [t for t in tag(text, dt.date(2026, 7, 31)) if t.text == "a day later"]
    assert later.value == value


def test_a_datetime_anchor_counts_as_its_date() -> None:
    (found,) = tag("It happened yesterday.", dt.datetime(2022, 3, 30, 23, 59, tzinfo=dt.UTC))
    assert (found.value, found.anchor) == ("2022-03-29", "2022-03-30")


def test_year_range_links_both_years() -> None:
    first, second = tag("The ban ran 2010-2012.", dt.date(2013, 3, 22))
    assert (first.text, first.value, first.range_end) == ("2010", "2010", "2012")
    assert (second.text, second.value, second.is_range_end) == ("2012", "2012", True)
    assert [t.value for t in tag("the 1998-02 budget and its 1996-95 budget", dt.date(2003, 1, 1))] == [
        "1998",
        "2002",
        "1996",
    ]


@pytest.mark.parametrize(
    ("year", "first_day"),
    [(1990, "04-10"), (1998, "04-11"), (2000, "04-20"), (2013, "03-26"), (2019, "04-20"), (2022, "04-16")],
)
def test_passover_is_fifteen_nisan(year: int, first_day: str) -> None:
    (found,) = tag("Families will gather for Passover.", dt.date(year, 3, 1))
    assert found.value == f"{year}-{first_day}"


def test_a_prefixed_year_is_open_on_one_side() -> None:
    found = tag("The post-1959 politics redrew the pre-1967 borders in 1970.", dt.date(2000, 2, 24))
    assert [(t.text, t.value, t.mod) for t in found] == [
        ("post-1959", "1959", "AFTER"),
        ("pre-1967", "1967", "BEFORE"),
        ("1970", "1970", None),
    ]


def test_undated_text_takes_the_year_of_its_own_dates() -> None:
    # A council notice with no publish date: "13 April" is the April of the text's own dates.
    text = "The bridge was closed on 10 April 2027. The bridge will not reopen on 13 April as planned."
    assert _value_of(text, None, "13 April") == "2027-04-13"
    # with no dated expression before it, no year is guessed
    assert _value_of("The bridge will not reopen on 13 April as planned.", None, "13 April") is None
    # Each such date is the text's own, and the time the next ones count from; the events never
    # count it again from another event (5 November is 5 November, whatever came before).
    text = (
        "The engineer was taken on 31 October 2026. On 2 November the group published a recording."
        " The driver was let go a day later. Elders opened talks on 5 November."
    )
    found = {t.text: t for t in tag(text, None)}
    assert [found[k].value for k in ("2 November", "a day later", "5 November")] == [
        "2026-11-02",
        "2026-11-03",
        "2026-11-05",
    ]
    assert found["5 November"].anchor_kind == "year of the reference time"


def test_a_year_that_bounds_a_promise_is_no_reference_time() -> None:
    """ "no compulsory redundancies before 2028": 2028 is when nothing happens, so the undated
    text's "21 January" takes no year from it; a day after "until" still is a time told."""
    text = "He promised there would be no compulsory redundancies before 2028. Members vote on 21 January."
    assert _value_of(text, None, "21 January") is None
    text = "In 2026 the bank grew. Members voted on 21 January."
    assert _value_of(text, None, "21 January") == "2026-01-21"
    text = "The bridge was closed until 10 April 2027. It will not reopen on 13 April as planned."
    assert _value_of(text, None, "13 April") == "2027-04-13"


def test_a_bound_ends_the_time_told_before_it() -> None:
    # "since March 2005" is no time to count from, and Friday is no longer the story's time
    text = (
        "The euro fell in New York Friday when it charted its highest levels since March 2005.\n\n"
        "The dollar had taken another beating in the morning after weak US data."
    )
    assert _value_of(text, "2006-12-04", "the morning") == "2006-12-04TMO"


def test_anticipate_looks_ahead_as_expect_does() -> None:
    # a machine-spun "Engineers expect to restore supplies on Tuesday", in a Monday paper
    text = "Engineers anticipate to revive provides on Tuesday."
    assert _value_of(text, "2027-01-11", "Tuesday") == "2027-01-12"


def test_intend_to_looks_ahead_as_plan_to_does() -> None:
    # a machine-spun "Farmers plan to protest outside the agency's Kelvig office on Friday", in a Thursday paper
    text = "Sheep growers intend to object outdoors the company's Kelvig workplace on Friday."
    assert _value_of(text, "2027-02-04", "Friday") == "2027-02-05"
