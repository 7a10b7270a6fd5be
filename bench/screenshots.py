"""Screenshots of a built chrono site for the README (headless Debian chromium via Playwright).

Usage: python bench/screenshots.py SITE_DIR [--out docs/]
Build the site first, e.g. `chrono build seeds/ -o site`. Writes screenshot-home.png and
screenshot-timeline.png (the largest timeline page, or --page) into --out.
"""

from __future__ import annotations

import argparse
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--out", type=Path, default=Path("docs"))
    parser.add_argument("--page", help="timeline page to capture, e.g. 2022-03.html")
    args = parser.parse_args()
    pages = [p for p in (args.site / "timeline").glob("*.html") if p.name != "index.html"]
    timeline_page = args.page or max(pages, key=lambda p: (p.stat().st_size, p.name)).name
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(args.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        for url, name in (
            ("index.html", "screenshot-home.png"),
            (f"timeline/{timeline_page}", "screenshot-timeline.png"),
        ):
            page.goto(base + url, wait_until="networkidle")
            page.screenshot(path=str(args.out / name))
            print(args.out / name)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
