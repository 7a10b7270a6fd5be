"""Incremental merge: after adding, editing or removing a few articles, only the part of the
corpus they can reach is merged again.

Whether blocking finds a pair depends on its two mentions and on how crowded their shared
blocks are; a pair's score depends on the two mentions alone; clustering never crosses a
connected component of the graph of scored pairs and copies (`chrono.merge`). So merging a
corpus is merging each component apart. A run keeps in the cache folder, for each mention, its
component, date, copy hash, filed words and blocks, and the events of each component. The next
run merges again only the components that lost a mention or that a new mention can reach (a
filed word shared near in date, or a copy), with every block's members counted over the whole
corpus, and keeps every other event as it was. It merges everything when a block's crowding
changes (pairs elsewhere would change), when the part to merge is big anyway, or with no state.
An undated article's undated mention meets dated ones by a filed word whatever their dates, a
word more than MAX_BLOCK dated mentions file pairing nobody (`candidates.word_pairs`):
everything is merged again, too, when such mentions are added or gone or in a component to
merge again, when an added dated mention would merge with one, or when dated mentions added or
gone may change how crowded a word one files is.
Either way the events are the same (tests/test_incremental.py).
"""

from __future__ import annotations

import hashlib
import io
import pickle
import zlib
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import numpy as np

from chrono.candidates import (
    BLOCK_DAYS,
    MAX_BLOCK,
    Filings,
    Parked,
    Parking,
    levels,
    shared_words,
    wide,
    word_pairs,
)
from chrono.errors import ChronoError
from chrono.files import atomic_file, write_atomic
from chrono.merge import (
    EventRecord,
    KindIndex,
    Merged,
    finished,
    handed_over,
    matched_by_content,
    meets_undated,
    merge_mentions,
    stories,
)
from chrono.pipeline import ArticleResult, FileResult, KeptEvent

if TYPE_CHECKING:
    from chrono.events import EventMention

FORMAT = 7  # of the files below; another format is no state (a whole merge writes a new one)
STATE_FILE = "state"
SHARDS = 256  # events are kept in this many files by id, so a run rewrites only those it changes
PART_SHARE = 0.3  # merging more than this share of the mentions again gains little over all of them
_SHIFT = 32  # a mention's uid: its task's position in the input, shifted, plus its place there
_LEVEL_SIZES = np.array(BLOCK_DAYS, np.int64)


@dataclass(frozen=True, slots=True)
class Skeleton:
    """A file's result as the state keeps it: its problems and articles, each article's mentions
    counted, not kept (they are in the result cache, loaded only when merged again)."""

    result: FileResult
    counts: tuple[int, ...]

    @staticmethod
    def of(result: FileResult) -> Skeleton:
        stripped = tuple(replace(e, mentions=()) if isinstance(e, ArticleResult) else e for e in result)
        return Skeleton(
            stripped, tuple(len(e.mentions) if isinstance(e, ArticleResult) else 0 for e in result)
        )

    def placeholder(self) -> FileResult:
        """The result with None in the places of its mentions (see `MergeStore.merge`)."""
        return tuple(
            replace(e, mentions=(None,) * n) if isinstance(e, ArticleResult) else e  # type: ignore[arg-type]
            for e, n in zip(self.result, self.counts, strict=True)
        )


@dataclass(slots=True)
class _Rows:
    """What the merge says of each row (mention) and where the rows are filed."""

    component: np.ndarray  # the smallest row of its component
    kind: np.ndarray  # 0 dated, 1 undated
    probing: np.ndarray  # undated, of an undated article: meets dated mentions by content alone
    identical: np.ndarray  # hash of what copies share (`merge.copy_hash`)
    dates: np.ndarray  # first, last, lo, hi (day ordinals)
    filings: tuple[Filings | Parked, Filings | Parked]  # dated, undated: sorted by word and by block

    @staticmethod
    def empty(n: int) -> _Rows:
        none = Filings.empty()
        return _Rows(
            np.zeros(n, np.int64),
            np.zeros(n, np.int8),
            np.zeros(n, bool),
            np.zeros(n, np.uint64),
            np.zeros((n, 4), np.int64),
            (none, none),
        )

    def filed(self, kind: int) -> Filings:
        """A kind's filings, in memory (a whole merge's wait parked until the state is written)."""
        return self.filings[kind].load()

    def set(self, merged: Merged) -> None:
        """Take the rows a merge numbered, and their filings."""
        assert merged.index is not None
        filings = []
        for kind, index in enumerate(merged.index):
            self.component[index.rows] = index.component
            self.kind[index.rows] = kind
            self.probing[index.rows] = index.probing
            self.identical[index.rows] = index.identical
            self.dates[index.rows] = index.dates
            filings.append(_joined(self.filings[kind], index.filings))
        self.filings = (filings[0], filings[1])

    def labels(self, merged: Merged) -> list[int]:
        """The component of each of a merge's events (that of its first mention)."""
        return [int(self.component[row]) for row in merged.first_rows]


