"""The tense cue of the clause around an expression: which way a bare weekday or month points."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from chrono.rules import literal_alternation
from chrono.rules.schema import Cues, Grammar

# How far to look around an expression for a cue, bounded by the sentence.
WINDOW = 120
# A period after an initial or a short title ("Daniel P. Davison", "Mr. Smith", "Feb. 1") ends no sentence.
SENTENCE_END = re.compile(r"[.!?](?<!\b[A-Z]\.)(?<!\b[A-Z][a-z]\.)(?<!\b[A-Z][a-z]{2}\.)\s|\n")


@dataclass(frozen=True, slots=True)
class Tense:
    """Direction -1 (past), +1 (future) or 0 (no cue), the cue word that decided it, and whether
    that cue is a preposition right before the expression ("since", "until")."""

    direction: int
    cue: str | None
    preposition: bool = False


NO_CUE = Tense(0, None)
# "Tuesday's talks": a weekday in the possessive names an event, most often one already reported.
POSSESSIVE = Tense(-1, "possessive")


def _clause_end(grammar: Grammar) -> re.Pattern[str]:
    # Looking right, the clause ends sooner: "progress on Tuesday and will resume ..." is two clauses.
    # Not inside a name: "the National Abortion and Reproductive Rights Action League plans to".
    words = "|".join(re.escape(w) for w in grammar.clause_breaks)
    return re.compile(rf"[.!?;:,]\s|\n|\s(?:{words})\s(?![A-Z])")


@dataclass(frozen=True, slots=True)
class _CueRegex:
    """The cue regex twice: case-insensitive, and for lower-cased text (3-4x faster than IGNORECASE)."""

    any_case: re.Pattern[str]
    lower: re.Pattern[str]
    margin: int  # how far its lookbehinds look back


# The only characters a lower-case pattern matches differently with IGNORECASE than after
# str.lower() (checked over all of Unicode, with lower() keeping the length): dotless i, long s.
_CASE_SPECIAL = frozenset("ıſ")


@cache
def _cue_regex(cues: Cues, grammar: Grammar) -> _CueRegex:
    def alt(words: tuple[str, ...]) -> str:
        return literal_alternation(w.lower() for w in words)

    # A form with the past ending after "be" or "is" is a participle, no past: "will be held", "the
    # road is closed until Monday".
    passive = _no_auxiliary_before(grammar)
    # Future cues first: at one position "scheduled" is a future cue, not a past -ed form.
    suffix = re.escape(grammar.past_suffix.lower())
    # "indeed", "hundred": the ending without the past tense
    not_past = rf"(?!(?:{alt(grammar.not_past_forms)})(?![\w-]))" if grammar.not_past_forms else ""
    # "is widely anticipated", "may have already left"
    adverbs = rf"(?:(?:{alt(grammar.adverbs)}|[a-z]{{2,}}{re.escape(grammar.adverb_suffix.lower())})\s+)*"
    # No modal cue before a perfect, an auxiliary with a participle ("may have left"), but before
    # "have" with anything else ("may have an impact", "may have to leave").
    participle = rf"(?:{alt(grammar.participles)}|{not_past}[a-z]{{3,}}{suffix})"
    perfect = (
        rf"(?!(?:\s+[a-z]+\b)?\s*(?:{alt(grammar.perfect_auxiliaries)})\s+{adverbs}{participle}(?![\w-]))"
    )
    passive_future = rf"(?:{alt(grammar.present_auxiliaries)})\s+{adverbs}(?:{alt(cues.passive_future)})"
    # The lookbehinds of a past form are tried only before a word with the ending (a lookahead first).
    past_form = rf"(?=[a-z]{{3,}}{suffix}(?![\w-])){passive}{not_past}(?P<past_form>[a-z]{{3,}}{suffix})"
    # Listed past words before modals: "could not be reached" is past. A contraction ("he'll")
    # starts right after its word.
    pattern = (
        rf"(?:(?<![\w'’-])|(?=['’]))(?:(?P<prospective>{alt(cues.prospective)})|(?P<future>{alt(cues.future)}|{passive_future})"
        rf"|(?P<future_non_verb>{alt(cues.future_non_verbs)})|(?P<awaiting>{alt(cues.awaiting)})"
        rf"|{passive}(?P<past>{alt(cues.past)})|(?P<modal>{alt(cues.modals)}){perfect}"
        rf"|(?P<infinitive>{alt(cues.infinitives)})|{past_form})(?![\w-])"
    )
    auxiliaries = grammar.passive_auxiliaries + grammar.present_auxiliaries
    margin = max((len(word) for word in auxiliaries), default=0) + 2  # the lookbehinds' reach
    return _CueRegex(re.compile(pattern, re.IGNORECASE), re.compile(pattern), margin)


def _cues_in(text: str, lo: int, hi: int, regex: _CueRegex) -> tuple[list[re.Match[str]], int]:
    """The cues found in text[lo:hi], as IGNORECASE finds them, and the offset of their positions.

    The fast way lower-cases a window (with room for the lookbehinds) and matches case-sensitively;
    where lower-casing would change a match (offsets shift, or "ı"/"ſ"), the IGNORECASE regex runs.
    """
    base = max(0, lo - regex.margin)
    window = text[base:hi]
    low = window.lower()
    if len(low) == len(window) and _CASE_SPECIAL.isdisjoint(window):
        return list(regex.lower.finditer(low, lo - base)), base
    return list(regex.any_case.finditer(text, lo, hi)), 0


# Cue groups that point ahead, and those whose capitalised form is a name: "Mohamed", "Reed", "May".
_AHEAD = frozenset({"future", "future_non_verb", "awaiting", "prospective", "modal", "infinitive"})
# Those a verb form after may belong to ("will hit", "will remain closed"; not "the deadline passed").
_VERBAL = _AHEAD - {"future_non_verb", "awaiting"}
# Those a base form may follow ("will hit"); an infinitive holds its own verb, so the listed past
# after it is the verb of the clause: "the order to leave came on Thursday night" is past.
_AUXILIARY = _VERBAL - {"infinitive"}
# Those that tell the tense of their own clause only: a modal's verb, a preposition's phrase.
_CLAUSE_BOUND = frozenset({"modal", "awaiting"})
# Those that right before a possessive weekday date its event ahead ("preparing for Friday's match").
_FUTURE = frozenset({"future", "future_non_verb", "awaiting"})
_LOWER_ONLY = frozenset({"past_form", "modal"})
_PAST = frozenset({"past", "past_form"})


def _verbs(cues: list[re.Match[str]], offset: int, text: str, rules: TenseRules) -> list[re.Match[str]]:
    """The cues without capitalised "-ed" words or modals ("Mohamed", "Reed", "May" are names) and
    without a future cue that compares with a plan ("as previously planned", "as scheduled")."""
    return [
        m
        for m in cues
        if (m.lastgroup not in _LOWER_ONLY or text[offset + m.start()].islower())
        and not (
            m.lastgroup == "future"
            and rules.comparison.search(
                text, max(0, offset + m.start() - _COMPARISON_REACH), offset + m.start()
            )
        )
    ]


def _preposition_regex(cues: Cues) -> re.Pattern[str]:
    def alt(words: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in words)

    return re.compile(
        rf"(?<![\w])(?:(?P<future>{alt(cues.future_prepositions)})|(?P<past>{alt(cues.past_prepositions)}))\s+$",
        re.IGNORECASE,
    )


def _phrases(words: tuple[str, ...]) -> str:
    """An alternation of `words`, a phrase's words with any white space between them ("put  off")."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def _deferral_regex(cues: Cues) -> re.Pattern[str]:
    """A deferral (or scheduling) verb, then in its clause one of its target prepositions right before
    the end of the searched text; the verb is the match's `lastgroup`."""

    def moved(group: str, verbs: tuple[str, ...], targets: tuple[str, ...]) -> str:
        return (
            rf"(?<![\w'’-])(?P<{group}>{_phrases(verbs)})(?![\w-])[^.,;:!?\n]{{0,{_DEFERRAL_GAP}}}?"
            rf"\s(?:{_phrases(targets)})\s+$"
        )

    deferred = moved("verb", cues.deferrals, cues.deferral_targets)
    return re.compile(
        f"{deferred}|{moved('set', cues.schedulings, cues.scheduling_targets)}", re.IGNORECASE
    )


