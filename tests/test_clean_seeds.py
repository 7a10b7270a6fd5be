"""Cleaning on the seed articles: page furniture goes, the article stays, offsets map back exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from chrono.ingest import Article, clean_text, read_articles

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

JUNK = {
    "000": [
        "Only the headline and picture of this report",
        "reached your limit",
        "Subscribe now for unlimited access",
        "Already subscribed",
        "Smart Quarterly",
        "₹300/Month",
        "3 Months",
        "Renews automatically",
        "Complimentary Access to The New York Times",
        "Access Business Standard across devices",
    ],
    "001": [
        "(With agency inputs)",
        "Nobody should be fooled",
        "Top updates",
        "Imran Khan",
        "no-trust vote",
        "MQM-P",
        "Erdogan",
        "Personalise your news feed",
        "Follow trending topics",
    ],
    "002": ["Oops!", "Something went wrong", "Please try again later"],
    "004": [
        "Advertisement",
        "Leave a Reply",
        "Your email address will not be published",
        "Akismet",
        "Are you personally affected",
        "We wish to hear from you",
        "brief survey",
        "Trending",
        "Exit mobile version",
        "\nPublished\n",
        "\non\n",
    ],
}

KEPT = {
    "000": [
        "The withdrawal of Russian forces from the Kyiv region is a gesture of goodwill",
        "Peskov told reporters.",
        "issued fresh rounds of sanctions on Russia over its actions in Ukraine.",
    ],
    "001": [
        "Russia-Ukraine war: Moscow plays down hopes for 'breakthrough' in peace talks",
        "Russia on Wednesday played down hopes of a breakthrough in peace with Ukraine",
        "Russia promised it would scale back its military operations",
        "Kyiv has also proposed to sidestep the question of Crimea",
    ],
    "002": [
        "The Kremlin has said it's open to negotiations with Ukraine",
        "Ukraine seeks 'common ground' with China",
        "Kuleba met with Chinese Foreign Minister Wang Yi in Guangzhou on Wednesday.",
        "killed at least four civilians and injured 30 in the past day.",
    ],
    "003": [
        "after Russia promised it would scale back",  # "prom\nised" rejoined
        "Pentagon Press Secretary John Kirby on Tuesday (local time)",
        "$500 million in direct budgetary aid.",
    ],
    "004": [
        "Russia’s Lavrov claims ‘substantial progress’ in Ukraine peace talks",
        "mentioned on Wednesday that negotiators had made",
        # The paragraphs right after each "Advertisement" label.
        "The US and its western allies have solid doubt on Moscow’s claims",
        "One US official mentioned declassified intelligence confirmed",
        "Ukrainian officers have acknowledged that Russian negotiators have modified their tone",
        "“Pragmatically, we have to have allies who will stand by us",
    ],
}


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    articles, problems = read_articles([SEEDS])
    assert problems == []
    return {a.id[:3]: a for a in articles}


@pytest.mark.parametrize("seed", sorted(JUNK))
def test_furniture_is_dropped(seeds, seed):
    article = seeds[seed]
    for junk in JUNK[seed]:
        assert junk in article.text, f"test premise: {junk!r} is in the raw text"
        assert junk not in article.clean.text, f"{seed}: {junk!r} survived cleaning"


@pytest.mark.parametrize("seed", sorted(KEPT))
def test_article_sentences_survive(seeds, seed):
    for sentence in KEPT[seed]:
        assert sentence in seeds[seed].clean.text, f"{seed}: lost {sentence!r}"


def test_repeated_headline_kept_once(seeds):
    headline = "Russia is 'open to negotiations' with Ukraine, Moscow claims"
    assert seeds["002"].text.count(headline) == 2
    assert seeds["002"].clean.text.count(headline) == 1


def test_broken_word_rejoined_only_in_clean_text(seeds):
    article = seeds["003"]
    assert "Russia prom\nised it" in article.text
    assert "Russia promised it" in article.clean.text
    assert "prom\nised" not in article.clean.text


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_every_clean_offset_maps_back_to_the_raw_text(seeds, seed):
    article = seeds[seed]
    clean, text = article.clean, article.text
    assert len(clean.starts) == len(clean.raw_starts) >= 1
    ends = [*clean.starts[1:], len(clean.text)]
    for start, raw_start, end in zip(clean.starts, clean.raw_starts, ends, strict=True):
        assert end > start
        assert text[raw_start : raw_start + end - start] == clean.text[start:end]
    assert list(clean.raw_starts) == sorted(set(clean.raw_starts))
    assert all(text[clean.to_raw(i)] == ch for i, ch in enumerate(clean.text))


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_match_text_is_plain_and_aligned(seeds, seed):
    clean = seeds[seed].clean
    assert len(clean.match_text) == len(clean.text)
    assert not set("‘’“”–—\u00a0") & set(clean.match_text)
    changed = [(a, b) for a, b in zip(clean.text, clean.match_text, strict=True) if a != b]
    assert all(not a.isascii() and b.isascii() for a, b in changed)


def test_match_text_matches_plain_quotes(seeds):
    clean = seeds["004"].clean
    at = clean.match_text.index("Russia's Lavrov claims 'substantial progress'")
    assert clean.text[at:].startswith("Russia’s Lavrov claims ‘substantial progress’")


@pytest.mark.parametrize(
    ("seed", "removed"),
    [
        ("001", "(With agency inputs)\n"),  # the teasers must then go by structure alone
        ("000", "(Only the headline"),  # the paywall must then go by its own cues
    ],
)
def test_each_cue_works_without_the_end_marker(seeds, seed, removed):
    text = seeds[seed].text
    at = text.index(removed)
    without = text[:at] + text[text.index("\n", at) + 1 :]
    cleaned = clean_text(without).text
    for junk in JUNK[seed]:
        if junk in without:
            assert junk not in cleaned, f"{seed}: {junk!r} survived without {removed!r}"
    for sentence in KEPT[seed]:
        assert sentence in cleaned
