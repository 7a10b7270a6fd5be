"""The tense cue of the clause around an expression: which way a bare weekday or month points."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from chrono.rules.schema import Cues, Grammar

# How far to look around an expression for a cue, bounded by the sentence.
WINDOW = 120
# A period after an initial or a short title ("Daniel P. Davison", "Mr. Smith", "Feb. 1") ends no sentence.
_SENTENCE_END = re.compile(r"[.!?](?<!\b[A-Z]\.)(?<!\b[A-Z][a-z]\.)(?<!\b[A-Z][a-z]{2}\.)\s|\n")


@dataclass(frozen=True, slots=True)
class Tense:
    """Direction -1 (past), +1 (future) or 0 (no cue), the cue word that decided it, and whether
    that cue is a preposition right before the expression ("since", "until")."""

    direction: int
    cue: str | None
    preposition: bool = False


NO_CUE = Tense(0, None)


@cache
def _clause_end(grammar: Grammar) -> re.Pattern[str]:
    # Looking right, the clause ends sooner: "progress on Tuesday and will resume ..." is two clauses.
    words = "|".join(re.escape(w) for w in grammar.clause_breaks)
    return re.compile(rf"[.!?;:,]\s|\n|\s(?:{words})\s")


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
        return "|".join(
            re.escape(w.lower()).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
        )

    passive = "".join(rf"(?<!\b{re.escape(word.lower())}\s)" for word in grammar.passive_auxiliaries)
    # Future cues first: at one position "scheduled" is a future cue, not a past -ed form;
    # a passive "will be held" is not a past cue.
    suffix = re.escape(grammar.past_suffix.lower())
    # "indeed", "hundred": the ending without the past tense
    not_past = rf"(?!(?:{alt(grammar.not_past_forms)})(?![\w-]))" if grammar.not_past_forms else ""
    past = rf"(?:(?P<past>{alt(cues.past)})|{not_past}(?P<past_form>[a-z]{{3,}}{suffix}))"
    pattern = (
        rf"(?<![\w'’-])(?:(?P<prospective>{alt(cues.prospective)})|(?P<future>{alt(cues.future)})"
        rf"|{passive}{past})(?![\w-])"
    )
    margin = max((len(word) for word in grammar.passive_auxiliaries), default=0) + 2
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


def _verbs(cues: list[re.Match[str]], offset: int, text: str) -> list[re.Match[str]]:
    """The cues without capitalised "-ed" words: those are names ("Mohamed", "Reed"), not past verbs."""
    return [m for m in cues if m.group("past_form") is None or text[offset + m.start()].islower()]


@cache
def _preposition_regex(cues: Cues) -> re.Pattern[str]:
    def alt(words: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in words)

    return re.compile(
        rf"(?<![\w])(?:(?P<future>{alt(cues.future_prepositions)})|(?P<past>{alt(cues.past_prepositions)}))\s+$",
        re.IGNORECASE,
    )


def _governing(cues: list[re.Match[str]], offset: int, text: str, grammar: Grammar) -> re.Match[str] | None:
    """The nearest cue, except that "-ed" forms right after a future cue in the same clause belong
    to it: in "will remain closed on Monday" the participle "closed" does not make the clause past.
    The cues' positions are `offset` characters before their place in `text`."""
    if not cues or cues[-1].group("past_form") is None:
        return cues[-1] if cues else None
    last = cues[-1]
    for cue in reversed(cues[:-1]):
        if cue.group("past_form") is None:
            clause_end = _clause_end(grammar).search(text, offset + cue.start(), offset + last.start() + 1)
            same_clause = clause_end is None
            return cue if (cue.group("future") or cue.group("prospective")) and same_clause else last
    return last


def tense_of(text: str, start: int, end: int, cues: Cues, grammar: Grammar) -> Tense:
    """A preposition right before the expression, else the nearest cue before it in its sentence,
    else the nearest one after it; a future seen from the past perfect is past."""
    sentence_start = max(0, start - WINDOW)
    boundaries = list(_SENTENCE_END.finditer(text, sentence_start, start))
    if boundaries:
        sentence_start = boundaries[-1].end()
    tense = _tense(text, start, end, sentence_start, cues, grammar)
    if tense.direction > 0:
        # "had been due to expire Friday", "had filed reports by Wednesday", "Until Thursday, they
        # had not ...": the future of a past time, already past when the article is written.
        breaks = list(_clause_end(grammar).finditer(text, sentence_start, start))
        lo, hi = (breaks[-1].end() if breaks else sentence_start), start
        if tense.preposition and not text[sentence_start:start].strip().lower().split()[1:]:
            # the preposition opens the sentence: the main clause follows the expression
            stop = _SENTENCE_END.search(text, end, end + WINDOW)
            lo, hi = end, (stop.start() if stop else min(len(text), end + WINDOW))
        perfect = _past_perfect_regex(grammar).search(text, lo, hi)
        if perfect is not None:
            return Tense(-1, perfect.group().lower(), tense.preposition)
    return tense


@cache
def _past_perfect_regex(grammar: Grammar) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in grammar.past_perfect)
    return re.compile(rf"(?<![\w'’-])(?:{words})(?![\w-])", re.IGNORECASE)


def _tense(text: str, start: int, end: int, sentence_start: int, cues: Cues, grammar: Grammar) -> Tense:
    prep = _preposition_regex(cues).search(text, max(0, start - 12), start)
    if prep is not None:
        return Tense(1 if prep.group("future") else -1, prep.group().strip().lower(), preposition=True)
    regex = _cue_regex(cues, grammar)
    cues_before, offset = _cues_in(text, sentence_start, start, regex)
    last = _governing(_verbs(cues_before, offset, text), offset, text, grammar)
    if last is not None:
        return Tense(1 if last.group("future") or last.group("prospective") else -1, last.group().lower())
    stop = _clause_end(grammar).search(text, end, end + WINDOW)
    hi = stop.start() if stop else min(len(text), end + WINDOW)
    cues_after = _verbs(*_cues_in(text, end, hi, regex), text)
    if not cues_after:
        return NO_CUE
    first = cues_after[0]  # after the expression a decision is what it dates: "Monday agreed to ..."
    return Tense(1 if first.group("future") else -1, first.group().lower())