# How far a deferral verb may stand before its target preposition: an object between them ("extended
# its tender offer for Telerate shares to ...").
_DEFERRAL_GAP = 60
# Room for the longest verb and preposition around the gap.
_DEFERRAL_REACH = 30


def _words_regex(words: tuple[str, ...], *, before: bool = False) -> re.Pattern[str]:
    """Any of `words` as whole words ("no one" with any white space between its words); `before`:
    only as the last word before the end of the searched text (then white space)."""
    end = r"\s+$" if before else r"(?![\w-])"
    return re.compile(rf"(?<![\w'’-])(?:{_phrases(words)}){end}", re.IGNORECASE)


# How far before an expression a span's end is looked for (the longest phrase and spaces, with room).
_SPAN_END_REACH = 24
# How far before a cue a determiner is looked for (the longest determiner and a space, with room).
_DETERMINER_REACH = 12
# How far before a cue a comparison is looked for ("as previously", "as originally", with room).
_COMPARISON_REACH = 30
# How far before a possessive weekday a preposition of taking part is looked for (with room).
_PARTICIPATION_REACH = 8


def _no_auxiliary_before(grammar: Grammar) -> str:
    """Lookbehinds: no passive or present auxiliary ("be", "is") right before what follows."""
    auxiliaries = grammar.passive_auxiliaries + grammar.present_auxiliaries
    return "".join(rf"(?<!\b{re.escape(word.lower())}\s)" for word in auxiliaries)


