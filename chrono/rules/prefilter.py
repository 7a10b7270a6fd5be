"""A cheap trigger regex: where can any rule start? Derived from the compiled patterns themselves.

Trying the combined rule regex at every character costs most of the tagging time; trying it only
where a word starts with a literal prefix some rule can begin with is 3-4x faster. The prefixes
come from walking the parsed regex (re._parser), so they stay in sync with the data: a rule that
can start with anything (no literal prefix) disables the prefilter instead of being skipped.
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: N812 - the parser's opcode names
from re import _parser

# Prefix length: long enough to skip most words, short enough to keep the trigger small.
DEPTH = 4
_MAX_CLASS = 12
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT}
# Stand for \d and \s in a prefix: Unicode has too many of each to list; the trigger writes the class.
_DIGIT, _SPACE = "\x00", "\x01"
_CLASSES = {_DIGIT: r"\d", _SPACE: r"\s"}


def _class_chars(items: list[tuple[object, object]]) -> list[str] | None:
    chars: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            chars.append(chr(av))  # type: ignore[arg-type]
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            chars.append(_DIGIT)
        elif op is C.CATEGORY and av is C.CATEGORY_SPACE:
            chars.append(_SPACE)
        elif op is C.RANGE:
            lo, hi = av  # type: ignore[misc]
            chars.extend(chr(c) for c in range(lo, hi + 1))
        else:
            return None
    return chars if len(chars) <= _MAX_CLASS else None


def _prefixes(items: list[tuple[object, object]], depth: int) -> set[str]:
    """Every literal prefix (up to `depth` characters) a match of `items` can start with.

    A shorter string means "then anything", so the result is always a safe over-approximation;
    "" means no literal prefix at all.
    """
    if depth == 0 or not items:
        return {""}
    (op, av), rest = items[0], items[1:]
    if op is C.LITERAL:
        return {chr(av) + s for s in _prefixes(rest, depth - 1)}  # type: ignore[arg-type]
    if op in _ZERO_WIDTH:
        return _prefixes(rest, depth)
    if op is C.SUBPATTERN:
        return _prefixes(list(av[-1]) + rest, depth)  # type: ignore[index]
    if op is C.BRANCH:
        return set().union(*(_prefixes(list(alt) + rest, depth) for alt in av[1]))  # type: ignore[index]
    if op in _REPEATS:
        low, high, body = av  # type: ignore[misc]
        taken = _prefixes(list(body) + rest, depth) if high == 1 else _prefixes(list(body), depth)
        return taken | _prefixes(rest, depth) if low == 0 else taken
    if op is C.IN:
        chars = _class_chars(av)  # type: ignore[arg-type]
        if chars is not None:
            return {c + s for c in chars for s in _prefixes(rest, depth - 1)}
    return {""}


def _trie_regex(words: set[str]) -> str:
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        if "" in node:
            return ""  # a shorter prefix already accepts everything after it
        branches = [_CLASSES.get(char, re.escape(char)) + emit(child) for char, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie)


def trigger_regex(pattern: str, boundary: str) -> re.Pattern[str] | None:
    """A regex matching, at word starts, every position where `pattern` may match (None: any)."""
    prefixes = _prefixes(list(_parser.parse(pattern)), DEPTH)
    if "" in prefixes:
        return None
    return re.compile(boundary + _trie_regex(prefixes))
