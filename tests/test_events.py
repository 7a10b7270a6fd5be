"""Event mentions of one article: which sentences report something, and how each is dated.

Timexes are built by hand here (test data), so these tests pin the event logic independently of
the tagger; tests/test_seeds_chronology.py runs the real pipeline.
"""

from __future__ import annotations

import pickle
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chrono.events import EventMention, event_date, extract_events
from chrono.ingest import Article, clean_text
from chrono.summary import collapse, is_boilerplate, key_terms, lexicon, names, stem
from chrono.temporal import tag
from chrono.temporal.types import Timex


def article(text: str, published: date | None = date(2022, 3, 30), title: str | None = None) -> Article:
    return Article(
        id="a.txt", path="a.txt", text=text, clean=clean_text(text), title=title, published=published
    )


def tagged_events(art: Article) -> list[EventMention]:
    """The article's mentions, its expressions tagged against its own publish date."""
    return extract_events(art, tag(art.clean.match_text, art.published))


def timex(
    art: Article,
    phrase: str,
    value: str | None,
    *,
    nth: int = 0,
    kind: str = "publish date",
    anchor: str | None = "2022-03-30",
    type_: str = "DATE",
) -> Timex:
    start = -1
    for _ in range(nth + 1):
        start = art.clean.match_text.index(phrase, start + 1)
    return Timex(
        start, start + len(phrase), phrase, type_, value, "test.rule", anchor=anchor, anchor_kind=kind
    )


def by_text(mentions: list[EventMention], words: str) -> list[EventMention]:
    return [m for m in mentions if words in m.text]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-03-29", ("2022-03-29", None)),
        ("2022-03-29T14:30", ("2022-03-29T14:30", None)),
        ("2022-03-29T14:30:15", ("2022-03-29T14:30", None)),
        ("2022-03-29TMO", ("2022-03-29", None)),
        ("2022-W13", ("2022-W13", None)),
        ("2022-W13-WE", ("2022-W13", None)),
        ("2022-03", ("2022-03", None)),
        ("2022", ("2022", None)),
        ("2022-Q2", ("2022-04", "2022-06")),
        ("2022-SU", ("2022", None)),
        ("PRESENT_REF", (None, None)),
        ("PAST_REF", (None, None)),
        ("XXXX-03-29", (None, None)),
        ("202", (None, None)),
        ("2022-02-30", (None, None)),
        ("2021-W53", (None, None)),
        (None, (None, None)),
    ],
)
def test_timeml_values_become_contract_dates(
    value: str | None, expected: tuple[str | None, str | None]
) -> None:
    assert event_date(value) == expected


def test_own_expression_dates_the_sentence_and_offsets_index_the_raw_text() -> None:
    text = "Subscribe now for unlimited access.\nThe talks made little progress on Tuesday in Istanbul.\n"
    art = article(text)
    [m] = extract_events(art, [timex(art, "on Tuesday", "2022-03-29")])
    assert (m.date, m.timex.value if m.timex else None) == ("2022-03-29", "2022-03-29")
    assert collapse(art.text[m.start : m.end]) == m.text
    assert m.timex is not None and art.text[m.timex.start : m.timex.end] == "on Tuesday"
    assert "on Tuesday" in m.explanation and not m.future


def test_lead_without_date_takes_publish_date_and_quotes_continue_the_narrative() -> None:
    art = article(
        "The Kremlin has said it is open to negotiations with Ukraine.\n"
        "Kuleba met Wang Yi in Guangzhou on Wednesday for the first time.\n"
        '"A just peace is in China\'s interest," Kuleba said in opening remarks.\n'
    )
    mentions = extract_events(art, [timex(art, "on Wednesday", "2022-03-23")])
    lead, meeting, quote = mentions
    assert (lead.date, lead.timex) == ("2022-03-30", None)
    assert "publish date" in lead.explanation
    assert (meeting.date, quote.date, quote.timex) == ("2022-03-23", "2022-03-23", None)
    assert "previous event" in quote.explanation


def test_a_day_later_after_an_undated_event_stays_undated() -> None:
    art = article(
        "Officials said on Tuesday the convoy had left.\n"
        "Putin initially denied conscripts were fighting, but the ministry admitted it a day later.\n"
        "Peskov then told reporters that prosecutors would investigate the case.\n"
    )
    later = timex(art, "a day later", "2022-03-31", kind="reference time", anchor="2022-03-30")
    _, denial, then = extract_events(art, [timex(art, "on Tuesday", "2022-03-29"), later])
    # Against the previous explicit date (Tuesday) it is resolved; the tagger's anchor is not trusted.
    assert denial.date == "2022-03-30" and denial.timex is not None
    art2 = article(
        "Putin initially denied conscripts were fighting, but the ministry admitted it a day later.\n"
        "Peskov then told reporters that prosecutors would investigate the case.\n"
    )
    later2 = timex(art2, "a day later", "2022-03-31", kind="reference time", anchor="2022-03-30")
    denial2, then2 = extract_events(art2, [later2])
    assert (denial2.date, then2.date) == (None, None)
    assert "cannot be resolved" in denial2.explanation


def test_a_previous_evening_counts_from_the_day_the_undated_sentences_before_went_on_with() -> None:
    # "The hearing lasted five hours" goes on with Thursday's hearing: "the previous evening" is the
    # Wednesday, not left unresolved and dated by context (Thursday).
    art = article(
        "Moravec appeared before the disciplinary panel in Tarvik on Thursday.\n\n"
        "The hearing, held behind closed doors, lasted five hours.\n\n"
        "Aalto had told a Tarvik radio station the previous evening that Moravec would fight the case.\n",
        published=date(2026, 10, 9),
    )
    *_, told = extract_events(art, tag(art.clean.match_text, date(2026, 10, 9)))
    assert told.date == "2026-10-07" and told.timex is not None


def test_an_undated_reports_dates_written_out_keep_their_day_whatever_came_before() -> None:
    # A translated report with no publish date: its day-months take their year from its own dates,
    # and are dates of their own, never counted again from the event before ("a day later").
    text = (
        "Engineer Tomas Reuel was taken by armed men on the evening of 31 October 2026.\n\n"
        "On 2 November the group published a recording demanding three million dollars.\n\n"
        "The driver was let go a day later near the village of Harn.\n\n"
        "Elders of Qarvet opened negotiations with the group on 5 November.\n\n"
        "Reuel was handed over to police near Harn on 8 November.\n"
    )
    art = article(text, published=None)
    found = extract_events(art, tag(art.clean.match_text, None))
    dates = {m.text.split()[0]: m.date for m in found}
    assert dates == {
        "Engineer": "2026-10-31",
        "On": "2026-11-02",
        "The": "2026-11-03",
        "Elders": "2026-11-05",
        "Reuel": "2026-11-08",
    }


def test_unresolvable_expression_in_undated_article_is_not_given_a_date() -> None:
    art = article(
        "The bridge reopened on May 15, 2018 after repairs.\nOfficials said on Monday traffic was flowing.\n",
        published=None,
    )
    opened, monday = extract_events(
        art,
        [timex(art, "May 15, 2018", "2018-05-15", anchor=None), timex(art, "on Monday", None, anchor=None)],
    )
    assert opened.date == "2018-05-15"
    # Undated, its own expression kept unresolved (its day and month may meet an event's: merge).
    assert monday.date is None and monday.timex is not None
    assert (monday.timex.text, monday.timex.value) == ("on Monday", None)


def test_relative_clause_with_its_own_date_is_a_second_mention() -> None:
    art = article(
        "Kyiv has also proposed to sidestep the question of Crimea, which Russia annexed in 2014, for now.\n"
    )
    main, clause = extract_events(art, [timex(art, "2014", "2014", anchor=None)])
    assert (main.date, main.timex) == ("2022-03-30", None)
    assert clause.date == "2014" and clause.part == 1 and clause.text == main.text
    assert "Crimea" in clause.summary and "annexed in 2014" in clause.summary


def test_predicate_after_a_relative_clause_keeps_its_subject() -> None:
    # The clause around "on Thursday" starts after the relative clause; without its subject it
    # would name nobody ("Was sentenced …"), and meet no other outlet's report of Kask's sentence.
    art = article(
        "Elin Kask, who ran Dunmere's port for a decade, was sentenced to six years in prison "
        "on Thursday for taking bribes.\n"
    )
    [m] = extract_events(art, [timex(art, "on Thursday", "2022-03-24")])
    assert m.summary == "Elin Kask was sentenced to six years in prison on Thursday for taking bribes."
    assert {"elin", "kask"} <= set(m.names)
    assert m.text.startswith("Elin Kask, who ran")  # the mention cites the whole sentence


def test_most_specific_expression_of_the_main_clause_wins() -> None:
    art = article("In March, the army said it withdrew from the town on March 5 after heavy losses.\n")
    [m] = extract_events(art, [timex(art, "In March", "2022-03"), timex(art, "on March 5", "2022-03-05")])
    assert m.date == "2022-03-05" and m.timex is not None and m.timex.text == "on March 5"


def test_future_events_and_statements_about_the_future() -> None:
    art = article(
        "Talks will resume on Monday in Istanbul, both delegations said.\n"
        "The vote is scheduled for today in the upper house.\n"
        'Peskov said on Wednesday that "the investigation will be impartial" in every respect.\n'
    )
    resume, vote, statement = extract_events(
        art,
        [
            timex(art, "on Monday", "2022-04-04"),
            timex(art, "today", "2022-03-30"),
            timex(art, "on Wednesday", "2022-03-30"),
        ],
    )
    assert resume.future and vote.future
    assert not statement.future


@pytest.mark.parametrize(
    "line",
    [
        "Russia plays down hopes for breakthrough in peace talks",  # headline, no full stop
        "Are you personally affected by the war in Ukraine?",
        "Do you have family in Ukraine whose lives have been upended by the war.",
        "Ukraine's Foreign Minister Dmytro Kuleba poses with China's Foreign Minister before a meeting.",
        "Kuleba meets Wang Yi in Guangzhou, China. - Lu Hanxin/Xinhua via AP",
        "(Only the headline and picture of this report may have been reworked by the staff.)",
        "This site uses Akismet to reduce spam and protect the comments.",
        "Leave a Reply to the author of this story below.",
        "**Photo:** waves crash over the seawall near the harbour.",
        "Radio Kessel news. Listen again on our app.",  # a broadcast's sign-off
        # a press release's boilerplate and a paper's call for tips
        "About Corvane Systems: Corvane builds payment software used by four million people.",
        "Got a story? Email the Evening Star newsdesk.",
        "Contact our newsroom with your news tips and pictures.",
        "Media contact: press office, Harrowgate Bank.",  # a press release's contacts
        "Good morning and welcome to our live coverage.",  # a live blog's greeting
        # calls to act at the foot of a release or story
        "For press accreditation, contact press@carrowbay.example.",
        "For updates, follow @LennickCouncil on social media.",
        "Donate to the Echo's appeal for the Hollin Fell families.",
        # calls to the reader with no subject, a sponsor's line (dev32)
        "Give to the hardship fund.",
        "Pass the Note on.",
        "Join the Weavers' Union today.",
        "Courier Sport is sponsored by Kellin Motors.",
        # a broadcast's ident and link, a live blog's chrome, a translation's and a syndication's notes
        "This is Radio Vell.",
        "Stay with us for the weather and traffic after the break.",
        "Refresh for the latest updates.",
        "Translated from the Ostrian.",
        "This report first appeared in Dessa Vestnik.",
        "A version of this story was first published by the Lenmark Gazette.",
        # a broadcast's sign-off with the next bulletin, an opinion piece's disclaimer
        "News again at the top of the hour.",
        "The views expressed here are the author's own.",
        "Views expressed in this column are those of the writer and not of the Review.",
        "The opinions expressed in this piece are his own.",
        # a broadcast's sign-off with its name and time, or with the next programme; a newsletter's foot
        "That's Sport at Six.",
        "Radio Tarrand business, weekdays at six.",  # a programme's ident with the days it is on
        "That was the business news at 7 a.m.",
        "We're back at the same time tomorrow.",
        "Join us again next week.",
        "Unsubscribe at any time.",
        "Forward this email to a colleague.",
        "You are receiving this newsletter because you signed up at our website.",
        # a release's sign-off
        "Issued by the Harrow Police press office.",
        "Issued on behalf of Lennick Council by its communications team.",
        # a broadcast's next bulletin, a company's disclaimer
        "Our next bulletin is at six.",
        # a broadcast's link to its next item, an author's tagline, a line for readers to call
        "Traffic and weather after this.",
        "Sport and the weather next.",
        "Radio Fenmark news. The farming forecast is next.",
        "Marta Quill is a former Dunmere councillor.",
        "Ian Holt is a professor of law at Vell University.",
        "Parents with questions can call our care line free on 0800 555 0142, seven days a week.",
        # a tagline with any role, a broadcast's item under its label and its link, a digest's
        # introduction, a newsletter's plug
        "Ivo Lang is a former mine safety inspector.",
        "Now the weather: rain clearing from the west this afternoon.",
        "Traffic and weather follow after the break.",
        "Here is what mattered last week, in three minutes.",
        "Reading tip: our long read on the history of the Lissel Marathon.",
        "This announcement contains forward-looking statements, which involve risks and uncertainties.",
        # a broadcast's hand-over to its reporter
        "NEWSREADER: Our reporter Jonas Aird is in Dunmere.",
        "Our political correspondent Ana Roth joins us from Westminster.",
        # captions under their label, perhaps after the outlet's name (dev33)
        "Picture: Harbour Street on Sunday morning.",
        "Gazette photo: the slip above Mellby, seen from the church tower.",
        "Pictured: firefighters at the scene on Tuesday.",
        # a tips line, a broadcast's link with its item's kind, a live blog's hand-over, a newsletter's
        # plea and a call to give (dev34)
        "Tip-offs to 0300 4417.",
        "Sport and the farming forecast after the break.",
        "We're handing over to our overnight team.",
        "Share this briefing with a friend.",
        "Support our legal fund.",
    ],
)
def test_sentences_that_report_nothing_are_skipped(line: str) -> None:
    art = article(f"{line}\n", title="Russia plays down hopes for breakthrough in peace talks")
    assert extract_events(art, []) == []


