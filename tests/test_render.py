"""`chrono build`'s site: real Jinja2 and `mkdocs build --strict` on the hand-made fixture and the seeds."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from lxml import html

from chrono import render
from chrono.errors import RenderError
from chrono.export import export_timeline, timeline_json
from chrono.models import Event, Mention, Timeline, timeline_schema
from chrono.render import DATA_FILES, build_site
from chrono.site.charts import events_chart
from chrono.site.pages import MONTH_SPLIT, periods, render_pages

FIXTURE = Path(__file__).parent / "data" / "site" / "timeline.json"


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return Timeline.model_validate_json(FIXTURE.read_bytes())


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, timeline: Timeline) -> Path:
    out = tmp_path_factory.mktemp("render") / "site"
    build_site(timeline, out)
    return out


def _doc(path: Path) -> html.HtmlElement:
    return html.fromstring(path.read_bytes())


def _text(path: Path) -> str:
    """The page's article text (not the theme's scripts), white space collapsed."""
    return " ".join(_doc(path).xpath("//article")[0].text_content().replace("¶", "").split())


def _event(doc: html.HtmlElement, event_id: str) -> str:
    """Text of an event's section: its heading up to the next event heading."""
    heading = doc.get_element_by_id(event_id)
    parts = [heading.text_content()]
    for sibling in heading.itersiblings():
        if sibling.tag == "h2":
            break
        parts.append(sibling.text_content())
    return " ".join(" ".join(parts).split())


def test_site_has_pages_and_the_canonical_timeline_and_schema(site: Path, timeline: Timeline) -> None:
    for page in ("index.html", "timeline/index.html", "sources.html", "review.html", "entities.html"):
        assert (site / page).is_file(), page
    assert (site / "timeline.json").read_bytes() == timeline_json(timeline)
    assert json.loads((site / "timeline.schema.json").read_text()) == timeline_schema()
    # Every export sits beside the pages, as `chrono export` writes it.
    for name, fmt in DATA_FILES.items():
        assert (site / name).read_bytes() == export_timeline(timeline, fmt), name
    # Nothing loads from the network: no web fonts, no CDN scripts or styles.
    for page in site.rglob("*.html"):
        text = page.read_text()
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
        assert not re.search(r"<(?:script|link)[^>]+(?:src|href)=\"(?:https?:)?//", text), page


def test_every_event_is_on_its_period_page_with_an_honest_date(site: Path, timeline: Timeline) -> None:
    docs = {p.stem: _doc(p) for p in (site / "timeline").glob("*.html")}
    for event in timeline.events:
        assert sum(event.id in {el.get("id") for el in d.iter()} for d in docs.values()) == 1, event.id
    assert set(docs) == {"index", "2021", "2022", "2023", "undated"}
    assert _event(docs["2021"], [e for e in timeline.events if e.date == "2021-W13"][0].id).startswith(
        "week of 29 March 2021 — Negotiators met in Minsk"
    )
    labels = {e.date: _event(docs[e.date[:4]], e.id).split(" — ")[0] for e in timeline.events if e.date}
    assert labels["2021-03"] == "March 2021"
    assert labels["2022-03-29"] == "29 March 2022"
    assert labels["2023"] == "2023"
    span = next(e for e in timeline.events if e.date_end)
    assert _event(docs["2022"], span.id).startswith("5 April 2022 – 7 April 2022 — Humanitarian corridors")


def test_event_shows_badges_sources_quotes_and_why_this_date(site: Path, timeline: Timeline) -> None:
    doc = _doc(site / "timeline" / "2022.html")
    by_summary = {e.summary.split()[0] + e.summary.split()[1]: e for e in timeline.events}
    conflict = _event(doc, by_summary["Russianand"].id)
    assert "conflicting dates" in conflict and "future" not in conflict
    assert "The Evening Ledger (test)" in conflict and "Northern Courier (test)" in conflict
    assert "published 30 March 2022" in conflict and "This source dates the event: 28 March 2022" in conflict
    assert "the Monday before the publish date 2022-03-31" in conflict
    future = _event(doc, by_summary["Talkswere"].id)
    assert "future" in future and "conflicting" not in future
    edited = _event(doc, by_summary["Parliamentwas"].id)
    assert "edited" in edited and "date pinned to 2022-05-12" in edited
    heading = doc.get_element_by_id(by_summary["Russianand"].id)
    source_link = heading.getparent().xpath(".//p[@class='chrono-source']/a")[0]
    assert source_link.get("href") == "https://example.org/ledger/istanbul-talks"
    assert (
        doc.xpath("//details[contains(@class, 'question')]/summary")[0].text_content().strip()
        == "Why this date"
    )


