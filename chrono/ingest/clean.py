"""Cleaning: drop what is not the article, rejoin words broken by a line break, keep the raw offsets.

The cleaned text is a concatenation of slices of the text as read: every run copies raw text
exactly (a dropped line or a joining line break is simply not copied), so `CleanText.to_raw` is
exact everywhere. What counts as furniture lives in `boilerplate_en.toml` (wording cues);
teaser blocks are found from structure (separator lines followed by headline-and-blurb pairs).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from chrono.errors import RulesError
from chrono.ingest.article import CleanText
from chrono.ingest.words import WordJudge

# One character for one, so match_text keeps every offset of the cleaned text.
_PLAIN = {
    **dict.fromkeys("‘’‚‛′", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    **dict.fromkeys("\u00a0\u2002\u2003\u2007\u2009\u200a\u202f", " "),
    "…": ".",
}
_FANCY = re.compile("[" + re.escape("".join(_PLAIN)) + "]")
_BULLET = re.compile(r"[\s•·▪●◦*\-]+")
_SEPARATOR = re.compile(r"[-*_=~•·—–]{1,80}|(?:\* ?){3,}")
_CLOSERS = "\"'”’)]*"
PROSE_WORDS = 8  # a sentence-final line of at least this many words is article prose
LONG_WORDS = 25  # a line this long is prose whatever its ending
TEASER_LINES = 3  # a teaser is a headline and a short blurb
DEDUPE_CHARS = 20  # a repeated line at least this long is a copy (a repeated headline, a caption)


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """The compiled cues of `boilerplate_en.toml`, one alternation per kind."""

    end: re.Pattern[str]
    block: re.Pattern[str]
    line: re.Pattern[str]
    contains: re.Pattern[str]
    contains_max_chars: int


@cache
def boilerplate(name: str = "boilerplate_en.toml") -> Boilerplate:
    """Load and compile a boilerplate data file shipped in this package."""
    data = tomllib.loads(resources.files("chrono.ingest").joinpath(name).read_text("utf-8"))
    compiled = {}
    for kind in ("end", "block", "line", "contains"):
        for pattern in data[kind]:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise RulesError(f"{name}: {kind}: pattern {pattern!r}: {exc}") from exc
        compiled[kind] = re.compile("|".join(f"(?:{p})" for p in data[kind]))
    return Boilerplate(**compiled, contains_max_chars=int(data["contains_max_chars"]))


def plain(text: str) -> str:
    """`text` with curly quotes, dashes and odd spaces made ASCII, character for character."""
    # str.translate with a dict map costs a Python look-up per character; news text is mostly ASCII.
    return text if text.isascii() else _FANCY.sub(lambda m: _PLAIN[m[0]], text)


def clean_text(text: str, rules: Boilerplate | None = None) -> CleanText:
    """The article's own text, with a map from every cleaned offset back to `text`."""
    lines = text.split("\n")
    drop = _furniture(lines, rules or boilerplate())
    _drop_teasers(lines, drop)
    spans = _cut(_kept_spans(lines, drop), WordJudge(text).breaks_to_join())
    clean = "".join(text[start:end] for start, end in spans)
    starts, at = [], 0
    for start, end in spans:
        starts.append(at)
        at += end - start
    return CleanText(clean, plain(clean), tuple(starts), tuple(start for start, _ in spans))


def is_prose(line: str) -> bool:
    """A line that reads as article sentences rather than a label, headline or button."""
    words = line.count(" ") + 1
    if words >= LONG_WORDS:
        return True
    end = line.rstrip().rstrip(_CLOSERS)
    return words >= PROSE_WORDS and end[-1:] in (".", "!", "?", "…")


def _furniture(lines: list[str], rules: Boilerplate) -> list[bool]:
    """Per line: is it page furniture? Whole-line decisions from the wording cues."""
    drop = [False] * len(lines)
    seen: set[str] = set()
    prose_seen = False
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if len(stripped) > rules.contains_max_chars:  # a long paragraph: only a verbatim repeat goes
            drop[i] = stripped in seen
            seen.add(stripped)
            prose_seen = True
        if not stripped or len(stripped) > rules.contains_max_chars:
            i += 1
            continue
        key = _BULLET.sub("", stripped[:3], count=1) + stripped[3:] if stripped[0] in "•·▪●◦*-" else stripped
        key = plain(key).lower()
        if prose_seen and rules.end.fullmatch(key):
            drop[i:] = [True] * (len(lines) - i)
            break
        if rules.block.fullmatch(key):
            drop[i] = True
            i += 1
            while i < len(lines) and not is_prose(lines[i].strip()):
                drop[i] = True
                i += 1
            continue
        if (
            rules.line.fullmatch(key)
            or rules.contains.search(key)
            or (len(key) >= DEDUPE_CHARS and key in seen)
        ):
            drop[i] = True
        else:
            seen.add(key)
            prose_seen = prose_seen or is_prose(stripped)
        i += 1
    return drop


def _drop_teasers(lines: list[str], drop: list[bool]) -> None:
    """Drop a tail of teasers for other stories: separator, headline, short blurb, separator, ..."""
    kept = [i for i, line in enumerate(lines) if not drop[i] and line.strip()]
    separators = [k for k, i in enumerate(kept) if _SEPARATOR.fullmatch(lines[i].strip())]
    for k in separators:
        if not any(is_prose(lines[i].strip()) for i in kept[:k]):
            continue  # nothing of the article yet: a separator at the top is not an article's end
        segments: list[list[int]] = [[]]
        for i in kept[k + 1 :]:
            if _SEPARATOR.fullmatch(lines[i].strip()):
                segments.append([])
            else:
                segments[-1].append(i)
        teasers = [seg for seg in segments if seg]
        if len(teasers) >= 2 and all(len(s) <= TEASER_LINES and _headline(lines[s[0]]) for s in teasers):
            drop[kept[k] :] = [True] * (len(lines) - kept[k])
            return


def _headline(line: str) -> bool:
    stripped = line.strip()
    words = stripped.count(" ") + 1
    return 2 <= words <= 20 and not stripped.endswith(".")


def _kept_spans(lines: list[str], drop: list[bool]) -> list[tuple[int, int]]:
    """Raw (start, end) ranges of the kept lines, merged; blank lines after a dropped line go with it."""
    spans: list[tuple[int, int]] = []
    at, last_dropped = 0, False
    for i, line in enumerate(lines):
        end = at + len(line) + (1 if i < len(lines) - 1 else 0)
        if line.strip():
            last_dropped = drop[i]
        if not (drop[i] or last_dropped) and end > at:
            if spans and spans[-1][1] == at:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((at, end))
        at = end
    return spans


def _cut(spans: list[tuple[int, int]], cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Remove raw ranges (joining line breaks) that lie inside kept spans."""
    if not cuts:
        return spans
    out: list[tuple[int, int]] = []
    cut_iter = iter(cuts)
    cut = next(cut_iter, None)
    for start, end in spans:
        while cut is not None and cut[1] <= end:
            if cut[0] >= start and cut[1] < end:  # a break into a dropped line is not a broken word
                if cut[0] > start:
                    out.append((start, cut[0]))
                start = cut[1]
            cut = next(cut_iter, None)
        if end > start:
            out.append((start, end))
    return out
