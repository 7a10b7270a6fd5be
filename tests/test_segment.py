"""The sentence splitter on the traps of news text."""

from __future__ import annotations

import pytest

from chrono.segment import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The meeting ended at 5 p.m. Officials left.", ["The meeting ended at 5 p.m.", "Officials left."]),
        ("It starts at 9 a.m. EST on Monday.", ["It starts at 9 a.m. EST on Monday."]),
        (
            "He was seized at 10 p.m. Wednesday, police said. A ransom was asked.",
            ["He was seized at 10 p.m. Wednesday, police said.", "A ransom was asked."],
        ),
        (
            "The blast came at 10:35 a.m. (0735 GMT) Friday. The building fell.",
            ["The blast came at 10:35 a.m. (0735 GMT) Friday.", "The building fell."],
        ),
        (
            "Sen. Cory Booker (D-N.J.) said no. It was over.",
            ["Sen. Cory Booker (D-N.J.) said no.", "It was over."],
        ),
        (
            "He grew up in Buffalo, N.Y. His name was Paul.",
            ["He grew up in Buffalo, N.Y.", "His name was Paul."],
        ),
        (
            "U.S. President Joe Biden spoke. The U.S. Army left.",
            ["U.S. President Joe Biden spoke.", "The U.S. Army left."],
        ),
        ("They met in the U.S. The talks failed.", ["They met in the U.S.", "The talks failed."]),
        (
            "Gen. Mark Milley and John F. Kennedy Jr. agreed.",
            ["Gen. Mark Milley and John F. Kennedy Jr. agreed."],
        ),
        ("It was signed on Jan. 5. No. 7 came next.", ["It was signed on Jan. 5.", "No. 7 came next."]),
        (
            'Peskov said, "Moscow considered it "positive" that Kyiv had started in writing." '
            '"There is a lot of work," he added.',
            [
                'Peskov said, "Moscow considered it "positive" that Kyiv had started in writing."',
                '"There is a lot of work," he added.',
            ],
        ),
        ("“Is it over?” he asked. “Yes.” She left.", ["“Is it over?” he asked.", "“Yes.”", "She left."]),
        (
            "MOSCOW, April 6 (Reuters) - Russia said on Wednesday it would go. Talks resume.",
            ["MOSCOW, April 6 (Reuters) - Russia said on Wednesday it would go.", "Talks resume."],
        ),
        (
            "Headline without a stop\n\n- The body starts here. More follows.",
            ["Headline without a stop", "The body starts here.", "More follows."],
        ),
        (
            "“Has there been movement? Yeah. We think so. Small numbers,” said Kirby. “But we believe it.”",
            [
                "“Has there been movement? Yeah. We think so. Small numbers,” said Kirby.",
                "“But we believe it.”",
            ],
        ),
        (
            '"The quote never closes. So sentences split. As usual.',
            ['"The quote never closes.', "So sentences split.", "As usual."],
        ),
        (
            "Storm hits coast\n\nA powerful storm made landfall near the city on Friday, cutting\n"
            "power to 200,000 homes across the region, the national utility\n"
            "Energia said in a statement. Schools will stay closed on Monday,\n"
            "the ministry said.\n",
            [
                "Storm hits coast",
                "A powerful storm made landfall near the city on Friday, cutting\npower to 200,000 homes "
                "across the region, the national utility\nEnergia said in a statement.",
                "Schools will stay closed on Monday,\nthe ministry said.",
            ],
        ),
        ("a sentence wrapped by the\nprinter goes on.", ["a sentence wrapped by the\nprinter goes on."]),
        (  # a transcript's speaker labels (one speaks again) are not part of what is said (dev32)
            "NEWSREADER: Varga has asked to leave.\n\nANNA ROTH: He put it in writing.\n"
            "ANNA ROTH: Note: it stands.",
            ["Varga has asked to leave.", "He put it in writing.", "Note: it stands."],
        ),
        (  # labels none of which comes back are the text's headings, kept
            "AMMAN: Iraqis abroad start voting.\nCAIRO: The parliament meets.",
            ["AMMAN: Iraqis abroad start voting.", "CAIRO: The parliament meets."],
        ),
        (
            "focus on operations in theatres and . . . complete it.",
            ["focus on operations in theatres and . . . complete it."],
        ),
    ],
)
def test_traps(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_index_the_text() -> None:
    text = "  First one.  Second one!\n\nThird?  "
    spans = split_sentences(text)
    assert spans == [(2, 12), (14, 25), (27, 33)]
