"""Merge candidates from sparse products are exactly the pairs the blocking rule defines.

The reference below is the rule written as plain loops over every pair (quadratic, so only for
small inputs): two mentions of different articles pair when they share a filed word (one of the
weightiest words of the earlier-found side, or a quoted one) in a block of the coarser one's own
level that the finer one's window touches, the block holding at most MAX_BLOCK mentions; at one
level the earlier mention finds the later one.
"""

from __future__ import annotations

import tracemalloc
from dataclasses import dataclass, field
from unittest.mock import patch

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from chrono import candidates
from chrono.candidates import (
    BLOCK_DAYS,
    BLOCK_WORDS,
    Filings,
    Pairs,
    blocked_pairs,
    levels,
    vector_matrix,
    weighed_matrix,
    word_pairs,
)
from chrono.merge import _cosine, _damped, _unit_vector, _weight, _weights


@dataclass(frozen=True)
class _Quoting:
    article: str
    quoted: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Item:
    vector: dict[str, float]
    first: int
    last: int
    lo: int
    hi: int
    mention: _Quoting = field(default_factory=lambda: _Quoting("a"))


def _filed(item: _Item) -> set[str]:
    weighty = sorted((-w, t) for t, w in item.vector.items() if " " not in t)[:BLOCK_WORDS]
    return {*(t for _, t in weighty), *item.mention.quoted}


def _level(first: int, last: int) -> int:
    """The block size a date is filed at, one date at a time: the finest that holds it in two blocks."""
    return next((k for k, size in enumerate(BLOCK_DAYS) if last - first < size), len(BLOCK_DAYS) - 1)


def test_levels_of_all_dates_at_once() -> None:
    # A day, a week, a month, a year, a decade and the spans at each size's edge.
    spans = [0, 1, 6, 7, 8, 30, 31, 32, 365, 366, 367, 4095, 4096, 40_000]
    first = np.arange(len(spans), dtype=np.int32) * 1000 + 700_000
    last = first + np.array(spans, np.int32)
    assert levels(first, last).tolist() == [_level(a, b) for a, b in zip(first.tolist(), last.tolist())]
    assert levels(first, last).tolist() == [0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4]
    assert levels(first, last).dtype == np.int8


def _reference(items: list[_Item], crowded: int) -> list[tuple[int, int]]:
    filed = [_filed(it) for it in items]
    levels = [_level(it.first, it.last) for it in items]
    blocks: dict[tuple[str, int, int], set[int]] = {}
    for i, it in enumerate(items):
        size = BLOCK_DAYS[levels[i]]
        for b in range(it.first // size, it.last // size + 1):
            for w in filed[i]:
                blocks.setdefault((w, levels[i], b), set()).add(i)
    out = set()
    for i, a in enumerate(items):
        for j, b in enumerate(items):
            if i == j or a.mention.article == b.mention.article or levels[j] < levels[i]:
                continue
            if levels[j] == levels[i] and j < i:
                continue  # at one level the earlier mention finds the later
            size = BLOCK_DAYS[levels[j]]
            touched = range(a.lo // size, a.hi // size + 1)
            if any(
                j in blocks.get((w, levels[j], blk), ()) and len(blocks[(w, levels[j], blk)]) <= crowded
                for w in filed[i] & filed[j]
                for blk in touched
            ):
                out.add((min(i, j), max(i, j)))
    return sorted(out)


_WORDS = st.sampled_from(["talk", "quake", "vote", "kyiv", "ammonia", "strike", "peace talk", "@resign"])
_ITEM = st.builds(
    lambda terms, day, span, slack, article, quoted: _Item(
        {t: w for t, w in terms.items()},
        day,
        day + span,
        day - slack,
        day + span + slack,
        _Quoting(article, tuple(sorted(quoted))),
    ),
    st.dictionaries(_WORDS, st.floats(0.05, 1.0), min_size=1, max_size=6),
    st.integers(738_000, 738_120),
    st.sampled_from([0, 0, 0, 3, 6, 30, 364, 1000]),
    st.sampled_from([1, 2]),
    st.sampled_from("abcdef"),
    st.sets(st.sampled_from(["retreat", "withdrawal"]), max_size=1),
)


def _pairs(items: list[_Item], crowded: int = 200, keep=None) -> Pairs:
    vectors = vector_matrix((it.vector for it in items), (q for it in items for q in it.mention.quoted))
    return blocked_pairs(items, vectors, crowded, keep=keep)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ITEM, max_size=30), st.integers(1, 4))
def test_pairs_are_exactly_those_of_the_blocking_rule(items, crowded) -> None:
    pairs = _pairs(items, crowded)  # small blocks, so crowded ones occur
    found = list(zip(pairs.first.tolist(), pairs.second.tolist(), strict=True))
    assert sorted(found) == _reference(items, crowded)  # each pair once (blocking does not sort them)


@settings(max_examples=100, deadline=None)
@given(st.lists(_ITEM, min_size=2, max_size=20))
def test_cosines_are_the_merge_cosines_to_the_last_bit(items) -> None:
    pairs = _pairs(items)
    for i, j, cosine in zip(pairs.first.tolist(), pairs.second.tolist(), pairs.cosine.tolist(), strict=True):
        assert cosine == _cosine(items[i].vector, items[j].vector)


@settings(max_examples=100, deadline=None)
@given(st.lists(_ITEM, min_size=2, max_size=20), st.floats(0.0, 0.5))
def test_keep_drops_exactly_the_pairs_it_rejects(items, floor) -> None:
    every = _pairs(items)
    kept = _pairs(items, keep=lambda i, j, cosine: (cosine >= floor) & (i % 2 == 0))
    expected = [
        (i, j, c)
        for i, j, c in zip(every.first.tolist(), every.second.tolist(), every.cosine.tolist(), strict=True)
        if c >= floor and i % 2 == 0
    ]
    found = zip(kept.first.tolist(), kept.second.tolist(), kept.cosine.tolist(), strict=True)
    assert sorted(found) == sorted(expected)


