"""Merging mentions into events, on small multi-article fixtures (tests/data/events/) run end to end."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from chrono import merge
from chrono.events import EventMention, TimexRef, extract_events
from chrono.ingest import read_articles
from chrono.merge import merge_events
from chrono.models import Event
from chrono.summary import acts, attribution, key_terms, stem
from chrono.temporal import tag

DATA = Path(__file__).parent / "data" / "events"


def mentions_of(folder: str | Path) -> list[EventMention]:
    """The mentions of every article in a folder of tests/data/events, or in the folder given."""
    articles, _ = read_articles([DATA / folder])
    return [m for a in articles for m in mentions_in(a)]


def merged_articles(folder: Path, published: str, **bodies: str) -> list[Event]:
    """The events merged from Markdown articles `<name>.md` published on one day, each body given."""
    for name, body in bodies.items():
        (folder / f"{name}.md").write_text(f"---\npublished: {published}\n---\n{body}\n", encoding="utf-8")
    return merge_events(mentions_of(folder))


@pytest.fixture
def extract(run_chrono):
    def run(folder: str) -> dict[str, Any]:
        result = run_chrono("extract", str(DATA / folder))
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    return run


def mentions_in(article: Any) -> list[EventMention]:
    return extract_events(article, tag(article.clean.match_text, article.published))


def events_citing(timeline: dict[str, Any], words: str) -> list[dict[str, Any]]:
    return [e for e in timeline["events"] if any(words in m["text"] for m in e["mentions"])]


def test_outlets_disagreeing_on_the_day_give_one_conflicting_event(extract) -> None:
    [event] = events_citing(extract("conflict"), "dam on the Dnipro river collapsed")
    assert event["conflict"] is True
    dates = {m["article"]: m["date"] for m in event["mentions"]}
    assert dates == {"daily.txt": "2023-06-06", "wire.txt": "2023-06-05"}
    assert event["date"] in dates.values()
    assert any("conflicting dates" in r for r in event["merge_reasons"])


def test_scheduled_event_later_reported_as_done_is_one_past_event(extract) -> None:
    timeline = extract("scheduled")
    statement, vote = events_citing(timeline, "pension reform bill")
    assert (statement["date"], statement["future"]) == ("2023-06-02", False)  # "…, the office said on Friday"
    assert vote["date"] == "2023-06-06"
    assert {m["article"] for m in vote["mentions"]} == {"preview.txt", "result.txt"}
    # Scheduled in one article, done in the next: the preview's mention stays future, the event
    # is not (it has happened), and it is told in the report's words.
    futures = {m["article"]: m["future"] for m in vote["mentions"]}
    assert futures == {"preview.txt": True, "result.txt": False}
    assert vote["future"] is False and "voted" in vote["summary"]
    [strike] = events_citing(timeline, "general strike")
    assert strike["future"] is True and strike["date"] == "2023-06-15"


def test_same_day_different_events_stay_apart(extract) -> None:
    timeline = extract("same_day")
    for words in ("in Kharkiv", "in Odesa", "peace summit", "grain agreement"):
        [event] = events_citing(timeline, words)
        assert len(event["mentions"]) == 1, words
    dates = {e["date"] for e in events_citing(timeline, "Peskov")}
    assert dates == {"2024-05-13"}  # same spokesman, same day, two subjects: two events


def test_spun_rewrite_merges_with_its_original(extract) -> None:
    timeline = extract("spun")
    [claim] = events_citing(timeline, "substantial progress")
    assert {m["article"] for m in claim["mentions"]} == {"original.txt", "rewrite.txt"}
    assert claim["date"] == "2022-03-30" and claim["conflict"] is False
    [media] = events_citing(timeline, "state media")
    assert len(media["mentions"]) == 2
    assert len(timeline["events"]) == 2


def test_undated_article_keeps_its_absolute_dates(extract) -> None:
    timeline = extract("undated")
    assert timeline["articles"][0]["published"] is None
    by_date = {e["date"]: e for e in timeline["events"]}
    assert {"2018-05-15", "2022-10-08"} <= set(by_date)
    [monday] = events_citing(timeline, "on Monday")
    assert monday["date"] is None and timeline["events"][-1] == monday  # undated events come last


@pytest.mark.parametrize("folder", ["conflict", "scheduled", "same_day", "spun"])
def test_merge_is_independent_of_input_order(folder: str) -> None:
    mentions = mentions_of(folder)
    expected = [e.model_dump() for e in merge_events(mentions)]
    for seed in range(3):
        shuffled = mentions[:]
        random.Random(seed).shuffle(shuffled)
        assert [e.model_dump() for e in merge_events(shuffled)] == expected


def test_ids_are_stable_when_a_later_article_adds_a_mention() -> None:
    mentions = mentions_of("scheduled")
    preview_only = [m for m in mentions if m.article == "preview.txt"]
    before = {e.date: e.id for e in merge_events(preview_only)}
    after = merge_events(mentions)
    [vote] = [e for e in after if len(e.mentions) == 2]
    assert vote.date == "2023-06-06" and vote.id == before["2023-06-06"]


def test_granularity_compatible_dates_merge_and_sort_coarse_first() -> None:
    [dam] = [m for m in mentions_of("conflict") if "collapsed" in m.text and m.article == "daily.txt"]
    in_june = replace(dam, article="monthly.txt", date="2023-06", published="2023-06-30")
    events = merge_events([dam, in_june])
    [event] = events
    assert event.date == "2023-06-06" and not event.conflict
    assert [m.date for m in event.mentions] == ["2023-06-06", "2023-06"]
    # Apart (a different happening), the coarser date sorts first on the same start day.
    first_june = replace(dam, article="x.txt", date="2023-06-01", terms=("other",), names=(), speakers=())
    month = replace(dam, article="y.txt", date="2023-06", terms=("unrelated",), names=(), speakers=())
    undated = replace(dam, article="z.txt", date=None, timex=None, terms=("else",))
    ordered = merge_events([undated, first_june, month])
    assert [e.date for e in ordered] == ["2023-06", "2023-06-01", None]


@pytest.mark.parametrize(
    ("date", "published", "merged_date"),
    [
        ("2023", "2023-12-31", "2023-06-06"),
        ("2023-06", "2023-06-30", "2023-06-06"),
        ("2023-06-08", "2023-06-08", None),
    ],
)
def test_a_report_meets_the_same_event_dated_coarser_or_a_day_or_two_apart(
    date: str, published: str, merged_date: str | None
) -> None:
    # Blocking files a mention under its own date's day, month or year; pairs must still meet.
    [dam] = [m for m in mentions_of("conflict") if "collapsed" in m.text and m.article == "daily.txt"]
    other = replace(dam, article="other.txt", date=date, published=published)
    [event] = merge_events([dam, other])
    assert event.conflict is (merged_date is None)
    assert merged_date is None or event.date == merged_date


@pytest.mark.parametrize(
    ("theirs", "kept"),
    [
        ("2023-06-07", True),  # two contexts a day apart: one guess is no better than the other
        ("2023-W23", False),  # a week around the other's day: the finer date is the better guess
    ],
)
def test_a_context_date_yields_only_to_an_outright_report_or_a_finer_date(theirs: str, kept: bool) -> None:
    [dam] = [m for m in mentions_of("conflict") if "collapsed" in m.text and m.article == "daily.txt"]
    ours = replace(dam, timex=None, date="2023-06-06", published="2023-06-07")  # the earlier report
    other = replace(ours, article="other.txt", date=theirs, published="2023-06-08")
    [event] = merge_events([ours, other])
    dates = {m.article: m.date for m in event.mentions}
    assert event.date == "2023-06-06" and dates["daily.txt"] == "2023-06-06"
    assert dates["other.txt"] == (theirs if kept else "2023-06-06")
    # Whichever was published first, the finer of two nested context dates dates the event, and
    # two disjoint ones are no conflict (guesses, not reports).
    [event] = merge_events([replace(ours, published="2023-06-09"), other])
    assert not event.conflict and (kept or event.date == "2023-06-06")
    # A report dated outright still dates the context mentions of its event.
    [event] = merge_events([dam, replace(other, date="2023-06-07")])
    assert {m.date for m in event.mentions} == {"2023-06-06"}


def test_two_mentions_of_one_article_never_merge() -> None:
    [dam] = [m for m in mentions_of("conflict") if "collapsed" in m.text and m.article == "daily.txt"]
    again = replace(dam, start=dam.start + 500, sentence=dam.sentence + 5)
    assert len(merge_events([dam, again])) == 2


def test_undated_syndicated_copies_merge_and_stay_undated(tmp_path: Path) -> None:
    sentence = "Officials said on Monday that traffic on the Crimean bridge was flowing again.\n"
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text(sentence, encoding="utf-8")
    other = "Officials said on Monday that the airport reopened.\n"
    (tmp_path / "three.txt").write_text(other, encoding="utf-8")
    events = merge_events(mentions_of(tmp_path))
    assert [(e.date, [m.article for m in e.mentions]) for e in events] == [
        (None, ["one.txt", "two.txt"]),  # undated events in the order of their first article
        (None, ["three.txt"]),
    ]
    assert any("identical words" in r for e in events for r in e.merge_reasons)


def test_a_name_meets_its_abbreviation_and_its_demonym(tmp_path: Path) -> None:
    """ "Bank of Ardenia" ~ "BoA", "Kestrian" ~ "Kestria": paraphrase across outlets still merges."""
    (tmp_path / "metadata.csv").write_text(
        "file_name,published\na.txt,2025-05-15\nb.txt,2025-05-15\n", encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text(
        "The Bank of Ardenia raised its main interest rate to 4.5 percent on Wednesday.\n\n"
        "The ministry summoned Kestria's envoy over the detention of two fishermen on Wednesday.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "The BoA lifted its key rate by 50 basis points to 4.5% on Wednesday.\n\n"
        "The Kestrian ambassador was called in on Wednesday to explain the arrest of two fishermen.\n",
        encoding="utf-8",
    )
    events = merge_events(mentions_of(tmp_path))
    assert sorted(len(e.mentions) for e in events) == [2, 2], [e.summary for e in events]
    assert all(len({m.article for m in e.mentions}) == 2 for e in events)


def test_one_act_told_in_other_words_merges_and_the_rest_of_the_day_does_not(extract) -> None:
    """Resigned / stepped down as head of government: the kind of act ties the paraphrase; the
    same day's rate decision and court ruling stay apart."""
    timeline = extract("paraphrase")
    [resignation] = events_citing(timeline, "Jonas Veltri")
    assert {m["article"] for m in resignation["mentions"]} == {"daily.txt", "wire.txt"}
    assert any("@resign" in r for r in resignation["merge_reasons"])
    assert all(len(e["mentions"]) == 1 for e in timeline["events"] if e is not resignation)


