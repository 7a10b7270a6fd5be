"""A cheap trigger regex: where can any rule start? Derived from the compiled patterns themselves.

Trying the combined rule regex at every character costs most of the tagging time; trying it only
where a word starts with a literal prefix some rule can begin with is 3-4x faster. The prefixes
come from walking the parsed regex (re._parser), so they stay in sync with the data: a rule that
can start with anything (no literal prefix) disables the prefilter instead of being skipped.

Even at a trigger, trying every rule costs about half a microsecond per rule, and most rules cannot
start with the text there. The prefixes (up to DEPTH items; a whitespace run counts as one, so
"the past" is told from "the fourth") also say which rules can: `Dispatch` tries only those, each
compiled alone, in priority order, which gives the same first match as the combined regex.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from re import _constants as C  # noqa: N812 - the parser's opcode names
from re import _parser

# Prefix length: reaches the word after "the", "last" ...; longer makes the trigger slow to build.
DEPTH = 6
_MAX_CLASS = 12
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT}
_ONE_CHAR = {C.LITERAL, C.IN}  # items that always match exactly one character
_WHITESPACE = [(C.IN, [(C.CATEGORY, C.CATEGORY_SPACE)])]  # \s as the parser gives it
# Stand for \d, \s and \s+ in a prefix: Unicode has too many of each to list; the trigger writes the class.
_DIGIT, _SPACE, _SPACES = "\x00", "\x01", "\x02"
_CLASSES = {_DIGIT: r"\d", _SPACE: r"\s", _SPACES: r"\s+"}


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


# The items still to match, as a linked list (item, rest): alternatives share their common rest, so
# the walk can remember what it found for (rest, depth) instead of walking it once per alternative.
_Cons = tuple[tuple[object, object], "_Cons"] | None


def _chain(items: Sequence[tuple[object, object]], rest: _Cons) -> _Cons:
    for item in reversed(items):
        rest = (item, rest)
    return rest


def _prefixes(items: Sequence[tuple[object, object]], depth: int) -> set[str]:
    """Every literal prefix (up to `depth` characters) a match of `items` can start with.

    A shorter string means "then anything", so the result is always a safe over-approximation;
    "" means no literal prefix at all.
    """
    memo: dict[tuple[int, int], tuple[set[str], _Cons]] = {}  # keeps each cons alive: ids stay unique

    def walk(cons: _Cons, depth: int) -> set[str]:
        if depth == 0 or cons is None:
            return {""}
        known = memo.get((id(cons), depth))
        if known is None:
            known = memo[id(cons), depth] = (step(cons, depth), cons)
        return known[0]

    def step(cons: tuple[tuple[object, object], _Cons], depth: int) -> set[str]:
        (op, av), rest = cons
        if op is C.LITERAL:
            return {chr(av) + s for s in walk(rest, depth - 1)}  # type: ignore[arg-type]
        if op in _ZERO_WIDTH:
            return walk(rest, depth)
        if op is C.SUBPATTERN:
            return walk(_chain(av[-1], rest), depth)  # type: ignore[index]
        if op is C.BRANCH:
            return set().union(*(walk(_chain(alt, rest), depth) for alt in av[1]))  # type: ignore[index]
        if op in _REPEATS:
            low, high, body = av  # type: ignore[misc]
            if list(body) == _WHITESPACE and low <= 1:
                # "\s+" / "\s*": one marker for the whole run, so the prefix reaches the next word
                # ("the\s+past" → "the past", not just "the ") without one prefix per run length.
                spaced = {_SPACES + s for s in walk(rest, depth - 1)}
                return spaced | walk(rest, depth) if low == 0 else spaced
            if high > 1 and len(body) == 1 and body[0][0] in _ONE_CHAR:  # "\d+", "[\s-]+": unroll
                once = walk(_chain(body, ((op, (max(low - 1, 0), high - 1, body)), rest)), depth)
                return once | walk(rest, depth) if low == 0 else once
            taken = walk(_chain(body, rest), depth) if high == 1 else walk(_chain(body, None), depth)
            return taken | walk(rest, depth) if low == 0 else taken
        if op is C.IN:
            chars = _class_chars(av)  # type: ignore[arg-type]
            if chars is not None:
                return {c + s for c in chars for s in walk(rest, depth - 1)}
        return {""}

    return walk(_chain(items, None), depth)


Trie = dict[str, "Trie"]  # "" marks where a word ends (here a prefix: anything may follow)


def trie(words: Iterable[str]) -> Trie:
    """The words as a trie of characters."""
    root: Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def branch_order(char: str) -> tuple[bool, str]:
    """Sort key of a trie's branches in a regex: re tries branches in order, and most words of
    running text start lower-case, so those go first."""
    return (not char.islower(), char)


def _trie_regex(node: Trie) -> str:
    if "" in node:
        return ""  # a shorter prefix already accepts everything after it
    # Only the \d and \s markers share characters with other branches; they stay before those.
    items = sorted(node.items(), key=lambda item: branch_order(item[0]))
    branches = [_CLASSES.get(c, re.escape(c)) + _trie_regex(child) for c, child in items]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _reaches(node: Trie, text: str) -> bool:
    """Can a string that starts with `text` start with one of the prefixes of trie `node`?"""
    if not text or "" in node:
        return True
    char = text[0]
    for want, child in node.items():
        if want == _SPACES:
            run = len(text) - len(text.lstrip())  # str.isspace is what \s matches
            if any(_reaches(child, text[n:]) for n in range(1, run + 1)):
                return True
        elif (
            (
                want == char
                or (want == _DIGIT and char.isdecimal())  # what \d matches in a str pattern (Nd)
                or (want == _SPACE and char.isspace())
            )
            and _reaches(child, text[1:])
        ):
            return True
    return False


Matcher = Callable[[str, int], "re.Match[str] | None"]


class Dispatch:
    """Which rules can start with the text a trigger matched: try only those, in priority order.

    `alternatives` are the rules' top-level alternatives in priority order and `wrap(alt)` the
    regex of one rule alone (word start, rule, word end): the first rule whose regex matches gives
    the match the combined regex of all alternatives gives. `boundary` is a class of the characters
    the word-start assertion allows right before a match.
    """

    __slots__ = ("_rules", "at_start", "by_text", "trigger")

    def __init__(self, alternatives: Sequence[str], wrap: Callable[[str], str], boundary: str) -> None:
        prefixes = [_prefixes(_parser.parse(alt), DEPTH) for alt in alternatives]
        self._rules = tuple(
            (re.compile(wrap(alt)).match, trie(own)) for alt, own in zip(alternatives, prefixes, strict=True)
        )
        self.by_text: dict[str, tuple[Matcher, ...]] = {}  # the hot path reads this dict directly
        union = set().union(*prefixes)
        # Where a rule may match (None: anywhere): after a boundary character, a lookahead capturing
        # the prefix (zero width, so a long prefix such as "the 19" does not hide "1993" from the next
        # search). A pattern that starts with a character class lets re skip to the next candidate in
        # C instead of trying every position, and leaving the rest of the word-start assertion to the
        # rules' own regexes makes it cheaper still: it finds a few starts where no rule matches, and
        # misses only one at position 0, which `at_start` checks.
        prefix = "(?=(" + _trie_regex(trie(union)) + "))"
        self.trigger = None if "" in union else re.compile(boundary + prefix)
        self.at_start = None if "" in union else re.compile(prefix).match

    def matchers_for(self, text: str) -> tuple[Matcher, ...]:
        found = tuple(match for match, prefixes in self._rules if _reaches(prefixes, text))
        self.by_text[text] = found
        return found
