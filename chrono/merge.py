"""One event per real-world happening: mentions from several articles merged, explainably.

Candidates are blocked by date and shared telling word (`chrono.candidates`): only mentions whose
date windows meet and that share a word are compared (near-linear in the number of mentions), by
sparse matrix products rather than Python loops. Similarity is the cosine of vectors over
content-word stems, stem pairs and kinds of event ("quit" and "stepped down" both add "@resign",
so paraphrases meet), each weighed by how rare it is in general English (`summary.specificity`:
names and rare words tell most). The weights come from a fixed word list, never from the input,
so a mention's vector and a pair's score depend on those mentions alone: adding an article
changes no other pair. One participant doing one kind of act on one day (or a plan dated to a
month and a day inside it) adds a bonus (`summary.acts`); with no name on one side, two reports
of one day must share more than the act's words, or the act be most of what one tells. Two that
name kinds of act of no common family and share nothing else but who acted and when are two acts,
and two that share nothing but their dates' words are two events, as are an act and its undoing
("Rationing began" / "rationing was called off", `opposite_acts`) or an offer and its answer
("made a second offer" / "agreed the 12 million mark fee"), and a sentence dated by
context that says its people "also" did what it tells, naming no kind of act, is no act a report
shares only those people with. A sentence dated by context and
a report dated outright must share a name or more than one word unless one speaker tells both;
two that count one thing differently ("11 missing" / "seven missing") are two reports unless told
of one day; two that name one kind of thing by two names, one of them a sentence's opening capital
("Halmby airport was shut" / "Torvik airport, which closed"), are named apart. Two dated a day
or two apart (or guessed to two days) that share no kind of act and nothing but one participant
are two of its acts, not one the outlets date differently, as are two dated outright that share
one participant and the thing it acted on when one names a kind of act the other does not tell
(and two that each name a kind of act the other lacks get no bonus for the kind they share), as are
a plan and a report of another day that name no kind of act both nor the plan's act's words; a
sentence dated by context never meets a day another report dates outright after its article was
published, nor, when it opens with who said it, a report dated outright that tells no one's statement
(the speaker's words are about the act, not the act); a plan a speaker told before the day is not that
speaker's words of the day; two dated outright to days next to each other may meet on what they tell
besides their dates' words. Two mentions dated coarser than a day must share words besides their
dates' ("in 2003" is in every background sentence of that year), and besides a kind of act's when
their sentences name different places or people ("January 21 polls" in Serbia / "next month's polls"
in Bangladesh) or, a day and a span, each name a kind of act of no family the other names, and two
dated to spans that each give a figure the other lacks are two statistics ("1.6 percent in the third
quarter" / "6.8 percent"). The vectors live in one sparse matrix; pairs
the cosine leaves hopeless are dropped as they are found, and only the few hopeful ones are
scored in Python. Clustering is greedy, explicitly dated pairs first (an article's slot in an
event goes to its dated report before a sentence dated by context), then best pair first, average
link, and never puts two mentions of one article into one event but an article's lead and its
restatement a sentence or two later ("X resigned on Monday ... X's resignation, ..."), or a
mention that pairs with another article's mention in the event of its article's other mention of
that day, the two telling one kind of act and neither another happening ("The Marra Star ferry
has run aground" / "The coastguard says it struck rocks at about 6.40pm"): after the other
pairs, two events of one day that hold those join. Last, a mention of an undated
article that no text dates joins the dated event it matches best by content alone (a shared name
or speaker, or nearly all its words; no figure the other lacks on both sides), never tying two
dated events; the event takes its date from its dated mentions and the undated one stays undated.
One whose own expression gives a day and month (or a month) without a year ("on 4 January") meets
a mention dated to them as two reports of one date do, never one dated to another day, and takes
the year of the event it joins.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Container, Iterable, Iterator, Sequence, Set
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from itertools import chain, combinations, repeat
from operator import mul, truediv
from typing import TypedDict, TypeVar

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]
from scipy.sparse.csgraph import connected_components  # type: ignore[import-untyped]

from chrono.candidates import (
    MAX_BLOCK,
    Counted,
    Counts,
    Filings,
    Keep,
    Pairs,
    Parked,
    Parking,
    Vectors,
    blocked_pairs,
    cosines,
    date_columns,
    vector_matrix,
    weighed_matrix,
    word_pairs,
)
from chrono.dates import days, sort_key
from chrono.entities import common_capitals
from chrono.events import EventMention, TimexRef, named_statement, shared_set
from chrono.models import Event, Mention, MentionTimex
from chrono.parallel import fork_map
from chrono.spool import strings, text
from chrono.summary import (
    COMMON_WORD,
    SENTENCE_WORDS,
    event_nouns,
    lexicon,
    names,
    speaker_span,
    specificity,
    word_terms,
)
from chrono.temporal import tag

PAIR_WEIGHT = 0.7  # a pair of words tells more than either, but paraphrase rarely keeps it
KIND_WEIGHT = 1.5  # a kind is common (many words name it), yet sharing one is what ties paraphrases
NOMINAL_PAIR_BONUS = 0.15
NOMINAL_BONUS = 0.05
ACT_BONUS = 0.2  # one participant, one kind of act, one day ("Morrow resigned" / "Morrow quit")
# Of a report's weight: the act is most of what it tells ("Burglars took the works on Thursday night").
ACT_SHARE = 0.4
# One speaker, one day: outlets at one briefing report the same statement in other words ("said the
# town could no longer afford repairs" / "told the Bugle the sums didn't add up").
SPEAKER_BONUS = 0.15
# A plan and the report that it was done, dated to one day ("Salvage crews plan to refloat the
# ship on Friday" / "The grounded ferry was refloated on Friday morning"): see `_planned_done`.
PLAN_BONUS = 0.1
# ... when they share a word this rare for what was done ("refloat", "bypass"): a kind ("@meet",
# "@election") or a common word ("talks", "close") alone is shared by a story's other plans and
# reports (a kind with a word besides its own may do, where no name differs: see `_planned_done`).
PLAN_WORD = 8.0
# ... and when the report is news, published at most this many days after the day: weeks later, a
# word of the plan is background ("deaths during an Israeli artillery bombardment" on November 15).
REPORTED_WITHIN = 2
QUOTE_BONUS = 0.05  # per quoted word both share
QUOTE_BONUS_MAX = 0.15
NAME_MISMATCH = 0.45  # similarity factor when names differ on both sides
# Specificity of a word no common word reaches (`summary.COMMON_WORD`): a name, when capitalised.
NAME_WORD = -math.log(SENTENCE_WORDS * COMMON_WORD)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# A clause after a comma, by its first word past a span ("a day after", "two days after").
_ANCHORED = re.compile(r",\s+(?:(?:an?|one|two|three|few|several|\d+)\s+[a-z]+\s+)?([a-z]+)")
ALONE = "same day, alone in both stories"
AGREED = "undated, its day and month agree"
CROSS_RELATIONS = frozenset({AGREED, "undated, matched by content"})  # a dated mention and an undated one
# Rules of a day and month, or a month, written without a year: what an undated text's own
# expression keeps of its date (`_yearless`).
YEARLESS_RULES = frozenset({"date.day_month", "date.month_day", "date.month"})
# Any anchor gives such an expression its month and day; a leap year keeps 29 February.
YEARLESS_ANCHOR = dt.date(2000, 7, 1)
# Minimum similarity to merge, by how the two dates relate.
THRESHOLDS = {
    "same date": 0.28,
    "planned, then reported done": 0.28,  # a same date whose one side was still ahead (`_planned_done`)
    "nested dates": 0.4,
    "dated by context": 0.45,
    "conflicting dates": 0.5,
    "undated, near-identical": 0.7,
    # An undated mention and a dated one: above any pair of dates, since no date confirms them
    # (one story's other events share its names and some words: "Police arrested a man over the
    # theft of three paintings from the Halvard Museum" / "Thieves stole three paintings from ...").
    "undated, matched by content": 0.7,
    # An undated mention whose own day and month without a year ("on 4 January") are the dated one's.
    AGREED: 0.28,
    # Each article's one report of a day, the two articles one story (`_lone_day_pairs`).
    ALONE: 0.28,
}
# Words (a kind of event counting as one) an undated mention shares at least with a dated one that
# names nothing it names: two short sentences share two by chance ("No trains ran" / "Trains ran again").
UNDATED_COPY_WORDS = 3
# Candidate pairs scored per task: small enough that the last tasks leave no worker idle for long.
SCORE_CHUNK = 5_000
PARALLEL_PAIRS = 50_000  # below this, scoring in this process beats forking workers
CONTEXT_SLACK = 1  # days a context-inferred date may be off
MONTH_DAYS = 31  # the longest span a plan may be dated to and still meet a day inside it
CONFLICT_SLACK = 2  # days apart two outlets may disagree and still report one event
UNBOUNDED = 1 << 40  # the last day of an undated mention's window: any date may hold it
# Cosine without the terms of the dates' words that two mentions dated coarser than a day must
# reach: a year is a rare word that every background sentence of that year shares ("Italy sent
# troops to Iraq in 2003" / "Although officially retired since 2003"), one word besides it is
# enough ("Rovers last won the league in 1987" / "The club's last league title came in 1987").
CONTENT_MIN = 0.15
# Two articles are one story when the rare names they share (`stories`) weigh this many names
# that no common word reaches (`_story_weight`): two no dictionary knows ("Halcyra", "Vessany") or
# three rare ones, not one town alone ...
STORY_NAMES = 2.5
# ... and are this share of the names of both (a cosine): a digest of several stories shares one
# story's names with an article of it, and no more ("Mount Skarn" / "Greenhand Relief" workers).
STORY_SHARE = 0.35
LINK_SHARE = 0.8  # two clusters merge when their average similarity reaches this share of the threshold
# An article's lead: its first sentences (a headline or dateline may come first) ...
LEAD_SENTENCES = 2
# ... restated at most this many sentences later ("Councillors voted 17 to 9 for the closure").
RESTATED_WITHIN = 2

Vector = dict[str, float]
T = TypeVar("T")


# One empty set for every item with none: each `frozenset()` is a new object of 216 bytes.
_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Item:
    mention: EventMention
    first: int  # first and last day of its date (ordinals)
    last: int
    lo: int  # first and last day it may fall on, slack included
    hi: int
    nouns: frozenset[str] = _NONE  # terms that name an event ("peace talk")
    acts: frozenset[str] = _NONE  # kinds of act ("@resign")
    # ... those a later clause of its sentence tells in words it holds too (`_later_acts`)
    later: frozenset[str] = _NONE


@dataclass(frozen=True, slots=True)
class MentionRecord:
    """A mention as its event keeps it: what `Mention` holds, in a fifth of the memory. A big
    corpus' events are all held until sorted; the contract's models are made from these one at a
    time as they are written (`EventRecord.model`)."""

    article: str
    text: str
    start: int
    end: int
    date: str | None
    timex: TimexRef | None
    future: bool
    explanation: str

    def __reduce__(self) -> tuple[type[MentionRecord], tuple[object, ...]]:
        return MentionRecord, tuple(getattr(self, name) for name in self.__slots__)  # as TimexRef's

    def model(self) -> Mention:
        t = self.timex
        return Mention(
            article=self.article,
            text=self.text,
            start=self.start,
            end=self.end,
            date=self.date,
            timex=None if t is None else MentionTimex(text=t.text, value=t.value, start=t.start, end=t.end),
            future=self.future,
            explanation=self.explanation,
        )

    def dump(self) -> dict[str, object]:
        """`self.model().model_dump(mode="json")` without making the models, which took most of the
        time of writing the JSON (tests compare the two on generated and real records, keys, order
        and types included). The models' checks (date patterns, offsets >= 0) do not run here;
        `chrono check` runs them on the file."""
        t = self.timex
        timex = None if t is None else {"text": t.text, "value": t.value, "start": t.start, "end": t.end}
        return {
            "article": self.article,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "date": self.date,
            "timex": timex,
            "explanation": self.explanation,
            "future": self.future,
        }


@dataclass(frozen=True, slots=True)
class EventRecord:
    """An event as the merge makes it (see `MentionRecord`); `model` gives the contract's `Event`."""

    id: str
    date: str | None
    date_end: str | None
    summary: str
    future: bool
    conflict: bool
    mentions: tuple[MentionRecord, ...]
    merge_reasons: tuple[str, ...]

    def __reduce__(self) -> tuple[type[EventRecord], tuple[object, ...]]:
        return EventRecord, tuple(getattr(self, name) for name in self.__slots__)

    def model(self) -> Event:
        return Event(
            id=self.id,
            date=self.date,
            date_end=self.date_end,
            summary=self.summary,
            future=self.future,
            conflict=self.conflict,
            mentions=[m.model() for m in self.mentions],
            merge_reasons=list(self.merge_reasons),
        )

    def dump(self) -> dict[str, object]:
        """`self.model().model_dump(mode="json")` without the models (see `MentionRecord.dump`):
        `ExtractResult.json_parts` writes the events from these."""
        return {
            "id": self.id,
            "date": self.date,
            "date_end": self.date_end,
            "summary": self.summary,
            "future": self.future,
            "conflict": self.conflict,
            "mentions": [m.dump() for m in self.mentions],
            "edits": [],  # an editor's overrides make models from the start (`ExtractResult`)
            "merge_reasons": list(self.merge_reasons),
        }