_NEXT_WORD = re.compile(r"\s*\S*")
_COMMA = re.compile(r",\s")


def _failure(cue: re.Match[str], end: int, text: str, rules: TenseRules) -> bool:
    """Whether `cue`, ending at `end` in `text`, is a past modal in a negated clause ("could not be
    reached", "neither he nor she could be located"): a failure already reported, a past."""
    if cue.lastgroup != "modal" or cue.group().lower() not in rules.past_modals:
        return False
    breaks = list(rules.clause_end.finditer(text, max(0, end - WINDOW), end))
    lo = breaks[-1].end() if breaks else max(0, end - WINDOW)
    next_word = _NEXT_WORD.match(text, end)
    return rules.negation.search(text, lo, next_word.end() if next_word else end) is not None


def _governing(
    found: list[re.Match[str]], offset: int, text: str, start: int, rules: TenseRules
) -> Tense | None:
    """The tense of the nearest cue before the expression at `start`, except that:
    - a modal or a preposition of an awaited event counts only in the expression's clause ("ruled
      that he must go, and set Friday"; "Just ahead of Albright's trip, the State Department on
      Sunday issued");
    - "-ed" forms after a verbal future cue in the same clause belong to it ("will remain closed on
      Monday": the participle does not make the clause past), unless a determiner makes the cue an
      adjective ("The scheduled talks collapsed on Friday": "collapsed" is the verb, past);
    - a listed past form right after a verbal future cue other than an infinitive is a base form that
      looks the same ("is expected to hit on Thursday", "will quit on Friday"): the future cue decides
      (after an infinitive it is the clause's verb: "the order to leave came on Thursday night").
      After a cue that is no verb a past verb keeps its tense ("the deadline fell on Friday", "the
      deadline passed");
    - an infinitive right after a past verb of its clause is that act's purpose, no cue ("broke
      their record to sign him on Tuesday" dates the past act as much as the purpose);
    - a past modal in a negated clause is past ("could not be reached on Tuesday").
    The positions of the `found` cues are `offset` characters before their place in `text`."""
    clause_end = rules.clause_end

    def same_clause(first: re.Match[str], hi: int) -> bool:
        return clause_end.search(text, offset + first.start(), hi) is None

    found = [m for m in found if m.lastgroup not in _CLAUSE_BOUND or same_clause(m, start)]
    if not found:
        return None
    at = len(found) - 1
    if found[at].lastgroup == "past_form":
        verb = next((i for i in range(at - 1, -1, -1) if found[i].lastgroup != "past_form"), None)
        if verb is not None and found[verb].lastgroup in _VERBAL:
            cue_start = offset + found[verb].start()
            attributive = rules.determiner.search(text, max(0, cue_start - _DETERMINER_REACH), cue_start)
            past_start = offset + found[at].start()
            finite = rules.subordinate.search(text, offset + found[verb].end(), past_start) is not None
            if attributive is None and not finite and same_clause(found[verb], past_start + 1):
                at = verb
    elif found[at].lastgroup == "past" and at > 0 and found[at - 1].lastgroup in _AUXILIARY:
        verb = found[at - 1]
        if verb.string[verb.end() : found[at].start()].isspace():
            at -= 1
    cue = found[at]
    if cue.lastgroup == "infinitive" and at > 0 and found[at - 1].lastgroup in _PAST:
        if same_clause(found[at - 1], offset + cue.start()):
            return NO_CUE
    ahead = cue.lastgroup in _AHEAD and not _failure(cue, offset + cue.end(), text, rules)
    return Tense(1 if ahead else -1, cue.group().lower())


