"""Candidate pairs for the merge: mentions near in date that share a telling word, with the cosine
of their vectors, found by sparse matrix products instead of Python loops over blocks.

A mention is filed under (word, level, block) for its weightiest words and quoted words and the
blocks of its own date at its own level: a day for "March 5", a month for "March" (see `level`).
It probes the blocks its window (date and slack) touches at its own level and at every coarser
one, so two dates that can relate always meet once: the finer one finds the coarser; at the same
level the earlier mention finds the later. A block holding more than MAX_BLOCK mentions (a word
every report of the day uses) pairs nobody: a shared rarer word finds the pair instead. Mentions
with no date meet dated ones by a filed word alone (`word_pairs`), a word more than MAX_BLOCK
dated mentions file pairing nobody. With
filings and probes as sparse 0/1 matrices Q and P (mentions × blocks), the pairs are the non-zero
entries of P·Qᵀ, computed a slice of rows at a time so memory holds one slice's pairs. The work
grows with the number of mentions, not with its square.

Cosines are computed the same way, a slice of pairs at a time, as row-wise products of the sparse
vector matrix; terms are numbered in sorted order, so each cosine is summed term by term in the
same order as `merge._cosine` sums it, and the two agree to the last bit.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import BinaryIO, Protocol

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]

from chrono.parallel import fork_map

BLOCK_WORDS = 8  # a mention is filed under its weightiest words only
MAX_BLOCK = 200  # mentions sharing one word in one block beyond which the word finds no pairs
BLOCK_DAYS = (1, 8, 32, 367, 4096)  # day, week, month, year, any longer span
PROBE_ROWS = 4096  # mentions whose pairs are found in one product
PROBE_FILINGS = 1 << 17  # filings whose probes are expanded at once
PARALLEL_MENTIONS = 30_000  # below this, forking workers costs more than the products they share
COSINE_PAIRS = 1 << 15  # pairs whose cosines are computed in one product
_LEVELS = len(BLOCK_DAYS)
_BLOCK_BITS = 23  # day ordinals up to 9999-12-31 (3,652,059), shifted by _BLOCK_SHIFT
_BLOCK_SHIFT = 16  # a window may start a few days before ordinal 1: block numbers stay non-negative
_MIX = np.uint64(0x9E3779B97F4A7C15)  # spreads (level, block) over 64 bits before it meets a word id


class Quoting(Protocol):
    @property
    def article(self) -> str: ...
    @property
    def quoted(self) -> tuple[str, ...]: ...


class Blockable(Protocol):
    """What blocking needs of a mention: its date and window (day ordinals), its article, its quotes."""

    @property
    def first(self) -> int: ...
    @property
    def last(self) -> int: ...
    @property
    def lo(self) -> int: ...
    @property
    def hi(self) -> int: ...
    @property
    def mention(self) -> Quoting: ...


@dataclass(frozen=True, slots=True)
class Vectors:
    """Mentions' vectors as one sparse matrix, a row each, terms numbered in sorted order."""

    matrix: sparse.csr_matrix
    vocabulary: list[str]
    number: Mapping[str, int]  # of each quoted word (the words filed besides the weightiest terms)


def vector_matrix(
    vectors: Iterable[Mapping[str, float]], words: Iterable[str] = (), *, normalise: bool = False
) -> Vectors:
    """The vectors as one matrix, built as they come: a corpus' vectors as dicts would take ten
    times the memory. `words` (quoted words) are numbered too, for filing. With `normalise`, each
    row is divided by its norm, its squares summed in the vector's order as Python sums them: the
    same bits as dividing each dict by `math.sqrt(sum(...))` (0 stays 0), for a corpus at once."""
    terms: list[str] = []
    weights, lengths = array("d"), array("q")
    for vector in vectors:
        terms += vector
        weights.extend(vector.values())
        lengths.append(len(vector))
    vocabulary, number, (columns,) = _numbered([terms], words)
    lengths_array, data = np.frombuffer(lengths, np.int64), np.frombuffer(weights, np.float64)
    return _built(columns, lengths_array, data, vocabulary, number, normalise)