def test_participle_phrase_ending_the_sentence_dates_its_noun_apart() -> None:
    text = (
        "Ellwick's board on Monday recommended that shareholders accept Corvane's sweetened offer of"
        " 4.60 crowns a share, tabled last Friday.\n"
    )
    found = tagged_events(article(text, published=date(2026, 10, 23)))
    assert sorted(m.date for m in found) == ["2026-10-16", "2026-10-19"]


def test_statement_dated_only_by_a_thing_it_names_is_of_the_story_time() -> None:
    """What a statement says, dated only by a participle phrase after a noun, was said at the
    story's time; the phrase is a clause of its own. Not so the same phrase outside a statement."""
    text = (
        "The exchange halted all trading on Tuesday morning after a fault in its systems.\n\n"
        "Chief executive Tobias Rell said the fault lay in a software update installed over the weekend.\n"
    )
    found = by_text(tagged_events(article(text, published=date(2026, 2, 10))), "Rell")
    assert sorted((m.date, m.timex is None) for m in found) == [("2026-02-10", True), ("2026-W06", False)]
    unsaid = "Engineers traced the fault to a software update installed over the weekend.\n"
    [update] = tagged_events(article(unsaid, published=date(2026, 2, 10)))
    assert update.date == "2026-W06"
    # the speaker after it: the apposition's verb is the main one
    apposed = "The man, a retired teacher from Kestowe, died on Wednesday night, the operator said.\n"
    [death] = tagged_events(article(apposed, published=date(2026, 9, 17)))
    assert death.date == "2026-09-16"
    # the medium of the statement: its own date
    study = "Hwang's team said in its study published in May in Science that it had cloned embryos.\n"
    assert [m.date for m in tagged_events(article(study, published=date(2005, 12, 5)))] == ["2005-05"]


def test_days_after_an_event_told_in_a_clause_dated_apart() -> None:
    text = (
        "The inquiry opened on October 19, 2026.\n"
        "Her interim report, published on October 23, 2026, found that a cracked rail had been"
        " reported to Westmark in August.\n"
        "Westmark's chief executive resigned two days after the report came out.\n"
    )
    *_, reported, published, resigned = tagged_events(article(text, published=None))
    # the month takes the year of the undated text's own dates
    assert (reported.date, published.date, resigned.date) == ("2026-08", "2026-10-23", "2026-10-25")


def test_dated_fact_in_a_release_about_paragraph_is_an_event() -> None:
    text = "About Corvane: Corvane Foods was founded in Saltmere in 1961 and employs 6,800 people.\n"
    [founded] = tagged_events(article(text))
    assert founded.date == "1961"


def test_repeated_sentence_and_title_give_one_mention() -> None:
    text = (
        "Moscow plays down hopes for breakthrough\n"
        "- The peace talks made little progress on Tuesday after the meeting.\n"
        "Moscow plays down hopes for breakthrough\n"
        "The peace talks made little progress on Tuesday after the meeting.\n"
    )
    art = article(text, title="Moscow plays down hopes for breakthrough")
    found = art.clean.match_text.count("on Tuesday")
    mentions = extract_events(art, [timex(art, "on Tuesday", "2022-03-29", nth=n) for n in range(found)])
    assert [m.text for m in mentions] == [
        "The peace talks made little progress on Tuesday after the meeting."
    ]


def test_two_clauses_with_two_dates_are_two_mentions() -> None:
    art = article(
        "Rescue teams reached the mountain village on Monday, "
        "after the earthquake destroyed homes on Saturday.\n"
    )
    reached, quake = extract_events(
        art, [timex(art, "on Monday", "2022-03-28"), timex(art, "on Saturday", "2022-03-26")]
    )
    assert (reached.date, quake.date) == ("2022-03-28", "2022-03-26")
    assert reached.text == quake.text and quake.part == 1
    assert "earthquake destroyed homes on Saturday" in quake.summary
    assert "earthquake" not in reached.summary


def test_dateline_date_does_not_date_the_event() -> None:
    art = article("MOSCOW, April 7 (Reuters) - Russia said on Wednesday it would pull back its troops.\n")
    [m] = extract_events(art, [timex(art, "April 7", "2022-04-07"), timex(art, "on Wednesday", "2022-04-06")])
    assert m.date == "2022-04-06" and m.timex is not None and m.timex.text == "on Wednesday"


def test_statement_dated_apart_from_what_it_announces_is_two_mentions() -> None:
    art = article(
        "Peskov said on Wednesday that the talks in Istanbul would resume on Monday.\n"
        '"We are ready," he added.\n'
    )
    mentions = extract_events(
        art, [timex(art, "on Wednesday", "2022-03-30"), timex(art, "on Monday", "2022-04-04")]
    )
    resume, statement, quote = mentions
    assert (resume.date, resume.future) == ("2022-04-04", True)
    assert (statement.date, statement.future, statement.part) == ("2022-03-30", False, 1)
    assert "statement" in statement.explanation
    assert quote.date == "2022-03-30"  # the quote continues the statement, not the scheduled talks


@pytest.mark.parametrize(
    ("text", "said", "told"),
    [
        # Words between the verb and "that": whom it was told, then its day.
        ("Lund told its 1,200 staff yesterday that its plant will shut in March.", "yesterday", "March"),
        # A noun of saying, its day in the possessive.
        ("Monday's announcement that the furnaces will go out in March stunned Mirrow.", "Monday", "March"),
    ],
)
def test_a_date_between_a_reporting_word_and_that_dates_the_statement(
    text: str, said: str, told: str
) -> None:
    art = article(text + "\n")
    mentions = extract_events(art, [timex(art, said, "2022-03-28"), timex(art, told, "2023-03")])
    content, statement = mentions
    assert (content.date, content.future, content.timex.text) == ("2023-03", True, told)
    assert (statement.date, statement.future, statement.timex.text) == ("2022-03-28", False, said)
    assert "statement" in statement.explanation


def test_a_main_clause_tied_to_a_dated_clause_by_after_is_a_mention_of_its_own() -> None:
    art = article(
        "Storm Ilse cut power to 30,000 homes along the western coast after it made landfall near"
        " Tarnholm on Saturday afternoon.\n"
        "The squad set off for the final 60 years after their first title in Bern on Saturday.\n"
        "Three leaders were freed hours after the court order on Monday but the fourth was held.\n"
    )
    saturday = timex(art, "Saturday afternoon", "2022-03-26TAF")
    found = extract_events(
        art, [saturday, timex(art, "Saturday", "2022-03-26", nth=1), timex(art, "Monday", "2022-03-28")]
    )
    landfall, cut = by_text(found, "landfall")
    assert (landfall.date, landfall.timex.text) == ("2022-03-26", "Saturday afternoon")
    assert "in the clause 'it made landfall" in landfall.explanation
    assert (cut.date, cut.timex, cut.inferred) == ("2022-03-26", None, True)
    assert cut.summary.startswith("Storm Ilse cut power to 30,000 homes") and "landfall" not in cut.summary
    # A span between the two is another time; "after the court order" names a thing, not a clause.
    assert len(by_text(found, "60 years after")) == 1 and len(by_text(found, "court order")) == 1


def test_a_day_in_a_relative_clause_dates_its_noun_not_the_sentence_or_the_narrative() -> None:
    art = article(
        "Elin Kask, the former director of the port who was charged on Monday with fraud, pleaded not"
        " guilty on Tuesday to all counts.\n"
        "Judge Ola Berg set her bail at 50,000 crowns.\n"
    )
    found = extract_events(art, [timex(art, "Monday", "2022-03-28"), timex(art, "Tuesday", "2022-03-29")])
    plea, charge, bail = found
    assert (plea.date, plea.timex.text) == ("2022-03-29", "Tuesday")
    assert (charge.date, charge.timex.text) == ("2022-03-28", "Monday") and "charged" in charge.summary
    assert (bail.date, bail.timex) == ("2022-03-29", None)  # the plea's hearing, not the charge


@pytest.mark.parametrize(
    ("state", "said"),
    [
        ("The hosepipe ban that came into force on 24 July 2026 remains in place.", None),
        ("The hosepipe ban came into force on 24 July 2026.", "2026-07-24"),
        ("The hosepipe ban that came into force on 24 July 2026 was lifted.", "2026-07-24"),
    ],
)
def test_a_present_state_told_with_its_start_moves_the_story_to_the_time_of_writing(
    state: str, said: str | None
) -> None:
    """A ban "that came into force on 24 July remains in place" now: the statement after it is of
    the (undated) release, not of the ban's start; the start told as the event goes on."""
    art = article(
        f"The reservoir fell to 29 percent on 23 July 2026.\n\n{state}\n\n"
        "Solberg said the company was sorry.\n",
        published=None,
    )
    *_, ban, sorry = tagged_events(art)
    assert ban.date == "2026-07-24"
    assert sorry.date == said


@pytest.mark.parametrize("relative", ["in which twelve witnesses testified", "that opened"])
def test_a_main_clause_after_a_relative_clause_with_a_day_takes_the_story_time(relative: str) -> None:
    art = article(
        "Elin Kask was convicted of fraud on Tuesday.\n"
        f"A jury found her guilty on two counts but cleared her of a third, after a trial {relative}"
        " on Monday.\n"
        "Her lawyer said she would appeal.\n"
    )
    found = extract_events(art, [timex(art, "Tuesday", "2022-03-29"), timex(art, "Monday", "2022-03-28")])
    _, testified, verdict, appeal = found
    assert (testified.date, testified.timex.text) == ("2022-03-28", "Monday")
    assert (verdict.date, verdict.timex) == ("2022-03-29", None)  # not the trial's Monday
    assert "dates a noun after 'after'" in verdict.explanation and relative not in verdict.summary
    assert appeal.date == "2022-03-29"


def test_a_predicate_done_before_one_still_ahead_is_dated_by_context() -> None:
    art = article(
        "The health ministry declared a measles outbreak in Ostral on Tuesday.\n"
        "The ministry has ordered 1.2 million doses of vaccine and will begin vaccinating children"
        " in schools on Monday, a spokeswoman said.\n"
    )
    found = extract_events(art, [timex(art, "Tuesday", "2022-03-29"), timex(art, "Monday", "2022-04-04")])
    _, starts, ordered = found
    assert (ordered.date, ordered.timex, ordered.future) == ("2022-03-29", None, False)
    assert ordered.summary == "The ministry has ordered 1.2 million doses of vaccine."
    assert (starts.date, starts.future) == ("2022-04-04", True)
    assert starts.summary.startswith("The ministry will begin vaccinating") and "doses" not in starts.summary


def test_a_day_relative_to_an_event_is_counted_from_that_events_day() -> None:
    art = article(
        "Storm Ilse came ashore near Tarnholm on Saturday.\n"
        "Police closed the Vell viaduct on Sunday.\n"
        "Forecasters had put the coast under a red alert the day before the storm hit.\n"
        "The warning came the day after Brussels rejected a French plan to cut payroll taxes.\n"
    )
    found = extract_events(art, [timex(art, "Saturday", "2022-03-26"), timex(art, "Sunday", "2022-03-27")])
    alert, warning = by_text(found, "red alert")[0], by_text(found, "warning came")[0]
    assert (alert.date, alert.timex) == ("2022-03-25", None)  # the storm's Saturday, not Sunday's
    assert "the day before" in alert.explanation
    # An event the text dates nowhere: the sentence goes on with the story, as any other.
    assert warning.date == "2022-03-27" and "continues" in warning.explanation


def test_a_span_counted_from_an_event_told_before_dates_the_sentence() -> None:
    art = article(
        "The storm came ashore last Wednesday night, killing 11 people.\n"
        "A military plane brought the first relief supplies on Friday.\n"
        "Power was restored to most of Saltrevy three days after the storm hit.\n"
        "Phone lines came back nearly two weeks after the storm hit.\n"
        "Schools reopened two weeks after the storm's landfall.\n",
        published=date(2026, 11, 9),
    )
    found = tagged_events(art)
    power, phones = by_text(found, "Power was restored")[0], by_text(found, "Phone lines")[0]
    schools = by_text(found, "Schools reopened")[0]
    # the storm's Wednesday (4 November) and three days, not the Friday just told
    assert (power.date, power.timex) == ("2026-11-07", None)
    assert "'three days after' 'the storm hit'" in power.explanation
    # an approximate span, or one after a thing (no clause), counts to no day: the sentence goes on
    # with the story
    assert phones.date == schools.date == "2026-11-06"


def test_a_span_after_a_days_thing_counts_from_that_day() -> None:
    """ "three days after Saturday's humiliation": the possessive day dates the humiliation, and the
    sacking is counted from it, not told on the Saturday."""
    art = article(
        "The federation has sacked its coach, just three days after Saturday's humiliation.\n"
        "Saturday's loss was the team's worst.\n",
        published=date(2026, 10, 13),
    )
    sacked, loss = tagged_events(art)
    assert (sacked.date, sacked.timex) == ("2026-10-13", None)
    assert "three days after" in sacked.explanation
    assert loss.date == "2026-10-10"


