"""Cleaning rules on hand-made texts: structure and wording cues, broken words, offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chrono.ingest import clean_text
from chrono.ingest.clean import boilerplate

P1 = (
    "Negotiators from both countries met in Istanbul on Tuesday for the first talks in weeks, officials said."
)
P2 = "The two delegations agreed to meet again on Friday, according to a statement from the host government."
P3 = (
    "Observers said the mood was cautious, but both sides had presented written proposals for the first time."
)


def assert_exact_runs(text: str) -> str:
    """Clean `text`, check every run copies the raw text exactly, return the cleaned text."""
    clean = clean_text(text)
    ends = [*clean.starts[1:], len(clean.text)] if clean.starts else []
    for start, raw_start, end in zip(clean.starts, clean.raw_starts, ends, strict=True):
        assert end > start
        assert text[raw_start : raw_start + end - start] == clean.text[start:end]
    return clean.text


def test_teasers_between_separators_dropped_by_structure():
    teasers = (
        "-\nFloods close roads across the north\nHeavy rain closed dozens of roads on Sunday.\n"
        "-\nCentral bank holds rates steady\nThe bank kept its main rate unchanged for a third month.\n-\n"
    )
    text = f"Talks resume\n{P1}\n{P2}\n{teasers}"
    assert assert_exact_runs(text) == f"Talks resume\n{P1}\n{P2}\n"


def test_separator_before_long_sections_is_not_a_teaser_block():
    more = "Diplomats expect a further round of talks before the end of the month, two sources said."
    text = f"{P1}\n-\nBackground\n{P2}\n{more}\n-\nAnalysis\n{P3}\n"
    assert assert_exact_runs(text) == text


def test_end_marker_drops_the_rest():
    text = f"{P1}\n{P2}\n(With inputs from Reuters)\nSome other story\n{P3}\n"
    assert assert_exact_runs(text) == f"{P1}\n{P2}\n"


@pytest.mark.parametrize("mark", ["ENDS", "- Ends -", "Ends. Issued by the Harrow Police press office."])
def test_press_release_end_mark_drops_the_sign_off(mark):
    text = f"{P1}\n{P2}\n{mark}\nNotes to editors: the force serves 1.2 million people.\n"
    assert assert_exact_runs(text) == f"{P1}\n{P2}\n"


@pytest.mark.parametrize(
    "notes", ["Notes to editors: Arventra operates the grid.", "NOTES TO EDITORS", "Note for editors:"]
)
def test_a_releases_notes_to_editors_and_all_after_them_dropped(notes):
    text = f"{P1}\n{P2}\n{notes}\nThe company employs 2,100 people.\n"
    assert assert_exact_runs(text) == f"{P1}\n{P2}\n"


def test_cookie_banner_in_the_sites_words_dropped():
    banner = "This site uses cookies. By continuing to browse you agree to our use of cookies."
    assert assert_exact_runs(f"{banner}\n{P1}\n{P2}\n") == f"{P1}\n{P2}\n"


def test_paywall_block_ends_at_next_prose_paragraph():
    text = f"{P1}\nSubscribe to read the full story →\nPremium Annual\n$99\n1 Year\n\n{P2}\n"
    assert assert_exact_runs(text) == f"{P1}\n{P2}\n"


def test_repeated_lines_dropped_after_the_first():
    text = f"Talks resume in Istanbul\n{P1}\nTalks resume in Istanbul\n{P2}\n"
    assert assert_exact_runs(text) == f"Talks resume in Istanbul\n{P1}\n{P2}\n"


def test_repeated_long_paragraph_dropped_after_the_first():
    long = " ".join([P1, P2, P3, P1.lower(), P2.lower()])
    text = f"{long}\n{P3}\n{long}\n"
    assert assert_exact_runs(text) == f"{long}\n{P3}\n"


def test_labels_between_paragraphs_dropped_with_their_blank_lines():
    text = f"{P1}\n\nAdvertisement\n\n{P2}\n\nADVERTISEMENT\n\n{P3}\n"
    assert assert_exact_runs(text) == f"{P1}\n\n{P2}\n\n{P3}\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "The advertisement campaign ran for weeks before the vote, organisers said on Monday.",
        "On Tuesday, officials said the talks would continue.",
        "By the end of the day, both sides had left the hotel.",
        "Trending upwards since March, prices rose again on Friday, the statistics office said.",
        "Published reports said the minister would resign, but she denied it on Thursday.",
        "Ends of the bridge were closed on Monday after the crash, police said.",
        "The trial ends. Jurors will be sent out on Friday, the judge said on Thursday.",
    ],
)
def test_article_sentences_with_furniture_words_are_kept(sentence):
    text = f"{P1}\n{sentence}\n{P2}\n"
    assert assert_exact_runs(text) == text


@pytest.mark.parametrize(
    ("raw", "joined"),
    [
        ("The minister anno\nunced the plan on Monday.", "The minister announced the plan on Monday."),
        ("The negoti-\nations resumed on Monday.", "The negotiations resumed on Monday."),
        ("A well-\nknown diplomat arrived.", "A well-known diplomat arrived."),
        (
            "President Zelen\nskyy spoke. Zelenskyy said talks went well.",
            "President Zelenskyy spoke. Zelenskyy said talks went well.",
        ),
        ("Line one ends here\r\nand the next goes on.", "Line one ends here\r\nand the next goes on."),
        ("The peace talks\nmade little progress.", "The peace talks\nmade little progress."),
        ("They met any\nway they could.", "They met any\nway they could."),
        ("President Zelen\nskyy spoke.", "President Zelen\nskyy spoke."),  # unknown and not in the article
    ],
)
def test_broken_words(raw, joined):
    assert assert_exact_runs(raw) == joined


def test_to_raw_after_a_join():
    text = "Talks were prom\nised on Monday."
    clean = clean_text(text)
    at = clean.text.index("on Monday")
    assert clean.to_raw(at) == text.index("on Monday")
    assert clean.to_raw(0) == 0


def test_match_text_same_length_plain_quotes():
    text = "“We’re ready” — he said – ‘again’…\u00a0ok"
    clean = clean_text(text)
    assert clean.text == text
    assert clean.match_text == "\"We're ready\" - he said - 'again'. ok"


def test_everything_furniture_gives_empty_clean_text():
    clean = clean_text("Advertisement\n\nTrending\n")
    assert (clean.text, clean.starts, clean.raw_starts) == ("", (), ())


def test_boilerplate_data_loads_with_every_kind():
    rules = boilerplate()
    assert rules.line.fullmatch("advertisement")
    assert rules.contains.search("your email address will not be published.")
    assert rules.end.fullmatch("(with agency inputs)")
    assert rules.block.fullmatch("subscribe to read the full story")


LINE_POOL = [
    P1,
    P2,
    P3,
    "",
    "  ",
    "-",
    "Advertisement",
    "Trending",
    "Leave a Reply",
    "(With agency inputs)",
    "Subscribe to read the full story",
    "₹300/Month",
    "Talks resume in Istanbul",
    "The minister anno",
    "unced the plan.",
    "“Quoted” — text…",
    "negoti-",
]


@given(
    lines=st.lists(st.one_of(st.sampled_from(LINE_POOL), st.text(max_size=30)), max_size=25),
    crlf=st.booleans(),
)
@settings(max_examples=150, deadline=None)
def test_runs_always_copy_the_raw_text_exactly(lines, crlf):
    text = ("\r\n" if crlf else "\n").join(lines)
    clean = clean_text(text)
    assert_exact_runs(text)
    assert list(clean.starts) == sorted(set(clean.starts))
    assert list(clean.raw_starts) == sorted(set(clean.raw_starts))
    assert len(clean.match_text) == len(clean.text)
    assert all(text[clean.to_raw(i)] == ch for i, ch in enumerate(clean.text))


@pytest.mark.parametrize(
    "foot",
    [
        "Mara Quint was ambassador to Valdren from 2015 to 2019. The views expressed are her own.",
        "The views expressed here are the author's own.",
    ],
)
def test_an_opinion_pieces_tagline_and_disclaimer_end_it(foot):
    assert assert_exact_runs(f"{P1}\n{P2}\n{foot}\nMore from the Review.\n") == f"{P1}\n{P2}\n"


@pytest.mark.parametrize(
    "label", ["Sponsored: Tarrand Mutual savings accounts pay 3.1 percent.", "Advertisement - Try Vell Bank."]
)
def test_an_advert_under_its_label_dropped(label):
    assert assert_exact_runs(f"{P1}\n{label}\n{P2}\n") == f"{P1}\n{P2}\n"


@pytest.mark.parametrize(
    "line",
    [
        "Members read on for free. Join Sixty-Four for full annotations of every game.",
        "Subscribers can keep reading",
        # a paywall notice with the story going on below it (dev32)
        "This article is for subscribers. Subscribe from 1 mark for the first month.",
        "You've reached your limit of free articles. Become a Goal Line member for 3 marks a month.",
        "That's all from us tonight. Thanks for following.",
        "That is it for today.",
        "We're closing the live blog for tonight. Thanks for all your photos.",
        # a correction note and a print edition's page pointers (dev31)
        "Correction: An earlier version of this story said the ruling was given on Thursday. It was given on Wednesday.",
        "Parish council news, page 6. Letters, page 9.",
        # a call to join with its pitch (dev33)
        "Join the Bank Staff Union today. Solidarity costs less than a coffee a week.",
        "Donate to our appeal.",
    ],
)
def test_a_paywall_offer_or_a_live_blogs_sign_off_between_paragraphs_dropped(line):
    assert assert_exact_runs(f"{P1}\n{line}\n{P2}\n") == f"{P1}\n{P2}\n"


@pytest.mark.parametrize(
    "line",
    [
        "We are closing the road for repairs on Monday.",
        "The council put the plan on page 6 of its agenda.",
        "Join the queue, officials told drivers on Monday, as the bridge stayed shut for a third day.",
    ],
)
def test_news_like_a_sign_off_or_a_page_pointer_kept(line):
    assert assert_exact_runs(f"{P1}\n{line}\n{P2}\n") == f"{P1}\n{line}\n{P2}\n"
