"""People, organisations and places: the heuristic recogniser and the alias folding."""

from __future__ import annotations

from pathlib import Path

import pytest

import chrono.entities
from chrono.entities import Entity, EntityKind, EntityMention, HeuristicRecognizer, collect_entities, fold
from chrono.errors import RulesError
from chrono.models import Event, Mention, Timeline

FIXTURE = Path(__file__).parent / "data" / "site" / "timeline.json"


def _timeline(*sentences: str) -> Timeline:
    events = [
        Event(
            id=f"e{i}",
            date=f"2022-03-{i + 1:02d}",
            summary=text[:40],
            mentions=[Mention(article="a.txt", text=text, start=0, end=len(text), date=None, timex=None)],
        )
        for i, text in enumerate(sentences)
    ]
    return Timeline(articles=[], events=events)


def _by_name(entities: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def _found(text: str) -> list[tuple[str, EntityKind | None]]:
    """The names the recogniser found a cue for (it also returns uncued ones, with kind None)."""
    return [(m.text, m.kind) for m in HeuristicRecognizer().recognize(text) if m.kind is not None]


def test_transliteration_variants_and_a_lone_surname_merge_into_one_person() -> None:
    entities = _by_name(
        collect_entities(
            _timeline(
                "Ukrainian President Volodymyr Zelenskyy said the talks were positive.",
                "President Zelensky rejected the offer.",
                "Zelenskiy's office did not comment.",
                "Talks continued in Kyiv.",
                "An official from Kiev said the talks were over.",
            )
        )
    )
    person = entities["Volodymyr Zelenskyy"]
    assert person.kind is EntityKind.PERSON and person.aliases == ("Zelenskiy", "Zelensky")
    assert person.event_ids == ("e0", "e1", "e2")
    assert entities["Kyiv"].kind is EntityKind.PLACE and entities["Kyiv"].aliases == ("Kiev",)
    assert fold("Zelenskyy") == fold("Zelensky") == fold("Zelenskiy") and fold("Dmitry") == fold("Dmitri")
    assert fold("Peskov") != fold("Lavrov")


def test_roles_organisation_words_and_place_cues_decide_the_kind() -> None:
    assert _found("Kremlin spokesman Dmitry Peskov told reporters in Moscow on Tuesday.") == [
        ("Kremlin", EntityKind.ORGANISATION),
        ("Dmitry Peskov", EntityKind.PERSON),
        ("Moscow", EntityKind.PLACE),
    ]
    assert _found("The Russian Defence Ministry said troops would leave the Chernihiv region.") == [
        ("Russian Defence Ministry", EntityKind.ORGANISATION),
        ("Chernihiv", EntityKind.PLACE),
    ]
    assert _found("Ships left Odesa, Chornomorsk and Pivdennyi as NATO watched.") == [
        ("Odesa", EntityKind.PLACE),
        ("Chornomorsk", EntityKind.PLACE),
        ("Pivdennyi", EntityKind.PLACE),
        ("NATO", EntityKind.ORGANISATION),
    ]


def test_a_name_met_again_is_classified_again_where_it_stands() -> None:
    # The recogniser reads each capitalised sequence's words once: a name met again still takes its
    # offsets, and its kind from the words around it, in the new text.
    recognizer = HeuristicRecognizer()
    texts = (
        "Troops shelled a depot in Moscow, President Dmitry Peskov said.",
        "Moscow denied it, and President Dmitry Peskov left.",
    )
    first, again = ([(m.text, m.kind, m.start) for m in recognizer.recognize(t)] for t in texts)
    assert first[1:] == [("Moscow", EntityKind.PLACE, 26), ("Dmitry Peskov", EntityKind.PERSON, 44)]
    assert again == [("Moscow", None, 0), ("Dmitry Peskov", EntityKind.PERSON, 32)]


def test_sentence_starters_calendar_words_and_demonyms_are_not_names() -> None:
    found = _found(
        "However, on Monday in March the Russian-speaking Ukrainian forces met. "
        "Meanwhile Russian troops left."
    )
    assert found == []


def test_titles_roles_and_month_abbreviations_alone_are_not_names() -> None:
    text = (
        "The President met the Prime Minister on Nov. 5 and the Spokesman spoke on Dec 3. "
        "Jan Egeland said President Bush would come."
    )
    assert [m.text for m in HeuristicRecognizer().recognize(text)] == ["Jan Egeland", "Bush"]


def test_ambiguous_surnames_and_uncued_names_are_not_guessed() -> None:
    entities = _by_name(
        collect_entities(
            _timeline(
                "President Joe Biden spoke.",
                "Senator Hunter Biden agreed.",
                "Biden left.",
                "Moscow denied it.",
            )
        )
    )
    assert set(entities) == {
        "Joe Biden",
        "Hunter Biden",
    }  # "Biden" alone could be either; "Moscow" has no cue
    assert entities["Joe Biden"].aliases == ()


def test_fixture_entities_link_to_events_in_timeline_order() -> None:
    timeline = Timeline.model_validate_json(FIXTURE.read_bytes())
    entities = _by_name(collect_entities(timeline))
    order = [e.id for e in timeline.events]
    assert entities["Dmitry Peskov"].aliases == ("Peskov",)
    assert len(entities["Dmitry Peskov"].event_ids) == 3
    for entity in entities.values():
        assert list(entity.event_ids) == sorted(entity.event_ids, key=order.index)


class _Gazetteer:
    """A recogniser a model or a list could provide: the protocol is one method."""

    def recognize(self, text: str) -> list[EntityMention]:
        start = text.find("Kharkiv")
        return [EntityMention("Kharkiv", EntityKind.PLACE, start, start + 7)] if start >= 0 else []


def test_collect_entities_takes_any_recognizer() -> None:
    entities = collect_entities(_timeline("Kharkiv was shelled.", "Peace talks with Mr Smith."), _Gazetteer())
    assert entities == [Entity(EntityKind.PLACE, "Kharkiv", (), ("e0",))]


def test_the_word_lists_are_data_another_file_gives_other_names(tmp_path: Path) -> None:
    """What makes a name a place is a list of `entities_en.toml`: a copy with one more place word
    recognises what the shipped lists do not; a copy without a list is one error naming the file."""
    shipped = Path(chrono.entities.__file__).with_name("entities_en.toml").read_text(encoding="utf-8")
    assert '"Square", "Street",\n' in shipped
    text = "Greenfield Shire flooded."

    def found(recognizer: HeuristicRecognizer) -> list[tuple[str, EntityKind | None, bool]]:
        return [(m.text, m.kind, m.strong) for m in recognizer.recognize(text)]

    assert found(HeuristicRecognizer()) == [("Greenfield Shire", EntityKind.PERSON, False)]  # two bare words
    shire = tmp_path / "shire.toml"
    shire.write_text(shipped.replace('"Street",\n', '"Street", "Shire",\n'), encoding="utf-8")
    assert found(HeuristicRecognizer(shire)) == [("Greenfield Shire", EntityKind.PLACE, True)]
    broken = tmp_path / "broken.toml"
    broken.write_text(shipped.replace("place_words =", "place_names ="), encoding="utf-8")
    with pytest.raises(RulesError, match=r"broken\.toml: 'place_words'"):
        HeuristicRecognizer(broken).recognize(text)
