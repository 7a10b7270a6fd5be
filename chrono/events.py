"""Event mentions of one article: the sentences (or clauses) that report something, each dated.

A sentence is dated by its own expression when it has one: the most specific DATE/TIME outside
relative clauses ("…, which started in Istanbul on Tuesday" dates only that clause, which becomes
a mention of its own). Otherwise it is dated like a careful reader would: by the narrative it
continues (the previous dated event; the publish date for the lead; a flashback's date only within
its paragraph), by the publish date when it is a statement in the present tense ("Critics say"), or
not at all when the text does not allow it (an unresolvable "a day later"), never by the publish
date as a fallback.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import chain, pairwise
from operator import attrgetter

from chrono.dates import days
from chrono.entities import EntityKind, HeuristicRecognizer
from chrono.ingest.article import Article
from chrono.ingest.dates import DATELINE
from chrono.segment import split_sentences
from chrono.summary import (
    QUOTED,
    acts,
    attribution,
    collapse,
    has_content,
    is_boilerplate,
    key_terms,
    lexicon,
    names,
    present_saying,
    speaker_span,
    summarize,
    unbroken,
    unquoted,
    word_terms,
)
from chrono.temporal import moved_to, weekday_again
from chrono.temporal.types import Timex

# TimeML values an event date can take, mapped to the contract's precisions.
_DAY_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})|T(?:MO|AF|EV|NI|DT))?")
_PLAIN = re.compile(r"^\d{4}(-\d{2}|-W\d{2})?$")
_WEEK = re.compile(r"^(\d{4}-W\d{2})-WE$")
_QUARTER = re.compile(r"^(\d{4})-([QH])([1-4])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_OPEN_MODS = ("BEFORE", "AFTER")  # TimeML mods of a span open on one side ("post-1959")
_READER = re.compile(r"\byou(?:r|rs|'ve|’ve)?\b", re.IGNORECASE)
# The readers counted as a group ("More than 600 of you stood outside Aldmark House on 9 January"):
# what they did is a report, not an address to them, when a verb of the past follows.
_READERS_COUNTED = re.compile(r"\bof you (?P<verb>[a-z]+)\b")
_END_PUNCT = tuple(".!\"”’')")
_SENTENCE_END = ".!?\"”’' "
_HEADING_MARKS = " \t*_#:-–—•·"  # around a heading's words (Markdown, a dash, a colon)
_ANTECEDENT_WORDS = 5
_MIN_WORDS = 4  # fewer words than this report nothing ("Yeah.", "Small numbers."), unless `_short_report`
_MIN_FOCUS_TERMS = 5  # content words a clause needs to stand for its sentence in comparisons
_MIN_CLAUSE_TERMS = 3  # … and to be reported as an event of its own
_QUALIFIER_WORDS = 6  # words at most between a participle and the date of its phrase
_EVENT_WORDS = 6  # words at most of an event named to date another by ("the day before the storm hit")
_TIME_DAY_GAP = 16  # characters from a time of day to its day after it ("11 a.m. (0530 GMT) tomorrow")
_SUBJECT_WORDS = 4  # words at most before a sentence's subject ("Chief executive Petra Lund")
_CLAUSE_BREAK = re.compile(
    r"[,;:]\s|\s[—–-]+\s|\s(?:after|before|despite|because|while|although|though|whereas)\s"
)
_SEMICOLON = re.compile(r";\s")
_POSSESSIVE = ("'s", "’s")
_OWNING = ("'s ", "’s ")  # a possessive date and the space before its noun
_CLOSING_QUOTES = frozenset("\"'”’")
_WEEK_VALUE = re.compile(r"^\d{4}-W\d{2}$")
_LOWER_WORD = re.compile(r"[a-z][a-z'’-]*")
_HOURS_LATER = re.compile(r"^PT(\d+|X)[HM]$")  # a length of hours or minutes, as TimeML writes it
_LATER_RULE = "date.relative_to_reference"  # the tagger's rule of "two hours later"
_COUNTED = re.compile(r"^P(\d+)([DWMY])$")  # a length of time in whole units, as TimeML writes it
_COUNTED_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year"}


@dataclass(frozen=True, slots=True)
class TimexRef:
    """The expression that dated a mention, with offsets in `Article.text`."""

    text: str
    value: str | None
    start: int
    end: int

    def __reduce__(self) -> tuple[Callable[..., TimexRef], tuple[str, str | None, int, int]]:
        return _timex, (self.text, self.value, self.start, self.end)  # a dataclass's default is 5x slower


def _timex(text: str, value: str | None, start: int, end: int) -> TimexRef:
    """A pickled expression rebuilt, its strings interned: a corpus says "on Tuesday" many times."""
    return TimexRef(sys.intern(text), None if value is None else sys.intern(value), start, end)


@dataclass(frozen=True, slots=True)
class EventMention:
    """One article's report of one event: where it is, when it was, and what merging compares."""

    article: str
    start: int
    end: int
    text: str
    date: str | None
    date_end: str | None
    timex: TimexRef | None
    future: bool
    explanation: str
    summary: str
    terms: tuple[str, ...]  # content-word stems and pairs of what was reported, without who said it
    names: tuple[str, ...]  # names in the reported content ("Kharkiv")
    speakers: tuple[str, ...]  # names in the attribution ("Peskov")
    quoted: tuple[str, ...]  # content-word stems inside quotation marks: verbatim, so telling
    published: str | None
    sentence: int
    part: int = 0
    acts: frozenset[str] = frozenset()  # kinds of act its words name ("@resign"), event nouns aside

    @property
    def inferred(self) -> bool:
        """Dated from context rather than by an expression of its own."""
        return self.timex is None and self.date is not None

    def stripped(self) -> EventMention:
        """This mention without its text, summary and explanation (kept apart: `chrono.spool`)."""
        values = list(_fields_of(self))
        values[_TEXT] = values[_SUMMARY] = values[_EXPLANATION] = ""
        return EventMention(*values)

    def __reduce__(self) -> tuple[Callable[..., EventMention], tuple[object, ...]]:
        # Mentions travel from workers and the cache by the hundred thousand: pickled as plain
        # fields and rebuilt with their repeated strings interned, so a corpus holds each stem,
        # name and explanation once (unpickled apart, they were half the merge's memory).
        return _unpickled, _fields_of(self)


_FIELDS = [f.name for f in fields(EventMention)]
_fields_of = attrgetter(*_FIELDS)
_TEXT, _SUMMARY, _EXPLANATION = map(_FIELDS.index, ("text", "summary", "explanation"))


def _unpickled(
    article: str,
    start: int,
    end: int,
    text: str,
    date: str | None,
    date_end: str | None,
    timex: TimexRef | None,
    future: bool,
    explanation: str,
    summary: str,
    terms: tuple[str, ...],
    names: tuple[str, ...],
    speakers: tuple[str, ...],
    quoted: tuple[str, ...],
    published: str | None,
    sentence: int,
    part: int,
    acts: frozenset[str],
) -> EventMention:
    """A pickled mention rebuilt, its repeated strings interned (see `EventMention.__reduce__`);
    positional, as `_fields_of` gives the fields: a mention of the corpus at a time, keywords cost."""
    intern = sys.intern
    return EventMention(
        intern(article),
        start,
        end,
        text,
        None if date is None else intern(date),
        None if date_end is None else intern(date_end),
        timex,
        future,
        intern(explanation),
        text if summary == text else summary,  # most summaries are their whole sentence
        tuple(map(intern, terms)),
        tuple(map(intern, names)),
        tuple(map(intern, speakers)),
        tuple(map(intern, quoted)),
        None if published is None else intern(published),
        sentence,
        part,
        shared_set(acts),
    )


_SETS: dict[frozenset[str], frozenset[str]] = {}


def shared_set(values: frozenset[str]) -> frozenset[str]:
    """One object for equal sets: a corpus' mentions name few distinct sets of kinds, and each set
    object takes 216 bytes, empty or not (most are empty)."""
    return _SETS.setdefault(values, values)


_days = lru_cache(maxsize=4096)(days)  # asked per mention, of a few dates


@lru_cache(maxsize=4096)  # a few values date most events; each is checked against the calendar
def event_date(value: str | None) -> tuple[str | None, str | None]:
    """(date, date_end) at contract precision for a TimeML value; (None, None) if it dates no event."""
    when, until = _contract_date(value)
    try:
        for part in (when, until):
            if part is not None:
                days(part)
    except ValueError:  # "2021-W53", "2022-02-30": no such day
        return None, None
    return when, until