def test_input_text_is_shown_literally_never_interpreted(site: Path) -> None:
    doc = _doc(site / "timeline" / "2022.html")
    text = doc.text_content()
    assert "Kremlin says no breakthrough <b>yet</b> in talks & {{ 7*7 }}" in text
    assert "no breakthrough <yet>, Peskov told reporters on Wednesday — *still* {{ nothing }}." in text
    assert not doc.xpath("//article//b | //article//em | //article//yet")
    hrefs = [a.get("href") for p in site.rglob("*.html") for a in _doc(p).iter("a") if a.get("href")]
    assert not [h for h in hrefs if "javascript" in h.lower()]
    # The article whose URL is javascript: is still cited, by its title, without a link.
    sources = _text(site / "sources.html")
    assert "Withdrawal from Kyiv region described as goodwill gesture" in sources
    assert "Link: javascript:alert('x')" in sources


def test_sources_review_and_entities_pages(site: Path) -> None:
    sources = _text(site / "sources.html")
    assert "Published: undated" in sources and "File: undated-blog.txt" in sources
    assert "Published: 31 March 2022 (from html: article:published_time)" in sources
    assert "Warning: warning: 2022/courier-0331.html: two publish dates on the page" in sources
    review = _text(site / "review.html")
    assert (
        "Conflicting dates (1)" in review
        and "Undated events (2)" in review
        and "Undated articles (1)" in review
    )
    assert "“soon” in undated-blog.txt" in review and "Edited events (1)" in review
    people = _text(site / "entities.html")
    assert "Volodymyr Zelenskyy Also written: Zelensky" in people
    # Every link on the review and entities pages leads to an existing event anchor.
    for page in ("review.html", "entities.html", "sources.html"):
        hrefs = _doc(site / page).xpath("//article//a[contains(@href, 'timeline/')]/@href")
        assert hrefs and all("#" in h for h in hrefs)
        for href in hrefs:
            target, _, anchor = href.partition("#")
            assert _doc(site / target).get_element_by_id(anchor) is not None, href


def test_home_page_counts_and_chart(site: Path) -> None:
    doc = _doc(site / "index.html")
    text = _text(site / "index.html")
    assert "covers March 2021 to 14 January 2023: 16 events reported in 7 articles from 4 outlets" in text
    bars = doc.xpath("//svg//rect")
    assert len(bars) == 23  # March 2021 .. January 2023, one bar a month, empty months included
    assert doc.xpath("//svg//a/@href")[0] == "timeline/2021.html"
    assert "2 events dated less precisely than a month are not in the chart" in text


def test_chart_uses_days_for_a_short_span() -> None:
    chart = events_chart(
        ["2022-03-28", "2022-03-29", "2022-03-29", "2022-04-02", "2022"], lambda day, unit: "x"
    )
    assert chart is not None and chart.unit == "day" and chart.left_out == 1
    assert chart.svg.count("<rect") == 6 and "29 March 2022: 2 events" in chart.svg
    assert events_chart([], lambda day, unit: "x") is None


def _events(dates: list[str | None]) -> list[Event]:
    mention = Mention(article="a.txt", text="x", start=0, end=1, date=None, timex=None)
    return [Event(id=f"e{i}", date=d, summary=f"s{i}", mentions=[mention]) for i, d in enumerate(dates)]


