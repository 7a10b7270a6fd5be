"""Words broken by a hard line break ("prom\\nised"): which breaks to join, judged by word lists.

A break is joined when the joined word is a known word (an English word list, or a word the
article itself uses elsewhere) and the two halves are not both words more common than it
("any\\nway" stays two words). A hyphen at the break is kept when the halves are not one word
("well-\\nknown" → "well-known").
"""

from __future__ import annotations

import re
from functools import cache
from typing import Protocol

_LEFT = re.compile(r"[^\W\d_]+\Z")
_RIGHT = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]+")
_REACH = 40  # longest half-word looked at


class Lexicon(Protocol):
    """Word-frequency look-up (pyspellchecker's `WordFrequency`)."""

    def __contains__(self, word: object) -> bool: ...
    def __getitem__(self, word: str) -> int: ...


@cache
def english() -> Lexicon:
    """The English word-frequency list of pyspellchecker, loaded once (≈0.2 s) and only when needed."""
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1).word_frequency


class WordJudge:
    """Finds the line breaks of one text that split a word."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._own: set[str] | None = None

    def breaks_to_join(self) -> list[tuple[int, int]]:
        """Raw (start, end) ranges to remove: a newline (with its \\r; with the hyphen if one word)."""
        text, cuts = self.text, []
        pos = text.find("\n")
        while pos != -1:
            after = pos + 1
            if after < len(text) and text[after].islower():
                cut = self._judge(pos, after)
                if cut is not None:
                    cuts.append(cut)
            pos = text.find("\n", after)
        return cuts

    def _judge(self, pos: int, after: int) -> tuple[int, int] | None:
        text = self.text
        start = pos - 1 if pos > 0 and text[pos - 1] == "\r" else pos
        hyphen = start > 0 and text[start - 1] == "-"
        left_end = start - 1 if hyphen else start
        left = _LEFT.search(text, max(0, left_end - _REACH), left_end)
        right = _RIGHT.match(text, after)
        if left is None or right is None:
            return None
        if self._one_word(left[0].lower(), right[0].lower()):
            return (left_end, after)
        return (start, after) if hyphen else None

    def _one_word(self, left: str, right: str) -> bool:
        lexicon, joined = english(), left + right
        if joined not in lexicon and joined not in self._vocabulary():
            return False
        if left in lexicon and right in lexicon:
            return lexicon[joined] >= min(lexicon[left], lexicon[right])
        return True

    def _vocabulary(self) -> set[str]:
        if self._own is None:
            self._own = set(_WORD.findall(self.text.lower()))
        return self._own