def _order_key(m: EventMention) -> tuple[str, str, int, int]:
    """Earliest publication first, undated articles last; then position in the article."""
    return (m.published or "9999", m.article, m.start, m.part)


def _vector(m: EventMention) -> Vector:
    """The mention's unit vector (`_unit_vector`), shared: its taker must not change it."""
    return _shared_vector(m.terms)


def _unit_vector(terms: tuple[str, ...]) -> Vector:
    """A mention's unit vector: its `_weights` divided by their norm."""
    vec = _weights(terms)
    norm = _norm(vec) or 1.0
    return dict(zip(vec, map(truediv, vec.values(), repeat(norm)), strict=True))


def _weights(terms: tuple[str, ...]) -> Vector:
    """Term counts (dampened: `_counted`) weighed by general-English specificity, so a mention's
    vector depends on the mention alone, never on what else is merged with it."""
    keys, factors = _counted(terms)
    weights = map(_weight, keys)
    return dict(zip(keys, weights if factors is None else map(mul, factors, weights), strict=True))


def _counted(terms: tuple[str, ...]) -> Counted:
    """A mention's terms, each once, and the factor that dampens a repeated one's weight (None:
    each once, as in most mentions)."""
    if len(set(terms)) == len(terms):
        return terms, None
    counts = Counter(terms)
    return tuple(counts), list(map(_damped, counts.values()))


def _damped(count: int) -> float:
    """The factor of the weight of a term a mention repeats `count` times."""
    return 1 + math.log(count) if count > 1 else 1.0


def _norm(vector: Vector) -> float:
    return math.sqrt(sum(map(mul, vector.values(), vector.values())))


def _add(total: Vector, vector: Vector) -> None:
    """Add `vector` into `total`, term by term in its order (sums in one order round alike)."""
    for t, w in vector.items():
        total[t] = total.get(t, 0.0) + w


# Scoring asks for the vectors of the pairs' mentions, and a mention is in many pairs in a row.
_shared_vector = lru_cache(maxsize=1 << 12)(_unit_vector)


# A corpus repeats its words: one lookup instead of two calls per term and mention. Bounded: pairs
# of words are mostly unique, and an unbounded cache would keep every one alive after its mention.
@lru_cache(maxsize=1 << 18)
def _weight(term: str) -> float:
    """A term's specificity, times the weight of its form: a pair of words, a kind of event or one word."""
    return specificity(term) * (PAIR_WEIGHT if " " in term else KIND_WEIGHT if term[0] == "@" else 1.0)


def _cosine(a: Vector, b: Vector) -> float:
    # Key views intersect in C; the few shared terms are summed in a stable (sorted) order.
    shared = sorted(a.keys() & b.keys())
    return sum(map(mul, map(a.__getitem__, shared), map(b.__getitem__, shared)))


def _relation(a: _Item, b: _Item) -> str | None:
    """How two mention dates relate; None when they cannot be one event."""
    if a.mention.inferred or b.mention.inferred:
        overlap = a.first - CONTEXT_SLACK <= b.last and b.first - CONTEXT_SLACK <= a.last
        # The slack is for a guess of the day, not for a day another report dates outright after
        # the guess's article was published ("Rovers striker Jonas Feld was carried off with a
        # knee injury" / "Scans on Thursday confirmed that ... Feld ... has torn a ligament").
        later = (b.mention.timex is not None and _reported_before(a, b)) or (
            a.mention.timex is not None and _reported_before(b, a)
        )
        if not overlap or later:
            return None
        return "dated by context"
    if a.mention.date == b.mention.date or (a.first == a.last == b.first == b.last):
        return "same date"
    if (a.first <= b.first and b.last <= a.last) or (b.first <= a.first and a.last <= b.last):
        return "nested dates"
    gap = max(a.first, b.first) - min(a.last, b.last)
    if gap > CONFLICT_SLACK or _reported_before(a, b) or _reported_before(b, a):
        return None
    return "conflicting dates"


def _reported_before(a: _Item, b: _Item) -> bool:
    """Whether `a` reports as done, in an article published before `b`'s date, what `b` dates
    later: then they are two happenings ("agreed a fee" on Sunday, "signed" on Tuesday), not
    one that two outlets date differently. Unless `b`'s article is undated: a recap (a digest,
    a factbox) dates what it retells after the fact, with no day of its own to check the date
    against, and one a day or two after another's report is that act misdated as often as not
    ("Brightvale Nutrition recalled three batches of the formula on October 6, 2026" / a release
    of 5 October: "Brightvale Nutrition today announced the voluntary recall of three batches")."""
    m = a.mention
    dated = m.published is not None and b.mention.published is not None
    return not m.future and dated and _ordinals(m.published)[0] < b.first


def _name_penalty(a: EventMention, b: EventMention) -> float:
    """Lower similarity when the names differ: "struck Kharkiv" vs "struck Odesa", or the same
    words said by two different people. Names differ when neither side mentions any name of the
    other (as a name, a speaker or a word): one report adding a place or a title ("near Pellby" /
    "on the Westmarch coast", both of Storm Imke) adds detail, it does not contradict."""
    penalty = 1.0
    if _names_differ(a, b):
        penalty *= NAME_MISMATCH
    if a.speakers and b.speakers and not set(a.speakers) & set(b.speakers):
        penalty *= NAME_MISMATCH
    return penalty


def _names_differ(a: EventMention, b: EventMention) -> bool:
    """Whether each names someone or somewhere the other does not mention (`_name_penalty`)."""
    return bool(a.names and b.names) and _unmentioned(a, b) and _unmentioned(b, a)


def _opening_penalty(a: EventMention, b: EventMention) -> float:
    """The name penalty of two mentions named apart by what `names` leaves out (`_modified_apart`),
    their names otherwise not differing; asked last, of the few pairs that would merge."""
    return NAME_MISMATCH if not _names_differ(a, b) and _modified_apart(a, b) else 1.0