def test_a_busy_year_is_split_by_month_and_a_sparse_one_is_not() -> None:
    busy = ["2022"] + ["2022-01-10", "2022-03-10"] * (MONTH_SPLIT // 2) + ["2022-W09"]
    timeline = Timeline(articles=[], events=_events(["2020-05-01", *busy, None]))
    pages = periods(timeline)
    assert [p.key for p in pages] == ["2020", "2022", "2022-01", "2022-02", "2022-03", "undated"]
    assert [p.title for p in pages][:2] == ["2020", "2022: events dated only by year"]
    # A week goes to the month of its Monday: 2022-W09 starts on 28 February.
    assert [e.date for e in pages[3].events] == ["2022-W09"] and pages[3].title == "February 2022"
    assert sum(len(p.events) for p in pages) == len(timeline.events)
    # The home chart's March bar links to the March page, not to the year-only page.
    home = render_pages(timeline)["index.md"]
    assert '<a href="timeline/2022-03.html"><rect' in home and '<a href="timeline/2022.html"' not in home


def test_hostile_event_ids_become_safe_anchors_and_stay_inside_out_dir(tmp_path: Path) -> None:
    events = _events(["2022-03-01", "2022-03-02"])
    hostile = [events[0].model_copy(update={"id": '../../escape"><script>x</script>'}), events[1]]
    timeline = Timeline(articles=[], events=hostile)
    build_site(timeline, tmp_path / "out")
    anchor = "e-" + hashlib.sha256(hostile[0].id.encode()).hexdigest()[:16]
    doc = _doc(tmp_path / "out" / "timeline" / "2022.html")
    assert doc.get_element_by_id(anchor) is not None and not doc.xpath("//article//script")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_failed_build_keeps_the_previous_site_and_leaves_no_temporary_folders(
    tmp_path: Path, timeline: Timeline
) -> None:
    out = tmp_path / "site"
    build_site(timeline, out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    broken = tmp_path / "templates"
    broken.mkdir()
    (broken / "review.md.j2").write_text("# Review\n\n{{ site.no_such_field }}\n")
    with pytest.raises(RenderError, match="review.md.j2.*no_such_field"):
        build_site(timeline, out, templates_dir=broken)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "templates"]


def test_a_build_removes_what_a_killed_build_left_and_keeps_a_running_one(
    tmp_path: Path, timeline: Timeline
) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    killed = tmp_path / f".site.building-{gone.pid}-x1y2"  # a build killed before its clean-up
    running = tmp_path / f".site.building-{os.getppid()}-a3b4"  # a build that is still going
    for folder in (killed, running):
        (folder / "timeline").mkdir(parents=True)
        (folder / "timeline" / "index.html").write_text("half written")
    build_site(timeline, tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["site", running.name])


def test_user_templates_override_single_pages_and_a_rebuild_replaces_the_site(
    tmp_path: Path, timeline: Timeline
) -> None:
    out = tmp_path / "site"
    build_site(timeline, out)
    (out / "stale.html").write_text("from an older build")
    mine = tmp_path / "templates"
    mine.mkdir()
    (mine / "index.md.j2").write_text(
        "# Our newsroom's chronology\n\n{{ site.timeline.events|length }} events.\n"
    )
    build_site(timeline, out, templates_dir=mine)
    assert _text(out / "index.html") == "Our newsroom's chronology 16 events."
    assert "Our newsroom" in (out / "index.html").read_text()
    assert (out / "review.html").is_file() and not (out / "stale.html").exists()


def test_refuses_to_replace_a_folder_that_is_not_a_chrono_site(tmp_path: Path, timeline: Timeline) -> None:
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work")
    with pytest.raises(RenderError, match="not a chrono site"):
        build_site(timeline, precious)
    assert (precious / "thesis.txt").read_text() == "years of work"


def test_same_timeline_gives_the_same_site_serial_or_parallel(
    tmp_path: Path, timeline: Timeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert render_pages(timeline) == render_pages(timeline)
    build_site(timeline, tmp_path / "a", jobs=1)
    monkeypatch.setattr(render, "PARALLEL_EVENTS", 0)  # the fixture is small: make it take the forked path
    build_site(timeline, tmp_path / "b", jobs=2)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    for rel in files:  # the gzipped sitemap too: its time stamp is the newest source's date, not the build's
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel
    newest = max(date.fromisoformat(a.published) for a in timeline.articles if a.published)
    stamp = int.from_bytes((tmp_path / "a" / "sitemap.xml.gz").read_bytes()[4:8], "little")  # gzip MTIME
    assert datetime.fromtimestamp(stamp, UTC).date() == newest


def test_cli_build_of_the_seeds(tmp_path: Path, run_chrono) -> None:  # type: ignore[no-untyped-def]
    done = run_chrono("build", "seeds", "-o", str(tmp_path / "site"))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    extracted = run_chrono("extract", "seeds")
    built = (tmp_path / "site" / "timeline.json").read_text()
    events = json.loads(extracted.stdout)["events"]
    ids = {el.get("id") for p in (tmp_path / "site" / "timeline").glob("*.html") for el in _doc(p).iter()}
    assert events and {e["id"] for e in events} <= ids
    assert built == extracted.stdout


def _entry_point_path(tmp_path: Path) -> str:
    """A PYTHONPATH that registers the plugin's entry point when the installed package does not yet."""
    from importlib.metadata import entry_points

    if any(ep.name == "chrono" for ep in entry_points(group="mkdocs.plugins")):
        return ""
    info = tmp_path / "ep" / "chrono_plugin_test-0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: chrono-plugin-test\nVersion: 0\n")
    (info / "entry_points.txt").write_text("[mkdocs.plugins]\nchrono = chrono.mkdocs_plugin:ChronoPlugin\n")
    return str(tmp_path / "ep")


def _mkdocs_build(tmp_path: Path, plugin_options: str) -> Path:
    """A host MkDocs site with the chrono plugin, built for real with --strict; returns its site folder."""
    repo = Path(__file__).resolve().parents[1]
    host = tmp_path / "host"
    (host / "docs").mkdir(parents=True)
    (host / "docs" / "index.md").write_text("# Our project\n\nSee [the chronology](chronology/index.md).\n")
    (host / "mkdocs.yml").write_text(
        "site_name: Host\ntheme:\n  name: material\n  font: false\n"
        f"plugins:\n  - search\n  - chrono:\n{plugin_options}      prefix: chronology\n"
    )
    path = os.pathsep.join(filter(None, [str(repo), _entry_point_path(tmp_path)]))
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(host / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": path},
        cwd=host,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return host / "site"


def test_mkdocs_plugin_adds_the_pages_to_an_existing_site(tmp_path: Path) -> None:
    built = _mkdocs_build(tmp_path, f"      timeline: {FIXTURE}\n") / "chronology"
    timeline = Timeline.model_validate_json(FIXTURE.read_bytes())
    assert (built / "timeline.json").read_bytes() == timeline_json(timeline)
    page = _doc(built / "timeline" / "2022" / "index.html")  # the host's directory URLs
    assert page.get_element_by_id(timeline.events[2].id) is not None
    home = _doc(built / "index.html")
    assert home.xpath("//svg//a/@href")[0] == "timeline/2021/"
    assert (built / "assets" / "chrono.css").is_file()


def test_mkdocs_plugin_reads_articles_itself(tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    built = _mkdocs_build(tmp_path, f"      inputs: [{seeds}]\n") / "chronology"
    events = json.loads((built / "timeline.json").read_text())["events"]
    ids = {el.get("id") for p in (built / "timeline").rglob("index.html") for el in _doc(p).iter()}
    assert events and {e["id"] for e in events} <= ids


def test_a_big_site_splits_pages_skips_markdown_and_keeps_search_small(
    tmp_path: Path, timeline: Timeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The limits that keep a 100k-article site's build linear, made tiny so the fixture crosses them."""
    from chrono.site import pages

    monkeypatch.setattr(pages, "PAGE_EVENTS", 3)
    monkeypatch.setattr(pages, "TOC_EVENTS", 1)
    monkeypatch.setattr(pages, "SEARCH_EVENTS", 1)
    monkeypatch.setattr(pages, "ENTITY_EVENTS", 1)
    build_site(timeline, tmp_path / "site")
    site = tmp_path / "site"
    docs = {p.stem: _doc(p) for p in (site / "timeline").glob("*.html")}
    assert {"2022", "2022-p2", "2022-p3"} <= set(docs)
    assert "2022 (part 2 of" in _text(site / "timeline" / "2022-p2.html")
    for event in timeline.events:  # every event once, under its anchor, on a page of at most 3
        assert sum(d.get_element_by_id(event.id, None) is not None for d in docs.values()) == 1, event.id
    assert all(len(d.xpath("//h2[contains(@class, 'chrono-event')]")) <= 3 for d in docs.values())
    text = docs["2022"].text_content() + docs["2022-p2"].text_content() + docs["2022-p3"].text_content()
    assert "Kremlin says no breakthrough <b>yet</b> in talks & {{ 7*7 }}" in text  # raw HTML, still escaped
    assert not any(d.xpath("//article//b | //article//yet | //article//script") for d in docs.values())
    assert "chrono:raw" not in (site / "timeline" / "2022.html").read_text()
    index = json.loads((site / "search" / "search_index.json").read_text())
    assert {doc["location"].split("#")[0] for doc in index["docs"]} == {
        "index.html",
        "timeline/index.html",
        "review.html",
    }
    assert "more events" in _text(site / "entities.html")
