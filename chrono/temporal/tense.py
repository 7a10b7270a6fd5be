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
    """Direction -1 (past), +1 (future) or 0 (no cue), and the cue word that decided it."""

    direction: int
    cue: str | None


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
    past = rf"(?:(?P<past>{alt(cues.past)})|(?P<past_form>[a-z]{{3,}}{suffix}))"
    pattern = rf"(?<![\w'’-])(?:(?P<future>{alt(cues.future)})|{passive}{past})(?![\w-])"
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
            return cue if cue.group("future") and same_clause else last
    return last


def tense_of(text: str, start: int, end: int, cues: Cues, grammar: Grammar) -> Tense:
    """A preposition right before the expression, else the nearest cue before it in its sentence,
    else the nearest one after it."""
    prep = _preposition_regex(cues).search(text, max(0, start - 12), start)
    if prep is not None:
        return Tense(1 if prep.group("future") else -1, prep.group().strip().lower())
    regex = _cue_regex(cues, grammar)
    left_from = max(0, start - WINDOW)
    boundaries = list(_SENTENCE_END.finditer(text, left_from, start))
    if boundaries:
        left_from = boundaries[-1].end()
    cues_before, offset = _cues_in(text, left_from, start, regex)
    last = _governing(_verbs(cues_before, offset, text), offset, text, grammar)
    if last is None:
        stop = _clause_end(grammar).search(text, end, end + WINDOW)
        hi = stop.start() if stop else min(len(text), end + WINDOW)
        cues_after = _verbs(*_cues_in(text, end, hi, regex), text)
        last = cues_after[0] if cues_after else None
    if last is None:
        return NO_CUE
    return Tense(1 if last.group("future") else -1, last.group().lower())
