"""Merge precision: pairs of reports that share a participant but not the happening stay apart,
while one happening that outlets date differently stays one conflicting event. Small
multi-article fixtures run through the real extraction and merge."""

from __future__ import annotations

from pathlib import Path

from conftest import grouped, merged_articles

from chrono.events import extract_events
from chrono.ingest import read_articles
from chrono.temporal import tag


def test_two_acts_that_share_only_one_participant_are_no_conflict_and_one_act_dated_apart_is(
    tmp_path: Path,
) -> None:
    """Informing a regulator on Wednesday and the regulator opening an inquiry on Friday share only
    the regulator's name: two events, not one that the outlets date differently. A player joining
    a club on Wednesday and signing for it on Thursday (who did what to whom) is one, in conflict."""
    events = merged_articles(
        tmp_path,
        statement=(
            "2026-07-20",
            "Corvane informed the Data Protection Authority on Wednesday, July 8.\n\n"
            "Luis Abeyta joined Corran Rovers on Wednesday, July 15.",
        ),
        radio=(
            "2026-07-20",
            "The Data Protection Authority opened a formal investigation on Friday, July 10.\n\n"
            "Striker Luis Abeyta signed for Corran Rovers on Thursday, July 16.",
        ),
    )
    assert grouped(events) == [["Luis Abeyta joined Corra", "Striker Luis Abeyta sign"]], grouped(events)
    [conflict] = [e for e in events if e.conflict]
    assert {m.date for m in conflict.mentions} == {"2026-07-15", "2026-07-16"}


def test_a_day_dated_outright_after_an_article_is_not_what_the_article_dated_by_context(
    tmp_path: Path,
) -> None:
    """A radio bulletin of Wednesday night tells the striker's injury (dated by context); the
    scan on Thursday that confirmed it came after the bulletin, so is another happening. The
    same injury told as Wednesday's by a later paper still meets the bulletin."""
    events = merged_articles(
        tmp_path,
        radio=(
            "2026-10-07",
            "Oskerby Town beat Vellhaven Rovers three goals to one tonight in the cup semi-final.\n\n"
            "Rovers striker Jonas Feld was carried off with a knee injury just before half-time.",
        ),
        chronicle=(
            "2026-10-09",
            "Scans on Thursday confirmed that striker Jonas Feld has torn a ligament in his knee.\n\n"
            "Feld was carried off with a knee injury on Wednesday night.",
        ),
    )
    together = grouped(events)
    assert ["Feld was carried off wit", "Rovers striker Jonas Fel"] in together, together
    assert not any(text.startswith("Scans on Thursday") for texts in together for text in texts), together


def test_guesses_of_two_days_that_share_one_club_are_two_events_and_a_copy_is_one(tmp_path: Path) -> None:
    """Dated by context to Wednesday night and to Thursday, a cup exit and the coach's sacking share
    only the club's name: two events, not one whose day the outlets disagree on. A sentence the
    next day's paper repeats word for word is one."""
    events = merged_articles(
        tmp_path,
        radio=(
            "2026-10-07",
            "Oskerby Town beat Vellhaven Rovers three goals to one tonight in the cup semi-final.\n\n"
            "Vellhaven Rovers are out of the Lisk Cup.\n\n"
            "The Marlow Park pitch was waterlogged before kick-off.",
        ),
        paper=(
            "2026-10-08",
            "The board met early on Thursday.\n\n"
            "Anselm Drury has been sacked by Vellhaven Rovers.\n\n"
            "The Marlow Park pitch was waterlogged before kick-off.",
        ),
    )
    together = grouped(events)
    assert not any(text.startswith("Anselm Drury") for texts in together for text in texts), together
    assert ["The Marlow Park pitch wa", "The Marlow Park pitch wa"] in together, together