@pytest.mark.parametrize(
    ("noun", "verb"),
    [
        ("closure", "closed"),
        ("closures", "close"),
        ("evacuation", "evacuated"),
        ("decision", "decided"),
        ("explosion", "exploded"),
        ("suspension", "suspended"),
        ("treatment", "treated"),
        ("agreement", "agreed"),
        ("resignation", "resigned"),
        ("discussion", "discussed"),
        ("ruling", "ruled"),
        ("freed", "free"),
    ],
)
def test_a_noun_made_from_a_verb_meets_the_verb(noun: str, verb: str) -> None:
    assert stem(noun) == stem(verb)


@pytest.mark.parametrize(("one", "other"), [("defeated", "defeat"), ("vote", "voted"), ("fire", "fired")])
def test_derivational_endings_take_no_more_than_the_ending(one: str, other: str) -> None:
    """'defeated' keeps its "at" (too few letters before "-ated"); a four-letter word keeps its e,
    so "fire" does not meet "fired" and kinds of act keep their weight ("name" is no "named")."""
    assert (stem(one) == stem(other)) == (one == "defeated")


def test_a_speakers_relative_clause_says_the_view_after_it() -> None:
    """A clause "who ... described the cut as regrettable but fair" ending the text: the view is
    what was said, never words completing an attribution, and the name before the clause said it;
    with a main clause after it, the name acts there, so it stays in the content."""
    view = attribution("Labour Minister Anja Roost, who on Tuesday described the cut as regrettable but fair")
    assert view == (
        " the cut as regrettable but fair",
        "Labour Minister Anja Roost, who on Tuesday described",
    )
    acted = attribution("Anja Roost, who said she would resign, met union leaders.")[0]
    assert "Roost" in acted, acted


def test_reports_in_other_forms_share_their_terms() -> None:
    """A passive order is no attribution, "According to" opens one, numbers in words meet digits,
    abbreviated amounts their words ("$1.2bn", "$1.2 billion"), and the verb of an event noun names the act while the noun does not."""
    assert "pack" in key_terms(attribution("Some 1,200 neighbours were told to pack a bag.")[0])
    assert attribution("According to Mayor Orla Penn, the repairs cost too much.")[1].startswith("According")
    assert "200" in key_terms("A crowd of some two hundred locals") and "40000" in key_terms(
        "forty thousand books"
    )
    assert "billion" in key_terms("It spent $1.2bn of reserves.") and "million" in key_terms("a 5 mln loss")
    assert acts("About 200 residents protested outside the town hall") == {"@protest"}
    assert acts("Penn spoke during the protest outside the town hall") == frozenset()


def test_one_speaker_on_one_day_ties_two_reports_in_other_words(tmp_path: Path) -> None:
    """Two outlets at one briefing: the same speaker's statement told in other words merges; a
    statement of someone else on that day does not."""
    events = merged_articles(
        tmp_path,
        "2025-02-11",
        wire="The council voted to close the Hollin Street library on Tuesday.\n\n"
        "Mayor Orla Penn said the town could no longer afford repairs to the building.",
        bugle="Councillors decided on Tuesday to shut the Hollin Street library.\n\n"
        "Mayor Orla Penn told the Bugle the leaky roof alone would cost a fortune to fix.",
        post="The Hollin Street library will close, the council decided on Tuesday.\n\n"
        "Librarian Ada Moss said the leaky roof would cost a fortune to fix.",
    )
    [penn] = [e for e in events if any("Penn" in m.text for m in e.mentions)]
    assert {m.article for m in penn.mentions} == {"wire.md", "bugle.md"}, [e.summary for e in events]


def test_a_statement_dated_by_context_meets_a_dated_report_only_on_more_than_its_subject(
    tmp_path: Path,
) -> None:
    """A statement dated by the event before it talks about that event: sharing its one word
    ("strike") with another outlet's dated report of it is no paraphrase; a sentence dated by
    context that tells the same happening in more shared words still meets its dated report, and
    the walkout meets the strike by its kind."""
    events = merged_articles(
        tmp_path,
        "2026-03-10",
        wire="Ferry crews walked out on Monday.\n\n"
        "Union leader Bram Tollan said the strike would last a week.\n\n"
        "All sailings to the islands were halted.",
        daily="The strike began on Monday.\n\nSailings to the islands were halted on Monday, the port said.",
    )
    merged = [sorted(m.text for m in e.mentions) for e in events if len(e.mentions) > 1]
    assert sorted(merged) == [
        [
            "All sailings to the islands were halted.",
            "Sailings to the islands were halted on Monday, the port said.",
        ],
        ["Ferry crews walked out on Monday.", "The strike began on Monday."],
    ]


def test_a_statement_dated_by_context_meets_a_dated_report_on_a_shared_name(tmp_path: Path) -> None:
    """A participant's act in other words, dated by the sentence before it ("Mayor Adel Morrow
    stepped down"), still meets another outlet's dated report ("Morrow resigned on Tuesday")."""
    events = merged_articles(
        tmp_path,
        "2026-03-11",
        wire="The Harlow council met on Tuesday.\n\nMayor Adel Morrow stepped down.",
        daily="Morrow resigned on Tuesday.",
    )
    merged = [sorted(m.text for m in e.mentions) for e in events if len(e.mentions) > 1]
    assert merged == [["Mayor Adel Morrow stepped down.", "Morrow resigned on Tuesday."]]


