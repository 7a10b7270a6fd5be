"""Merge recall: reports of one happening told in other words, or first as a plan and then as
done, merge into one event. Small multi-article fixtures run through the real extraction and merge."""

from __future__ import annotations

from pathlib import Path

from conftest import grouped, merged_articles


def test_a_vote_planned_for_a_day_meets_the_ballot_reported_done_that_day(tmp_path: Path) -> None:
    """Members to vote on the offer on Monday, and the paper of Tuesday on yesterday's ballot that
    backed the offer: one kind of act ("vote" / "ballot") and what it was about, no name on either
    side, so the plan and its news are one event."""
    events = merged_articles(
        tmp_path,
        wire=("2026-10-10", "Guild members will vote on the offer on Monday."),
        radio=(
            "2026-10-13",
            "Eighty-one per cent of members who took part in yesterday's ballot backed the offer.",
        ),
    )
    together = grouped(events)
    assert together == [["Eighty-one per cent of m", "Guild members will vote "]], together


def test_a_court_appearance_planned_meets_the_hearing_reported_in_other_words(tmp_path: Path) -> None:
    """A man to "appear before Mardon Magistrates' Court", and the weekly's man who "appeared before
    Mardon magistrates": the possessive folds to the plural and magistrates are a court, so the plan
    and its report meet."""
    events = merged_articles(
        tmp_path,
        police=("2026-10-11", "The man will appear before Mardon Magistrates' Court on 13 October 2026."),
        weekly=(
            "2026-10-17",
            "The man accused over the Ostrander Museum break-in appeared before Mardon magistrates on"
            " Tuesday and was remanded in custody.",
        ),
    )
    together = grouped(events)
    assert together == [["The man accused over the", "The man will appear befo"]], together


def test_a_vote_of_no_confidence_is_the_no_confidence_motion(tmp_path: Path) -> None:
    """A government that "survived a vote of no confidence" and deputies who "rejected the
    no-confidence motion" on one day: one vote, however worded."""
    events = merged_articles(
        tmp_path,
        wire=("2026-10-08", "Deputies rejected the no-confidence motion by 88 votes to 81 on Thursday."),
        radio=("2026-10-09", "The government survived a vote of no confidence on Thursday."),
    )
    together = grouped(events)
    assert together == [["Deputies rejected the no", "The government survived "]], together


def test_homes_reconnected_are_power_restored_as_planned(tmp_path: Path) -> None:
    """The grid operator "expected to restore power to all homes by Tuesday", and on Tuesday the last
    homes "were reconnected": reconnected is restored, so the plan and its report are one event."""
    events = merged_articles(
        tmp_path,
        wire=(
            "2026-11-15",
            "The grid operator Vestra said it expected to restore power to all homes by Tuesday.",
        ),
        radio=(
            "2026-11-17",
            "The last of the homes that lost power in Storm Ilse were reconnected this morning, the grid"
            " operator Vestra said.",
        ),
    )
    together = grouped(events)
    assert together == [["The grid operator Vestra", "The last of the homes th"]], together


def test_a_successor_to_be_presented_meets_the_job_handed_to_him(tmp_path: Path) -> None:
    """The wire's "A permanent successor will be presented ... on Friday" and the op-ed's "On Friday
    it handed the job to Ruben Castell": presenting a successor and handing him the job are
    appointing him, and the plan and its report share no other word."""
    events = merged_articles(
        tmp_path,
        wire=(
            "2026-10-13",
            "A permanent successor will be presented at a news conference on Friday, the federation said.",
        ),
        oped=(
            "2026-10-18",
            "On Friday it handed the job to Ruben Castell, the man who built the very Moldhaven side that"
            " humiliated us.",
        ),
    )
    together = grouped(events)
    assert together == [["A permanent successor wi", "On Friday it handed the "]], together


def test_a_view_in_a_speakers_relative_clause_meets_the_view_reported(tmp_path: Path) -> None:
    """The wire's minister who "called the cut regrettable but fair" and the paper's minister "who on
    Tuesday described the cut as regrettable but fair": the view after "described" is what was said
    (not words that complete a trailing attribution), and the name the clause follows is its
    speaker, so the two reports of one statement meet."""
    events = merged_articles(
        tmp_path,
        wire=(
            "2026-11-03",
            "The cabinet approved the budget on Tuesday. Labour Minister Anja Roost called the cut"
            " regrettable but fair.",
        ),
        paper=(
            "2026-11-05",
            "Labour Minister Anja Roost, who on Tuesday described the cut as regrettable but fair, met"
            " union leaders on Wednesday evening.",
        ),
    )
    together = grouped(events)
    assert ["Labour Minister Anja Roo", "Labour Minister Anja Roo"] in together, together