def test_a_plan_meets_the_news_that_it_was_done_on_its_day_but_not_a_later_look_back(tmp_path: Path) -> None:
    """A plan published before its day and a report published that day, sharing the rare word for
    what was done ("refloat"), are one event, merged as a plan and its report. The same words in a
    look back weeks later, or in a report a day apart, are not enough: the plan alone ties them."""
    plan = "Salvage crews plan to refloat the ship on Friday at high tide."
    done = "The grounded ferry Marisol Star was refloated off Kell Island on {} and towed to harbour."
    events = merged_articles(
        tmp_path,
        courier=("2026-03-03", plan),
        radio=("2026-03-06", done.format("Friday morning")),
    )
    [event] = [e for e in events if len(e.mentions) > 1]
    assert event.date == "2026-03-06" and not event.future
    assert any("planned, then reported done" in r for r in event.merge_reasons), event.merge_reasons
    for published, day in (("2026-04-01", "March 6"), ("2026-03-07", "Saturday morning")):
        later = tmp_path / published
        later.mkdir()
        apart = merged_articles(later, courier=("2026-03-03", plan), review=(published, done.format(day)))
        assert grouped(apart) == [], (day, grouped(apart))


def test_an_event_does_not_grow_by_a_coarse_date_into_days_that_cannot_be_one(tmp_path: Path) -> None:
    """'General elections this year' meets Ostria's elections in May and Velmark's in November,
    each a date inside its year; but no day is both in May and in November, so the three are not
    one event (news wires chained a dozen countries' elections so)."""
    events = merged_articles(
        tmp_path,
        preview=("2026-02-01", "General elections will be held this year, the electoral commission said."),
        ostria=("2026-06-10", "Ostria held general elections in May, the electoral commission said."),
        velmark=(
            "2026-06-10",
            "Velmark will hold general elections in November, the electoral commission said.",
        ),
    )
    assert len(grouped(events)) == 1 and len(grouped(events)[0]) == 2, grouped(events)
    assert {e.date for e in events} == {"2026-05", "2026-11"}
    assert not any(e.conflict for e in events)


def test_mentions_dated_to_spans_that_share_only_a_kind_of_act_are_two_happenings(tmp_path: Path) -> None:
    """A month holds every poll of its days: "January 21 polls" in Ostria and "next month's polls"
    in Velmark name different places and share only the kind and its word, so are two happenings
    (news wires joined Serbia's polls with Bangladesh's so). Ostria's polls told by both are one."""
    events = merged_articles(
        tmp_path,
        ostria=("2026-12-20", "The warning came amid election campaigning in Ostria for January 21 polls."),
        velmark=(
            "2026-12-28",
            "The opposition leader of Velmark told reporters on Wednesday that his party may boycott"
            " next month's polls.",
        ),
    )
    assert grouped(events) == [], grouped(events)
    named = tmp_path / "named"
    named.mkdir()
    events = merged_articles(
        named,
        ostria=("2026-12-20", "The warning came amid election campaigning in Ostria for January 21 polls."),
        wire=(
            "2026-12-28",
            "The opposition leader of Ostria told reporters on Wednesday that his party may boycott"
            " next month's polls.",
        ),
    )
    assert len(grouped(events)) == 1, grouped(events)


def test_two_steps_of_one_case_on_adjacent_days_are_no_conflict(tmp_path: Path) -> None:
    """A man charged with burglary and handling stolen goods on one day and, the next, the man
    accused of it appearing in court and remanded in custody share the case's name and the kind
    "charged"/"accused", but each names a kind of act the other lacks (stealing, custody): two
    steps, not one step the outlets date a day apart. One act told on two days stays one event,
    in conflict."""
    events = merged_articles(
        tmp_path,
        police=(
            "2026-05-20",
            "On 12 May 2026, a 52-year-old man was charged with burglary and handling stolen goods "
            "in connection with the break-in at the Pellwick Gallery.\n\n"
            "Gallery director Ines Marlow resigned on 14 May 2026.",
        ),
        weekly=(
            "2026-05-20",
            "The man accused over the Pellwick Gallery break-in appeared before Tarrow magistrates "
            "on Wednesday, May 13, and was remanded in custody.\n\n"
            "Ines Marlow quit as the gallery's director on Friday, May 15.",
        ),
    )
    assert grouped(events) == [["Gallery director Ines Ma", "Ines Marlow quit as the "]], grouped(events)
    assert [e.mentions[0].text[:20] for e in events if e.conflict] == ["Gallery director Ine"]


