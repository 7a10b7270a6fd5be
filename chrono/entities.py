"""People, organisations and places named in the events, with spelling variants merged.

The recogniser is a careful heuristic behind the `EntityRecognizer` protocol, so a statistical
model can replace it: capitalised word sequences, role and honorific cues ("President ...",
"spokesman ..."), organisation words ("Ministry", "Council", acronyms), place cues ("in ...",
"... region"). A name with no cue anywhere in the timeline is left out rather than guessed.
Variants fold together by transliteration ("Zelenskyy" = "Zelensky", "Kyiv" = "Kiev") and a lone
surname joins the one full name that ends with it ("Zelensky" → "Volodymyr Zelenskyy").
The word lists are data (`entities_en.toml`).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple, Protocol

from chrono.errors import RulesError
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


_DATA = Path(__file__).with_name("entities_en.toml")
_WORD = r"[A-Z][\w’'-]*\w"
_HYPHEN_LOWER = re.compile(r"-[a-z]")


@dataclass(frozen=True, slots=True)
class _Lists:
    """The word lists of `entities_en.toml`, compiled (what each is for is told there)."""

    sequence: re.Pattern[str]  # a capitalised word sequence, connectors allowed inside
    calendar: frozenset[str]
    leading_stop: frozenset[str]  # the calendar words too
    titles: frozenset[str]
    roles: frozenset[str]  # titles and role words, capitalised: a name of these alone is none
    organisation_words: frozenset[str]
    place_words: frozenset[str]
    place_acronyms: frozenset[str]
    demonym_endings: tuple[str, ...]
    # Cues just before a name (in the text up to it) and after it. Strong ones decide; weak ones
    # ("said X", "of X") only count when nothing strong was ever seen for that name.
    role_before: re.Pattern[str]
    weak_role_before: re.Pattern[str]
    place_before: re.Pattern[str]
    weak_place_before: re.Pattern[str]
    place_after: re.Pattern[str]
    list_joiner: re.Pattern[str]  # between two names of a list: "in Kyiv, Kharkiv and Chernihiv"


@cache
def _lists(path: Path) -> _Lists:
    """The lists of `path`, read and compiled once; a missing or broken one is a RulesError naming it."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))

        def words(key: str) -> str:
            return "|".join(map(re.escape, data[key]))

        calendar = frozenset(data["calendar"])
        titles = frozenset(data["titles"])
        article = rf"(?:(?:{words('articles')})\s+)?"
        conjunction = rf"\s+(?:{words('list_conjunctions')})\s+"
        return _Lists(
            # The boundary is checked after the first capital, so that the regex engine skips to
            # capitals instead of trying every position.
            sequence=re.compile(
                rf"[A-Z](?<![\w’'-][A-Z])[\w’'-]*\w(?:[ ](?:(?:{words('name_connectors')})[ ])?{_WORD})*"
            ),
            calendar=calendar,
            leading_stop=frozenset(data["leading_stop"]) | calendar,
            titles=titles,
            roles=titles | {w.title() for w in data["role_before"]},
            organisation_words=frozenset(data["organisation_words"]),
            place_words=frozenset(data["place_words"]),
            place_acronyms=frozenset(data["place_acronyms"]),
            demonym_endings=tuple(data["demonym_endings"]),
            role_before=re.compile(rf"\b(?:{words('role_before')})\W*$"),
            weak_role_before=re.compile(rf"\b(?:{words('weak_role_before')})\s+$"),
            place_before=re.compile(rf"\b(?:{words('place_before')})\s+{article}$"),
            weak_place_before=re.compile(rf"\b(?:{words('weak_place_before')})\s+{article}$"),
            place_after=re.compile(rf"[’']?s?\s+(?:{words('place_after')})\b"),
            list_joiner=re.compile(rf"(?:,\s*|{conjunction}|,{conjunction})$"),
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, re.error) as exc:
        raise RulesError(f"{path.name}: {exc}") from exc


def _kind_from_name(words: list[str], lists: _Lists) -> EntityKind | None:
    if not lists.place_words.isdisjoint(words):
        return EntityKind.PLACE
    if len(words) == 1 and words[0] in lists.place_acronyms:
        return EntityKind.PLACE
    if not lists.organisation_words.isdisjoint(words) or (
        len(words) == 1 and words[0].isupper() and len(words[0]) > 1
    ):
        return EntityKind.ORGANISATION
    return None