# A row's terms, each once, and the factor of each one's weight (None: 1.0 for each, as in most rows).
Counted = tuple[Sequence[str], Sequence[float] | None]

VECTOR_ROWS = 1 << 15  # rows whose terms are numbered at once (a slice's temporary arrays stay small)


def weighed_matrix(
    rows: Sequence[Sequence[str]],
    weigh: Callable[[str], float],
    damp: Callable[[int], float],
    words: Iterable[str] = (),
    *,
    normalise: bool = False,
) -> Vectors:
    """`vector_matrix` of the vectors of `rows` of terms, the same bits: a row's vector holds its
    distinct terms in the order they first come, each weighing weigh(term), times damp(count) when
    repeated. Each distinct term is weighed once for all rows, and the repeats are counted by
    numpy, not by a Counter a row: a corpus repeats its terms, and a vector a row cost twice the rest."""
    slices = [rows[start : start + VECTOR_ROWS] for start in range(0, len(rows), VECTOR_ROWS)]
    vocabulary, number, numbered = _numbered((list(chain.from_iterable(part)) for part in slices), words)
    columns, counts, lengths = [], [], []
    for part, column in zip(slices, numbered, strict=True):
        sizes = np.fromiter(map(len, part), np.int64, len(part))
        kept, count, size = _once(column, sizes, len(vocabulary))
        columns.append(kept)
        counts.append(count)
        lengths.append(size)
    del numbered
    column = np.concatenate([np.zeros(0, np.int32), *columns])
    count = np.concatenate([np.zeros(0, np.int32), *counts])
    del columns, counts
    # The terms' columns only: a quoted word that is no term is numbered but never weighed.
    used = np.flatnonzero(np.bincount(column, minlength=len(vocabulary)))
    table = np.zeros(len(vocabulary), np.float64)
    table[used] = np.fromiter(map(weigh, map(vocabulary.__getitem__, used.tolist())), np.float64, len(used))
    data = table[column]
    repeated = np.flatnonzero(count > 1)
    factors = np.array([damp(c) for c in range(int(count.max(initial=1)) + 1)])
    data[repeated] = factors[count[repeated]] * data[repeated]  # factor * weight, as a vector's dict has it
    del count, repeated, table  # before the matrix is made (at 100k articles the counts took 0.15 GB)
    sizes = np.concatenate([np.zeros(0, np.int64), *lengths])
    return _built(column, sizes, data, vocabulary, number, normalise)


def _numbered(
    slices: Iterable[list[str]], words: Iterable[str]
) -> tuple[list[str], dict[str, int], list[np.ndarray]]:
    """The sorted vocabulary of the terms of `slices` and of `words`, the numbers of `words`, and each
    slice's terms' columns (32-bit). A slice's distinct string objects are found by their ids and
    looked up once: a corpus' terms are interned, and a lookup per use (each string's hash read
    from memory) was most of the time. Each slice is emptied once numbered."""
    distinct, inverses = [], []
    for terms in slices:
        ids = np.fromiter(map(id, terms), np.int64, len(terms))
        _, first, inverse = np.unique(ids, return_index=True, return_inverse=True)
        del ids
        distinct.append(list(map(terms.__getitem__, first.tolist())))
        inverses.append(inverse.astype(np.int32).reshape(-1))
        terms.clear()  # the ids were compared while the slice held each string: none was reused
    quoted = set(words)
    vocabulary = sorted({*chain.from_iterable(distinct), *quoted})
    number = {t: k for k, t in enumerate(vocabulary)}
    columns = [
        np.fromiter(map(number.__getitem__, objects), np.int32, len(objects))[inverse]
        for objects, inverse in zip(distinct, inverses, strict=True)
    ]
    # Only the words' numbers are kept (blocking files them): the whole vocabulary's, most of it
    # pairs of words, took 0.2 GB at 100k articles through the blocking.
    return vocabulary, {w: number[w] for w in quoted}, columns