def test_a_speaker_is_a_participant_so_one_kind_of_act_on_one_day_needs_them_shared(tmp_path: Path) -> None:
    """A chair saying on Monday that she will step down once the deal closes, and a plan for
    shareholders to vote on the deal that Monday, share a kind of act ("deal") and a day; the
    speaker is who acted, as a name is, so two different participants tell two acts."""
    events = merged_articles(
        tmp_path,
        digest=(
            "2026-03-05",
            "Shareholders will vote on the deal at a general meeting in Harlow on Monday.",
        ),
        wire=(
            "2026-03-09",
            "Trellis chair Anna Berg said on Monday she would step down once the deal closes.",
        ),
    )
    assert grouped(events) == [], grouped(events)


def test_an_act_told_by_a_later_clause_of_a_sentence_is_that_clauses_and_no_conflict_for_the_first(
    tmp_path: Path,
) -> None:
    """A release's sentence tells a proposal made on 3 March, which the board rejected on 5 March;
    a wire dates the rejection to Wednesday, 4 March. The rejection is the later clause's, so the
    proposal's day is no date the outlets disagree on for it."""
    events = merged_articles(
        tmp_path,
        release=(
            "2026-03-10",
            "The raised offer is 10 percent above Halvik's first proposal of 2.30 crowns a share, made on "
            "3 March, which the Orlen board rejected on 5 March.",
        ),
        wire=(
            "2026-03-04",
            "Orlen Foods on Wednesday rejected a takeover proposal from larger rival Halvik Group.",
        ),
    )
    [rejection] = [e for e in events if any(m.text.startswith("Orlen Foods") for m in e.mentions)]
    assert "2026-03-03" not in {m.date for m in rejection.mentions}, [
        (m.date, m.text[:30]) for m in rejection.mentions
    ]


def test_an_act_and_its_undoing_are_two_events_however_much_else_they_share(tmp_path: Path) -> None:
    """Rationing that began in a week and rationing called off in it share the valley, the villages
    and the week's day: two events (`opposite_acts`), as are a man arrested and released on one
    day. The start told in other words ("began" / "started") is one."""
    events = merged_articles(
        tmp_path,
        digest=(
            "2026-07-31",
            "Night-time water rationing began on Monday, July 27, in 14 villages of the upper valley.\n\n"
            "Police arrested the Corrow Water engineer Piet Hanner on Wednesday, July 29, over the leak.",
        ),
        valley=(
            "2026-08-03",
            "Night-time water rationing in 14 villages of the upper valley was called off last week.\n\n"
            "The Corrow Water engineer Piet Hanner was released without charge on Wednesday, July 29.",
        ),
        echo=(
            "2026-07-28",
            "Night-time water rationing started on Monday, July 27, in 14 villages of the upper valley.",
        ),
    )
    together = grouped(events)
    assert together == [["Night-time water rationi", "Night-time water rationi"]], together
    [start] = [e for e in events if len(e.mentions) > 1]
    assert all("called off" not in m.text for m in start.mentions), start.mentions


def test_an_act_told_in_a_clause_after_its_undoing_is_not_what_the_sentence_tells(tmp_path: Path) -> None:
    """Trading that resumed ", after a shutdown of more than four hours" tells the resumption: the
    shutdown is its time, so the outage that closed the market is another event; the closure told
    in other words ("shut") is one with it."""
    events = merged_articles(
        tmp_path,
        wire=(
            "2026-02-10",
            "The exchange halted all trading on Tuesday morning after a fault in its systems.\n\n"
            "Trading resumed in mid-afternoon, after a shutdown of more than four hours.",
        ),
        radio=("2026-02-11", "Yesterday's outage closed the market for more than four hours."),
        paper=("2026-02-11", "An outage shut the market for more than four hours on Tuesday, February 10."),
    )
    together = grouped(events)
    assert together == [["An outage shut the marke", "Yesterday's outage close"]], together