@dataclass(frozen=True, slots=True)
class TenseRules:
    """The regexes tense_of needs for one language (see tense_rules)."""

    cue: _CueRegex
    clause_end: re.Pattern[str]
    preposition: re.Pattern[str]
    negation: re.Pattern[str]
    past_perfect: re.Pattern[str]
    past_modals: tuple[str, ...]
    active_past: re.Pattern[str]
    determiner: re.Pattern[str]
    subordinate: re.Pattern[str]  # a subordinator ("after"), as a whole word
    comparison: re.Pattern[str]
    deferral: re.Pattern[str]
    span_end: re.Pattern[str]
    participation: re.Pattern[str]  # "in", "at" right before a possessive weekday
    object_participation: re.Pattern[str]  # "on" right before it, after the act's object
    determiners: re.Pattern[str]  # a determiner anywhere: an object between a verb and its preposition
    reporting: frozenset[str]  # verbs that report a clause ("said")
    preposition_reach: int  # how far before an expression its preposition may start


def _active_past_regex(grammar: Grammar) -> re.Pattern[str]:
    """A word with the past ending and no auxiliary before it: "planned", not "is expected"."""
    return re.compile(rf"{_no_auxiliary_before(grammar)}\w+{re.escape(grammar.past_suffix)}", re.IGNORECASE)


def _comparison_regex(grammar: Grammar) -> re.Pattern[str]:
    """A comparison word, perhaps adverbs, right before the end of the searched text: "as previously "."""
    adverbs = rf"(?:(?:{_phrases(grammar.adverbs)}|\w{{2,}}{re.escape(grammar.adverb_suffix)})\s+)*"
    return re.compile(rf"(?<![\w'’-])(?:{_phrases(grammar.comparisons)})\s+{adverbs}$", re.IGNORECASE)


def tense_rules(cues: Cues, grammar: Grammar) -> TenseRules:
    """The regexes of one language, for the caller to keep: tense_of needs them for every expression."""
    return TenseRules(
        _cue_regex(cues, grammar),
        _clause_end(grammar),
        _preposition_regex(cues),
        _words_regex(grammar.negations),
        _words_regex(grammar.past_perfect),
        cues.past_modals,
        _active_past_regex(grammar),
        _words_regex(grammar.determiners, before=True),
        _words_regex(grammar.subordinators),
        _comparison_regex(grammar),
        _deferral_regex(cues),
        _words_regex(cues.span_ends, before=True),
        _words_regex(cues.participation, before=True),
        _words_regex(cues.object_participation, before=True),
        _words_regex(grammar.determiners),
        frozenset(word.lower() for word in cues.reporting),
        max(map(len, cues.future_prepositions + cues.past_prepositions)) + 5,  # room for white space
    )