def test_kinds_of_event_tie_paraphrases_of_one_family_and_keep_two_kinds_apart(tmp_path: Path) -> None:
    """A protest told with placards and slogans, a closure told as "ceased trading": each meets its
    paraphrase by its kind of event alone ("@protest", "@close"), while the two, in one town on one
    day, stay apart."""
    events = merged_articles(
        tmp_path,
        "2025-09-06",
        wire="Hundreds of people protested in Kelso on Friday.\n\n"
        "The Palace cinema in Kelso closed on Friday.",
        gazette="Locals waving placards and chanting slogans filled the main square of Kelso on Friday.\n\n"
        "Kelso's last picture house ceased trading on Friday.",
    )
    assert sorted(len(e.mentions) for e in events) == [2, 2], [e.summary for e in events]
    [rally] = [e for e in events if any("placards" in m.text for m in e.mentions)]
    [cinema] = [e for e in events if any("ceased trading" in m.text for m in e.mentions)]
    assert (
        {m.article for m in rally.mentions}
        == {m.article for m in cinema.mentions}
        == {"wire.md", "gazette.md"}
    )
    assert any("@protest" in r for r in rally.merge_reasons), rally.merge_reasons
    assert any("@close" in r for r in cinema.merge_reasons), cinema.merge_reasons


@pytest.mark.parametrize(
    ("wire", "daily", "merged"),
    [
        # One participant, two kinds of act, nothing else shared: two happenings.
        (
            "Prime Minister Adel Morrow met union leaders in Dunmere on Monday.",
            "Prime Minister Adel Morrow sacked his transport minister on Monday.",
            False,
        ),
        (
            "Pope Clement XV appointed two astronomers to the academy on Friday.",
            "Pope Clement XV arrived in Velton on Friday for a three-day visit.",
            False,
        ),
        # Kinds of one family: one deal told as an agreement and as a purchase.
        (
            "Holm Foods agreed on Monday to buy Crustly.",
            "Holm Foods will acquire Crustly, the two firms said on Monday.",
            True,
        ),
    ],
)
def test_two_kinds_of_act_of_one_participant_on_one_day_are_two_events_unless_of_one_family(
    tmp_path: Path, wire: str, daily: str, merged: bool
) -> None:
    events = merged_articles(tmp_path, "2025-09-09", wire=wire, daily=daily)
    assert (len(events) == 1) == merged, [e.merge_reasons for e in events]


@pytest.mark.parametrize(
    ("wire", "daily"),
    [
        (
            "Army gunners will hold live-fire drills near Varn on Nov. 15.",
            "The postal service will raise its prices from Nov. 15.",
        ),
        ("The festival will last until Dec. 8.", "The treaty will take effect on Dec. 8."),
    ],
)
def test_two_reports_that_share_only_the_words_of_their_date_are_two_events(
    tmp_path: Path, wire: str, daily: str
) -> None:
    events = merged_articles(tmp_path, "2025-11-03", wire=wire, daily=daily)
    assert len(events) == 2, [e.merge_reasons for e in events]
    assert len({e.date for e in events}) == 1  # one day, two happenings


def _two_outlets(tmp_path: Path, published: str, wire: str, daily: str) -> list[list[str]]:
    front = f"---\npublished: {published}\n---\n"
    (tmp_path / "wire.md").write_text(front + wire + "\n", encoding="utf-8")
    (tmp_path / "daily.md").write_text(front + daily + "\n", encoding="utf-8")
    return sorted(sorted(m.article for m in e.mentions) for e in merge_events(mentions_of(tmp_path)))


@pytest.mark.parametrize(
    ("wire", "daily"),
    [
        (
            "Dealers will start replacing the hoses free of charge on June 16.",
            "Repairs will start in mid-June.",
        ),
        ("The library will close on June 30.", "The doors will shut for the last time at the end of June."),
    ],
)
def test_a_plan_dated_to_a_month_meets_the_same_act_on_a_day_inside_it(
    tmp_path: Path, wire: str, daily: str
) -> None:
    """ "In mid-June" is the tagger's June: one act planned for a day inside it is one event."""
    assert _two_outlets(tmp_path, "2025-06-02", wire, daily) == [["daily.md", "wire.md"]]


@pytest.mark.parametrize(
    ("published", "wire", "daily"),
    [
        ("2025-07-05", "The cinema shut on June 30.", "The pool closed at the end of June."),  # both past
        (
            "2025-06-02",
            "The Kelso pool will close on June 30.",
            "The Arden cinema will shut at the end of June.",
        ),
    ],
)
def test_a_month_and_a_day_in_it_stay_apart_when_past_or_named_differently(
    tmp_path: Path, published: str, wire: str, daily: str
) -> None:
    """A past act dated only to a month is mostly background, another happening; two names that
    differ are two places."""
    assert _two_outlets(tmp_path, published, wire, daily) == [["daily.md"], ["wire.md"]]


@pytest.mark.parametrize(
    ("wire", "daily", "one"),
    [
        ("Population growth started slowing in 2000.", "Talks have been held every year since 2000.", False),
        (
            "Castra's economy grew 1.6 percent in the third quarter.",
            "Norvia's unemployment rate fell to 6.8 percent in the third quarter.",
            False,
        ),
        (
            "Millwind was founded in 1958 by the Harker family.",
            "Millwind, set up in 1958, employs 1,400 people.",
            True,
        ),
    ],
)
def test_reports_dated_to_a_year_or_a_quarter_meet_on_what_they_tell_besides_the_date(
    tmp_path: Path, wire: str, daily: str, one: bool
) -> None:
    """A year is a rare word that every background sentence of that year shares, and two figures
    of one quarter are two statistics: only the words besides the date's tie two such reports."""
    apart = [["daily.md"], ["wire.md"]]
    assert _two_outlets(tmp_path, "2006-12-04", wire, daily) == ([["daily.md", "wire.md"]] if one else apart)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Fire crews ordered about 600 people to leave the district.", "@evacuate"),
        ("Councillors will choose between mending the old bridge and a new one.", "@repair"),
    ],
)
def test_paraphrases_name_their_kind_of_act(text: str, kind: str) -> None:
    assert kind in acts(text)


@pytest.mark.parametrize(
    ("text", "kind", "other"),
    [
        ("Ferry crews walked out on Monday.", "@walkout", "@attack"),
        ("Bus drivers went on strike over wages.", "@walkout", "@attack"),
        ("A strike by port workers shut the docks.", "@walkout", "@attack"),
        ("Nurses downed tools at noon.", "@walkout", "@attack"),
        ("A drone strike by Russia hit Kyiv.", "@attack", "@walkout"),
        ("Opposition lawmakers walked out of the chamber.", None, "@walkout"),
        ("The players walked out onto the pitch.", None, "@walkout"),
        ("Rovers scored in stoppage time.", None, "@walkout"),
        ("Talks between the firm and the union collapsed on Wednesday.", "@collapse", "@agree"),
        ("Negotiations to settle the pay dispute broke down on Wednesday.", "@collapse", "@agree"),
        ("The talks ended without a deal.", "@collapse", "@agree"),
        ("The bus broke down on Monday.", None, "@collapse"),
        ("Holm Foods struck a deal with the union.", "@agree", "@attack"),
    ],
)
def test_labour_action_and_talks_name_their_kind_and_not_the_other_sense(
    text: str, kind: str | None, other: str
) -> None:
    """Walkouts, strikes and failed or agreed talks meet by their kind; "strike" as an attack,
    leaving a room, football's stoppage time, a vehicle breaking down keep out of it."""
    terms = key_terms(text)
    assert kind is None or kind in terms, terms
    assert other not in terms, terms


@pytest.mark.parametrize(
    ("text", "term", "other"),
    [
        ("Piet Harrow admitted defeat late on Sunday.", "@accept", None),
        ("The semi-final was put back to Wednesday.", "@cancel", None),
        ("A waterlogged pitch forced the referee to call it off.", "@cancel", None),
        ("The final has been rescheduled for next month.", "@cancel", None),
        ("The shop put back the bottles on the shelves.", None, "@cancel"),
        ("Residents pushed back against the plan.", None, "@cancel"),
        ("The swearing-in will be held on October 19.", "@appoint", None),
        ("Her party came to power in 2018.", "@appoint", None),
        ("Two batches of pies were pulled from shelves on Monday.", "@recall", None),
        ("The yoghurt was withdrawn from sale on Monday.", "@recall", None),
        ("Harrow lost the election on Sunday.", stem("defeated"), None),
        ("The region lost power on Sunday.", None, stem("defeated")),
        ("Rovers crashed out of the cup on Wednesday.", stem("defeated"), "@crash"),
    ],
)
def test_conceding_putting_off_taking_office_and_recalls_name_their_kind_and_not_the_other_sense(
    text: str, term: str | None, other: str | None
) -> None:
    """Admitting defeat concedes, a game put back or called off is put off, a swearing-in or power
    taken is taking office, goods pulled from shelves are recalled; a contest lost meets "defeated".
    "Put back" and "pushed back" with no new date, lost power and a side crashing out keep out."""
    terms = key_terms(text)
    assert term is None or term in terms, terms
    assert other is None or other not in terms, terms