@pytest.mark.parametrize(
    ("relative", "value"),
    [
        ("the night after", "2022-03-27"),
        ("the week before", "2022-W11"),
        ("the month after", "2022-04"),
        ("the year before", "2021"),
        ("the same day as", "2022-03-26"),  # "on the same day as the storm hit": its day
    ],
)
def test_each_unit_of_a_time_relative_to_an_event(relative: str, value: str) -> None:
    art = article(f"The storm hit the coast on Saturday.\nRescuers were sent {relative} the storm hit.\n")
    found = extract_events(art, [timex(art, "Saturday", "2022-03-26")])
    assert by_text(found, "Rescuers")[0].date == value


def test_a_span_after_a_dated_clause_before_the_main_clause_counts_the_main_clause() -> None:
    art = article(
        "Three days after the festival opened on April 9, dozens of viewers walked out of the film.\n"
        "Two days after the vote on Friday, the minister resigned.\n",
        published=date(2027, 4, 17),
    )
    found = tagged_events(art)
    walkout, opening = by_text(found, "festival")
    assert (walkout.date, opening.date) == ("2027-04-12", "2027-04-09")
    assert "walked out" in walkout.summary and "festival opened" in opening.summary
    # "the vote on Friday" is a thing, no clause: the sentence is one mention, dated by its day
    assert [m.date for m in by_text(found, "minister")] == ["2027-04-16"]


def test_an_apposition_with_a_week_of_its_own_is_a_mention_apart() -> None:
    art = article(
        "The safety manager, arrested earlier this week, was released on bail on Wednesday.\n"
        "Acer, the computer maker, reported last month that its net profit slumped in 1996.\n",
        published=date(2027, 4, 17),
    )
    found = tagged_events(art)
    assert sorted(m.date for m in by_text(found, "safety manager")) == ["2027-04-14", "2027-W15"]
    # not an apposition: the report is the sentence's act, dated by its own time
    assert [m.date for m in by_text(found, "Acer")] == ["2027-03"]


def test_a_clause_with_no_relative_pronoun_dates_its_noun_not_the_act() -> None:
    # "a sample she gave in mid-September" is which sample: the finding is no mention of September.
    art = article(
        "The 27-year-old was suspended last week after traces of drostanolone were found in a sample "
        "she gave in mid-September.\n"
        "Doctors were treating a man he shot in the leg on Sunday, police said on Monday.\n",
        published=date(2026, 10, 9),
    )
    found = tagged_events(art)
    assert [m.date for m in by_text(found, "27-year-old")] == ["2026-W40"]
    # a subject pronoun before a past that is no clause of a noun ("police said on Monday") dates it
    assert "2026-10-05" in [m.date for m in by_text(found, "Doctors")]


def test_an_undated_paragraph_opener_takes_the_day_its_subject_is_given_next() -> None:
    art = article(
        "Moravec's lawyers lodged an appeal with the tribunal on Thursday.\n\n"
        "The federation's panel did not believe her. It handed her a four-year ban on Tuesday.\n\n"
        "Officials met the lawyers. The club announced a new coach on Tuesday.\n",
        published=date(2026, 10, 16),
    )
    found = tagged_events(art)
    assert [m.date for m in by_text(found, "did not believe")] == ["2026-10-13"]
    # a sentence that does not go on with the opener's subject leaves it to the context
    assert [m.date for m in by_text(found, "Officials met")] == ["2026-10-15"]


def test_a_live_blog_entry_stamped_with_its_time_is_of_the_blog_day() -> None:
    art = article(
        "Seven men were trapped when a tunnel roof fell in on Tuesday night at the mine.\n"
        "09:12 All five men are out.\n"
        "The last of them was carried from the shaft a few minutes ago.\n",
        published=date(2027, 4, 8),
    )
    found = tagged_events(art)
    assert [m.date for m in found] == ["2027-04-06", "2027-04-08", "2027-04-08"]


def test_a_live_blogs_entries_are_of_the_day_heading_above_them() -> None:
    art = article(
        "Thursday 5 November\n"
        "Governor Ilse Marrow says at least seven people have been killed.\n"
        "Wednesday 4 November\n"
        "Imara has made landfall near Saltrevy, the weather office says.\n"
        "Rescue teams have begun searching collapsed buildings.\n",
        published=date(2026, 11, 5),
    )
    found = tagged_events(art)
    assert [(m.text[:10], m.date) for m in found] == [
        ("Governor I", "2026-11-05"),
        ("Imara has ", "2026-11-04"),
        ("Rescue tea", "2026-11-04"),
    ]
    # not a day after the publish date, nor a bare weekday (a list's, often ahead), nor a
    # paragraph with words besides the day
    art = article(
        "Friday 6 November\nRescue teams have begun searching collapsed buildings.\n"
        "Wednesday\nThe Tarn has burst its banks at Welby, local officials say.\n"
        "On Wednesday 4 November\nImara has made landfall near Saltrevy, the weather office says.\n",
        published=date(2026, 11, 5),
    )
    assert [m.date for m in tagged_events(art)] == [
        "2026-11-05",
        "2026-11-05",
        "2026-11-05",
    ]


def test_a_relative_clause_with_whose_dates_its_own_act_not_the_main_one() -> None:
    art = article(
        "The film won the Silver Heron at the ceremony on Friday.\n"
        "Jury president Anouk Brisset, whose jury was announced earlier this month, told the ceremony"
        " that the decision had been unanimous.\n",
        published=date(2027, 4, 17),
    )
    found = tagged_events(art)
    told, named = by_text(found, "Brisset")
    assert (told.date, named.date) == ("2027-04-16", "2027-04")


def test_a_clause_a_span_after_or_before_a_dated_one_is_counted_from_its_day() -> None:
    art = article(
        "Skylark 3 carried the satellite into orbit on Thursday, two days after a faulty valve forced"
        " Aldren Orbital to halt the countdown.\n"
        "The old pier reopened on Friday, 3 weeks before storms battered the coast again.\n"
        "The vote took place on Friday, two days after the debate.\n"
    )
    found = extract_events(
        art,
        [
            timex(art, "on Thursday", "2022-03-24"),
            timex(art, "on Friday", "2022-03-25", nth=0),
            timex(art, "on Friday", "2022-03-25", nth=1),
        ],
    )
    launch, halt = by_text(found, "Skylark")
    assert (launch.date, halt.date, halt.timex) == ("2022-03-24", "2022-03-22", None)
    assert launch.summary == "Skylark 3 carried the satellite into orbit on Thursday."
    assert "halt the countdown" in halt.summary and "two days after" in halt.explanation
    pier, storms = by_text(found, "pier")
    assert (pier.date, storms.date) == ("2022-03-25", "2022-W15")
    # "two days after the debate" names a thing, no clause: one mention.
    assert len(by_text(found, "vote")) == 1
    # An approximate span of days or weeks counts to no day.
    near = article(
        "The alarm went off on Saturday, nearly four weeks after the plant leaked radioactive water.\n"
    )
    assert len(extract_events(near, [timex(near, "on Saturday", "2022-03-26")])) == 1


def test_a_clause_a_day_after_or_before_a_dated_one_is_counted_from_its_day() -> None:
    # "a day": the tagger's length (P1D), its number no word of it.
    art = article(
        "Housing Minister Cyrus Dane resigned this afternoon, a day after the government survived a vote"
        " of no confidence over the housing contracts scandal.\n"
        "The museum reopened on Friday, a week after the flood.\n",
        published=date(2026, 10, 9),
    )
    found = tagged_events(art)
    resigned, vote = by_text(found, "Dane")
    assert (resigned.date, vote.date) == ("2026-10-09", "2026-10-08")
    assert resigned.summary == "Housing Minister Cyrus Dane resigned this afternoon."
    assert "survived a vote" in vote.summary and "a day after" in vote.explanation
    # "a week after the flood" names a thing, no clause: one mention.
    assert [m.date for m in by_text(found, "museum")] == ["2026-10-09"]
    # An approximate length counts to no day.
    near = article(
        "The alarm went off on Saturday, nearly four weeks after the plant leaked radioactive water.\n"
        "Members backed the plan on Friday, less than a year after the club was split by a bitter debate.\n",
        published=date(2026, 10, 9),
    )
    assert len(tagged_events(near)) == 2


def test_a_relative_clause_tied_to_the_day_told_before_is_a_mention_of_that_day() -> None:
    # "the same day" counts from the day told before it, not from the sentence's later date.
    art = article(
        "The man was arrested on 8 October 2026.\n\n"
        "A 29-year-old woman, who was arrested the same day in Cardenholt, was released on bail on"
        " 12 October 2026 pending further enquiries.\n",
        published=None,
    )
    assert [(m.date, m.summary) for m in by_text(tagged_events(art), "woman")] == [
        (
            "2026-10-12",
            "A 29-year-old woman was released on bail on 12 October 2026 pending further enquiries.",
        ),
        ("2026-10-08", "A 29-year-old woman, who was arrested the same day in Cardenholt."),
    ]


def test_a_time_of_day_counts_from_its_own_day_written_right_after_it() -> None:
    art = article(
        "The club reopened on Friday.\n"
        "Police said a man was arrested outside the club at around 11.30pm last night, a spokesman said.\n"
    )
    found = extract_events(
        art,
        [
            timex(art, "on Friday", "2022-03-25"),
            timex(
                art, "11.30pm", "2022-03-25T23:30", kind="reference time", anchor="2022-03-25", type_="TIME"
            ),
            timex(art, "last night", "2022-03-29TNI", type_="TIME"),
        ],
    )
    assert [m.date for m in by_text(found, "arrested")] == ["2022-03-29"]  # not Friday


def test_a_span_after_an_event_counts_from_the_clause_that_names_it() -> None:
    # The strike's day is the clause that names it ("since Monday"), not the deal's Friday; "the
    # strike began" folds to "walkout" but names the "strike" as written.
    art = article(
        "Merrow Terminals and the Dockworkers' Guild struck a tentative pay deal late on Friday, raising"
        " hopes of an end to a strike that has idled the port since Monday.\n\n"
        "Two days after the strike began, both sides accepted an invitation to talks from the national"
        " Conciliation Board.\n",
        published=date(2026, 10, 10),
    )
    (talks,) = by_text(tagged_events(art), "invitation")
    assert talks.date == "2026-10-07"
    assert "(2026-10-05)" in talks.explanation


def test_a_clause_after_a_subordinator_with_a_day_of_its_own_is_a_mention_however_short_the_main() -> None:
    text = (
        "The rocket lifted off on Thursday morning after a first attempt on Tuesday was scrubbed.\n"
        "Judge Helena Farrow quashed the closure decision on Friday, after a two-day hearing that began on"
        " Wednesday.\n"
        "The museum reopened on Friday after the April 2 fire.\n"
    )
    art = article(text, published=date(2026, 10, 17))
    found = tagged_events(art)
    assert [(m.date, m.summary) for m in by_text(found, "rocket")] == [
        ("2026-10-15", "The rocket lifted off on Thursday morning."),  # its own clause, up to "after"
        ("2026-10-13", "A first attempt on Tuesday was scrubbed."),
    ]
    assert [m.date for m in by_text(found, "hearing")] == ["2026-10-16", "2026-10-14"]
    assert by_text(found, "hearing")[1].summary == "A two-day hearing that began on Wednesday."
    # No verb after the subordinator: the date of a thing, no happening of its own.
    assert [m.date for m in by_text(found, "museum")] == ["2026-10-16"]


def test_a_main_clause_before_a_clause_in_the_past_perfect_is_not_dated_by_it() -> None:
    # "had issued" tells the statement was before the halt: the halt is the story's day.
    text = (
        "Trading in the bank's shares was suspended on Monday.\n"
        "The exchange halted the shares before the opening bell, citing a statement the bank had issued"
        " the previous evening.\n"
        "Police arrested the driver on Monday, saying he fled the scene.\n"
    )
    art = article(text, published=date(2026, 10, 5))
    found = tagged_events(art)
    assert sorted((m.date, m.summary) for m in by_text(found, "exchange")) == [
        ("2026-10-04", "Citing a statement the bank had issued the previous evening."),
        ("2026-10-05", "The exchange halted the shares before the opening bell."),
    ]
    # No past perfect: one happening, on its day.
    assert [m.date for m in by_text(found, "Police")] == ["2026-10-05"]


def test_an_opener_naming_an_event_told_before_takes_its_day() -> None:
    # "In her ruling" names last Friday's judgment, told in the sentence before (its past perfect is
    # what the judgment found), not the appeal of the story's day.
    text = (
        "WEXCOMBE, Oct 20 (TNA) - The council on Tuesday lodged an appeal against a High Court ruling.\n\n"
        "Last Friday's judgment found that the council had failed to consult parents fairly.\n\n"
        "In her ruling, Judge Helena Farrow described the consultation as hasty and lopsided.\n\n"
        "In a statement, the council said it would fight on.\n"
    )
    art = article(text, published=date(2026, 10, 20))
    found = tagged_events(art)
    assert [m.date for m in found] == ["2026-10-20", "2026-10-16", "2026-10-16", "2026-10-20"]
    assert "names the event" in found[2].explanation


def test_the_same_day_as_an_event_is_that_events_day_not_the_previous_sentences() -> None:
    text = (
        "Skylark 3 carried the satellite into orbit last Thursday.\n"
        "The satellite stopped transmitting the following morning.\n"
        "On the same day as the Skylark flight, a rival firm had put four satellites into orbit.\n"
    )
    art = article(text, published=date(2026, 10, 20))
    *_, rival = tagged_events(art)
    assert rival.date == "2026-10-15"