def _once(column: np.ndarray, sizes: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows of `sizes` terms (their `column`s, one row after another) with each term once, where it
    first comes: the columns kept, each one's count in its row, and the rows' new sizes."""
    row = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    key = row * width + column
    order = np.argsort(key, kind="stable")  # a term's first place in its row comes first
    new = np.empty(len(key), bool)
    new[:1] = True
    np.not_equal(key[order[1:]], key[order[:-1]], out=new[1:])
    if new.all():  # no term repeated in any row: most slices of most corpora
        return column, np.ones(len(column), np.int32), sizes
    starts = np.flatnonzero(new)
    firsts = order[starts]
    count = np.zeros(len(key), np.int32)  # a term's repeats in one row (32-bit: as many as its columns)
    count[firsts] = np.diff(starts, append=len(key))
    kept = count > 0
    return column[kept], count[kept], np.bincount(row[kept], minlength=len(sizes))


def _built(
    columns: np.ndarray,
    lengths: np.ndarray,
    data: np.ndarray,
    vocabulary: list[str],
    number: Mapping[str, int],
    normalise: bool,
) -> Vectors:
    """The matrix of rows of `lengths` terms each (their `columns` and weights, `data`, one row
    after another), normalised if asked (see `vector_matrix`)."""
    # Built in place as CSR (no row numbers, no conversion from coordinates, 32-bit columns): the
    # conversion's copies made this the merge's biggest moment.
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    if normalise:
        norms = np.sqrt(sums_in_order(data, indptr[:-1], lengths, squares=True))
        norms[norms == 0] = 1.0
        # Divided in place, a slice of rows at a time: the weights' copy and their norms repeated
        # for every term (0.3 GB at 100k articles) were the vectors' peak.
        for start in range(0, len(lengths), VECTOR_ROWS):
            stop = min(len(lengths), start + VECTOR_ROWS)
            data[indptr[start] : indptr[stop]] /= np.repeat(norms[start:stop], lengths[start:stop])
    matrix = sparse.csr_matrix((data, columns, indptr), shape=(len(lengths), len(vocabulary)))
    matrix.sort_indices()
    return Vectors(matrix, vocabulary, number)


# Which of a slice's pairs (first, second, cosine) to keep: a filter applied as they are found,
# so the pairs that cannot matter never pile up.
Keep = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]


# The members each block has in the whole corpus, given the blocks' numbers (see `_key`): for
# blocking a part of it (an incremental merge) as the whole would be blocked.
Counts = Callable[[np.ndarray], np.ndarray]


@dataclass(frozen=True, slots=True)
class Filings:
    """Where each item is filed: its filed words' ids and the numbers of its blocks, with the
    item of each (what an incremental merge keeps of a run to find later candidates)."""

    word: np.ndarray  # uint64 word ids (`word_ids`), one per (item, filed word)
    word_item: np.ndarray
    block: np.ndarray  # uint64 block numbers, one per (item, filed word, block of its date)
    block_item: np.ndarray

    @staticmethod
    def empty() -> Filings:
        words, items = np.zeros(0, np.uint64), np.zeros(0, np.int64)
        return Filings(words, items, words, items)

    def columns(self, narrow: bool = False) -> Iterator[np.ndarray]:
        """word, word_item, block, block_item (`narrow`: as `Parked.columns`)."""
        return iter((self.word, self.word_item, self.block, self.block_item))

    def load(self) -> Filings:
        return self

    def dump(self, file: Writable) -> None:
        """Write the columns into `file` as arrays (`np.load` reads them back, one at a time)."""
        for column in self.columns():
            np.save(file, column, allow_pickle=False)


class Writable(Protocol):
    """Where `Filings.dump` writes: a file, or what compresses into one."""

    def write(self, data: bytes, /) -> int: ...


class Parking:
    """A folder where filings wait in unnamed files until they are wanted (`Parked`): a big
    corpus' are the largest arrays a recording merge makes, and held in memory through its
    scoring, clustering and events they set its peak. The files go when the parking is closed."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._files: list[BinaryIO] = []

    def __enter__(self) -> Parking:
        return self

    def __exit__(self, *exc: object) -> None:
        for file in self._files:
            file.close()
        self._files.clear()

    def park(self, columns: Iterable[np.ndarray]) -> Parked:
        """The filings of `columns` (as `Filings.columns` gives them), each written as it comes."""
        file = tempfile.TemporaryFile(dir=self.folder)
        self._files.append(file)
        for column in columns:
            np.save(file, column, allow_pickle=False)
            del column  # not held while the next is made
        return Parked(file)


@dataclass(frozen=True, slots=True)
class Parked:
    """Filings waiting in a file of a `Parking`."""

    file: BinaryIO

    def columns(self, narrow: bool = False) -> Iterator[np.ndarray]:
        """As `Filings.columns`, each read when it is asked for; with `narrow`, items as they were
        parked (32-bit from blocking), not widened."""
        self.file.seek(0)
        for _ in range(4):
            column = np.load(self.file, allow_pickle=False)
            yield column if narrow else wide(column)

    def load(self) -> Filings:
        return Filings(*self.columns())

    def dump(self, file: Writable) -> None:
        """As `Filings.dump`: the parked arrays copied as they lie, never in memory at once."""
        self.file.seek(0)
        shutil.copyfileobj(self.file, file, 1 << 20)


@dataclass(frozen=True, slots=True)
class Pairs:
    """Candidate pairs i < j (indexes into the items), each once, with the cosine of their vectors;
    with the items' filings when asked for. In the order blocking found them: the same in every
    run, whatever the number of jobs, but not sorted."""

    first: np.ndarray
    second: np.ndarray
    cosine: np.ndarray
    filings: Filings | Parked | None = None

    def __len__(self) -> int:
        return len(self.first)


def levels(first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """Per date (first and last day ordinals), the finest block size its whole date fits in at most
    two blocks of: a day, week, month, year (8-bit)."""
    finer = np.searchsorted(np.array(BLOCK_DAYS), np.asarray(last) - np.asarray(first), "right")
    return np.minimum(finer, _LEVELS - 1).astype(np.int8)


def blocked_pairs(
    items: Sequence[Blockable],
    vectors: Vectors,
    crowded: int = MAX_BLOCK,
    jobs: int = 1,
    keep: Keep | None = None,
    counts: Counts | None = None,
    record: bool = False,
    words: bool = False,
    park: Parking | None = None,
) -> Pairs:
    """Pairs of mentions from different articles sharing a weighty or quoted word near in date;
    a block of more than `crowded` mentions pairs nobody (members as `counts` says, else as
    these items fill it); with `keep`, only the pairs it keeps; with `record`, the filings too;
    with `words`, the filed words only (for `word_pairs`); with `park`, the filings wait
    there (`Parked`). `vectors` has a row for each item. The same pairs whatever
    `jobs` is."""
    n = len(items)
    if n < 2 and not ((record or words) and n):
        empty = np.zeros(0, np.int64)
        return Pairs(empty, empty, np.zeros(0), Filings.empty() if record or words else None)
    # Stage 1: the words each mention is filed under: its weightiest words and quoted ones, a
    # slice of mentions at a time, in order of mention and word. 32-bit mention and word numbers,
    # 8-bit levels: these arrays live through the whole blocking.
    vocabulary, matrix = vectors.vocabulary, vectors.matrix
    single = np.fromiter((" " not in t for t in vocabulary), bool, len(vocabulary))
    q_lengths = np.fromiter((len(it.mention.quoted) for it in items), np.int64, n)
    q_starts = np.concatenate(([0], np.cumsum(q_lengths)))
    quoted = (vectors.number[t] for it in items for t in it.mention.quoted)
    q_words = np.fromiter(quoted, np.int64, int(q_starts[-1]))
    items_parts, words_parts = [], []
    for start in range(0, n, PROBE_ROWS):
        stop = min(n, start + PROBE_ROWS)
        row, column = _weightiest(matrix, single, start, stop)
        row = np.concatenate((row, np.repeat(np.arange(start, stop), q_lengths[start:stop])))
        column = np.concatenate((column, q_words[q_starts[start] : q_starts[stop]]))
        filing = np.unique(row * len(vocabulary) + column)
        items_parts.append((filing // len(vocabulary)).astype(np.int32))
        words_parts.append((filing % len(vocabulary)).astype(np.int32))
    f_item, f_word = np.concatenate(items_parts), np.concatenate(words_parts)
    del items_parts, words_parts, q_words
    # Ids of the filed words only: most of the vocabulary is pairs of words, never filed.
    ids = np.zeros(len(vocabulary), np.uint64)
    filed_words = np.unique(f_word)
    ids[filed_words] = word_ids([vocabulary[k] for k in filed_words.tolist()])
    # Per mention, as narrow as they fit (day ordinals stay below 2**22): they live through the blocking.
    dates = date_columns(items, np.int32)
    item_levels = levels(dates[:, 0], dates[:, 1])
    # Articles numbered as met: only whether two are one matters.
    numbers: dict[str, int] = {}
    articles = np.fromiter(
        (numbers.setdefault(it.mention.article, len(numbers)) for it in items), np.int32, n
    )
    del numbers
    f_level = item_levels[f_item]

    # Stage 2: filings, one per (mention, word, block of its own date); crowded blocks dropped.
    keys, item = _blocks_filed(f_item, f_word, f_level, ids, dates)
    # Numbered by one stable sort of the filings, the keys sorted in place: a block's items stay
    # ascending, so they are a row of the blocks × items matrix as they stand. (np.unique, a
    # search for each filing, or an items × blocks matrix transposed took twice the memory.)
    order = np.argsort(keys, kind="stable")
    item = item[order]
    del order
    keys.sort()
    starts = np.empty(len(keys), bool)
    starts[:1] = True
    np.not_equal(keys[1:], keys[:-1], out=starts[1:])
    starts = np.flatnonzero(starts)
    blocks = keys[starts]
    del keys
    filled = np.diff(starts, append=len(item))  # filings per block
    del starts
    members = filled if counts is None else counts(blocks)
    roomy = members <= crowded  # a block that pairs its members
    del members
    members_kept = item[np.repeat(roomy, filled)]
    del item
    indptr = np.concatenate(([0], np.cumsum(np.where(roomy, filled, 0)))).astype(members_kept.dtype)
    filed_t = sparse.csr_matrix(
        (np.ones(len(members_kept), np.int8), members_kept, indptr), shape=(len(blocks), n)
    )
    del filled, members_kept, indptr

    # Stage 3: probes, one per (mention, word, block its window touches) at its own level and
    # every coarser level the word is filed at; only blocks that exist and are not crowded. They
    # are made a slice of probing mentions at a time, with the pairs that slice finds (stage 4):
    # all the probes at once would be the merge's biggest arrays.
    present = np.unique(f_word * _LEVELS + f_level)

    # Stage 4: the pairs and their cosines, a slice of probing mentions at a time (in `jobs`
    # forked workers for a big input).
    shared = _Shared(
        _Filed(f_item, f_word, f_level, present, ids, dates, item_levels, blocks, roomy),
        filed_t,
        articles,
        matrix,
        keep,
    )
    del filed_t, f_item, f_word, f_level, present, dates, item_levels, blocks, roomy
    slices = [(start, min(n, start + PROBE_ROWS)) for start in range(0, n, PROBE_ROWS)]
    found = fork_map(_pairs_of_slice, shared, slices, jobs if n >= PARALLEL_MENTIONS else 1)
    # The filings asked for are made from what the search kept, not held through it (the blocks'
    # were its biggest arrays, the words' wide copies of its own); made a column at a time and, when
    # they are to wait, parked as each is made, before the pairs are joined: their peaks add up.
    filed = shared.filed if record or words else None
    del shared
    filings: Filings | Parked | None = None
    if filed is not None:
        made = _filings_columns(filed, record)
        filings = park.park(made) if park is not None else Filings(*map(wide, made))
        del filed
    # Joined a column at a time, each column's parts freed once joined: a big corpus has millions
    # of pairs. They stay in the order the slices found them (the same whatever `jobs` is): every
    # taker orders them itself.
    columns = [list(column) for column in zip(*found, strict=True)]
    del found
    first, second, cosine = (np.concatenate(columns.pop(0)) for _ in range(3))
    return Pairs(first, second, cosine, filings)


def _filings_columns(filed: _Filed, blocks: bool) -> Iterator[np.ndarray]:
    """The columns of `Filings` (`Filings.columns`), each made when asked for, the items 32-bit as
    blocking keeps them (`wide` makes them what `Filings` holds): the blocks' only with `blocks`."""
    yield filed.ids[filed.word]
    yield filed.item
    if not blocks:
        yield from _NONE
        return
    keys, item = _blocks_filed(filed.item, filed.word, filed.level, filed.ids, filed.dates)
    yield keys
    del keys
    yield item


def wide(column: np.ndarray) -> np.ndarray:
    """A filings column as `Filings` holds it: items 64-bit (blocking makes and parks them 32-bit,
    widened only when read: at 100k their wide copies came on top of its peak)."""
    return column.astype(np.int64) if column.dtype == np.int32 else column


_NONE = (np.zeros(0, np.uint64), np.zeros(0, np.int64))  # no block filings


def _blocks_filed(
    f_item: np.ndarray, f_word: np.ndarray, f_level: np.ndarray, ids: np.ndarray, dates: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The block number and item of each (mention, filed word, block of its own date), in the order
    of the filings. Expanded a chunk at a time into arrays made once (counted first): the
    expansion's other columns for every filing at once, or parts joined, were the merge's biggest
    arrays."""
    sizes = np.array(BLOCK_DAYS, np.int64)
    chunks = [
        (f_item[at : at + PROBE_FILINGS], f_word[at : at + PROBE_FILINGS], f_level[at : at + PROBE_FILINGS])
        for at in range(0, len(f_item), PROBE_FILINGS)
    ]
    counts = [
        int((dates[c_item, 1] // sizes[c_level] - dates[c_item, 0] // sizes[c_level] + 1).sum())
        for c_item, _, c_level in chunks
    ]
    keys, items = np.empty(sum(counts), np.uint64), np.empty(sum(counts), np.int32)
    at = 0
    for (c_item, c_word, c_level), count in zip(chunks, counts, strict=True):
        item, word, lev, block = _expand(
            c_item, c_word, c_level, dates[c_item, 0], dates[c_item, 1], sizes[c_level]
        )
        keys[at : at + count] = _key(ids[word], lev, block)
        items[at : at + count] = item  # 32-bit, as the sparse matrices keep it: no copy there
        at += count
    return keys, items


def date_columns(items: Sequence[Blockable], dtype: type[np.integer]) -> np.ndarray:
    """Each item's first, last, lo and hi day ordinals, a row each (made with no list of rows: at
    100k articles that list took 0.17 GB)."""
    flat = chain.from_iterable((it.first, it.last, it.lo, it.hi) for it in items)
    return np.fromiter(flat, dtype, 4 * len(items)).reshape(len(items), 4)


def word_pairs(probes: Filings, filed: Filings, crowded: int = MAX_BLOCK) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (probing item, filed item) sharing a filed word whatever their dates, each once,
    ascending: how mentions with no date meet dated ones (their `words` filings). A word more
    than `crowded` filed items file pairs nobody: a rarer word shared finds the pair instead."""
    order = np.argsort(filed.word, kind="stable")
    first, second = shared_words(probes, filed.word[order], filed.word_item[order], crowded)
    width = int(filed.word_item.max(initial=0)) + 1
    key = np.unique(first * width + second)
    return key // width, key % width


def shared_words(
    probes: Filings, words: np.ndarray, items: np.ndarray, crowded: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(probing item, item) for each probe's word found in `words` (sorted, `items` theirs), in
    the probes' order; a word held more than `crowded` times finds nothing."""
    lo = np.searchsorted(words, probes.word, "left")
    count = np.searchsorted(words, probes.word, "right") - lo
    if crowded is not None:
        count[count > crowded] = 0
    return np.repeat(probes.word_item, count), items[np.repeat(lo, count) + ranks(count)]


def _weightiest(
    matrix: sparse.csr_matrix, single: np.ndarray, start: int, stop: int
) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of the BLOCK_WORDS weightiest single words of each of rows start:stop (ties by
    term order): a slice at a time, so the sort's arrays stay small whatever the corpus."""
    lo, hi = matrix.indptr[start], matrix.indptr[stop]
    rows = np.repeat(np.arange(start, stop), np.diff(matrix.indptr[start : stop + 1]))
    columns, weights = matrix.indices[lo:hi].astype(np.int64), matrix.data[lo:hi]
    word = single[columns]
    order = np.lexsort((columns[word], -weights[word], rows[word]))  # by row, weight, term
    row, column = rows[word][order], columns[word][order]
    row_start = np.searchsorted(row, row)  # each entry's rank in its row is its distance from this
    top = np.arange(len(row)) - row_start < BLOCK_WORDS
    return row[top], column[top]


@dataclass(frozen=True, slots=True)
class _Filed:
    """The filings (one per item and filed word, ascending by item) and the blocks they made."""

    item: np.ndarray
    word: np.ndarray
    level: np.ndarray
    present: np.ndarray  # word * _LEVELS + level of each filing, unique and sorted
    ids: np.ndarray  # word ids (`word_ids`) by word number
    dates: np.ndarray  # per item: first, last, lo, hi
    levels: np.ndarray  # per item
    blocks: np.ndarray  # block numbers, sorted
    roomy: np.ndarray  # per block: not crowded

    def probes(self, start: int, stop: int) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
        """The blocks items start:stop probe (items × blocks), at their own level and at coarser ones."""
        lo, hi = np.searchsorted(self.item, (start, stop))
        item, word, level = self.item[lo:hi], self.word[lo:hi], self.level[lo:hi]
        same, coarser = [], []
        for probe_level in range(_LEVELS):
            at = (level <= probe_level) & _isin(word * _LEVELS + probe_level, self.present)
            size = np.full(int(at.sum()), BLOCK_DAYS[probe_level], np.int64)
            window = self.dates[item[at]]
            p_item, p_word, p_level, p_block = _expand(
                item[at], word[at], np.full_like(size, probe_level), window[:, 2], window[:, 3], size
            )
            keys = _key(self.ids[p_word], p_level, p_block)
            where = _positions(self.blocks, keys)
            hit = _found(self.blocks, keys, where) & self.roomy[where]
            p_item, where = p_item[hit] - start, where[hit]
            own = self.levels[p_item + start] == probe_level
            same.append((p_item[own], where[own]))
            coarser.append((p_item[~own], where[~own]))
        rows, columns = stop - start, len(self.blocks)
        return _matrix(same, rows, columns), _matrix(coarser, rows, columns)


@dataclass(frozen=True, slots=True)
class _Shared:
    """What every slice reads: the filings and blocks, the filings as blocks × items, articles, vectors."""

    filed: _Filed
    filed_t: sparse.csr_matrix
    articles: np.ndarray
    vectors: sparse.csr_matrix
    keep: Keep | None


def _pairs_of_slice(shared: _Shared, rows: tuple[int, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs that the mentions of rows start:stop find, normalised to first < second, with cosines."""
    start, stop = rows
    firsts, seconds = [], []
    for probes, later_only in zip(shared.filed.probes(start, stop), (True, False), strict=True):
        found = (probes @ shared.filed_t).tocoo()
        i, j = found.row + np.int32(start), found.col  # 32-bit, as the items are numbered
        apart = shared.articles[i] != shared.articles[j]
        if later_only:
            apart &= j > i
        firsts.append(np.minimum(i[apart], j[apart]))
        seconds.append(np.maximum(i[apart], j[apart]))
    first, second = np.concatenate(firsts), np.concatenate(seconds)
    cosine = cosines(shared.vectors, first, second)
    if shared.keep is None:
        return first, second, cosine
    kept = shared.keep(first, second, cosine)
    return first[kept], second[kept], cosine[kept]


def _expand(
    item: np.ndarray, word: np.ndarray, lev: np.ndarray, lo: np.ndarray, hi: np.ndarray, size: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """One row per block from lo // size to hi // size of each input row."""
    start, stop = lo // size, hi // size
    count = stop - start + 1
    row = np.repeat(np.arange(len(item)), count)
    return item[row], word[row], lev[row], start[row] + ranks(count) + _BLOCK_SHIFT


def ranks(count: np.ndarray) -> np.ndarray:
    """0..n-1 for each n in `count`, concatenated."""
    return np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)


def _key(word: np.ndarray, lev: np.ndarray, block: np.ndarray) -> np.ndarray:
    """A block's number: its word's id mixed with its level and block, the same in every run."""
    return word ^ (((lev.astype(np.int64) << _BLOCK_BITS) + block).astype(np.uint64) * _MIX)


def word_ids(words: Sequence[str]) -> np.ndarray:
    """Stable 64-bit ids of words: a block keeps its number in every run, whatever else is
    merged, so an incremental merge can weigh its crowding against a previous run's counts."""
    return np.fromiter((_word_id(w) for w in words), np.uint64, len(words))


@lru_cache(maxsize=1 << 18)
def _word_id(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def _positions(sorted_values: np.ndarray, needles: np.ndarray) -> np.ndarray:
    """`np.searchsorted(sorted_values, needles)`, the needles looked up in ascending order: block
    numbers are hashes, and each search in order starts where the last ended (numpy's hint for
    sorted needles) instead of missing the cache at random."""
    order = np.argsort(needles)
    where = np.empty(len(needles), np.int64)
    where[order] = np.searchsorted(sorted_values, needles[order])
    return where


def _isin(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    return _found(sorted_set, values, np.searchsorted(sorted_set, values))


def _found(sorted_values: np.ndarray, needles: np.ndarray, where: np.ndarray) -> np.ndarray:
    """Whether each needle is in `sorted_values`, given where a search put it; `where` is
    clamped in place to a valid position (past the end: 0)."""
    where[where == len(sorted_values)] = 0
    return sorted_values[where] == needles if len(sorted_values) else np.zeros(len(needles), bool)


def _matrix(parts: list[tuple[np.ndarray, np.ndarray]], rows: int, columns: int) -> sparse.csr_matrix:
    """A 0/1 matrix with the (row, column) entries of the parts (32-bit: converted without copies)."""
    row = np.concatenate([r for r, _ in parts]).astype(np.int32, copy=False)
    col = np.concatenate([c for _, c in parts]).astype(np.int32, copy=False)
    return sparse.csr_matrix((np.ones(len(row), np.int8), (row, col)), shape=(rows, columns))


def cosines(vectors: sparse.csr_matrix, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Dot products of the pairs' unit vectors, summed over shared terms in term order."""
    out = np.empty(len(first), np.float64)
    for start in range(0, len(first), COSINE_PAIRS):
        stop = start + COSINE_PAIRS
        both = vectors[first[start:stop]].multiply(vectors[second[start:stop]]).tocsr()
        out[start:stop] = _row_sums(both)
    return out


def _row_sums(matrix: sparse.csr_matrix) -> np.ndarray:
    """Each row's sum, its terms added in term order (as `merge._cosine` adds them)."""
    matrix.sort_indices()
    return sums_in_order(matrix.data, matrix.indptr[:-1], np.diff(matrix.indptr))


def sums_in_order(
    values: np.ndarray, starts: np.ndarray, counts: np.ndarray, squares: bool = False
) -> np.ndarray:
    """The sum of each run of `values` (`counts[k]` of them from `starts[k]`), added left to right
    from 0.0 as Python's `sum` adds (numpy's own sums add pairwise, which rounds differently): one
    vectorised step per position. With `squares`, the sum of their squares (with no squared copy
    of all the values)."""
    out = np.zeros(len(counts), np.float64)
    for k in range(int(counts.max(initial=0))):
        rows = np.flatnonzero(counts > k)
        taken = values[starts[rows] + k]
        out[rows] += taken * taken if squares else taken
    return out