_TERMS = st.lists(
    st.lists(
        st.sampled_from(["talk", "peace talk", "@resign", "kyiv", "minist", "zzzqx", "quarter"]), max_size=12
    ),
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(_TERMS)
def test_rows_normalised_together_are_each_mentions_unit_vector_to_the_last_bit(rows) -> None:
    """The merge normalises a corpus' vectors in one numpy pass (`normalise=True`); scoring and
    clustering make each one alone (`_unit_vector`): both must give the same floats."""
    terms = [tuple(row) for row in rows]  # repeated terms included: their counts are dampened
    vocabulary = vector_matrix(_weights(t) for t in terms).vocabulary
    for slice_rows in (1 << 15, 2):  # divided in place a slice of rows at a time
        with patch.object(candidates, "VECTOR_ROWS", slice_rows):
            matrix = vector_matrix((_weights(t) for t in terms), normalise=True).matrix
        for k, t in enumerate(terms):
            row = matrix.getrow(k)
            vector = {vocabulary[c]: w for c, w in zip(row.indices.tolist(), row.data.tolist(), strict=True)}
            assert vector == _unit_vector(t)


def test_vectors_are_built_in_little_more_than_their_matrix() -> None:
    """At 100k articles the vectors' temporary arrays (counts, a weights' copy, norms repeated per
    term) took more than the matrix they made: now at most its size again while it is built, and
    the numbers of quoted words alone are kept (the whole vocabulary's dict took 0.2 GB)."""
    rng = np.random.default_rng(5)
    words = [f"w{k}" for k in range(3000)]
    rows = [tuple(words[k] for k in rng.integers(0, len(words), 40)) for _ in range(4000)]
    weighed_matrix(rows[:1], _weight, _damped)  # the word frequencies loaded before measuring
    tracemalloc.start()
    try:
        with patch.object(candidates, "VECTOR_ROWS", 256):
            vectors = weighed_matrix(rows, _weight, _damped, ["w7", "unsaid"], normalise=True)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    matrix = vectors.matrix
    assert peak < 2 * (matrix.data.nbytes + matrix.indices.nbytes)
    assert vectors.number == {"w7": vectors.vocabulary.index("w7"), "unsaid": vectors.vocabulary.index("unsaid")}


@settings(max_examples=200, deadline=None)
@given(_TERMS, st.lists(st.sampled_from(["kyiv", "unsaid", "zzzqx"]), max_size=4))
def test_a_matrix_weighing_each_distinct_term_once_is_the_vectors_matrix_to_the_last_bit(
    rows, quoted
) -> None:
    """The merge weighs each distinct term once for a corpus (`weighed_matrix`), not once per
    mention's vector: the same matrix, vocabulary (quoted words too) and floats."""
    # Repeated terms included: their counts are dampened. Every other row's terms are copies, equal
    # strings that are other objects (a corpus' terms are mostly, not always, interned): one term.
    terms = [tuple(_copy(t) if k % 2 else t for t in row) for k, row in enumerate(rows)]
    for normalise, slice_rows in ((False, 1 << 15), (True, 1 << 15), (True, 3)):
        with patch.object(candidates, "VECTOR_ROWS", slice_rows):  # numbered a few rows at a time too
            ours = weighed_matrix(terms, _weight, _damped, quoted, normalise=normalise)
        theirs = vector_matrix(map(_weights, terms), quoted, normalise=normalise)
        assert ours.vocabulary == theirs.vocabulary
        assert ours.number == theirs.number
        assert (ours.matrix != theirs.matrix).nnz == 0
        assert ours.matrix.indptr.tolist() == theirs.matrix.indptr.tolist()
        assert ours.matrix.data.tobytes() == theirs.matrix.data.tobytes()


def _copy(term: str) -> str:
    """An equal string that is another object."""
    copied = "".join([term[:1], term[1:]])
    assert copied == term and (copied is not term or len(term) < 2)
    return copied


def test_mentions_with_no_single_word_file_nothing_and_pair_nobody() -> None:
    """Only pairs of words ("peace talk"): nothing to file under, so no pairs, and no error."""
    items = [_Item({"peace talk": 1.0}, 738_000, 738_000, 737_998, 738_002, _Quoting(a)) for a in "ab"]
    assert len(_pairs(items)) == 0


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 5), st.sampled_from([1, 2, 3, 4])), max_size=20),
    st.lists(st.tuples(st.integers(0, 8), st.sampled_from([1, 2, 3, 4])), max_size=30),
    st.integers(1, 4),
)
def test_word_pairs_are_the_pairs_sharing_a_word_few_filed_items_file(probing, filed, crowded) -> None:
    """Mentions with no date meet dated ones on a shared filed word alone, unless more than
    `crowded` filed items file it."""

    def filings(rows: list[tuple[int, int]]) -> Filings:
        unique = sorted(set(rows))
        words = np.array([w for _, w in unique], np.uint64)
        items = np.array([i for i, _ in unique], np.int64)
        return Filings(words, items, np.zeros(0, np.uint64), np.zeros(0, np.int64))

    first, second = word_pairs(filings(probing), filings(filed), crowded)
    files = {w: {i for i, v in set(filed) if v == w} for _, w in filed}
    expected = sorted(
        {(i, j) for i, w in set(probing) if len(files.get(w, ())) <= crowded for j in files.get(w, ())}
    )
    assert list(zip(first.tolist(), second.tolist(), strict=True)) == expected