@dataclass(slots=True)
class _State:
    """What a run keeps for the next one. Rows are the mentions merged, in input order."""

    keys: list[str]  # cache key of each file, in input order
    skeletons: list[Skeleton]
    task: np.ndarray  # per row: index into keys
    offset: np.ndarray  # per row: its place among its file's mentions
    rows: _Rows
    event_ids: list[str]  # raw ids (unique before `merge.finished`) of the events kept
    event_component: np.ndarray
    shards: dict[int, str]  # shard number -> file name


@dataclass(frozen=True, slots=True)
class _Part:
    new_of_old: np.ndarray  # per old row: its new row, or -1 when gone
    gone: np.ndarray  # old rows gone
    added: np.ndarray  # new rows that are not old ones


class MergeStore:
    """The merge state of one set of inputs in a result cache folder (`ResultCache.dir`)."""

    def __init__(self, cache_dir: Path, inputs: Sequence[Path]) -> None:
        named = "\0".join(str(p.resolve()) for p in inputs).encode("utf-8", "surrogatepass")
        self.folder = cache_dir / "merge" / hashlib.sha256(named).hexdigest()[:16]
        self.state = self._load()
        self._skeleton = dict(zip(self.state.keys, self.state.skeletons, strict=True)) if self.state else {}
        self._stored: dict[str, KeptEvent] | None = None
        self.last = ""  # how the last merge ran and why (for benchmarks and tests)
        self.unwritable: str | None = None  # why the state could not be kept, if it could not

    def skeleton(self, key: str | None) -> Skeleton | None:
        """The kept skeleton of a file's result, if the state knows its key."""
        return self._skeleton.get(key) if key is not None else None

    def merge(
        self,
        keys: Sequence[str | None],
        skeletons: Sequence[Skeleton],
        mentions: list[EventMention | None],
        where: tuple[np.ndarray, np.ndarray],
        load: Callable[[int], FileResult],
        jobs: int,
    ) -> list[EventRecord | KeptEvent]:
        """The merged events of `mentions` (None where not loaded: `load(position)` gives that
        file's result), which came from the file at position `where[0]`, place `where[1]` among
        its mentions; `keys` and `skeletons` are per file. Merges only what changed when it can, and
        keeps the new state."""
        self.last = "whole: no state"
        self.stored_events()  # read now: one that cannot be is no state
        part = self._part(keys, where) if self.state is not None else None
        outcome = self._merge_part(part, mentions, where, load, jobs) if part is not None else None
        events: list[EventRecord | KeptEvent]
        with self._parking() as park:
            if outcome is None:
                _fill(mentions, where, load)
                n = len(mentions)
                merged = merge_mentions(enumerate(handed_over(mentions)), jobs, record=True, park=park)  # type: ignore[arg-type]
                rows = _Rows.empty(n)
                rows.set(merged)
                events, labels, changed = merged.events, rows.labels(merged), None  # type: ignore[assignment]
                del merged  # its index, copied into the rows
            else:
                events, labels, rows, changed = outcome
            if not self.last.startswith("none"):
                try:
                    self._save(keys, skeletons, where, rows, events, labels, changed)
                except (OSError, ChronoError) as exc:  # the next run merges everything: slower, still right
                    self.unwritable = str(exc)
        unique = len({e.id for e in events}) == len(events)
        if not unique:  # `finished` tells two apart by their records
            events = [e.record() if isinstance(e, KeptEvent) else e for e in events]
        return finished(events, unique)  # type: ignore[arg-type,return-value]  # kept events sort as records do

    def _parking(self) -> AbstractContextManager[Parking | None]:
        """Where a whole merge's filings wait until the state is written: the state's folder
        (none when it cannot be made)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return nullcontext()
        return Parking(self.folder)

    # --- what changed -------------------------------------------------------------------------

    def _part(self, keys: Sequence[str | None], where: tuple[np.ndarray, np.ndarray]) -> _Part | None:
        """Rows kept, gone and added since the state, or None when a whole merge is due."""
        state = self.state
        assert state is not None
        uid = (where[0] << _SHIFT) + where[1]
        position = {key: pos for pos, key in enumerate(keys) if key is not None}
        old_pos = np.fromiter((position.get(k, -1) for k in state.keys), np.int64, len(state.keys))[
            state.task
        ]
        old_uid = np.where(old_pos >= 0, (old_pos << _SHIFT) + state.offset, -1)
        new_of_old = np.full(len(old_uid), -1, np.int64)
        if len(uid):
            order = np.argsort(uid, kind="stable")
            at = order[np.minimum(np.searchsorted(uid, old_uid, sorter=order), len(uid) - 1)]
            new_of_old = np.where((old_uid >= 0) & (uid[at] == old_uid), at, -1)
        added = np.ones(len(uid), bool)
        added[new_of_old[new_of_old >= 0]] = False
        part = _Part(new_of_old, np.flatnonzero(new_of_old < 0), np.flatnonzero(added))
        if len(part.gone) + len(part.added) > PART_SHARE * max(1, len(uid)):
            self.last = "whole: many changes"
            return None
        return part

    def _merge_part(
        self,
        part: _Part,
        mentions: list[EventMention | None],
        where: tuple[np.ndarray, np.ndarray],
        load: Callable[[int], FileResult],
        jobs: int,
    ) -> tuple[list[EventRecord | KeptEvent], list[int], _Rows, set[str]] | None:
        """Events, their components, the rows and the event ids changed, when merging the part
        that changed is the same as merging everything; else None."""
        state = self.state
        assert state is not None
        old = state.rows
        n = len(mentions)
        if not len(part.gone) and not len(part.added):
            self.last = "none: nothing changed"
            stored = self.stored_events()
            return [stored[i] for i in state.event_ids], [], old, set()
        # The components that lost a mention or that an added mention reaches: by a pair among
        # the mentions it can meet (a filed word shared near in date, or a copy), found by
        # merging those with it, every block's members counted over the whole corpus.
        _fill(mentions, where, load, part.added)
        added_probing = any(matched_by_content(mentions[r]) for r in part.added.tolist())  # type: ignore[arg-type]
        if added_probing or np.any(old.probing[part.gone]):
            self.last = "whole: undated articles' mentions changed"
            return None
        alone = merge_mentions(((r, mentions[r]) for r in part.added.tolist()), record=True).index
        assert alone is not None
        why = self._undated_met(part, alone[0], mentions, where, load)
        if why is not None:
            self.last = why
            return None
        near = np.concatenate([self._reachable(kind, index) for kind, index in enumerate(alone)])
        near = np.concatenate((near, _same_day(old, alone[0])))
        near = np.flatnonzero(np.isin(old.identical, old.identical[near]) & (part.new_of_old >= 0))
        reached = old.component[part.gone]
        if len(near):
            blocks = _split(old, _leaving(old, part, near))
            probe = _merged(blocks, part, near, mentions, where, load, jobs).index
            assert probe is not None
            added_to = np.concatenate([i.component[np.isin(i.rows, part.added)] for i in probe])
            met = np.concatenate([i.rows[np.isin(i.component, added_to)] for i in probe])
            reached = np.concatenate((reached, old.component[near[np.isin(part.new_of_old[near], met)]]))
        affected = np.unique(reached)
        again = np.flatnonzero(np.isin(old.component, affected) & (part.new_of_old >= 0))
        if len(again) + len(part.added) > PART_SHARE * max(1, n):
            self.last = "whole: changes reach much"
            return None
        if np.any(old.probing[again]):
            self.last = "whole: changes reach an undated article's mentions"
            return None
        # Merge them again, with each block's members counted over the whole corpus.
        leaving = _leaving(old, part, again)
        blocks = _split(old, leaving)
        merged = _merged(blocks, part, again, mentions, where, load, jobs)
        assert merged.index is not None
        if any(
            _crowding_changed(old.filed(k).block, blocks[k], index.filings.load().block)
            for k, index in enumerate(merged.index)
        ):
            self.last = "whole: a block's crowding changed"
            return None
        self.last = f"part: {len(again) + len(part.added)} of {n} mentions"
        # The new rows: those kept as they were, renumbered, and the merged part's.
        kept = np.flatnonzero((part.new_of_old >= 0) & ~leaving)
        new = part.new_of_old
        labels, label_at = np.unique(old.component[kept], return_inverse=True)
        smallest = np.full(len(labels), n, np.int64)
        np.minimum.at(smallest, label_at, new[kept])
        renamed = dict(zip(labels.tolist(), smallest.tolist(), strict=True))
        out = _Rows.empty(n)
        out.component[new[kept]] = smallest[label_at]
        out.kind[new[kept]] = old.kind[kept]
        out.probing[new[kept]] = old.probing[kept]
        out.identical[new[kept]] = old.identical[kept]
        out.dates[new[kept]] = old.dates[kept]
        out.filings = (_renumbered(old.filed(0), new, leaving), _renumbered(old.filed(1), new, leaving))
        out.set(merged)
        # The events: the kept components' as stored, the merged part's new.
        stored = self.stored_events()
        keeps = ~np.isin(state.event_component, affected)
        gone_ids = {i for i, k in zip(state.event_ids, keeps.tolist(), strict=True) if not k}
        events: list[EventRecord | KeptEvent] = [
            stored[i] for i, k in zip(state.event_ids, keeps.tolist(), strict=True) if k
        ]
        event_labels = [renamed[c] for c in state.event_component[keeps].tolist()]
        events += merged.events
        event_labels += out.labels(merged)
        return events, event_labels, out, gone_ids | {e.id for e in merged.events}

    def _undated_met(
        self,
        part: _Part,
        added: KindIndex,
        mentions: list[EventMention | None],
        where: tuple[np.ndarray, np.ndarray],
        load: Callable[[int], FileResult],
    ) -> str | None:
        """Why a whole merge is due when dated mentions are `added` (merged alone) or gone beside
        old mentions of undated articles (`merge.matched_by_content`), else None: a word one files
        may change sides of MAX_BLOCK, or an added dated mention would merge with one."""
        state = self.state
        assert state is not None
        dated, undated, added_filed = state.rows.filed(0), state.rows.filed(1), added.filings.load()
        probing = state.rows.probing[undated.word_item]
        undated = replace(undated, word=undated.word[probing], word_item=undated.word_item[probing])
        words = np.unique(undated.word)
        before = _members(dated.word, words)  # dated filings are sorted by word
        gone = np.sort(dated.word[np.isin(dated.word_item, part.gone)])
        # Copies file once: an added copy or a gone one whose copy stays may leave the count as
        # it was, so the count after lies between these two.
        low, high = before - _members(gone, words), before + _members(np.sort(added_filed.word), words)
        if np.any((low <= MAX_BLOCK) != (high <= MAX_BLOCK)):
            return "whole: how crowded a word an undated mention files is may change"
        open_words = np.isin(undated.word, words[high <= MAX_BLOCK])
        probes = replace(undated, word=undated.word[open_words], word_item=undated.word_item[open_words])
        old_rows, new_rows = word_pairs(probes, added_filed, crowded=len(part.new_of_old) + 1)
        if not len(old_rows):
            return None
        _fill(mentions, where, load, part.new_of_old[old_rows])
        for u, d in zip(part.new_of_old[old_rows].tolist(), new_rows.tolist(), strict=True):
            if meets_undated(mentions[d], mentions[u]):  # type: ignore[arg-type]
                return "whole: an added dated mention meets an undated one"
        return None

    def _reachable(self, kind: int, index: KindIndex) -> np.ndarray:
        """Old rows an added mention may pair with (a filed word shared near in date) or copy."""
        state = self.state
        assert state is not None
        old = state.rows
        filed = old.filed(kind)
        mine, theirs = shared_words(index.filings.load(), filed.word, filed.word_item)
        by_row = np.argsort(index.rows)
        ours = index.dates[by_row[np.searchsorted(index.rows[by_row], mine)]]
        others = old.dates[theirs]
        coarser = np.maximum(_levels(ours), _levels(others))
        gap = np.maximum(ours[:, 2], others[:, 2]) - np.minimum(ours[:, 3], others[:, 3])
        near = theirs[gap < _LEVEL_SIZES[coarser]]
        copies = np.flatnonzero((old.kind == kind) & np.isin(old.identical, index.identical))
        return np.concatenate((near, copies))

    # --- files --------------------------------------------------------------------------------

    def stored_events(self) -> dict[str, KeptEvent]:
        """The kept events by id (read once: every merge with a state reads them). A shard that
        cannot be read is no state (a whole merge then)."""
        if self._stored is None and self.state is not None:
            self._stored = {}
            try:
                for name in self.state.shards.values():
                    for event_id, date, json in pickle.loads((self.folder / name).read_bytes()):
                        self._stored[event_id] = KeptEvent(event_id, date, json)
            except (OSError, ValueError, TypeError, pickle.UnpicklingError, EOFError, AttributeError):
                self.state, self._skeleton = None, {}
        return self._stored or {}

    def _load(self) -> _State | None:
        """The kept state, or None when there is none or it cannot be read (a whole merge then)."""
        try:
            state = _read(self.folder / STATE_FILE)
        except (OSError, zlib.error, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        if state is None:
            return None
        if not all((self.folder / name).is_file() for name in state.shards.values()):
            return None
        return state

    def _save(
        self,
        keys: Sequence[str | None],
        skeletons: Sequence[Skeleton],
        where: tuple[np.ndarray, np.ndarray],
        rows: _Rows,
        events: list[EventRecord | KeptEvent],
        labels: list[int],
        changed: set[str] | None,
    ) -> None:
        """Keep the state for the next run (the event shards `changed` touches, all when None),
        each event as its JSON (`pipeline.KeptEvent`), which then stands for it in `events`: it is
        written once. None is kept when a file with mentions has no key or two events share a raw id."""
        index_of = np.full(len(keys), -1, np.int64)
        known = [pos for pos, key in enumerate(keys) if key is not None]
        index_of[known] = np.arange(len(known))
        task = index_of[where[0]]
        ids = [e.id for e in events]
        if np.any(task < 0) or any(a == b for a, b in pairwise(sorted(ids))):
            (self.folder / STATE_FILE).unlink(missing_ok=True)
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        shards = dict(self.state.shards) if self.state is not None and changed is not None else {}
        # Each shard's events in their order, a shard at a time: a big corpus' in dicts at once
        # took 0.1 GB.
        number_of = np.fromiter((_shard(i) for i in ids), np.int64, len(ids))
        by_shard = np.argsort(number_of, kind="stable")
        bounds = np.searchsorted(number_of[by_shard], np.arange(SHARDS + 1))
        del number_of
        touched = set(range(SHARDS)) if changed is None else {_shard(i) for i in changed}
        for number in sorted(touched):
            if bounds[number] == bounds[number + 1]:
                shards.pop(number, None)
                continue
            content = []
            for k in by_shard[bounds[number] : bounds[number + 1]].tolist():
                events[k] = kept = KeptEvent.of(events[k])
                content.append((kept.id, kept.date, kept.json))
            data = pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL)  # read every run: not compressed
            name = f"events-{number:02x}-{hashlib.sha256(data).hexdigest()[:12]}"
            write_atomic(self.folder / name, data)
            shards[number] = name
        state = _State(
            keys=[keys[pos] for pos in known],  # type: ignore[misc]
            skeletons=[skeletons[pos] for pos in known],
            task=task,
            offset=where[1],
            rows=rows,
            event_ids=ids,
            event_component=np.array(labels, np.int64),
            shards=shards,
        )
        with atomic_file(self.folder / STATE_FILE) as handle:
            _write(state, handle)
        # Shards no state names any more (written by an older run) go.
        for path in self.folder.glob("events-*"):
            if path.name not in shards.values() and not path.name.startswith("."):
                path.unlink(missing_ok=True)


def _leaving(old: _Rows, part: _Part, again: np.ndarray) -> np.ndarray:
    """Per old row: whether it is gone or merged again (its filings no longer count as they were)."""
    leaving = np.zeros(len(old.component), bool)
    leaving[again] = True
    leaving[part.gone] = True
    return leaving


@dataclass(frozen=True, slots=True)
class _Blocks:
    """One kind's old block numbers (each a subsequence of the sorted ones): of the rows that stay
    as they are, and of those gone or merged again."""

    staying: np.ndarray
    leaving: np.ndarray


def _split(old: _Rows, leaving: np.ndarray) -> tuple[_Blocks, _Blocks]:
    """Dated and undated: the old rows' blocks, split by whether the rows stay as they are."""
    filed = (old.filed(0), old.filed(1))
    leaves = (leaving[f.block_item] for f in filed)
    dated, undated = (_Blocks(f.block[~gone], f.block[gone]) for f, gone in zip(filed, leaves, strict=True))
    return dated, undated