def test_two_places_named_by_a_sentences_opening_capital_are_two_events(tmp_path: Path) -> None:
    """Two airports shut on one day, each named only by the capital that opens its sentence
    (which `names` leaves out: it may be only the sentence's), are two closures; the same airport
    told in other words is one."""
    events = merged_articles(
        tmp_path,
        wire=("2026-11-10", "Brenvik airport closed on Monday as the ash cloud drifted south."),
        paper=("2026-11-10", "Ostrelby airport was closed on Monday, stranding hundreds of travellers."),
        radio=("2026-11-10", "Brenvik airport shut on Monday, the ash cloud drifting south."),
    )
    together = grouped(events)
    assert together == [["Brenvik airport closed o", "Brenvik airport shut on "]], together


def test_a_seat_given_up_is_a_resignation(tmp_path: Path) -> None:
    """An MP who "gave up his seat" resigned: one event with the outlet that says he quit it."""
    events = merged_articles(
        tmp_path,
        radio=("2026-10-17", "Brask gave up his seat on Friday, saying he wanted to clear his name."),
        oped=(
            "2026-10-24",
            "His party still stood behind him on October 14.\n\nHe quit his seat on October 16.",
        ),
    )
    together = grouped(events)
    assert together == [["Brask gave up his seat o", "He quit his seat on Octo"]], together


def test_a_denial_is_what_was_denied(tmp_path: Path) -> None:
    """ "Brask denied any wrongdoing on Monday" and his "flat denial" on that Monday are one event."""
    events = merged_articles(
        tmp_path,
        paper=(
            "2026-10-13",
            "Brask denied any wrongdoing on Monday, saying every claim had been approved by officials.",
        ),
        oped=("2026-10-24", "Brask's first response, on October 12, was flat denial."),
    )
    together = grouped(events)
    assert together == [["Brask denied any wrongdo", "Brask's first response, "]], together


def test_outlets_a_day_apart_that_tell_two_acts_of_one_ship_are_two_events(tmp_path: Path) -> None:
    """A ship that shed its containers on Monday night and the containers washing ashore on Tuesday
    share the ship and its cargo, not the act: two events, not one whose date the outlets
    disagree on. A figure both give ties the next day's report to the first ("lost 46 containers
    overboard" / "shed 46 containers": one act)."""
    events = merged_articles(
        tmp_path,
        radio=("2026-10-27", "The cargo ship Kestrel Dawn shed 46 containers in rough seas on Monday night."),
        paper=(
            "2026-10-28",
            "Containers from the cargo ship Kestrel Dawn began washing ashore at Merrin beach yesterday.",
        ),
    )
    assert grouped(events) == [], grouped(events)


# The story both articles tell, in a sentence of each dated to another day: their shared rare names.
_LINER_WIRE = " Halcyra Line's Serenna Bay had sailed from Kestowe to Port Vessany on 2 September 2026."
_LINER_PAPER = " Halcyra Line's Serenna Bay had left Kestowe for Port Vessany on 2 September 2026."