# The story both articles tell, in a sentence of each dated to another day: their shared rare names.
_LINER_WIRE = " Halcyra Line's Serenna Bay had sailed from Kestowe to Port Vessany on 2 September 2026."
_LINER_PAPER = " Halcyra Line's Serenna Bay had left Kestowe for Port Vessany on 2 September 2026."


def test_one_story_s_only_reports_of_a_day_are_one_event_however_worded(tmp_path: Path) -> None:
    """Two articles of one story (they share its rare names: the ship, the line, the ports) that each
    tell one thing of Monday tell the same thing, "held when it docked" / "stopped from leaving the
    harbour when it arrived", though the two sentences share no word but their day."""
    events = merged_articles(
        tmp_path,
        wire=("2026-09-15", "The liner was held at the port when it docked on Monday." + _LINER_WIRE),
        paper=("2026-09-16", "The ship was stopped from leaving the harbour when it arrived on Monday." + _LINER_PAPER),
    )
    monday = [e for e in events if e.date == "2026-09-14"]
    assert [len(e.mentions) for e in monday] == [2], grouped(events)
    reasons = monday[0].merge_reasons
    assert any("same day, alone in both stories" in r and "share halcyra, kestow, serenna, vessany" in r for r in reasons), reasons


def test_a_figure_in_words_meets_its_digits(tmp_path: Path) -> None:
    """"Sixty-two per cent" is "62 percent" (a ten and a unit hyphenated, their sum; "per cent" one
    word): two outlets' turnout of one day, one dated by context, meet on it. Any other hyphenated
    word stays as written."""
    from chrono.summary import word_terms

    assert word_terms("Sixty-two per cent, ninety-nine, a well-known, twenty-ten") == (
        "62",
        "percent",
        "99",
        "well-known",
        "twenty-ten",
    )
    events = merged_articles(
        tmp_path,
        live=(
            "2026-09-20",
            "Polls closed at 10pm on Sunday.\n\nTurnout was 62 percent of voters, the commission says.",
        ),
        radio=("2026-09-21", "Sixty-two per cent of the town's voters took part in yesterday's poll."),
    )
    assert ["Sixty-two per cent of th", "Turnout was 62 percent o"] in grouped(events), grouped(events)


def test_sides_that_sat_down_for_the_first_time_met(tmp_path: Path) -> None:
    """Two sides that "sat down for the first time" on a day held the talks another outlet's speaker
    says went nowhere that day: a meeting, not two acts of one company (protesters who "sat down for
    an hour" met nobody)."""
    from chrono.summary import acts

    events = merged_articles(
        tmp_path,
        gazette=(
            "2026-06-06",
            "Ilsa Borne of the Dyers' Guild told the crowd that talks with Carrow Fabrics on Tuesday had"
            ' gone "nowhere".',
        ),
        digest=(
            "2026-06-07",
            "Guild leaders and Carrow Fabrics sat down for the first time on Tuesday over the mill closure.",
        ),
    )
    assert grouped(events) == [["Guild leaders and Carrow", "Ilsa Borne of the Dyers'"]], grouped(events)
    assert "@meet" not in acts("Protesters sat down for an hour in the road.")


def test_a_ship_that_struck_rocks_ran_aground() -> None:
    """A ship that "struck rocks" or "hit a rock" ran aground: a crash, as the outlet that writes
    "ran aground" tells it."""
    from chrono.summary import acts

    assert acts("The coastguard says it struck rocks at about 6.40pm.") == acts("The ferry ran aground.")
    assert acts("The ferry hit a rock off Tarn Point.") == frozenset({"@crash"})


FERRY_WIRE = (
    "LENFORD, Nov 9 - The ferry Marra Star ran aground off Tarn Point on Sunday evening with 214"
    " passengers and 31 crew on board, the coastguard said.\n\n"
    "Lifeboats from Lenford and Oster lifted the passengers off overnight."
)


def test_an_article_that_tells_its_event_twice_keeps_both_tellings_in_it(tmp_path: Path) -> None:
    """A live page tells the grounding twice, far from its lead ("The Marra Star ferry has run
    aground off Tarn Point." / "The coastguard says it struck rocks at 6.40pm"): the second
    telling, dated outright, merges with the wire's report; the first pairs above its threshold
    with every other article's mention of that event, tells the same kind of act on the same day,
    and joins it, where one event held one mention of each article but a lead's restatement. The
    lead keeps the day it was dated to: a day guessed from context takes no time of day from
    another mention (`merge._redates`)."""
    live = (
        "Lenford General Hospital says nine people are being treated for minor injuries and cold.\n\n"
        "Lifeboats from Lenford and Oster have started lifting passengers off the ship.\n\n"
        "The Marra Star ferry has run aground off Tarn Point. The coastguard says it struck rocks at"
        " 6.40pm with more than 200 passengers on board."  # an exact time: "at about 6.40pm" is the day
    )
    events = merged_articles(tmp_path, wire=("2026-11-08", FERRY_WIRE), live=("2026-11-08", live))
    assert grouped(events) == [
        ["LENFORD, Nov 9 - The fer", "The Marra Star ferry has", "The coastguard says it s"]
    ], grouped(events)
    # The lead, dated by context to the day, keeps the day: the time of day is its detail's.
    dates = {m.text[:12]: m.date for e in events for m in e.mentions}
    assert dates["The Marra St"] == "2026-11-08" and dates["The coastguar"[:12]] == "2026-11-08T18:40", dates