def _merged(
    blocks: tuple[_Blocks, _Blocks],
    part: _Part,
    again: np.ndarray,
    mentions: list[EventMention | None],
    where: tuple[np.ndarray, np.ndarray],
    load: Callable[[int], FileResult],
    jobs: int,
) -> Merged:
    """The merge of the old rows `again` and the added ones, as part of the whole corpus: blocks
    count the members of the old rows that stay besides their own."""
    rows = np.sort(np.concatenate((part.new_of_old[again], part.added)))
    # Their articles' stories (`merge.stories`) from every mention of their files, as a whole merge has them.
    files = np.flatnonzero(np.isin(where[0], np.unique(where[0][rows])))
    _fill(mentions, where, load, files)
    told = stories(mentions[r] for r in files.tolist())  # type: ignore[misc]
    outside = (partial(_members, blocks[0].staying), partial(_members, blocks[1].staying))
    return merge_mentions(
        ((r, mentions[r]) for r in rows.tolist()), jobs, outside=outside, record=True, told_stories=told
    )


def _same_day(old: _Rows, added: KindIndex) -> np.ndarray:
    """Old dated rows of a day one added dated mention falls on alone: the two may be their
    articles' only reports of it, one story's (`merge._lone_day_pairs`), whatever words they share."""
    days = added.dates[added.dates[:, 0] == added.dates[:, 1], 0]
    one_day = (old.kind == 0) & (old.dates[:, 0] == old.dates[:, 1])
    return np.flatnonzero(one_day & np.isin(old.dates[:, 0], days))


