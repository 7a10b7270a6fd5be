"""Text features of an event mention: its one-line summary and the terms merging compares.

Word lists are data (`events_en.toml`). The stemmer is a deliberately small suffix stripper:
both sides of a comparison go through it, so it only has to be consistent, not linguistic.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import chain, islice, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar

from chrono.entities import common_capitals
from chrono.errors import RulesError
from chrono.rules import literal_alternation

_DATA = Path(__file__).with_name("events_en.toml")
_T = TypeVar("_T")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d{1,3}(?:,\d{3})+(?!\d)|\d+")  # "2,000" is one number
_MATCHED = itemgetter(0)  # a match's text


@dataclass(frozen=True, slots=True)
class Listed:
    """A regex and words one of which is in any text it matches: a text holding none of them is not
    searched (a substring test per word of a short list is several times faster than the regex)."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]
    # The words that hold no other of them ("say", not "says"): a text holding none of these holds
    # no word of the list, and a short list is tested faster.
    needles: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        needles = tuple(w for w in self.words if not any(v != w and v in w for v in self.words))
        object.__setattr__(self, "needles", needles)  # frozen

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.holds_word(text) else None

    def holds_word(self, text: str) -> bool:
        return any(map(text.__contains__, self.needles))


QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
# An appositive between commas, a name or an age ("The firm's boss, Hanna Lind, said"; "Morrow,
# 54, said"): its commas break no clause and end no attribution.
_APPOSITIVE = re.compile(r",(\s(?:[A-Z][\w'’.-]*|\d{1,3})(?:\s(?:of\s)?[A-Z][\w'’.-]*){0,3}),(?=\s)")
_SPEAKER_END = re.compile(r"[,.;:]")
_NEXT_QUOTE = re.compile(r"[.!?]\s+(?:[`\"“]|'')")
_APPOSITIVE_WORDS = 5  # at most this many words describe a speaker between commas before the verb
_TRAILING_HEAD = 4  # words of content before an attribution that ends the sentence
_TRAILING_WORDS = 6  # … and at most this many words after its verb
_STATEMENT_WORDS = 6  # words at most between a reporting word and the "that" of what was said
_DESCRIPTION_WORDS = 8  # … then descriptions of the speaker, each of at most this many words
# A clause of its own after the verb ("said Saren would appeal"): what was said, not to whom.
_SAID_CLAUSE = re.compile(r"\b(?:would|will|could|should|might|must|can|had|has|have|was|were|is|are)\b")
_TRAILING_COMMA = re.compile(r",([\"”’]?)$")  # the comma a quotation ends with before "he said"
MAX_SUMMARY = 200
SUMMARY_MIN_WORDS = 6
# Specificity of a term (an IDF from general English, so no input changes it): a word of frequency
# f turns up in about SENTENCE_WORDS * f of the sentences. Words rarer than wordfreq's small list
# (names, mostly) count as RARE; numbers as NUMBER ("2,000 residents": telling, not unique).
SENTENCE_WORDS = 25
RARE = 1e-6
NUMBER = 1e-5
MIN_SPECIFICITY = 0.5
# A word at least this frequent in general English is a common word: "Officials said" names no
# one, "Citylink said" does.
COMMON_WORD = 1e-5