def tense_of(
    text: str, start: int, end: int, rules: TenseRules, *, possessive: bool = False, clock: bool = False
) -> Tense:
    """A preposition right before the expression, else the nearest cue before it in its sentence,
    else the nearest one after it; for a possessive weekday, see _possessive. Before a clock time
    (`clock`) a future preposition yields to the clause, see _tense. A future seen from the past
    perfect is past."""
    sentence_start = max(0, start - WINDOW)
    boundaries = list(SENTENCE_END.finditer(text, sentence_start, start))
    if boundaries:
        sentence_start = boundaries[-1].end()
    if possessive:
        tense = _possessive(text, start, sentence_start, rules)
    else:
        tense = _tense(text, start, end, sentence_start, rules, clock)
    if tense.direction > 0:
        # "had been due to expire Friday", "had filed reports by Wednesday", "Until Thursday, they
        # had not ...": the future of a past time, already past when the article is written.
        breaks = list(rules.clause_end.finditer(text, sentence_start, start))
        lo, hi = (breaks[-1].end() if breaks else sentence_start), start
        if tense.preposition and not text[sentence_start:start].strip().lower().split()[1:]:
            # the preposition opens the sentence: the main clause follows the expression
            stop = SENTENCE_END.search(text, end, end + WINDOW)
            lo, hi = end, (stop.start() if stop else min(len(text), end + WINDOW))
        perfect = rules.past_perfect.search(text, lo, hi)
        if perfect is not None:
            return Tense(-1, perfect.group().lower(), tense.preposition)
    return tense


def _possessive(text: str, start: int, sentence_start: int, rules: TenseRules) -> Tense:
    """A weekday in the possessive names an event ("Tuesday's talks"): past, unless a future cue right
    before it presents the event as awaited ("ahead of Thursday's election", "preparing for Friday's
    match"). A future verb further back acts on an event already reported ("they will challenge
    Monday's ruling"), and a plain preposition orders two events or names an agent ("before Friday's
    purchases", "swept away by Tuesday's vote"): neither says the event is ahead."""
    found, offset = _cues_in(text, sentence_start, start, rules.cue)
    cues = _verbs(found, offset, text, rules)
    if not cues:
        return POSSESSIVE
    cue = cues[-1]
    lo, hi = offset + cue.start(), offset + cue.end()
    if rules.active_past.fullmatch(text, lo, hi) is not None:
        return POSSESSIVE  # a plan or forecast made: "organisers planned Saturday's march"
    if cue.lastgroup in _FUTURE and text[hi:start].isspace():
        return Tense(1, cue.group().lower())
    if _takes_part(cue, hi, text, start, rules):
        return Tense(1, cue.group().lower())
    return POSSESSIVE


def _takes_part(cue: re.Match[str], end: int, text: str, start: int, rules: TenseRules) -> bool:
    """Whether a future verb cue ending at `end` governs an act that takes place in the possessive
    weekday's event at `start`: "will lead the team in Saturday's game", "will refloat the ship on
    Tuesday's high tide" (a preposition of taking part right before it, one of `object_participation`
    after the act's object, nothing between that ends the clause or opens another)."""
    lo = max(0, start - _PARTICIPATION_REACH)
    return (
        cue.lastgroup in _VERBAL
        and (
            rules.participation.search(text, lo, start) is not None
            or (
                (preposition := rules.object_participation.search(text, lo, start)) is not None
                and rules.determiners.search(text, end, preposition.start()) is not None
            )
        )
        and rules.clause_end.search(text, end, start) is None
        and rules.subordinate.search(text, end, start) is None
        and not _failure(cue, end, text, rules)
    )