def _shard(event_id: str) -> int:
    return int(event_id[:2], 16) % SHARDS


def _fill(
    mentions: list[EventMention | None],
    where: tuple[np.ndarray, np.ndarray],
    load: Callable[[int], FileResult],
    rows: np.ndarray | None = None,
) -> None:
    """Load the mentions at `rows` (all when None) that are not loaded yet, a file at a time."""
    wanted = range(len(mentions)) if rows is None else rows.tolist()
    by_file: dict[int, list[int]] = {}
    for r in wanted:
        if mentions[r] is None:
            by_file.setdefault(int(where[0][r]), []).append(r)
    for pos, missing in sorted(by_file.items()):
        flat = [m for entry in load(pos) for m in getattr(entry, "mentions", ())]
        for r in missing:
            mentions[r] = flat[int(where[1][r])]


def _levels(dates: np.ndarray) -> np.ndarray:
    return levels(dates[:, 0], dates[:, 1]).astype(np.int64)


def _members(sorted_blocks: np.ndarray, blocks: np.ndarray) -> np.ndarray:
    """How many times each of `blocks` is in `sorted_blocks`: the members a block has there."""
    return np.searchsorted(sorted_blocks, blocks, "right") - np.searchsorted(sorted_blocks, blocks, "left")


def _crowding_changed(old: np.ndarray, blocks: _Blocks, part: np.ndarray) -> bool:
    """Whether a block the merged part is filed in (before or now) changed sides of MAX_BLOCK:
    `old` every old row's blocks (sorted), `part` the merged part's."""
    touched = np.unique(np.concatenate((blocks.leaving, part)))
    before = _members(old, touched)
    after = _members(blocks.staying, touched) + _members(np.sort(part), touched)
    return bool(np.any((before <= MAX_BLOCK) != (after <= MAX_BLOCK)))