def _modified_apart(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions name one kind of thing by two names, each a word the other lacks,
    one of them the capital opening its sentence that `names` leaves out ("Halmby airport was
    shut" / "Torvik airport, which closed on Monday"). A name is a rare word (no common one:
    "Police station" / "Fire station") written with a capital."""
    ours, theirs = _modifiers(a), _modifiers(b)
    named = [(w, o) for head, words in ours.items() for w in words for o in theirs.get(head, ())]
    named = [(w, o) for w, o in named if w not in b.terms and o not in a.terms]
    if not named:
        return False
    first, second = _opening(a), _opening(b)
    return any((w == first or o == second) and _capitalised(a, w) and _capitalised(b, o) for w, o in named)


def _modifiers(m: EventMention) -> dict[str, list[str]]:
    """The rare words of `m` (no numbers: "Thirty-four miners" / "34 miners") before another
    word, by that word (`_modified_apart`)."""
    out: dict[str, list[str]] = {}
    for t in m.terms:
        first, space, head = t.partition(" ")
        if space and first.isalpha() and specificity(first) >= NAME_WORD:
            out.setdefault(head, []).append(first)
    return out


def _opening(m: EventMention) -> str:
    """The term of the first word of the mention when `names` leaves it out; else ""."""
    found = _WORD.search(text(m))
    term = word_terms(found.group())[:1] if found else ()
    return term[0] if term and term[0] not in m.names else ""


def _capitalised(m: EventMention, term: str) -> bool:
    """Whether a word of `term` is written with a capital in the mention."""
    return term in names(text(m), initial=False)


def _two_acts(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions tell two acts, so cannot merge: each names a kind of act in its own
    words, they share none and no family of kinds (`act_families`), and nothing else but who
    acted and when (names, titles, their dates' words): "Rice met Nogaideli on Monday" / "Rice
    called on Russia on Monday", "Pope John Paul II appointed two scientists on Friday" /
    "arrived in Prague Friday". A rare name shared scores such pairs high, however short the
    sentences; one more word shared ("will vote on the bill" / "approved the bill") or kinds of
    one family ("four explosions" / "200 people were killed") tell one happening as often."""
    return _own_kinds_apart(a, b) and _who_only(a, b)


def _kinds_apart(a: EventMention, b: EventMention) -> bool:
    """Whether the kinds of act in two mentions' terms are none of them shared, nor of one family
    (`act_families`)."""
    lex = lexicon()
    ours, theirs = (frozenset(t for t in m.terms if t in lex.acts) for m in (a, b))
    return ours.isdisjoint(theirs) and not _one_family(ours, theirs)


def _one_family(ours: Set[str], theirs: Set[str]) -> bool:
    """Whether a family of kinds of act (`act_families`) holds a kind of each side."""
    return any(ours & family and theirs & family for family in lexicon().act_families)


def _own_kinds_apart(a: EventMention, b: EventMention) -> bool:
    """Whether each of two mentions names a kind of act in its own words and they share no kind nor
    a family of kinds (`_kinds_apart`)."""
    return _kinds_apart(a, b) and _told_kinds(a) and _told_kinds(b)


def _untold_act(a: EventMention, b: EventMention) -> bool:
    """Whether `a`, a sentence dated by context that says it adds an act ("also"), names no kind
    of act and shares nothing but who acted (names, titles) with `b`, a report dated outright
    that names one: `a` tells another act of the same people, on the day its article gives the
    act `b` reports ("Judge Priya Landes also ordered Platt to pay the city's legal costs" /
    "last week Judge Priya Landes dismissed his petition"). Without "also" it is as often that
    act in other words ("Chirac and ... representatives of all 53 African states ... have
    gathered in the Malian capital" / "Chirac opened a two-day summit here on Saturday"); one
    speaker's words tell what they are about in their own ("Now it is up to Pellow," Sorvik said)."""
    if not a.inferred or b.inferred or _told_kinds(a) or not _told_kinds(b):
        return False
    if lexicon().additive.isdisjoint(re.findall(r"[a-z]+", text(a).lower())):
        return False
    return set(a.speakers).isdisjoint(b.speakers) and _who_only(a, b)


def _said_apart(a: _Item, b: _Item) -> bool:
    """Whether `a`, a statement that opens with who said it ("Ilse Marrow, who is leading the rescue,
    said the divers had taken 'a calculated risk' in bringing the first pair through the flooded
    sump"), and `b` are two events: `b` is a plan a speaker of `a` told before `a`'s day ("Ilse
    Marrow says divers hope to bring the first two out ... tomorrow morning", the day before), so
    another of the speaker's statements; or `a` is dated by context (to the day it was said) and
    `b`, dated outright, tells no one's statement: the speaker's words are about the act `b`
    reports ("Two of the party were brought out through the flooded sump on 12 May 2026"), not
    the act. A source a sentence ends on tells the act ("households were left without electricity,
    according to Vestra"), and `b` may tell the statement ("according to a statement the hospital
    released on Monday")."""
    ours, theirs = a.mention, b.mention
    if ours.future or not named_statement(ours, text(ours)):
        return False
    if ours.inferred and not theirs.inferred and speaker_span(text(theirs)) is None:
        return True
    told_before = theirs.published is not None and _ordinals(theirs.published)[0] < a.first
    return theirs.future and told_before and not set(ours.speakers).isdisjoint(theirs.speakers)


def _opposite_acts(a: EventMention, b: EventMention) -> bool:
    """Whether one mention tells an act and not its undoing and the other its undoing and not the
    act (`opposite_acts`): "Rationing began on Monday night" / "rationing was called off last week"
    are two events, however much else they share; or one tells a proposal and no act of its own
    and the other an answer to it, not the proposal (`answered_acts`): "Port Ardent FC on Friday
    made a second offer" / "Kellin agreed the 12 million mark fee late on Friday night". What a
    clause an anchoring subordinator opens tells is the time of the act, not the act ("Trading
    resumed in mid-afternoon, after a shutdown of more than four hours" resumes: it is not
    "Yesterday's outage closed the market")."""
    told = [_told_acts(m) for m in (a, b)]
    lex = lexicon()
    for first, second in lex.opposite_acts:
        ours, theirs = (bool(words & first) - bool(words & second) for words in told)
        if ours and -theirs == ours:
            return True
    # A proposal and its answer (`answered_acts`): the proposal is all its side tells.
    for first, second in lex.answered_acts:
        for m, proposal, answer in ((a, told[0], told[1]), (b, told[1], told[0])):
            proposed = not proposal.isdisjoint(first) and not _own_kinds(m)
            if proposed and not answer.isdisjoint(second) and answer.isdisjoint(first):
                return True
    return False


def _told_acts(m: EventMention) -> set[str]:
    """The words and kinds of act (`_own_kinds`) of the mention before a clause that a comma and
    an anchoring subordinator open (", after a shutdown"; not "closed before dawn") (`_opposite_acts`)."""
    words, kept = _told_words(m)
    return {*words, *_kinds_told(m, kept)}


def _told_words(m: EventMention) -> tuple[list[str], set[str]]:
    """The words of the mention before a clause that a comma and an anchoring subordinator open
    (", a day after one of them made an emergency landing"), and their terms: that clause dates
    the act by another, it tells no part of it."""
    told = text(m).lower()
    anchoring = lexicon().anchoring
    cut = next((f.start() for f in _ANCHORED.finditer(told) if f.group(1) in anchoring), None)
    words = re.findall(r"[a-z]+", told[:cut])
    return words, set(word_terms(" ".join(words))) if cut is not None else set(m.terms)


def _dates_only(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions share nothing but the words of their dates: no name, no kind, no other
    word ("Heavy artillery shooting will take place on Nov. 15" / "announced the price hikes from
    Nov. 15", "She died on Nov. 22"). A date's number is a rare word, so it alone scores them high."""
    shared = set(a.terms) & set(b.terms)
    return all(t[0] != "@" for t in shared) and not _beyond(shared, _date_words(a, b))


def _who_only(a: EventMention, b: EventMention, shared: set[str] | None = None) -> bool:
    """Whether two mentions share no word (of `shared`, by default all their terms share) but who
    took part (names, speakers, titles) and their dates' words, kinds of act aside."""
    told = {*a.names, *b.names, *a.speakers, *b.speakers, *_titles(), *_date_words(a, b)}
    return not _beyond(set(a.terms) & set(b.terms) if shared is None else shared, told)


def _false_conflict(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions dated a day or two apart share no kind of act and nothing but one
    participant (`_who_only`, `_participants`): two outlets that date one act differently name
    the act both ("resigned on Monday" / "quit on Tuesday") or who did what to whom ("Luis Abeyta
    joined Corran Rovers on Wednesday" / "signed for Corran Rovers on Thursday"); two acts of one
    participant a day or two apart share only its name ("Corvane informed the Data Protection
    Authority the following day" / "The Data Protection Authority opened an investigation a day
    later"), and told as one event they would tell a reader the outlets disagree on its date. What
    a clause that dates one by another act tells is no part of it (`_told_words`): "Skyvell Air
    grounded its four remaining Aerowind A-40 jets on Tuesday, a day after one of them made an
    emergency landing" shares only the jets with "Passengers and crew left the Aerowind A-40 down
    its emergency slides" the day before.
    Nor do two that share one participant and the thing acted on, when one names a kind of act
    the other does not tell (`_acts_apart`), nor a plan and a report of another day that name no
    kind of act both (`_plan_apart`)."""
    shared = set(a.terms) & set(b.terms)
    kind = any(t[0] == "@" for t in shared)
    if not kind and _plan_apart(a, b):
        return True
    if _participants(shared & {*a.names, *b.names, *a.speakers, *b.speakers}, shared) > 1:
        return False
    told = _told_words(a)[1] & _told_words(b)[1]
    return (not kind and _who_only(a, b, told)) or _acts_apart(a, b)


def _plan_apart(a: EventMention, b: EventMention) -> bool:
    """Whether one of two mentions dated outright to days apart, that name no kind of act both
    (`_false_conflict` asks), is a plan and the other a report that names none of the words the
    plan's act is told in (`_planned_words`): the plan's act is another step of the story the
    report's day saw ("Scientists from Vennmouth University say they will collect the stone from
    Tolley tomorrow" / "The stone ... was confirmed as a meteorite by Vennmouth University on
    Thursday"), not one act the outlets date differently ("The troops are expected to arrive in
    Durres two or three days later" / "Six hundred men ... were due arrive off the coast of ...
    Durres by Friday morning")."""
    if a.future == b.future or a.inferred or b.inferred:
        return False
    plan, report = (a, b) if a.future else (b, a)
    return _planned_words(plan).isdisjoint(report.terms)


def _planned_words(m: EventMention) -> set[str]:
    """The terms of the two words after each cue of what is ahead in the mention (`future_cues`):
    the act planned ("will collect", "is scheduled to visit", "will be presented")."""
    lowered = text(m).lower()
    after = (" ".join(re.findall(r"[a-z]+", lowered[f.end() :])[:2]) for f in lexicon().future.finditer(lowered))
    return {t for words in after for t in word_terms(words) if " " not in t}


def _acts_apart(a: EventMention, b: EventMention) -> bool:
    """Whether one of two mentions names a kind of act in its own words (`_own_kinds`) and they
    share no kind of act nor a family of kinds (`act_families`): dated apart and sharing one
    participant (`_false_conflict`), they tell two steps of one story, whatever thing both are
    about ("The cargo ship Hallan Spirit shed forty-six containers" on Monday night / "Shipping
    containers from the cargo ship Hallan Spirit began washing ashore" the next morning). Only of
    two dated outright, by no one speaker: a sentence dated by context may leave its act to the
    sentence before, and one speaker's words retold a day later name acts of what was said. A
    figure both give ties them whatever their words ("sold 40,000 tonnes of stored grain" /
    "released 40,000 tonnes of grain stocks", "released" a kind of act in another sense)."""
    if a.inferred or b.inferred or not set(a.speakers).isdisjoint(b.speakers):
        return False
    if not (_done_kinds(a) or _done_kinds(b)) or _told_figures(a) & _told_figures(b):
        return False
    return _kinds_apart(a, b)


def _done_kinds(m: EventMention) -> set[str]:
    """The kinds of act (`_own_kinds`) the mention names by a word no purpose word comes right
    before (`purpose_words`): "the Environment Agency licensed marksmen to shoot one wolf" tells a
    licence, the shooting only its purpose, so it is "The Environment Agency granted the licence"
    the day before, not another step of the story (`_acts_apart`)."""
    words = re.findall(r"[a-z]+", text(m).lower())
    purpose = lexicon().purpose
    done = (w for w, before in zip(words, ["", *words], strict=False) if before not in purpose)
    return _kinds_told(m, set(word_terms(" ".join(done))))


def _kinds_told(m: EventMention, terms: set[str]) -> set[str]:
    """The kinds of act (`_own_kinds`) of the mention that a word of `terms` names."""
    members = lexicon().members
    return {k for k in _own_kinds(m) if not terms.isdisjoint(members[k])}


def _participants(names: set[str], shared: set[str]) -> int:
    """How many participants the shared name terms are: words a shared pair of words joins are
    one name ("data protect", "protect authority"), and a name's initials ("dpa") are that name."""
    group = {w: frozenset([w]) for w in names}
    for pair in shared:
        first, _, second = pair.partition(" ")
        if first in group and second in group:
            joined = group[first] | group[second]
            group.update(dict.fromkeys(joined, joined))
    named = set(group.values())
    initials = [{w[0] for w in g} for g in named if len(g) > 1]
    return sum(1 for g in named if len(g) > 1 or not any(set(min(g)) <= i for i in initials))


def _beyond(shared: set[str], told: set[str]) -> bool:
    """Whether a shared term other than a kind ("@resign") has a word outside `told`."""
    return any(t[0] != "@" and not told.issuperset(t.split(" ")) for t in shared)


def _told_kinds(m: EventMention) -> bool:
    """Whether a word of the mention besides its names names a kind of act ("the People's
    Liberation Army invaded Tibet" names none)."""
    return bool(_own_kinds(m))


def _own_kinds(m: EventMention) -> set[str]:
    """The kinds of act that words of the mention besides its names name (`_told_kinds`)."""
    lex = lexicon()
    words = set(m.terms).difference(m.names)
    return {t for t in m.terms if t in lex.acts and not words.isdisjoint(lex.members[t])}


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """The terms of titles and roles ("president", "secretary"): who acted, not what was done."""
    return frozenset(t for w in common_capitals() for t in word_terms(w))


def _unmentioned(a: EventMention, b: EventMention) -> bool:
    """Whether `b` mentions none of the names of `a`."""
    return {*b.names, *b.speakers, *b.terms}.isdisjoint(a.names)


def _nominal_bonus(a: _Item, b: _Item) -> float:
    """Same day, same named event ("the peace talks … on Tuesday"): a pair of words counts most."""
    shared = a.nouns & b.nouns
    if any(" " in t for t in shared):
        return NOMINAL_PAIR_BONUS
    return NOMINAL_BONUS if shared else 0.0


def _same_act(a: _Item, b: _Item) -> bool:
    """One kind of act ("@resign") by one participant: a name shared (in the content or as the
    speaker), or none given on one side ("Lind apologised" / "the firm's boss said sorry"); a
    speaker is one given ("Berg said she would step down once the deal closes" / "Shareholders
    will vote on the deal in Harlow" are two participants' acts). With
    none given, two reports dated outright to one day must also tell the act by more than its
    kind (`_act_evidence`); a plan dated to a month meets a day inside it by the act alone, and so
    does a sentence dated by context, whose threshold asks more already."""
    if not a.acts & b.acts:
        return False
    ours, theirs = a.mention, b.mention
    if (ours.names or ours.speakers) and (theirs.names or theirs.speakers):
        return _share_participant(ours, theirs)
    if ours.inferred or theirs.inferred or _day_in_month(a, b) or _day_in_month(b, a):
        return True
    return _act_evidence(ours, theirs)


def _share_participant(a: EventMention, b: EventMention) -> bool:
    """Whether a name or speaker of one is a name or speaker of the other."""
    return not {*a.names, *a.speakers}.isdisjoint((*b.names, *b.speakers))


def _act_evidence(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions of one kind of act share more than it: a name, a quoted word, or a
    word beyond the kinds' words and the words of their dates; or whether the act is most of what
    one of them tells ("Burglars took the works on Thursday night"). Sentences about much else
    that share only "killed" (or "met", "agreed") on one day tell of two happenings far more often
    than of one."""
    if not _kind_only(a, b):
        return True
    ours, theirs = _vector(a), _vector(b)
    both = ours.keys() & theirs.keys()
    return max(sum(ours[t] ** 2 for t in both), sum(theirs[t] ** 2 for t in both)) >= ACT_SHARE


def _kind_only(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions share nothing but kinds of act, the kinds' words and their dates'
    words: no name or speaker, no quoted word, no other word ("general elections" / "elections")."""
    if _share_participant(a, b) or not set(a.quoted).isdisjoint(b.quoted):
        return False
    shared = set(a.terms) & set(b.terms)
    members = lexicon().members
    told = {w for t in shared if t[0] == "@" for w in members.get(t, ())} | _date_words(a, b)
    return not _beyond(shared, told)


def _named_apart(a: EventMention, b: EventMention) -> bool:
    """Whether the two sentences each name someone or somewhere and share no name: who acted or
    where, which a mention's own clause often leaves to its sentence ("Tueni ... became an MP
    after elections in May")."""
    ours, theirs = (frozenset(names(text(m))) for m in (a, b))
    return bool(ours) and bool(theirs) and ours.isdisjoint(theirs)


def _date_words(a: EventMention, b: EventMention) -> set[str]:
    """The terms of the words that date the two ("2003", "third", "quarter")."""
    return set().union(*(word_terms(m.timex.text) for m in (a, b) if m.timex is not None))


def _content_cosine(a: EventMention, b: EventMention) -> float:
    """The cosine of the two vectors without the terms their dates' words make ("1997", "sinc
    2003", "third quarter"): a year is a rare word, so sharing it alone scores as much as a name,
    yet every background sentence of that year shares it ("invaded Iraq in 2003" / "retired
    since 2003")."""
    told = _date_words(a, b)
    ours, theirs = (_without(_vector(m), _terms_by_word(m.terms), told) for m in (a, b))
    norms = _norm(ours) * _norm(theirs)
    return _cosine(ours, theirs) / norms if norms else 0.0


# A clause an anchoring subordinator opens inside a sentence, to its next comma ("apologised to the
# homes left without water after Sunday's burst on Harbour Street").
_SUBORDINATE = r"(?<=\w)[ ,]+(?:{})\b([^,;:]*)"


@lru_cache(maxsize=1 << 12)
def _subordinate_terms(sentence: str) -> frozenset[str]:
    """The terms of the words of the clauses an anchoring subordinator opens in a sentence: each
    tells another act, that dates the sentence's own ("rose 4 per cent yesterday after the Tessin
    Mutual board turned down its rival offer")."""
    pattern = re.compile(_SUBORDINATE.format("|".join(sorted(lexicon().anchoring))), re.I)
    return frozenset(word_terms(" ".join(f.group(1) for f in pattern.finditer(sentence))))


def _dated_by_another(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions share nothing but who acted (`_who_only`) and no kind of act, and each
    dates its act by another that both name, in a clause an anchoring subordinator opens
    (`_subordinate_terms`): the story's words they share are that act's, their own acts two
    ("Brackwater Water today apologised ... after Sunday's burst on Harbour Street" / "Brackwater
    Water lifted its boil-water notice on Wednesday afternoon, days after a burst main under
    Harbour Street flooded the city centre"). A clause of one that names the other's act is as
    often the same happening told from its end ("were allowed back into their homes on Tuesday
    night after the evacuation order was lifted" / "is due to be lifted on Tuesday")."""
    if not a.acts.isdisjoint(b.acts) or not _who_only(a, b):
        return False
    return not _who_only(a, b, set(_subordinate_terms(text(a)) & _subordinate_terms(text(b))))


def _without(vector: Vector, by_word: dict[str, list[str]], words: set[str]) -> Vector:
    """`vector` without its terms that have any of `words` (`by_word` gives them): the vector itself
    when none has (most)."""
    dropped = {t for w in words for t in by_word.get(w, ())}
    return {t: w for t, w in vector.items() if t not in dropped} if dropped else vector


@lru_cache(maxsize=1 << 12)  # as `_shared_vector`: asked pair after pair of one mention
def _terms_by_word(terms: tuple[str, ...]) -> dict[str, list[str]]:
    """The terms (each once) that have each word: "third" → ["third", "third quarter"]."""
    out: dict[str, list[str]] = {}
    for t in dict.fromkeys(terms):
        for w in t.split(" "):
            out.setdefault(w, []).append(t)
    return out


def _tied(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions share a name or more than one word (a kind of event adds no word to
    the one naming it): more than the one subject word a sentence may share with any report."""
    if not set(a.names).isdisjoint(b.names):
        return True
    return len({t for t in set(a.terms) & set(b.terms) if " " not in t and t[0] != "@"}) > 1


_NUMBER_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?")


def _number(word: str) -> str | None:
    """The figure a word gives ("1,668.8" → "1668.8", "Seven" as the synonyms fold it → "7"), if any."""
    value = lexicon().synonyms.get(word.lower(), word).replace(",", "")
    return value if value.replace(".", "", 1).isdigit() else None


@lru_cache(maxsize=4096)
def _counts(text: str) -> dict[str, str]:
    """What a sentence counts, by the term of the word after each number: "11 people were still
    missing" → {"peopl": "11"}; numbers in words as the synonyms fold them ("Seven" → "7"). A name
    after a number is no thing counted ("May 12 (Corvane)": a dateline)."""
    words = _scaled(_NUMBER_WORD.findall(text))
    out: dict[str, str] = {}
    for number, word in zip(words, words[1:], strict=False):
        value = _number(number)
        if value is not None and word[0].islower():
            out.update(dict.fromkeys(word_terms(word)[:1], value))
    return out


def _counted_apart(a: EventMention, b: EventMention) -> bool:
    """Whether the two give one thing different counts ("11 people" / "seven people")."""
    ours, theirs = _counts(text(a)), _counts(text(b))
    return any(theirs.get(t, n) != n for t, n in ours.items())


@lru_cache(maxsize=4096)
def _figures(text: str) -> frozenset[str]:
    """The numbers a sentence gives ("1,668.8", "1500", "Three" as the synonyms fold it)."""
    return frozenset(v for v in map(_number, _scaled(_NUMBER_WORD.findall(text))) if v is not None)


def _scaled(words: list[str]) -> list[str]:
    """The words with numbers multiplied out ("twelve hundred" → "1200"), as `summary` does for
    terms: another outlet writes "1,200"."""
    lex = lexicon()
    if lex.scales.isdisjoint(w.lower() for w in words):  # most texts: nothing to do
        return words
    out: list[str] = []
    for word in words:
        before = _number(out[-1]) if out else None
        scale = lex.synonyms.get(word.lower())
        if scale in lex.scale_numbers and before is not None:
            out[-1] = format((Decimal(before) * int(scale)).normalize(), "f")
        else:
            out.append(word)
    return out


def _figures_apart(ours: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether each sentence gives a number (`_figures`) the other does not: a rewrite may drop a
    figure, but two that give different ones are two reports ("ended lower ... at 1,668.8 points"
    / "ended higher ... at 1,664.8 points", "polls close at 3 p.m." / "results within 24 hours")."""
    return not (ours <= theirs or theirs <= ours)


def _told_figures(m: EventMention) -> frozenset[str]:
    """The numbers a mention gives besides its date's ("four years ago" / "five years ago")."""
    figures = _figures(text(m))
    return figures - _figures(m.timex.text) if m.timex is not None else figures


def _quote_bonus(a: EventMention, b: EventMention) -> float:
    """Words quoted verbatim by both ("a “repositioning”, not a “real withdrawal”") tie the reports."""
    return min(QUOTE_BONUS_MAX, QUOTE_BONUS * len(set(a.quoted) & set(b.quoted)))


def _day_in_month(a: _Item, b: _Item) -> bool:
    """Whether `a` is one day within `b`, a planned act dated to a span of a month at most."""
    day, span = a.first == a.last, b.last - b.first < MONTH_DAYS
    return day and span and b.first <= a.first <= b.last and b.mention.future


def _plan_role(it: _Item) -> int:
    """1 if the mention is a plan dated outright to one day after its article was published; 2 if
    it is a report dated outright to one day, published then or up to REPORTED_WITHIN days after;
    else 0 (`_planned_done`)."""
    m = it.mention
    if m.timex is None or m.published is None or it.first != it.last:
        return 0
    after = _ordinals(m.published)[0] - it.first
    if m.future:
        return 1 if after < 0 else 0
    return 2 if 0 <= after <= REPORTED_WITHIN else 0


def _planned_done(a: _Item, b: _Item) -> bool:
    """Whether one is a plan and the other the news that it was done (`_plan_role`), both dated
    outright to one day, naming no participants that differ and sharing a rare word for what was
    done (PLAN_WORD; no name, figure or date's word): "Salvage crews plan to refloat the ship on
    Friday" / "The grounded ferry Marisol Star was refloated off Kell Island on Friday morning".
    Or, naming the same participants or none, a kind of act both tell in their own words and a
    word besides its words: "Guild members will vote on the offer on Monday" / "81 per cent of
    members who took part in yesterday's ballot backed the offer" (a name one side lacks is
    another story's: "53 member countries will vote on the text next Tuesday" / "Tuesday's vote
    ... gave Savimbi the right to regular consultations with ... members of the government").
    Who was to meet whom must agree: "X will meet Y on Monday" / "X met Z on Monday" are two
    meetings, so when both name someone they share two participants."""
    plan, done = (a, b) if a.mention.future else (b, a)
    if _plan_role(plan) != 1 or _plan_role(done) != 2 or plan.first != done.first:
        return False
    p, d = plan.mention, done.mention
    shared = set(p.terms) & set(d.terms)
    if p.names and d.names and _participants(shared & {*p.names, *d.names}, shared) < 2:
        return False
    told = {*p.names, *d.names, *_date_words(p, d)}
    words = [t for t in shared if " " not in t and t[0] != "@" and t not in told]
    words = [t for t in words if not any(map(str.isdigit, t))]
    if any(specificity(t) >= PLAN_WORD for t in words):
        return True
    if set(p.names) != set(d.names):
        return False
    kinds = _own_kinds(p) & _own_kinds(d)
    members = {w for k in kinds for w in lexicon().members[k]}
    return bool(kinds) and any(t not in members for t in words)


def _as_planned(a: _Item, b: _Item, score: float, relation: str) -> tuple[float, str]:
    """The score and how the dates relate, as given but for a plan and its report of one day
    (`_planned_done`) at most PLAN_BONUS short of the threshold: they merge at it, so they rank
    after every pair that merges on its own, which keeps its score and rank (a story's other
    sentences naming the plan's event are as close: "whether ... the November 21 referendum was
    valid")."""
    threshold = THRESHOLDS[relation]
    wanting = 0 < threshold - score <= PLAN_BONUS and a.mention.future != b.mention.future
    if relation == "same date" and wanting and _planned_done(a, b):
        return threshold, "planned, then reported done"
    return score, relation


def matched_by_content(m: EventMention) -> bool:
    """Whether a mention meets dated ones by content alone: undated, in an undated article (a dated
    article's sentence its date does not date is no report of a day: "The polls will close at
    1500 GMT", said of every election)."""
    return m.date is None and m.published is None


def _score_undated(a: EventMention, b: EventMention, cosine: float) -> tuple[float, str] | None:
    """Similarity of a dated mention and an undated one, and how their dates relate
    (`undated_relation`): unless the undated one's own day and month are the dated one's, no date
    confirms them, so they must share a name or speaker, or nearly all their words (a syndicated
    copy), and count nothing differently; the bonuses for quotes, one speaker and one act of one
    participant count as between dated reports. The undated mention must be `matched_by_content`.
    None if they cannot merge."""
    relation = undated_relation(a, b)
    if relation is None or not matched_by_content(b):
        return None
    named = _share_participant(a, b)
    if not named:
        words = {t for t in set(a.terms) & set(b.terms) if " " not in t}
        if cosine < THRESHOLDS["undated, near-identical"] or len(words) < UNDATED_COPY_WORDS:
            return None
    if a.article == b.article or _counted_apart(a, b) or _figures_apart(_told_figures(a), _told_figures(b)):
        return None
    score = cosine + _quote_bonus(a, b)
    score += ACT_BONUS if named and a.acts & b.acts else 0.0
    score += SPEAKER_BONUS if not set(a.speakers).isdisjoint(b.speakers) else 0.0
    score = min(1.0, score * _name_penalty(a, b))
    # As in `_score`: asked only of a pair that would merge.
    if score >= THRESHOLDS[relation] and (_two_acts(a, b) or _opposite_acts(a, b)):
        return None
    return score, relation


def meets_undated(dated: EventMention, undated: EventMention) -> bool:
    """Whether a dated mention and an undated one would merge if blocking paired them (the edge
    an incremental merge must not miss)."""
    found = _score_undated(dated, undated, _cosine(_vector(dated), _vector(undated)))
    return found is not None and found[0] >= THRESHOLDS[found[1]]


@lru_cache(maxsize=4096)
def _month_day(expression: str) -> str | None:
    """The month and day ("01-04"), or the month ("03"), of an expression written without a year
    ("on 4 January", "in March"); None for any other ("on Monday", "in March 2020")."""
    found = [t for t in tag(expression, YEARLESS_ANCHOR) if t.rule in YEARLESS_RULES and t.value]
    return found[0].value[5:] if len(found) == 1 else None  # type: ignore[index]


def _yearless(m: EventMention) -> str | None:
    """The month and day (or month) an undated mention's own expression gives without a year."""
    return _month_day(m.timex.text) if m.date is None and m.timex is not None else None


_MONTH_DAY = re.compile(r"\d{4}-(\d\d)(?:-(\d\d))?(?:T|$)")


def _told_day(date: str | None) -> str | None:
    """The month and day ("01-04"), or the month, of a date; None for a week, a quarter, a year."""
    told = _MONTH_DAY.match(date or "")
    return "-".join(filter(None, told.groups())) if told else None


def undated_relation(dated: EventMention, undated: EventMention) -> str | None:
    """How a dated mention's date relates to an undated one: AGREED when the undated one's own
    expression gives its month and day (or month) without a year; None when that gives another
    (no report of the dated day: "on 9 January" / 2027-01-16); else matched by content alone (no
    expression, or one a month holds: "on 4 January" / "earlier this month")."""
    own, theirs = _yearless(undated), _told_day(dated.date)
    if own is None or theirs is None:
        return "undated, matched by content"
    if own == theirs:
        return AGREED
    return "undated, matched by content" if own.startswith(theirs) or theirs.startswith(own) else None


def _with_year(m: EventMention, source: EventMention) -> str | None:
    """The date an undated mention takes from its event's: the event's day (or month) when the
    mention's own expression gives that month and day without a year."""
    own = _yearless(m)
    if own is None or source.date is None or _told_day(source.date) != own:
        return None
    return source.date[: 5 + len(own)]


def _score(a: _Item, b: _Item, cosine: float) -> tuple[float, str] | None:
    """Similarity of two dated mentions (from the `cosine` of their vectors) and how their dates
    relate; None if they cannot merge."""
    relation = _relation(a, b)
    if relation is None:
        return None
    ours, theirs = a.mention, b.mention
    one_speaker = not set(ours.speakers).isdisjoint(theirs.speakers)
    # One side dated outright, the other by context, no speaker telling both: the context date is
    # borrowed from its article's previous event, which the sentence mostly talks about ("the
    # strike would last a week", "the cancellations were a precaution"), so sharing that event's
    # one word with its dated report is no evidence; a participant ("Morrow stepped down") or what
    # is said of it must meet too.
    alike = ours.inferred == theirs.inferred or one_speaker
    if not alike and not _tied(ours, theirs):
        return None
    days_only = a.first == a.last and b.first == b.last
    # A span longer than a day ("in 2005", "the third quarter", "last month") is told by words that
    # every sentence of that span may share, and its figures are its statistics: two reports of it
    # must share what they tell besides its words, and not each give a figure the other lacks.
    if not days_only:
        spans = a.first < a.last and b.first < b.last
        if spans and _figures_apart(_told_figures(ours), _told_figures(theirs)):
            return None
        if _content_cosine(ours, theirs) < CONTENT_MIN:
            return None
    score = cosine + _quote_bonus(a.mention, b.mention)
    if relation == "same date":
        score += _nominal_bonus(a, b)
    penalty = _name_penalty(a.mention, b.mention)
    # One day (not "in 2008"), no names that differ, dated alike: an act a sentence dated by context
    # shares with an explicitly dated report is as likely its previous event's (a rally "as the
    # strike went on" is not the strike) unless one speaker tells both ("Brekke said the
    # government would respect the decision" / "... Brekke told reporters on Tuesday").
    # Two outlets a day or two apart on one act of one participant: as likely a conflict of dates.
    # A plan dated to a month and the same act on a day inside it ("repairs will start in mid-June"
    # / "on June 16", "will shut at the end of March" / "on March 31"): the month is the tagger's
    # value of a part of it, and a schedule is often announced that loosely. Past acts dated to a
    # month are mostly background, another happening.
    # Two days told of one act is a conflict of dates only if a participant is named on both
    # sides, as a name or the speaker ("Brightvale Nutrition today announced the voluntary
    # recall" / "Brightvale Nutrition recalled three batches ... on October 6"): otherwise the act
    # is as likely named in passing ("Rescuers found two survivors under the rubble of the
    # collapsed block on Wednesday" / "The block collapsed on Tuesday"); and only
    # if neither names a kind of act the other lacks: those are two steps of one story on two days
    # ("a man was charged with burglary" on the 12th / "The man accused over the break-in appeared
    # before magistrates and was remanded in custody" on the 13th).
    if penalty == 1.0 and (days_only or _day_in_month(a, b) or _day_in_month(b, a)):
        conflict = relation == "conflicting dates"
        named = not conflict or _share_participant(ours, theirs)
        steps = conflict and not (a.acts <= b.acts or b.acts <= a.acts)
        # A conflict of dates is over an act each tells as its own: one a later clause of its
        # sentence tells is dated by that clause ("made on 12 October, which the board rejected
        # on 14 October" / "rejected the proposal on Tuesday").
        steps = steps or (conflict and not (a.acts - a.later) & (b.acts - b.later))
        same = named and not steps and _same_act(a, b)
        score += ACT_BONUS if alike and (same or (conflict and _dated_apart(a, b))) else 0.0
    if penalty == 1.0 and days_only:
        score += SPEAKER_BONUS if one_speaker else 0.0
    score = min(1.0, score * penalty)
    score, relation = _as_planned(a, b, score, relation)
    score = _next_day(a, b, score, relation, penalty)
    # One thing counted differently ("11 people were still missing" / "seven people"): a count
    # changes from one report to the next, so on other dates (or, said by both, on one day) the
    # two are two reports; told of one day, two outlets' tolls or figures are only a conflict.
    if score < THRESHOLDS[relation]:
        return score, relation
    # Asked last, of the few pairs that would merge: the checks are dear and most pairs fall short.
    # A span ("in 1992", "next month") holds every happening of a kind in it: two mentions dated
    # to one or nesting ones whose sentences name different places or people and that share only
    # the kind's words are two of them ("January 21 polls" in Serbia / "next month's polls" that
    # Ershad's party may boycott); unnamed, they are as often one story's ("The trial opened on
    # January 13" / "The trial, which began in January").
    # A day in a span ("has closed Carrick Sands" on Monday / "taking away the carcasses of the
    # whales that died on Carrick Sands this week"), each naming its kind of act: two of the span's
    # happenings. (Two of one span are as often one background event, its verbs varied: "since the
    # Taliban regime fell in late 2001" / "since US forces overthrew the Taliban regime in late 2001".)
    in_span = not days_only and (a.first == a.last or b.first == b.last)
    spanned = not days_only and _kind_only(ours, theirs) and _named_apart(ours, theirs)
    spanned = spanned or (in_span and _own_kinds_apart(ours, theirs))
    two = _two_acts(ours, theirs) or _untold_act(ours, theirs) or _untold_act(theirs, ours)
    two = two or _said_apart(a, b) or _said_apart(b, a)
    two = two or (relation == "same date" and _dated_by_another(ours, theirs))
    if spanned or two or _dates_only(ours, theirs) or _opposite_acts(ours, theirs):
        return None
    # Outlets that disagree on the date (or a guess of it) must agree on the act: else the pair
    # is a false conflict ("Vellhaven Rovers are out of the Lisk Cup" on Wednesday night /
    # "Anselm Drury has been sacked by Vellhaven Rovers" on Thursday).
    apart = a.last < b.first or b.last < a.first
    if (relation == "conflicting dates" or apart) and _false_conflict(ours, theirs):
        return None
    if _counted_apart(ours, theirs):
        if (a.first, a.last) != (b.first, b.last) or (ours.speakers and theirs.speakers):
            return None
    return _opening_penalty(ours, theirs) * score, relation


def _next_day(a: _Item, b: _Item, score: float, relation: str, penalty: float) -> float:
    """The score as given, but for two reports dated outright to days next to each other (a
    "yesterday" counted from another day) that fall short of the threshold: then what they tell
    besides their dates' words if more, as those are no evidence either way ("On October 24,
    2026, the bank said in an emergency statement" / "On Sunday, the bank issued an emergency
    statement"). No bonus counts: a participant's act told in passing shares little else ("as it
    mourned the killing of ... Tueni" on Tuesday / "the killing of ... Tueni on Dec. 12"). Days
    further apart are as often a figure's daily moves ("Crude oil prices rose slightly on
    Wednesday" / "Kuwaiti crude oil prices rose ... on Nov.6"). And the two must share a
    participant or a figure of more than one digit ("$1.2 billion" / "$1.2bn"): words alone, a day
    apart, are as often two acts told alike ("the ministry published a statement about
    <script>window.x=1</script>" on the 26th / "the mayor wrote <script>window.x=1</script> in a
    post" on the 27th)."""
    days = a.first == a.last and b.first == b.last and abs(a.first - b.first) == 1
    if relation != "conflicting dates" or not days or score >= THRESHOLDS[relation]:
        return score
    ours, theirs = a.mention, b.mention
    if not _one_party(ours, theirs):
        return score
    return max(score, _content_cosine(ours, theirs) * penalty)


def _one_party(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions share a participant or a figure of more than one digit ("$1.2 billion" /
    "$1.2bn", "a 12 million mark offer" / "the 12 million mark fee"): what ties two reports of
    days apart to one act, their words alone as often two acts told alike."""
    figures = _told_figures(a) & _told_figures(b)
    return _share_participant(a, b) or any(len(f) > 1 for f in figures)


def _dated_apart(a: _Item, b: _Item) -> bool:
    """Whether two reports dated outright to days next to each other (a night one outlet puts
    before midnight and the other after) tell one act in other words: each names one kind of act
    in its own words, the two kinds of one family (`act_families`), neither told by a later clause
    of its sentence (`_later_acts`), and they share a participant or a figure (`_one_party`): "The
    passenger ferry Marisol Star ran aground off Kell Island early on Tuesday" / "The ship struck a
    sandbank near Kell Island late on Monday night" (a crash, an attack's word), "The club accepted
    a 12 million mark offer on Saturday morning" / "Kellin agreed the 12 million mark fee late on
    Friday night". Then the outlets disagree on its date. One kind told by both is `_same_act`'s;
    a sentence of more kinds tells more steps of a story ("Peruvian troops stormed the residence
    Tuesday in a surprise operation that killed one hostage" / "Peru's president Wednesday surveyed
    the aftermath of the spectacular raid ..., visiting the wounded hostages"), and two days apart
    a story's next news names its first event as often ("The fire broke out near the Harrow Creek
    trailhead last Sunday" / "Forty-one homes have been lost to the Harrow Creek fire")."""
    if not (a.first == a.last and b.first == b.last and abs(a.first - b.first) == 1):
        return False
    ours, theirs = _own_kinds(a.mention), _own_kinds(b.mention)
    if a.later or b.later or len(ours) != 1 or len(theirs) != 1 or ours == theirs:
        return False
    return _one_family(ours, theirs) and _one_party(a.mention, b.mention)


# A scored pair: similarity, the two items, how their dates relate, the cosine of their vectors.
Pair = tuple[float, int, int, str, float]


def _vectors(items: list[_Item]) -> Vectors:
    """The items' unit vectors (`_unit_vector`, normalised for all at once, each distinct term
    weighed once) as one sparse matrix; no item keeps its own (they are made again, one at a time,
    for the few that merge)."""
    quoted = (q for it in items for q in it.mention.quoted)
    return weighed_matrix([it.mention.terms for it in items], _weight, _damped, quoted, normalise=True)


def _candidates(
    items: list[_Item], jobs: int, blocking: Blocking
) -> tuple[list[Pair], Filings | Parked | None]:
    """Scored pairs above the threshold of how their dates relate (a big input's in `jobs` workers)."""
    # The bonuses are capped and the name penalty only lowers a score, so a pair whose cosine and
    # possible bonuses stay below this floor cannot merge: most pairs (one common word shared) stop
    # here, as they are found, so they never pile up.
    quoted, nouns, kinds, speakers = (
        np.fromiter((bool(x) for x in values), bool, len(items))
        for values in (
            [it.mention.quoted for it in items],
            [it.nouns for it in items],
            [it.acts for it in items],
            [it.mention.speakers for it in items],
        )
    )
    # Whether each may be a plan (1) or its report (2) on its one day (`_plan_role`): only such a
    # pair may get the plan's bonus.
    role = np.fromiter(map(_plan_role, items), np.int8, len(items))
    day = np.fromiter((it.first for it in items), np.int64, len(items))
    floor = min(THRESHOLDS.values()) - 1e-9

    def hopeful(i: np.ndarray, j: np.ndarray, cosine: np.ndarray) -> np.ndarray:
        bonus = (
            QUOTE_BONUS_MAX * (quoted[i] & quoted[j])
            + NOMINAL_PAIR_BONUS * (nouns[i] & nouns[j])
            + ACT_BONUS * (kinds[i] & kinds[j])
            + SPEAKER_BONUS * (speakers[i] & speakers[j])
            + PLAN_BONUS * (((role[i] | role[j]) == 3) & (day[i] == day[j]))
        )
        return cosine + bonus >= floor

    pairs = blocked_pairs(items, _vectors(items), jobs=jobs, keep=hopeful, **blocking)
    # Workers take spans of the pairs (the arrays reach them by fork): as Python numbers all at
    # once, a big corpus' pairs would take several times their arrays' memory.
    spans = [(start, min(len(pairs), start + SCORE_CHUNK)) for start in range(0, len(pairs), SCORE_CHUNK)]
    scored = fork_map(_scored, (items, pairs), spans, jobs if len(pairs) >= PARALLEL_PAIRS else 1)
    return [pair for part in scored for pair in part], pairs.filings


def _scored(shared: tuple[list[_Item], Pairs], span: tuple[int, int]) -> list[Pair]:
    """The pairs of a span that reach the threshold of how their dates relate, with their scores."""
    items, pairs = shared
    start, stop = span
    chunk = (
        pairs.first[start:stop].tolist(),
        pairs.second[start:stop].tolist(),
        pairs.cosine[start:stop].tolist(),
    )
    out = []
    for i, j, cosine in zip(*chunk, strict=True):
        scored = _score(items[i], items[j], cosine)
        if scored is not None and scored[0] >= THRESHOLDS[scored[1]]:
            out.append((scored[0], i, j, scored[1], cosine))
    return out


def _undated_candidates(
    items: list[_Item], jobs: int, blocking: Blocking
) -> tuple[list[Pair], Filings | Parked | None]:
    """Near-identical undated mentions (syndicated copies)."""
    threshold = THRESHOLDS["undated, near-identical"]
    keep: Keep = lambda i, j, cosine: cosine >= threshold  # noqa: E731
    pairs = blocked_pairs(items, _vectors(items), jobs=jobs, keep=keep, **blocking)
    found = zip(pairs.first.tolist(), pairs.second.tolist(), pairs.cosine.tolist(), strict=True)
    return [(cosine, i, j, "undated, near-identical", cosine) for i, j, cosine in found], pairs.filings


def _cross_candidates(
    items: list[_Item], dated: Sequence[int], undated: Sequence[int], parked: tuple[Filings | Parked, ...]
) -> list[Pair]:
    """Scored pairs (dated item, undated item of an undated article) above the threshold for an
    undated mention meeting a dated one: blocked by a filed word shared whatever the date
    (`word_pairs`), so an undated mention meets at most MAX_BLOCK dated ones per word it files."""
    probing = np.fromiter((matched_by_content(items[r].mention) for r in undated), bool, len(undated))
    filed, probes = (f.load() for f in parked)
    own = probing[probes.word_item]
    u, d = word_pairs(replace(probes, word=probes.word[own], word_item=probes.word_item[own]), filed)
    involved, d_row = np.unique(d, return_inverse=True)
    d_row += len(undated)
    members = [items[k].mention for k in (*undated, *(dated[k] for k in involved.tolist()))]
    cosine = cosines(vector_matrix(map(_vector, members)).matrix, u, d_row)
    # As in `_candidates`: a pair its cosine and every bonus it might get leave below the threshold,
    # or that shares no name where it must, is dropped before it is scored in Python.
    quoted, kinds, speakers, named = (
        np.fromiter(map(bool, values), bool, len(members))
        for values in (
            [m.quoted for m in members],
            [m.acts for m in members],
            [m.speakers for m in members],
            [m.names or m.speakers for m in members],
        )
    )
    bonus = (
        QUOTE_BONUS_MAX * (quoted[u] & quoted[d_row])
        + ACT_BONUS * (kinds[u] & kinds[d_row])
        + SPEAKER_BONUS * (speakers[u] & speakers[d_row])
    )
    near = cosine >= THRESHOLDS["undated, near-identical"]
    # A pair whose days agree (`undated_relation`) needs no more than two reports of one date.
    days_told = np.array([_yearless(m) or _told_day(m.date) or "" for m in members], object)
    agreed = (days_told[u] == days_told[d_row]) & (days_told[u] != "")
    floor = np.where(agreed, THRESHOLDS[AGREED], THRESHOLDS["undated, matched by content"]) - 1e-9
    hopeful = np.flatnonzero((cosine + bonus >= floor) & (near | (named[u] & named[d_row])))
    out = []
    for k in hopeful.tolist():
        i, j = dated[int(d[k])], undated[int(u[k])]
        found = _score_undated(items[i].mention, items[j].mention, float(cosine[k]))
        if found is not None and found[0] >= THRESHOLDS[found[1]]:
            out.append((found[0], i, j, found[1], float(cosine[k])))
    return out


@dataclass(frozen=True, slots=True)
class Story:
    """What the rule of lone reports (`_lone_day_pairs`) asks of a whole article: how many of its
    mentions each day has (those dated to one day), and the rare names (no common word:
    `NAME_WORD`) it gives in what its mentions report (`_written_names`)."""

    days: Counter[int]
    names: frozenset[str]


def stories(mentions: Iterable[EventMention], named: Container[str] | None = None) -> dict[str, Story]:
    """Each article's `Story`, from all its mentions: a merge of part of a corpus
    (`chrono.incremental`) is given those of its articles, as a whole merge makes them. Names
    only of the articles `named`, if given: a whole merge needs those of few."""
    days: dict[str, Counter[int]] = {}
    names: dict[str, set[str]] = {}
    for m in mentions:
        counted = days.setdefault(m.article, Counter())
        if m.date is not None:
            first, last, _, _ = _window(m.date, m.inferred)
            if first == last:
                counted[first] += 1
        if m.names and (named is None or m.article in named):
            names.setdefault(m.article, set()).update(_written_names(m))
    rare = {n for n in set().union(*names.values()) if specificity(n) >= NAME_WORD}
    return {a: Story(c, frozenset(names.get(a, set()) & rare)) for a, c in days.items()}


def _lone_day_pairs(
    items: list[_Item],
    dated: Sequence[int],
    found: Sequence[Pair],
    told_stories: dict[str, Story] | None,
) -> tuple[list[Pair], dict[tuple[int, int], str]]:
    """Pairs of two articles' only reports of one day (`_lone_reports`), the articles one story
    (`_story_weight`), that their words found no pair for, each with why it merges: an article
    of a story that tells one thing of a day tells what another of the story tells of it, however
    worded ("The ship ... was held at Port Vessany when it docked on Monday" / "The liner was
    stopped from leaving the harbour when it arrived on Monday"), unless the two are told apart
    (`_lone_apart`). Such a pair merges at its threshold, so it ranks after every pair that
    merges on its words. Blocked by day and by shared name (a name more than MAX_BLOCK reports
    of a day share pairs nobody): the cost grows with the reports, not with their pairs. A merge
    of part of a corpus is `told_stories` of its articles; a whole one makes them."""
    # A whole merge counts every article's days, and gathers the names of those with lone reports.
    story = told_stories if told_stories is not None else stories((it.mention for it in items), ())
    by_day = _lone_reports(items, dated, story)
    articles = {items[k].mention.article for ks in by_day.values() for k in ks}
    if told_stories is None:
        story = stories(it.mention for it in items if it.mention.article in articles)
    names = {a: story[a].names for a in articles}
    seen = {(min(i, j), max(i, j)) for _, i, j, _, _ in found}
    met: list[tuple[int, int]] = []
    told: dict[tuple[int, int], str] = {}
    for day in sorted(by_day):
        filed: dict[str, list[int]] = {}
        for k in by_day[day]:
            for name in sorted(names[items[k].mention.article]):
                filed.setdefault(name, []).append(k)
        near = {pair for ks in filed.values() if len(ks) <= MAX_BLOCK for pair in combinations(ks, 2)}
        for i, j in sorted(near - seen):
            a, b = items[i].mention, items[j].mention
            ours, theirs = names[a.article], names[b.article]
            weight, share = _story_weight(ours, theirs)
            if weight >= STORY_NAMES and share >= STORY_SHARE and not _lone_apart(a, b):
                met.append((i, j))
                rarest = sorted(ours & theirs, key=lambda n: (-specificity(n), n))[:5]
                told[(i, j)] = f"the only report of {a.date} in each article, which share {', '.join(rarest)}"
    if not met:
        return [], told
    involved, rows = np.unique(np.array(met, np.int64), return_inverse=True)
    rows = rows.reshape(-1, 2)
    unit = vector_matrix(_vector(items[k].mention) for k in involved.tolist()).matrix
    cosine = cosines(unit, rows[:, 0], rows[:, 1]).tolist()
    threshold = THRESHOLDS[ALONE]
    return [(threshold, i, j, ALONE, c) for (i, j), c in zip(met, cosine, strict=True)], told


def _lone_reports(items: list[_Item], dated: Sequence[int], told: dict[str, Story]) -> dict[int, list[int]]:
    """By day, the items (of `dated`) that are their article's only mention of that day and date
    it outright to the day; days with one such item (most, in a corpus of many days) left out."""
    out: dict[int, list[int]] = {}
    for k in dated:
        it = items[k]
        alone = told[it.mention.article].days[it.first] == 1
        if it.mention.timex is not None and it.first == it.last and alone:
            out.setdefault(it.first, []).append(k)
    return {day: ks for day, ks in out.items() if len(ks) > 1}


def _written_names(m: EventMention) -> set[str]:
    """The names of a mention but their initials ("pv", "kfpv" of "Kestowe for Port Vessany": a
    run of the names' first letters), which would count a name of two words twice; and who said
    it is none of them (one spokesman speaks for several stories)."""
    initials = "".join(n[0] for n in m.names)
    return {n for n in m.names if n not in initials and n in m.terms}


def _story_weight(ours: frozenset[str], theirs: frozenset[str]) -> tuple[float, float]:
    """How much the rare names two articles share say they are one story: each counts by its
    specificity, in names at the least rare (`NAME_WORD`); and that weight's share of the two
    articles' names (a cosine: a digest of several stories shares one of them with another)."""
    shared = sum(map(specificity, ours & theirs)) / NAME_WORD
    mine, yours = (sum(map(specificity, ns)) / NAME_WORD for ns in (ours, theirs))
    return shared, shared / math.sqrt(mine * yours) if mine and yours else 0.0


def _lone_apart(a: EventMention, b: EventMention) -> bool:
    """Whether two lone reports of one day (`_lone_day_pairs`) are told apart all the same: each
    names someone or somewhere and they share no name (`_named_apart`); they count one thing
    differently or tell an act and its undoing; both are someone's statements (a speaker's words
    of a day are about many things: "Ahmadinejad said on Monday that his country wants 100,000
    centrifuges" / "ISNA reported that Ahmadinejad said Israel would not attack"); each names its
    own kind of act and no kind or family is shared (`_kinds_apart`); or one is a plan and they
    share no kind of act and no word besides who acted and when ("Salvage crews plan to refloat
    the ship on Friday" / "Trains will run again on Friday"); or one is dated in a clause that
    tells the background (`_dated_background`)."""
    if _named_apart(a, b) or _counted_apart(a, b) or _opposite_acts(a, b):
        return True
    if _dated_background(a) or _dated_background(b):
        return True
    if a.speakers and b.speakers:
        return True
    if _own_kinds_apart(a, b):
        return True
    return (a.future or b.future) and a.acts.isdisjoint(b.acts) and _who_only(a, b)


def _dated_background(m: EventMention) -> bool:
    """Whether the clause that holds the mention's date opens with a subordinator of background
    (`background_subordinators`): "Some had been away for almost five days, since the order to
    leave came late on Thursday night" reports the days away, and dates only when they began."""
    if m.timex is None:
        return False
    told = text(m).lower()
    at = told.find(m.timex.text.lower())
    clause = told[:at].rsplit(",", 1)[-1].split() if at > 0 else []
    return bool(clause) and clause[0] in lexicon().background


@dataclass(slots=True)
class _Cluster:
    """A growing event: its mentions, their articles, why they merged, and the sum of their vectors.

    The sum is made when first needed, in member order: most mentions never merge, and most copies
    (`_identical`) never meet another cluster; a vector each would take more memory than the mentions.
    """

    members: list[int]
    articles: set[str]
    reasons: list[str]
    # The days every dated member may fall on, slack included (`_Item.lo`, `_Item.hi`).
    first: int
    last: int
    total: Vector | None = None

    def vector(self, items: list[_Item]) -> Vector:
        if self.total is None:
            total = dict(_vector(items[self.members[0]].mention))
            for k in self.members[1:]:
                _add(total, _vector(items[k].mention))
            self.total = total
        return self.total

    def add(self, k: int, items: list[_Item], reason: str) -> None:
        """Take a lone mention before the sum is made (a copy, in `_identical`)."""
        assert self.total is None
        self.members.append(k)
        self.articles.add(items[k].mention.article)
        self.reasons.append(reason)

    def meets(self, other: _Cluster) -> bool:
        """Whether the two clusters' dates can be one event's: some day that every dated member
        may fall on. Each pair that links two clusters relates two dates; the rest of their
        members may date other happenings of the same kind ("elections in May", "due in March",
        "on December 14": three countries' elections, each pair of them sharing a year or a month
        with a third)."""
        return max(self.first, other.first) <= min(self.last, other.last)

    def absorb(self, other: _Cluster, reason: str, items: list[_Item]) -> None:
        self.first, self.last = max(self.first, other.first), min(self.last, other.last)
        _add(self.vector(items), other.vector(items))
        self.members += other.members
        self.articles |= other.articles
        self.reasons += [*other.reasons, reason]


def _one_happening(left: _Cluster, right: _Cluster, i: int, j: int, items: list[_Item]) -> bool:
    """Whether every two mentions of one article, one in each cluster, tell one happening: its lead
    and a restatement (`_restates`), or one of them an end of the pair (i, j) that ties the
    clusters, alone in its own, that joins the other (`_joins`)."""
    ours = [k for k in left.members if items[k].mention.article in right.articles]
    theirs = [k for k in right.members if items[k].mention.article in left.articles]
    return all(
        _restates(items[x], items[y])
        or _quotes_act(items[x], items[y])
        or left.members == [x] == [i] and _joins(x, y, right, items)
        or right.members == [y] == [j] and _joins(y, x, left, items)
        for x in ours
        for y in theirs
        if items[x].mention.article == items[y].mention.article
    )


def _joins(k: int, other: int, cluster: _Cluster, items: list[_Item]) -> bool:
    """Whether mention `k`, alone, joins the `cluster` that holds its article's mention `other`:
    the two tell one happening twice (`_told_twice`), and `k` pairs above its threshold with every
    other article's dated mention there (a cluster grown through a chain of pairs may hold what
    `k` is not about: "Exit polls show that opposition candidate Manuel Zelaya leads Sunday's
    presidential election in Honduras" / "Sunday's election will be the first time when both
    Democratic Action and Copei have no candidates")."""
    if not _told_twice(items[k], items[other]):
        return False
    ours = items[k]
    for m in cluster.members:
        theirs = items[m]
        if theirs.mention.article == ours.mention.article or theirs.mention.date is None:
            continue
        scored = _score(ours, theirs, _cosine(_vector(ours.mention), _vector(theirs.mention)))
        if scored is None or scored[0] < THRESHOLDS[scored[1]]:
            return False
    return True


def _told_twice(a: _Item, b: _Item) -> bool:
    """Whether two mentions of one article may tell one happening twice (a lead, then its detail:
    "The Marra Star ferry has run aground off Tarn Point." / "The coastguard says it struck rocks
    at about 6.40pm"): one day, one of them dated outright (two guesses leave open which of the
    story's events each is), a kind of act both tell in their own words (`_own_kinds`: "arrested
    the head of Brannock Estates" / "Oskar Brannock was questioned" are two acts), or a lead that
    names none sharing a word besides who acted with a sentence at most two on ("The consumer
    minister has ordered safety checks" / "Tomas Hald gave the order this morning on a visit to
    Skarvik": further on, or with a sentence further on, one that names no act is as often another
    of the day's statements: "Iran on Saturday vowed it would defy the UN Security Council's
    decision" / "A bill to suspend inspections of Iran's atomic sites"), neither quoted
    nor a plan unless both are, no two speakers, neither a word that says it tells another
    happening ("In a separate vote on Wednesday", "She also thanked council staff":
    `other_happening_words`), and they neither count one thing differently nor tell an act and
    its undoing or answer (`_opposite_acts`)."""
    ours, theirs = a.mention, b.mention
    if not _one_day(a, b) or ours.future != theirs.future or ours.quoted or theirs.quoted:
        return False
    if ours.inferred and theirs.inferred:
        return False
    if ours.speakers and theirs.speakers and set(ours.speakers) != set(theirs.speakers):
        return False
    kinds = _own_kinds(ours), _own_kinds(theirs)
    near = abs(ours.sentence - theirs.sentence) <= RESTATED_WITHIN
    untold_lead = near and any(not k and m.sentence < LEAD_SENTENCES for m, k in zip((ours, theirs), kinds))
    if kinds[0].isdisjoint(kinds[1]) and not (untold_lead and not _who_only(ours, theirs)):
        return False
    if _opposite_acts(ours, theirs) or _counted_apart(ours, theirs):
        return False
    other = lexicon().other_happening
    return all(other.isdisjoint(re.findall(r"[a-z]+", text(m).lower())) for m in (ours, theirs))


def _restates(a: _Item, b: _Item) -> bool:
    """Whether two mentions of one article are its lead and, a sentence or two later, the same
    happening told again ("Dunmere council voted on Tuesday to close the library" / "Councillors
    voted 17 to 9 for the closure", "A fire tore through the plant early on Monday" / "The blaze
    broke out shortly after 2 a.m."): one day, one kind of event, and the later one adds no
    speaker and no quote, nor a name unless both tell one act ("Elin Kask has been jailed" /
    "Judge Ravi Stern passed the sentence"). A later sentence further on, or after a sentence
    that is no lead, is as often another event of the story: a reaction, a statement, the next
    item of a list ("Hang Seng China-Affiliated Corporations Index rose ..." / "Hang Seng
    Mainland Composite Index also went up ...")."""
    lead, later = sorted((a.mention, b.mention), key=lambda m: (m.sentence, m.part))
    if not _one_day(a, b) or lead.future != later.future or lead.sentence >= LEAD_SENTENCES:
        return False
    if not 0 < later.sentence - lead.sentence <= RESTATED_WITHIN or later.quoted:
        return False
    if not set(later.speakers) <= set(lead.speakers):
        return False
    named = set(later.names) <= {*lead.names, *lead.speakers}
    if not named and lead.acts.isdisjoint(later.acts):
        return False
    return not {t for t in lead.terms if t[0] == "@"}.isdisjoint(t for t in later.terms if t[0] == "@")


def _quotes_act(a: _Item, b: _Item) -> bool:
    """Whether one of two mentions of one article, of one day, is the words of a participant the
    other names, quoted in the next sentence, that tell the same kind of act in their own words:
    the act itself ("Harnor chief executive Lene Varg apologised to customers on Monday." /
    "'Safety is our first concern. We are sorry for the worry this has caused,' she said.")."""
    report, quote = sorted((a.mention, b.mention), key=lambda m: m.quoted)
    if report.quoted or not quote.quoted or quote.sentence != report.sentence + 1 or not _one_day(a, b):
        return False
    if not quote.speakers or not set(quote.speakers) <= {*report.names, *report.speakers}:
        return False
    return not _own_kinds(report).isdisjoint(_own_kinds(quote))


def _guesses(a: _Item, b: _Item) -> bool:
    """Whether both are dated by context, one of them a clause of a sentence told apart."""
    ours, theirs = a.mention, b.mention
    return ours.inferred and theirs.inferred and (ours.part > 0 or theirs.part > 0)


def _one_day(a: _Item, b: _Item) -> bool:
    """Whether both are dated, to one and the same day."""
    dated = a.mention.date is not None and b.mention.date is not None
    return dated and a.first == a.last == b.first == b.last


def _lone(items: list[_Item], k: int) -> _Cluster:
    item = items[k]
    if item.mention.date is None:
        return _Cluster([k], {item.mention.article}, [], 0, UNBOUNDED)
    return _Cluster([k], {item.mention.article}, [], item.lo, item.hi)


def _identical(items: list[_Item]) -> tuple[array[int], dict[int, _Cluster]]:
    """Syndicated copies (same date, same words) start as one cluster, so scoring skips them.

    Returns the representative item of each cluster (an array: most items are one), and the
    clusters of more than one keyed by it: a mention alone (most are) gets a cluster only when a
    pair reaches it.
    """
    reps = array("q")
    clusters: dict[int, _Cluster] = {}
    first_of = _first_copies(items)
    for i, item in enumerate(items):
        m = item.mention
        root = first_of.get(i)
        if root is not None:
            cluster = clusters.get(root) or _lone(items, root)
            if m.article not in cluster.articles:
                first = items[root].mention
                why = f"{first.article} sentence {first.sentence} ~ {m.article} sentence {m.sentence}"
                cluster.add(i, items, f"{why}: identical words")
                clusters[root] = cluster
                continue
        reps.append(i)
    return reps, clusters


def _first_copies(items: list[_Item]) -> dict[int, int]:
    """For each item that is a copy (`copy_key`) of an earlier one, the first of them. Only items
    whose keys hash alike are keyed: a key per item (a tuple each, 0.15 GB at 100k articles)
    stayed as the merge's memory after it was freed, holes the blocking's arrays do not fill."""
    hashes = np.fromiter((hash(copy_key(it.mention)) for it in items), np.int64, len(items))
    order = np.argsort(hashes, kind="stable")
    alike = np.flatnonzero(hashes[order[1:]] == hashes[order[:-1]])
    first_of: dict[tuple[object, ...], int] = {}
    out = {}
    for i in np.unique(order[np.concatenate((alike, alike + 1))]).tolist():  # in order
        root = first_of.setdefault(copy_key(items[i].mention), i)
        if root != i:
            out[i] = root
    return out


def _cluster(
    items: list[_Item],
    pairs: Sequence[Pair],
    reps: Sequence[int],
    clusters: dict[int, _Cluster],
    cross: Sequence[Pair] = (),
    told: dict[tuple[int, int], str] | None = None,
) -> list[tuple[Sequence[int], Sequence[str]]]:
    """Greedy average-link clustering, explicitly dated pairs first, then best pair first; one
    mention per article per cluster, and a day every dated member may fall on (`_Cluster.meets`).
    An article's lede ("The act is dead.") dated by context must not take the place of its report
    dated outright ("the court annulled the act on Tuesday").
    Then the `cross` pairs (dated item, undated item), best first: an undated cluster joins the
    dated event it matches best, and never ties two dated events together (it has no date to
    say they are one). Last, the dated pairs again, for two events that hold an article's one
    happening told twice (`_one_happening`): after all else, so no event it makes takes another's
    place.

    The average similarity of two clusters is the dot product of their vector sums divided by
    their sizes, so a merge costs the size of a vocabulary, not of a cross product.
    """
    cluster_of = {k: root for root, c in clusters.items() for k in c.members}

    # Of the pairs dated by context, a clause dated from the rest of its sentence ("a day after a
    # fire at the plant forced them out") meets another sentence dated by context ("A large fire
    # has broken out at the plant") after the pairs with a side dated outright: it tells an event
    # of the story in passing, and two guesses leave open which of its events they are.
    def explicit(p: Pair) -> tuple[bool, bool, float, int, int]:
        context = p[3] == "dated by context"
        return context, context and _guesses(items[p[1]], items[p[2]]), -p[0], p[1], p[2]

    explicit_first = sorted(pairs, key=explicit)
    best_first = sorted(cross, key=lambda p: (-p[0], p[1], p[2]))
    # Last, the dated pairs again for two events that hold mentions of one article: they join only
    # when the article tells one happening twice (`_one_happening`) and the pair that ties them
    # tells of one day.
    passes = chain(zip(chain(explicit_first, best_first), repeat(False)), zip(explicit_first, repeat(True)))
    for (score, i, j, relation, cosine), again in passes:
        ci, cj = cluster_of.get(i, i), cluster_of.get(j, j)
        if ci == cj:
            continue
        left, right = clusters.get(ci) or _lone(items, ci), clusters.get(cj) or _lone(items, cj)
        if left.articles.isdisjoint(right.articles) == again:
            continue
        if again and not (_one_day(items[i], items[j]) and _one_happening(left, right, i, j, items)):
            continue
        if relation in CROSS_RELATIONS and any(items[k].mention.date for k in right.members):
            continue  # the undated side already joined a dated event
        if not left.meets(right):
            continue
        # The pair's own bonuses (shared quotes, a named event) count for the clusters too.
        bonus = max(0.0, score - cosine)
        if len(left.members) == len(right.members) == 1:
            link = cosine  # the vectors' cosine, to the last bit (see chrono.candidates)
        elif again:
            link = _link_apart(left, right, items)
        else:
            link = _cosine(left.vector(items), right.vector(items)) / (len(left.members) * len(right.members))
        if link + bonus < THRESHOLDS[relation] * LINK_SHARE:
            continue
        a, b = items[i].mention, items[j].mention
        ours, theirs = _vector(a), _vector(b)
        shared = sorted(ours.keys() & theirs.keys(), key=lambda t: (-ours[t], t))[:4]
        why = (told or {}).get((i, j)) or f"similarity {score:.2f}, shared {', '.join(shared)}"
        left.absorb(
            right,
            f"{a.article} sentence {a.sentence} ~ {b.article} sentence {b.sentence}: {relation}, {why}",
            items,
        )
        clusters[ci] = left
        clusters.pop(cj, None)
        for k in right.members:
            cluster_of[k] = ci
    # Members and reasons of each event; a mention alone (most are) gets no cluster of its own.
    return [
        (c.members, c.reasons) if (c := clusters.get(r)) else ((r,), ())
        for r in reps
        if cluster_of.get(r, r) == r
    ]


def _link_apart(left: _Cluster, right: _Cluster, items: list[_Item]) -> float:
    """The average similarity of two clusters' members of different articles: an article's two
    tellings of one happening (`_one_happening`) share few words ("The consumer minister has
    ordered safety checks" / "Tomas Hald gave the order this morning"), which says nothing of
    whether the other articles' reports meet."""
    within = [
        _cosine(_vector(items[x].mention), _vector(items[y].mention))
        for x in left.members
        for y in right.members
        if items[x].mention.article == items[y].mention.article
    ]
    apart = len(left.members) * len(right.members) - len(within)
    return (_cosine(left.vector(items), right.vector(items)) - sum(within)) / apart if apart else 0.0


def _source(group: list[EventMention]) -> tuple[EventMention, bool]:
    """The mention whose date the event takes, and whether the explicit dates conflict.

    Explicit dates that overlap ("in March", "on March 5") give the finest one; disjoint ones are
    a conflict, decided by majority and then by the earliest report. Without explicit dates the
    context dates are weighed alike, but disjoint ones are no conflict (guesses, not reports).
    """
    if len(group) == 1:  # most events: nothing to weigh
        return group[0], False
    explicit = [m for m in group if m.timex is not None and m.date]
    dated = explicit or [m for m in group if m.date]
    if not dated:
        return min(group, key=_order_key), False
    spans = {id(m): days(m.date) for m in dated if m.date}
    if max(s[0] for s in spans.values()) <= min(s[1] for s in spans.values()):
        return min(dated, key=lambda m: (spans[id(m)][1] - spans[id(m)][0], _order_key(m))), False
    # A report of the day without its year ("On 10 February", in an undated text) votes for it too.
    told: Counter[str | None] = Counter(filter(None, map(_yearless, group)))  # None: no day told
    counts = {d: n + told[_told_day(d)] for d, n in Counter(m.date for m in dated).items()}
    return min(dated, key=lambda m: (-counts[m.date], _order_key(m))), bool(explicit)


def _event(group: list[EventMention], reasons: Sequence[str]) -> EventRecord:
    """An event from its mentions: date from the explicit reports, conflict when they disagree."""
    group = sorted(group, key=_order_key)
    rep = group[0]
    source, conflict = _source(group)
    # A date inferred from context yields to a report that dates the event outright, or to a finer
    # date inside its own ("this week" -> Monday), never to one after its article was published;
    # the explanation keeps both. Against another article's disjoint guess it stands: one context
    # is no better evidence than another. (A lone mention, as most are, is its own source.)
    how = start = ""
    if len(group) > 1:
        how = f"the report in {source.article}" + (f" ({source.timex.text!r})" if source.timex else "")
        start = days(source.date)[0].isoformat() if source.date else ""
    said = [strings(m) for m in group]  # from the spool, for a big corpus
    mentions = []
    for m, (sentence, _, explanation) in zip(group, said, strict=True):
        date = m.date
        if (
            m.inferred
            and m.date != source.date
            and start <= (m.published or "9999")
            and _redates(source, m)
        ):
            date, explanation = (
                source.date,
                f"{explanation}; context gave {m.date}, dated {source.date} by {how}",
            )
        elif m.date is None and m.timex is not None and (dated := _with_year(m, source)):
            told = f"the year of the event it reports, {dated[:4]}, told by {how}"
            date, explanation = dated, f"{m.timex.text}: {told}"
        mentions.append(
            MentionRecord(m.article, sentence, m.start, m.end, date, m.timex, m.future, explanation)
        )
    # Future only while no article reports it done (contract: "had not happened yet when its
    # articles were published"); the preview mentions keep `future` themselves, which `check` reads.
    futures = [m.future for m in group]
    future = all(futures)
    voice = 0 if future else futures.index(False)
    digest = hashlib.sha1(f"{rep.article}\x1f{rep.start}\x1f{rep.part}\x1f{said[0][0]}".encode()).hexdigest()
    return EventRecord(
        id=digest[:16],
        date=source.date,
        date_end=source.date_end,
        summary=said[voice][1],
        future=future,
        conflict=conflict,
        mentions=tuple(mentions),
        merge_reasons=tuple(reasons),
    )


def _redates(source: EventMention, m: EventMention) -> bool:
    """Whether the event's date, from `source`, replaces the other date `m` was given by context: a
    date inside it does, but a time of day a day guessed from context (the article's "The Marra
    Star ferry has run aground", dated the day it tells of, then "it struck rocks at about 6.40pm":
    the time is the detail's, not the lead's), and one `source` dates outright unless it holds
    `m`'s and more. A week a report gives ("the pilot whales that died on Carrick Sands this week")
    does not undo the day a live blog's entry was posted on: the day tells more, and the week agrees."""
    if _within(source.date, m.date):
        return "T" not in (source.date or "") or "T" in (m.date or "")
    return source.timex is not None and not _within(m.date, source.date)


def _within(inner: str | None, outer: str | None) -> bool:
    """Whether the days of date `inner` all fall within those of `outer`."""
    if inner is None or outer is None:
        return False
    (first, last), (lo, hi) = days(inner), days(outer)
    return lo <= first and last <= hi


def _by_id(event: EventRecord) -> str:
    return event.id


def _by_text(event: EventRecord) -> str:
    # Ties of one date by its text (times of one day), undated events by their first article.
    return event.date or event.mentions[0].article


@lru_cache(maxsize=1 << 14)  # a corpus dates its events with few distinct dates
def _by_date(value: str | None) -> tuple[int, int, int]:
    return sort_key(value)


def merge_records(mentions: Iterable[EventMention], jobs: int = 1) -> list[EventRecord]:
    """Merge mentions of the same happening into events, sorted as the contract says.

    A big input's candidate pairs are found and scored by `jobs` forked workers; the events are
    the same whatever `jobs` is. Given an iterator that hands its mentions over, a mention's memory
    goes as soon as its event is built.
    """
    return finished(merge_mentions(enumerate(mentions), jobs).events)


def warm_up() -> None:
    """Load what merging reads besides the mentions: the word frequencies and lexicon that weigh
    terms (`specificity`). The pipeline calls it while its workers extract."""
    lexicon()
    specificity("merge")  # the frequencies are read at the first term


def merge_events(mentions: Iterable[EventMention], jobs: int = 1) -> list[Event]:
    """`merge_records` as the contract's models."""
    return [event.model() for event in merge_records(mentions, jobs)]


def finished(events: list[EventRecord], unique: bool | None = None) -> list[EventRecord]:
    """Merged events with unique ids, in the contract's order; `unique` when the caller already
    knows whether their ids are."""
    if unique is None:
        unique = len({e.id for e in events}) == len(events)  # two representatives hashing alike are rare
    # The contract's order: by date, then `_by_text`, then id. Stable sorts by each key, the last
    # first, give the order of one key tuple per event without making them (0.1 GB at 100k
    # articles, the peak of the run's end).
    ordered = sorted(events if unique else _unique_ids(events), key=_by_id)
    ordered.sort(key=_by_text)
    ordered.sort(key=lambda event: _by_date(event.date))
    return ordered


@dataclass(frozen=True, slots=True)
class KindIndex:
    """What an incremental merge keeps of one kind of mention (dated or undated): the component
    of the graph of merging pairs each belongs to, and where each is filed for blocking."""

    rows: np.ndarray  # the caller's numbers of the mentions
    component: np.ndarray  # per mention: the smallest row of its component
    identical: np.ndarray  # per mention: a hash of what makes two mentions copies (see `_identical`)
    dates: np.ndarray  # per mention: first, last, lo, hi (day ordinals)
    filings: Filings | Parked  # of the mentions blocked (one of each set of copies), by row; sorted (`_kept`)
    # per mention: of an undated article and undated, so meeting dated ones by content alone
    probing: np.ndarray


@dataclass(frozen=True, slots=True)
class Merged:
    """A merge's events (ids not yet unique: `finished` makes them so) and the row of each one's
    first mention; with `record`, a `KindIndex` for dated and one for undated mentions."""

    events: list[EventRecord]
    first_rows: list[int]
    index: tuple[KindIndex, KindIndex] | None


class Blocking(TypedDict):
    counts: Counts | None
    record: bool
    words: bool
    park: Parking | None


def merge_mentions(
    numbered: Iterable[tuple[int, EventMention]],
    jobs: int = 1,
    *,
    outside: tuple[Counts, Counts] | None = None,
    record: bool = False,
    park: Parking | None = None,
    told_stories: dict[str, Story] | None = None,
) -> Merged:
    """Merge numbered mentions (row, mention); see `merge_events`.

    `outside` gives, for dated and for undated mentions, the members that blocks have beyond
    these mentions (an incremental merge of part of a corpus blocks as the whole would); with
    `record`, the merge also returns what an incremental merge keeps (`KindIndex`), its filings
    waiting in `park` when one is given; `told_stories`, the `stories` of their articles when
    these are part of them.
    """
    items, rows, n_dated = _items(numbered)
    reps, clusters = _identical(items)
    split = bisect_left(reps, n_dated)
    kinds = (reps[:split], reps[split:])
    # An undated article's mentions meet dated ones by filed words.
    words = bool(kinds[0]) and any(matched_by_content(items[r].mention) for r in kinds[1])
    pairs: list[Pair] = []
    filings: list[Filings | Parked] = []
    for kind, find in enumerate((_candidates, _undated_candidates)):
        counts = outside[kind] if outside is not None else None
        own = kinds[kind]
        found, filed = find(
            [items[r] for r in own], jobs, Blocking(counts=counts, record=record, words=words, park=park)
        )
        pairs += [(s, own[i], own[j], why, c) for s, i, j, why, c in found]
        if filed is not None:
            filings.append(filed)
    cross = _cross_candidates(items, *kinds, tuple(filings)) if words else []
    lone, told = _lone_day_pairs(items, kinds[0], pairs, told_stories)
    pairs += lone
    merged = _cluster(items, pairs, reps, clusters, cross, told)
    index = None
    if record:
        index = _kind_indexes(items, rows, n_dated, kinds, clusters, [*pairs, *cross], filings, park)
    del pairs, cross, clusters, filings
    # Each item (and its mention, which the caller handed over) is freed once its event is built.
    owned: list[_Item | None] = [*items]
    items.clear()
    events, firsts = [], array("q")
    for ks, reasons in handed_over(merged):
        events.append(_event([_take(owned, k).mention for k in ks], reasons))
        firsts.append(ks[0])
    return Merged(events, rows[np.frombuffer(firsts, np.int64)].tolist(), index)


def _take(owned: list[_Item | None], k: int) -> _Item:
    """Item `k`, no longer held by the list (each item is in one cluster)."""
    item, owned[k] = owned[k], None
    assert item is not None
    return item


def _items(numbered: Iterable[tuple[int, EventMention]]) -> tuple[list[_Item], np.ndarray, int]:
    """The mentions as items in merge order, the dated ones (how many: the third value) first,
    and the caller's number of each item's mention (an array: an int object each would cost more
    than the item's other numbers, which are shared)."""
    dated: list[_Item] = []
    undated: list[_Item] = []
    given_rows, given = array("q"), []
    for row, m in numbered:
        given_rows.append(row)
        given.append(m)
    order = _merge_order(given)
    ordered = [given[k] for k in order.tolist()]
    del given
    later = _later_acts(ordered)
    # Whether a term names an event depends on the term alone: asked once per distinct term of
    # the corpus, not once per use (a mention's nouns are its terms among these).
    terms = set().union(*(m.terms for m in ordered if m.date is not None))
    naming = frozenset(event_nouns(tuple(terms)))
    del terms
    for k, m in enumerate(ordered):
        if m.date is None:
            undated.append(_Item(m, 0, 0, 0, 0))
            continue
        nouns = shared_set(naming.intersection(m.terms))
        dated.append(_Item(m, *_window(m.date, m.inferred), nouns, m.acts, later.get(k, _NONE)))
    # Copies share a date, so `_identical` never joins a dated item to an undated one.
    rows = np.frombuffer(given_rows, np.int64)[order]
    is_dated = np.fromiter((m.date is not None for m in ordered), bool, len(ordered))
    return dated + undated, np.concatenate((rows[is_dated], rows[~is_dated])), len(dated)


def _merge_order(mentions: list[EventMention]) -> np.ndarray:
    """The positions of `mentions` in merge order (`_order_key`), ties in their order: one stable
    sort of numbered keys, not a key tuple per mention (with a (row, mention) pair each, 0.2 GB at
    100k articles that stayed as the merge's memory after it was freed)."""
    columns = []
    for field in (lambda m: m.part, lambda m: m.start, lambda m: m.article, lambda m: m.published or "9999"):
        values = list(map(field, mentions))
        rank = {v: k for k, v in enumerate(sorted(set(values)))}
        columns.append(np.fromiter(map(rank.__getitem__, values), np.int64, len(values)))
    return np.lexsort(columns)


def _later_acts(ordered: list[EventMention]) -> dict[int, frozenset[str]]:
    """By position, the kinds of act that later clauses of a mention's sentence, dated apart, tell
    in words it holds too ("Corvane's initial proposal, made on 12 October, which the Ellwick
    board rejected on 14 October": the rejection is the 14th's clause's)."""
    later: dict[int, frozenset[str]] = {}
    for k in range(len(ordered) - 2, -1, -1):
        m, n = ordered[k], ordered[k + 1]
        if n.part > m.part and (n.article, n.sentence) == (m.article, m.sentence) and n.date != m.date:
            if set(n.terms) <= set(m.terms):
                later[k] = later.get(k + 1, _NONE) | n.acts
    return later


@lru_cache(maxsize=1 << 14)  # a corpus dates its mentions with few distinct dates
def _window(value: str, inferred: bool) -> tuple[int, int, int, int]:
    """First and last day of a date (ordinals), and the first and last it may fall on, slack included."""
    first, last = _ordinals(value)
    slack = CONTEXT_SLACK if inferred else CONFLICT_SLACK
    return first, last, first - slack, last + slack


def _kind_indexes(
    items: list[_Item],
    rows: np.ndarray,
    n_dated: int,
    reps: tuple[Sequence[int], Sequence[int]],
    clusters: dict[int, _Cluster],
    pairs: list[Pair],
    filings: list[Filings | Parked],
    park: Parking | None,
) -> tuple[KindIndex, KindIndex]:
    """Components of the graph whose edges are the scored pairs (an undated mention meeting a
    dated one among them) and the copies of one mention; the dated items (the first `n_dated`)
    and the undated ones each get their index."""
    n = len(items)
    # The edges go straight into arrays: as a list of pairs they took more than the graph.
    n_edges = len(pairs) + sum(len(c.members) for c in clusters.values())
    first = np.fromiter(
        chain((p[1] for p in pairs), (root for root, c in clusters.items() for _ in c.members)),
        np.int64,
        n_edges,
    )
    second = np.fromiter(
        chain((p[2] for p in pairs), (k for c in clusters.values() for k in c.members)), np.int64, n_edges
    )
    graph = sparse.csr_matrix((np.ones(n_edges, np.int8), (first, second)), shape=(n, n))
    del first, second
    label = connected_components(graph, directed=False)[1]
    del graph
    smallest = np.full(label.max(initial=-1) + 1, np.iinfo(np.int64).max)
    np.minimum.at(smallest, label, rows)
    component = smallest[label]
    del label, smallest
    dates = date_columns(items, np.int64)
    identical = np.fromiter((copy_hash(it.mention) for it in items), np.uint64, n)
    probing = np.fromiter((matched_by_content(it.mention) for it in items), bool, n)
    out = []
    for kind, part in enumerate((slice(0, n_dated), slice(n_dated, n))):
        rep_rows = rows[np.array(reps[kind], np.int64)]
        out.append(
            KindIndex(
                rows=rows[part],
                component=component[part],
                identical=identical[part],
                probing=probing[part],
                dates=dates[part],
                filings=_kept(filings[kind], rep_rows, park),
            )
        )
    return out[0], out[1]


def _kept(filed: Filings | Parked, rows: np.ndarray, park: Parking | None) -> Filings | Parked:
    """Filings by the caller's `rows` of their items, sorted by word and by block (stably), as an
    incremental merge keeps them (parked in `park` if given)."""
    columns = _kept_columns(filed, rows)
    return park.park(columns) if park is not None else Filings(*columns)


def _kept_columns(filed: Filings | Parked, rows: np.ndarray) -> Iterator[np.ndarray]:
    """`_kept`'s columns, a key and its items at a time. Each key column is sorted in place, as it
    is no longer needed in blocking's order: a big corpus' filings are not held twice."""
    unsorted = filed.columns(narrow=True)
    for key, item in zip(unsorted, unsorted, strict=True):
        order = np.argsort(key, kind="stable")
        item = item[order]  # each array is freed as soon as its next form is made
        del order
        key.sort()
        yield key
        yield rows[item]


def copy_key(m: EventMention) -> tuple[object, ...]:
    """What two mentions share when one is a copy of the other (syndicated wire copy)."""
    return (m.date, m.inferred, m.terms, m.names, m.speakers)


def copy_hash(m: EventMention) -> int:
    """A stable 64-bit hash of `copy_key`."""
    digest = hashlib.blake2b(repr(copy_key(m)).encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def handed_over(items: list[T]) -> Iterator[T]:
    """The items in order, each removed from the list as it is taken, so it is freed once its
    taker is done with it."""
    items.reverse()
    while items:
        yield items.pop()


@lru_cache(maxsize=4096)  # a corpus dates its mentions with few distinct dates
def _ordinals(value: str) -> tuple[int, int]:
    first, last = days(value)
    return first.toordinal(), last.toordinal()


def _unique_ids(events: list[EventRecord]) -> list[EventRecord]:
    """Ids stay unique even if two representatives hash alike (suffix in a stable order)."""
    seen: Counter[str] = Counter()
    out = []
    for e in sorted(events, key=lambda e: (e.id, e.mentions[0].article, e.mentions[0].start, e.summary)):
        seen[e.id] += 1
        out.append(e if seen[e.id] == 1 else replace(e, id=f"{e.id}-{seen[e.id]}"))
    return out
