"""People, organisations and places named in the events, with spelling variants merged.

The recogniser is a careful heuristic behind the `EntityRecognizer` protocol, so a statistical
model can replace it: capitalised word sequences, role and honorific cues ("President ...",
"spokesman ..."), organisation words ("Ministry", "Council", acronyms), place cues ("in ...",
"... region"). A name with no cue anywhere in the timeline is left out rather than guessed.
Variants fold together by transliteration ("Zelenskyy" = "Zelensky", "Kyiv" = "Kiev") and a lone
surname joins the one full name that ends with it ("Zelensky" → "Volodymyr Zelenskyy").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Protocol

from chrono.models import Timeline


class EntityKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A name found in a text; `kind` is None when nothing around it says what it is."""

    text: str
    kind: EntityKind | None
    start: int
    end: int
    strong: bool = True  # a weak cue (a bare two-word name looks like a person) loses to a strong one


class EntityRecognizer(Protocol):
    def recognize(self, text: str) -> list[EntityMention]: ...


@dataclass(frozen=True, slots=True)
class Entity:
    """One named entity of the timeline and the events that mention it, in timeline order."""

    kind: EntityKind
    name: str
    aliases: tuple[str, ...]
    event_ids: tuple[str, ...]


_WORD = r"[A-Z][\w’'-]*\w"
# The boundary is checked after the first capital, so that the regex engine skips to capitals
# instead of trying every position.
_SEQUENCE = re.compile(
    rf"[A-Z](?<![\w’'-][A-Z])[\w’'-]*\w(?:[ ](?:(?:of|for|de|del|von|van|al|bin)[ ])?{_WORD})*"
)
_CALENDAR = set(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December Today Yesterday Tomorrow".split()
)
_LEADING_STOP = (
    set(
        """
    The A An And But Or So If As At In On Of To For From By With After Before During Since Until
    While When Where Why How What Who Which This That These Those There Here He She It They We You I
    His Her Its Their Our My Your However Meanwhile Earlier Later Last Next Also Both Some Many Most
    Such Other Another Each Every No Not All Speaking According Asked Despite Although Though Once
    Then Now Still Yet Even Only
    """.split()
    )
    | _CALENDAR
)
_TITLES = set(
    """
    President Prime Minister Chancellor Secretary General Gen Colonel Col Senator Sen Rep Governor
    Mayor King Queen Prince Princess Pope Ambassador Commander Chief Deputy Lieutenant Foreign
    Defence Defense Mr Mrs Ms Dr Sir Lord Lady Spokesman Spokeswoman Premier Patriarch Judge Justice
    """.split()
)
# Cues just before a name. Strong ones decide; weak ones ("said X", "of X") only count when
# nothing strong was ever seen for that name.
_ROLE_BEFORE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|minister|president|leader|chief|head|official|adviser|advisor|negotiator|"
    r"envoy|ambassador|secretary|chancellor|mayor|governor|commander|general|senator|analyst|correspondent|"
    r"premier|aide|deputy)\W*$"
)
_WEAK_ROLE_BEFORE = re.compile(r"\b(?:said|says|told|according to)\s+$")
_PLACE_BEFORE = re.compile(
    r"\b(?:in|near|outside|around|across|into|towards?|via|left|leave|leaving|reached|entered|"
    r"shelled|struck|bombed|captured|visited|liberated|attacked|besieged)\s+(?:the\s+)?$"
)
_WEAK_PLACE_BEFORE = re.compile(r"\b(?:from|to|of)\s+(?:the\s+)?$")
_LIST_JOINER = re.compile(r"(?:,\s*|\s+and\s+|,\s+and\s+)$")  # "in Kyiv, Kharkiv and Chernihiv"
_HYPHEN_LOWER = re.compile(r"-[a-z]")
_PLACE_AFTER = re.compile(r"[’']?s?\s+(?:region|oblast|city|province|district|border)\b")
_ORG_WORDS = set(
    """
    Ministry Council Party Army Forces Force Agency Union Nations Organisation Organization
    Committee Commission Bank Company Corp Corporation Inc Ltd Group University Parliament Duma
    Kremlin Pentagon Office Department Service Services Times News Post Journal Reuters Guard Navy
    Court Government Senate Congress Assembly Rada Alliance Fund Institute Association Network Press
    Television Radio Foundation Church
    """.split()
)
_PLACE_WORDS = set(
    "Region Oblast City Province Republic Sea River Island Islands Peninsula Square Street".split()
)
_PLACE_ACRONYMS = {"US", "UK", "USA", "UAE"}  # countries, while other short acronyms are organisations


