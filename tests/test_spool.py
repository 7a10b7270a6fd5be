"""A big corpus' mention strings wait on disk during the merge (`chrono.spool`): the chronology is
the same bytes, and every process of the merge reads them back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SEEDS

from chrono import pipeline
from chrono.events import EventMention, extract_events
from chrono.ingest import read_articles
from chrono.parallel import fork_map
from chrono.spool import Spool, spooling, strings
from chrono.temporal import tag

DATA = Path(__file__).parent / "data"


def _mentions(folder: Path) -> dict[str, list[EventMention]]:
    articles, _ = read_articles([folder])
    return {a.id: extract_events(a, tag(a.clean.match_text, a.published)) for a in articles}


def _timeline(
    folder: Path, jobs: int, monkeypatch: pytest.MonkeyPatch, spooled: bool, cache: Path | None = None
) -> bytes:
    monkeypatch.setattr(pipeline, "SPOOL_ARTICLES", 0 if spooled else 10**9)
    return b"".join(pipeline.extract([folder], jobs=jobs, cache_dir=cache).json_parts())


@pytest.mark.parametrize("folder", [SEEDS, DATA / "events_dev10", DATA / "events_dev9"])
def test_a_spooled_merge_writes_the_same_chronology(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kept = _timeline(folder, 1, monkeypatch, spooled=False)
    assert _timeline(folder, 1, monkeypatch, spooled=True) == kept
    assert b'"text": ""' not in kept  # no mention lost its text on the way


def test_a_spooled_incremental_merge_writes_the_same_chronology(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a cache: a first run, then a run that merges again only what an edit changed."""
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA / "events_dev10", corpus)
    runs = []
    for _ in range(2):
        runs.append(
            [
                _timeline(corpus, 1, monkeypatch, spooled, tmp_path / f"cache-{spooled}")
                for spooled in (False, True)
            ]
        )
        edited = sorted(corpus.glob("*.txt"))[0]
        edited.write_text(
            edited.read_text(encoding="utf-8") + "\nThe council met again on Monday.\n", "utf-8"
        )
    assert all(kept == spooled for kept, spooled in runs)
    assert runs[0][0] != runs[1][0]  # the edit reached the second run


def test_stripped_mentions_keep_all_but_their_strings_which_the_spool_gives_back() -> None:
    spool = Spool()
    try:
        by_article = _mentions(SEEDS)
        stripped = {article: spool.stripped(article, ms) for article, ms in by_article.items()}
        pairs = [
            (m, s) for article, ms in by_article.items() for m, s in zip(ms, stripped[article], strict=True)
        ]
        assert len(pairs) > 20
        for m, s in pairs:
            assert (s.text, s.summary, s.explanation) == ("", "", "")
            assert (s.terms, s.date, s.timex, s.start, s.part) == (m.terms, m.date, m.timex, m.start, m.part)
            assert strings(s) == ("", "", "")  # no spool active: nothing to read back
        with spooling(spool):
            assert [strings(s) for _, s in pairs] == [(m.text, m.summary, m.explanation) for m, _ in pairs]
            assert strings(pairs[0][0]) == (pairs[0][0].text, pairs[0][0].summary, pairs[0][0].explanation)
    finally:
        spool.close()


def _read_back(stripped: list[EventMention], span: tuple[int, int]) -> list[tuple[str, str, str]]:
    return [strings(m) for m in stripped[span[0] : span[1]]]


def test_forked_merge_workers_read_the_spool() -> None:
    spool = Spool()
    try:
        by_article = _mentions(SEEDS)
        originals = [m for ms in by_article.values() for m in ms]
        stripped = [s for article, ms in by_article.items() for s in spool.stripped(article, ms)]
        spans = [(k, k + 5) for k in range(0, len(stripped), 5)]
        with spooling(spool):
            read = fork_map(_read_back, stripped, spans, workers=2)
        assert [s for part in read for s in part] == [(m.text, m.summary, m.explanation) for m in originals]
    finally:
        spool.close()


def test_explanations_read_back_are_one_object_each() -> None:
    """The events keep their mentions' explanations; read back from the spool, equal ones are one
    string (as the mentions held them), not a copy per article."""
    spool = Spool()
    try:
        stripped = [
            (article, s) for article, ms in _mentions(SEEDS).items() for s in spool.stripped(article, ms)
        ]
        with spooling(spool):
            said = [(article, strings(s)[2]) for article, s in stripped]
        articles: dict[str, set[str]] = {}
        for article, why in said:
            articles.setdefault(why, set()).add(article)
        assert any(len(found) > 1 for found in articles.values())  # told alike in several articles
        assert len({id(why) for _, why in said}) == len(articles)
    finally:
        spool.close()