def test_talks_failing_and_a_walkout_on_one_day_stay_apart_and_each_meets_its_paraphrase(
    tmp_path: Path,
) -> None:
    """Two acts of one dispute on one day, told by two outlets in other words: the talks that
    collapsed meet the negotiations that broke down, the crews who walked out the strike that
    began, and neither meets the other."""
    events = merged_articles(
        tmp_path,
        "2026-03-05",
        wire="Talks between Kestrel Lines and the ferry crews' union collapsed on Wednesday.\n\n"
        "Ferry crews walked out on Wednesday, halting sailings to the islands.",
        daily="Negotiations to settle the ferry pay dispute broke down on Wednesday.\n\n"
        "The strike began on Wednesday and stranded island residents.",
    )
    merged = sorted(sorted(m.text[:20] for m in e.mentions) for e in events)
    assert merged == [
        ["Ferry crews walked o", "The strike began on "],
        ["Negotiations to sett", "Talks between Kestre"],
    ]


def test_a_workforce_and_homes_named_in_other_words_meet_and_one_speakers_other_subject_does_not(
    tmp_path: Path,
) -> None:
    """Outlets name one workforce, one supply and one result in other words ("laid-off staff" /
    "Halvik workers", "households ... without electricity" / "homes lost power", "conceded" /
    "accepted the result"): each meets its paraphrase, while the mayor's other subject that day
    (sandbags before a storm) stays apart."""
    events = merged_articles(
        tmp_path,
        "2026-04-17",
        radio="Halvik Glass will close its Dunmere plant, the company said on Thursday.\n\n"
        "Mayor Ansel Roe said on Thursday that the city would help Halvik workers find new jobs.\n\n"
        "Roe also said sandbags would be handed out to homes near the river.\n\n"
        "About 2,000 homes lost power on Thursday.\n\n"
        "Owen Sall said on Thursday that he accepted the result.",
        gazette="Halvik Glass announced on Thursday that it would shut its Dunmere plant.\n\n"
        "Mayor Ansel Roe said the city would help the laid-off staff find work.\n\n"
        "Two thousand households were left without electricity on Thursday.\n\n"
        "Owen Sall conceded on Thursday.",
    )
    merged = sorted(sorted(m.text[:18] for m in e.mentions) for e in events if len(e.mentions) > 1)
    assert merged == [
        ["About 2,000 homes ", "Two thousand house"],
        ["Halvik Glass annou", "Halvik Glass will "],
        ["Mayor Ansel Roe sa", "Mayor Ansel Roe sa"],
        ["Owen Sall conceded", "Owen Sall said on "],
    ], [e.summary for e in events]


def test_one_thing_counted_differently_is_two_reports_unless_told_of_one_day(tmp_path: Path) -> None:
    """ "11 people were still missing" on Tuesday and "seven people" on Wednesday are two reports
    (a count changes), however alike their words; two outlets' figures for one day's fall are one
    event (a conflict of figures)."""
    (tmp_path / "missing").mkdir()
    (tmp_path / "shares").mkdir()
    missing = merged_articles(
        tmp_path / "missing",
        "2026-05-14",
        wire="Rescuers said on Tuesday that 11 people were still missing in the rubble of the block.",
        daily="Rescuers said on Wednesday that seven people were still missing in the rubble of the block.",
    )
    assert [len(e.mentions) for e in missing] == [1, 1], [e.summary for e in missing]
    shares = merged_articles(
        tmp_path / "shares",
        "2026-05-15",
        wire="Norlake Foods shares fell 9 percent in Arnstad on Thursday.",
        daily="Norlake Foods shares fell 11 percent on Thursday.",
    )
    assert [len(e.mentions) for e in shares] == [2], [e.summary for e in shares]


def test_a_figure_with_thousands_and_decimals_is_one_number() -> None:
    """ "1,668.8" is one figure, not "1,668" and "8": two closes of an index a point apart differ,
    and a rewrite that keeps the figure gives no other."""
    from chrono.merge import _counts, _figures

    assert _figures("The index ended at 1,668.8 points.") == {"1668.8"}
    assert _counts("The index ended at 1,668.8 points.") == {"point": "1668.8"}
    assert _figures("It cut 2,500 jobs and 3.5 percent of costs.") == {"2500", "3.5"}


def test_a_number_in_words_is_the_figure_another_outlet_writes_in_digits(tmp_path: Path) -> None:
    """ "twelve hundred jobs" is 1,200 jobs, not a count of hundreds, so two outlets' plans for one
    month that give it in words and in digits are one event; nine hundred jobs stay another figure."""
    from chrono.merge import _counts, _figures

    assert _counts("It told its twelve hundred staff.") == {"worker": "1200"}
    assert _figures("It will hire 1.5 thousand people.") == {"1500"}
    wire = "Pellow Glassworks will close its Mirrow plant at the end of March, cutting 1,200 jobs."
    for words, merged in (("twelve hundred", [2]), ("nine hundred", [1, 1])):
        folder = tmp_path / words.replace(" ", "_")
        folder.mkdir()
        daily = f"The Pellow plant in Mirrow will shut at the end of March with the loss of {words} jobs."
        events = merged_articles(folder, "2026-11-10", wire=wire, daily=daily)
        assert [len(e.mentions) for e in events] == merged, [e.summary for e in events]
        assert {e.date for e in events} == {"2027-03"}


def test_an_act_named_in_passing_a_day_later_is_no_conflict_and_a_structure_that_came_down_collapsed(
    tmp_path: Path,
) -> None:
    """Survivors found on Wednesday "under the rubble of the collapsed block" do not make the
    collapse on Tuesday a conflict of dates (no participant named on both sides), while "the
    building came down" on Tuesday is the collapse; prices coming down are not."""
    events = merged_articles(
        tmp_path,
        "2026-05-15",
        wire="The block collapsed early on Tuesday, killing nine people.",
        daily="Rescuers found two survivors under the rubble of the collapsed Tanner Row block on "
        "Wednesday.\n\nThe building came down early on Tuesday.",
    )
    merged = [sorted(m.text[:22] for m in e.mentions) for e in events if len(e.mentions) > 1]
    assert merged == [["The block collapsed ea", "The building came down"]], [e.summary for e in events]
    assert not any(e.conflict for e in events)
    assert "@collapse" not in key_terms("Prices came down on Tuesday.")


def test_television_meets_televised_and_a_name_keeps_its_stem() -> None:
    """ "television" is no "-sion" noun of a verb ("decision"); "Mendes" is no "mend"."""
    assert "televis" in key_terms("Speaking on television, Morrow said he had lost his majority")
    assert "televis" in key_terms("In a televised address, Morrow said he had lost his majority")
    assert "@repair" not in key_terms("Rovers signed Mendes from Sporting Alvor on Tuesday")


def _dev_scores(name: str) -> dict[str, Any]:
    repo = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, str(repo / "bench" / "eval_events.py"), str(DATA.parent / name), "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(repo)},
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def test_paraphrases_on_the_second_development_set_merge_without_false_merges() -> None:
    """tests/data/events_dev2/: four more stories (a court ruling, a storm, a car recall, a football
    transfer), written before the merge was measured on them. Reached: precision 1.0, recall 0.848
    (0.476 at first; 0.730 once names that add detail stopped counting as different names, an
    article's explicitly dated report claimed its slot before a sentence dated by context, and one
    speaker let an act tie a context-dated report to a dated one; then a date that only qualifies a
    noun, a second predicate with its own date, conflicts that may share an act and never put an
    act after a report of it as done). Left: weekdays the tagger resolves to the past, paraphrase
    with no word in common ("ordered to leave")."""
    dev2 = _dev_scores("events_dev2")
    assert dev2["precision"] >= 0.95, dev2["errors"]
    assert dev2["recall"] >= 0.8, dev2["errors"]
    assert dev2["junk_events"] == 0 and dev2["missing"] == 0, dev2["errors"]
    assert dev2["conflicts_flagged"] == dev2["conflicts_gold"] == 1, dev2["errors"]


