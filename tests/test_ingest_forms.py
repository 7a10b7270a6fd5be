"""Ingest: every input form of contract section 2, ids, and the publish-date precedence."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from chrono.ingest import Article, iter_articles, read_articles

DATA = Path(__file__).parent / "data" / "ingest"
BODY = "Talks between the two delegations resumed in Istanbul on Tuesday, officials said.\n"


def by_id(inputs: list[Path]) -> dict[str, Article]:
    articles, _ = read_articles(inputs)
    return {a.id: a for a in articles}


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def html_page(meta: str, body: str = BODY) -> str:
    paragraphs = "".join(f"<p>{body.strip()} Paragraph {n} adds detail on the talks.</p>" for n in range(3))
    head = f"<head><title>Talks resume</title>{meta}</head>"
    return f"<html>{head}<body><article>{paragraphs}</article></body></html>"


def test_folder_ids_sidecar_precedence_and_skips():
    articles, problems = read_articles([DATA / "folder"])
    found = {a.id: (a.published, a.published_from) for a in articles}
    assert found == {
        "articles.jsonl#2": (date(2022, 3, 30), "jsonl"),
        "articles.jsonl#a1": (date(2022, 3, 30), "jsonl"),
        "bad_date.txt": (date(2022, 3, 29), "date line"),  # malformed sidecar date falls through
        "plain.txt": (date(2022, 3, 28), "metadata.csv"),  # sidecar beats the date line
        "sub/nested.txt": (date(2022, 3, 26), "metadata.csv"),  # file_name with a sub-folder; -08:00 kept
        "undated_cell.txt": (date(2022, 3, 30), "date line"),  # empty cell falls through
        "with_front_matter.md": (date(2022, 3, 27), "metadata.csv"),  # sidecar beats front matter
    }
    assert [a.id for a in articles] == sorted(found)  # sorted; hidden and .pdf files skipped
    assert [str(p) for p in problems] == [
        f"warning: {DATA / 'folder' / 'metadata.csv'}:6: metadata.csv: published: '2022-13-45' "
        "is not a valid date; ignored"
    ]


def test_sidecar_fills_text_fields_and_empty_cells_fall_through():
    articles = by_id([DATA / "folder"])
    plain = articles["plain.txt"]
    assert (plain.title, plain.source, plain.url) == (
        "Sidecar title",
        "Sidecar Source",
        "https://example.org/plain",
    )
    fm = articles["with_front_matter.md"]  # empty sidecar cells: the front matter's own values
    assert (fm.title, fm.source, fm.url) == (
        "Front matter title",
        "Front Matter Weekly",
        "https://example.org/fm",
    )
    assert fm.text == BODY
    assert articles["undated_cell.txt"].title == "Undated cell"


def test_date_line_is_removed_from_the_text():
    articles = by_id([DATA / "folder"])
    assert articles["plain.txt"].text == BODY  # "Date: March 1, 2022" line removed though unused
    assert articles["bad_date.txt"].text == "Talks resume in Istanbul\n" + BODY


def test_file_given_directly_uses_its_name_and_its_folder_sidecar():
    articles = by_id([DATA / "folder" / "sub" / "nested.txt", DATA / "folder" / "plain.txt"])
    assert set(articles) == {"nested.txt", "plain.txt"}
    assert articles["plain.txt"].published_from == "metadata.csv"
    assert articles["nested.txt"].published is None  # the sidecar lives in the parent folder


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-03-30T23:30:00+05:30", date(2022, 3, 30)),
        ("2022-03-31T01:30:00+05:30", date(2022, 3, 31)),  # 2022-03-30 in UTC: the outlet's date wins
        ("2022-03-30T20:00:00-08:00", date(2022, 3, 30)),  # 2022-03-31 in UTC
        ("2022-03-30", date(2022, 3, 30)),
        ("March 30, 2022", date(2022, 3, 30)),
    ],
)
def test_outlet_date_in_front_matter_jsonl_and_html(tmp_path, value, expected):
    write(tmp_path / "fm.md", f"---\npublished: {value}\n---\n{BODY}")
    line = {"id": "x", "text": BODY, "published": value}
    write(tmp_path / "lines.jsonl", json.dumps(line) + "\n")
    write(tmp_path / "page.html", html_page(f'<meta property="article:published_time" content="{value}">'))
    articles = by_id([tmp_path])
    assert articles["fm.md"].published == expected
    assert articles["fm.md"].published_from == "front matter"
    assert articles["lines.jsonl#x"].published == expected
    assert articles["lines.jsonl#x"].published_from == "jsonl"
    assert articles["page.html"].published == expected
    assert articles["page.html"].published_from == "html: article:published_time"


@pytest.mark.parametrize(
    ("first_line", "expected"),
    [
        (" date 2022-03-30 Headline of the story\n", date(2022, 3, 30)),
        ("Date: March 30, 2022\n", date(2022, 3, 30)),
        ("Published: 30 March 2022\n", date(2022, 3, 30)),
        ("Wednesday, March 30, 2022\n", date(2022, 3, 30)),
        ("Updated: March 31, 2022\n", None),  # a modified date is never the publish date
        ("March 2022 was a hard month.\n", None),  # prose, not a date line
    ],
)
def test_leading_date_line(tmp_path, first_line, expected):
    write(tmp_path / "a.txt", first_line + BODY)
    article = by_id([tmp_path])["a.txt"]
    assert article.published == expected
    if expected is None:
        assert article.published_from is None
        assert article.text == first_line + BODY
    else:
        assert article.published_from == "date line"
        assert article.text.endswith(BODY) and "2022" not in article.text


def test_undated_article_and_relative_metadata(tmp_path):
    write(tmp_path / "undated.txt", BODY)
    write(tmp_path / "rel.md", f"---\npublished: yesterday\n---\n{BODY}")
    articles, problems = read_articles([tmp_path])
    assert [(a.id, a.published, a.published_from) for a in articles] == [
        ("rel.md", None, None),
        ("undated.txt", None, None),
    ]
    assert [p.where for p in problems] == [str(tmp_path / "rel.md")]
    assert "not an absolute date" in problems[0].message


def test_markdown_front_matter_removed_and_fields_read(tmp_path):
    write(tmp_path / "a.markdown", f"---\ntitle: 'Talks: day two'\nsource: Wire\n---\n{BODY}")
    article = by_id([tmp_path])["a.markdown"]
    assert (article.title, article.source, article.text) == ("Talks: day two", "Wire", BODY)


def test_front_matter_yaml_refuses_read_as_key_value_lines(tmp_path):
    """An unquoted colon in a title breaks the YAML: the article keeps its date, with a one-line warning."""
    front = "title: Talks: day two\npublished: 2026-11-11\nsource: 'Wire'"
    write(tmp_path / "a.md", f"---\n{front}\n---\n{BODY}")
    articles, problems = read_articles([tmp_path])
    assert [(a.title, a.source, a.published, a.text) for a in articles] == [
        ("Talks: day two", "Wire", date(2026, 11, 11), BODY)
    ]
    assert [(p.where, p.line) for p in problems] == [(str(tmp_path / "a.md"), 2)]
    assert "front matter is not valid YAML" in problems[0].message


def test_text_kept_as_read_crlf_and_bom(tmp_path):
    raw = "Headline\r\n\r\n" + BODY.replace("\n", "\r\n")
    (tmp_path / "crlf.txt").write_bytes(b"\xef\xbb\xbf" + raw.encode())
    write(tmp_path / "utf16.txt", "\ufeff" + BODY, encoding="utf-16-le")
    articles = by_id([tmp_path])
    assert articles["crlf.txt"].text == raw
    assert articles["utf16.txt"].text == BODY


def test_html_main_text_excludes_nav_cookie_banner_and_comments():
    page = by_id([DATA / "html"])["nav_cookie_comments.html"]
    assert "Negotiators from both countries met in Istanbul on Tuesday" in page.text
    assert "written proposals" in page.text
    for junk in ("Weekend Weather Forecast", "cookies", "Reader Jane", "Leave a Reply", "Copyright"):
        assert junk not in page.text
    assert (page.published, page.published_from) == (date(2022, 3, 30), "html: article:published_time")
    assert page.title == "Negotiators meet again in Istanbul"
    assert page.source == "The Example Times"
    assert page.url == "https://news.example.com/world/negotiators-meet-again"


def test_html_json_ld_published_wins_over_later_modified():
    page = by_id([DATA / "html"])["jsonld_published_modified.html"]
    assert (page.published, page.published_from) == (date(2022, 3, 30), "html: JSON-LD datePublished")
    assert page.source == "Example Daily"
    assert page.text.startswith("Ceasefire talks stall over security guarantees\n")


def test_html_sidecar_beats_page_metadata(tmp_path):
    write(tmp_path / "p.html", html_page('<meta property="article:published_time" content="2022-03-30">'))
    write(tmp_path / "metadata.jsonl", json.dumps({"file_name": "p.html", "published": "2022-04-01"}) + "\n")
    page = by_id([tmp_path])["p.html"]
    assert (page.published, page.published_from) == (date(2022, 4, 1), "metadata.jsonl")


def test_duplicate_ids_keep_the_first(tmp_path):
    write(tmp_path / "one" / "a.txt", "First copy. " + BODY)
    write(tmp_path / "two" / "a.txt", "Second copy. " + BODY)
    articles, problems = read_articles([tmp_path / "one", tmp_path / "two"])
    assert [a.text[:12] for a in articles] == ["First copy. "]
    assert len(problems) == 1 and "duplicate article id 'a.txt'" in problems[0].message
    assert problems[0].where == str(tmp_path / "two" / "a.txt")


def test_seeds_publish_dates():
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    found = {a.id[:3]: (a.published.isoformat(), a.published_from) for a in read_articles([seeds])[0]}
    assert found == {
        "000": ("2022-04-06", "metadata.csv"),
        "001": ("2022-03-30", "date line"),
        "002": ("2024-07-25", "metadata.csv"),
        "003": ("2022-03-30", "metadata.csv"),
        "004": ("2022-03-30", "metadata.csv"),
    }


def test_undated_wire_item_takes_its_dateline_day_in_the_year_of_its_files_other_items(tmp_path):
    """A wire item with no publish date opening "PORTH ORRAN, May 19 (Tarn Press) -" was filed on
    May 19 of the year nearest its file's other items (Dec 30 before Jan 2 is the year before);
    a dateline with its own year, no dateline, or a file with no dated item leave it undated."""
    lines = [
        {"id": "a", "published": "2026-05-12", "text": "BRENMOOR, May 12 (Tarn Press) - Divers went in."},
        {"id": "b", "text": "PORTH ORRAN, May 19 (Tarn Press) - Six pilot whales beached again."},
        {"id": "c", "text": "Six pilot whales beached again near Porth Orran on Tuesday."},
        {"id": "d", "text": "LONDON, May 19, 2024 (Tarn Press) - Six pilot whales beached again."},
        {"id": "e", "published": "2026-05-26", "text": "CARROWMERE, May 26 (Tarn Press) - Rieck quit."},
    ]
    write(tmp_path / "wire" / "wire.jsonl", "".join(json.dumps(line) + "\n" for line in lines))
    winter = [{"id": "j", "published": "2027-01-02", "text": "OSLO (AP) - Snow."}]
    winter.append({"id": "k", "text": "OSLO, Dec. 30 (AP) - Ice."})
    write(tmp_path / "winter" / "w.jsonl", "".join(json.dumps(line) + "\n" for line in winter))
    write(tmp_path / "alone" / "alone.jsonl", json.dumps(lines[1]) + "\n")
    found = {
        a.id: (a.published, a.published_from)
        for folder in ("wire", "winter", "alone")
        for a in read_articles([tmp_path / folder])[0]
    }
    assert found["wire.jsonl#b"] == (date(2026, 5, 19), "dateline 'May 19', year of wire.jsonl's other items")
    assert found["w.jsonl#k"] == (date(2026, 12, 30), "dateline 'Dec. 30', year of w.jsonl's other items")
    assert found["wire.jsonl#c"] == found["wire.jsonl#d"] == found["alone.jsonl#b"] == (None, None)
    assert found["wire.jsonl#e"] == (date(2026, 5, 26), "jsonl")
    in_order = [item.id for item in iter_articles([tmp_path / "wire"]) if isinstance(item, Article)]
    assert in_order == [f"wire.jsonl#{key}" for key in "abcde"]


@pytest.mark.parametrize(
    "byline",
    [
        "By Selma Hart | Thursday 17 September 2026",
        # htmldate finds nothing in this one: the byline's own date is read (dev32)
        "By Selma Hart, business reporter | Thursday 17 September 2026",
    ],
)
def test_a_page_dated_only_by_its_visible_byline_says_so(tmp_path, byline):
    page = html_page("").replace("<article>", f'<article><p class="byline">{byline}</p>')
    write(tmp_path / "page.html", page)
    found = by_id([tmp_path])["page.html"]
    assert (found.published, found.published_from) == (date(2026, 9, 17), "html: byline")