def test_the_day_of_a_where_clause_dates_a_main_clause_without_one() -> None:
    art = article(
        "The outbreak began at a primary school, where a pupil tested positive on 30 October.\n"
        "The rating has now been removed from CreditWatch, where it was placed on March 18.\n"
        "The statement was issued before he left for Washington, where he will meet Clinton on Friday.\n"
    )
    october, march = timex(art, "30 October", "2021-10-30"), timex(art, "March 18", "2022-03-18")
    found = extract_events(art, [october, march, timex(art, "Friday", "2022-04-01")])
    began = by_text(found, "outbreak")
    assert [(m.date, m.timex.text, m.part) for m in began] == [("2021-10-30", "30 October", 0)]
    # Beside a main clause in the present, or ahead, the clause's day is its own.
    assert [m.timex and m.timex.text for m in by_text(found, "CreditWatch")] == [None, "March 18"]
    assert [m.timex and m.timex.text for m in by_text(found, "statement")] == [None, "Friday"]


def test_a_flashback_in_the_past_perfect_does_not_move_the_story_back() -> None:
    art = article(
        "Adel Morrow quit as prime minister on Tuesday, ending a two-year coalition.\n"
        "The Greens had left the governing alliance on Sunday over a coal mine.\n"
        "They had opposed the mine for months before the vote.\n"
        "Speaking to the nation on television, Morrow told viewers he had lost his majority.\n"
    )
    mentions = extract_events(
        art, [timex(art, "on Tuesday", "2022-03-29"), timex(art, "on Sunday", "2022-03-27")]
    )
    quit_, left, opposed, speech = mentions
    assert (quit_.date, left.date) == ("2022-03-29", "2022-03-27")
    assert opposed.date == "2022-03-27"  # still in the past perfect: the flashback goes on
    assert speech.date == "2022-03-29" and "Adel Morrow quit" in speech.explanation


def test_a_flashback_to_an_older_day_lasts_to_the_end_of_its_paragraph() -> None:
    art = article(
        "The trial of two men accused of murdering the journalist Tomas Brenn opened on Monday.\n\n"
        "Brenn was shot outside his flat on October 14, 2021. He died at the scene. "
        "Police described the gunman as a professional.\n\n"
        "Both defendants deny the charges.\n\n"
        "Dunst's lawyer, Petra Holm, said her client had been in another city.\n"
    )
    mentions = extract_events(
        art, [timex(art, "on Monday", "2022-03-28"), timex(art, "on October 14, 2021", "2021-10-14")]
    )
    trial, shot, died, described, deny, lawyer = mentions
    assert (trial.date, shot.date) == ("2022-03-28", "2021-10-14")
    # Told in the simple past, an older day is background: its paragraph goes on with it, a
    # statement included ("described … as" is one).
    assert died.date == described.date == "2021-10-14"
    # The next paragraph is back in the story's time, whatever it names.
    assert deny.date == "2022-03-30" and "present tense" in deny.explanation
    assert lawyer.date == "2022-03-28" and "The trial of two men" in lawyer.explanation


def test_a_flashback_to_a_year_dates_only_what_is_tied_to_it() -> None:
    art = article(
        "Norlake Foods reported a loss on Tuesday.\n\n"
        "Norlake bought Brightmill in 2021. Its stores never made a profit. "
        "Analysts at the time described the price as far too high.\n\n"
        "Ruud said the company would close 14 Brightmill stores.\n\n"
        "Tenants complained about the cracks. A day later, workers filled them.\n"
    )
    mentions = extract_events(
        art,
        [
            timex(art, "on Tuesday", "2022-03-29"),
            timex(art, "in 2021", "2021"),
            timex(art, "A day later", None, kind="reference time", anchor=None),
        ],
    )
    loss, bought, stores, analysts, ruud, tenants, later = mentions
    assert (loss.date, bought.date) == ("2022-03-29", "2021")
    # A year is a span, not a scene: only what says it looks back to it ("at the time") takes its date.
    assert stores.date == "2022-03-29" and analysts.date == "2021"
    assert ruud.date == "2022-03-29" and tenants.date == "2022-03-29"
    assert later.date is None  # "a day later" after an event dated by context stays undated


def test_a_statement_in_the_present_tense_is_dated_by_the_publish_date() -> None:
    art = article(
        "The council voted on Tuesday to close the market.\n\n"
        "Dana Oyelaran, 54, a nurse who has lived on the street for 30 years, says it broke her heart.\n"
        "Critics say the council wants the land for flats.\n"
        "Council leader Piet Marren said he believes the market is unsafe.\n"
        "The mayor declined to say whether she would intervene.\n"
    )
    vote, nurse, critics, leader, mayor = extract_events(art, [timex(art, "on Tuesday", "2022-03-29")])
    assert vote.date == "2022-03-29"
    assert nurse.date == critics.date == "2022-03-30" and "present tense" in critics.explanation
    # A past reporting verb first, or no tense at all ("to say"): the story's day.
    assert leader.date == mayor.date == "2022-03-29"


def test_a_named_statement_goes_with_the_event_it_names() -> None:
    art = article(
        "Harwick Rovers sold midfielder Ivo Brandt to Kessel FC on Wednesday.\n"
        "The club broke its transfer record to sign Dario Mendes from Sporting Alvor on Tuesday.\n"
        "Manager Sean Calloway said the sale of Brandt would help balance the books.\n"
        "Sporting Alvor chairman Rui Lobo said the fee was fair.\n"
        "He said the club had no other offers.\n"
        "Manager Sean Calloway said Brandt leaves with the fans' thanks.\n"
    )
    mentions = extract_events(
        art, [timex(art, "on Wednesday", "2022-03-30"), timex(art, "on Tuesday", "2022-03-29")]
    )
    sale, signing, manager, chairman, pronoun, again = mentions
    assert (sale.date, signing.date) == ("2022-03-30", "2022-03-29")
    # The manager names the sale, not the signing just before: the sale's day.
    assert manager.date == "2022-03-30" and "Harwick Rovers sold" in manager.explanation
    assert chairman.date == "2022-03-29" and "to sign Dario Mendes" in chairman.explanation
    # "He said" names nobody: it goes on with the statement before it.
    assert pronoun.date == "2022-03-29" and again.date == "2022-03-30"


def test_a_speaker_s_name_meets_names_not_common_words_of_an_earlier_event() -> None:
    art = article(
        "A grain warehouse in Tarnby was destroyed by fire late on Saturday.\n"
        "On Sunday, station officer Mira Keel said no one had been inside.\n"
        "Dalsgaard Grain, which owns the site, said it was shocked.\n"
        "Tarnby council leader Ann Holt said the town would help.\n"
    )
    fire, keel, owner, council = extract_events(
        art, [timex(art, "on Saturday", "2022-03-26"), timex(art, "On Sunday", "2022-03-27")]
    )
    assert (fire.date, keel.date) == ("2022-03-26", "2022-03-27")
    # "Grain" in the owner's name is no name in "A grain warehouse": the owner speaks on Sunday.
    assert owner.date == "2022-03-27" and "station officer" in owner.explanation
    # "Tarnby" is a name in both: the council's statement goes with the fire.
    assert council.date == "2022-03-26" and "which it names" in council.explanation


def test_a_statement_names_only_its_latest_event() -> None:
    art = article(
        "Reno agreed to a meeting with the Gonzalez family earlier this week.\n"
        "Talks with the Gonzalez family resumed, a Justice official said on Thursday.\n"
        "In Havana, the boy's father joined a rally on Thursday.\n"
        "A Justice official said the department could shift custody away from the Gonzalez family.\n"
    )
    reno, talks, rally, official = extract_events(
        art,
        [
            timex(art, "earlier this week", "2022-W13"),
            timex(art, "on Thursday", "2022-03-24"),
            timex(art, "on Thursday", "2022-03-24", nth=1),
        ],
    )
    assert (reno.date, talks.date, rally.date) == ("2022-W13", "2022-03-24", "2022-03-24")
    # The latest event it names was on Thursday, the rally's day: the week of Reno's offer is older.
    assert official.date == "2022-03-24" and "which it names" not in official.explanation


def test_a_year_open_on_one_side_dates_no_event() -> None:
    art = article(
        "Exiles rallied in Miami on Tuesday.\n"
        "Families value unity, but the post-1959 politics have split thousands of them, Ruiz said.\n"
    )
    post = tag(art.clean.match_text, art.published)
    assert [(t.text, t.mod) for t in post] == [("Tuesday", None), ("post-1959", "AFTER")]
    rally, split = extract_events(art, post)
    assert rally.date == "2022-03-29"
    assert split.date == "2022-03-29" and split.timex is None


def test_names_and_speakers_around_appositives_and_sentence_openers() -> None:
    art = article(
        "Adel Morrow quit as prime minister on Tuesday after losing his majority.\n"
        "Speaking to reporters in the capital, Morrow said he would not stand again.\n"
        "His lawyer, Tom Brandt, said the verdict would be appealed at once.\n"
        "The firm's boss, Hanna Lind, said sorry to residents of the town on Tuesday for the leak.\n"
    )
    quit_, speaking, lawyer, sorry = extract_events(
        art, [timex(art, "on Tuesday", "2022-03-29"), timex(art, "on Tuesday", "2022-03-29", nth=1)]
    )
    assert {"adel", "morrow"} <= set(quit_.names)
    assert "speak" not in speaking.names and speaking.speakers == ("morrow",)
    assert "brandt" not in lawyer.names and {"tom", "brandt"} <= set(lawyer.speakers)
    assert {"hanna", "lind"} <= set(sorry.names) | set(sorry.speakers) and "boss" in sorry.terms


def test_speakers_a_sentence_opener_a_relative_clause_or_a_description_would_hide() -> None:
    art = article(
        "Citylink said its offer of a 3 percent rise was fair.\n"
        "Officials said the depot would stay shut.\n"
        "Tomas Brell, who leads the drivers' union, told the Post the stoppage would last.\n"
        "Citylink described its 3 percent pay offer as fair and generous.\n"
        "He described how the drivers gathered at the depot.\n"
        "In a statement, Ansel Roe, Lund's lawyer, said his client would challenge the verdict.\n"
        "Prices rose, fell, and rose again, said the bank.\n"
        "Smith, Lund's lawyer, said she would appeal.\n"
    )
    said, officials, relative, described, story, described_by, trailing, common = extract_events(art, [])
    # A word alone before the verb is a name unless general English uses it often.
    assert said.speakers == ("citylink",) and "citylink" not in said.terms
    assert officials.speakers == () and "official" not in officials.terms
    # The clause between the name and the verb tells who speaks, not what was said.
    assert {"toma", "brell"} <= set(relative.speakers) and not {"brell", "lead"} & set(relative.terms)
    assert described.speakers == ("citylink",) and {"offer", "fair"} <= set(described.terms)
    assert story.speakers == () and "describ" in story.terms
    # So does a description between commas after a name (here after an opener the name's commas
    # could be read as an appositive of).
    assert {"ansel", "roe", "lund"} <= set(described_by.speakers) and "roe" not in described_by.names
    assert "challeng" in described_by.terms
    # With no name before it, a trailing attribution is the words after the verb.
    assert trailing.speakers == () and {"fell", "rose"} <= set(trailing.terms)
    # Before a clause of what was said, the words before the description name the speaker.
    assert (
        common.speakers == ("lund",)
        and "appeal" in common.terms
        and not {"smith", "lawyer"} & set(common.terms)
    )


def test_titles_roles_and_month_abbreviations_are_no_name_terms() -> None:
    # Two reports sharing only "the President" or a date written "Nov. 5" share no name.
    found = names("President Bush met the Foreign Minister of Ardenia on Nov. 5.")
    assert {"bush", "ardenia"} <= set(found)
    assert not {"president", "foreign", "minister", "nov"} & set(found)


def test_a_longer_form_of_a_name_is_not_another_name() -> None:
    short = names("Adel Morrow quit.")
    long = names("The resignation of Prime Minister Adel Morrow came as a shock.")
    assert set(short) <= set(long)


def test_a_schedule_is_no_event_and_a_second_predicate_with_its_own_date_is_one() -> None:
    art = article(
        "The market opens every Friday.\n\n"
        "Listen to Radio Brannock live every weekday from 6am.\n\n"
        "All schools stayed shut on Monday and will reopen on Wednesday, the council said.\n"
    )
    weekly = timex(art, "every Friday", "XXXX-WXX-5", type_="SET", kind="")
    # The time right after a SET is the time of the recurring thing, not a day of its own.
    daily = timex(art, "every weekday", "P1D", type_="SET", kind="")
    six = timex(art, "6am", "2022-03-30T06:00", type_="TIME")
    monday = timex(art, "Monday", "2022-03-28")
    wednesday = timex(art, "Wednesday", "2022-03-30")
    found = extract_events(art, [weekly, daily, six, monday, wednesday])
    assert not by_text(found, "every Friday") and not by_text(found, "every weekday")
    shut, reopen = found
    assert (shut.date, shut.future) == ("2022-03-28", False)
    assert reopen.date == "2022-03-30" and reopen.summary == "All schools will reopen on Wednesday."


def test_a_clause_after_a_semicolon_with_its_own_date_is_its_own_mention() -> None:
    art = article(
        "Union leaders and Harlow Textiles sat down for the first time on Tuesday over the mill closure,"
        " which will cost about 1,200 jobs; they meet again next Tuesday.\n",
        published=date(2026, 11, 12),
    )
    first, again = tagged_events(art)
    assert (first.date, again.date) == ("2026-11-10", "2026-11-17")
    assert again.summary == "They meet again next Tuesday."


