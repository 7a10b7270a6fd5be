"""Text features of an event mention: its one-line summary and the terms merging compares.

Word lists are data (`events_en.toml`). The stemmer is a deliberately small suffix stripper:
both sides of a comparison go through it, so it only has to be consistent, not linguistic.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from chrono.errors import RulesError

_DATA = Path(__file__).with_name("events_en.toml")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+")
# A reporting verb outside quotes. Its speaker is the clause just before it ("Peskov said"), or
# just after it when it follows a quotation or reads "according to" ("…,” said Kirby").
REPORTING = re.compile(
    r"\b(?:(?P<verb>said|says|told|tells|added|stated|asserted|announced|mentioned|informed|noted|claimed"
    r"|confirmed)\b(?:\s+(?:on|in|at)\s+\w+(?:\s\(local time\))?)?(?:\s+(?:reporters|journalists))?"
    r"(?:\s+that\b)?|according to)"
)
QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
_SPEAKER_END = re.compile(r"[,.;:]")
_TRAILING_HEAD = 4  # words of content before an attribution that ends the sentence
_TRAILING_WORDS = 6  # … and at most this many words after its verb
_TRAILING_COMMA = re.compile(r",([\"”’]?)$")  # the comma a quotation ends with before "he said"
MAX_SUMMARY = 200
SUMMARY_MIN_WORDS = 6


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists of `events_en.toml`, compiled."""

    boilerplate: re.Pattern[str]
    caption: re.Pattern[str]
    future: re.Pattern[str]
    openers: re.Pattern[str]
    stopwords: frozenset[str]
    synonyms: dict[str, str]
    event_nouns: frozenset[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def lexicon() -> Lexicon:
    """Load and compile the word lists once."""
    try:
        data = tomllib.loads(_DATA.read_text(encoding="utf-8"))
        return Lexicon(
            boilerplate=re.compile("|".join(f"(?:{p})" for p in data["boilerplate"]), re.IGNORECASE),
            caption=re.compile(rf"\b(?:{_alternation(data['caption_verbs'])})\b"),
            future=re.compile(rf"\b(?:{_alternation(data['future_cues'])})\b", re.IGNORECASE),
            openers=re.compile(rf"^(?:{_alternation(data['discourse_openers'])})\b,?\s*", re.IGNORECASE),
            stopwords=frozenset(data["stopwords"]),
            synonyms=dict(data["synonyms"]),
            event_nouns=frozenset(stem(w) for w in data["event_nouns"]),
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, re.error) as exc:
        raise RulesError(f"{_DATA.name}: {exc}") from exc


def collapse(text: str) -> str:
    """White space collapsed to single spaces, ends trimmed."""
    return _SPACE.sub(" ", text).strip()


def summarize(text: str) -> str:
    """One scannable line from `text`: no discourse opener, no trailing attribution, bounded length."""
    line = collapse(text)
    line = lexicon().openers.sub("", line, count=1) or line
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


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude, consistent stem: plural, -ed and -ing endings dropped."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    for suffix, keep in (("ing", 5), ("ed", 4), ("es", 5), ("s", 3)):
        if len(word) > keep and word.endswith(suffix) and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> int:
    """How many words of `text` carry content (not stop words)."""
    lex = lexicon()
    return sum(
        1 for m in _WORD.finditer(text) if lex.synonyms.get(w := m.group().lower(), w) not in lex.stopwords
    )


def key_terms(text: str) -> tuple[str, ...]:
    """Content-word stems and adjacent stem pairs, synonyms folded, in text order."""
    lex = lexicon()
    stems: list[str] = []
    for m in _WORD.finditer(text):
        word = m.group().lower().replace("’", "'")
        word = lex.synonyms.get(word, word)
        if word in lex.stopwords or len(word) < 2:
            stems.append("")  # keeps "Kyiv and Chernihiv" from forming a pair
            continue
        stems.append(stem(word))
    terms = [s for s in stems if s]
    terms += [f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False) if a and b]
    return tuple(terms + _initialisms(text))


def _initialisms(text: str) -> list[str]:
    """ "European Central Bank" → "ecb", so a name and its abbreviation meet."""
    stop = lexicon().stopwords
    out: list[str] = []
    run: list[str] = []
    for m in [*_WORD.finditer(text), None]:
        word = m.group() if m else ""
        if word[:1].isupper() and word.lower() not in stop and not word.isupper():
            run.append(word[0].lower())
            continue
        if len(run) >= 2:
            out.append("".join(run))
        run = []
    return out


@lru_cache(maxsize=4096)  # a sentence's summary and its merge features both ask
def speaker_span(text: str) -> tuple[int, int] | None:
    """Where `text` says who said it ("Peskov said on Monday that", "…,” said Kirby"), if it does."""
    masked = QUOTED.sub(lambda m: "_" * len(m.group()), text)
    verb = REPORTING.search(masked)
    if verb is None:
        return None
    head = masked[: verb.start()].rstrip()
    if not verb.group("verb") or not head or head.endswith(("_", ",_")):
        stop = _SPEAKER_END.search(masked, verb.end())
        return verb.start(), stop.start() if stop else len(text)
    start = max(head.rfind(","), head.rfind("_")) + 1
    rest = masked[verb.end() :].rstrip(" .!")
    if start and len(head[:start].split()) >= _TRAILING_HEAD and _trailing(rest):
        return start, verb.end() + len(rest)  # "…, Peskov told France's LCI on Wednesday."
    return start, verb.end()


def _trailing(rest: str) -> bool:
    """Whether what follows a reporting verb only completes the attribution ("told LCI on Monday")."""
    return len(rest.split()) <= _TRAILING_WORDS and not any(c in rest for c in ",;:_")


def attribution(text: str) -> tuple[str, str]:
    """(content, attribution): what a sentence reports apart from who said it.

    "Peskov said on Monday that Moscow would not attend" → ("Moscow would not attend", "Peskov said
    on Monday that"). Merging compares contents, so one spokesman's two statements stay apart and
    two outlets quoting different officials on one happening still meet.
    """
    span = speaker_span(text)
    if span is None:
        return text, ""
    return text[: span[0]] + text[span[1] :], text[span[0] : span[1]]


def event_nouns(terms: tuple[str, ...]) -> tuple[str, ...]:
    """The terms that name an event: event nouns alone or with the word before them ("peace talk")."""
    nouns = lexicon().event_nouns
    return tuple(t for t in terms if t.rsplit(" ", 1)[-1] in nouns)


def names(text: str, *, initial: bool = True) -> tuple[str, ...]:
    """Stems of capitalised words: the names in `text` (its first word only if it is not `initial`)."""
    lex = lexicon()
    found: list[str] = []
    for i, m in enumerate(_WORD.finditer(text)):
        word = m.group()
        if (i or not initial) and word[0].isupper() and word.lower() not in lex.stopwords:
            found.append(stem(lex.synonyms.get(word.lower(), word.lower())))
    return tuple(dict.fromkeys(found))