def test_one_story_s_only_reports_of_a_day_stay_two_when_named_apart_or_a_plan_of_another_act(
    tmp_path: Path,
) -> None:
    """Each article of one story tells one thing of the day, yet they are two: a captain questioned
    and an inspector who boarded (each names someone, no name shared), and a liner to sail again
    and owners who refunded passengers (a plan, and an act that shares no kind or word with it)."""
    (tmp_path / "named").mkdir()
    (tmp_path / "planned").mkdir()
    named = merged_articles(
        tmp_path / "named",
        wire=("2026-09-15", "Captain Ivo Marr was questioned by police on Monday." + _LINER_WIRE),
        paper=("2026-09-16", "Inspector Lena Dahl boarded the liner on Monday." + _LINER_PAPER),
    )
    planned = merged_articles(
        tmp_path / "planned",
        wire=("2026-09-15", "The liner will sail again on Friday." + _LINER_WIRE),
        paper=("2026-09-19", "The owners refunded every passenger on Friday." + _LINER_PAPER),
    )
    for events, day in ((named, "2026-09-14"), (planned, "2026-09-18")):
        assert [len(e.mentions) for e in events if e.date == day] == [1, 1], grouped(events)


def test_only_reports_of_a_day_in_two_stories_are_two_events(tmp_path: Path) -> None:
    """A liner held on Monday and a warehouse fire put out on Monday, each its article's only report
    of the day: the articles share one rare name (Port Vessany's), not a story."""
    events = merged_articles(
        tmp_path,
        wire=("2026-09-15", "The liner was held when it docked on Monday." + _LINER_WIRE),
        paper=(
            "2026-09-16",
            "A warehouse fire was put out on Monday. Crews from Port Vessany and Ardley had fought fires"
            " there on 2 September 2026.",
        ),
    )
    assert [len(e.mentions) for e in events if e.date == "2026-09-14"] == [1, 1], grouped(events)


def test_jets_taken_out_of_service_and_back_in_the_air_are_an_act_and_its_undoing(tmp_path: Path) -> None:
    """Taken out of service is shut, back in the air or in service reopened (`opposite_acts`): "The
    airline had taken the jets out of service on Wednesday" / "The airline expects the jets back in
    the air on Friday" are two events, however much else they share."""
    from chrono.merge import _opposite_acts

    articles = {
        "web": ("2026-03-11", "The airline had taken the jets out of service on Wednesday."),
        "courier": ("2026-03-13", "The airline expects the jets back in the air on Friday."),
        "paper": ("2026-03-14", "The jets returned to service on Friday."),
    }
    for name, (published, body) in articles.items():
        (tmp_path / f"{name}.md").write_text(f"---\npublished: {published}\n---\n{body}\n", encoding="utf-8")
    found, _ = read_articles([tmp_path])
    told = {Path(a.path).stem: extract_events(a, tag(a.clean.match_text, a.published))[0] for a in found}
    assert _opposite_acts(told["web"], told["courier"]) and _opposite_acts(told["web"], told["paper"])
    assert not _opposite_acts(told["courier"], told["paper"])


def test_a_clause_dating_an_act_by_another_tells_no_part_of_it(tmp_path: Path) -> None:
    """Jets grounded on Tuesday "a day after one of them made an emergency landing" share only the
    jets with passengers leaving down the emergency slides on Monday: the landing's words are the
    grounding's date, not the grounding."""
    events = merged_articles(
        tmp_path,
        wire=(
            "2026-03-10",
            "A Skyvell Air jet made an emergency landing at Tessford Airport on Monday evening.\n\n"
            "Passengers and crew left the Aerowind A-40 down its emergency slides once it had come"
            " to a stop.",
        ),
        courier=(
            "2026-03-12",
            "Skyvell Air grounded its four remaining Aerowind A-40 jets on Tuesday, a day after one of"
            " them made an emergency landing at Tessford with its left engine in flames.",
        ),
    )
    together = grouped(events)
    left, grounded = "Passengers and crew left", "Skyvell Air grounded its"
    assert not any(left in texts and grounded in texts for texts in together), together


def test_a_lone_report_dated_in_a_since_clause_is_background(tmp_path: Path) -> None:
    """A paper's only report of Monday is when the passengers' days aboard began ("since the order to
    stay came late on Monday night"): background, not what the wire's only report of Monday tells,
    though both articles tell one story."""
    events = merged_articles(
        tmp_path,
        wire=("2026-09-15", "The liner was held when it docked on Monday." + _LINER_WIRE),
        paper=(
            "2026-09-18",
            "Passengers had been stuck aboard for four days, since the order to stay came late on"
            " Monday night." + _LINER_PAPER,
        ),
    )
    assert [len(e.mentions) for e in events if e.date == "2026-09-14"] == [1, 1], grouped(events)