def _tense(text: str, start: int, end: int, sentence_start: int, rules: TenseRules, clock: bool) -> Tense:
    # A time something was moved to ("extended the deadline to midnight Friday") is ahead of the move,
    # so is one set ("called a march for Saturday"); one set in the past perfect goes as its clause
    # tells it ("the trip, which had been set for June 7-14", "had been scheduled for Monday").
    lo = max(sentence_start, start - _DEFERRAL_GAP - _DEFERRAL_REACH)
    deferral = rules.deferral.search(text, lo, start)
    if deferral is not None and deferral.lastgroup == "set" and rules.past_perfect.search(text, lo, start):
        deferral = None
    if deferral is not None:
        return Tense(1, deferral.group(deferral.lastgroup or 0).lower(), preposition=True)
    prep = rules.preposition.search(text, max(0, start - rules.preposition_reach), start)
    if prep is not None and rules.span_end.search(text, max(0, start - _SPAN_END_REACH), start) is not None:
        prep = None  # "the 12 months through February": the end of a span, dated by its clause
    if prep is not None:
        tense = Tense(1 if prep.group("future") else -1, prep.group().strip().lower(), preposition=True)
        # Before a clock time "before", "until", "by" place a moment in its day, which the clause
        # dates: "broke out shortly before midnight on Saturday" is past, "must register before
        # midnight on Saturday" ahead; only a clause without a cue keeps the preposition's future
        # ("the offer runs until midnight on Friday"). "since" counts from a time already past.
        if not clock or tense.direction < 0:
            return tense
        clause = _clause_tense(text, start, end, sentence_start, rules)
        return tense if clause is NO_CUE else clause
    return _clause_tense(text, start, end, sentence_start, rules)


def _clause_tense(text: str, start: int, end: int, sentence_start: int, rules: TenseRules) -> Tense:
    """The nearest cue before the expression in its sentence, else the first one after it in its
    clause. After a subordinator with no cue between it and the expression, the clause it opens
    has its own tense when a cue follows: "will play on January 9 after their match on Tuesday
    was postponed" (the match is past)."""
    cues_before, offset = _cues_in(text, sentence_start, start, rules.cue)
    verbs = _verbs(cues_before, offset, text, rules)
    opened = [m.start() for m in rules.subordinate.finditer(text, sentence_start, start)]
    # So has a reported clause whose subject the expression ends ("said its march on Saturday
    # would go ahead").
    if verbs and (
        (opened and all(offset + m.start() < opened[-1] for m in verbs))
        or _ends_reported_subject(verbs[-1], offset, text, start, end, rules)
    ):
        own = _tense_after(text, start, end, sentence_start, rules)
        if own is not NO_CUE:
            return own
    governing = _governing(verbs, offset, text, start, rules)
    if governing is not None:
        return governing
    return _tense_after(text, start, end, sentence_start, rules)


# How far after an expression the verb of the clause whose subject it ends is looked for (with room).
_VERB_AFTER_REACH = 12


def _ends_reported_subject(
    cue: re.Match[str], offset: int, text: str, start: int, end: int, rules: TenseRules
) -> bool:
    """Whether the expression at `start:end` ends the subject of a clause that the reporting verb
    `cue` reports: a determiner between them and a cue right after it ("said its march on Saturday
    would go ahead"; not "said on Saturday the talks would resume")."""
    if cue.group().lower() not in rules.reporting:  # most expressions
        return False
    if rules.determiners.search(text, offset + cue.end(), start) is None:
        return False
    after, base = _cues_in(text, end, end + _VERB_AFTER_REACH, rules.cue)
    return bool(after) and text[end : base + after[0].start()].isspace()


def _tense_after(text: str, start: int, end: int, sentence_start: int, rules: TenseRules) -> Tense:
    """The tense of the first cue after the expression in its clause, NO_CUE when there is none."""
    lo = end
    if not text[sentence_start:start].split()[1:]:
        # "On Monday, the president will travel": an expression that opens the sentence belongs
        # to the clause after its comma.
        comma = _COMMA.match(text, end)
        lo = comma.end() if comma else end
    stop = rules.clause_end.search(text, lo, lo + WINDOW)
    hi = stop.start() if stop else min(len(text), lo + WINDOW)
    found, offset = _cues_in(text, lo, hi, rules.cue)
    # A preposition of an awaited event dates what follows it, not the expression before it.
    cues_after = [m for m in _verbs(found, offset, text, rules) if m.lastgroup != "awaiting"]
    if not cues_after:
        return NO_CUE
    first = cues_after[0]  # after the expression a decision is what it dates: "Monday agreed to ..."
    ahead = (
        first.lastgroup in _AHEAD - {"prospective"}
        and not _failure(first, offset + first.end(), text, rules)
        # so is a plan: "On Friday, the government planned to pay" (not "is expected")
        and rules.active_past.fullmatch(text, offset + first.start(), offset + first.end()) is None
    )
    return Tense(1 if ahead else -1, first.group().lower())