def test_spans_schedules_and_conflicts_on_the_third_development_set() -> None:
    """tests/data/events_dev3/: three stories (a clean air bill, a museum reopening, a warehouse
    fire) written for dating by a span, weekday-scheduled events, recurring schedules that are no
    events, paraphrase and "parliament"/"parliamentary", two one-day conflicts, one spokesman on
    two subjects in a day. Before: recall 0.462, 6 schedules as events, 1 of 2 conflicts; reached:
    recall 0.846, precision 1.0. Left: "could open … on Saturday" resolved to the past Saturday and
    "each Tuesday and Friday" tagged with a dated Friday (both the tagger's)."""
    dev3 = _dev_scores("events_dev3")
    assert dev3["precision"] == 1.0, dev3["errors"]
    assert dev3["recall"] >= 0.8, dev3["errors"]
    assert dev3["explicit"] >= 0.93, dev3["errors"]
    assert dev3["junk_events"] <= 1 and dev3["missing"] == 0, dev3["errors"]
    assert dev3["conflicts_flagged"] == dev3["conflicts_gold"] == 2, dev3["errors"]


def test_nominalisations_passives_and_registers_on_the_fourth_development_set() -> None:
    """tests/data/events_dev4/: three stories (a library closed by a council vote, a chlorine leak
    and evacuation, a bakery takeover), each told by a terse wire, a chatty local paper and a
    rewrite in nouns and the passive ("the closure … was approved by councillors"), gold written
    before the pipeline ran. Before: recall 0.620, one mention lost to a possessive date; reached:
    recall 0.827, precision 1.0, by derivational stems ("closure"/"closed"), the verb of an event
    noun as an act ("protested"), a passive "were told to" no attribution, one speaker on one day,
    numbers in words, a possessive date naming a thing, a week-dated lead. Left: "at the end of
    March" and "is anticipated in June" resolved to the past (the tagger's), and paraphrase with
    no word in common ("a crowd had gathered" / "protested")."""
    dev4 = _dev_scores("events_dev4")
    assert dev4["precision"] == 1.0, dev4["errors"]
    assert dev4["recall"] >= 0.8, dev4["errors"]
    assert dev4["explicit"] >= 0.9 and dev4["context"] >= 0.9, dev4["errors"]
    assert dev4["junk_events"] == 0 and dev4["missing"] == 0, dev4["errors"]
    assert dev4["future_right"] == dev4["future_gold"], dev4["errors"]


def test_paraphrase_unseen_while_tuning_on_the_fifth_development_set() -> None:
    """tests/data/events_dev5/: three stories (a flood and evacuation, a bus strike, a footbridge
    collapse) told by four outlets in other words, gold written before the pipeline ran on them,
    to measure how the merge generalises. Before: recall 0.531, precision 1.0; reached: recall
    0.625 ("ordered about 600 people to leave" is an evacuation, "mending" a repair), then 0.719
    ("Citylink described its offer as fair" is Citylink's statement, as "Citylink said"). Left: one
    speaker's statement with no word in common ("the flood barriers had failed" / "the barriers
    were simply too low"), "began to fall" / "had started to drop", "built" / "completed", "Talks
    … on October 16" / "will meet again in mid-October" (an event noun names no act), speakers
    with no word in common ("Tomas Brell, who leads the union, told the Post …" / "… said the
    drivers would stay out"), and "on Thursday" resolved to the past Thursday (the tagger's),
    which leaves the meeting unmerged and not future. Recall 0.697 once "Nobody was hurt" is
    found (a short sentence with a past verb reports): the gold pairs it with "No one was on it
    when it fell", no word in common, a day apart."""
    dev5 = _dev_scores("events_dev5")
    assert dev5["precision"] == 1.0, dev5["errors"]
    assert dev5["recall"] >= 0.69, dev5["errors"]
    assert dev5["conflicts_flagged"] == dev5["conflicts_gold"] == 1, dev5["errors"]
    # Junk 0 since "every weekday" is a SET and the time after it that of the schedule (dev6).
    assert dev5["false_conflicts"] == 0 and dev5["junk_events"] == 0 and dev5["missing"] == 0, dev5["errors"]


def test_registers_unseen_while_tuning_on_the_sixth_development_set() -> None:
    """tests/data/events_dev6/: a fraud trial and its sentencing, a dairy takeover announced with
    results, a football transfer, told by four outlets in other words ("it was announced", "X told
    reporters", "according to X", "X's spokeswoman said", "in a statement, X said"), gold written
    before the pipeline ran on them. Before: recall 0.921, precision 1.0, 3 junk events ("Listen …
    live every weekday from 6am": "every weekday" was no SET, and a time after a SET dated the
    schedule); reached: junk 0, then recall 0.974 ("In a statement, Ansel Roe, Lund's lawyer,
    said …": the description between commas hid the speaker). Left: "Abeyta passed a medical" /
    "The striker had completed a medical" (no word in common but "medical")."""
    dev6 = _dev_scores("events_dev6")
    assert dev6["precision"] == 1.0, dev6["errors"]
    assert dev6["recall"] >= 0.97, dev6["errors"]
    assert dev6["explicit"] == 1.0 and dev6["context"] == 1.0, dev6["errors"]
    assert dev6["conflicts_flagged"] == dev6["conflicts_gold"] == 1 and dev6["false_conflicts"] == 0, dev6[
        "errors"
    ]
    assert dev6["junk_events"] == 0 and dev6["missing"] == 0, dev6["errors"]
    assert dev6["future_right"] == dev6["future_gold"], dev6["errors"]


def test_context_dating_unseen_while_tuning_on_the_seventh_development_set() -> None:
    """tests/data/events_dev7/: a ferry dispute, a warehouse fire, a mayor's resignation, told by
    four outlets in attribution-heavy news (undated statements in a row after a dated lead, "She
    added", "It added", "Name, who …, said", "Name, which …, said", paragraphs opening on "On
    Thursday,"), gold written before the pipeline ran on them. Context dating 0.889 with this
    morning's code (0163f43) and with today's before the fix: "Dalsgaard Grain, which owns the
    site, said" (a speaker since 58920ed) met "A grain warehouse" and went back to the fire's day;
    reached 0.917 once a speaker's name must meet a name. Left: a statement after a simple-past
    flashback ("The strike began on Monday … Minister Varga welcomed the agreement"), one after a
    past-perfect "On Monday, Arvo had met …" ("They said afterwards"), "It spread" after
    "shortly before midnight on Saturday" (resolved to the publish day); merge precision 0.75 (a
    statement about the strike merged with the strike, a "He added" with its speaker's first
    statement, each on one shared word), 1.0 once a sentence dated by context must share more
    than one word with a report dated outright unless one speaker tells both; recall 0.474, 0.789
    once labour action ("walked out", "the strike began") and talks failing ("collapsed", "broke
    down on Wednesday") had kinds of their own, no longer "strike" as an attack; explicit 1.0,
    context 0.944 and recall 0.895 once "shortly before midnight on Saturday" was that Saturday
    (a clock time's preposition no longer overrides the clause's past tense; T24:00 dates its day);
    context 1.0 once a flashback lasts to its paragraph's end ("Minister Varga welcomed the
    agreement", "They said afterwards"); recall 0.947 once "He added" is its speaker's (the gold
    filed the radio's "petrol was used" under Renke's arson statement until a review moved it to
    his "traces of petrol" one)."""
    dev7 = _dev_scores("events_dev7")
    assert dev7["context"] == 1.0 and dev7["explicit"] == 1.0, dev7["errors"]
    assert dev7["precision"] == 1.0 and dev7["recall"] >= 0.94, dev7["errors"]
    assert dev7["junk_events"] == 0 and dev7["missing"] == 0, dev7["errors"]
    assert dev7["future_right"] == dev7["future_gold"], dev7["errors"]