def test_a_speaker_s_words_of_a_day_are_not_the_act_nor_a_plan_told_the_day_before(tmp_path: Path) -> None:
    """A statement opening with its speaker and dated by context is what she said that day: not the
    act another outlet reports outright ("Three of the miners were lifted through the flooded shaft
    on 8 April 2026"), nor her plan told on the eve ("says crews hope to lift the first miners ...
    tomorrow morning"), which is still the act's plan. Her words told again by another outlet are
    one statement."""
    events = merged_articles(
        tmp_path,
        wire=(
            "2026-04-08",
            "Pumps at the Dallow pit were switched off on Wednesday.\n\n"
            "Fenna Ros, who leads the rescue, said the crews had taken a careful gamble in lifting the"
            " first miners through the flooded shaft.",
        ),
        paper=(
            "2026-04-10",
            "Three of the miners were lifted through the flooded shaft on 8 April 2026.\n\n"
            "Divers from Brackwater joined the crews on Wednesday.",
        ),
        echo=(
            "2026-04-09",
            "Fenna Ros said on Wednesday that the crews had taken a careful gamble with the first miners.",
        ),
        radio=(
            "2026-04-07",
            "The rescue chief, Fenna Ros, says crews hope to lift the first miners through the shaft tomorrow"
            " morning.",
        ),
    )
    assert grouped(events) == [
        ["Fenna Ros said on Wednes", "Fenna Ros, who leads the"],
        ["The rescue chief, Fenna ", "Three of the miners were"],
    ], grouped(events)


def test_acts_of_two_kinds_in_one_week_are_two_and_a_day_keeps_its_day_in_the_week(tmp_path: Path) -> None:
    """A live blog's closure of the bay, dated by context to the day it was posted, and carcasses
    taken away (of seals that died there that week) share the bay and the council: two acts of
    that week, each naming its own kind. The closure another outlet dates to that week is the
    blog's, which keeps its day: the week holds it and tells less."""
    blog = (
        "2026-05-18",
        "Tide warnings were posted along the coast on Monday morning.\n\n"
        "Harbour council has closed Ness Bay and the slipway above it.",
    )
    radio = (
        "2026-05-20",
        "Council workers are taking away the carcasses of the seals that died in Ness Bay this week.",
    )
    (tmp_path / "radio").mkdir()
    assert grouped(merged_articles(tmp_path / "radio", blog=blog, radio=radio)) == []
    (tmp_path / "paper").mkdir()
    paper = ("2026-05-21", "Harbour council shut the slipway at Ness Bay this week.")
    [closed] = [e for e in merged_articles(tmp_path / "paper", blog=blog, paper=paper) if len(e.mentions) > 1]
    dated = {m.article.split(".")[0]: m.date for m in closed.mentions}
    assert closed.date == "2026-W21" and dated == {"blog": "2026-05-18", "paper": "2026-W21"}, dated


def test_a_plan_and_a_report_of_another_day_naming_no_kind_of_act_both_are_two_steps(tmp_path: Path) -> None:
    """Scientists to collect a stone on Wednesday and the stone confirmed a meteorite by them on
    Thursday share who acted and what on, not the act: two steps, not one act in conflict. A plan
    and a report of the next day in the plan's own words ("arrive") are one act the outlets date
    differently."""
    events = merged_articles(
        tmp_path,
        live=(
            "2026-09-22",
            "Scientists from Vennmouth University say they will collect the stone from Tolley tomorrow.\n\n"
            "The Marellan relief convoy will arrive in Durres port tomorrow.",
        ),
        weekly=(
            "2026-09-26",
            "The stone that punched a hole in her garage roof was confirmed as a meteorite by Vennmouth University on Thursday.\n\n"
            "The Marellan relief convoy arrived in Durres port on Thursday after a rough crossing.",
        ),
    )
    assert grouped(events) == [["The Marellan relief conv", "The Marellan relief conv"]], grouped(events)
    [conflict] = [e for e in events if e.conflict]
    assert {m.date for m in conflict.mentions} == {"2026-09-23", "2026-09-24"}