@cache
def common_capitals(data: Path = _DATA) -> frozenset[str]:
    """Capitalised words that name nobody on their own, in lower case: titles and roles
    ("President", "Minister", "Spokesman") and dates ("Nov")."""
    lists = _lists(data)
    return frozenset(w.lower() for w in lists.roles | lists.calendar)


def _not_a_name(words: list[str], lists: _Lists) -> bool:
    """Demonyms ("Russian"), "Russian-speaking", "Ka-52", dates and titles alone ("the Prime
    Minister") are not names."""
    if not words or not lists.calendar.isdisjoint(words) or lists.roles.issuperset(words):
        return True
    if all(w.endswith(lists.demonym_endings) or _HYPHEN_LOWER.search(w) for w in words):
        return True
    return len(words) == 1 and any(ch.isdigit() for ch in words[0]) and not words[0].isupper()


class _Name(NamedTuple):
    """The name a capitalised sequence holds, and what its words alone say of it."""

    skipped: int  # characters of the sequence before it ("The", a title)
    words: tuple[str, ...]
    text: str
    titled: bool  # a title word came before it ("President")
    kind: EntityKind | None  # the kind its own words give ("Ministry")
    bare: bool  # two or three words, capitalised only at the start: a person's look


def _classify(
    name: _Name, before: str, text: str, end: int, listed: bool, lists: _Lists
) -> tuple[EntityKind | None, bool]:
    """The kind of a name its words leave open, from its surroundings (`before` it; in `text` from
    `end`), and whether the cue is strong."""
    words = name.words
    if (name.titled or lists.role_before.search(before)) and not words[0].isupper():
        return EntityKind.PERSON, True
    if lists.place_before.search(before) or lists.place_after.match(text, end):
        return EntityKind.PLACE, True
    if name.bare or (lists.weak_role_before.search(before) and not words[-1].isupper()):
        return EntityKind.PERSON, False
    if lists.weak_place_before.search(before) or listed:
        return EntityKind.PLACE, False
    return None, False


_MAX_SEQUENCES = 1 << 14  # sequences a recogniser keeps read (a few MB)


class HeuristicRecognizer:
    """Capitalised sequences classified by the words in and just before them: those of `data`, a
    file like `entities_en.toml` (loaded on first use)."""

    def __init__(self, data: Path = _DATA) -> None:
        self.data = data
        # Each sequence's name, read once: sequences recur ("The", "Police", a person's name).
        self._names: dict[str, _Name | None] = {}

    def recognize(self, text: str) -> list[EntityMention]:
        lists = _lists(self.data)
        found: list[EntityMention] = []
        last_place_end = -1
        for match in lists.sequence.finditer(text):
            sequence = match.group()
            if sequence not in self._names:
                if len(self._names) >= _MAX_SEQUENCES:  # a big corpus has many names
                    self._names.clear()
                self._names[sequence] = _name(sequence, lists)
            if (name := self._names[sequence]) is None:
                continue
            start, kind, strong = match.start() + name.skipped, name.kind, True
            if kind is None:
                listed = last_place_end >= 0 and bool(
                    lists.list_joiner.fullmatch(text, last_place_end, start)
                )
                before = text[max(0, start - 40) : start]
                kind, strong = _classify(name, before, text, match.end(), listed, lists)
            end = start + len(name.text)
            found.append(EntityMention(name.text, kind, start, end, strong))
            last_place_end = end if kind is EntityKind.PLACE else -1
        return found


def _name(sequence: str, lists: _Lists) -> _Name | None:
    """The name a capitalised sequence holds; None when it holds none."""
    words, skipped = sequence.split(" "), 0
    while words and words[0] in lists.leading_stop:
        skipped += len(words[0]) + 1
        words = words[1:]
    if not words:  # a capitalised stop word alone ("The", "He"): most sequences
        return None
    # "Ukrainian President Volodymyr Zelenskyy": the name is what follows the last title word,
    # unless that is an organisation ("Defence Ministry").
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if w in lists.titles), default=0)
    titled = bool(cut) and not any(w in lists.organisation_words for w in words[cut:])
    if titled:
        skipped += sum(len(w) + 1 for w in words[:cut])
        words = words[cut:]
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]  # possessive "s" off
    if _not_a_name(words, lists):
        return None
    bare = 2 <= len(words) <= 3 and all(w[1:].islower() for w in words)
    return _Name(skipped, tuple(words), " ".join(words), titled, _kind_from_name(words, lists), bare)


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