def _kind_from_name(words: list[str]) -> EntityKind | None:
    if not _PLACE_WORDS.isdisjoint(words):
        return EntityKind.PLACE
    if len(words) == 1 and words[0] in _PLACE_ACRONYMS:
        return EntityKind.PLACE
    if not _ORG_WORDS.isdisjoint(words) or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1):
        return EntityKind.ORGANISATION
    return None


def _not_a_name(words: list[str]) -> bool:
    """Demonyms ("Russian"), "Russian-speaking", "Ka-52", dates and dangling connectors are not names."""
    if not words or not _CALENDAR.isdisjoint(words) or words[-1] in {"of", "for", "de", "al", "bin"}:
        return True
    if all(w.endswith(("ian", "ese", "ish")) or _HYPHEN_LOWER.search(w) for w in words):
        return True
    return len(words) == 1 and any(ch.isdigit() for ch in words[0]) and not words[0].isupper()


def _classify(
    words: list[str], titled: bool, before: str, text: str, end: int, listed: bool
) -> tuple[EntityKind | None, bool]:
    """The kind of a name from its words and its surroundings (`before` it; in `text` from `end`),
    and whether the cue is strong."""
    kind = _kind_from_name(words)
    if kind is not None:
        return kind, True
    bare_name = 2 <= len(words) <= 3 and all(w[1:].islower() for w in words)
    if (titled or _ROLE_BEFORE.search(before)) and not words[0].isupper():
        return EntityKind.PERSON, True
    if _PLACE_BEFORE.search(before) or _PLACE_AFTER.match(text, end):
        return EntityKind.PLACE, True
    if bare_name or (_WEAK_ROLE_BEFORE.search(before) and not words[-1].isupper()):
        return EntityKind.PERSON, False
    if _WEAK_PLACE_BEFORE.search(before) or listed:
        return EntityKind.PLACE, False
    return None, False


class HeuristicRecognizer:
    """Capitalised sequences classified by the words in and just before them."""

    def recognize(self, text: str) -> list[EntityMention]:
        found: list[EntityMention] = []
        last_place_end = -1
        for match in _SEQUENCE.finditer(text):
            words, start = match.group().split(" "), match.start()
            while words and words[0] in _LEADING_STOP:
                start += len(words[0]) + 1
                words = words[1:]
            if not words:  # a capitalised stop word alone ("The", "He"): most sequences
                continue
            # "Ukrainian President Volodymyr Zelenskyy": the name is what follows the last title word,
            # unless that is an organisation ("Defence Ministry").
            cut = max((i + 1 for i, w in enumerate(words[:-1]) if w in _TITLES), default=0)
            titled = bool(cut) and not any(w in _ORG_WORDS for w in words[cut:])
            if titled:
                start += sum(len(w) + 1 for w in words[:cut])
                words = words[cut:]
            words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]  # possessive "s" off
            if _not_a_name(words):
                continue
            name = " ".join(words)
            listed = last_place_end >= 0 and bool(_LIST_JOINER.fullmatch(text, last_place_end, start))
            before = text[max(0, start - 40) : start]
            kind, strong = _classify(words, titled, before, text, match.end(), listed)
            found.append(EntityMention(name, kind, start, start + len(name), strong))
            last_place_end = start + len(name) if kind is EntityKind.PLACE else -1
        return found