def _renumbered(old: Filings, new_of_old: np.ndarray, leaving: np.ndarray) -> Filings:
    """The filings of the rows that stay as they are, by their new numbers."""
    w, b = ~leaving[old.word_item], ~leaving[old.block_item]
    return Filings(old.word[w], new_of_old[old.word_item[w]], old.block[b], new_of_old[old.block_item[b]])


def _joined(a: Filings | Parked, b: Filings | Parked) -> Filings | Parked:
    """`a` then `b`, each sorted by word and by block, as one sorted so (stably: `a` first among
    equals). An empty side costs no copy and no sort (and a parked other side stays parked): a
    whole merge's filings are a big corpus' largest arrays."""
    for one, other in ((a, b), (b, a)):
        if isinstance(one, Filings) and not len(one.word) and not len(one.block):
            return other
    a, b = a.load(), b.load()
    columns: list[np.ndarray] = []
    for (a_key, a_item), (b_key, b_item) in (
        ((a.word, a.word_item), (b.word, b.word_item)),
        ((a.block, a.block_item), (b.block, b.block_item)),
    ):
        if not len(a_key) or not len(b_key):
            columns += (b_key, b_item) if len(b_key) else (a_key, a_item)
            continue
        key, item = np.concatenate((a_key, b_key)), np.concatenate((a_item, b_item))
        order = np.argsort(key, kind="stable")  # two sorted runs: merged in one pass
        columns += (key[order], item[order])
    return Filings(*columns)