def _contract_date(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    if m := _DAY_TIME.match(value):
        # TimeML's midnight that ends a day (T24:00) dates that day ("shortly before midnight on
        # Saturday"); the contract's times run 00:00-23:59.
        timed = m.group(2) and m.group(2) != "24"
        return (f"{m.group(1)}T{m.group(2)}:{m.group(3)}" if timed else m.group(1)), None
    if _PLAIN.match(value):
        return value, None
    if m := _WEEK.match(value):
        return m.group(1), None
    if m := _QUARTER.match(value):
        year, kind, n = m.group(1), m.group(2), int(m.group(3))
        first, last = ((n - 1) * 3 + 1, n * 3) if kind == "Q" else ((n - 1) * 6 + 1, n * 6)
        return f"{year}-{first:02d}", f"{year}-{last:02d}"
    if m := _SEASON.match(value):
        return m.group(1), None
    return None, None  # PRESENT_REF, decades, XXXX-…: not an event date


def _day_precise(value: str | None) -> bool:
    return value is not None and len(value) >= 10 and "W" not in value


def _day_after(value: str | None, than: str | None) -> bool:
    """Whether `value` is a day after the day `than`, both told to the day."""
    if value is None or than is None:
        return False
    return _day_precise(value) and _day_precise(than) and value[:10] > than[:10]


def _reports_nothing(sentence: str, seen: set[str], title: str, after_quote: bool = False) -> bool:
    """Headlines, repeats, questions, captions, reader address and page furniture. A few words
    right after a quotation (`after_quote`) say who spoke: '"No one gives up!" Castro declared.'
    is split after the "!"."""
    lex = lexicon()
    words = sentence.count(" ") + 1  # the sentence is collapsed
    own = unquoted(sentence)
    lowered = sentence.lower()
    return (
        (words < _MIN_WORDS and (after_quote or not _short_report(sentence, lowered)))
        or lowered in seen
        or lowered == title
        or (not sentence.endswith(_END_PUNCT) and words <= 15)
        or sentence.rstrip("\"”’' ").endswith("?")
        or is_boilerplate(sentence.lstrip("*_#>•·-–— ").replace("**", ""))
        # The regex matches only where the lower-cased text has "you": testing that first is 10x faster.
        or ("you" in _own(sentence) and bool(_READER.search(own)) and not _readers_acted(_own(sentence)))
        or bool(lex.caption.search(own))
    )


def _readers_acted(own: str) -> bool:
    """Whether lower-case `own` words tell what a number of the readers did ("600 of you stood")."""
    lex = lexicon()
    counted = _READERS_COUNTED.search(own)
    return (
        counted is not None
        and counted["verb"] not in lex.tenseless
        and lex.verb.fullmatch(counted["verb"]) is not None
    )


@lru_cache(maxsize=64)  # several tests of one sentence read its own words
def _own(sentence: str) -> str:
    """The reporter's own words of a sentence, its quotations out, in lower case."""
    return unquoted(sentence).lower()


def _short_report(sentence: str, lowered: str) -> bool:
    """Whether a sentence of a few words reports a happening all the same: a subject, then a verb
    in the past ("Nobody was hurt.", "Two died."), not what someone said ('"No," he said.', '"I
    was delighted.')."""
    first = lowered.find(" ")
    return (
        first > 0
        and sentence[0].isalnum()
        and bool(lexicon().past.search(lowered, first))
        and not lexicon().reporting.search(sentence)
    )


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """Spans of relative clauses (", which …") inside a sentence."""
    return [(m.start(), m.end()) for m in lexicon().relative.finditer(sentence)]


def _focus(sentence: str, clause: tuple[int, int]) -> str:
    """A relative clause with the few words before it that name what it is about."""
    before = sentence[: clause[0]].split()[-_ANTECEDENT_WORDS:]
    return " ".join(before) + sentence[clause[0] : clause[1]]


def _is_future(clause: str, when: str, published: date | None) -> bool:
    """Still ahead at publication: starts after the publish date, or is announced with a future cue.

    Cues count only in the reporter's own words: "will" inside a quote, or in what someone said,
    does not make the statement itself future. With no publish date only a cue tells it: "The trial
    will begin on 18 January 2027" in an undated statement is ahead of its writing.
    """
    if published is not None:
        first, last = _days(when)
        if published < first:
            return True
        if published > last:
            return False
    return bool(lexicon().future.search(_own(clause))) and not lexicon().reporting.search(unquoted(clause))


def _focus_span(
    sentence: str,
    start: int,
    end: int,
    least: int = _MIN_FOCUS_TERMS,
    cuts: Sequence[tuple[int, int]] = (),
) -> tuple[int, int]:
    """The clause around the expression at `start:end` (commas, subordinators and the `cuts`
    between predicates of different dates bound it).

    The whole sentence when that clause says too little to compare ("…, Peskov said on Monday").
    """
    bounds = unbroken(sentence)
    first, last = _conjunct(cuts, start, len(sentence))
    # A subordinator just before the expression is its preposition ("broke out shortly after 2
    # a.m. and took …"), not the start of a clause.
    breaks = _CLAUSE_BREAK.finditer(bounds, first, start)
    first = max((m.end() for m in breaks if m.end() < start or not m[0][1:2].isalpha()), default=first)
    after = _CLAUSE_BREAK.search(bounds, end, last)
    last = after.start() if after else last
    return (first, last) if has_content(sentence[first:last], least) else (0, len(sentence))


def _with_subject(sentence: str, first: int, last: int) -> str:
    """The clause `sentence[first:last]`, with its subject when a relative clause stands between
    them: "Elin Kask, who ran the port for a decade, was sentenced on Thursday" reports that
    "Elin Kask was sentenced on Thursday"; the predicate alone names nobody."""
    clause = sentence[first:last]
    end = len(sentence[:first].rstrip(" ,"))
    relative = next((m for m in lexicon().relative.finditer(sentence, 0, first) if m.end() == end), None)
    if relative is None:  # most clauses
        return clause
    breaks = _CLAUSE_BREAK.finditer(sentence, 0, relative.start())
    start = max((m.end() for m in breaks), default=0)
    subject = sentence[start : relative.start()].split()[-_ANTECEDENT_WORDS:]
    return " ".join([*subject, clause]) if subject else clause


def _anchored_main(sentence: str, start: int, first: int, at: int) -> tuple[str, str, bool] | None:
    """(main clause, subordinator, whether it shares the day) when the clause dated at `at` (from
    `first`) opens with a subordinator that ties it to the time of the main clause before it, from
    `start` (`anchoring_subordinators`), and that clause reports something of its own: "Storm Ilse
    cut power to 30,000 homes" after "it made landfall on Saturday afternoon". In a relative clause
    ("after a trial in which witnesses testified on Monday") the day is the noun's, not the main
    clause's (`relative_pronouns`)."""
    lex = lexicon()
    if (opening := sentence[first:at].split(" ", 1)[0]).lower() in lex.anchoring:
        first += len(opening) + 1  # ", after a trial …": the comma is the break, not the subordinator
    head = sentence[start:first].rstrip()
    words = head.rsplit(" ", 2)
    word = words[-1].lower()
    if word not in lex.anchoring or (len(words) > 1 and words[-2].lower() in lex.offset_units):
        return None
    main = head[: len(head) - len(word)].rstrip(" ,")
    if dateline := DATELINE.match(main):  # "TARNHOLM, Nov 15 (CNA) -" dates the filing
        main = main[dateline.end() :]
    lowered = main.lower()
    tied = sentence[first:at].lower()
    if (
        not lex.verb.search(tied)  # "after the July 1 handover": a thing
        or not has_content(main, _MIN_FOCUS_TERMS)
        or not lex.verb.search(lowered)
        or lex.future.search(lowered)
        # "People who had fled their homes before the storm began returning on Tuesday": the
        # subordinator belongs to the relative clause, whose noun is no clause of its own.
        or not lex.relative_words.isdisjoint(lowered.split())
    ):
        return None
    told = tied.split()
    return main, word, lex.relative_words.isdisjoint(told) and lex.restrictive_relatives.isdisjoint(told)


def _best(raw: str, base: int, timexes: list[Timex]) -> tuple[Timex, dict[Timex, tuple[int, int] | None]]:
    """The finest expression, and those in a relative clause that the others are outside of, which
    date no more than their noun's event: "Rusk, the director who was charged on Monday, pleaded
    not guilty on Tuesday" tells the plea, on Tuesday; of two days, the one outside. Not when
    another expression is in that clause ("the trial of the 1975 coup in which he was killed was
    set to open Monday": the clause has ended), nor "where" or "when", which tell the time or place
    of the main clause (`adverbial_relatives`). With no comma to end it, the clause ends at the
    main verb right after its day (`_ended_relative`), its span given. `raw` starts at `base` in
    the text the expressions index."""
    if len(timexes) < 2:  # most sentences
        return timexes[0], {}
    lex = lexicon()
    pronouns = lex.relative_words - lex.adverbial_relatives
    bounds = unbroken(raw)
    out: dict[Timex, tuple[int, int] | None] = {}
    for t in timexes:
        at = t.start - base
        first = max((m.end() for m in _CLAUSE_BREAK.finditer(bounds, 0, at)), default=0)
        after = _CLAUSE_BREAK.search(bounds, t.end - base)
        last = after.start() if after else len(raw)
        others = [u for u in timexes if u is not t and first <= u.start - base < last]
        if not others and not pronouns.isdisjoint(raw[first:at].lower().split()):
            out[t] = None
        elif any(u.start > t.start for u in others) and (
            span := _ended_relative(raw, first, at, t.end - base)
        ):
            out[t] = span
    return max(timexes, key=lambda t: (len(event_date(t.value)[0] or ""), t not in out, -t.start)), out


def _ended_relative(raw: str, first: int, at: int, end: int) -> tuple[int, int] | None:
    """The span of a relative clause in a sentence's subject, from `first`, with no comma around it,
    that the day at `at:end` ends, and its noun's few words: a relative pronoun after a noun, a
    verb, the day, then the main clause's verb ("A leopard that escaped from the zoo on Saturday
    was recaptured on Tuesday": the escape is its noun's background, the recapture the story). Not
    "that" after a verb ("said that"), which opens what was said."""
    lex = lexicon()
    words = list(re.finditer(r"\S+", raw[first:at].lower()))
    opening = _relative_opening(words, last=False)
    if opening is None:
        return None
    main = raw[end:].lower().split(None, 1)[:1]
    if not main or not lex.verb.fullmatch(main[0]) or main[0].endswith("ing"):
        return None
    told = raw[first + words[opening].end() : at].lower()
    if not lex.verb.search(told) and not lex.past.search(told):  # "that came through a roof"
        return None
    noun = words[max(0, opening - _ANTECEDENT_WORDS)].start()
    return first + noun, end


def _clause_pronouns() -> frozenset[str]:
    """The relative pronouns that open a clause about a noun ("who", "that"; not "where", "when")."""
    lex = lexicon()
    return (lex.relative_words - lex.adverbial_relatives) | lex.restrictive_relatives


def _in_subject_clause(before: str) -> bool:
    """Whether a relative pronoun comes in the lower-case text `before` a verb: the verb is of a
    relative clause in the subject ("Men who have fled …", "Brevik, which has supplied …")."""
    return not _clause_pronouns().isdisjoint(before.split())


def _relative_opening(
    words: Sequence[re.Match[str]], *, last: bool, pronouns: frozenset[str] | None = None
) -> int | None:
    """The position among `words` (lower-case) of the first or the last relative pronoun
    (`_clause_pronouns` unless `pronouns`) that opens a clause after a noun; None when there is
    none, or it follows a verb ("said that" opens what was said)."""
    pronouns = pronouns or _clause_pronouns()
    order = range(len(words) - 1, 0, -1) if last else range(1, len(words))
    opening = next((k for k in order if words[k][0] in pronouns), None)
    if opening is None or lexicon().verb.fullmatch(words[opening - 1][0]):
        return None
    return opening


def _perfect_relatives(raw: str, base: int, timexes: list[Timex]) -> list[tuple[int, int]]:
    """Spans of relative clauses with no comma before them that hold a day, after a main clause in
    the present perfect: "Police have recaptured Mattis Reyne, one of the two men who escaped on
    Tuesday night". The present perfect takes no past day ("have recaptured on Tuesday" is no
    English): the day is the clause's, its noun's background, and the main clause is news of the
    time of writing; so is one in the present progressive ("are taking away the carcasses of the
    whales that died this week"). A relative pronoun right after a noun (not "said that"), a verb in
    the past before the day, no clause break between; each span from the space before the pronoun
    to the clause's end. `raw` starts at `base` in the text the expressions index."""
    if not timexes:  # most sentences
        return []
    lex = lexicon()
    lowered = raw.lower()
    perfect = lex.present_perfect.search(lowered) or lex.progressive.search(lowered)
    if perfect is None or _in_subject_clause(lowered[: perfect.start()]):
        return []
    # The tense must be the reporter's, not only a quote's.
    if not (_perfect_lead(raw) or lex.progressive.search(_own(raw).lower())):
        return []
    bounds = unbroken(raw)
    days = ((t.start - base, t.end - base) for t in timexes)
    return [span for day in days if (span := _past_relative(raw, bounds, perfect.end(), day))]


def _later_relatives(raw: str, base: int, timexes: list[Timex]) -> list[tuple[int, int]]:
    """Spans of relative clauses with no comma before them that hold a day, after a main clause
    dated by an expression of its own: "Police arrested a man on Thursday on suspicion of digging
    in the field where a hoard was found last month". The main clause has its day; the clause's is
    its noun's background, an event of its own. Not "that" right after the main clause's day
    ("said on Tuesday that …" opens what was said), nor after a year ("the trial of a 1975 coup in
    which he was killed was set to open Monday") or a week. `raw` starts at `base` in the text the
    expressions index."""
    if len(timexes) < 2:  # most sentences
        return []
    lex = lexicon()
    pronouns = lex.relative_words | lex.restrictive_relatives  # "where" too: "the field where …"
    bounds = ""
    out = []
    for before, t in pairwise(timexes):
        first, at = before.end - base, t.start - base
        if not _day_precise(event_date(before.value)[0]):
            continue  # a day, not "a 1975 coup" nor "this week"
        gap = raw[first:at].lower().split(None, 1)
        if not gap or gap[0] in pronouns:
            continue
        bounds = bounds or unbroken(raw)
        if (
            _CLAUSE_BREAK.search(bounds, first, at) is None  # of the clause that day dates
            and (span := _past_relative(raw, bounds, first, (at, t.end - base), pronouns))
        ):
            out.append(span)
    return out


def _past_relative(
    raw: str, bounds: str, first: int, day: tuple[int, int], pronouns: frozenset[str] | None = None
) -> tuple[int, int] | None:
    """The span of the relative clause told in the past, after `first` in `raw`, that holds the
    `day` (its span): from the space before its pronoun (`_relative_opening`, the last one, with no
    clause break between it and the day) to the clause's end; None when there is none. `bounds` is
    `raw` with the spans that break no clause masked (`unbroken`)."""
    lex = lexicon()
    at, end = day
    lowered = raw.lower()
    first = max((m.end() for m in _CLAUSE_BREAK.finditer(bounds, first, at)), default=first)
    words = list(re.finditer(r"\S+", lowered[first:at]))
    opening = _relative_opening(words, last=True, pronouns=pronouns)
    if opening is None:
        return None
    told = lowered[first + words[opening].end() : at]
    if not lex.past.search(told) or lex.present_perfect.search(told):
        return None
    after = _CLAUSE_BREAK.search(bounds, end)
    return first + words[opening].start() - 1, after.start() if after else len(raw)


def _subject_words(sentence: str, end: int) -> list[str]:
    """The first words of `sentence` before its first verb (up to `end`): the subject that a
    predicate after a coordinator shares ("All schools stayed shut … and will reopen …"); none for a
    clause after a semicolon, which has its own ("…; they meet again next Tuesday")."""
    if sentence[:end].rstrip().endswith(";"):
        return []
    verb = lexicon().verb.search(sentence[:end].lower())
    return sentence[: verb.start() if verb else end].split()[:_ANTECEDENT_WORDS]


@lru_cache(maxsize=8)
def _spaced(words: frozenset[str]) -> tuple[str, ...]:
    """The words between spaces, as a whole sentence holds them (" after ")."""
    return tuple(f" {w} " for w in sorted(words))


def _ahead(t: Timex, published: date | None) -> bool:
    """Whether the expression dates a time that ends on the publish date or later ("later today")."""
    when = event_date(t.value)[0]
    return published is not None and when is not None and published <= _days(when)[1]


def _done_before(sentence: str, base: int, timexes: list[Timex]) -> tuple[int, int] | None:
    """The coordinator after a predicate with no date of its own that joins one still ahead,
    which has all the dates: "The ministry has ordered 1.2 million doses and will begin vaccinating
    on Monday" (a future cue right after the coordinator, none before it). The first predicate was
    done by then; the dates are the second one's. Offsets in `sentence`, at `base` in the text
    the expressions index."""
    lex = lexicon()
    first = timexes[0].start - base  # in text order
    if not any(map(sentence.__contains__, _spaced(lex.conjunction_words))):  # most sentences
        return None
    found = list(lex.conjunction.finditer(sentence, 0, first))
    if not found:  # most sentences
        return None
    lowered = sentence.lower()
    for m in found:
        before = lowered[: m.start()]
        if (
            lex.future.match(lowered, m.end())
            and lex.verb.search(before)
            and not lex.future.search(before)
            and has_content(before, _MIN_FOCUS_TERMS)
        ):
            return m.span()
    return None


def _conjunct(cuts: Sequence[tuple[int, int]], at: int, length: int) -> tuple[int, int]:
    """The stretch between the cuts around offset `at`."""
    if not cuts:  # most sentences
        return 0, length
    return (
        max((b for a, b in cuts if b <= at), default=0),
        min((a for a, b in cuts if a >= at), default=length),
    )


def _cuts(raw: str, base: int, timexes: list[Timex]) -> list[tuple[int, int]]:
    """Coordinators between two expressions of different dates ("stayed shut on Monday and will
    reopen on Wednesday"), or of one day when the second counts from the first ("The north followed
    on 2 November, and the west was reconnected later that day"): each side reports a happening of
    its own. So does a semicolon ("sat down on Tuesday, ...; they meet again next Tuesday").
    Offsets in `raw`, which starts at `base` in the text the expressions index."""
    out = []
    ordered = sorted(timexes, key=lambda t: t.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if _same_time(a, b) and not _counts_on(b):
            continue
        lo, hi = a.end - base, b.start - base
        found = [*lexicon().conjunction.finditer(raw, lo, hi), *_SEMICOLON.finditer(raw, lo, hi)]
        if found:
            out.append(max(m.span() for m in found))
    return out


def _same_time(a: Timex, b: Timex) -> bool:
    """Whether two expressions tell one time: their dates, or in an undated text their words."""
    return (event_date(a.value)[0] or a.text.lower()) == (event_date(b.value)[0] or b.text.lower())


def _undated_parts(s: _Sentence, raw: str, local: list[Timex]) -> list[EventMention]:
    """Mentions of a sentence whose own expressions cannot be resolved (an undated text): one for
    each conjunct that a coordinator cuts between two of them ("More than 600 of you stood outside
    Aldmark House on 9 January, and we were back on 16 January"), with its expression, as in a
    dated text; else the sentence, with its one expression (its day and month may meet an event's
    date: `merge.undated_relation`) or none."""
    why = "undated: its own time expression cannot be resolved"
    own = [t for t in local if t.value is None]
    cuts = _cuts(raw, s.start, own) if len(own) > 1 else []
    if not cuts:  # most sentences
        return [s.mention(None, own[0] if len(own) == 1 else None, why, s.text)]
    out: list[EventMention] = []
    parts: set[tuple[int, int]] = set()
    for t in own:
        lo, hi = part = _conjunct(cuts, t.start - s.start, len(raw))
        if part not in parts:
            parts.add(part)
            out.append(s.mention(None, t, why, _with_subject(raw, lo, hi), len(out)))
    return out


def _later_that_day(local: list[Timex], later: list[Timex], published: str) -> list[Timex]:
    """A sentence's expressions, with each length of hours or minutes `later` ("a few hours later",
    "minutes later") told after a day of its own as a time of that day, which the conjunct it ends
    tells apart ("One was taken into custody yesterday morning, and the other was held in Corbin a
    few hours later"). Counted from that day as "later that day" is: no days on from the `published`
    one its value and anchor give."""
    days = [t.end for t in local if _day_precise(t.value)]
    found = [
        replace(t, type="DATE", value=published, anchor=published, anchor_kind="reference time")
        for t in later
        if any(end <= t.start for end in days)
    ]
    return sorted(local + found, key=attrgetter("start")) if found else local


def _counts_on(t: Timex) -> bool:
    """Whether an expression counts a day from the time told before it ("later that day", "the same
    day"): not a part of that day ("in the morning"), nor a bare number ending a range ("April 8 and 9")."""
    return t.anchor_kind == "reference time" and t.type == "DATE" and any(map(str.isalpha, t.text))


@dataclass(frozen=True, slots=True)
class _Narrative:
    """Where the story is: the date an undated report continues, and the last explicit date."""

    date: str | None
    source: str
    # day-precise date of the previous mention, when its own expression gave it, or of the one the
    # undated sentences since went on with ("on Thursday. The hearing lasted five hours. … the previous
    # evening": the Wednesday), when `outright`; after a day of its own that set no narrative, that
    # day, for the next sentence only (`_counting_next`)
    explicit: str | None = None
    resume: _Narrative | None = None  # in a flashback: the story's own narrative, to return to
    said: tuple[str, ...] = ()  # the sentence of the event it tells, and those that continued it
    whole: bool = False  # a flashback that the rest of its paragraph goes on with, whatever it says
    # told in the past perfect of a clause inside it ("found that the council had failed"): an event a
    # later sentence may name ("In her ruling"), not one a statement goes on with (`_taken_up`)
    named_only: bool = False
    # `explicit` told outright, not counted from another event ("a year earlier" may compare a figure
    # with the year before): only such a day do the undated sentences after it carry on
    outright: bool = False
    # the day of the statement that told the event, when another ("A tunnel collapsed on Tuesday
    # night, the operator said on Wednesday"): the day a later statement of the report was made
    spoken: str | None = None

    @property
    def day(self) -> str | None:
        """The narrative's day, when told outright: what goes on with it counts from it."""
        return self.date if self.outright and self.date and _day_precise(self.date) else None


def _said_now(sentence: str) -> bool:
    """Whether a sentence is a statement in the present tense, in the reporter's own words ("Critics
    say the council wants the land", "…, she says"): not when a past reporting verb comes first
    ("Ruud said she believes …")."""
    own = _own(sentence)
    at = present_saying(own)
    if at is None:  # most sentences
        return False
    first = lexicon().reporting.search(own)
    return first is None or not first.group("verb") or first.start() == at


def _ends_before(when: str, than: str | None) -> bool:
    """Whether the date `when` is over before the date `than` begins."""
    return than is not None and _days(when)[1] < _days(than)[0]


def _precise(when: str | None) -> bool:
    """Whether a date is a day or a week: precise enough to set the story's time."""
    return _day_precise(when) or bool(when and _WEEK_VALUE.match(when))


def _present_around(current: EventMention, main: list[Timex], raw: str, base: int, day: str | None) -> bool:
    """Whether a mention is dated by a week that holds the story's `day`, in a clause told in the
    present ("This is its second try this week"), not one of the past ("struck a deal earlier
    this week"). `raw` starts at `base` in the text the expressions `main` index."""
    when = current.date
    if day is None or when is None or current.timex is None or not _WEEK_VALUE.match(when):
        return False
    first, last = _days(when)
    if not (_day_precise(day) and first <= date.fromisoformat(day[:10]) <= last):
        return False
    own = next((t for t in main if t.text == current.timex.text), None)
    if own is None:
        return False
    lo, hi = _focus_span(raw, own.start - base, own.end - base, 1)
    clause = _own(collapse(raw[lo:hi]))
    lex = lexicon()
    return not lex.present.isdisjoint(clause.split()) and lex.past.search(clause) is None


def _looks_back(sentence: str, inner: bool = True) -> bool:
    """Whether a sentence is a flashback: the past perfect in the reporter's own words ("The Greens
    had left the alliance on Monday"), not in what someone said ("Morrow said he had lost"); with
    `inner` false, nor in a clause inside it ("The judgment found that the council had failed")."""
    own = _own(sentence)
    lex = lexicon()
    clause = None if inner else lex.perfect_not_after.search(own)
    told = own[: clause.start()] if clause else own
    if not lex.perfect.holds_word(told):  # most sentences
        return False
    # Right after a relative pronoun it is the tense of that clause, not the sentence's: "Kost
    # thanked the crews who had come from four counties" is told in the simple past.
    relative = lex.relative_words | lex.restrictive_relatives
    return (
        any(
            not relative.intersection(told[: m.start()].split()[-1:])
            for m in lex.perfect.pattern.finditer(told)
        )
        and speaker_span(sentence) is None
    )


def _shifted(t: Timex, reference: str) -> Timex | None:
    """A "reference time" expression ("a day later") re-resolved against the event it follows."""
    if not (t.value and t.anchor and _day_precise(t.value) and _day_precise(t.anchor)):
        return None
    day = date.fromisoformat(reference[:10])
    # "that Tuesday" after "a day later" is still a Tuesday: the one nearest that later day
    day = weekday_again(t, day) or day + (
        date.fromisoformat(t.value[:10]) - date.fromisoformat(t.anchor[:10])
    )
    return replace(t, value=day.isoformat(), anchor=reference[:10], range_end=None)


@lru_cache(maxsize=256)  # asked only for statements, of the few events before them
def _sentence_words(sentence: str) -> frozenset[str]:
    """The content words and names of a sentence, who said it included."""
    return frozenset(word_terms(sentence))


@lru_cache(maxsize=256)  # asked only for statements that name no word of the current event
def _sentence_names(sentence: str) -> frozenset[str]:
    """The names in a sentence: its capitalised words and their initialisms."""
    return frozenset(names(sentence))


def _shares(
    words: frozenset[str], narrative: _Narrative, of: Callable[[str], frozenset[str]] = _sentence_words
) -> bool:
    """Whether `words` are in the event a narrative tells or in what continued it (`of` each sentence)."""
    return any(not words.isdisjoint(of(s)) for s in narrative.said)


def _told(narrative: _Narrative, perfect: bool, sentence: str) -> list[_Narrative]:
    """The `narrative` a dated sentence sets, as an event later sentences may go back to: none when
    it is in the past perfect (`perfect`), one only to name when that is inside a clause of it."""
    if not perfect:
        return [narrative]
    return [] if _looks_back(sentence, inner=False) else [replace(narrative, named_only=True)]


def _taken_up(m: EventMention, narrative: _Narrative, told: list[_Narrative]) -> _Narrative:
    """The narrative an undated mention continues: the current one, unless it is a statement by
    someone named that shares no word with it and names an earlier dated event instead ("…sold
    Brandt on Wednesday. …signed Mendes on Tuesday. Manager Calloway said the sale of Brandt would
    help": the sale's day). "She also said" names nobody and goes on. A name must meet a name there:
    "Dalsgaard Grain, which owns the site, said" names no event of "A grain warehouse burned". Only
    the latest event it names counts: when that one has the current date ("a Justice official said
    Thursday"), an older one ("Reno agreed earlier this week") takes nothing up."""
    if not m.speakers or not narrative.said or _shares(frozenset(chain(m.terms, m.speakers)), narrative):
        return narrative
    named = frozenset(chain(m.names, m.speakers))
    latest = next(
        (n for n in reversed(told) if not n.named_only and _shares(named, n, _sentence_names)), narrative
    )
    return narrative if latest.date == narrative.date else latest


def _resolved(local: list[Timex], narrative: _Narrative) -> tuple[list[Timex], bool]:
    """The sentence's dating expressions, and whether one of them cannot be resolved.

    Vague references (PRESENT_REF, "recently") date nothing, nor does a year open on one side
    ("the post-1959 politics": TimeML mod AFTER or BEFORE). An expression relative to another
    event ("a day later") counts only against an explicit date: of this sentence, or of the
    previous mention, or of the one the undated sentences since went on with; after one dated by
    context alone (the lead's publish date) or not at all it stays unresolved.
    """
    if not local:  # most sentences
        return [], False
    absolute = [
        t
        for t in local
        if t.anchor_kind != "reference time" and t.mod not in _OPEN_MODS and event_date(t.value)[0]
    ]
    out = list(absolute)
    unresolved = any(t.value is None for t in local)
    for t in local:
        if t.anchor_kind != "reference time" or t.value is None:
            continue
        reference = next(
            (a.value for a in absolute if _counts_from(a, t) and _day_precise(a.value)), None
        ) or (
            # A time of day with no day of its own is of the story's day, told outright, even when
            # a later date is the one to count from ("… meet tomorrow. The leaders will endorse it
            # after 10:00 am").
            narrative.day
            if narrative.day and t.type == "TIME" and t.anchor and t.value[:10] == t.anchor[:10]
            else narrative.explicit
        )
        if reference is None:
            moved = None
        elif t.anchor and t.anchor[:10] == reference[:10]:
            moved = t  # the tagger resolved it against the same event
        else:
            moved = _shifted(t, reference)
        if moved is None:
            unresolved = True
        else:
            out.append(moved)
    return sorted(out, key=lambda t: t.start), unresolved


def _counts_from(day: Timex, t: Timex) -> bool:
    """Whether a `day` of the sentence is the one an expression relative to another time, `t`,
    counts from: one told before it, as the tagger counts ("A woman, who was arrested the same day,
    was bailed on 12 October" is the day told before, not the 12th), or the day of a time of day
    written right after it ("at 11.30pm last night", "before 11 a.m. (0530 GMT) tomorrow")."""
    return day.start < t.start or (t.type == "TIME" and 0 <= day.start - t.end <= _TIME_DAY_GAP)


@dataclass(frozen=True, slots=True)
class _Sentence:
    """A reporting sentence being dated: where it is (clean offsets) and its collapsed text."""

    article: Article
    index: int
    start: int
    end: int
    text: str
    person: str | None = None  # who "he" or "she" stands for here (`_person_after`)
    lengths: tuple[Timex, ...] = ()  # its lengths of time counted in whole units ("a day", `P1D`)

    def mention(
        self,
        when: str | None,
        tx: Timex | None,
        why: str,
        focus: str,
        part: int = 0,
        tense: str | None = None,
        compared: str | None = None,
    ) -> EventMention:
        """The mention of this sentence that `focus` tells; merging compares the words of
        `compared` (the focus unless given)."""
        clean, published = self.article.clean, self.article.published
        if tx is not None and when is not None and _approximate_clock(clean.text, tx.start, when):
            when = when[:10]
        until = None
        if tx is not None and when is not None:
            until = event_date(tx.range_end)[0] if tx.range_end else event_date(tx.value)[1]
            if until is not None and _ends_before(until, when):
                until = None  # a range that ends before it starts spans nothing
        ref = (
            TimexRef(tx.text, tx.value, clean.to_raw(tx.start), clean.to_raw(tx.end - 1) + 1) if tx else None
        )
        line = focus if focus is self.text else collapse(focus)  # the sentence is collapsed already
        said = collapse(compared) if compared else line
        content, speaker = attribution(said)
        speakers = names(speaker, initial=said.startswith(speaker), speaking=True)
        if self.person is not None:
            content, speakers = _as_person(said, content, speaker, speakers, self.person)
        summary = summarize(line)
        return EventMention(
            article=self.article.id,
            start=clean.to_raw(self.start),
            end=clean.to_raw(self.end - 1) + 1,
            text=self.text,
            date=when,
            date_end=until,
            timex=ref,
            future=when is not None and _is_future(tense or focus, when, published),
            explanation=why,
            summary=self.text if summary == self.text else summary,  # one string, pickled once
            terms=key_terms(content),
            acts=shared_set(acts(content)),
            names=names(content, initial=not (speaker and said.startswith(speaker))),
            speakers=speakers,
            quoted=_quoted(focus),
            published=published.isoformat() if published else None,
            sentence=self.index,
            part=part,
        )


def _by_pronoun(speaker: str) -> bool:
    """Whether an attribution's speaker is "he" or "she" (`subject_pronouns`): "she said", "he told
    the Times"."""
    return not lexicon().subject_pronouns.isdisjoint(speaker.lower().split())


def _as_person(
    said: str, content: str, speaker: str, speakers: tuple[str, ...], person: str
) -> tuple[str, tuple[str, ...]]:
    """(content, speakers) with a subject pronoun read as the `person` it stands for, as if named:
    "she said" is a statement of theirs, "She blamed soaring energy bills" an act."""
    if speaker and _by_pronoun(speaker):  # "he told the Times": not the Times
        return content, names(person, initial=False, speaking=True)
    first = said.split(" ", 1)[0]
    pronouns = lexicon().subject_pronouns
    if first[:1].isupper() and first.lower() in pronouns and content.startswith(said[: len(first) + 1]):
        return f"{person} {content[len(first) + 1 :]}", speakers
    return content, speakers


_RECOGNIZER = HeuristicRecognizer()
# "Petra Lund", "Mr. Nadir". The boundary is checked after the first capital, so that the regex
# engine skips to capitals instead of trying every position.
_TWO_CAPITALS = re.compile(r"[A-Z](?<!\w[A-Z])[\w'’-]*\.?\s+[A-Z]")


@lru_cache(maxsize=1 << 14)  # asked of the first words of every sentence: they repeat
def _ends_subject(word: str) -> bool:
    """Whether a word ends the opening where a sentence's subject is sought: a pronoun or a verb."""
    lex = lexicon()
    return word.lower() in lex.subject_pronouns or bool(lex.verb.fullmatch(word))


def _subject(sentence: str) -> str | None:
    """The person a sentence names in its first words as its subject ("Chief executive Petra Lund
    blamed", "Oskar Brannock, 61, was"): a name followed by a comma or a verb, not one that
    qualifies a noun ("New York State double-jeopardy laws", "Smith Barney's Mr. Doyle"), nor one
    after a verb or a pronoun ("He said Du Pont holds …")."""
    lex = lexicon()
    words = sentence.split(" ", 2 * _SUBJECT_WORDS)[: 2 * _SUBJECT_WORDS]  # room for a long name
    if not _TWO_CAPITALS.search(" ".join(words)):  # most sentences; the opening below is a prefix
        return None
    # Up to the first verb, which follows the name.
    ends = (k for k, w in enumerate(words) if _ends_subject(w))
    opening = " ".join(words[: next(ends, len(words) - 1) + 1])
    if not _TWO_CAPITALS.search(opening):  # most sentences: a person is named by two words at least
        return None
    for e in _RECOGNIZER.recognize(opening):
        if len(opening[: e.start].split()) >= _SUBJECT_WORDS:
            return None
        after = opening[e.end :]
        word = after.split(" ", 2)[1] if after.startswith(" ") and after.count(" ") else ""
        if e.kind is EntityKind.PERSON and (after.startswith(",") or bool(lex.verb.fullmatch(word))):
            return e.text
    return None


@lru_cache(maxsize=256)  # asked after every sentence, of the few people an article names
def _names_of(person: str | None) -> frozenset[str]:
    """The names of a person `_person_after` follows ("Petra Lund": her name's stems and initials)."""
    return frozenset(names(person, initial=False)) if person else frozenset()


def _person_after(sentence: str, person: str | None, subject: str | None) -> str | None:
    """Who "he" or "she" stands for after `sentence` (`subject_pronouns`), `person` before it
    (its `subject` when it has one): the person it names as its speaker ("…, said Petra Lund"),
    else its subject; still `person` after a sentence of theirs ("Lund said", "she said", "She
    blamed …") or one that names only places and organisations; nobody after a statement by
    someone unnamed ("a spokeswoman said"), by something ("Officials said"), or a sentence naming
    someone else ("Brenn was shot …": "He had been investigating" is Brenn)."""
    span = speaker_span(sentence)
    own = _names_of(person)
    if span is not None:
        speaker = sentence[span[0] : span[1]]
        if _by_pronoun(speaker):  # "she said", "he told the Times"
            return person
        said_by = names(speaker, initial=not span[0], speaking=True)
        if not said_by:
            # A statement by someone unnamed is its subject's, if it has one ("James Fallon, a
            # marketing consultant …, says"), else nobody's ("a spokeswoman said").
            return subject
        named = [e.text for e in _RECOGNIZER.recognize(speaker) if e.kind is EntityKind.PERSON]
        if named:
            return named[0]
        return person if own.issuperset(said_by) else None
    if not person or subject or sentence.split(" ", 1)[0].lower() in lexicon().subject_pronouns:
        return person
    if own.issuperset(names(sentence)):  # most sentences: no name, or only theirs
        return person
    # A place or an organisation is no one "he" could stand for; a name of no known kind may be.
    others = (e for e in _RECOGNIZER.recognize(sentence) if e.kind in (EntityKind.PERSON, None))
    return person if all(own.issuperset(names(e.text, initial=False)) for e in others) else None


def _quoted(focus: str) -> tuple[str, ...]:
    """The words quoted verbatim, as terms (most sentences quote nothing)."""
    if '"' not in focus and "“" not in focus:
        return ()
    return tuple(sorted({t for q in QUOTED.findall(focus) for t in word_terms(q)}))


def _most_specific(timexes: list[Timex]) -> Timex:
    """The finest date; the first one on a tie."""
    return max(timexes, key=lambda t: (len(event_date(t.value)[0] or ""), -t.start))


def _said_dates(raw: str, base: int, main: list[Timex], speaker: tuple[int, int] | None) -> list[Timex]:
    """The expressions of the sentence `raw` (at `base`) that date the statement: in the attribution,
    or what was said with a date of its own."""
    said = [t for t in main if speaker and speaker[0] <= t.start - base < speaker[1]]
    if len(main) > 1:  # what was said may have a date of its own
        said += [t for t in _statement_dates(raw, base, main) if t not in said]
    return said


def _dated_by_own(
    s: _Sentence, main: list[Timex], context: _Narrative
) -> tuple[list[EventMention], EventMention, str | None]:
    """Mentions of a sentence with dates of its own, the one that sets the narrative date, and the
    day of the statement that told it when that is another ("…, the operator said on Wednesday").

    The reported happening comes first; a statement dated apart from it ("Peskov said on Friday
    that talks will resume on Monday"), a clause with a date of its own ("…, after the quake
    on Saturday") and a predicate done before the dated one that is still ahead ("has ordered 1.2
    million doses and will begin vaccinating on Monday", dated by the `context`) are mentions too.
    """
    raw = s.article.clean.text[s.start : s.end]
    speaker = speaker_span(raw)
    said = _said_dates(raw, s.start, main, speaker)
    told = [t for t in main if t not in said]
    # A date in the possessive names a thing ("after Thursday's leak … returned home on Friday"):
    # the sentence's own happening is dated by another expression when it has one.
    text = s.article.clean.text
    owned = [t for t in told if text[t.end : t.end + 2] in _POSSESSIVE]
    best, nested = _best(raw, s.start, [t for t in told if t not in owned] or told or said)
    if fronted := _fronted_offset(s, raw, main, best, said):
        return fronted, fronted[0], None
    cuts = _cuts(raw, s.start, told)
    ahead = told and not cuts and _ahead(best, s.article.published)  # what was done is before it
    done = _done_before(raw, s.start, told) if ahead else None
    if done:
        cuts = [done]
    own_part = _conjunct(cuts, best.start - s.start, len(raw))  # the conjunct the best date is in
    # A date in the attribution ("…, Peskov told LCI on Wednesday") dates all that was said. Cut
    # from a conjunct that counts on from its day ("The north followed on 2 November, and the west
    # was reconnected later that day"), a clause tells its own happening as that one does, however short.
    best_day = event_date(best.value)[0]
    then = any(
        _counts_on(t)
        and event_date(t.value)[0] == best_day
        and _conjunct(cuts, t.start - s.start, len(raw)) != own_part
        for t in told
    )
    first, last = (
        (0, len(raw))
        if best in said
        else _focus_span(
            raw,
            best.start - s.start,
            best.end - s.start,
            _MIN_CLAUSE_TERMS if then else _MIN_FOCUS_TERMS,
            cuts,
        )
    )
    things = [] if best in owned else [t for t in owned if first <= t.start - s.start < last]
    if things:  # "after Thursday's leak" is a phrase, not a clause: the sentence's subject stays
        first, last = 0, len(raw)
    # A day in the possessive names a thing ("after missing Monday's match"), not the clause's time.
    anchored = None
    if best not in said and not things and best not in owned:
        if tied := _anchoring(raw, s.start, best, main, cuts, own_part[0]):
            anchored, (first, last) = tied
    first, last, clause = _primary_clause(raw, (first, last), own_part, done, anchored)
    cut = then and (first, last) != (0, len(raw))  # a conjunct of its own
    why = f"dated by {best.text!r}" + (
        f" in the clause {collapse(clause)!r}" if anchored or done or cut else ""
    )
    when, by, why = _counted_from_thing(s, raw, best, owned) or (
        event_date(best.value)[0],
        best,
        f"{why}: {best.explain()}",
    )
    primary = s.mention(
        when,
        by,
        why,
        clause,
        # "… on Monday and will reopen …": Monday's own conjunct says it is past.
        tense=raw[own_part[0] : own_part[1]] if cuts else None,
        compared=_unowned(raw, s.start, things) if things else None,
    )
    offsets = _offset_clauses(s, raw, main, best, primary)
    subordinates = {
        t.start: sub
        for t in told
        if t is not best
        and (sub := _subordinate(raw, t.start - s.start, t.end - s.start, best.start - s.start, cuts))
    }
    # The clauses apart end the one the best date tells, at their subordinator or span.
    ends = [at for at, _ in offsets] + [
        len(raw[:lo].rstrip().rsplit(None, 1)[0]) for lo, _ in subordinates.values()
    ]
    primary = _before_offset(s, raw, primary, best, first, ends, bool(anchored or done))
    out = [primary]
    if done:
        lo = dateline.end() if (dateline := DATELINE.match(raw)) else 0
        earlier = raw[lo : done[0]]
        why = (
            f"no date of its own: done before what the sentence dates ahead; continues {context.source},"
            f" in the clause {collapse(earlier)!r}"
        )
        out.append(s.mention(context.date, None, why, earlier, len(out)))
    main_clause, narrative = _anchored_mention(s, anchored, primary, best, context, len(out))
    out += main_clause
    spoken = None
    if said and told and event_date((statement := _most_specific(said)).value)[0] != primary.date:
        why = f"the statement itself, dated by {statement.text!r}: {statement.explain()}"
        told_on = s.mention(event_date(statement.value)[0], statement, why, raw, len(out))
        out.append(told_on)
        # What follows goes on with the happening ("A blaze destroyed the warehouse on Sunday, the
        # port said on Tuesday. No one was injured."), unless that is still ahead; a later statement
        # was made on the statement's day.
        ahead = primary.future or not _day_precise(primary.date)
        narrative = told_on if ahead else narrative
        spoken = told_on.date if not ahead and _day_precise(told_on.date) else None
    for t in told:
        when = event_date(t.value)[0]
        at = t.start - s.start
        part = _conjunct(cuts, at, len(raw))
        apart = part != own_part
        # What was said, after the attribution, with a day of its own while the best date is before
        # it: "In a statement released on Tuesday, the ministries said the crew would be freed on
        # Wednesday" tells the statement and the release, each on its day. A month there is most
        # often a span's bound ("might not be finalised until April"), no happening.
        content = speaker is not None and best.start - s.start < speaker[1] <= at and _day_precise(when)
        subordinate = subordinates.get(t.start)
        if (when in {m.date for m in out} and not (apart and _counts_on(t))) or (
            first <= at < last and not apart and not content and t not in nested and subordinate is None
        ):
            continue
        span = subordinate or nested.get(t) or _focus_span(raw, at, t.end - s.start, _MIN_CLAUSE_TERMS, cuts)
        if content and speaker is not None:
            clause = raw[speaker[1] : max(span[1], t.end - s.start)].strip(" ,.")
        elif span != (0, len(raw)):
            clause = _with_subject(raw, *span)
        elif apart:  # a short predicate of its own ("… and will reopen on Wednesday"): with its subject
            lo, hi = part
            clause = " ".join(_subject_words(raw, lo) + raw[lo:hi].split())
        else:
            continue
        why = f"dated by {t.text!r} in the clause {collapse(clause)!r}: {t.explain()}"
        out.append(s.mention(when, t, why, clause, len(out)))
        # A sentence going on from the time told ("that evening") goes on to a later conjunct that
        # tells a later day, where the story is then ("… back into deep water that evening, but six
        # of them came ashore again yesterday morning. ¶ Volunteers floated the six off again in the
        # afternoon": that morning's afternoon). (Not "fell ill on November 1, and died on November
        # 23", whose days are told outright: what follows need not go on from either.)
        if (
            apart
            and best.anchor_kind == "reference time"
            and part[0] > own_part[0]
            and not out[-1].future
            and _day_after(when, narrative.date)
        ):
            narrative = out[-1]
    return out + [replace(m, part=len(out) + k) for k, (_, m) in enumerate(offsets)], narrative, spoken


def _subordinate(
    raw: str, start: int, end: int, best: int, cuts: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """The span of the clause around the expression at `start:end` when it opens with a
    subordinator (`anchoring_subordinators`), has a verb and is apart from the expression at
    `best`: "The rocket lifted off on Thursday morning after a first attempt on Tuesday was
    scrubbed", "quashed the decision on Friday, after a two-day hearing that began on Wednesday"
    tell two happenings, however short the main clause."""
    lex = lexicon()
    lo, hi = _focus_span(raw, start, end, 1, cuts)
    first = raw[lo:start].split(" ", 1)[0]
    if first.lower() in lex.anchoring:  # ", after a hearing that began …": the comma broke the clause
        lo += len(first) + 1
    elif not lo or raw[:lo].rsplit(None, 1)[-1].lower() not in lex.anchoring:
        return None
    return (lo, hi) if not lo <= best < hi and lex.verb.search(raw[lo:hi].lower()) else None


def _before_offset(
    s: _Sentence, raw: str, primary: EventMention, best: Timex, first: int, spans: list[int], tied: bool
) -> EventMention:
    """The `primary` mention reporting its clause, from `first`, up to the first of the `spans`
    after or before it (offsets in `raw`; each a mention apart: `_offset_clauses`); as it was when
    there is none, when the span comes first, or when its clause is `tied` to another already."""
    if not spans or tied or min(spans) < best.end - s.start:
        return primary
    clause = raw[first : min(spans)].rstrip(" ,;")
    why = f"dated by {best.text!r} in the clause {collapse(clause)!r}: {best.explain()}"
    return s.mention(primary.date, best, why, clause)


def _offset_clauses(
    s: _Sentence, raw: str, main: list[Timex], best: Timex, primary: EventMention
) -> list[tuple[int, EventMention]]:
    """Mentions of the clauses a span after or before the happening `primary` tells, to the day
    (`offset_clause`): "Skylark 3 carried the satellite into orbit last Thursday, two days after a
    faulty valve forced Aldren Orbital to halt the countdown" tells the halt, on the Tuesday. Not
    a clause with a date of its own, nor a thing ("two days after the vote": no verb). `raw` is
    the sentence, at `s.start` in the text the expressions `main` index; each mention with the
    offset in `raw` of its span."""
    lex = lexicon()
    if primary.future or not _day_precise(primary.date) or primary.date is None:
        return []
    if not any(map(raw.__contains__, _spaced(frozenset(lex.relative_directions)))):  # most sentences
        return []
    out = []
    lowered = raw.lower()
    for at, length, unit, number, direction, (lo, hi) in _counted_spans(s, lowered):
        event = lowered[lo:hi]
        inside = any(lo <= t.start - s.start < hi for t in main)
        if inside or not _clause(event) or not has_content(event, _MIN_CLAUSE_TERMS):
            continue
        # "nearly four weeks after": no day to count to
        if unit in ("day", "week") and _approximated(lowered, at):
            continue
        when = _moved(primary.date, unit, -number * lex.relative_directions[direction])
        clause = raw[lo:hi]
        why = (
            f"no date of its own: {length} {direction} it, counted from"
            f" {best.text!r} ({primary.date[:10]}), in the clause {collapse(clause)!r}"
        )
        out.append((at, s.mention(when, None, why, clause)))
    return out


def _counted_from_thing(
    s: _Sentence, raw: str, best: Timex, owned: list[Timex]
) -> tuple[str, None, str] | None:
    """The day a span after or before a day's thing counts to, no expression of its own, and why:
    "has sacked the coach, three days after Saturday's humiliation" tells the sacking on the
    Tuesday; the day in the possessive (`best`, one of the `owned`) names the humiliation. None
    when no span of whole days or weeks (not an approximate one) comes right before it."""
    lex = lexicon()
    day = event_date(best.value)[0]
    if best not in owned or day is None or not _day_precise(day):
        return None
    lowered = raw.lower()
    for at, length, unit, number, direction, (lo, _) in _counted_spans(s, lowered):
        if lo != best.start - s.start or unit not in ("day", "week"):
            continue
        if _approximated(lowered, at):
            return None
        why = (
            f"no date of its own: {length} {direction} the thing {best.text!r} dates ({day[:10]}),"
            f" counted from it: {best.explain()}"
        )
        return _moved(day, unit, number * lex.relative_directions[direction]), None, why
    return None


def _counted_number(word: str) -> int:
    """The number a counted span is written with: figures or a number word ("two")."""
    return int(word if word.isdigit() else lexicon().synonyms[word])


def _approximated(lowered: str, at: int) -> bool:
    """Whether an approximation ("nearly") comes right before the span at `at` of `lowered`: a span
    that counts to no day."""
    return bool(lexicon().offset_approximate.search(lowered, max(0, at - 20), at))


def _approximate_clock(text: str, at: int, when: str) -> bool:
    """Whether `when` is a time of day made approximate by a word right before its expression at `at`
    of `text` ("at about 3.40pm", "shortly before 4 a.m."): such a mention is dated to its day."""
    return len(when) > 10 and bool(lexicon().clock_approximate.search(text[max(0, at - 24) : at].lower()))


def _clause(event: str) -> bool:
    """Whether the lower-case words an offset counts from tell a happening, not a thing: a verb ("a
    valve failed", "forced") or a simple past ("the strike began"), not "the vote"."""
    lex = lexicon()
    return bool(lex.verb.search(event) or lex.past.search(event))


def _counted_spans(s: _Sentence, lowered: str) -> list[tuple[int, str, str, int, str, tuple[int, int]]]:
    """The spans of time before a direction and a clause in a sentence (`lowered`): "two days after
    a valve failed" (`offset_clause`), and a length the tagger counted whose number is no word of
    it ("a day after the government survived a vote", `P1D`). Each as (offset, the length as
    written, unit, number, direction, the clause's span), offsets in the sentence."""
    lex = lexicon()
    out = []
    for m in lex.offset_clause.finditer(lowered):
        length = lowered[m.start() : m.end("unit")]
        out.append(
            (
                m.start(),
                length,
                lex.offset_units_moved[m["unit"]],
                _counted_number(m["number"]),
                m["direction"],
                m.span("event"),
            )
        )
    for t in s.lengths:
        at = t.start - s.start
        if any(a <= at < b[1] for a, *_, b in out):  # read by the pattern already
            continue
        if (tail := lex.direction_tail.match(lowered, t.end - s.start)) and (
            counted := _COUNTED.match(t.value or "")
        ):
            out.append(
                (
                    at,
                    lowered[at : t.end - s.start],
                    _COUNTED_UNITS[counted[2]],
                    int(counted[1]),
                    tail["direction"],
                    tail.span("event"),
                )
            )
    return sorted(out)


def _fronted_offset(
    s: _Sentence, raw: str, main: list[Timex], best: Timex, said: list[Timex]
) -> list[EventMention] | None:
    """Mentions of a sentence that opens with a span after or before a dated clause, then a comma
    and the main clause (`offset_clause`): "Three days after the festival opened on April 9, dozens
    of viewers walked out" tells the opening on the 9th and the walkout counted from it, on the
    12th; the main clause, later in the story, comes first. None when the sentence is not so built,
    the main clause has a date of its own, the dated clause is no act ("Two days after the vote,"),
    or a date is the statement's (`said`)."""
    lex = lexicon()
    if said:
        return None
    lowered = raw.lower()
    m = lex.offset_clause.match(lowered, len(lowered) - len(lowered.lstrip()))
    if m is None or lowered[m.end() : m.end() + 1] != ",":
        return None
    if any(not m.start("event") <= t.start - s.start < m.end("event") for t in main):
        return None
    event, rest = raw[m.start("event") : m.end("event")], raw[m.end() + 1 :].strip(" .")
    when = event_date(best.value)[0]
    if not _day_precise(when) or when is None or not _clause(event.lower()):
        return None
    if not has_content(rest, _MIN_CLAUSE_TERMS) or lex.offset_approximate.search(lowered, 0, m.start()):
        return None
    later = _moved(
        when,
        lex.offset_units_moved[m["unit"]],
        _counted_number(m["number"]) * lex.relative_directions[m["direction"]],
    )
    why = (
        f"no date of its own: {m['number']} {m['unit']} {m['direction']} the clause dated by {best.text!r}"
        f" ({when}), counted from it, in the clause {collapse(rest)!r}"
    )
    told = f"dated by {best.text!r} in the clause {collapse(event)!r}: {best.explain()}"
    return [s.mention(later, None, why, rest), s.mention(when, best, told, event, 1)]


def _anchored_mention(
    s: _Sentence,
    anchored: tuple[str, str, bool] | None,
    primary: EventMention,
    best: Timex,
    context: _Narrative,
    part: int,
) -> tuple[list[EventMention], EventMention]:
    """The mention of the main clause `anchored` to the clause `primary` tells (none when there is
    none, or that clause is still ahead), and the mention that sets the narrative: on the tied
    clause's day, `primary`; when that day is a noun's ("after a trial in which witnesses testified
    on Monday"), the main clause's own, at the story's time (`context`)."""
    if anchored is None or primary.future:
        return [], primary
    clause, word, shared = anchored
    if shared:
        why = f"no date of its own: tied by {word!r} to the clause dated by {best.text!r}"
        return [
            s.mention(primary.date, None, f"{why}, in the clause {collapse(clause)!r}", clause, part)
        ], primary
    why = f"no date of its own: {best.text!r} dates a noun after {word!r}; continues {context.source}"
    own = s.mention(context.date, None, f"{why}, in the clause {collapse(clause)!r}", clause, part)
    return [own], own


def _anchoring(
    raw: str, base: int, best: Timex, main: list[Timex], cuts: list[tuple[int, int]], start: int
) -> tuple[tuple[str, str, bool], tuple[int, int]] | None:
    """The main clause (and its subordinator) tied to the clause that `best` dates to the day,
    however short that clause, and that clause's span (`_anchored_main`); none when the main
    clause, from `start`, has a date of its own. Offsets in `raw`, at `base` in the text `best` indexes."""
    at = best.start - base
    head = raw[start:at]
    subordinated = any(map(head.__contains__, _spaced(lexicon().anchoring)))
    if not subordinated and not lexicon().perfect.search(head.lower()):  # most sentences
        return None
    if not _day_precise(event_date(best.value)[0]):
        return None
    narrow = _focus_span(raw, at, best.end - base, 1, cuts)
    if not narrow[0] or any(t.start - base < narrow[0] for t in main):
        return None
    anchored = (subordinated and _anchored_main(raw, start, narrow[0], at)) or _looked_back(
        raw, start, *narrow
    )
    return (anchored, narrow) if anchored else None


def _looked_back(raw: str, start: int, first: int, last: int) -> tuple[str, str, bool] | None:
    """(main clause, the dated clause's first word, False) when the clause dated at `first:last`
    after a comma is in the past perfect and the main clause before it, from `start`, in the simple
    past: "The exchange halted the shares before the opening bell, citing a statement the bank had
    issued the previous evening" dates the statement; the halt came after it, at the story's time."""
    lex = lexicon()
    clause, main = raw[first:last].lower(), raw[start:first].rstrip(" ,")
    if dateline := DATELINE.match(main):
        main = main[dateline.end() :]
    lowered = main.lower()
    if (
        not raw[:first].rstrip().endswith(",")
        or not lex.perfect.search(clause)
        or lex.perfect.search(lowered)
        or lex.future.search(lowered)
        or not lex.past.search(lowered)
        or speaker_span(main) is not None
        or not has_content(main, _MIN_FOCUS_TERMS)
        # "Following the 1994 accords which ended the war, …": a phrase, whose verbs are a noun's
        or not lex.relative_words.isdisjoint(lowered.split())
    ):
        return None
    return main, clause.split(" ", 1)[0], False


def _primary_clause(
    raw: str,
    span: tuple[int, int],
    own_part: tuple[int, int],
    done: tuple[int, int] | None,
    anchored: tuple[str, str, bool] | None,
) -> tuple[int, int, str]:
    """(first, last, clause): what the mention of a sentence's best date reports, the `span` of
    `raw` around it, with the subject it shares with a predicate `done` before it ("… and will
    begin vaccinating": the conjunct however short) or with the `anchored` main clause ("Mendes,
    24, signed a contract after undergoing a medical on Monday": Mendes underwent it)."""
    first, last = span
    clause = _with_subject(raw, first, last)
    if done:
        if span == (0, len(raw)):
            first, last = own_part
            clause = raw[first:last]
        if first == own_part[0]:
            clause = " ".join([*_subject_words(raw, done[0]), clause])
    if anchored and anchored[2] and (verb := lexicon().verb.match(clause.lower())):
        clause = " ".join([*_subject_words(anchored[0], len(anchored[0])), clause[verb.start() :]])
    return first, last, clause


def _statement_dates(raw: str, base: int, timexes: list[Timex]) -> list[Timex]:
    """The expressions that date a statement, not what it says: between a reporting word and the
    "that" of its content ("told its staff yesterday that the plant will shut in March"), or in the
    possessive right before it ("Monday's announcement that …"). `raw` starts at `base` in the
    text the expressions index."""
    if " that" not in raw:  # most sentences (a capital "That" opens a sentence: no reporting word before)
        return []
    lowered = raw.lower()
    out = []
    for m in lexicon().statement.finditer(lowered):
        for t in timexes:
            at, end = t.start - base, t.end - base
            if m.start() <= at < m.end() or lowered[end : m.start()] in _OWNING:
                out.append(t)
    return out


def _unowned(raw: str, base: int, owned: list[Timex]) -> str:
    """`raw` (at offset `base`) without the noun phrases that dates in the possessive begin, up to
    the next verb: "Residents evacuated after Thursday's leak at the plant returned home on Friday"
    reports the return, and the leak's words would tie it to the leak."""
    verb = lexicon().verb
    lowered = raw.lower()
    out, at = [], 0
    for t in sorted(owned, key=lambda t: t.start):
        start = t.start - base
        if start < at:
            continue
        after = verb.search(lowered, t.end - base)
        out.append(raw[at:start])
        at = after.start() if after else len(raw)
    return "".join(out) + raw[at:]


def _said_within(raw: str, base: int, timexes: list[Timex]) -> bool:
    """Whether every expression is in what a statement says, none in its attribution: "Holm said her
    client had been in another city that night" was said at the story's time, whenever "that night"
    was. `raw` starts at `base` in the text the expressions index."""
    speaker = speaker_span(raw)
    return speaker is not None and not any(speaker[0] <= t.start - base < speaker[1] for t in timexes)


def _names_past_event(
    current: EventMention, main: list[Timex], raw: str, spans: list[tuple[int, int]]
) -> bool:
    """Whether a sentence dated by a weekday in the possessive only names that day's event from the
    present, its main clause with no past cue: "The decision follows Wednesday's semi-final" tells
    of the decision, so what follows it goes on with the story's time, not Wednesday's."""
    if current.timex is None:
        return False
    own = next((t for t in main if t.start == current.timex.start), None)
    return (
        own is not None
        and own.cue == "possessive"
        and lexicon().past.search(_own(_outside(raw, spans) if spans else collapse(raw))) is None
    )


def _unmoved(
    current: EventMention,
    main: list[Timex],
    raw: str,
    base: int,
    spans: list[tuple[int, int]],
    narrative: _Narrative,
    lead: _Narrative,
) -> _Narrative | None:
    """The narrative a sentence dated by `main` (its mention `current`) leaves what follows with,
    when it tells no time a story goes on in: what is still ahead or undated, a present sentence
    naming a past day's event or a week around the story's day keep the story's time; a state at
    the time of writing returns to the `lead`. None when it sets the narrative. `raw` starts at
    `base` in the text the expressions index."""
    if not current.date or current.future:
        return narrative
    if _present_state(raw, base, main):
        return lead
    if _names_past_event(current, main, raw, spans) or _present_around(
        current, main, raw, base, narrative.date
    ):
        return narrative
    return None


def _present_state(raw: str, base: int, main: list[Timex]) -> bool:
    """Whether a sentence's days all date a relative clause of its subject, a verb of a lasting
    state in the present (`state_verbs`) right after them: "The hosepipe ban that came into force on
    24 July remains in place" tells the state at the time of writing, the ban's start as
    background, so what follows is of that time, not of the start. `raw` starts at `base` in the
    text the expressions index."""
    lex = lexicon()
    lowered = raw.lower()
    pronouns = lex.relative_words | lex.restrictive_relatives
    for t in main:
        head = lowered[: t.start - base].split()
        opens = [k for k, word in enumerate(head) if word in pronouns]
        subject = head[: opens[-1]] if opens else []
        verb = lowered[t.end - base :].split()[:2]
        if verb[:1] == ["still"]:
            verb = verb[1:]
        if (
            not subject
            or len(subject) > _SUBJECT_WORDS + 2
            or not all(map(str.isalpha, subject))  # no clause break, no quote: the sentence opens with it
            or lex.verb.search(" ".join(subject))
            or not verb
            or verb[0] not in lex.state_verbs
        ):
            return False
    return bool(main)


def _outside(raw: str, spans: list[tuple[int, int]]) -> str:
    """`raw` without the relative clauses at `spans`, white space collapsed."""
    out, at = [], 0
    for a, b in sorted(spans):
        out.append(raw[at:a])
        at = max(at, b)
    return collapse("".join(out) + raw[at:])


def _sub_clauses(
    s: _Sentence, timexes: list[Timex], spans: list[tuple[int, int]], main_date: str | None, first: int
) -> list[EventMention]:
    """Mentions of relative clauses (", which … in 2014") whose date differs from the main one."""
    if not timexes:  # most sentences
        return []
    raw = s.article.clean.text[s.start : s.end]
    out = []
    for part, t in enumerate(timexes, start=first):
        when = event_date(t.value)[0]
        if when and when != main_date:
            span = next(sp for sp in spans if sp[0] <= t.start - s.start < sp[1])
            focus = _focus(raw, span)
            why = f"dated by {t.text!r} in the clause {collapse(focus)!r}: {t.explain()}"
            out.append(s.mention(when, t, why, focus, part))
    return out


def _joined_acts(sentence: str) -> list[re.Match[str]]:
    """Each main clause joined to the one before with a subject of its own that names an actor and
    a verb in the simple past (`coordinated_joints`): ", and the county council declared a major
    incident". After a clause with a verb ("At midnight, while the guerrillas remained inside,
    residents …" opens with no main clause), and not in a quotation, whose speaker tells it all."""
    lex = lexicon()
    return [
        m
        for m in lex.coordinated.finditer(sentence)
        if _acting(m["subject"].split())
        and (lex.verb.search(before := sentence[: m.start()].lower()) or lex.past.search(before))
        and not any(q.start() < m.start() < q.end() for q in QUOTED.finditer(sentence))
    ]


def _acting(subject: list[str]) -> bool:
    """Whether the words of a subject name an actor: a name, or an actor's noun ("the county
    council"); none of them a verb ("the council will be asked") nor a pronoun."""
    lex = lexicon()
    lowered = [w.lower() for w in subject]
    if any(lex.verb.fullmatch(w) for w in lowered) or not lex.subjects_apart.isdisjoint(lowered):
        return False
    # A determiner inside opens the object of a verb before it ("a third wants the Iraqi
    # constitution reviewed"), unless a name's link comes before it ("the mayor of the city"); one
    # last is no subject ("and Aldo Fumagalli for the left, who").
    if lowered[-1] in lex.determiners or any(
        w in lex.determiners and before not in lex.name_links for before, w in pairwise(lowered)
    ):
        return False
    names = (w for w, low in zip(subject, lowered, strict=True) if low not in lex.determiners)
    return any(w[:1].isupper() for w in names) or not lex.actors.isdisjoint(lowered)


def _with_joined(s: _Sentence, found: list[EventMention], timexes: list[Timex]) -> list[EventMention]:
    """`found` and a mention of each act a joined main clause tells (`_joined_acts`), of the day of
    the act before it ("Firefighters evacuated 40 homes on Tuesday morning, and the county council
    declared a major incident": two acts, that morning).

    Only when that act is done and its own expression tells its day: a context date is a guess
    already, and a short clause dated by one meets unrelated reports of the days around it. Not a
    clause with an expression of the sentence's `timexes` ("the same day", "eight years later"),
    dated by it or by none; nor one the mention of the act before it tells too (a statement's
    whole sentence, `_focus_span`), which stays one."""
    joints = _joined_acts(s.text)
    if not joints:  # most sentences
        return found
    out = list(found)
    starts = [0, *(j.start("subject") for j in joints)]
    ends = [*(j.start() for j in joints), len(s.text)]
    own = [t.text for t in timexes]
    for k, joint in enumerate(joints):
        head = s.text[joint.start("subject") : joint.end()].lower()
        clause = s.text[starts[k + 1] : ends[k + 1]]
        summaries = [m.summary.lower() for m in out]
        if any(head in x for x in summaries) or any(t in clause for t in own):
            continue
        before = s.text[starts[k] : ends[k]]
        tail = " ".join(before.split()[-2:]).lower()  # the mention of the act before it: its last words
        told = next((i for i, x in enumerate(summaries) if tail in x), 0)
        act = out[told]
        if act.timex is None or act.future or not _day_precise(act.date):
            continue
        if not has_content(clause, _MIN_CLAUSE_TERMS):  # too little to report apart
            continue
        act = out[told] = replace(act, explanation=_apart(act.explanation, before))
        why = (
            f"the day of the act before it, in the clause {clause!r}, joined to it with a subject of its"
            f" own ({joint['subject']!r}); that act: {act.explanation}"
        )
        out.append(s.mention(act.date, None, why, clause, len(out)))
    return out


def _apart(why: str, clause: str) -> str:
    """The explanation `why` of a mention, naming the `clause` it tells when it names none (it is
    cut from a sentence that tells another act)."""
    if "in the clause" in why:
        return why
    return f"{why}; in the clause {collapse(clause)!r}, another act joined to it"


def _qualifiers(sentence: str, base: int, timexes: list[Timex]) -> dict[Timex, int]:
    """The expressions that date a participle phrase after a noun ("hatchbacks built between 2021
    and 2023", "The act, passed by parliament in June 2023,"): they say which thing, not when the
    sentence's happening was. `sentence` starts at `base` in the text the expressions index.
    Returns each with where its phrase starts."""
    lex = lexicon()
    bounds = unbroken(sentence)
    out: dict[Timex, int] = {}
    for m in lex.participle.finditer(sentence):
        if not m.group("comma"):
            noun = m.group("noun")
            clause = max((b.end() for b in _CLAUSE_BREAK.finditer(bounds, 0, m.start())), default=0)
            if noun.lower() in lex.stopwords or not lex.verb.search(sentence[clause : m.start()].lower()):
                continue
        after = _CLAUSE_BREAK.search(bounds, m.end())
        stop = after.start() if after else len(sentence)
        for t in timexes:
            at = t.start - base
            # The time may start at the "preposition" in an apposition set off by commas
            # (", arrested earlier this week,") or ending the sentence (", tabled last Friday.");
            # not ", reported last month that …".
            apposed = (
                m["comma"]
                and at == m.start("preposition")
                and not sentence[t.end - base : stop].strip(_SENTENCE_END)
            )
            if (m.end() <= at < stop or apposed) and len(sentence[m.end() : at].split()) <= _QUALIFIER_WORDS:
                out.setdefault(t, m.start("participle") - 1)  # from the space, as ", which …"
    return out


_JOINED = re.compile(r"\s*(?:,|and|or|to|-|–)\s*")
_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w'’-]*)")


def _naming(sentence: str, base: int, timexes: list[Timex]) -> list[Timex]:
    """The expressions that name a thing after the verb of their clause rather than date the act
    it reports: a date between a determiner and its noun ("questioned about the 2024 engineer's
    report", "reported a first-quarter loss"), unless the noun names an event ("won the 2019
    election"), and a period as an object ("described the quarter as painful"); none that a time
    preposition introduces ("at the 2024 Olympics", "in the quarter"). `sentence` starts at `base`
    in the text the expressions index."""
    lex = lexicon()
    out: list[Timex] = []
    for t in timexes:
        at, end = t.start - base, t.end - base
        own = sentence[at:end].lower().split()
        before = sentence[:at].lower().split()[-2:]
        if out and _JOINED.fullmatch(sentence[out[-1].end - base : at]):
            out.append(t)  # "of 10 and 11 February": the range's other end
            continue
        if len(own) == 2 and own[0] in lex.determiners and own[1] in lex.period_nouns:
            lead = before[-1:]
        elif (
            len(of := sentence[:at].lower().split()[-4:]) == 4
            and of[-1] in lex.naming_links
            and own[0] not in lex.determiners  # "the whole of the previous evening" is a time
            and sentence[end : end + 2] not in _POSSESSIVE  # "the route of Tuesday's march": the march's
            and of[-3] in lex.determiners
            and of[-2].isalpha()
            and of[-2] not in lex.period_nouns
            and of[-2].rstrip("s") not in lex.period_nouns
        ):
            lead = of[:1]
        elif before and before[-1] in lex.determiners and (noun := _NEXT_WORD.match(sentence, end)):
            word = noun[1].lower().removesuffix("'s").removesuffix("’s")
            if word in lex.stopwords or word in lex.event_words or word.rstrip("s") in lex.event_words:
                continue
            if acts(word):  # "the 2024 inspection" names an act
                continue
            lead = before[-2:-1]
        else:
            continue
        if lead and lead[0] in lex.time_prepositions:
            continue
        clause = max((b.end() for b in _CLAUSE_BREAK.finditer(sentence, 0, at)), default=0)
        if lex.verb.search(sentence[clause:at].lower()):
            out.append(t)
    return out


# How far before a time the words that make it a comparison's are looked for ("up from 51 percent").
_COMPARISON_REACH = 60


def _uncompared(sentence: str, base: int, timexes: list[Timex]) -> list[Timex]:
    """The expressions without those that only qualify a comparison ("up from 51 percent four years
    ago", "than in 2019", "the highest turnout since 2006"): no time of the happening the clause
    reports. `sentence` starts at `base` in the text the expressions index."""
    comparison = lexicon().comparison
    return [
        t
        for t in timexes
        if not comparison.search(
            sentence[max(0, t.start - base - _COMPARISON_REACH) : t.start - base].lower()
        )
    ]


def _start(t: Timex) -> int:
    return t.start


def _schedule(text: str, sentence: str, sets: list[Timex], start: int, end: int, local: list[Timex]) -> bool:
    """Whether a sentence tells a recurring schedule ("The newsletter comes out every Friday",
    "Listen every weekday from 6am"): it has a SET, its other expressions each follow a SET or
    one another across at most a word (the time of the recurring thing, not a date of its own),
    it says in its own words nothing in the past, and is nobody's statement."""
    here = sets[bisect_left(sets, start, key=_start) : bisect_left(sets, end, key=_start)]
    if not here:
        return False
    for t in local:
        before = max((u.end for u in (*here, *local) if u.end <= t.start), default=None)
        if before is None or len(text[before : t.start].split()) > 1:
            return False
    own = unquoted(sentence).split(" ", 1)[-1]  # a first word in "-ed" is an adjective ("Guided tours")
    return speaker_span(sentence) is None and not lexicon().past.search(own.lower())


def _unrecurring(text: str, sets: list[Timex], start: int, end: int, local: list[Timex]) -> list[Timex]:
    """The expressions without the times of day of a recurring thing: right before or after a SET,
    at most a word between ("return by 7:00 p.m. every evening", "held every Monday at 9 a.m."),
    they date no day of their own (a year beside one does: "1.9 million barrels per day in 2007")."""
    here = sets[bisect_left(sets, start, key=_start) : bisect_left(sets, end, key=_start)]
    if not here:  # most sentences
        return local
    return [
        t
        for t in local
        if t.type != "TIME"
        or not any(
            len(text[u.end : t.start].split() if u.end <= t.start else text[t.end : u.start].split()) <= 1
            for u in here
            if u.end <= t.start or t.end <= u.start
        )
    ]


def _unrelated(raw: str, base: int, local: list[Timex]) -> list[Timex]:
    """The expressions without a part of the day that opens a time before or after an event
    ("opened an inquiry the morning after the landing"): that morning is counted from the landing's
    day (`_relative_to_event`), not from the day just told. Not when the event holds a time of its
    own ("in the morning after Friday's weak data": the tagger's morning), nor "the week as …".
    `raw` starts at `base` in the text the expressions index."""
    for t in local:
        if t.text.startswith(("the ", "The ")):
            break
    else:  # most sentences
        return local
    lex = lexicon()
    lowered = raw.lower()
    out = []
    for t in local:
        m = lex.event_relative.match(lowered, t.start - base)
        if (
            m is None
            or t.end - base > m.end("direction")
            or not lex.relative_directions[m["direction"]]
            or any(m.start("event") <= u.start - base < m.end() for u in local)
        ):
            out.append(t)
    return out


def _acts_times(raw: str, base: int, local: list[Timex], published: str | None) -> list[Timex]:
    """The expressions without those that time no act of the sentence: a deadline in a negated
    clause, passed before the `published` day ("when the group had not come out by 8pm"; one still
    ahead dates what is threatened: "could be cut if Kiev did not agree by January 1"), and a time
    of day in a participle clause after a comma that tells nothing else, when a day comes before it
    ("on Tuesday morning, …, surfacing at about 9am": the day's act ends then; "cresting at 6.82
    metres at Market Bridge shortly before 11 p.m." tells a happening of its own). `raw` starts at
    `base` in the text the expressions index. Nor the time an act in the present perfect moved
    something to: "A judge has adjourned the fight until Monday" is of the time of writing."""
    lex = lexicon()
    lowered = raw.lower()
    out: list[Timex] = []
    for t in local:
        if moved_to(t) and _perfect_main(raw):
            continue
        before = lowered[: t.start - base]
        if lex.deadline.search(before) and (when := event_date(t.value)[0]) and _ends_before(when, published):
            continue
        if (
            t.type == "TIME"
            and any(_day_precise(event_date(u.value)[0]) for u in out)
            and (participle := lex.participle_clause.search(before))
        ):
            after = _CLAUSE_BREAK.search(raw, t.end - base)
            told = participle[0] + raw[t.end - base : after.start() if after else len(raw)]
            if not has_content(told, _MIN_CLAUSE_TERMS):
                continue
        out.append(t)
    return out


def _counting(narrative: _Narrative, sentence: str, paragraph: bool) -> _Narrative:
    """The narrative a sentence's reference-time expressions count from: in the past perfect it
    looks back from the story's day, not from a plan told since ("… meet the panel again on
    October 20. Aalto had told a radio station the previous evening" is before the story's day).
    A paragraph in the simple past after a flashback in the past perfect is back in the story's
    time: a time of day with no day of its own is of the story's day ("… had been told to leave on
    Sunday evening. ¶ In the afternoon, a second order emptied the village"); "a day later" still
    counts from the event just told."""
    story = narrative.resume
    if story is not None and paragraph and not narrative.whole and not _looks_back(sentence):
        return replace(narrative, date=story.date, outright=story.outright)
    if (
        narrative.day
        and (narrative.explicit or "")[:10] != narrative.day
        and lexicon().perfect.search(_own(sentence))
    ):
        return replace(narrative, explicit=narrative.day)
    return narrative


def _counted_back(t: Timex) -> bool:
    """Whether an expression counts back from another time ("the previous evening", "a day earlier")."""
    return (
        t.anchor_kind == "reference time"
        and t.value is not None
        and t.anchor is not None
        and t.value[:10] < t.anchor[:10]
    )


def _counting_next(before: _Narrative, narrative: _Narrative, current: EventMention) -> _Narrative:
    """The narrative after a sentence with a date of its own, `current`: a day that sets no narrative
    (a plan, a thing's date) is the one the next sentence counts from ("ministers meet on
    December 11. … a summit three days later"), not the story's; what goes on with the story after
    it counts from the story's day again (`_Narrative.day`)."""
    if narrative is not before:
        return narrative
    return replace(narrative, explicit=current.date if current.timex and _day_precise(current.date) else None)


def _goes_on(sentence: str, before: str) -> bool:
    """Whether a sentence opens by going on with the one `before`: a pronoun subject, or a name
    that one holds, and an additive word ("They also burned"; "Vell also pledged thirty officers"
    after "On a visit on Friday, Justice Minister Tomas Vell announced a review"), or a clause of
    what followed ("When the teachers voted …,")."""
    lex = lexicon()
    words = sentence.split(" ", _ANTECEDENT_WORDS + 1)[: _ANTECEDENT_WORDS + 1]
    first = words[0].lower()
    if first in lex.sequel:
        return True
    also = next((k for k, w in enumerate(words) if k and w.lower() in lex.additive), None)
    if also is None:  # most sentences
        return False
    subject = words[:also]
    return (
        (also == 1 and first in lex.pronoun_subjects)
        or bool(before)
        and all(w[:1].isupper() and re.search(rf"\b{re.escape(w)}\b", before) for w in subject)
    )


def _part_of_group(sentence: str) -> bool:
    """Whether a sentence opens in the past with a number for a part of the group told before it
    ("Twelve had to be put down", "Six of them were refloated"; not "Twelve volunteers were hurt")."""
    lex = lexicon()
    first, _, rest = sentence.partition(" ")
    return (
        (first.isdigit() or first.lower() in lex.numbers)
        and rest.split(" ", 1)[0].lower() in lex.group_part
        and lex.past.search(sentence.lower()) is not None
    )


def _by_context(
    s: _Sentence,
    narrative: _Narrative,
    told: list[_Narrative],
    paragraph: bool,
    written: str | None,
    dated: list[EventMention],
) -> tuple[list[EventMention], _Narrative]:
    """The mention of a sentence with no date of its own, and the narrative after it. `written` is
    the day its present tense speaks of: the publish date, or the day heading it sits under;
    `dated` the article's mentions before it."""
    # Tied to the time just told: in the past perfect (for what a person named did, not only in a
    # clause inside it: "Dr Helen Strand urged parents to check that their children had received
    # both doses" is told in the simple past; "It was the first time that an official had …" looks
    # back with what it follows), saying so ("at the time"), or opening by going on with a day or week
    # just told, a flashback's paragraph over ("On Friday some 200 pupils chanted insults. ¶ They also
    # burned the flag"; not "… his 1997 film. ¶ He also directed"); by a name, only with a day the
    # reporter told of it in so many words.
    # (`inner` false only narrows: the subject is asked of the few sentences in the past perfect.)
    perfect = _looks_back(s.text) and (_subject(s.text) is None or _looks_back(s.text, inner=False))
    # A paragraph opening with a part of the group a flashback in the simple past told goes on with
    # it: what became of the group follows in its order ("The whales were first seen at dawn on May
    # 18 … ¶ Twelve had to be put down").
    going_on = _precise(narrative.date) and (
        _goes_on(s.text, unquoted(narrative.said[0]) if narrative.day and narrative.said else "")
        or (paragraph and narrative.whole and _part_of_group(s.text))
    )
    tied = (
        perfect
        or going_on
        or bool(lexicon().anaphor.search(_own(s.text)))
        or (narrative.resume is not None and not paragraph and _names_act(s.text, narrative.said[:1]))
    )
    returned = (
        narrative.resume is not None
        and paragraph
        and not (perfect and _precise(narrative.date))
        and not going_on
    )
    left = narrative  # the flashback, when its paragraph is over
    if returned:
        # the flashback's paragraph is over: back to the story's time
        narrative = narrative.resume or narrative
    # In a flashback's paragraph, what is not tied to its time is the story's.
    flashback = narrative.resume is not None and not (narrative.whole or tied)
    context = narrative.resume if flashback and narrative.resume else narrative
    own = _own(s.text)
    lex = lexicon()
    if (relative := lex.event_relative.search(own) or lex.offset_clause.search(own)) and (
        found := _relative_to_event(s, relative, told, dated)
    ):
        return [found], narrative
    if (referring := lex.referring.match(own)) and (found := _referred(s, referring, told)):
        return [found], narrative
    if written is not None and _said_now(s.text):
        why = f"no date of its own: said in the present tense, when the article was written ({written})"
        return [s.mention(written, None, why, s.text)], narrative
    if context.date is None:
        why = "undated: no date of its own and no dated narrative before"
        return [s.mention(None, None, why, s.text)], narrative
    found = s.mention(context.date, None, f"no date of its own: continues {context.source}", s.text)
    if written is None and not tied and _perfect_lead(s.text):
        # A text with no publish date: the present perfect ("Arventra has replaced the relay") speaks
        # of when it was written, which nothing tells; so does what goes on after it ("Joran Feld,
        # chief executive, said: ...").
        why = "undated: no date of its own, in the present perfect of a text with no publish date"
        return [s.mention(None, None, why, s.text)], _Narrative(None, "")
    if written is not None and not tied and _perfect_main(s.text):
        # With a publish date, an act in the present perfect in the main clause is of that day, not
        # of the day just told: "A second fragment was found on 23 September. ¶ The owner of the
        # stone, Agnes Pell, has agreed to lend it to the museum."
        why = f"no date of its own: in the present perfect, when the article was written ({written})"
        found = s.mention(written, None, why, s.text)
    # "At the time" points to the time just told, whatever event it names. A statement in a new
    # paragraph after a flashback goes on with the flashback's last event only, one that it names
    # ("A day later, the Bank of Veloria opened a credit line for Kestrel. ¶ Governor Ilse Marrow
    # said every deposit at Kestrel was safe"); else it is made in the story's time ("Edda Holm came
    # across the coins in February. … Archaeologists lifted the coins on March 4. ¶ "Then this,"
    # Ms Holm told reporters at the museum").
    if (
        not tied
        and (taken := _taken_up(found, context, told)) is not context
        and (not returned or taken.said[:1] == left.said[:1])
    ):
        # It names an earlier event: the story goes on from there.
        context = narrative = replace(taken, resume=None, whole=False)
        why = f"no date of its own: continues {context.source}, which it names"
        found = s.mention(context.date, None, why, s.text)
    elif not tied and context.spoken and named_statement(found, s.text):
        # A statement by someone named, opening with who spoke, goes on with the report, not with
        # the event it told: "A tunnel collapsed on Tuesday night, the operator said on Wednesday. ¶
        # Spokeswoman Ilse Marrow said rescuers believed …" was said on Wednesday; "The thieves
        # broke in through a skylight, according to police" tells the event.
        why = f"no date of its own: a statement, made when {context.source} was told ({context.spoken})"
        found = s.mention(context.spoken, None, why, s.text)
    if context is narrative:
        # Built directly: dataclasses.replace costs twice as much, once per undated sentence.
        said = (*narrative.said, s.text)
        narrative = _Narrative(
            narrative.date,
            narrative.source,
            narrative.day,
            narrative.resume,
            said,
            narrative.whole,
            outright=narrative.outright,
            spoken=narrative.spoken,
        )
    return [found], narrative


def _names_act(sentence: str, told: Sequence[str]) -> bool:
    """Whether a sentence in the past names by a definite noun the act a sentence `told` tells in that
    word ("Mayor Holt used the vigil to call for a review" after "Hundreds had gathered for a vigil
    the previous evening"): what it says is of that act's time. (In the present it tells a state of
    the time of writing: "The legislation allows for the death penalty".)"""
    lex = lexicon()
    lowered = sentence.lower()
    if not told or lex.past.search(lowered) is None:
        return False
    written = frozenset(_LOWER_WORD.findall(told[0].lower()))
    words = _LOWER_WORD.findall(lowered)
    return any(
        article in lex.definite and noun in written and (noun in lex.event_words or acts(noun))
        for article, noun in pairwise(words)
    )


def named_statement(m: EventMention, sentence: str) -> bool:
    """Whether a sentence is a statement by someone named, opening with who spoke."""
    return bool(m.speakers) and (speaker_span(sentence) or (1,))[0] == 0


def _setting(sentence: str, base: int, inside: list[Timex], spans: list[tuple[int, int]]) -> Timex | None:
    """The day of a relative clause that tells where or when the main clause happened
    (`adverbial_relatives`), both told in the simple past: "The outbreak began at a primary school,
    where a pupil tested positive on 30 October" began then. Not a clause that looks back ("where
    her father had worked") or ahead ("where he will hold a summit on Friday"), nor one beside a
    main clause in the present ("has now been removed from CreditWatch, where it was placed on
    March 18"). `sentence` starts at `base` in the text the expressions index."""
    lex = lexicon()
    for t in inside:
        a, b = next(sp for sp in spans if sp[0] <= t.start - base < sp[1])
        clause, main = sentence[a:b].lower(), (sentence[:a] + sentence[b:]).lower()
        if (
            clause.lstrip(", ").split(" ", 1)[0] in lex.adverbial_relatives
            and _day_precise(event_date(t.value)[0])
            and all(lex.past.search(c) and not lex.future.search(c) for c in (clause, main))
            and lex.present.isdisjoint(main.split())
            and not lex.perfect.search(clause)
        ):
            return t
    return None


def _referred(s: _Sentence, referring: re.Match[str], told: list[_Narrative]) -> EventMention | None:
    """The mention of a sentence that opens by naming an event told before ("In her ruling, Judge
    Farrow described the consultation as hasty"), dated by the latest event `told` whose sentence
    shares the noun's word or kind ("Last Friday's judgment found …": "@ruling"); None when none does."""
    words = frozenset(key_terms(referring["noun"]))
    named = next((n for n in reversed(told) if n.date and not words.isdisjoint(key_terms(n.said[0]))), None)
    if named is None or named.date is None:
        return None
    why = (
        f"no date of its own: {referring[0].rstrip(' ,')!r} names the event {named.said[0][:60]!r}"
        f" ({named.date}), told before"
    )
    return s.mention(named.date, None, why, s.text)


def _relative_to_event(
    s: _Sentence, relative: re.Match[str], told: list[_Narrative], dated: list[EventMention]
) -> EventMention | None:
    """The mention of a sentence dated by a time `relative` to an event ("the day before the storm
    hit", `event_relative_units`; "three days after the storm hit", a counted span of
    `offset_clause`) named in a few words, from the day of the latest event `told` to the day that
    shares a word with it ("Storm Ilse came ashore on Saturday"); None when the article told no
    such day, or the span is approximate ("nearly four weeks after") or after no clause ("two days
    after Pinochet's birthday celebrations": a thing, its day untold).
    (Not from the previous event's day: "The warning came the day after Brussels rejected the
    plan" is the warning's own day.) Its words count as written too, paraphrases unfolded ("the
    strike began" is also a "strike"); in a sentence whose clauses have days apart, the day is the
    one of the clause that names the event as written ("struck a deal on Friday, ending a strike
    that has idled the port since Monday": the strike's Monday). The `dated` mentions are the
    article's so far."""
    lex = lexicon()
    if "number" in relative.re.groupindex and (story := _from_story_event(s, relative, told, dated)):
        return story
    if relative["event"].count(" ") >= _EVENT_WORDS:  # an event of its own, told nowhere else
        return None
    written = frozenset(w for w in _LOWER_WORD.findall(relative["event"].lower()) if word_terms(w))
    words = _sentence_words(relative["event"]).union(*map(word_terms, written))
    named = next((n for n in reversed(told) if n.explicit and _shares(words, n)), None)
    # A clause dated apart, told after that sentence, that names the event as written ("Her interim
    # report, published on October 23, found that ...": "after the report came out"): its day.
    said = next((m.start for m in dated if named is not None and m.text == named.said[0]), -1)
    clause = next(
        (
            m
            for m in reversed(dated)
            if m.start > said
            and m.summary != m.text
            and m.timex is not None
            and not m.future
            and _day_precise(m.date)
            and written.intersection(_LOWER_WORD.findall(m.summary.lower()))
        ),
        None,
    )
    if clause is not None and clause.date is not None:
        day, source = clause.date, clause.text
    elif named is None or named.explicit is None:
        return None
    else:
        day, source = _naming_clause(named, written, words, dated) or named.explicit, named.said[0]
    by = lex.relative_directions[relative["direction"]]
    if "number" in relative.re.groupindex:  # a counted span (not "a week after the vote")
        # From a clause, or from a bare noun that the event's sentence holds as written ("When Storm
        # Idra came ashore on October 26, … ¶ Two days after the storm, the council shut three
        # beaches"); a thing named otherwise has a day untold ("two days after Pinochet's birthday
        # celebrations" in a story of his arrest).
        noun = _definite_noun(relative["event"])
        if not (
            _clause(relative["event"])
            or (noun and not frozenset(noun[1:]).isdisjoint(_LOWER_WORD.findall(source.lower())))
        ) or _approximated(relative.string, relative.start()):
            return None
        unit = lex.offset_units_moved[relative["unit"]]
        by *= _counted_number(relative["number"])
    else:
        unit = lex.relative_units[relative["unit"]]
    phrase = relative[0][: relative.start("event") - relative.start()].strip()  # "the day before"
    why = (
        f"no date of its own: {phrase!r} {relative['event']!r}, from the day of the event"
        f" {source[:60]!r} ({day[:10]})"
    )
    return s.mention(_moved(day, unit, by), None, why, s.text)


def _from_story_event(
    s: _Sentence, relative: re.Match[str], told: list[_Narrative], dated: list[EventMention]
) -> EventMention | None:
    """The mention of a sentence dated by a span counted from an event named by a bare noun that no
    sentence before names in its words ("It was six days after the abduction before the government
    admitted …"): the story's own event, which its lead told to the day ("When gunmen stopped a
    convoy on the evening of November 3, four aid workers became bargaining chips"). None when the
    lead has no day of its own, the span is approximate, or the noun is told before (its day is
    then that sentence's, or untold)."""
    lex = lexicon()
    noun = _definite_noun(relative["event"])
    if noun is None or _approximated(relative.string, relative.start()):
        return None
    terms = frozenset(word_terms(" ".join(noun[1:])))
    lead = told[0] if told else None
    if (
        not terms
        or lead is None
        or lead.day is None
        or lead.named_only
        or not dated
        or dated[0].timex is None
        or dated[0].text != lead.said[0]
        or any(not terms.isdisjoint(_sentence_words(m.text)) for m in dated)
    ):
        return None
    unit = lex.offset_units_moved[relative["unit"]]
    by = lex.relative_directions[relative["direction"]] * _counted_number(relative["number"])
    when = _moved(lead.day, unit, by)
    if s.article.published is not None and _days(when)[0] > s.article.published:
        return None  # past the writing: the lead told a later event than the noun's
    phrase = relative[0][: relative.start("event") - relative.start()].strip()
    why = (
        f"no date of its own: {phrase!r} {' '.join(noun)!r}, an event told in no words before: the"
        f" story's, from the day of its lead {lead.said[0][:60]!r} ({lead.day})"
    )
    return s.mention(when, None, why, s.text)


def _definite_noun(event: str) -> list[str] | None:
    """The words of the bare definite noun that names an event ("the abduction", "the storm"), up to
    an anchoring word; None for a clause ("the strike began": `_relative_to_event`'s) or a longer
    phrase."""
    lex = lexicon()
    words = event.split()
    noun = words[: next((k for k, w in enumerate(words) if w in lex.anchoring), len(words))]
    if (
        2 <= len(noun) <= 3
        and noun[0] in lex.definite
        and all(map(str.isalpha, noun[1:]))
        and not _clause(" ".join(noun[1:]))
    ):
        return noun
    return None


def _naming_clause(
    named: _Narrative, written: frozenset[str], words: frozenset[str], dated: list[EventMention]
) -> str | None:
    """The day of the one clause of the sentence that told the `named` event, dated by an
    expression of its own or counted from the main clause's ("grounded its jets on Tuesday, a day
    after one of them made an emergency landing": Monday's), with the most of the `written` words
    as written, then of their `words` paraphrases unfolded, in its own words, not those of a
    clause told apart inside it ("fined Arventra on Friday over the blackout that left 3.1 million
    homes without power on November 1": "the outage" is the blackout's, November 1's); None when
    no single clause has most."""
    sentence = named.said[0]
    clauses = [
        m
        for m in dated
        if m.text == sentence and (m.timex is not None or m.part) and not m.future and _day_precise(m.date)
    ]
    counts = sorted(
        (
            (
                (
                    len(written.intersection(_LOWER_WORD.findall(m.summary.lower()))),
                    len(words.intersection(_own_words(m, clauses))),
                ),
                m.date,
            )
            for m in clauses
        ),
        reverse=True,
    )
    if not counts or not any(counts[0][0]) or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return None
    return counts[0][1]


def _own_words(m: EventMention, clauses: list[EventMention]) -> frozenset[str]:
    """The content words of a mention's clause, less those of another of the `clauses` inside it."""
    lowered = m.summary.lower()
    inner = [o for o in clauses if o is not m and o.summary.lower().rstrip(" .") in lowered]
    return _sentence_words(m.summary).difference(*(_sentence_words(o.summary) for o in inner))


def _moved(day: str, unit: str, by: int) -> str:
    """The day, week ("2026-W46"), month or year `by` units of `unit` from `day` ("2026-11-14")."""
    when = date.fromisoformat(day[:10])
    if unit == "day":
        return (when + timedelta(days=by)).isoformat()
    if unit == "week":
        year, week, _ = (when + timedelta(weeks=by)).isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        months = when.year * 12 + when.month - 1 + by
        return f"{months // 12}-{months % 12 + 1:02d}"
    return str(when.year + by)


def _perfect_lead(sentence: str) -> bool:
    """Whether a sentence is in the present perfect, in the reporter's own words ("has ruled")."""
    return bool(lexicon().present_perfect.search(_own(sentence)))


def _perfect_main(sentence: str) -> bool:
    """Whether a sentence tells in the present perfect, in the reporter's own words and its main
    clause, an act of its own: not only a relative clause ("Brevik, which has supplied the city since
    2023, plans to challenge the decision"), nor what someone said ("said Sollis should have gone"),
    nor after a clause in the past ("The array was stuck half-folded, and its position has allowed")."""
    own = _own(sentence).lower()
    lex = lexicon()
    perfect = lex.present_perfect.search(own)
    if perfect is None:
        return False
    before = own[: perfect.start()]
    return (
        not _in_subject_clause(before)
        and lex.past.search(before) is None
        and lex.reporting.search(own) is None
    )


def _perfect_act(sentence: str) -> frozenset[str]:
    """The terms of a sentence in the present perfect from its act on, the kinds of event they name
    among them: the act and what it was done to ("has ruled that the council acted unlawfully when it
    decided to close the school"; "held its ground in the local elections" is of the vote; "A hoard
    … found by a detectorist has been unveiled at the museum" is an unveiling, not a find). Of a
    statement, only its words and the kinds of its verbs: "The Kremlin has said it is open to
    negotiations" tells no meeting."""
    own = _own(sentence)
    at = lexicon().present_perfect.search(own)
    told = own[at.start() :] if at else own
    if speaker_span(sentence) is not None:
        return frozenset(word_terms(told)).union(acts(told))
    return frozenset(key_terms(told))


def _background(sentence: str, m: EventMention, published: str | None) -> bool:
    """Whether a sentence dated by its own day, `m`, tells in the simple past a happening over more
    than a week before the day `published`: not the news a wire reports the day after ("warned
    Tuesday"), nor a count from a start ("Since March 13, 13,000 have arrived")."""
    return (
        _day_precise(m.date)
        and published is not None
        and _days(m.date or "")[1] < date.fromisoformat(published[:10]) - timedelta(days=7)
        and not _perfect_lead(sentence)
    )


def _told_again(
    opener: tuple[_Sentence, int] | None, out: list[EventMention], again: EventMention
) -> bool | None:
    """Dates the mention of a lead in the present perfect with no date of its own (`opener`, its
    mention at that index of `out`) by the sentence right after it, when that one tells the same
    happening in the past, to the day, with a word of it: "The High Court has ruled that the council acted unlawfully when it
    decided to close the school. Judge Farrow quashed the closure decision on Friday." The lead
    keeps that expression as what dated it: its day is the text's, not a guess that another
    report of a day nearby may take over. Whether it was told again; None with no such lead."""
    if opener is None:  # most sentences
        return None
    lead, at = opener
    published, mention = lead.article.published, out[at]
    if (
        again.timex is None
        or again.future
        or not _day_precise(again.date)
        or published is None
        or _days(again.date or "")[1] >= published
        or mention.date != published.isoformat()
        or mention.timex is not None
        or not lexicon().past.search(_own(again.summary))  # "Rovers host Watford on Saturday": ahead
        # a paragraph's opener is news told again, not a tally with background after it ("In all,
        # five Palestinians have been killed ... Three Israelis were killed ... on March 21")
        or (at > 0 and _background(again.text, again, again.published))
        # the same act: its word, its kind or what it was done to, not a name ("Rovers"), nor a word
        # of who did it or had it done before the act ("@trial" of "The High Court"; "Two men … have
        # been released on bail. One was taken into custody yesterday" tells the arrest); in the
        # reporter's words too, not only in what a speaker said after them ("The 40 households were
        # let back in yesterday after council engineers said the slope had stopped moving")
        or _perfect_act(lead.text).difference(mention.names).isdisjoint(
            (*again.terms, *key_terms(_own(again.text)))
        )
    ):
        return False
    why = f"no date of its own: a lead in the present perfect, told again next ({again.timex.text})"
    out[at] = replace(lead.mention(again.date, None, why, lead.text, mention.part), timex=again.timex)
    return True


def _judged_then(opener: tuple[_Sentence, int] | None, out: list[EventMention], then: EventMention) -> None:
    """Dates an undated sentence that opens its paragraph in the simple past, in the reporter's own
    words (`opener`, its mention at that index of `out`), by the sentence right after it when that
    one goes on with the same subject as a pronoun (`pronoun_subjects`) and tells, in the past, a
    day before the opener's context date: "The federation's panel did not believe her. It handed
    her a four-year ban on Tuesday." is Tuesday's judgment, not the story's later day."""
    if opener is None:  # most sentences
        return
    s, at = opener
    mention, lex = out[at], lexicon()
    first = then.text.split(" ", 1)[0].lower()
    if (
        first not in lex.pronoun_subjects
        or then.timex is None
        or then.future
        or mention.timex is not None
        or mention.future
        or not _day_precise(then.date)
        or not _day_precise(mention.date)
        or (then.date or "") >= (mention.date or "")
        or speaker_span(s.text) is not None
        or not lex.past.search(_own(s.text).lower())
        or _looks_back(s.text)
    ):
        return
    why = f"no date of its own: its paragraph goes on with its subject, dated next ({then.timex.text})"
    out[at] = s.mention(then.date, None, why, s.text)


def _day_heading(
    text: str, start: int, end: int, ordered: list[Timex], starts: list[int], published: str | None
) -> _Narrative | None:
    """The narrative a paragraph that is nothing but a day starts ("Wednesday 4 November", "Oct. 3,
    2026:"), not after the publish date; None for any other paragraph (most have no time first).
    The day is written in figures: a bare weekday above a list ("Sunday", then the fixtures) is
    more often ahead than the one past that the tagger gives it."""
    at = bisect_left(starts, start)
    if at >= len(ordered) or (t := ordered[at]).end > end or text[start : t.start].strip(_HEADING_MARKS):
        return None
    day = event_date(t.value)[0]
    if (
        day is None
        or not any(map(str.isdigit, t.text))
        or text[t.end : end].strip(_HEADING_MARKS)
        or not _day_precise(day)
        or (published is not None and day > published)
    ):
        return None
    return _Narrative(day, f"the day heading {collapse(text[start:end])!r} above it")


def _back_to_story(text: str, narrative: _Narrative, reported: bool) -> bool:
    """Whether a new paragraph returns to the story's own time: after an undated one, unless it
    says "then"; and a live blog's entry stamped with its time of day, which is of the blog's day
    whatever its background told ("09:12 All five men are out." after "trapped on Tuesday night")."""
    lex = lexicon()
    if narrative.date is None and reported and not lex.anaphor.search(_own(text)):
        return True
    return lex.live_entry.match(text) is not None


def extract_events(article: Article, timexes: Sequence[Timex]) -> list[EventMention]:
    """Every event the article reports, in text order, dated by its own expression or by context."""
    clean = article.clean
    published = article.published.isoformat() if article.published else None
    title = collapse(article.title or "").lower()
    ordered = sorted(
        (t for t in timexes if t.type in ("DATE", "TIME") and not t.is_range_end),
        key=lambda t: (t.start, t.end),
    )
    starts = [t.start for t in ordered]
    sets = sorted((t for t in timexes if t.type == "SET"), key=_start)
    # Exact lengths only: "nearly four weeks", "less than a year" count to no day.
    lengths = sorted(
        (t for t in timexes if t.type == "DURATION" and t.mod is None and _COUNTED.match(t.value or "")),
        key=_start,
    )
    length_starts = [t.start for t in lengths]
    laters = [t for t in timexes if _HOURS_LATER.match(t.value or "") and t.rule == _LATER_RULE]
    lead = _Narrative(published, f"the lead of the article, dated by its publish date {published}")
    narrative = lead
    story_dated = False  # whether an event's own day has set the story's time yet
    told: list[_Narrative] = []  # the narratives explicit dates set, earliest first
    seen: set[str] = set()
    out: list[EventMention] = []
    prev_end = 0
    person: str | None = None  # who "he" or "she" stands for
    # a lead in the present perfect, just before, and its mention's index (`_told_again`)
    perfect_lead: tuple[_Sentence, int] | None = None
    opener: tuple[_Sentence, int] | None = None  # an undated paragraph opener, just before (`_judged_then`)
    for index, (start, end) in enumerate(split_sentences(clean.text)):
        paragraph = "\n" in clean.text[prev_end:start]
        after_quote = not paragraph and clean.text[prev_end - 1 : prev_end] in _CLOSING_QUOTES
        prev_end = end
        text = collapse(clean.text[start:end])
        if _reports_nothing(text, seen, title, after_quote):
            # A live blog's or a diary's day heading ("Wednesday 4 November"): the entries under it
            # are of that day, what they say in the present tense too, not of the publish date.
            heading = (
                _day_heading(clean.match_text, start, end, ordered, starts, published) if paragraph else None
            )
            lead, narrative = (heading, heading) if heading else (lead, narrative)
            continue
        seen.add(text.lower())
        # A paragraph's opener (not the article's lead) is told again within its paragraph only: a
        # live blog's next entry is another.
        if perfect_lead and perfect_lead[1] > 0 and "\n" in clean.text[perfect_lead[0].end : start]:
            perfect_lead = None
        lead_before, perfect_lead = perfect_lead, None
        opener_before, opener = (None if paragraph else opener), None
        subject = _subject(text)
        person = subject or person
        counted = lengths[bisect_left(length_starts, start) : bisect_left(length_starts, end)]
        s = _Sentence(article, index, start, end, text, person, tuple(counted))
        if paragraph and _back_to_story(text, narrative, bool(out)):
            narrative = lead
        dateline = DATELINE.match(clean.match_text, start, end)
        opening = dateline.end() if dateline else start  # "MOSCOW, April 6 (Reuters) -" dates the filing
        local = [t for t in ordered[bisect_left(starts, opening) : bisect_left(starts, end)] if t.end <= end]
        if _schedule(clean.match_text, s.text, sets, opening, end, local):
            continue
        raw = clean.match_text[start:end]
        if laters and published:
            within = [t for t in laters if opening <= t.start and t.end <= end]
            local = _later_that_day(local, within, published)
        local = _unrelated(raw, start, _unrecurring(clean.match_text, sets, opening, end, local))
        local = _acts_times(raw, start, local, published) if local else local
        uncompared = _uncompared(raw, start, local)
        usable, unresolved = _resolved(
            uncompared,
            _counting(narrative, s.text, paragraph) if local else narrative,
        )
        if usable and (things := _naming(raw, start, usable)):
            # A thing's date, not the act's; and what cannot be resolved compares the thing ("a
            # third-quarter loss, against a profit a year earlier"), it does not date the act.
            usable, unresolved = [t for t in usable if t not in things], False
        spans = _clauses(raw) + _perfect_relatives(raw, start, usable) + _later_relatives(raw, start, usable)
        if len(usable) > 1 and (qualifiers := _qualifiers(raw, start, usable)):
            # A date of the thing, not of the happening, when the sentence has one of its own; a
            # day or a week ("the man arrested on Tuesday", ", arrested earlier this week,") still
            # dates an event of the clause's own.
            kept = [t for t in usable if t not in qualifiers]
            if any(not any(a <= t.start - start < b for a, b in spans) for t in kept):
                dated = [t for t in qualifiers if _precise(event_date(t.value)[0])]
                usable = sorted(kept + dated, key=lambda t: t.start)
                spans += [(qualifiers[t], t.end - start) for t in dated]
        elif (
            len(usable) == 1
            and (speaker := speaker_span(raw))
            and (qualifiers := _qualifiers(raw, start, usable))
            and len(raw[speaker[1] : qualifiers[usable[0]]].split()) > 1
        ):
            # What a statement says after its speaker, dated only by a thing in it ("Rell said the
            # fault lay in a software update installed over the weekend"): said at the story's
            # time; the thing's phrase is a clause of its own. (Not "The man, a teacher, died on
            # Wednesday night, the operator said": an apposition's verb may be the main one; nor
            # the medium the speaker's words end with, "said in its study published in May that":
            # the statement's own date.)
            spans.append((qualifiers[usable[0]], usable[0].end - start))
        inside = [t for t in usable if any(a <= t.start - start < b for a, b in spans)] if spans else []
        main = [t for t in usable if t not in inside] if inside else usable
        if inside and not main and (setting := _setting(clean.match_text[start:end], start, inside, spans)):
            inside, main = [t for t in inside if t is not setting], [setting]
        if main:
            before = narrative
            resumed = narrative.resume is not None and paragraph and not _looks_back(s.text)
            found, current, spoken = _dated_by_own(
                s, main, (narrative.resume or narrative) if resumed else narrative
            )
            if _told_again(lead_before, out, found[0]) is False and _background(s.text, found[0], published):
                # A lead in the present perfect that the next sentence does not tell again is a
                # happening of the publish date, the story's day, when that sentence is background
                # ("A hoard … has been unveiled at the museum. ¶ Edda Holm came across the first
                # coins on the last Saturday of February").
                story_dated = True
            _judged_then(opener_before, out, found[0])
            # What is still ahead is no narrative. A flashback is in the past perfect, or over
            # before the story's time (which the first event's own day sets, whatever the publish
            # date): "Brenn was shot on October 14, 2023" in a trial story, "in 2019". Told in the
            # simple past and to the day, the rest of its paragraph goes on with it ("He died at the
            # scene. Police described the gunman as a professional."); otherwise only what is tied
            # to its time (below). A span longer than a week starts no story, but "earlier this
            # week" dates what follows it as well as the publish date would. A week around the
            # story's day, told in the present, moves nothing: "This is the second try this week"
            # in a live blog of the launch day, whose next entries are that day's.
            if (unmoved := _unmoved(current, main, raw, start, spans, narrative, lead)) is not None:
                narrative = unmoved
            else:
                assert current.date is not None  # an undated one leaves the narrative unmoved
                day = _day_precise(current.date)
                precise = _precise(current.date)
                story = narrative.resume or narrative
                # The past perfect of a relative clause ("ousting Harrow, who had been mayor since
                # 2018") looks back from the main clause; only the main clause's is a flashback.
                perfect = _looks_back(_outside(raw, spans) if spans else s.text)
                back = perfect or ((story_dated or not precise) and _ends_before(current.date, story.date))
                if precise or back:
                    # What goes on with it is of its day, not of a time of day it does not state
                    # ("… before leaving at 1:00 p.m. Chang stressed that …").
                    narrative = _Narrative(
                        current.date[:10] if day else current.date,
                        f"the narrative of the previous event {s.text[:60]!r}",
                        # a context date moves nothing; a figure of a month compared with another
                        # time is no step of the story ("Inflation reached 11.2 percent in September,
                        # up from 6.4 percent a year earlier"): "the following day" counts from its day
                        current.date
                        if day and current.timex
                        else story.explicit
                        if back and not precise and len(uncompared) < len(local)
                        else None,
                        story if back else None,
                        (s.text,),
                        whole=back and day and not perfect,
                        outright=current.timex is not None
                        and all(
                            t.anchor_kind != "reference time" for t in main if t.text == current.timex.text
                        ),
                        spoken=spoken,
                    )
                    # Background in the past perfect, or longer than a week, is no event a later
                    # statement goes back to; nor is one dated only by counting back from the
                    # story's time ("… was charged on Friday. Fenn was arrested the previous
                    # evening. ¶ Sheriff Varga said Fenn had admitted …" speaks on Friday).
                    if precise:
                        behind = (
                            back
                            and current.timex is not None
                            and any(_counted_back(t) for t in main if t.text == current.timex.text)
                        )
                        told += _told(narrative, perfect or behind, _outside(raw, spans) if spans else s.text)
                    story_dated = story_dated or (day and not back)
            narrative = _counting_next(before, narrative, current)
        elif unresolved and not (narrative.date and _said_within(raw, start, local)):
            # What a statement says is of the story's time, when one is told; with none, its own
            # expression is the best it has ("Aldmark Bank announced its takeover ... on 4 January").
            found = _undated_parts(s, raw, local)
            narrative = _Narrative(None, "")
        else:
            # The article's lead, or a paragraph's opening act in the present perfect (the next item
            # of a bulletin or round-up: "Near Kelvig, wolves have struck again. A pack killed nine
            # sheep at the Bratt farm on Sunday night"), may be told again next (`_told_again`).
            opens = (not out and narrative is lead) or (paragraph and _perfect_main(s.text))
            perfect_lead = (s, len(out)) if opens and _perfect_lead(s.text) else None
            opener = (s, len(out)) if paragraph else None
            found, narrative = _by_context(s, narrative, told, paragraph, lead.date, out)
        found = _with_joined(s, found, ordered[bisect_left(starts, start) : bisect_left(starts, end)])
        out += found + _sub_clauses(s, inside, spans, found[0].date, len(found))
        person = _person_after(s.text, person, subject)
    return out