def test_an_articles_two_sentences_of_a_day_told_apart_are_two_happenings(tmp_path: Path) -> None:
    """What keeps an article's two mentions of one day apart though another article's mention pairs
    with both (`merge._told_twice`): a word that says the sentence tells another happening ("In a
    separate vote"), no kind of act shared ("arrested" / "was questioned"), both dated by context
    (neither gives the day), or two speakers."""
    from chrono import merge
    from chrono.events import extract_events
    from chrono.ingest import read_articles
    from chrono.temporal import tag

    bodies = {
        "told": "The Marra Star ferry has run aground off Tarn Point.\n\nThe coastguard says it struck rocks"
        " at about 6.40pm on Sunday with more than 200 passengers on board.",
        "separate": "Varn's Assembly voted 87 to 52 on Wednesday to pass the Clean Rivers Bill.\n\nIn a"
        " separate vote on Wednesday, the Assembly voted 61 to 78 against the Coastal Fisheries Bill.",
        "kinds": "Police arrested the head of Brannock Estates on Friday.\n\nOskar Brannock, 61, was"
        " questioned on Friday about the collapse.",
        "guessed": "The Marra Star ferry has run aground off Tarn Point.\n\nThe ship struck rocks with more"
        " than 200 passengers on board.",
    }
    for name, body in bodies.items():
        (tmp_path / f"{name}.md").write_text(f"---\npublished: 2026-11-08\n---\n{body}\n", encoding="utf-8")
    found, _ = read_articles([tmp_path])
    mentions = [m for a in found for m in extract_events(a, tag(a.clean.match_text, a.published))]
    items, _, _ = merge._items(enumerate(mentions))
    told: dict[str, bool] = {}
    for name in bodies:
        first, second = sorted(
            (it for it in items if it.mention.article == f"{name}.md"), key=lambda it: it.mention.start
        )
        told[name] = merge._told_twice(first, second)
    assert told == {"told": True, "separate": False, "kinds": False, "guessed": False}, told


def test_a_quote_told_right_after_its_speaker_s_act_joins_that_act_s_event(tmp_path: Path) -> None:
    """The wire reports the chief executive's apology, then quotes her saying sorry; other outlets
    carry only the quote, or say she said it on Monday. The quote of a participant the sentence
    before names, of the same kind of act, is that act: one event of all four, where the wire's
    two sentences alone kept two events apart."""
    events = merged_articles(
        tmp_path,
        wire=(
            "2027-02-01",
            "Harnor Appliances recalled 64,000 Brisa fan heaters on Monday after eleven house fires.\n\n"
            "Harnor chief executive Lene Varg apologised to customers on Monday.\n\n"
            '"Safety is our first concern. We are sorry for the worry this has caused," she said.',
        ),
        herald=(
            "2027-02-02",
            "Harnor Appliances recalled 64,000 Brisa fan heaters yesterday.\n\n"
            '"We are sorry for the worry this has caused," the company said.',
        ),
        statement=(
            "2027-02-03",
            '"As our chief executive said on Monday, we are sorry for the worry this has caused," '
            "a spokeswoman said.",
        ),
    )
    apology = ['"As our chief executive ', '"Safety is our first con', '"We are sorry for the wo', "Harnor chief executive L"]
    assert apology in grouped(events), grouped(events)


def test_a_lead_that_names_no_kind_of_act_joins_its_article_s_dated_telling_by_the_act_s_word(
    tmp_path: Path,
) -> None:
    """A bulletin's lead ("has ordered safety checks", no kind of act) and its next sentence that
    dates the order (on a visit, a meeting's word) share the act's word, "order": one happening
    told twice, so the lead joins the event its dated telling makes with the paper's report; the
    two tellings' few shared words do not hold the paper's report apart from it."""
    events = merged_articles(
        tmp_path,
        radio=(
            "2027-02-08",
            "The consumer minister has ordered safety checks on every cable car in the country.\n\n"
            "Tomas Hald gave the order this morning on a visit to Skarvik.",
        ),
        courier=(
            "2027-02-09",
            "Consumer minister Tomas Hald ordered checks on all 31 of the country's cable cars on Monday.",
        ),
    )
    together = grouped(events)
    assert together == [["Consumer minister Tomas ", "The consumer minister ha", "Tomas Hald gave the orde"]], (
        together
    )