def test_after_a_statement_on_a_past_happening_the_story_goes_on_with_the_happening() -> None:
    art = article(
        "A blaze destroyed a grain warehouse on Sunday night, the port authority said on Tuesday.\n"
        "No one was injured in the fire.\n"
    )
    mentions = extract_events(
        art, [timex(art, "Sunday night", "2022-03-27TNI"), timex(art, "on Tuesday", "2022-03-29")]
    )
    blaze, statement, injured = mentions
    assert (blaze.date, statement.date) == ("2022-03-27", "2022-03-29")
    assert injured.date == "2022-03-27" and "A blaze destroyed" in injured.explanation


def test_a_date_in_the_possessive_names_a_thing_not_the_time_of_the_sentence() -> None:
    art = article("Residents evacuated after Thursday's leak at the Vessa plant returned home on Friday.\n")
    [m] = extract_events(art, [timex(art, "Thursday", "2022-03-24"), timex(art, "on Friday", "2022-03-25")])
    assert m.date == "2022-03-25"
    assert m.summary.startswith("Residents evacuated after Thursday's leak")  # the sentence, told whole
    assert "leak" not in m.terms and "vessa" not in m.terms and "return" in m.terms


def test_a_date_naming_a_thing_after_the_verb_does_not_date_the_act() -> None:
    art = article(
        "Police arrested the owner of the block on Friday.\n"
        "Prosecutors said he would be questioned about the 2024 engineer's report.\n"
        "The grocer reported a first-quarter loss and cut its outlook for the year.\n"
        "Ruud described the quarter as painful.\n"
        "Sales rose 5 percent in the quarter.\n"
        "Morrow won the 2019 election.\n"
    )
    tx = [
        timex(art, "on Friday", "2022-03-25"),
        timex(art, "2024", "2024"),
        timex(art, "first-quarter", "2022-Q1"),
        timex(art, "the year", "2022"),
        timex(art, "the quarter", "2022-Q1"),
        timex(art, "the quarter", "2022-Q1", nth=1),
        timex(art, "2019", "2019"),
    ]
    _, report, loss, painful, sales, won = extract_events(art, tx)
    # An attributive date ("the 2024 report", "a first-quarter loss") or a period as an object ("the
    # quarter", "its outlook for the year") names a thing: the sentence is dated from context.
    assert [m.date for m in (report, loss, painful)] == ["2022-03-25"] * 3
    assert all(m.timex is None for m in (report, loss, painful))
    # A time preposition makes it the time of the act; an event noun keeps its date.
    assert (sales.date, won.date) == ("2022-01", "2019")


def test_he_and_she_stand_for_the_last_person_named() -> None:
    art = article(
        "Halvik Glass will close its Dunmere factory.\n"
        "Work is being transferred to Poland, said Petra Lund, Halvik's chief executive.\n"
        "She blamed soaring energy bills.\n"
        "Chief executive Petra Lund blamed high energy costs.\n"
        "She said production would move to Poland.\n"
        "A company spokeswoman said the cancellations were a precaution.\n"
        "She added that passengers would get refunds.\n"
        "Oskar Brannock, 61, was arrested at his home.\n"
        "Tomas Brenn was shot outside his flat.\n"
        "He had been investigating a port scandal.\n"
    )
    _, moved, blamed, named, said, _, added, _, shot, investigating = extract_events(art, [])
    # A description after a trailing speaker is the speaker's, not what was said.
    assert {"petra", "lund"} <= set(moved.speakers) and not {"petra", "lund", "chief"} & set(moved.terms)
    assert moved.summary == "Work is being transferred to Poland."
    # "She blamed" is an act of hers, "she said" a statement: the name goes where it would go written.
    assert {"petra", "lund"} <= set(blamed.terms) and blamed.summary == "She blamed soaring energy bills."
    assert {"petra", "lund"} <= set(said.speakers) and "lund" not in said.terms
    assert named.speakers == ()
    # Not after someone unnamed spoke, and not across another person's sentence.
    assert added.speakers == ()
    assert "brenn" in shot.names and not {"oskar", "brannock"} & set(investigating.terms)


def test_a_lead_dated_by_its_week_dates_what_follows_it() -> None:
    art = article(
        "Holm Foods struck a deal earlier this week to take over the Crustly bakery chain.\n"
        "All 900 Crustly staff will keep their jobs, Holm has said.\n"
    )
    deal, jobs = extract_events(art, [timex(art, "earlier this week", "2022-W13")])
    assert (deal.date, jobs.date) == ("2022-W13", "2022-W13")


def test_a_week_told_in_the_present_leaves_the_story_on_its_day() -> None:
    # A live blog of launch day: "this week" holds the publish day, and the entries after it are that day's.
    art = article(
        "This is the company's second try this week.\n"
        "The rocket has left the pad with the weather satellite on board.\n"
    )
    attempt, liftoff = extract_events(art, [timex(art, "this week", "2022-W13")])
    assert (attempt.date, liftoff.date) == ("2022-W13", "2022-03-30")


def test_a_lead_in_the_present_perfect_takes_the_day_the_next_sentence_tells_it_again() -> None:
    text = (
        "The High Court has ruled that the council acted unlawfully when it decided to close the school.\n"
        "Judge Helena Farrow quashed the closure decision on Friday.\n"
    )
    art = article(text)
    ruled, quashed = extract_events(art, [timex(art, "on Friday", "2022-03-25")])
    assert (ruled.date, quashed.date) == ("2022-03-25", "2022-03-25")
    # Dated by that expression, not guessed: another outlet's report of a day nearby does not take
    # its day over when they merge ("has died" / "died on Wednesday night" / "on Tuesday ordered").
    assert ruled.timex == quashed.timex and ruled.timex is not None and ruled.timex.text == "on Friday"
    # Not when the next sentence tells what is ahead ("host … on Saturday", resolved to the last one).
    ahead = article(
        "Manager Rafa Benitez has played down talk of the title.\n"
        "Benitez's side host Watford on Saturday seeking a fourth win for the title.\n"
    )
    played_down, _ = extract_events(ahead, [timex(ahead, "on Saturday", "2022-03-26")])
    assert played_down.date == "2022-03-30"
    # Not when the next sentence tells something else, with no word of the lead.
    other = article("Police have arrested a man in Dunmere.\nThe blaze broke out at a warehouse on Friday.\n")
    arrested, _ = extract_events(other, [timex(other, "on Friday", "2022-03-25")])
    assert arrested.date == "2022-03-30"


def test_a_paragraph_opening_in_the_present_perfect_is_told_again_as_a_lead_is() -> None:
    """A bulletin's next item opens its paragraph in the present perfect ("wolves have struck again")
    and tells it again next with its day: that day, not the publish date; the bulletin's lead keeps
    its own mention."""
    text = (
        "The consumer minister has ordered safety checks on every cable car in the country.\n\n"
        "Tomas Hald gave the order this morning on a visit to Skarvik.\n\n"
        "Near Kelvig, wolves have struck again. A pack killed nine sheep at the Bratt farm on Sunday night, "
        "five days after the attack on the Brekke farm.\n"
    )
    art = article(text, published=date(2027, 2, 8))
    found = tagged_events(art)
    assert [m.date for m in by_text(found, "struck")] == ["2027-02-07"]
    assert [m.date for m in by_text(found, "consumer minister")] == ["2027-02-08"]
    # Not by background over a week before it: a tally, not the news.
    tally = text.replace("on Sunday night", "on 21 January")
    assert [m.date for m in by_text(tagged_events(article(tally, published=date(2027, 2, 8))), "struck")] == [
        "2027-02-08"
    ]
    # Not by the next paragraph, a skipped line between ("Good morning."): a live blog's next entry.
    entry = text.replace("struck again. A pack", "struck again.\n\nGood morning. A pack")
    assert [m.date for m in by_text(tagged_events(article(entry, published=date(2027, 2, 8))), "struck")] == [
        "2027-02-08"
    ]
    # Not a perfect inside a paragraph, after a sentence of its own day.
    inside = text.replace("Skarvik.\n\nNear", "Skarvik. Near")
    struck = by_text(tagged_events(article(inside, published=date(2027, 2, 8))), "struck")
    assert [m.date for m in struck] != ["2027-02-07"]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # the next sentence tells another act of the same men: their arrest, not their bail (the
        # newsreader's label is no word of either)
        (
            "NEWSREADER: Two men questioned over digging at the hoard site have been released on bail.\n"
            "NEWSREADER: One was taken into custody in Wendholt yesterday morning.\n",
            "yesterday morning",
            "2022-03-29",
        ),
        # a find, not the unveiling, of the same coins
        (
            "A hoard of silver coins found by a detectorist in a field has been unveiled at Kelmoor Museum.\n"
            "Edda Holm came across the first coins on February 26 while searching the field.\n",
            "on February 26",
            "2022-02-26",
        ),
    ],
)
def test_a_lead_in_the_present_perfect_keeps_its_day_when_the_next_sentence_tells_another_act(
    text: str, phrase: str, value: str
) -> None:
    art = article(text)
    lead, _ = extract_events(art, [timex(art, phrase, value)])
    assert lead.date == "2022-03-30" and lead.timex is None


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "that Thursday" is the one nearest the day just told (Monday the 9th), not the one
        # nearest the last date written out (Sunday the 8th), nor that one moved by a day.
        (
            "Police searched the depot on March 8, 2026.\nA day later the owner was questioned.\n"
            "When prosecutors filed charges that Thursday, he was already abroad.\n",
            date(2026, 3, 30),
            "2026-03-12",
        ),
        # "the following Monday" counted from Thursday the 24th is still a Monday.
        (
            "He was arrested on Tuesday, February 22, 2000.\nTwo days later he was released on bail.\n"
            "He fled the country the following Monday.\n",
            date(2000, 3, 30),
            "2000-02-28",
        ),
    ],
)
def test_a_weekday_counted_from_the_day_just_told_stays_that_weekday(
    text: str, published: date, expected: str
) -> None:
    *_, last = tagged_events(article(text, published=published))
    assert last.date == expected


@pytest.mark.parametrize("published", [date(2026, 11, 5), None])
def test_a_clock_time_on_the_24_hour_clock_with_its_day_dates_to_the_minute(published: date | None) -> None:
    # The contract keeps a clock time the text gives, in an undated release too.
    art = article(
        "At 16:12 on 1 November 2026, supply was lost to 3.1 million customers.\n", published=published
    )
    [lost] = tagged_events(art)
    assert lost.date == "2026-11-01T16:12" and lost.timex is not None


def test_a_conjunct_dated_later_that_day_tells_a_happening_of_its_own() -> None:
    # Two regions reconnected on one day, each told with its own time: two mentions, each of its
    # own conjunct, not one of the whole sentence.
    art = article(
        "Power returned to the capital on 1 November 2026.\n"
        "The northern region followed on the afternoon of 2 November 2026, and the western region"
        " was reconnected later that day.\n",
        published=date(2026, 11, 6),
    )
    _, north, west = tagged_events(art)
    assert (north.date, west.date) == ("2026-11-02", "2026-11-02")
    assert "western" not in north.summary.lower() and "northern" not in west.summary.lower()


def test_the_present_perfect_of_an_undated_text_and_what_follows_it_stay_undated() -> None:
    # With no publish date, "has replaced" is of the unknown time of writing, not of the day before.
    art = article(
        "On 5 November 2026 engineers confirmed that the relay had been set up wrongly.\n"
        "The company has replaced the relay.\n"
        'Chief executive Ola Berg said: "We apologise to every customer."\n',
        published=None,
    )
    confirmed, replaced, apology = tagged_events(art)
    assert (confirmed.date, replaced.date, apology.date) == ("2026-11-05", None, None)


def test_a_pickled_mention_comes_back_equal_with_its_words_shared() -> None:
    art = article("Kremlin spokesman Dmitry Peskov said on Tuesday the peace talks in Istanbul stalled.")
    [mention] = extract_events(art, [timex(art, "on Tuesday", "2022-03-29")])
    assert mention.timex is not None and mention.terms and mention.names
    # Workers and the cache send mentions pickled one file at a time: each comes back as it was,
    # and the same stems and names are one string object across files, not one per mention.
    first, second = (pickle.loads(pickle.dumps(mention)) for _ in range(2))
    assert first == second == mention
    assert all(a is b for a, b in zip(first.terms + first.names, second.terms + second.names, strict=True))
    assert first.explanation is second.explanation


_LISTED = ("reporting", "caption", "present_saying", "perfect", "anaphor")
_CUES = [
    *(word for name in _LISTED for word in getattr(lexicon(), name).words),
    "left",
    "According to",
    "Said",
    "was",
    "be",
    "sorry",
    "that",
]
_TEXT = st.lists(st.sampled_from([*_CUES, "Peskov", "on Monday", ", ", '"', "“", "”", " ", "  ", "\n", "d"]))


@given(_TEXT)
@settings(max_examples=300, deadline=None)
def test_a_word_list_regex_is_skipped_only_where_it_cannot_match(parts: list[str]) -> None:
    # Reporting verbs, captions, the past perfect and the like are looked for only in texts holding
    # one of their words (those holding no other: "say" stands for "says"): the words must cover
    # every form the regex matches, or a statement would lose its speaker.
    text = "".join(parts)
    for listed in (getattr(lexicon(), name) for name in _LISTED):
        found, regex = listed.search(text), listed.pattern.search(text)
        assert (found and found.span()) == (regex and regex.span())


def test_midnight_ending_a_day_dates_that_day() -> None:
    """TimeML writes the midnight that ends a day as T24:00 ("shortly before midnight on Saturday");
    the contract's times run to 23:59, so the event is dated that day."""
    assert event_date("2026-03-07T24:00") == ("2026-03-07", None)
    assert event_date("2026-03-07T23:30") == ("2026-03-07T23:30", None)