# The state's long lists are pickled a part at a time, the pickler's memo emptied after each: it
# keeps every object pickled, and a big corpus' skeletons and event ids took 0.14 GB of it.
LIST_PART = 10_000


def _write(state: _State, file: BinaryIO) -> None:
    """The state, compressed into `file` as it is pickled: FORMAT and the state without its
    filings and long lists, then the filings' columns as arrays (`Filings.dump`: copied from where
    they are parked, never all in memory), then the lists' parts."""
    deflating = _Deflating(file)
    pickler = pickle.Pickler(deflating, protocol=pickle.HIGHEST_PROTOCOL)
    lists = (state.skeletons, state.event_ids)
    none = Filings.empty()
    head = replace(state, rows=replace(state.rows, filings=(none, none)), skeletons=[], event_ids=[])
    pickler.dump((FORMAT, head))
    for filings in state.rows.filings:
        filings.dump(deflating)
    for values in lists:
        for start in range(0, len(values), LIST_PART):
            pickler.clear_memo()
            pickler.dump(values[start : start + LIST_PART])
    deflating.flush()


def _read(path: Path) -> _State | None:
    """The state `_write` wrote, or None when it is of another format."""
    with path.open("rb") as compressed:
        # One unpickler per part, as the pickler's memo was emptied before each.
        pickled = io.BufferedReader(_Inflating(compressed), CHUNK)
        head = pickle.load(pickled)
        if not isinstance(head, tuple) or len(head) != 2 or head[0] != FORMAT:
            return None
        state: _State = head[1]
        read = partial(np.lib.format.read_array, pickled, allow_pickle=False)  # what `Filings.dump` wrote
        filings = [Filings(*(wide(read()) for _ in range(4))) for _ in range(2)]
        state.rows.filings = (filings[0], filings[1])
        lists = ((state.skeletons, len(state.keys)), (state.event_ids, len(state.event_component)))
        for values, count in lists:
            for _ in range(0, count, LIST_PART):
                values += pickle.load(pickled)  # the state's own list, extended in place
            if len(values) != count:
                return None
        return state