def test_an_offer_and_its_answer_by_the_other_party_are_two_events(tmp_path: Path) -> None:
    """A club's raised bid and the selling club agreeing the fee the same day share the club, the
    figure and the day, yet are two acts of two parties (`answered_acts`); the answer told again in
    other words ("agreed" / "accepted the fee") is one. An offer not made but told as a verb, in a
    sentence of its own act, is no proposal ("decided to return to the talks, but did not offer a
    date" / "agreed to return to the talks")."""
    events = merged_articles(
        tmp_path,
        wire=(
            "2026-05-08",
            "Brennick Town on Friday made a second offer for Harwell striker Tomas Ilve, raising their bid"
            " to eight million marks.",
        ),
        goal=("2026-05-09", "Harwell agreed the eight million mark fee late on Friday night."),
        post=("2026-05-09", "Harwell accepted the eight million mark fee from Brennick Town on Friday."),
    )
    together = grouped(events)
    assert together == [["Harwell accepted the eig", "Harwell agreed the eight"]], together
    from chrono.merge import _opposite_acts

    for name, (published, body) in {
        "agreed": ("2026-11-02", "Pyongyang agreed on Nov. 1 to return to the negotiation table."),
        "said": ("2026-11-02", "The DPRK said on Nov. 1 it would return to the talks, but did not offer a date."),
    }.items():
        (tmp_path / f"{name}.md").write_text(f"---\npublished: {published}\n---\n{body}\n", encoding="utf-8")
    found, _ = read_articles([tmp_path])
    told = {Path(a.path).stem: extract_events(a, tag(a.clean.match_text, a.published))[0] for a in found}
    assert not _opposite_acts(told["agreed"], told["said"])


def test_one_act_told_in_kinds_of_one_family_on_next_days_is_one_event_in_conflict(tmp_path: Path) -> None:
    """Running aground (a crash) and striking a sandbank (an attack's word, of the family of
    harm) off one island on Tuesday and late on Monday night; an offer accepted and a fee agreed
    (one deal), of one figure, on Saturday morning and late on Friday night: each one act that the
    outlets date a day apart, one event in conflict, each mention keeping its article's date."""
    events = merged_articles(
        tmp_path,
        wire=(
            "2026-03-10",
            "The passenger ferry Marisol Star ran aground off Kell Island on Tuesday, March 3, "
            "with 212 people on board.\n\n"
            "The club accepted a 12 million mark offer on Saturday, March 7, a spokeswoman said.",
        ),
        courier=(
            "2026-03-10",
            "The ship struck a sandbank near Kell Island late on Monday, March 2, passengers said.\n\n"
            'Kellin agreed the 12 million mark fee late on Friday, March 6, saying it "reflects his value".',
        ),
    )
    assert grouped(events) == [
        ["Kellin agreed the 12 mil", "The club accepted a 12 m"],
        ["The passenger ferry Mari", "The ship struck a sandba"],
    ], grouped(events)
    dates = sorted(sorted(m.date for m in e.mentions) for e in events if e.conflict)
    assert dates == [["2026-03-02", "2026-03-03"], ["2026-03-06", "2026-03-07"]]