def _listed(template: str, words: list[str]) -> Listed:
    """`template` with "{}" the alternation of `words`, compiled."""
    return Listed(re.compile(template.replace("{}", _words(words))), tuple(words))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists of `events_en.toml`, compiled."""

    boilerplate: _Furniture  # on lower-case text
    reporting: Listed  # a reporting verb or "according to" (`_reporting`)
    caption: Listed
    future: re.Pattern[str]  # matches lower-case text (IGNORECASE is 3x slower)
    perfect: Listed  # the past perfect ("had left"), on lower-case text
    present_perfect: Listed  # the present perfect ("has ruled"), on lower-case text
    progressive: re.Pattern[str]  # the present progressive ("are taking"), on lower-case text
    present_saying: Listed  # a reporting verb in the present tense ("says"), on lower-case text
    # a reporting verb or noun up to the "that" of what was said ("told staff on Monday that"), on
    # lower-case text
    statement: re.Pattern[str]
    tenseless: frozenset[str]  # words after which such a verb has no tense of its own ("to say")
    # a word tying a sentence to the time just told ("at the time"), on lower-case text
    anaphor: Listed
    live_entry: re.Pattern[str]  # a live blog entry's time stamp opening its paragraph ("09:12 ")
    relative: re.Pattern[str]  # a relative clause after a comma, up to the next break (", which …")
    relative_words: frozenset[str]  # the relative pronouns ("which", "who")
    adverbial_relatives: frozenset[str]  # those that tell where or when the main clause happened
    restrictive_relatives: frozenset[str]  # "that" of "a trial that opened on Monday"
    present: frozenset[str]  # auxiliaries of the present ("is", "has"): no "-ed" after them is past
    subject_pronouns: frozenset[str]  # pronouns that stand for the last person named ("she")
    pronoun_subjects: frozenset[str]  # a sentence opening with one goes on with the subject before ("It")
    additive: frozenset[str]  # after a pronoun subject, adds to what the paragraph before told ("also")
    purpose: frozenset[str]  # before an act's word, makes the act another's purpose ("to shoot")
    sequel: frozenset[str]  # opening a sentence, ties it to what the paragraph before told ("When")
    # after a number opening a sentence, make it a part of the group told before ("Twelve had", "Six of")
    group_part: frozenset[str]
    numbers: frozenset[str]  # number words ("twelve"), as the [synonyms] fold them to digits
    conjunction_words: frozenset[str]  # the coordinators, as words ("and", "but")
    conjunction: re.Pattern[str]  # a coordinator joining two predicates ("… and will reopen …")
    # a main clause joined with a subject and a simple past of its own (", and the council declared"):
    # its `joint`, `subject` and `verb`, on text as written (a name's capitals tell an actor)
    coordinated: re.Pattern[str]
    actors: frozenset[str]  # nouns of a subject that acts ("council", "police")
    # words no such subject holds: pronouns ("it"), verbs of a state or a statement ("remains", "says")
    subjects_apart: frozenset[str]
    anchoring: frozenset[str]  # subordinators that tie a clause to another's time ("after")
    background: frozenset[str]  # subordinators of a clause that dates a state's start ("since")
    state_verbs: frozenset[str]  # verbs of a lasting state in the present ("remains", "is")
    offset_units: frozenset[str]  # units of a span before one ("60 years after"): another time
    # a time relative to an event ("the day before the storm hit"), on lower-case text: its unit,
    # direction and event; what each unit moves by and which way each direction goes
    event_relative: re.Pattern[str]
    relative_units: dict[str, str]
    relative_directions: dict[str, int]
    deadline: re.Pattern[str]  # a negated clause up to a deadline's preposition ("had not come out by")
    participle_clause: re.Pattern[str]  # a participle clause after a comma, up to its time (", surfacing at")
    # a clause a span after or before another ("two days after a valve failed"), on lower-case
    # text: its number, unit, direction and event; what each unit moves by
    offset_clause: re.Pattern[str]
    offset_units_moved: dict[str, str]
    # the direction and event after a length of time the tagger read ("a day after the vote"), on
    # lower-case text from the length's end
    direction_tail: re.Pattern[str]
    # an opener naming an event told before ("in her ruling,"), on lower-case text: its noun
    referring: re.Pattern[str]
    perfect_not_after: re.Pattern[str]  # a word that opens a clause of its own ("that"), on lower-case text
    offset_approximate: re.Pattern[str]  # "nearly " right before such a span, on lower-case text
    clock_approximate: re.Pattern[str]  # "about " right before a clock time, on lower-case text
    participle: re.Pattern[str]  # a participle opening a phrase after a noun ("cars built in 2021")
    determiners: frozenset[str]  # words that open a noun phrase ("the", "its")
    definite: frozenset[str]  # articles of a thing the reader knows ("the abduction")
    period_nouns: frozenset[str]  # "the quarter", "the year": a period as a thing
    naming_links: frozenset[str]  # "the outages of 10 February": a date after it names its noun
    time_prepositions: frozenset[str]  # words that make a date the time of an act ("in", "during")
    # what makes the time right after it qualify a comparison ("up from 51 percent ", "than in ",
    # "the highest turnout since "), on lower-case text up to the time
    comparison: re.Pattern[str]
    verb: re.Pattern[str]  # a word that is (part of) a verb, on lower-case text
    past: re.Pattern[str]  # a cue of the past tense, on lower-case text
    openers: re.Pattern[str]
    stopwords: frozenset[str]
    synonyms: dict[str, str]
    scale_numbers: frozenset[str]  # what number words that multiply fold to ("100")
    scales: frozenset[str]  # the words whose synonym is a scale ("hundred")
    phrases: re.Pattern[str]  # multi-word paraphrases ("walked off the job"), folded before the words
    phrase_map: dict[str, str]
    event_nouns: frozenset[str]
    event_words: frozenset[str]  # the event nouns as written: "protest", not "protested"
    classes: dict[str, tuple[str, ...]]  # a word's term → the kinds it names, as "@kind" terms
    acts: frozenset[str]  # the "@kind" terms that name an act ("@resign"), not a thing ("@government")
    act_families: tuple[frozenset[str], ...]  # kinds one happening may be told by ("@attack", "@die")
    # acts that undo one another ("began" / "@cancel"), each side as words and kinds
    opposite_acts: tuple[tuple[frozenset[str], frozenset[str]], ...]
    # proposals and the acts that answer them ("offer" / "@accept"), as words and kinds
    answered_acts: tuple[tuple[frozenset[str], frozenset[str]], ...]
    other_happening: frozenset[str]  # words by which a sentence tells another happening ("separate")
    members: dict[str, tuple[str, ...]]  # a "@kind" term → the terms of its words
    name_links: frozenset[str]  # lower-case words inside a name ("of")
    # Two or more capitalised words in a row, links allowed between them: where initialisms come
    # from. (Possessive: a word is never given back to try a space inside it.)
    name_run: re.Pattern[str]


def _words(words: list[str]) -> str:
    # One shared beginning is tried once, not once per word: twice as fast on the long lists.
    return literal_alternation(words, space=" ")


def _reporting(data: dict[str, Any]) -> Listed:
    """A reporting verb outside quotes, with what completes the attribution ("said on Monday that"),
    or "according to". Its words are lists of `events_en.toml`, whose comments tell what each is
    for. (A quotation is masked with "_" where the speaker is sought.)"""
    saying, promising, describing, naming = (
        data[k] for k in ("reporting_verbs", "promising_verbs", "describing_verbs", "naming_verbs")
    )
    named = (
        rf"(?:{'|'.join(data['named_pronouns'])}|(?:{'|'.join(data['named_determiners'])})"
        rf"(?:\s(?!(?:{'|'.join(data['named_object_ends'])})\b)[\w'’-]+){{1,3}})"
    )
    complement = (
        rf"(?:an?\s|[\"“`'‘_]|\w{{3,}}(?:{'|'.join(data['evaluative_endings'])})\b"
        rf"|(?:{'|'.join(data['evaluative_adjectives'])})\b)"
    )
    verbs = (*saying, *promising, *describing, *naming)
    return Listed(
        re.compile(
            # the first letters of the verbs and "according": most words fail here, before the lookbehinds
            rf"\b(?=[{''.join(sorted({'A', 'a', *(v[0] for v in verbs)}))}])"
            + "".join(rf"(?<!\b{w} )" for w in data["reporting_passive"])
            + rf"(?:(?P<verb>{'|'.join(saying)}|(?:{'|'.join(promising)})(?=\s+(?:to|that)\b)"
            rf"|(?P<view>(?:{'|'.join(describing)})(?=\s[^,;:.]*\bas\s)"
            r"|(?<![-’'])"
            + "".join(rf"(?<!\b{w} )" for w in data["naming_passive"])
            + rf"(?:{'|'.join(naming)})(?=\s{named}\s{complement})"
            r"))\b(?!\s+sorry\b)"
            r"(?:\s+(?:on|in|at)\s+\w+(?:\s\(local time\))?)?"
            rf"(?:\s+(?:{'|'.join(data['reporting_audiences'])}))?"
            r"(?:\s+that\b)?|[Aa]ccording to)"
        ),
        (*verbs, "ccording to"),
    )


def _coordinated(data: dict[str, Any]) -> re.Pattern[str]:
    """A coordinator, then a subject opening with a determiner or a capital and up to its first
    verb, a simple past that is no auxiliary nor a reporting verb (", and the county council
    declared"); the subject is vetted by its caller. On text as written."""
    joints = "|".join(re.escape(j) for j in data["coordinated_joints"])
    pasts = [*data["past_cues"], *data["irregular_pasts"]]
    not_acts = {*data["auxiliaries"], *data["reporting_verbs"], *data["reporting_passive"]}
    not_acts |= set(data["coordinated_reports"])
    more = data["coordinated_subject_words"] - 1  # words after the first
    return re.compile(
        rf"(?P<joint>{joints})\s+"
        rf"(?P<subject>(?:{_words(data['determiners'])}|[A-Z][\w'’.-]*)(?:\s[\w'’.-]+){{0,{more}}}?)\s"
        rf"(?!(?:{_words(sorted(not_acts))})\b)"
        rf"(?P<verb>[a-z]{{2,}}ed|{_words(sorted(set(pasts) - not_acts))})\b"
    )


def _counted_event(units: list[str], directions: list[str]) -> str:
    """A unit, a direction and the event counted from: "day before the storm hit", "days after a
    faulty valve forced ..." (up to the clause's end)."""
    return rf"(?P<unit>{_words(units)})\s+" + _directed_event(directions)


def _directed_event(directions: list[str]) -> str:
    """A direction and the event counted from, up to the clause's end: "after a faulty valve forced ..."."""
    return rf"(?P<direction>{_words(directions)})\s+(?P<event>\w[^,;:.!?]*)"


def _deadline(data: dict[str, Any]) -> re.Pattern[str]:
    """A negated clause up to a deadline's preposition, on lower-case text ("had not come out by",
    "hadn't left by")."""
    words = [w for w in data["negations"] if "'" not in w]
    endings = [w for w in data["negations"] if "'" in w]  # "n't", after its verb
    return re.compile(
        rf"(?:\b(?:{_words(words)})|\w(?:{_words(endings)}))\b[^,;:]*\s"
        rf"(?:{_words(data['deadline_prepositions'])})\s+$"
    )


def _referring(data: dict[str, Any]) -> re.Pattern[str]:
    """An opener that names an event told before ("in her ruling,"), its noun as `noun`."""
    nouns = [*data["referring_nouns"], *data["reporting_nouns"], *data["event_nouns"]]
    return re.compile(
        rf"(?:{_words(data['referring_prepositions'])})\s+(?:{_words(data['referring_determiners'])})\s+"
        rf"(?P<noun>{_words(nouns)})\s*,"
    )


@cache
def _data() -> dict[str, Any]:
    """The parsed `events_en.toml`: the lexicon and the stemmer's endings read it once."""
    try:
        return tomllib.loads(_DATA.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RulesError(f"{_DATA.name}: {exc}") from exc


@cache
def lexicon() -> Lexicon:
    """Load and compile the word lists once."""
    data = _data()
    try:
        classes = _classes({**data["event_classes"], **data["thing_classes"]}, data["synonyms"])
        acts = frozenset(f"@{kind}" for kind in data["event_classes"])
        return Lexicon(
            boilerplate=_furniture(data["boilerplate"], data["boilerplate_as_written"]),
            reporting=_reporting(data),
            caption=_listed(r"\b(?:{})\b", data["caption_verbs"]),
            future=re.compile(rf"\b(?:{_words(data['future_cues'])})\b"),  # on lower-case text
            perfect=Listed(  # most sentences hold no auxiliary of it
                re.compile(
                    rf"\b(?:{_words(data['perfect_auxiliaries'])})"
                    rf"(?:\s+(?:{_words(data['perfect_adverbs'])}))*"
                    rf"\s+(?:[a-z]+ed|{_words(data['irregular_participles'])})\b"
                ),
                tuple(data["perfect_auxiliaries"]),
            ),
            progressive=re.compile(rf"\b(?:{_words(data['progressive_auxiliaries'])})\s+[a-z]{{2,}}ing\b"),
            present_perfect=Listed(
                re.compile(
                    rf"\b(?:{_words(data['present_perfect_auxiliaries'])})"
                    rf"(?:\s+(?:{_words(data['perfect_adverbs'])}))*"
                    rf"\s+(?:[a-z]+ed|{_words(data['irregular_participles'])})\b"
                ),
                tuple(data["present_perfect_auxiliaries"]),
            ),
            present_saying=_listed(r"\b(?:{})\b", data["present_reporting"]),
            statement=re.compile(
                rf"\b(?:{_words([*data['reporting_verbs'], *data['reporting_nouns']])})"
                rf"(?:\s+[\w'’-]+(?:[,.]\d+)*){{0,{_STATEMENT_WORDS}}}?\s+that\b"  # "1,200 staff"
            ),
            tenseless=frozenset((*data["auxiliaries"], *data["present_reporting_not_after"])),
            anaphor=_listed(r"\b(?:{})\b", data["time_anaphors"]),
            live_entry=re.compile(data["live_entry_stamp"]),
            relative=re.compile(rf",\s+(?:{_words(data['relative_pronouns'])})\b[^,;—–]*"),
            relative_words=frozenset(data["relative_pronouns"]),
            adverbial_relatives=frozenset(data["adverbial_relatives"]),
            restrictive_relatives=frozenset(data["restrictive_relatives"]),
            present=frozenset(data["present_passive"]),
            subject_pronouns=frozenset(data["subject_pronouns"]),
            pronoun_subjects=frozenset(data["pronoun_subjects"]),
            additive=frozenset(data["additive_words"]),
            purpose=frozenset(data["purpose_words"]),
            sequel=frozenset(data["sequel_openers"]),
            group_part=frozenset((*data["part_of_group_words"], *data["auxiliaries"])),
            numbers=frozenset(w for w, n in data["synonyms"].items() if n.isdigit()),
            conjunction_words=frozenset(w for w in data["conjunctions"] if " " not in w),
            conjunction=re.compile(rf"\s(?:{_words(data['conjunctions'])})\s"),
            coordinated=_coordinated(data),
            actors=frozenset(data["coordinated_actors"]),
            subjects_apart=frozenset(
                (
                    *data["contact_subjects"],
                    *data["pronoun_subjects"],
                    *data["state_verbs"],
                    *data["present_reporting"],
                )
            ),
            anchoring=frozenset(data["anchoring_subordinators"]),
            background=frozenset(data["background_subordinators"]),
            state_verbs=frozenset(data["state_verbs"]),
            offset_units=frozenset(data["offset_units"]),
            # A literal first ("the", its word boundary checked after it): the regex engine skips
            # to it, and most sentences have none.
            event_relative=re.compile(
                rf"the(?<=\bthe)\s+(?:(?:{_words(data['event_relative_modifiers'])})\s+)?"
                + _counted_event(list(data["event_relative_units"]), list(data["event_relative_directions"]))
            ),
            relative_units=dict(data["event_relative_units"]),
            relative_directions=dict(data["event_relative_directions"]),
            deadline=_deadline(data),
            participle_clause=re.compile(r",\s+[a-z]{2,}ing\b[^,;:]*$"),
            offset_clause=re.compile(
                rf"\b(?P<number>\d+|{_words([w for w, n in data['synonyms'].items() if n.isdigit()])})\s+"
                + _counted_event(
                    list(data["offset_clause_units"]),
                    [d for d, n in data["event_relative_directions"].items() if n],
                )
            ),
            offset_units_moved=dict(data["offset_clause_units"]),
            direction_tail=re.compile(
                r"\s+" + _directed_event([d for d, n in data["event_relative_directions"].items() if n])
            ),
            referring=_referring(data),
            perfect_not_after=re.compile(rf"\s(?:{_words(data['perfect_not_after'])})\s"),
            offset_approximate=re.compile(rf"\b(?:{_words(data['offset_approximations'])})\s+$"),
            clock_approximate=re.compile(rf"(?<![\w.])(?:{_words(data['clock_approximations'])})\s+$"),
            participle=re.compile(
                rf"(?:(?P<comma>,)|\b(?P<noun>[A-Za-z][\w'’-]*)(?:\s+(?P<subject>{_words(data['contact_subjects'])}))?)\s+"
                # after a subject, a simple past too ("a sample she gave in mid-September")
                rf"(?P<participle>[a-z]+ed|{_words(data['irregular_participles'])}"
                rf"|(?(subject)(?:{_words(data['past_cues'])})|(?!)))"
                rf"\s+(?P<preposition>{_words(data['participle_prepositions'])})\b"
            ),
            determiners=frozenset(data["determiners"]),
            definite=frozenset(data["definite_articles"]),
            period_nouns=frozenset(data["period_nouns"]),
            naming_links=frozenset(data["naming_links"]),
            time_prepositions=frozenset(data["time_prepositions"]),
            comparison=re.compile(
                rf"(?:\b(?:{_words(data['comparison_openers'])})\s+(?:[^\s,;]+\s+){{0,3}}"
                rf"|\b(?:{_words(data['comparatives'])})\s+(?:(?:{_words(data['comparison_prepositions'])})\s+)?"
                rf"|\b(?:{_words(data['superlatives'])})\s+(?:[^\s,;]+\s+){{0,3}}"
                rf"(?:{_words(data['superlative_links'])})\s+"
                rf"|\b(?:{_words(data['figure_openers'])})\s+(?:[$€£¥]\d[\d.,]*|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?"
                rf"|\d+(?:\.\d+)?\s*(?:{_words(data['percent_words'])})|\d+\.\d+)\s+"
                # a preposition before the time makes it the change's ("from 8 percent on October 22")
                rf"(?:(?!(?:{_words(data['comparison_prepositions'])})\s)[a-z]+\s+)?)$"
            ),
            verb=re.compile(
                rf"\b(?:[a-z]{{2,}}(?:ed|ing)|{_words(data['irregular_participles'])}"
                rf"|{_words(data['auxiliaries'])})\b"
            ),
            past=re.compile(
                "".join(rf"(?<!\b{re.escape(w)} )" for w in data["present_passive"])
                + rf"\b(?:[a-z]{{2,}}ed|{_words(data['past_cues'])})\b"
            ),
            openers=re.compile(rf"^(?:{_words(data['discourse_openers'])})\b,?\s*", re.IGNORECASE),
            stopwords=frozenset(data["stopwords"]),
            synonyms=dict(data["synonyms"]),
            scale_numbers=frozenset(data["number_scales"]),
            scales=frozenset(w for w, n in data["synonyms"].items() if n in data["number_scales"]),
            phrases=re.compile(rf"\b(?:{_words(list(data['phrases']))})\b"),  # on lower-case text
            phrase_map=dict(data["phrases"]),
            event_nouns=frozenset(stem(w) for w in data["event_nouns"]),
            event_words=frozenset(data["event_nouns"]),
            classes=classes,
            acts=acts,
            act_families=_act_families(data["act_families"], acts),
            opposite_acts=_act_pairs(data, "opposite_acts", acts),
            answered_acts=_act_pairs(data, "answered_acts", acts),
            other_happening=frozenset(data["other_happening_words"]),
            members=_members(classes),
            name_links=frozenset(data["name_links"]),
            name_run=re.compile(
                rf"[A-Z][A-Za-z'’-]*+(?:\s+(?:(?:{'|'.join(data['name_links'])})\s+)?[A-Z][A-Za-z'’-]*+)+"
            ),
        )
    except (KeyError, re.error) as exc:
        raise RulesError(f"{_DATA.name}: {exc}") from exc


def _act_families(listed: dict[str, list[str]], acts: frozenset[str]) -> tuple[frozenset[str], ...]:
    """The families of kinds of act, as "@kind" terms; each kind must be one of `acts`."""
    families = tuple(frozenset(f"@{kind}" for kind in kinds) for kinds in listed.values())
    unknown = sorted(frozenset().union(*families) - acts)
    if unknown:
        raise RulesError(f"{_DATA.name}: act_families: no such kind of act: {', '.join(unknown)}")
    return families


def _act_pairs(
    data: dict[str, Any], table: str, acts: frozenset[str]
) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """The pairs of acts of `table` (acts that undo one another, proposals and their answers), each
    side as words and kinds ("@cancel"); each kind must be one of `acts`."""
    try:
        pairs = tuple((frozenset(first), frozenset(second)) for first, second in data[table].values())
    except (TypeError, ValueError) as exc:
        raise RulesError(f"{_DATA.name}: {table}: {exc}") from exc
    unknown = sorted(w for side in chain(*pairs) for w in side if w[0] == "@" and w not in acts)
    if unknown:
        raise RulesError(f"{_DATA.name}: {table}: no such kind of act: {', '.join(unknown)}")
    return pairs


@cache
def _derivations() -> tuple[tuple[str, ...], tuple[tuple[str, str, int], ...]]:
    """The derivational endings of `events_en.toml`: all of them (to test a word against at once),
    and each as (ending, replacement, letters kept)."""
    try:
        rules = tuple((str(e), str(r), int(k)) for e, r, k in _data()["derivations"])
    except (KeyError, TypeError, ValueError) as exc:
        raise RulesError(f"{_DATA.name}: derivations: {exc}") from exc
    return tuple(e for e, _, _ in rules), rules


def _classes(kinds: dict[str, list[str]], synonyms: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Each word's term (synonyms folded, stemmed, as `_term` makes it) → its kinds as terms."""
    out: dict[str, list[str]] = {}
    for kind, words in sorted(kinds.items()):
        for word in words:
            kinds_of = out.setdefault(stem(synonyms.get(word, word)), [])
            if f"@{kind}" not in kinds_of:
                kinds_of.append(f"@{kind}")
    return {term: tuple(k) for term, k in out.items()}


def _members(classes: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Each kind ("@resign") → the terms of its words: the inverse of `_classes`."""
    out: dict[str, list[str]] = {}
    for term, kinds in sorted(classes.items()):
        for kind in kinds:
            out.setdefault(kind, []).append(term)
    return {kind: tuple(terms) for kind, terms in out.items()}


@dataclass(frozen=True, slots=True)
class _Furniture:
    """Page-furniture patterns, compiled for speed: one alternation of those anchored at the start
    (tried at one position), plain phrases as substrings (faster than any regex), the others apart,
    so each can scan for its literal prefix."""

    start: re.Pattern[str]
    phrases: tuple[str, ...]
    anywhere: tuple[re.Pattern[str], ...]
    written: re.Pattern[str]  # anchored, on the sentence as written: its capitals tell a name


_PLAIN = re.compile(r"[\w ,'-]+")  # a pattern that only matches itself


def _furniture(patterns: list[str], written: list[str]) -> _Furniture:
    anchored = [p[1:] for p in patterns if p.startswith("^")]
    unanchored = [p for p in patterns if not p.startswith("^")]
    return _Furniture(
        re.compile("|".join(f"(?:{p})" for p in anchored)),
        tuple(p for p in unanchored if _PLAIN.fullmatch(p)),
        tuple(re.compile(p) for p in unanchored if not _PLAIN.fullmatch(p)),
        re.compile("|".join(f"(?:{p.removeprefix('^')})" for p in written)),
    )


def is_boilerplate(text: str) -> bool:
    """Whether a sentence is page furniture ("Advertisement", "All rights reserved")."""
    lowered = text.lower()
    furniture = lexicon().boilerplate
    return (
        bool(furniture.start.match(lowered))
        or any(map(lowered.__contains__, furniture.phrases))
        or any(map(re.Pattern.search, furniture.anywhere, repeat(lowered)))
        or bool(furniture.written.match(text))
    )


def unquoted(text: str) -> str:
    """`text` without its quotations (most sentences have none, and then no regex runs)."""
    return QUOTED.sub("", text) if '"' in text or "“" in text else text


def unbroken(text: str) -> str:
    """`text` with the commas around appositives blanked (same length, so offsets hold)."""
    # A function: a template (r" \1 ") costs a call into `re`'s Python code on every use, 4x this.
    return _APPOSITIVE.sub(lambda m: f" {m[1]} ", text)


def collapse(text: str) -> str:
    """White space collapsed to single spaces, ends trimmed (str.split: the same spaces as `\\s`, faster)."""
    return " ".join(text.split())


def summarize(line: str) -> str:
    """One scannable line from a `collapse`d `line`: no discourse opener, no trailing attribution,
    bounded length."""
    opener = lexicon().openers.match(line)  # anchored: a match here is the one `sub` would remove
    line = (line[opener.end() :] or line) if opener else line
    span = speaker_span(line)
    # "…, the Kremlin spokesman said." → "…." when what remains still says something.
    if span and not line[span[1] :].strip(" .") and len(line[: span[0]].split()) >= SUMMARY_MIN_WORDS:
        line = _TRAILING_COMMA.sub(r"\1", line[: span[0]].rstrip(" ,;:—–-"))
    line = line[:1].upper() + line.rstrip(" ,;:")[1:]
    line += "" if line[-1:] in '.!?"”’' else "."
    if len(line) > MAX_SUMMARY:
        cut = line.rfind(" ", 0, MAX_SUMMARY - 1)
        line = line[: cut if cut > 0 else MAX_SUMMARY - 1].rstrip(",;: ") + "…"
    return line


# Inflections: (ending, length the word must exceed, replacement). "freed" → "free", as "free".
# -ion comes off only a word that keeps five letters ("election" → "elect"): "billion" is no
# "bill", "million" no "mill", "station" no "stat", "mission" no "miss", "faction" no "fact".
_INFLECTIONS = (
    ("ions", 8, ""),
    ("ion", 7, ""),
    ("ing", 5, ""),
    ("eed", 4, "ee"),
    ("ed", 4, ""),
    ("es", 5, ""),
    ("s", 3, ""),
)
_INFLECTION_ENDINGS = tuple(suffix for suffix, _, _ in _INFLECTIONS)


def stem(word: str) -> str:
    """A crude, consistent stem: plural, -ed, -ing and -ion endings dropped, and -ary and -al; a
    noun made from a verb meets it by the derivational endings of the data ("closure" → "clos")."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 6 and word.endswith("ian"):
        word = word[:-1]  # a demonym meets its place: "Kestrian" → "kestria"
    # An adjective or noun made from a word meets it: "parliamentary" → "parliament", "approval"
    # → "approv" (as "approved"). Only long words: "secretary" is no "secret", "medical" no "medic".
    if word.endswith(("ary", "al")):  # most words end otherwise: the loops test one ending each
        for suffix, keep in (("ary", 7), ("ial", 6), ("al", 6)):
            if len(word) - len(suffix) >= keep and word.endswith(suffix):
                word = word[: -len(suffix)]
                break
    single = word[:-1] if word.endswith("s") and not word.endswith("ss") else word  # "closures"
    endings, derivations = _derivations()
    derived = None
    if single.endswith(endings):
        derived = next(
            (
                single[: -len(e)] + r
                for e, r, keep in derivations
                if single.endswith(e) and len(single) - len(e) >= keep
            ),
            None,
        )
    if derived is not None:
        word = derived
    elif word.endswith(_INFLECTION_ENDINGS):
        for suffix, keep, rest in _INFLECTIONS:
            if len(word) > keep and word.endswith(suffix) and not word.endswith("ss"):
                word = word[: -len(suffix)] + rest
                break
    # "rescue", "rescued", "rescues" → "rescu": a final e is what the suffixes above leave or take.
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


def _term(word: str) -> str:
    """What a lower-case word is compared by: its stem, synonyms folded; "" for a stop word.

    A number is compared without its thousands separators ("2,000" as "2000"). Asked through
    `_TERMS`, which keeps each word's term: no cache of its own, nor on `stem`."""
    lex = lexicon()
    word = (lex.synonyms.get(word) or _compound_number(word) or word).replace(",", "")
    return "" if word in lex.stopwords or len(word) < 2 else stem(word)


_TENS = frozenset(str(n) for n in range(20, 100, 10))


def _compound_number(word: str) -> str | None:
    """The number a hyphenated compound of a ten and a unit writes out ("fifty-eight" → "58"), as
    another outlet writes it in digits; None for any other word."""
    tens, dash, unit = word.partition("-")
    if not dash:
        return None
    synonyms = lexicon().synonyms
    ten, one = synonyms.get(tens, ""), synonyms.get(unit, "")
    if ten not in _TENS or not (one.isdigit() and len(one) == 1):
        return None
    return str(int(ten) + int(one))


class _Memo(dict[str, _T]):
    """A function of a string as a dict of the strings seen: looking one up costs less than a cached call."""

    def __init__(self, fn: Callable[[str], _T]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key: str) -> _T:
        if len(self) >= 1 << 17:  # bounded: a big corpus has many names
            self.clear()
        self[key] = value = self.fn(key)
        return value


_TERMS = _Memo(_term)


@cache
def _frequencies() -> dict[str, float]:
    """General English frequency of each term: the frequencies of the words it stands for
    (wordfreq's small English list, news, books and the web mixed), summed. Loaded once (≈0.2 s)."""
    from wordfreq import get_frequency_dict

    out: dict[str, float] = {}
    for word, freq in get_frequency_dict("en", wordlist="small").items():
        if term := _term(word):
            out[term] = out.get(term, 0.0) + freq
    return out


@lru_cache(maxsize=1 << 16)
def specificity(term: str) -> float:
    """How much sharing `term` tells, from general English alone: a rare word ("ammonia") or an
    unknown one (a name) much, a common one ("plant") less. A pair of words tells what its words
    do on average; a kind of event ("@resign") is as common as all its words together."""
    if " " in term:
        first, second = term.split(" ", 1)
        return (specificity(first) + specificity(second)) / 2
    freqs = _frequencies()
    if term[0] == "@":
        freq = sum(freqs.get(t, RARE) for t in lexicon().members.get(term, ()))
    elif term.isdigit():
        freq = NUMBER
    else:
        freq = freqs.get(term, RARE)
    return max(MIN_SPECIFICITY, -math.log(SENTENCE_WORDS * max(freq, RARE)))


def has_content(text: str, least: int = 1) -> bool:
    """Whether at least `least` words of `text` carry content (not stop words). The words are read
    one at a time, up to the `least`th: the first few words mostly do."""
    found = filter(None, map(_TERMS.__getitem__, map(_MATCHED, _WORD.finditer(text.lower()))))
    return len(list(islice(found, least))) == least


@lru_cache(maxsize=4096)  # a mention's terms and its acts read the same words
def _folded_words(text: str) -> tuple[str, ...]:
    """The words of `text` in lower case, multi-word paraphrases folded ("stepped down" → "resigned")."""
    lex = lexicon()
    folded = lex.phrases.sub(lambda m: lex.phrase_map[m.group()], text.lower().replace("’", "'"))
    return tuple(_WORD.findall(folded))


def key_terms(text: str) -> tuple[str, ...]:
    """Content-word stems and adjacent stem pairs, synonyms and paraphrases folded, in text order;
    then the kinds of event the words name ("quit" → "@resign") and the initialisms of names."""
    lex = lexicon()
    # "" (a stop word) keeps "Kyiv and Chernihiv" from forming a pair.
    stems = list(map(_TERMS.__getitem__, _numbers(_folded_words(text))))
    terms = list(filter(None, stems))
    kinds = dict.fromkeys(chain.from_iterable(filter(None, map(lex.classes.get, terms))))
    terms += [f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False) if a and b]
    return (*terms, *kinds, *_initialisms(text))


def word_terms(text: str) -> tuple[str, ...]:
    """The terms of `key_terms(text)` that are words of `text`: stems and initialisms, no pairs or kinds."""
    return (*filter(None, map(_TERMS.__getitem__, _numbers(_folded_words(text)))), *_initialisms(text))


def _numbers(words: Sequence[str]) -> Sequence[str]:
    """Numbers in words multiplied out: "two hundred" (synonyms of "2" and "100") is "200", as
    written in digits by another outlet."""
    lex = lexicon()
    synonyms = lex.synonyms
    if lex.scales.isdisjoint(words):  # most texts: nothing to do
        return words
    out: list[str] = []
    for word in words:
        number = synonyms.get(word, word)
        before = synonyms.get(out[-1], out[-1]) if out else ""
        if number in lex.scale_numbers and before.isdigit():
            out[-1] = str(int(before) * int(number))
        else:
            out.append(word)
    return out


@lru_cache(maxsize=4096)  # key_terms and names ask for the same text
def _initialisms(text: str) -> tuple[str, ...]:
    """ "European Central Bank" → "ecb", "Bank of Ardenia" → "ba" and "boa": a name meets its abbreviation."""
    runs = lexicon().name_run.findall(text)
    return tuple(chain.from_iterable(map(_NAME_INITIALISMS.__getitem__, runs)))


def _name_initialisms(found: str) -> tuple[str, ...]:
    """The initialisms of one run of capitalised words (`_initialisms`)."""
    lex = lexicon()
    stop, links = lex.stopwords, lex.name_links
    out: list[str] = []
    run: list[str] = []  # initials, links in lower case
    for word in [*found.split(), ""]:
        if word[:1].isupper() and word.lower() not in stop and not word.isupper():
            run.append(word[0].lower())
            continue
        if run and word in links:
            run.append(word)
            continue
        while run and run[-1] in links:
            run.pop()
        if sum(len(r) == 1 for r in run) >= 2:
            out.append("".join(r for r in run if len(r) == 1))
            if len(run) > len(out[-1]):
                out.append("".join(r[0] for r in run))
        run = []
    return tuple(out)


_NAME_INITIALISMS = _Memo(_name_initialisms)  # a name recurs in an article and across articles


@lru_cache(maxsize=4096)  # a sentence's summary and its merge features both ask
def speaker_span(text: str) -> tuple[int, int] | None:
    """Where `text` says who said it ("Peskov said on Monday that", "…,” said Kirby"), if it does."""
    reporting = lexicon().reporting
    if not reporting.holds_word(text):  # most texts: no verb, nothing to mask (masking keeps the verbs)
        return None
    quotes = '"' in text or "“" in text
    bare = QUOTED.sub(lambda m: "_" * len(m.group()), text) if quotes else text
    masked = unbroken(bare)
    verb = reporting.pattern.search(masked)
    if verb is None:
        return None
    head = masked[: verb.start()].rstrip()
    if not verb.group("verb") or not head or head.endswith(("_", ",_")):
        stop = _SPEAKER_END.search(masked, verb.end())
        return verb.start(), stop.start() if stop else len(text)
    # A relative clause or a description between the speaker and the verb tells who the speaker
    # is ("Tomas Brell, who leads the union, told the Post …"; "Ansel Roe, Lund's lawyer, said").
    # A quotation `QUOTED` leaves (``…'') after the sentence ends: what follows is no attribution.
    quote = _NEXT_QUOTE.search(masked, verb.end())
    rest = masked[verb.end() : quote.start() if quote else None].rstrip(" .!")
    named = head
    if head.endswith(","):
        clause = next((m for m in lexicon().relative.finditer(head) if m.end() == len(head) - 1), None)
        # (its commas, which `unbroken` may have read as an appositive's: "In a statement, Ansel Roe, …")
        before = clause.start() if clause else bare.rfind(",", 0, len(head) - 1)
        # … unless the speaker follows the verb ("rose, fell, and rose again, said the bank"): then
        # a name must come before it.
        if before > 0 and (clause or len(head[before:].split()) <= _APPOSITIVE_WORDS):
            opens = max(head.rfind(",", 0, before), head.rfind("_", 0, before)) + 1
            first = head[opens:before]
            if clause or not _trailing(rest) or names(first, initial=not head[:opens].strip(), speaking=True):
                named = head[:before]
    start = max(named.rfind(","), named.rfind("_")) + 1
    # A text that is a name and a relative clause, the verb's subject, to its end: the name spoke
    # ("Finance Minister Tobias Krell, who on Thursday described the rise as painful"). (With a main
    # clause after it, "Guo, who has announced she will retire, took the title", the name acts.)
    subject = next((m for m in lexicon().relative.finditer(head) if m.end() == len(head)), None)
    if subject is not None and subject.start() + 1 == start and "," not in masked[verb.end() :]:
        named = head[: subject.start()]
        if all(w[0].isupper() for w in named.split()) and names(named, speaking=True):
            start = 0
    # (A view's object and complement are what was said: "…, who described the rise as painful".)
    if start and len(head[:start].split()) >= _TRAILING_HEAD and not verb["view"] and _trailing(rest):
        return start, verb.end() + len(rest)  # "…, Peskov told France's LCI on Wednesday."
    return start, verb.end()


def present_saying(text: str) -> int | None:
    """Where lower-case `text` first has a reporting verb in the present tense ("says", "critics
    say"), not right after a word that takes its tense away ("declined to say", "would not deny")."""
    lex = lexicon()
    if not lex.present_saying.holds_word(text):  # most texts
        return None
    for verb in lex.present_saying.pattern.finditer(text):
        before = text[: verb.start()].rsplit(None, 1)[-1:]
        if not before or before[0] not in lex.tenseless:
            return verb.start()
    return None


def _trailing(rest: str) -> bool:
    """Whether what follows a reporting verb only completes the attribution ("told LCI on Monday"),
    descriptions of the speaker between commas included ("said Petra Lund, Halvik's chief executive")."""
    said, *described = rest.split(",")
    return (
        len(said.split()) <= _TRAILING_WORDS
        and not any(c in rest for c in ";:_")
        and not _SAID_CLAUSE.search(said)
        and (not described or bool(said.strip()) and all(map(_describes, described)))
    )


def _describes(phrase: str) -> bool:
    """Whether a phrase between commas after a speaker describes them ("Halvik's chief executive",
    "54", "who leads the union"), rather than going on with a clause ("adding that …", "but wages fell")."""
    lex = lexicon()
    words = phrase.lower().split()
    if not words or len(words) > _DESCRIPTION_WORDS:
        return False
    if words[0] in lex.relative_words:
        return True
    return words[0] not in lex.conjunction_words and not lex.verb.search(" ".join(words))


def attribution(text: str) -> tuple[str, str]:
    """(content, attribution): what a sentence reports apart from who said it.

    "Peskov said on Monday that Moscow would not attend" → ("Moscow would not attend", "Peskov said
    on Monday that"). Merging compares contents, so one spokesman's two statements stay apart and
    two outlets quoting different officials on one happening still meet.
    """
    span = speaker_span(text)
    if span is None:
        return text, ""
    content = text[: span[0]] + text[span[1] :]
    # Nothing left but who spoke ("…, said sorry to the town"): the verb was no attribution.
    return (content, text[span[0] : span[1]]) if has_content(content) else (text, "")


def acts(text: str) -> frozenset[str]:
    """The kinds of act the words of `text` name ("resigned" → "@resign"), not counting event nouns
    as written: "the protest" is more often the occasion ("said during the talks") than what is
    reported, while "residents protested" reports the act."""
    return frozenset(chain.from_iterable(map(_ACTS.__getitem__, _folded_words(text))))


def _word_acts(word: str) -> tuple[str, ...]:
    """The kinds of act one lower-case word names (`acts`)."""
    lex = lexicon()
    written = lex.synonyms.get(word, word)
    if written in lex.event_words or (written[-1] == "s" and written[:-1] in lex.event_words):
        return ()
    kinds = lex.classes.get(_TERMS[word])
    return tuple(k for k in kinds if k in lex.acts) if kinds else ()  # most words name no kind


_ACTS = _Memo(_word_acts)


def event_nouns(terms: tuple[str, ...]) -> tuple[str, ...]:
    """The terms that name an event: event nouns alone or with the word before them ("peace talk")."""
    nouns = lexicon().event_nouns
    return tuple(t for t in terms if t.rsplit(" ", 1)[-1] in nouns)


# A capitalised word: `\b[A-Z]…` with the boundary checked after the capital, so that the regex
# engine skips to capitals instead of trying every position (twice as fast).
_CAPITALISED = re.compile(r"[A-Z](?<!\w[A-Z])[A-Za-z'’-]*")


@lru_cache(maxsize=1 << 14)  # a sentence's names are asked by its mention and by who "he" is after it
def names(text: str, *, initial: bool = True, speaking: bool = False) -> tuple[str, ...]:
    """Stems of capitalised words: the names in `text`. When `text` begins a sentence (`initial`),
    its first word counts only if a capitalised word follows it ("Adel Morrow quit", not "Speaking
    to reporters"): a capital there may be only the sentence's. In an attribution (`speaking`) a
    word alone counts too when it is no common word ("Citylink said", not "Officials said")."""
    if not text:  # most mentions have no attribution
        return ()
    words = _CAPITALISED.findall(text)
    if not words:  # no capital after a non-word character: no run of them to abbreviate either
        return ()
    # A capitalised first word is the first of `words`: nothing before it starts a word.
    if initial and (first := _WORD.search(text)) and _CAPITALISED.match(text, first.start()):
        after = _WORD.search(text, first.end())
        named = (
            after is not None
            and after.start() == first.end() + 1
            and after.group()[0].isupper()
            and after.group().lower() not in lexicon().stopwords
        ) or (speaking and _frequencies().get(_NAMES[first.group()], 0.0) < COMMON_WORD)
        if not named:
            del words[0]
    found = filter(None, map(_NAMES.__getitem__, words))
    full = _initialisms(text)  # most texts name nothing of two capitalised words
    return tuple(dict.fromkeys([*found, *_part_initialisms(full)] if full else found))


def _name_term(word: str) -> str:
    """The term of a capitalised word; "" for a stop word, a title or role ("President", "Minister")
    or a date ("Nov")."""
    lowered = word.lower()
    return "" if lowered in lexicon().stopwords or lowered in common_capitals() else _TERMS[lowered]


_NAMES = _Memo(_name_term)


@lru_cache(maxsize=4096)  # a name recurs in an article and across articles
def _part_initialisms(initialisms: tuple[str, ...]) -> tuple[str, ...]:
    """The `initialisms` of a text's names and those of their first and last words: "Prime Minister
    Adel Morrow" gives "pmam" and "am" too, so it is not another name than "Adel Morrow" ("am")."""
    out: list[str] = []
    for full in initialisms:
        out += [full[:k] for k in range(2, len(full))] + [full[k:] for k in range(len(full) - 1)]
    return tuple(out)