def test_rewrites_in_other_words_unseen_while_tuning_on_the_eighth_development_set() -> None:
    """tests/data/events_dev8/: a judge voiding a water contract, a glassworks closing with 400 job
    cuts, a storm, a recount, each retold by three or more outlets in their own words (other verbs
    and nouns for one act, numbers in words, names shortened, weekday / calendar / "yesterday"),
    gold written before the pipeline ran on them. Blind: explicit 1.0, context 0.963, precision
    0.938, recall 0.698. Recall 0.791 once a workforce, homes and their power are named alike
    ("staff" / "workers", "households" / "homes", "electricity" / "power", "councillors" /
    "council") and "conceded" is accepting a result. Left: "said Petra Lund, Halvik's chief
    executive" is no attribution, so the name ties her two statements of the day (a false merge);
    a speaker's title ("Union organiser") drops its word; "blamed high energy costs" / "soaring
    energy bills", "move" / "transferred", "without a tender" / "without competition"; the
    relative clause "which has supplied the city since 2023" dates its sentence (it does not: the
    scorer took the clause's mention). Precision 1.0, recall 0.930, context 1.0 once a trailing
    speaker may carry a description ("said Petra Lund, Halvik's chief executive"), "he"/"she" stand
    for the person last named ("She blamed soaring energy bills") and the scorer takes the mention
    that reports the phrase."""
    dev8 = _dev_scores("events_dev8")
    assert dev8["context"] == 1.0 and dev8["explicit"] == 1.0, dev8["errors"]
    assert dev8["precision"] == 1.0 and dev8["recall"] >= 0.93, dev8["errors"]
    assert dev8["junk_events"] == 0 and dev8["missing"] == 0, dev8["errors"]
    assert dev8["future_right"] == dev8["future_gold"], dev8["errors"]
    assert dev8["conflicts_flagged"] == dev8["conflicts_gold"] == 1, dev8["errors"]
    assert dev8["false_conflicts"] == 0, dev8["errors"]


def test_flashbacks_and_attribution_unseen_while_tuning_on_the_ninth_development_set() -> None:
    """tests/data/events_dev9/: an apartment block collapse and its owner's arrest, a murder trial,
    a grocer's quarterly loss, a council closing a market, told by four outlets with flashbacks and
    attribution. Blind: precision 0.571, recall 0.444, a false conflict. Precision 0.846 and recall
    0.611, no false conflict, once a thing counted differently on other days is two reports ("11
    people were still missing" / "seven people"), an act named in passing a day later is no
    conflict of dates without a participant named on both sides (survivors found "under the rubble
    of the collapsed block" on Wednesday), and a building that "came down" collapsed. Left: one
    speaker's two subjects on one day sharing a word ("would close 14 stores" / "the closures would
    save"), a company's two acts on one day sharing only its name ("reported a loss" / "shares
    fell"), "The trial had opened on May 11" never blocked with the long lede (no weighty word in
    common), and a lede and its detail in one article ("Councillors voted 23 to 11") that one event
    may not hold together.

    Dating from context, blind 0.655 (as with the code before the attribution changes); 0.873 once
    a flashback (past perfect, or over before the story's time, which the first event's own day
    sets) lasts only to the end of its paragraph (told in the simple past and to the day, the whole
    paragraph goes on with it; otherwise only what is in the past perfect or says "at the time"),
    and a statement in the present tense is dated by the publish date; 0.927 once the scorer takes
    the mention that reports the phrase, not a relative clause's; 0.982 once a date naming a thing
    after the verb ("a first-quarter loss", "the 2024 engineer's report") no longer dates the act.
    Left: the simple past after a past perfect in 2019 ("Traders protested")."""
    dev9 = _dev_scores("events_dev9")
    assert dev9["explicit"] == 1.0 and dev9["context"] >= 0.98, dev9["errors"]
    assert dev9["future_right"] == dev9["future_gold"], dev9["errors"]
    assert dev9["precision"] >= 0.84 and dev9["recall"] >= 0.6, dev9["errors"]
    assert dev9["false_conflicts"] == 0, dev9["errors"]
    assert dev9["junk_events"] == 0 and dev9["missing"] == 0, dev9["errors"]


def test_restatements_in_one_article_on_the_tenth_development_set() -> None:
    """tests/data/events_dev10/: a council closing a library, a fire at a chemical plant, a port
    director sentenced for bribery, told by a wire, a local paper and a radio station, each article
    restating its lede with detail (the vote count, "The closure, approved on Tuesday evening", the
    quote of a statement) beside other acts of its day (a protest, a second decision of the
    meeting, the mayor speaking "after the vote" of something else, an order and an acquittal at
    the sentencing), gold written before the pipeline ran on it (its gold puts 11 pairs within one
    article in one event). Blind: explicit 0.963, context 0.824, precision 0.926, recall 0.391.
    A rule letting a sentence dated by context that retells its article's dated report join it
    lifted recall to 0.422 here (and dev9's to 0.722) with no precision lost on any dev set, but on
    3,000 wire articles about a third of the 138 events it made were wrong ("hostages released" /
    "some hostages were killed"): rejected. Precision 0.976, recall 0.641 (from 0.963 and 0.406)
    once two events that each hold one of an article's lead and its restatement a sentence or two
    later join, last, on a pair of one day (none joined on the 3,000 wire articles; with a wider
    window, or any sentence for the lead, mostly two events of one story did); context dating
    0.794 from 0.824 since then, the radio's lede ("A large fire has broken out", dated by context)
    taking the time its next sentence gives the fire ("shortly after 2 a.m."), which the gold
    leaves to that sentence. Left: outlets
    naming one act in other words ("walked free" / "acquitted"), a quote that restates ("'We let
    our neighbours down,' she said"), "2 a.m." cut into a sentence of its own."""
    dev10 = _dev_scores("events_dev10")
    assert dev10["explicit"] >= 0.96 and dev10["context"] >= 0.79, dev10["errors"]
    assert dev10["precision"] >= 0.97 and dev10["recall"] >= 0.64, dev10["errors"]
    assert dev10["junk_events"] == 0 and dev10["missing"] == 0, dev10["errors"]
    assert dev10["future_right"] == dev10["future_gold"] == 1, dev10["errors"]
    assert dev10["false_conflicts"] == 0, dev10["errors"]


def test_a_lede_and_its_restatement_in_each_article_make_one_event(tmp_path: Path) -> None:
    """Two outlets each retell their lede a sentence or two later ("Councillors voted 17 to 9 for
    the closure"): one event holds all four mentions, and the mayor's statement after it stays
    apart. Three sentences later the retelling is as likely another event of the story: it stays
    with the other outlet's retelling, apart from the ledes."""
    lede = "DUNMERE, Sept 8 - Dunmere city council voted on Tuesday to close the Harrow Lane library."
    detail = "Councillors voted 17 to 9 for the closure after a four-hour debate."
    radio = (
        "Library to close\n\nDunmere council has voted to close the Harrow Lane library.\n\n"
        "The closure, approved on Tuesday evening, ends 115 years of lending on the site.\n\n"
        "Seventeen councillors backed it and nine voted against."
    )
    mayor = "Mayor Ansel Roe said the city could no longer afford the building."
    (tmp_path / "near").mkdir()
    (tmp_path / "far").mkdir()
    events = merged_articles(
        tmp_path / "near", "2026-09-08", wire=f"{lede}\n\n{detail}\n\n{mayor}", radio=radio
    )
    [vote] = [e for e in events if len(e.mentions) > 1]
    assert sorted((m.article, m.text[:20]) for m in vote.mentions) == [
        ("radio.md", "Dunmere council has "),
        ("radio.md", "Seventeen councillor"),
        ("wire.md", "Councillors voted 17"),
        ("wire.md", "DUNMERE, Sept 8 - Du"),
    ]
    background = (
        "The library opened in 1911 with a shipowner's gift.\n\nIts reading room was restored in 1990."
    )
    events = merged_articles(
        tmp_path / "far", "2026-09-08", wire=f"{lede}\n\n{background}\n\n{detail}", radio=radio
    )
    merged = sorted(sorted(m.text[:20] for m in e.mentions) for e in events if len(e.mentions) > 1)
    assert merged == [
        ["Councillors voted 17", "Seventeen councillor"],
        ["DUNMERE, Sept 8 - Du", "Dunmere council has "],
    ]