@lru_cache(maxsize=1 << 16)  # names repeat across a corpus' sentences
def fold(name: str) -> str:
    """A key equal for transliteration variants: Zelenskyy/Zelensky/Zelenskiy, Kyiv/Kiev, Dmitry/Dmitri."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    ascii_name = re.sub(r"[^a-z ]+", "", ascii_name).replace("kh", "h").replace("y", "i").replace("ie", "i")
    return re.sub(r"(.)\1+", r"\1", ascii_name).strip()


def _vote(votes: Counter[EntityKind], strong_votes: Counter[EntityKind]) -> EntityKind | None:
    pool = strong_votes or votes
    if not pool:
        return None
    # Most votes wins; ties go place > organisation > person, a fixed order so output is stable.
    order = [EntityKind.PLACE, EntityKind.ORGANISATION, EntityKind.PERSON]
    return max(order, key=lambda k: (pool[k], -order.index(k)))


def _display(variants: Counter[str]) -> tuple[str, tuple[str, ...]]:
    first_seen = {v: i for i, v in enumerate(variants)}  # Counters keep insertion order
    name = min(variants, key=lambda v: (-len(v.split()), -variants[v], first_seen[v]))
    return name, tuple(sorted(v for v in variants if v != name))


def collect_entities(timeline: Timeline, recognizer: EntityRecognizer | None = None) -> list[Entity]:
    """Every cued entity of the timeline, sorted by kind then name."""
    recognizer = recognizer or HeuristicRecognizer()
    variants: dict[str, Counter[str]] = defaultdict(Counter)
    votes: dict[str, Counter[EntityKind]] = defaultdict(Counter)
    strong: dict[str, Counter[EntityKind]] = defaultdict(Counter)
    events: dict[str, dict[str, None]] = defaultdict(dict)  # ordered sets: a common name has many events
    for event in timeline.events:
        for mention in event.mentions:
            for found in recognizer.recognize(mention.text):
                key = fold(found.text)
                variants[key][found.text] += 1
                if found.kind is not None:
                    votes[key][found.kind] += 1
                    if found.strong:
                        strong[key][found.kind] += 1
                events[key][event.id] = None
    kinds = {key: kind for key in variants if (kind := _vote(votes[key], strong[key])) is not None}
    strong_places = {key for key in variants if _vote(strong[key], strong[key]) is EntityKind.PLACE}
    groups = _join_surnames(kinds, variants.keys(), strong_places)
    order = {e.id: i for i, e in enumerate(timeline.events)}
    entities = []
    for head, members in groups.items():
        merged: Counter[str] = Counter()
        ids: set[str] = set()
        for key in members:
            merged.update(variants[key])
            ids.update(events[key])
        name, aliases = _display(merged)
        entities.append(Entity(kinds[head], name, aliases, tuple(sorted(ids, key=order.__getitem__))))
    return sorted(entities, key=lambda e: (e.kind, e.name.lower(), e.name))


def _join_surnames(
    kinds: dict[str, EntityKind], keys: Iterable[str], places: set[str]
) -> dict[str, list[str]]:
    """Group keys: a one-word name joins the single full person name ending with it, even when uncued
    or weakly cued as something else, unless strong cues make it a place ("Washington")."""
    full_people: dict[str, list[str]] = defaultdict(list)
    for key, kind in kinds.items():
        if kind is EntityKind.PERSON and " " in key:
            full_people[key.rsplit(" ", 1)[1]].append(key)
    groups: dict[str, list[str]] = {}
    for key in sorted(keys):
        owners = full_people.get(key, []) if " " not in key and key not in places else []
        if len(owners) == 1:
            groups.setdefault(owners[0], []).append(key)
        elif key in kinds:
            groups.setdefault(key, []).insert(0, key)
    return groups
