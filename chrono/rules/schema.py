"""Pydantic models of the language-resource files: validated once at load, then compiled."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Cues(_Frozen):
    """Tense cue words; the nearest one to an expression in its clause decides the direction."""

    future: tuple[str, ...] = Field(description="Words or phrases that mark a future clause.")
    future_non_verbs: tuple[str, ...] = Field(
        description="Future cues that are no verbs ('deadline'): a past verb after one keeps its tense."
    )
    awaiting: tuple[str, ...] = Field(
        description=(
            "Prepositions that present an event as awaited ('ahead of'): future in their clause, and right"
            " before a possessive weekday ('ahead of Thursday's election')."
        )
    )
    passive_future: tuple[str, ...] = Field(
        description="Participles that look ahead in the present passive ('is anticipated', 'are forecast')."
    )
    modals: tuple[str, ...] = Field(
        description="Modal verbs: future before a bare infinitive, no cue before a perfect ('may have won')."
    )
    past_modals: tuple[str, ...] = Field(
        description="Modals that are also a past tense: past in a negated clause ('could not be reached')."
    )
    infinitives: tuple[str, ...] = Field(
        description="Infinitives of acts ('to sign'): future, but no cue after a past verb of their clause."
    )
    past: tuple[str, ...] = Field(description="Words or phrases that mark a past clause.")
    participation: tuple[str, ...] = Field(
        description="Prepositions of taking part ('in', 'at'): right before a possessive weekday after"
        " a future verb of its clause, the event the act is in: ahead ('will play in Saturday's final')."
    )
    reporting: tuple[str, ...] = Field(
        description="Verbs that report a clause ('said'): an expression that ends the subject of the clause"
        " reported ('said its march on Saturday would go ahead') takes that clause's tense."
    )
    object_participation: tuple[str, ...] = Field(
        description="Prepositions of taking part only after the act's object ('will refloat the ship on"
        " Tuesday's high tide'): right after the verb they take its complement ('will comment on Monday's"
        " ruling')."
    )
    prospective: tuple[str, ...] = Field(
        description="Past decisions or promises with 'to': future before an expression, past after it."
    )
    future_prepositions: tuple[str, ...] = Field(description="Right before an expression: it is future.")
    deferrals: tuple[str, ...] = Field(
        description="Verbs that move a time later ('extended', 'postponed'): before one of deferral_targets"
        " right before an expression, in their clause, they make it future, even before a clock time."
    )
    deferral_targets: tuple[str, ...] = Field(
        description="Prepositions of the new time after a deferral verb ('extended the deadline to Friday')."
    )
    schedulings: tuple[str, ...] = Field(
        description="Verbs that set a time for a thing ('called a march', 'scheduled the vote'): before one"
        " of scheduling_targets right before an expression, in their clause, they make it future, as a"
        " deferral."
    )
    scheduling_targets: tuple[str, ...] = Field(
        description="Prepositions of the time set after a scheduling verb ('called a march for Saturday')."
    )
    past_prepositions: tuple[str, ...] = Field(description="Right before an expression: it is past.")
    span_ends: tuple[str, ...] = Field(
        description="A span of time and a future preposition ('the 12 months through February'): right before"
        " an expression they end the span there, no deadline: the clause dates it."
    )


class Deictic(_Frozen):
    """A deictic day word: its day offset and, for "tonight", its part of day."""

    offset: int = Field(description="Days from the anchor: yesterday -1.")
    part: str | None = Field(default=None, description="TimeML part of day (NI for tonight).")


class Grammar(_Frozen):
    """Language facts the code needs besides words with values."""

    guarded_words: tuple[str, ...] = Field(description="Words that are times only after a guard word.")
    guard_words: tuple[str, ...] = Field(
        description="Prepositions/modifiers that make a guarded word a time."
    )
    leader_nouns: tuple[str, ...] = Field(
        description="Nouns a leader's name qualifies ('the May government'): a guarded word before one"
        " is a name."
    )
    never_alone: tuple[str, ...] = Field(description="Words never tagged on their own.")
    game_words: tuple[str, ...] = Field(
        description="Words or phrases that, in its sentence, make a half or quarter naming no year a game's."
    )
    past_suffix: str = Field(description="Regular past-tense ending, a past cue.")
    not_past_forms: tuple[str, ...] = Field(
        description="Words with the past-tense ending that are no past verbs (indeed, hundred, succeed)."
    )
    past_perfect: tuple[str, ...] = Field(
        description="Auxiliaries of the past perfect: a future cue after one in its clause is past."
    )
    passive_auxiliaries: tuple[str, ...] = Field(description="Words before a passive participle.")
    perfect_auxiliaries: tuple[str, ...] = Field(
        description="Perfect auxiliaries: before one with a participle a modal is no cue ('may have left')."
    )
    participles: tuple[str, ...] = Field(
        description="Past participles without the regular ending ('been', 'left', 'gone')."
    )
    present_auxiliaries: tuple[str, ...] = Field(
        description="The present of 'be': before a participle of Cues.passive_future it looks ahead;"
        " before any other '-ed' word it makes no past cue ('the road is closed until 6 a.m. on Monday')."
    )
    adverbs: tuple[str, ...] = Field(
        description="Adverbs between an auxiliary and a participle ('is now expected'), with -adverb_suffix."
    )
    adverb_suffix: str = Field(
        description="Ending of adverbs ('widely') between an auxiliary and a participle."
    )
    clause_breaks: tuple[str, ...] = Field(description="Words that end a clause when looking right.")
    determiners: tuple[str, ...] = Field(
        description="Words before a noun: a future cue right after one is an adjective ('the planned"
        " strike'), no verb that owns the participles after it."
    )
    comparisons: tuple[str, ...] = Field(
        description="Words before a future cue (adverbs between) that compare with a plan or forecast"
        " ('as planned', 'as previously scheduled', 'as expected'): no cue, the main verb dates."
    )
    subordinators: tuple[str, ...] = Field(
        description="Words that open a subordinate clause ('after', 'because'): an '-ed' verb after one"
        " is a finite past ('will become ... after its board accepted the offer on Wednesday'), not a"
        " participle of a future cue before it."
    )
    possessive_suffixes: tuple[str, ...] = Field(description="Endings that make a weekday possessive.")
    negations: tuple[str, ...] = Field(description="Words that negate a clause ('not', 'neither').")
    coordinators: tuple[str, ...] = Field(
        description="Words that join a list: a weekday listed with a recurring one recurs too."
    )
    range_openers: tuple[str, ...] = Field(description="Words before the start of a range.")
    range_joiners: tuple[str, ...] = Field(description="Words between the start and end of a range.")
    bounds: tuple[str, ...] = Field(
        description="Words before a time that bounds a state or promise ('before 2028'): not when it happens."
    )


class Lexicon(_Frozen):
    """Words of one language, keyed in lower case, with the typed value each one stands for."""

    months: dict[str, int] = Field(description="Month names and abbreviations → 1..12.")
    weekdays: dict[str, int] = Field(description="Weekday names → ISO weekday 1 (Monday)..7.")
    numbers: dict[str, float] = Field(description="Number words → value; -1 is a vague amount (TimeML X).")
    ordinals: dict[str, int] = Field(description="Ordinals used for quarters and halves.")
    weekday_ordinals: dict[str, int] = Field(
        description="Ordinals of a weekday in its month ('the last Saturday of February') → n, 5 the last."
    )
    units: dict[str, str] = Field(description="Unit words → code: D, W, M, Q, Y, H, MIN, S, DE, CE, WE.")
    shifts: dict[str, int] = Field(description="last/this/next → -1/0/+1.")
    modifiers: dict[str, str] = Field(description="early/mid/late ... → TimeML mod.")
    approx: dict[str, str] = Field(description="about/nearly/more than ... → TimeML mod.")
    seasons: dict[str, str] = Field(description="Season names → TimeML season code.")
    parts_of_day: dict[str, str] = Field(description="morning/evening ... → TimeML part-of-day code.")
    holidays: dict[str, str] = Field(
        description=(
            "Holiday names → MM-DD, MM-n-w (n-th ISO weekday w of the month, n = 5 the last), MM-DD>w "
            "(first ISO weekday w on or after the date), easter±N or passover±N (days from Easter Sunday "
            "or the first day of Passover), or 'week of SPEC' (the ISO week of that day)."
        )
    )
    deictic_days: dict[str, Deictic] = Field(description="today/yesterday/tomorrow/tonight.")
    directions: dict[str, int] = Field(description="later/earlier ... → +1/-1 from the reference time.")
    refs: dict[str, str] = Field(description="now/recently/the future ... → PRESENT_REF/PAST_REF/FUTURE_REF.")
    set_words: dict[str, str] = Field(description="daily/weekly ... → SET value.")
    grammar: Grammar = Field(description="Guards, clause and range words.")
    cues: Cues = Field(description="Tense cues.")


class Example(_Frozen):
    """An executable example: tagging `text` against `anchor` finds one expression with `value`."""

    text: str = Field(description="Text containing exactly the expression (or a short sentence with it).")
    anchor: dt.date = Field(description="Publish date to resolve against.")
    value: str | None = Field(default=None, description="Expected TimeML value; omitted when unresolvable.")
    found: bool = Field(default=True, description="False when the text must give no expression at all.")
    span: str | None = Field(default=None, description="Expected extent when it is not the whole text.")


class Rule(_Frozen):
    """One extraction rule: a regex with named groups and {placeholders}, and the resolver to apply."""

    id: str = Field(description="Stable rule id, reported by --explain.")
    pattern: str = Field(description="Regex with named groups; {name} expands from the lexicon.")
    resolver: str = Field(description="Name of a resolver in chrono.temporal.resolve.RESOLVERS.")
    type: TimexType = Field(description="TimeML type of what the rule finds.")
    examples: tuple[Example, ...] = Field(min_length=1, description="Examples the tests run.")


class PatternFile(_Frozen):
    """The `patterns.toml` of one language."""

    rule: tuple[Rule, ...] = Field(description="Rules in priority order: earlier wins at a position.")