def _undated_and_dated(folder: Path, undated: str, **dated: tuple[str, str]) -> list[Event]:
    """Events of an undated article `u.md` and dated ones `<name>.md` (publish date, body)."""
    (folder / "u.md").write_text(f"{undated}\n", encoding="utf-8")
    for name, (published, body) in dated.items():
        (folder / f"{name}.md").write_text(f"---\npublished: {published}\n---\n{body}\n", encoding="utf-8")
    return merge_events(mentions_of(folder))


def test_an_undated_copy_joins_the_one_dated_event_it_reports_and_stays_undated(tmp_path: Path) -> None:
    """An undated article's sentence no text dates joins the dated event it matches best by content;
    the event keeps its date, the mention its null date, and two dated events it matches alike
    stay two (it has no date to say they are one)."""
    lede = "The passenger ferry Marisol Star ran aground off Kell Island on Tuesday with 212 people on board."
    events = _undated_and_dated(tmp_path, lede, a=("2026-03-03", lede), b=("2026-04-21", lede))
    joined = [e for e in events if any(m.article == "u.md" for m in e.mentions)]
    assert [(e.date, [(m.article, m.date) for m in e.mentions]) for e in joined] == [
        ("2026-03-03", [("a.md", "2026-03-03"), ("u.md", None)])
    ]
    assert any("undated, matched by content" in r for r in joined[0].merge_reasons)
    assert [e.date for e in events] == ["2026-03-03", "2026-04-21"]


def test_an_undated_day_without_a_year_joins_the_event_of_that_day_and_takes_its_year(
    tmp_path: Path,
) -> None:
    """An undated article's "on 4 January" meets a report dated 2027-01-04 below the threshold of
    content alone (its day and month agree), and the mention takes the event's year; a day and
    month the dated report does not have keep them apart even when the words alone would do."""
    wire = "Aldmark Bank agreed on Monday to buy Tessin Mutual for 2.4 billion crowns, creating a lender."
    union = "Aldmark Bank announced its takeover of Tessin Mutual on 4 January."
    events = _undated_and_dated(tmp_path, union, w=("2027-01-05", wire))
    [deal] = [e for e in events if len(e.mentions) > 1]
    assert [(m.article, m.date) for m in deal.mentions] == [("w.md", "2027-01-04"), ("u.md", "2027-01-04")]
    explanation = deal.mentions[1].explanation or ""
    assert explanation.startswith("4 January: the year of the event it reports, 2027, told by the report in")
    assert any("undated, its day and month agree" in r for r in deal.merge_reasons)
    (tmp_path / "apart").mkdir()
    lede = "The passenger ferry Marisol Star ran aground off Kell Island with 212 people on board"
    dated = ("2026-03-04", f"{lede} on Tuesday.")
    events = _undated_and_dated(tmp_path / "apart", f"{lede} on 9 March.", a=dated)
    assert all(len(e.mentions) == 1 for e in events)


@pytest.mark.parametrize(
    ("expression", "date", "relation"),
    [
        ("on 4 January", "2027-01-04", "undated, its day and month agree"),
        ("January 4", "2027-01-04T10:30", "undated, its day and month agree"),
        ("in March", "2026-03", "undated, its day and month agree"),
        ("on 4 January", "2027-01", "undated, matched by content"),
        ("in January", "2027-01-04", "undated, matched by content"),
        ("on Monday", "2027-01-04", "undated, matched by content"),
        ("on 4 January", "2027-W01", "undated, matched by content"),
        ("on 9 January", "2027-01-16", None),
        ("in March", "2026-04-02", None),
    ],
)
def test_how_an_undated_expression_meets_a_date(expression: str, date: str, relation: str | None) -> None:
    blank = EventMention("a", 0, 1, "", None, None, None, False, "", "", (), (), (), (), None, 0)
    undated = replace(blank, timex=TimexRef(expression, None, 0, 1))
    assert merge.undated_relation(replace(blank, date=date), undated) == relation


def test_an_undated_sentence_giving_other_figures_or_sharing_only_two_words_stays_apart(
    tmp_path: Path,
) -> None:
    """With no date to tie them, a market report of another day ("1,664.8 points" / "1,668.8") or
    two short sentences sharing two words ("No trains ran" / "Trains ran again") are not one event."""
    undated = (
        "Share prices on the Jakarta Stock Exchange ended higher with the composite index up by 4.6 points"
        " to close at 1,664.8 points.\n\nTrains ran again the next day."
    )
    dated = (
        "Share prices on the Jakarta Stock Exchange ended lower on Thursday with the composite index down"
        " 1.29 points to close at 1,668.8 points.\n\n"
        "No trains ran on the city's four lines, the operator said."
    )
    events = _undated_and_dated(tmp_path, undated, a=("2006-11-16", dated))
    assert all(len(e.mentions) == 1 for e in events), [[m.text for m in e.mentions] for e in events]


def test_undated_articles_among_dated_ones_on_the_eleventh_development_set() -> None:
    """tests/data/events_dev11/: a ferry aground and refloated, a rail strike and its deal, a museum
    theft, an arrest and the reopening, told by a wire, a paper, a news site and a radio station,
    four articles undated (a syndicated near-copy, a rewrite, a factbox, a radio script). Blind:
    precision 0.818, recall 0.231: undated mentions never met dated events. Precision 0.917, recall
    0.564 once an undated article's mention joins the dated event it matches best by content (a
    shared name or speaker, or nearly all its words; no other figures; similarity 0.7 or more).
    Left: the Courier's rewrite of the theft (0.64, as close as the arrest "over the theft" is to
    it), the arrest and "the thieves struck" (no name), the factbox's "the next day" undated."""
    dev11 = _dev_scores("events_dev11")
    assert dev11["explicit"] >= 0.97 and dev11["context"] >= 0.95, dev11["errors"]
    assert dev11["precision"] >= 0.91 and dev11["recall"] >= 0.56, dev11["errors"]
    assert dev11["future_right"] == dev11["future_gold"], dev11["errors"]
    assert dev11["false_conflicts"] == 0, dev11["errors"]
    assert dev11["junk_events"] == 0 and dev11["missing"] == 0, dev11["errors"]


@pytest.mark.parametrize(
    ("wire", "daily"),
    [
        (
            "Thieves stole three paintings from the Halvard Museum on Thursday night.",
            "The thieves struck on Thursday night.",
        ),
        (
            "Thieves stole three paintings from the Halvard Museum on Thursday night.",
            "Burglars took the works on Thursday night.",
        ),
        ("Elin Kask walked free on Thursday.", "The former port director was acquitted on Thursday."),
        ("The carmaker went bust on Thursday.", "Halvik Motors filed for bankruptcy on Thursday."),
        ("The vessel ran aground on Thursday.", "The ferry was wrecked on Thursday."),
    ],
)
def test_one_act_named_by_two_outlets_in_words_of_no_shared_stem_merges(
    tmp_path: Path, wire: str, daily: str
) -> None:
    """A theft told by its act or its agents, an acquittal as walking free, a bankruptcy as going
    bust, a ship aground as wrecked: the kind of act, most of what one report tells, ties the two
    reports of one day."""
    events = merged_articles(tmp_path, "2026-03-06", wire=wire, daily=daily)
    assert len(events) == 1, [e.summary for e in events]


@pytest.mark.parametrize(
    ("wire", "daily"),
    [
        (
            "Riot police arrested 40 protesters outside the Halvard parliament on Thursday.",
            "A man suspected of stealing copper cable from the railway was detained on Thursday night.",
        ),
        (
            "Gunmen killed a police officer in Castra on Thursday.",
            "An elderly couple died in a house fire on Thursday.",
        ),
        (
            "Castra's foreign minister resigned on Thursday over a leaked memo.",
            "The coach of the city's football club quit on Thursday after a fifth straight defeat.",
        ),
        (
            "Norvia signed a trade agreement with Castra on Thursday.",
            "Striking dock workers agreed on Thursday to return to work.",
        ),
    ],
)
def test_two_reports_of_one_day_sharing_only_a_kind_of_act_stay_apart(
    tmp_path: Path, wire: str, daily: str
) -> None:
    """An arrest and a detention, a killing and a death, on one day, in sentences that tell much
    else and share nothing else: in a day's news these are two happenings far more often than one
    (wire copy of 3,000 articles: nearly all such pairs were)."""
    events = merged_articles(tmp_path, "2026-03-06", wire=wire, daily=daily)
    assert len(events) == 2, [e.merge_reasons for e in events]