CHUNK = 1 << 20  # bytes compressed or decompressed at a time


class _Deflating:
    """A file that compresses what is written to it into another."""

    def __init__(self, file: BinaryIO) -> None:
        self._compressor = zlib.compressobj(1)
        self._file = file

    def write(self, data: Any) -> int:  # bytes, or a big array's buffer (`pickle.PickleBuffer`)
        view = memoryview(data).cast("B")
        for start in range(0, len(view), CHUNK):  # a big array's compressed copy is not held at once
            self._file.write(self._compressor.compress(view[start : start + CHUNK]))
        return len(view)

    def flush(self) -> None:
        self._file.write(self._compressor.flush())


class _Inflating(io.RawIOBase):
    """The decompressed bytes of a zlib stream, a piece at a time (for `pickle.load`)."""

    def __init__(self, compressed: BinaryIO) -> None:
        self._compressed = compressed
        self._inflater = zlib.decompressobj()
        self._ready = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._ready and not self._inflater.eof:
            chunk = self._compressed.read(CHUNK)
            if not chunk:
                raise zlib.error("the compressed state ends early")
            self._ready = memoryview(self._inflater.decompress(chunk))
        size = min(len(buffer), len(self._ready))
        buffer[:size] = self._ready[:size]
        self._ready = self._ready[size:]
        return size
