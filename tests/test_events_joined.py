"""A sentence that tells two acts of two actors joined as main clauses ("…, and the county council
declared a major incident") is two mentions of one day (`chrono.events._with_joined`); a clause
that goes on with the same act or subject stays one."""

from __future__ import annotations

from datetime import date

import pytest

from chrono.events import EventMention, extract_events
from chrono.ingest import Article, clean_text
from chrono.temporal import tag


def mentions(text: str, published: date = date(2027, 1, 5)) -> list[EventMention]:
    art = Article(id="a.txt", path="a.txt", text=text, clean=clean_text(text), title=None, published=published)
    return extract_events(art, tag(art.clean.match_text, art.published))


def test_a_joined_main_clause_of_another_actor_is_an_act_of_its_own_that_day() -> None:
    found = mentions(
        "Firefighters evacuated 40 homes below the slip on Tuesday morning, and the county council"
        " declared a major incident.\n"
    )
    assert [(m.date, m.timex is not None, m.summary) for m in found] == [
        ("2027-01-05", True, "Firefighters evacuated 40 homes below the slip on Tuesday morning."),
        ("2027-01-05", False, "The county council declared a major incident."),
    ]
    assert "the day of the act before it" in found[1].explanation
    assert "in the clause 'Firefighters evacuated" in found[0].explanation
    assert "council" not in found[0].terms and "evacuat" not in found[1].terms


def test_a_sentence_dated_by_context_stays_one_mention() -> None:
    # Only a day its own expression tells is the day of both acts; a context date is a guess
    # already, and a short clause alone meets unrelated reports of the days around it.
    found = mentions(
        "A water main burst under Harbour Street on Sunday.\n"
        "Police closed the street to traffic, and Brackwater Council opened two bottled water stations.\n",
        published=date(2027, 1, 11),
    )
    assert len(found) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        # the same subject goes on
        "The driver was freed on Tuesday morning, and then returned home to Mellby.",
        "The driver was freed on Tuesday morning, and was taken to hospital in Hessel.",
        "The minister arrived in Mellby on Tuesday morning, and she declared a major incident.",
        # a thing that tells how the act went, a passive, a statement about it
        "The tie should have been played on Tuesday, but a waterlogged pitch forced the referee to call it off.",
        "Cracks in its supports were found on Tuesday morning, and the bridge was closed.",
        "The lorry overturned on Tuesday morning, and police said the driver had fled the scene.",
        "The number of casualties was not known on Tuesday, but the official news agency reported two injured.",
        # a verb before its object: no subject
        "One panel wanted the army rebuilt on Tuesday, and a third wants the Iraqi constitution reviewed.",
        # no simple past after the subject
        "The resort reopened on Tuesday, but the Kestrel run will stay closed for the season.",
        "The Haldor Bridge reopened to traffic on Tuesday, but the Vell viaduct remains closed.",
        # no main clause before the joint; no subject after it ("left" a place, not a verb)
        "At midnight on Tuesday, while the guerrillas stayed inside, residents reported gunfire.",
        "Holt came third on Tuesday behind Albertini for the right, and Aldo Fumagalli for the left, who won.",
        # its own time, which the sentence's expressions tell
        "China seized control of Tibet in 1951, and the Dalai Lama fled into exile eight years later.",
        # too few words to report apart (`_MIN_CLAUSE_TERMS`)
        "The board met on Tuesday morning, and Holm resigned.",
        # the act before it is still ahead: its day is no day of what was done
        "On Tuesday Rangers will play away to Motherwell, and Le Guen acknowledged his side would find it hard.",
        # inside a quotation
        '"We evacuated 40 homes on Tuesday morning, and the county council declared a major incident," he said.',
    ],
)
def test_a_clause_that_goes_on_with_the_same_act_stays_one_mention(sentence: str) -> None:
    assert len(mentions(sentence + "\n")) == 1


def test_a_joined_clause_with_its_own_day_is_dated_by_it_once() -> None:
    # "the same day" counts on from Thursday: a mention of its own already (`_cuts`), not two.
    found = mentions(
        "Brackwater Water lifted its boil notice on Thursday, and the Water Standards Office opened an"
        " inquiry the same day.\n",
        published=date(2027, 1, 17),
    )
    assert [(m.date, m.timex and m.timex.text) for m in found] == [
        ("2027-01-14", "Thursday"),
        ("2027-01-14", "the same day"),
    ]