def test_a_time_after_its_preposition_opens_no_clause() -> None:
    """ "shortly after 2 a.m." dates the sentence's act: "after" is the time's own preposition, not
    a subordinator starting a clause that the mention would stand for."""
    text = (
        "The blaze broke out shortly after 2 a.m. and took 80 firefighters six hours to bring under control."
    )
    art = article(text)
    (mention,) = extract_events(art, [timex(art, "2 a.m.", "2022-03-30T02:00", type_="TIME")])
    assert mention.summary == text and "fire" in mention.terms  # "blaze" is a "fire"


@pytest.mark.parametrize(
    "words",
    [
        ("refloat", "refloated", "refloating", "refloats"),
        ("retreat", "retreated", "retreating"),
        ("create", "created", "creation"),
        ("evacuate", "evacuated", "evacuation"),
    ],
)
def test_the_forms_of_a_verb_in_at_or_ate_share_a_stem(words: tuple[str, ...]) -> None:
    # "-ated" is "-ate" + "d" after most letters, but "-oat"/"-eat" + "ed" after o and e.
    assert len({stem(w) for w in words}) == 1


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("billion", "bill"),
        ("million", "mill"),
        ("station", "state"),
        ("mission", "missed"),
        ("faction", "fact"),
    ],
)
def test_a_word_in_ion_keeps_its_stem_apart_from_a_shorter_word(word: str, other: str) -> None:
    # "$2 billion" is no law ("bill"); "election" still meets "elected".
    assert stem(word) == stem(word + "s") != stem(other)
    assert stem("election") == stem("elected")
    assert "@law" not in key_terms("The firm raised $2 billion.")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Director Oda Sandvik called the theft devastating for the city.", ("oda", "sandvik")),
        ("Judge Ravi Stern called it a betrayal of the whole city.", ("ravi", "stern")),
        ('Mayor Ida Pell called the ruling "a disgrace" for the town.', ("ida", "pell")),
        ("Mayor Ida Pell called for calm in the town.", ()),
        ("Mayor Ida Pell called off the festival in the town.", ()),
        ("Mayor Ida Pell called on residents to stay indoors.", ()),
        ("Neighbours of Ida Pell called the police after hearing shots.", ()),
        ("The union of Ida Pell called a strike for Monday.", ()),
        ("Ida Pell was called a liar by the opposition.", ()),
        ("The so-called deal of Ida Pell collapsed in the town.", ()),
    ],
)
def test_calling_a_thing_something_is_a_statement(text: str, speaker: tuple[str, ...]) -> None:
    (mention,) = extract_events(article(text), [])
    assert set(speaker) <= set(mention.speakers) and bool(mention.speakers) == bool(speaker)


def test_a_short_sentence_with_a_subject_and_a_past_verb_reports() -> None:
    art = article(
        "A footbridge collapsed into the canal on Saturday.\n\nNobody was hurt. Yeah. Small numbers.\n\n"
        '"Here, no one gives up!" Castro declared. "No," he said. Stay tuned.'
    )
    texts = [m.text for m in extract_events(art, [timex(art, "Saturday", "2022-03-26")])]
    assert "Nobody was hurt." in texts
    assert not {"Yeah.", "Small numbers.", "Castro declared.", '"No," he said.', "Stay tuned."} & set(texts)


@pytest.mark.parametrize(
    "line",
    ["Vell FM news at ten.", "This is Radio Kessel news at 6 p.m.", "BBC news at one o'clock"],
)
def test_a_broadcasts_time_check_reports_nothing(line: str) -> None:
    art = article(f"{line}\n\nRovers beat Oskerby on Saturday.\n")
    assert [m.text for m in tagged_events(art)] == ["Rovers beat Oskerby on Saturday."]


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        ("Turnout was 58 percent, up from 51 percent four years ago.", None),
        ("Fifty-eight per cent of the voters took part, the highest turnout since 2006.", None),
        ("It was the party's heaviest defeat since 1998.", None),
        ("Turnout was higher than in 2019.", None),
        ("Arrivals rose to 4,430 tonnes from 3,025 tonnes a day earlier.", None),
        ("Its share fell to 38 percent from 42 percent a year earlier.", None),
        ("Profit rose to $7 billion from $5.2 billion a year earlier.", None),
        ("The bank raised its rate to 9.5 percent from 8 percent on October 1.", "2026-10-01"),
        # a day of the month after "from" is a range's start, no amount
        ("The fair runs from 26 February until 2 March.", "2026-02-26"),
        # a time of its own still dates the clause; a quantity's "than" is no comparison of times
        ("Sales rose 5 percent in 2025, up from 3 percent a year earlier.", "2025"),
        ("Sales rose more than 5 percent in 2025.", "2025"),
    ],
)
def test_a_time_that_qualifies_a_comparison_dates_nothing(sentence: str, dated: str | None) -> None:
    """ "up from 51 percent four years ago", "since 2006" after a superlative, "than in 2019": the
    time of what is compared with, not of the clause's happening, which is dated by context."""
    art = article(f"Valdane won the election on Sunday.\n{sentence}\n", published=date(2026, 10, 12))
    won, compared = tagged_events(art)
    assert won.date == "2026-10-11"
    assert compared.date == (dated or "2026-10-11")
    assert (compared.timex is None) == (dated is None)


def test_a_past_perfect_in_a_relative_clause_is_no_flashback() -> None:
    """ "…, who had been mayor since 2018" looks back from the main clause; the main clause's day
    goes on into the next paragraph, as a day told in the simple past does."""
    art = article(
        "Valdane won the mayoral election on Sunday, ousting Piet Harrow, who had been mayor since 2018.\n"
        "Turnout reached 58 percent.\n",
        published=date(2026, 10, 12),
    )
    won, *_, turnout = tagged_events(art)
    assert won.date == "2026-10-11"
    assert turnout.date == "2026-10-11" and turnout.timex is None


def test_a_present_sentence_naming_a_past_days_event_moves_no_narrative() -> None:
    """ "The decision follows Wednesday's semi-final" dates the semi-final it names, but tells of
    the decision: the sentence after it goes on with the story's time. A past verb ("Rovers lost")
    reports the day's event, which the next sentence continues."""
    lead = "Anselm Drury has been sacked by Vellhaven Rovers.\n"
    quote = '"Painful, but necessary," was how chairman Bertil Maake described the move.\n'
    for middle, day in [
        ("The decision follows Wednesday's semi-final, which Oskerby Town won 3-1.\n", "2026-10-08"),
        ("Rovers lost Wednesday's semi-final 3-1.\n", "2026-10-07"),
    ]:
        art = article(lead + middle + quote, published=date(2026, 10, 8))
        sacked, semi, *_, said = tagged_events(art)
        assert (sacked.date, semi.date, said.date) == ("2026-10-08", "2026-10-07", day)


def test_a_part_of_the_same_day_dates_the_narrative_for_the_previous_evening() -> None:
    # "the same afternoon" is Monday's, told by the sentence's own words, so "the previous evening"
    # after it counts back from Monday (an expression after a day only guessed stays unresolved).
    art = article(
        "Holm pledged 15 million crowns in aid on Monday during a visit to the village.\n\n"
        "The regional council promised a further four million crowns the same afternoon.\n\n"
        "Firefighters had brought the blaze under control the previous evening.\n",
        published=date(2026, 7, 13),
    )
    pledge, council, control = tagged_events(art)
    assert (pledge.date, council.date, control.date) == ("2026-07-13", "2026-07-13", "2026-07-12")
    assert control.timex is not None and control.timex.text == "the previous evening"


def test_what_a_statement_says_is_dated_apart_from_the_statement() -> None:
    art = article(
        "In a joint statement released on Tuesday morning, the two foreign ministries said the six"
        " crew members would be freed on Wednesday.\n",
        published=date(2026, 7, 14),
    )
    statement, freed = tagged_events(art)
    assert (statement.date, statement.future) == ("2026-07-14", False)
    assert (freed.date, freed.future) == ("2026-07-15", True)
    assert "crew members would be freed" in freed.summary and "ministries" not in freed.summary


def test_a_statement_whose_only_time_cannot_be_resolved_is_dated_by_context() -> None:
    # "that night" (the night of 2023-10-14) follows sentences dated by context only, so the events
    # do not count it from a day just told; what the lawyer said does not date when she said it,
    # at the trial, the story's day.
    art = article(
        "The trial of two men accused of murdering Tomas Brenn opened in Kelmouth on Monday.\n\n"
        "Prosecutor Alma Reyes described the killing as an execution ordered to silence him.\n\n"
        "Brenn was shot twice outside his flat on October 14, 2023. He had been investigating a port"
        " contracts scandal. Police at the time described the attack as professional.\n\n"
        "Both defendants deny the charges.\n\n"
        "Dunst's lawyer, Petra Holm, said her client had been in another city that night.\n",
        published=date(2026, 5, 11),
    )
    alibi = by_text(tagged_events(art), "Petra Holm")
    assert [m.date for m in alibi] == ["2026-05-11"]


def test_a_sentence_that_goes_on_with_a_timed_event_keeps_its_day_not_its_time() -> None:
    # "at 1:00 p.m." dates its own sentence to the minute; what goes on with it only to the day.
    # "by 7:00 p.m. every evening" is the time of a recurring thing: it dates no day.
    art = article(
        "Gingrich met Lee on Wednesday.\n\n"
        "Gingrich left for home at 1:00 p.m.\n\n"
        "Chang stressed that Taipei would continue to show the world its case.\n\n"
        "Under the terms of his bail, he will have to return home by 7:00 p.m. every evening.\n",
        published=date(1997, 4, 2),
    )
    _, left, stressed, bail = extract_events(art, tag(art.clean.match_text, date(1997, 4, 2)))
    assert left.date == "1997-04-02T13:00"
    assert stressed.date == "1997-04-02"
    assert bail.date == "1997-04-02" and bail.timex is None


def test_a_day_that_sets_no_narrative_is_the_one_the_next_sentence_counts_from() -> None:
    # "meet on October 20" is a plan: it sets no narrative, but "three days later" counts from it,
    # not from Thursday; the past perfect after it looks back from Thursday's hearing.
    art = article(
        "Moravec appeared before the disciplinary panel in Tarvik on Thursday.\n\n"
        "His lawyers meet the panel again on October 20.\n\n"
        "The panel is expected to rule three days later.\n\n"
        "Aalto had told a Tarvik radio station the previous evening that Moravec would fight the case.\n",
        published=date(2026, 10, 9),
    )
    *_, rule, told = extract_events(art, tag(art.clean.match_text, date(2026, 10, 9)))
    assert rule.date == "2026-10-23" and rule.timex is not None
    assert told.date == "2026-10-07" and told.timex is not None


def test_a_time_of_day_after_a_plan_is_of_the_storys_day() -> None:
    # "tomorrow" sets no narrative; "after 10:00 am" names no day and is of Friday's summit.
    art = article(
        "EU leaders opened their summit in Brussels on Friday.\n\n"
        "The talks ran late into the night.\n\n"
        '"We will speak tomorrow," the prime minister said.\n\n'
        "The leaders will endorse the conclusions after 10:00 am.\n",
        published=date(2006, 12, 15),
    )
    found = extract_events(art, tag(art.clean.match_text, date(2006, 12, 15)))
    endorse = by_text(found, "after 10:00 am")[0]
    assert endorse.date == "2006-12-15" and endorse.timex is not None


def test_a_time_of_day_after_a_flashback_in_the_past_perfect_is_the_story_s_day() -> None:
    """A new paragraph in the simple past after one in the past perfect is back in the story's time:
    "In the afternoon" is the story's afternoon; after background told in the simple past, it goes
    on with the background's day."""
    lead = "Police closed the Kessel bridge on Tuesday morning after a crack was found.\n\n"
    then = "In the afternoon, a second bridge was closed.\n"
    for background, day in [
        ("Engineers had inspected the bridge on Monday evening.\n\n", "2026-03-03"),
        ("Engineers inspected the bridge on Monday evening.\n\n", "2026-03-02"),
    ]:
        *_, second = tagged_events(article(lead + background + then, published=date(2026, 3, 3)))
        assert second.date == day and second.timex is not None


def test_a_statement_after_background_counted_back_from_the_story_is_of_the_story_s_day() -> None:
    """An event dated only by counting back from the story's day ("the previous evening") is its
    background, as one in the past perfect is: a statement after it that names it speaks on the
    story's day. One told with its own day is an event a statement goes back to (see
    test_a_named_statement_goes_with_the_event_it_names)."""
    art = article(
        "A Tarnby man was charged with theft on Friday over the museum break-in.\n\n"
        "Ivo Lake was arrested at his flat the previous evening, police said.\n\n"
        "Inspector Ana Holt said Lake had returned two of the paintings.\n",
        published=date(2026, 3, 6),
    )
    charged, arrested, holt = tagged_events(art)
    assert (charged.date, arrested.date) == ("2026-03-06", "2026-03-05")
    assert holt.date == "2026-03-06" and "which it names" not in holt.explanation


def test_a_past_perfect_in_a_relative_clause_with_no_comma_is_no_flashback() -> None:
    """ "thanked the crews who had come" is told in the simple past: the next paragraph after
    background is back in the story's time. In the background's own paragraph, a sentence with a
    pronoun subject goes on with it."""
    art = article(
        "The Kessel fire is now fully contained, the fire service said today.\n\n"
        "The fire broke out last Sunday. It spread across the ridge overnight.\n\n"
        "Prosecutors charged a man with arson yesterday.\n\n"
        "Fire chief Ann Holt thanked the crews who had come from four counties.\n",
        published=date(2026, 8, 15),
    )
    contained, broke, spread, charged, thanked = tagged_events(art)
    assert (contained.date, broke.date, charged.date) == ("2026-08-15", "2026-08-09", "2026-08-14")
    assert spread.date == "2026-08-09"
    assert thanked.date == "2026-08-15" and thanked.timex is None