def test_one_act_in_kinds_of_one_family_two_days_apart_is_two_events(tmp_path: Path) -> None:
    """Running aground on Tuesday and striking a sandbank off the same island on Sunday: two days
    apart, a story's next news names its first event as often ("The fire broke out near the
    Harrow Creek trailhead last Sunday" / "Forty-one homes have been lost to the Harrow Creek
    fire, ... confirmed on Tuesday"), so the kinds' family ties reports of next days only."""
    events = merged_articles(
        tmp_path,
        wire=(
            "2026-03-10",
            "The passenger ferry Marisol Star ran aground off Kell Island on Tuesday, March 3, "
            "with 212 people on board.",
        ),
        courier=("2026-03-10", "The ship struck a sandbank near Kell Island late on Sunday, March 1, passengers said."),
    )
    assert grouped(events) == [], grouped(events)


def test_an_act_licensed_is_the_licence_granted_a_day_apart_in_conflict(tmp_path: Path) -> None:
    """A digest puts the agency's licence on Wednesday, a farmers' paper on Tuesday: "licensed" is
    "granted the licence" (the British noun folds to the verb's spelling), and the shooting the
    licence allows is its purpose, not another step of the story done. One event, in conflict;
    the wolf shot on another day with nothing granted stays another event. The event takes the day
    two of its reports give, one of them without a year in an undated text."""
    (tmp_path / "trust.md").write_text(
        "On 10 February the Environment Agency issued a licence to shoot one of the Kelvig wolves.\n",
        encoding="utf-8",
    )
    events = merged_articles(
        tmp_path,
        digest=(
            "2027-02-14",
            "The Environment Agency licensed marksmen to shoot one wolf on Wednesday, February 10.",
        ),
        farmer=(
            "2027-02-12",
            "The Environment Agency granted the licence on Tuesday, February 9.\n\n"
            "Agency marksmen shot one wolf near the farm on Thursday, February 11.",
        ),
    )
    assert grouped(events) == [
        ["On 10 February the Envir", "The Environment Agency g", "The Environment Agency l"]
    ], grouped(events)
    [conflict] = [e for e in events if e.conflict]
    assert conflict.date == "2027-02-10"
    assert sorted(m.date for m in conflict.mentions) == ["2027-02-09", "2027-02-10", "2027-02-10"]


def test_two_acts_of_one_company_that_each_date_by_one_other_act_stay_apart(tmp_path: Path) -> None:
    """A company's apology and its notice lifted the same day share its name, and the burst each
    dates its own act by ("after Sunday's burst on Harbour Street"): two acts. The same apology
    told twice shares its act besides, and merges."""
    events = merged_articles(
        tmp_path,
        statement=(
            "2027-01-13",
            "Brackwater Water today apologised to the 18,000 homes left without water after Sunday's "
            "burst on Harbour Street.",
        ),
        chronicle=(
            "2027-01-14",
            "Brackwater Water lifted its boil-water notice on Wednesday afternoon, days after a burst "
            "main under Harbour Street flooded the city centre.",
        ),
        radio=(
            "2027-01-14",
            "Brackwater Water apologised to customers on Wednesday, three days after a burst main "
            "under Harbour Street.",
        ),
    )
    assert grouped(events) == [["Brackwater Water apologi", "Brackwater Water today a"]], grouped(events)


def test_a_lead_that_names_no_kind_of_act_stays_apart_from_a_telling_further_on(tmp_path: Path) -> None:
    """A lead that names no kind of act joins its article's dated telling a sentence or two on
    (see test_merge_recall); further on, the word they share ("order") is as often another of the
    day's acts, so the lead stays apart."""
    events = merged_articles(
        tmp_path,
        radio=(
            "2027-02-08",
            "The consumer minister has ordered safety checks on every cable car in the country.\n\n"
            "The Skarvik line has been closed since Saturday.\n\n"
            "Engineers are still looking for the cause.\n\n"
            "Tomas Hald gave the order this morning on a visit to Skarvik.",
        ),
        courier=(
            "2027-02-09",
            "Consumer minister Tomas Hald ordered checks on all 31 of the country's cable cars on Monday.",
        ),
    )
    assert grouped(events) == [["Consumer minister Tomas ", "Tomas Hald gave the orde"]], grouped(events)
