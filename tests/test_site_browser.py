"""The built site in a real headless Chromium: every page loads cleanly and offline, every event is
on a timeline page under its id, and material's search finds an event by a word of its summary."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from chrono.models import Timeline
from chrono.render import build_site

CHROMIUM = Path("/usr/bin/chromium")
FIXTURE = Path(__file__).parent / "data" / "site" / "timeline.json"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]  # fmt: skip

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium"
)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's signature
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The fixture's site, built for real and served on 127.0.0.1."""
    site = tmp_path_factory.mktemp("browser") / "site"
    build_site(Timeline.model_validate_json(FIXTURE.read_bytes()), site)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", site
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _page(browser, problems: list[str]):  # type: ignore[no-untyped-def]
    """A page that records console errors, page errors and any request leaving localhost (blocked)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on(
        "console",
        lambda msg: problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None,
    )
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))

    def route(r):  # type: ignore[no-untyped-def]
        host = urlsplit(r.request.url).hostname
        if r.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            r.continue_()
        else:
            problems.append(f"external request: {r.request.url}")
            r.abort()

    page.route("**/*", route)
    return page


def test_every_page_loads_offline_without_errors_and_every_event_has_its_anchor(served, browser, tmp_path):
    base, site = served
    events = json.loads((site / "timeline.json").read_text())["events"]
    problems: list[str] = []
    page = _page(browser, problems)
    timeline_ids: set[str] = set()
    html_pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert "index.html" in html_pages and "timeline/2022.html" in html_pages
    for rel in html_pages:
        response = page.goto(base + rel, wait_until="networkidle")
        assert response is not None and response.status == 200, rel
        if rel.startswith("timeline/"):
            timeline_ids |= set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
        if rel == "index.html":
            page.screenshot(path=str(tmp_path / "home.png"), full_page=True)
        if rel == "timeline/2022.html":
            page.screenshot(path=str(tmp_path / "timeline.png"))
    assert problems == []
    assert {e["id"] for e in events} <= timeline_ids
    assert (tmp_path / "home.png").stat().st_size > 10_000 and (
        tmp_path / "timeline.png"
    ).stat().st_size > 10_000


def test_an_event_link_opens_its_entry_and_the_why_box_expands(served, browser):
    base, site = served
    problems: list[str] = []
    page = _page(browser, problems)
    page.goto(base + "review.html", wait_until="networkidle")
    # The first conflict on the review page links to its event on the timeline.
    page.locator("article a[href*='timeline/']").first.click()
    page.wait_for_load_state("networkidle")
    fragment = urlsplit(page.url).fragment
    heading = page.locator(f"[id='{fragment}']")
    assert heading.is_visible() and "conflicting dates" in page.locator(".chrono-badges").first.inner_text()
    why = page.locator("details").first
    assert why.get_attribute("open") is None
    why.locator("summary").click()
    assert "Expression" in why.inner_text()
    assert problems == []


def test_search_box_finds_an_event_by_a_word_of_its_summary(served, browser):
    base, site = served
    problems: list[str] = []
    page = _page(browser, problems)
    page.goto(base + "index.html", wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Chernihiv")
    # The hit on the timeline links to the event's own section (its id), the summary shown in the
    # result. Waited for by its text: results shown for the first letters typed may still be there.
    hit = page.locator(
        ".md-search-result__item a[href*='timeline/2022.html'][href*='#']", has_text="Chernihiv"
    )
    hit.first.wait_for(timeout=10_000)
    hit = hit.first
    hit.click()
    page.wait_for_load_state("networkidle")
    events = json.loads((site / "timeline.json").read_text())["events"]
    wanted = next(e["id"] for e in events if "Chernihiv" in e["summary"])
    assert urlsplit(page.url).path.endswith("/timeline/2022.html") and urlsplit(page.url).fragment == wanted
    assert page.locator(f"[id='{wanted}']").is_visible()
    assert problems == []