def test_a_paragraph_going_on_with_a_flashback_in_the_simple_past_stays_in_its_time() -> None:
    """ "They also burned a flag" goes on with the pupils of the paragraph before, on Friday, and so
    does an opening "When" clause that tells what followed; a paragraph with a subject of its own is
    back in the story's time."""
    art = article(
        "Thousands protested in Zadar on Saturday over the general's arrest.\n\n"
        "On Friday some 200 pupils chanted insults in a protest in the town.\n\n"
        "They also burned the flag of the European Union.\n\n"
        "When the head teacher objected, the pupils walked out of class.\n\n"
        "Police arrested a dozen people.\n",
        published=date(2026, 3, 7),
    )
    protest, chanted, burned, walked, arrested = tagged_events(art)
    assert (protest.date, chanted.date) == ("2026-03-07", "2026-03-06")
    assert burned.date == walked.date == "2026-03-06" and burned.timex is None
    assert arrested.date == "2026-03-07"


def test_a_name_and_also_go_on_with_the_flashback_that_named_them() -> None:
    """ "Rask also promised": the speaker the paragraph before named, adding to what he said then."""
    art = article(
        "The board dismissed the director of Orlen Zoo on Monday, a week after a wolf escaped.\n\n"
        "On a visit to the zoo on Thursday, Mayor Piet Rask announced an inquiry into the escape.\n\n"
        "Rask also promised new fencing for the enclosures.\n\n"
        "Keepers welcomed the dismissal.\n",
        published=date(2026, 5, 12),
    )
    found = tagged_events(art)
    assert by_text(found, "announced")[0].date == "2026-05-07"
    assert (by_text(found, "also promised")[0].date, by_text(found, "welcomed")[0].date) == (
        "2026-05-07",
        "2026-05-11",
    )


def test_a_day_after_a_present_perfect_is_its_relative_clause_s() -> None:
    """ "have caught … the man who robbed a bank on Monday": the present perfect takes no past day;
    the robbery is Monday's, the catch news of the day of writing."""
    art = article(
        "Police in Orlen have caught Aron Dell, one of the two men who robbed a bank on Monday.\n",
        published=date(2026, 5, 14),
    )
    found = tagged_events(art)
    assert sorted((m.date, m.timex is None) for m in found) == [("2026-05-11", False), ("2026-05-14", True)]


def test_a_relative_clause_with_a_day_after_a_dated_main_clause_is_a_mention_of_its_own() -> None:
    """ "arrested a man on Thursday … in the field where a hoard was found last month": the find is
    last month's, a mention apart; the arrest keeps Thursday."""
    art = article(
        "Police arrested a man at his home on Thursday on suspicion of digging in the field where a"
        " hoard of silver was found last month.\n",
        published=date(2026, 3, 26),
    )
    found = tagged_events(art)
    assert sorted(m.date for m in found) == ["2026-02", "2026-03-26"]
    # Not after a year of a noun: Monday is the trial's.
    coup = article(
        "The trial of the plotters of a 1975 coup in which the leader was killed was set to open Monday.\n",
        published=date(1997, 4, 21),
    )
    assert [m.date for m in tagged_events(coup)] == ["1997-04-21"]


def test_a_part_of_the_day_after_an_event_counts_from_that_event_s_day() -> None:
    """ "the morning after the landing": the landing's day, which the clause "a day after one of them
    made an emergency landing" gives (Monday), not the day of the main clause (Tuesday), nor the
    day just told (Wednesday)."""
    art = article(
        "Skyvell Air grounded its four jets on Tuesday, a day after one of them made an emergency"
        " landing at Tessford.\nPetra Roos said on Wednesday that every passenger would be offered money.\n"
        "The Air Accident Bureau opened an inquiry the morning after the landing.\n",
        published=date(2026, 3, 12),
    )
    *_, inquiry = tagged_events(art)
    assert inquiry.date == "2026-03-10"
    # A morning after a thing that has a day of its own is the tagger's morning.
    dollar = article(
        "The dollar had taken another beating in the morning after Friday's weak manufacturing data.\n",
        published=date(2006, 12, 4),
    )
    assert [m.date for m in tagged_events(dollar)] == ["2006-12-04"]


def test_a_past_perfect_inside_a_that_clause_does_not_hold_a_flashback() -> None:
    """ "urged parents to check that their children had received …": the sentence is told in the
    simple past; its paragraph is not the flashback's, so it is of the story's day."""
    art = article(
        "Orlen Health Board today confirmed two cases of mumps at Hill Primary School.\n\n"
        "The pupils first fell ill last week and are recovering at home.\n\n"
        "Dr Ana Weir, the board's director, urged parents to check that their children had received"
        " both doses of the vaccine.\n",
        published=date(2026, 11, 2),
    )
    *_, urged = tagged_events(art)
    assert (urged.date, urged.timex) == ("2026-11-02", None)


def test_a_tagline_needs_a_name_and_no_time() -> None:
    """A present "is a" sentence about a thing, or with a time, is no author's tagline."""
    for line in ("The fire is the third in the district.", "Inflation is the highest since 2019."):
        assert is_boilerplate(line) is False


def test_news_like_furniture_is_kept() -> None:
    """Tips, support, a hand-over and shares in the news are reports, not furniture."""
    for line in (
        "Tips to police led to 12 arrests on Friday.",
        "Police received tips on 400 cases on Monday.",
        "Support for the plan grew on Monday.",
        "Support the workers, the union said on Monday.",
        "We are handing over the documents to police.",
        "Share prices fell 3 percent on Monday.",
    ):
        assert is_boilerplate(line) is False


def test_a_reporter_hand_over_needs_a_named_place() -> None:
    """News of a broadcast's own reporter is a report, not a hand-over to them."""
    for line in (
        "Our reporter Ilse Varn is in hospital.",
        "Our reporter Ida Varn is in Dunmere after a fall.",
    ):
        assert is_boilerplate(line) is False


def test_a_relative_clause_in_the_subject_with_no_comma_is_background() -> None:
    """ "A leopard that escaped on Saturday was recaptured on Tuesday": the main clause's day is the
    story's, what follows goes on with it; the escape is a mention of its own, on its day."""
    art = article(
        "A leopard that escaped from the zoo on Saturday was recaptured on Tuesday in a garden, police"
        " said.\n\nA resident spotted the animal under a hedge, and vets darted it.\n",
        published=date(2026, 10, 20),
    )
    found = tagged_events(art)
    caught = [m for m in found if m.timex is not None and m.timex.text == "Tuesday"]
    escaped = [m for m in found if m.timex is not None and m.timex.text == "Saturday"]
    assert [m.date for m in caught] == ["2026-10-20"] and [m.date for m in escaped] == ["2026-10-17"]
    assert "escaped from the zoo on Saturday" in escaped[0].summary
    assert by_text(found, "vets darted")[0].date == "2026-10-20"


def test_a_later_statement_is_made_when_the_report_was() -> None:
    """ "A tunnel collapsed on Tuesday night, the operator said on Wednesday": what follows goes on
    with the collapse, but a later statement was made on the Wednesday."""
    art = article(
        "A tunnel collapsed at the Dravik mine on Tuesday night, trapping 11 miners, the operator said"
        " on Wednesday.\n\nTwenty-three other miners on the shift made their way to the surface.\n\n"
        "Spokeswoman Ilse Marrow said rescuers believed the men had reached a refuge chamber.\n",
        published=date(2026, 10, 14),
    )
    found = tagged_events(art)
    assert by_text(found, "Twenty-three")[0].date == "2026-10-13"
    marrow = by_text(found, "Marrow")[0]
    assert (marrow.date, marrow.timex) == ("2026-10-14", None) and "a statement" in marrow.explanation


def test_the_following_day_after_a_figure_of_a_month_counts_from_the_last_day() -> None:
    """A month's figure compared with another time is no step of the story: "the following day"
    counts from the day before it. After an act of a month or a year there is no day to count from."""
    figure = article(
        "The bank raised its policy rate to 9.5 percent on October 22, 2026.\n\n"
        "Annual inflation reached 11.2 percent in September 2026, up from 6.4 percent a year earlier.\n\n"
        "The currency fell to a record low the following day.\n",
        published=None,
    )
    assert by_text(tagged_events(figure), "record low")[0].date == "2026-10-23"
    act = article(
        "Lopez was sentenced on Tuesday to 16 years in prison.\n\n"
        "He sent her parents a letter in February 1996, imitating her writing.\n\n"
        "The following night he killed her.\n",
        published=date(1997, 4, 29),
    )
    assert by_text(tagged_events(act), "following night")[0].date is None


def test_a_span_after_an_event_named_only_by_a_noun_counts_from_the_lead() -> None:
    """ "six days after the abduction": no sentence before says "abduction"; it is the story's
    event, which the lead told, not the day just told ("Three days later")."""
    art = article(
        "When gunmen stopped a charity convoy outside Dumaro on the evening of November 3, four aid"
        " workers became bargaining chips.\n\n"
        "Three days later the brigade put them in front of a camera.\n\n"
        "It was six days after the abduction before the government admitted it was talking to them.\n",
        published=date(2026, 11, 20),
    )
    found = tagged_events(art)
    admitted = by_text(found, "six days after")[0]
    assert (admitted.date, admitted.timex) == ("2026-11-09", None)
    assert "the abduction" in admitted.explanation


def test_a_span_after_a_noun_told_with_its_day_counts_from_that_day() -> None:
    """ "three days after the cyclone": the lead told "Cyclone Mara" with its day; not the day just
    told ("A day later")."""
    art = article(
        "When Cyclone Mara made landfall on March 3, few in Tessaly expected the damage to last.\n\n"
        "A day later, the river burst its banks.\n\n"
        "Three days after the cyclone, the army opened two field hospitals.\n",
        published=date(2026, 3, 20),
    )
    *_, hospitals = tagged_events(art)
    assert (hospitals.date, hospitals.timex) == ("2026-03-06", None)


def test_a_date_after_a_noun_and_of_names_the_thing_not_the_act() -> None:
    text = (
        "CARROWBY, 18 February 2026 - The exchange today announced that its chief will step down.\n"
        "Its board has appointed a consultancy to review the outages of 10 and 11 February.\n"
        "Trading halted on the morning of 10 February.\n"
    )
    _, review, halt = tagged_events(article(text, published=date(2026, 2, 18)))
    assert (review.date, review.timex) == ("2026-02-18", None)
    assert halt.date == "2026-02-10"


def test_in_a_flashback_what_names_its_act_is_of_its_day() -> None:
    text = (
        "Shops in Ostmark closed for an hour on Monday in memory of the village baker.\n\n"
        "Several hundred people had gathered for a candlelit vigil in the square the previous evening."
        " Mayor Anja Holt used the vigil to call for an independent review."
        " Traders agreed the closing with the council.\n"
    )
    shops, vigil, holt, traders = tagged_events(article(text, published=date(2026, 2, 9)))
    assert (shops.date, vigil.date, holt.date) == ("2026-02-09", "2026-02-08", "2026-02-08")
    assert traders.date == "2026-02-09"  # what does not name it is the story's


def test_a_statement_after_the_background_of_a_present_perfect_lead_is_of_the_story_day() -> None:
    """A present-perfect lead not told again, then background weeks before it: a statement in a new
    paragraph after that background is made on the story's day, whoever of the background it names
    (`_background`, `_by_context`); wire news of the day before ("warned Tuesday") is the story."""
    text = (
        "A hoard of silver coins has been unveiled at Kelmoor Museum.\n\n"
        "Edda Holm came across the first coins on the last Saturday of February.\n\n"
        "Archaeologists lifted the coins in a single block of soil on March 4.\n\n"
        '"Then this," Ms Holm told reporters at the museum.\n'
    )
    art = article(text, published=date(2026, 3, 24))
    stamps = [timex(art, "the last Saturday of February", "2026-02-28", anchor="2026-03-24")]
    stamps.append(timex(art, "on March 4", "2026-03-04", anchor="2026-03-24"))
    mentions = extract_events(art, stamps)
    assert [m.date for m in by_text(mentions, "Ms Holm told")] == ["2026-03-24"]
    # Within a week of the publish date the next day is the news itself: the story goes on with it.
    wire = article(
        "A strange fish has sparked a battle in Antarctica.\n\n"
        "Minister Simon Upton warned on Tuesday that they would act.\n\n"
        "Australia faces a profound problem.\n"
    )
    events = extract_events(wire, [timex(wire, "on Tuesday", "2022-03-29")])
    assert [m.date for m in by_text(events, "Australia")] == ["2022-03-29"]


def test_a_statement_after_a_flashback_goes_on_with_its_last_event_only() -> None:
    """After a flashback's paragraph, a statement naming the flashback's last event is of its day
    ("A day later … for Kestrel. ¶ Marrow said every deposit at Kestrel was safe"); naming an
    earlier one of it, it is of the story's day."""
    text = (
        "Anselm Whitcombe quit as chief executive on Thursday.\n\n"
        "Savers rushed to take their money out of Kestrel Bank on Monday.\n\n"
        "Builders found an old mint on Tuesday.\n\n"
        "Governor Ilse Marrow said every deposit at Kestrel Bank was safe.\n"
    )

    def marrow(text: str) -> list[str | None]:
        art = article(text, published=date(2026, 10, 9))
        stamps = [
            timex(art, "on Thursday", "2026-10-08", anchor="2026-10-09"),
            timex(art, "on Monday", "2026-10-05", anchor="2026-10-09"),
            timex(art, "on Tuesday", "2026-10-06", anchor="2026-10-09"),
        ]
        return [m.date for m in by_text(extract_events(art, stamps), "Marrow")]

    assert marrow(text) == ["2026-10-08"]
    last = text.replace("Builders found an old mint", "Veloria lent Kestrel Bank billions")
    assert marrow(last) == ["2026-10-06"]