@pytest.mark.parametrize(
    ("wire", "daily"),
    [
        ("Parliament passed the budget on Thursday.", "The judge passed sentence on Thursday."),
        (
            "The minister came under fire on Thursday over the budget.",
            "A fire destroyed the budget office on Thursday.",
        ),
        ("Labour won by a landslide on Thursday.", "A landslide buried the village road on Thursday."),
    ],
)
def test_a_word_of_two_senses_names_the_kind_of_one_sense_only(tmp_path: Path, wire: str, daily: str) -> None:
    """A sentence "passed" is no bill passed, criticism "under fire" no fire, a landslide win no
    disaster: the two reports of one day stay apart."""
    events = merged_articles(tmp_path, "2026-03-06", wire=wire, daily=daily)
    assert len(events) == 2, [e.summary for e in events]


@pytest.mark.parametrize(
    ("text", "kinds", "not_kinds"),
    [
        ("The jury found him not guilty.", {"@acquit"}, {"@convict"}),
        ("Both men pleaded not guilty.", set(), {"@convict", "@acquit"}),
        ("Kask walked free from court.", {"@acquit", "@free"}, set()),
        ("Police arrested a man over the theft.", {"@arrest"}, {"@theft"}),
        ("The senator passed away on Sunday.", {"@die"}, {"@approve"}),
        ("Gemayel was shot dead in Beirut.", {"@attack", "@die"}, set()),
        ("Rovers fired him as manager.", {"@resign"}, set()),
        ("Troops fired on the crowd.", set(), {"@resign"}),
        ("He was fined 5,000 crowns.", {"@fine"}, set()),
        ("It was a fine day for the parade.", set(), {"@fine"}),
        ("The company went into administration.", {"@bankrupt"}, {"@government"}),
        ("The barriers were completed in 2009.", {"@build"}, set()),
        ("The family sued the hospital.", {"@sue"}, set()),
        ("Orla Penn took office on Monday.", {"@appoint"}, set()),
        ("Road construction equipment was delivered.", set(), {"@build"}),
        ("Sales of mobile phones rose.", set(), {"@buy"}),
        ("The beaches would stay shut until the clean-up ends.", set(), {"@close"}),
        ("The school stayed shut on Monday.", {"@close"}, set()),
    ],
)
def test_kinds_of_act_follow_the_news_sense_of_a_word(
    text: str, kinds: set[str], not_kinds: set[str]
) -> None:
    """Kinds after the ACE event types: phrases fold the idioms ("walked free", "took office",
    "went into administration"), and a word of two senses or a noun of the act named in passing
    ("over the theft") adds no kind of its other sense."""
    terms = set(key_terms(text))
    assert kinds <= terms and not (not_kinds & terms), terms


@pytest.mark.parametrize(("day", "conflict"), [("Sunday", True), ("Monday", False)])
def test_outlets_a_day_apart_on_one_act_conflict_whatever_the_words_of_their_dates(
    tmp_path: Path, day: str, conflict: bool
) -> None:
    """The words of the two days one act is dated to ("On November 14, 2026" / "On Sunday") are no
    evidence either way: without them the reports are alike enough to be one act whose date the
    outlets disagree on. Two days apart, as alike a report is as often the next move of a figure."""
    wire = (
        "On November 14, 2026, the port authority said in an urgent notice that it had sold 40,000 "
        "tonnes of stored grain to steady prices."
    )
    daily = (
        f"On {day}, the port authority put out an urgent notice saying it had released 40,000 tonnes "
        "of grain stocks to calm the market."
    )
    events = merged_articles(tmp_path, "2026-11-18", wire=wire, daily=daily)
    merged = [e for e in events if len(e.mentions) > 1]
    assert [e.conflict for e in merged] == ([True] if conflict else []), [e.summary for e in events]


def test_an_undated_recap_a_day_after_a_report_of_one_act_is_a_conflict(tmp_path: Path) -> None:
    """A recap with no publish date ("Halvik Foods recalled ... on March 4, 2026") may misdate an
    act another article reported the day before ("Halvik Foods today announced the recall",
    published March 3): one act, the dates in conflict; the firm is the speaker on one side and
    named on the other. Published, the later date is another happening."""
    release = (
        "---\npublished: 2026-03-03\n---\nHalvik Foods today announced the recall of two batches "
        "of Brisa oat milk from shops as a precaution.\n"
    )
    recap = "Halvik Foods recalled two batches of the oat milk from shops on March 4, 2026.\n"
    for dated, merged in (("", True), ("---\npublished: 2026-03-06\n---\n", False)):
        folder = tmp_path / str(merged)
        folder.mkdir()
        (folder / "release.md").write_text(release, encoding="utf-8")
        (folder / "recap.md").write_text(dated + recap, encoding="utf-8")
        events = merge_events(mentions_of(folder))
        together = [e for e in events if len(e.mentions) > 1]
        assert [e.conflict for e in together] == ([True] if merged else []), [e.summary for e in events]


def test_what_a_participant_also_did_is_not_the_act_another_outlet_reports(tmp_path: Path) -> None:
    """ "Judge Ines Varro also ordered ... to pay" is dated by its article's Wednesday, but "also"
    says it is another act than the ruling the other outlet reports of Judge Ines Varro that day:
    sharing only who acted, the two stay apart."""
    events = merged_articles(
        tmp_path,
        "2026-04-15",
        wire="A court on Wednesday threw out the Kessel Mining Company's bid to reopen its Tarn quarry."
        "\n\nJudge Ines Varro also ordered the company to pay the county's legal bills.",
        daily="On Wednesday Judge Ines Varro dismissed the quarry owner's petition in a short ruling.",
    )
    merged = [sorted(m.text[:20] for m in e.mentions) for e in events if len(e.mentions) > 1]
    assert all("Judge Ines Varro als" not in m for m in merged), [e.summary for e in events]


def test_finished_events_follow_the_contract_order_by_date_text_and_id() -> None:
    """`finished` sorts by stable passes (no key tuple per event): the order of the contract's key,
    (date's order, the date's text or the undated event's first article, id), ties included."""
    from chrono.dates import sort_key
    from chrono.merge import EventRecord, MentionRecord, finished

    rng = random.Random(7)
    dates = [None, "2024-03", "2024-03-05", "2024-03-05T09:00", "2024-03-05T18:30", "2024-W10", "2023"]
    events = []
    for k in range(300):
        article = f"art{rng.randrange(5)}"
        mention = MentionRecord(article, "Text.", k, k + 5, None, None, False, "why")
        event_id = f"{rng.randrange(40):016x}-{k}"  # unique ids (`finished` keeps them)
        events.append(EventRecord(event_id, rng.choice(dates), None, "Text.", False, False, (mention,), ()))
    expected = sorted(events, key=lambda e: (*sort_key(e.date), e.date or e.mentions[0].article, e.id))
    assert [e.id for e in finished(list(events))] == [e.id for e in expected]


def test_merge_order_and_first_copies_are_those_of_keys_compared_whole() -> None:
    """`_items` orders mentions by one lexsort of ranked keys and `_identical` keys only the
    mentions whose keys hash alike: the order of sorting by `_order_key` (ties kept in input
    order) and the first copy of each, as a dict of whole keys finds them."""
    from chrono.merge import _first_copies, _items, _merge_order, _order_key, copy_key

    mentions = mentions_of(DATA)
    doubled = [*mentions, *(replace(m, article=f"{m.article}-copy") for m in mentions[::3]), *mentions[:5]]
    random.Random(3).shuffle(doubled)
    order = _merge_order(doubled).tolist()
    assert order == sorted(range(len(doubled)), key=lambda k: _order_key(doubled[k]))
    items = _items(enumerate(doubled))[0]
    first_of: dict[tuple[object, ...], int] = {}
    expected = {}
    for i, it in enumerate(items):
        root = first_of.setdefault(copy_key(it.mention), i)
        if root != i:
            expected[i] = root
    assert len(expected) > 10
    assert _first_copies(items) == expected