def test_a_conjunct_hours_later_than_the_day_told_is_a_mention_of_that_day() -> None:
    """ "… yesterday morning, and the other was held in Corbin a few hours later": the conjunct with
    a length of hours later than a day of the sentence is its own mention, of that day
    (`_later_that_day`), as one "later that day" is."""
    text = (
        "One was taken into custody in Wendholt yesterday morning, "
        "and the other was held in Corbin a few hours later.\n"
    )
    art = article(text, published=date(2026, 3, 27))
    mentions = tagged_events(art)
    assert [(m.date, m.timex and m.timex.text) for m in mentions] == [
        ("2026-03-26", "yesterday morning"),
        ("2026-03-26", "a few hours later"),
    ]


def test_a_paragraph_opening_with_a_part_of_the_flashbacks_group_goes_on_with_it() -> None:
    """After a flashback's paragraph, a number standing for a part of the group it told ("Twelve
    had to be put down") tells what became of that group, in its order: of the flashback's day,
    and what the paragraph counts on ("on the evening high tide", "the next morning") counts from
    it (`_goes_on`); a group of its own ("Twelve volunteers were hurt") is the story's."""
    text = (
        "Carrick Sands reopened to the public this morning.\n\n"
        "The whales were first seen at dawn on May 18 by a woman walking her dog.\n\n"
        "Twelve had to be put down. Nineteen were returned to the sea on the evening high tide.\n"
    )

    def dates(text: str) -> list[str | None]:
        return [m.date for m in tagged_events(article(text, published=date(2026, 5, 22)))]

    assert dates(text) == ["2026-05-22", "2026-05-18", "2026-05-18", "2026-05-18"]
    assert dates(text.replace("Twelve had", "Twelve volunteers had"))[2] == "2026-05-22"


def test_a_deadline_in_a_negated_clause_times_no_act() -> None:
    """ "raised the alarm when the group had not come out by 8pm": 8pm is a deadline that passed,
    not the alarm's time; the sentence goes on with the day told (`_acts_times`). One still ahead
    is kept."""
    text = (
        "The students went into the cave on Saturday afternoon.\n\n"
        "Nils Ardent raised the alarm when the group had not come out by 8pm.\n"
    )
    art = article(text, published=date(2026, 5, 14))
    [alarm] = by_text(tagged_events(art), "alarm")
    assert (alarm.date, alarm.timex) == ("2026-05-09", None)
    came = article(text.replace("had not come out", "had come out"), published=date(2026, 5, 14))
    assert by_text(tagged_events(came), "alarm")[0].date == "2026-05-09T20:00"
    # A deadline still ahead dates what is threatened.
    gas = article("Supplies could be cut if Kiev did not agree by January 1.\n", published=date(2005, 12, 16))
    assert [m.date for m in tagged_events(gas)] == ["2006-01-01"]


def test_a_participle_clause_that_tells_only_a_time_is_no_mention_of_its_own() -> None:
    """", surfacing at about 9am" after a day ends the same act: one mention, of the day; a
    participle clause that tells more at a time of its own ("cresting at 6.82 metres at Market Bridge
    … at 10.52 p.m.") is one apart."""
    text = "On Tuesday morning two students were guided through the sump by divers, surfacing at about 9am.\n"
    art = article(text, published=date(2026, 5, 14))
    assert [m.date for m in tagged_events(art)] == ["2026-05-12"]
    river = (
        "The River Sele reached its highest level in 47 years on Friday night, "
        "cresting at 6.82 metres at Market Bridge in Dunmarrow at 10.52 p.m.\n"
    )
    dates = [m.date for m in tagged_events(article(river, published=date(2026, 10, 17)))]
    assert "2026-10-16T22:52" in dates


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("The cable car halted at about 3.40pm on Saturday with 14 cabins strung out above the valley.\n",
         date(2027, 2, 7), "2027-02-06"),
        ("Rescuers brought the last of 62 passengers down at about 2am yesterday.\n", date(2027, 2, 8), "2027-02-07"),
        ("Firefighters freed the last trapped passenger shortly before 4 a.m. on Tuesday.\n",
         date(2026, 10, 13), "2026-10-13"),
        ("The pipe burst just after 2.30am on Sunday, flooding the street.\n", date(2027, 1, 11), "2027-01-10"),
        ("The ferry struck rocks around 6.40pm on Sunday off Tarn Point.\n", date(2026, 11, 9), "2026-11-08"),
    ],
)
def test_an_approximate_clock_time_dates_its_day(text: str, published: date, day: str) -> None:
    """"at about 3.40pm", "shortly before 4 a.m." are no exact times: the mention is dated to the day
    (`clock_approximations`), while its expression keeps the tagger's TimeML time."""
    [m] = tagged_events(article(text, published=published))
    assert m.date == day
    assert m.timex is not None and m.timex.value is not None and m.timex.value.startswith(day + "T")


def test_an_exact_clock_time_dates_to_the_minute() -> None:
    """"closed at 6 a.m. on Monday" keeps the contract's hh:mm."""
    exact = article("Halmby International Airport closed at 6 a.m. on Monday.\n", published=date(2026, 11, 9))
    assert [m.date for m in tagged_events(exact)] == ["2026-11-09T06:00"]


def test_the_story_goes_on_from_a_later_conjunct_with_a_later_day() -> None:
    """ "… that evening, but six of them came ashore again yesterday morning. ¶ Volunteers floated the
    six off again in the afternoon": the afternoon of the later conjunct's day, the last one told."""
    text = (
        "Thirty-one whales stranded on the beach on Monday. Nineteen were helped back into deep water "
        "that evening, but six of them came ashore again at Kessock Point yesterday morning.\n\n"
        "Volunteers floated the six off again in the afternoon.\n"
    )
    art = article(text, published=date(2026, 5, 20))
    assert [m.date for m in by_text(tagged_events(art), "floated the six")] == ["2026-05-19"]


def test_a_part_of_the_group_goes_on_only_with_a_flashback_in_the_simple_past() -> None:
    """ "… the residence they had seized December 17. Three of the bodies were mutilated": after a
    flashback in the past perfect the number goes on with the story's day, not with December 17."""
    text = (
        "Peru's president Wednesday surveyed the residence. As Fujimori surveyed the scene, the remains "
        "of the rebels lay on the lawn of the residence they had seized December 17. Three of the "
        "bodies were mutilated beyond recognition, local television reported.\n"
    )
    art = article(text, published=date(1997, 4, 23))
    assert [m.date for m in by_text(tagged_events(art), "mutilated")] == ["1997-04-23"]


def test_a_relative_clauses_day_after_a_main_clause_in_the_present_progressive_is_its_nouns() -> None:
    """ "Council workers are taking away the carcasses of the pilot whales that died on Carrick Sands
    this week": the removal goes on at the time of writing; the week is the whales' (`_perfect_relatives`)."""
    text = "Council workers are taking away the carcasses of whales that died on Carrick Sands this week.\n"
    art = article(text, published=date(2026, 5, 20))
    assert [m.date for m in tagged_events(art)] == ["2026-05-20", "2026-W21"]


def test_a_sentence_in_the_present_perfect_with_no_date_of_its_own_is_of_the_time_of_writing() -> None:
    """A press release: "The owner of the Tolley stone, Agnes Pell, has agreed to lend it to Vennmouth
    Museum" after a sentence dated 23 September is of the release's day, not the day just told."""
    text = (
        "A second fragment was found on Carrow Moor on 23 September by 12-year-old Finn Arlo.\n\n"
        "The owner of the Tolley stone, Agnes Pell, has agreed to lend it to Vennmouth Museum.\n"
    )
    art = article(text, published=date(2026, 9, 24))
    assert [m.date for m in by_text(tagged_events(art), "lend")] == ["2026-09-24"]


def test_the_time_an_act_in_the_present_perfect_moved_something_to_does_not_date_it() -> None:
    """ "A judge has adjourned the fight ... until Monday": the adjournment is of the time of writing,
    Monday the resumption's; in the simple past the time moved to still dates the sentence."""
    text = "A judge has adjourned the fight over the sale of Hallow Head lighthouse until Monday.\n"
    art = article(text, published=date(2026, 9, 11))
    assert [m.date for m in tagged_events(art)] == ["2026-09-11"]
    text = "The council postponed the vote on the sale of Hallow Head lighthouse until Monday.\n"
    art = article(text, published=date(2026, 9, 11))
    assert [m.date for m in tagged_events(art)] == ["2026-09-14"]


def test_a_flashback_to_a_week_does_not_carry_the_rest_of_its_paragraph() -> None:
    """A radio report: "The court fight resumed this morning. ¶ The Friends lodged their claim a week
    ago. Lawyers for the trust told the judge ...": what the lawyers told is of the resumed hearing,
    the story's day; only a flashback told to the day carries its paragraph on."""
    text = (
        "The court fight over Hallow Head lighthouse resumed in Vennmouth this morning.\n\n"
        "The Friends of Hallow Head lodged their claim a week ago. Lawyers for the harbour trust told "
        "Mrs Justice Holt that the campaigners had waited too long to act.\n"
    )
    art = article(text, published=date(2026, 9, 14))
    assert [m.date for m in by_text(tagged_events(art), "Lawyers")] == ["2026-09-14"]


def test_a_future_cue_tells_what_is_ahead_in_a_text_with_no_publish_date() -> None:
    """An undated campaigners' statement: "The trial will begin on 18 January 2027" is ahead of its
    writing; "voted to sell the lighthouse on 27 August 2026" is not."""
    text = (
        "On 27 August 2026 the board of the trust voted to sell the lighthouse at Hallow Head.\n\n"
        "The trial will begin on 18 January 2027.\n"
    )
    art = article(text, published=None)
    assert [m.future for m in tagged_events(art)] == [False, True]


def test_a_present_perfect_after_a_clause_in_the_past_goes_on_with_the_day_told() -> None:
    """ "Kwan, ..., was forced to withdraw" or "The array was stuck ..., and its position has allowed
    ...": the present perfect of a later clause does not make the sentence one of the time of writing."""
    text = (
        "The crew folded the solar array on Friday.\n\n"
        "The solar array was stuck in a half-folded position, and its current position has allowed a new array to unfold.\n"
    )
    art = article(text, published=date(2006, 12, 16))
    assert [m.date for m in by_text(tagged_events(art), "stuck")] == ["2006-12-15"]


def test_a_relative_clause_in_an_irregular_past_in_the_subject_dates_its_noun_only() -> None:
    """ "The stone that fell through a Tolley garage roof on Sunday night was confirmed as a meteorite
    yesterday": the fall is the stone's background (Sunday), the confirmation the story (yesterday)."""
    text = "The stone that fell through a Tolley garage roof on Sunday night was confirmed as a meteorite yesterday.\n"
    art = article(text, published=date(2026, 9, 25))
    assert [m.date for m in tagged_events(art)] == ["2026-09-24", "2026-09-20"]


def test_readers_counted_as_a_group_that_acted_are_a_report() -> None:
    """A union's update: "600 of you stood outside" tells what members did, not an address to them."""
    protest = "More than 600 of you stood outside Aldmark House in Hessel on 9 January."
    art = article(f"{protest}\n", published=date(2027, 1, 11))
    assert [m.date for m in tagged_events(art)] == ["2027-01-09"]
    for line in ("Many of you have asked about the vote on 21 January.", "Many of you will know the branch."):
        assert extract_events(article(f"{line}\n"), []) == []


def test_an_undated_sentence_of_two_days_gives_a_mention_for_each() -> None:
    """In an undated text the days stay unresolved; a sentence telling two acts on two days still
    reports two, each with its own expression, as in a dated text."""
    text = (
        "More than 600 of you stood outside Aldmark House in Hessel on 9 January, and we were back,"
        " with even more, on 16 January.\n"
    )
    first, second = tagged_events(article(text, published=None))
    assert (first.date, second.date) == (None, None)
    assert [m.timex and m.timex.text for m in (first, second)] == ["9 January", "16 January"]
    assert "we were back" in second.summary.lower() and "we were back" not in first.summary.lower()
    # one day told twice is one act
    once = tagged_events(article("The bank met the union on 13 January and signed on 13 January.\n", None))
    assert len(once) == 1


def test_a_present_perfect_lead_told_again_before_a_statement_after_it() -> None:
    """ "The 40 households were let back in yesterday after council engineers said the slope had
    stopped moving" tells the lead's return again in the reporter's words (homes), though the
    statement after "said" does not."""
    art = article(
        "Families forced out by the Mellby landslide have returned to their homes after almost a week"
        " away.\n\nThe 40 households were let back in yesterday after council engineers said the slope"
        " had stopped moving.\n",
        published=date(2027, 1, 12),
    )
    returned, *_ = tagged_events(art)
    assert returned.date == "2027-01-11"


def test_a_span_after_an_event_counts_from_the_clause_that_names_it_in_other_words() -> None:
    """ "two days after the outage began": the outage is the blackout of the lead's clause dated
    November 1 (a paraphrase), not the fine of its main clause on Friday."""
    art = article(
        "Arvenland's energy regulator fined grid operator Arventra 12 million crowns on Friday over the"
        " blackout that left 3.1 million homes without power on November 1.\n\n"
        "Power was fully restored two days after the outage began.\n",
        published=date(2026, 11, 13),
    )
    (restored,) = by_text(tagged_events(art), "Power was fully restored")
    assert restored.date == "2026-11-03"
