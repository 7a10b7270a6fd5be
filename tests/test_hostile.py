"""Hostile input through the real CLI: every run exits as the contract says with one line per problem,
the good articles still make the chronology, nothing is read or written outside the given folders, and
the built site shows hostile text only as text, checked in a real headless Chromium."""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from lxml import html as lxml_html

REPO = Path(__file__).resolve().parents[1]
HOSTILE = Path(__file__).parent / "data" / "hostile"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
SECRET = "SECRET-OUTSIDE-THE-INPUT"
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'

# (file[:line], what the one line says) for every problem the corpus holds.
EXPECTED_PROBLEMS = [
    ("metadata.csv:2", "file_name '../outside.txt' is outside this folder"),
    ("metadata.csv:3", "file_name '/etc/passwd' is outside this folder"),
    ("binary.txt", "binary file, not text; skipped"),
    ("empty.txt", "empty file; skipped"),
    ("whitespace.txt", "empty file; skipped"),
    ("invalid_utf8.txt", "not valid UTF-8 at byte 43; skipped"),
    ("not_yaml.md:3", "front matter is not valid YAML"),
    ("hostile.jsonl:3", '"id" has control characters; line skipped'),
    ("hostile.jsonl:7", "not JSON"),
    ("hostile.jsonl:8", "not a JSON object"),
    ("nested.html", "no article text found in the page; skipped"),
    ("leak.txt", "symbolic link to outside the input folder; skipped"),
]
GOOD_ARTICLES = {
    "good.txt", "utf16_bom.txt", "not_yaml.md", "script.html", "template_syntax.md",
    "hostile.jsonl#../../etc/x", "hostile.jsonl#/etc/passwd", "hostile.jsonl#CaseID", "hostile.jsonl#caseid",
    "hostile.jsonl#" + "x" * 5000,
}  # fmt: skip


def _chrono(
    *args: str, cwd: Path = REPO, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The real CLI, as the `run_chrono` fixture runs it (that one is function-scoped; builds are shared)."""
    return subprocess.run(
        [sys.executable, "-m", "chrono", *args], capture_output=True, text=True, cwd=cwd, timeout=300, env=env
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed hostile files, a 5,000-deep HTML page, and a secret file just outside the folder."""
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "in"
    shutil.copytree(HOSTILE, folder)
    (root / "outside.txt").write_text(f"{SECRET} The vault opened on March 1, 2022.\n", encoding="utf-8")
    (folder / "leak.txt").symlink_to(root / "outside.txt")
    paragraph = "<p>The ministers met on March 20, 2022 in the capital to sign the trade agreement.</p>"
    (folder / "nested.html").write_text(
        f"<html><body>{'<div>' * 5000}{paragraph}{'</div>' * 5000}</body></html>"
    )
    return folder


@pytest.fixture(scope="module")
def built(corpus: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    site = corpus.parent / "site"
    done = _chrono("build", str(corpus), "-o", str(site))
    return done, site


def test_build_exits_0_with_one_line_per_problem_and_no_traceback(built, corpus):
    done, site = built
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert all(line.startswith(("warning: ", "built ")) for line in lines), lines
    for where, message in EXPECTED_PROBLEMS:
        hits = [line for line in lines if f"{corpus / where}: " in line and message in line]
        assert len(hits) == 1, (where, message, lines)
    # The problems above, the undated article, and the closing "built" line: nothing else.
    assert len(lines) == len(EXPECTED_PROBLEMS) + 2


def test_good_articles_are_still_in_the_chronology(built):
    done, site = built
    timeline = json.loads((site / "timeline.json").read_text(encoding="utf-8"))
    assert {a["id"] for a in timeline["articles"]} == GOOD_ARTICLES
    cited = {m["article"] for e in timeline["events"] for m in e["mentions"]}
    assert cited == GOOD_ARTICLES  # every article that was read has an event
    texts = " ".join(m["text"] for e in timeline["events"] for m in e["mentions"])
    assert "Negotiators met in Istanbul" in texts  # UTF-16 with a BOM is read, not refused
    assert "{{ 7*7 }} million" in texts and SCRIPT in texts  # kept verbatim in the data


def test_nothing_is_read_or_written_outside_the_given_folders(built, corpus):
    done, site = built
    assert SECRET not in (site / "timeline.json").read_text(encoding="utf-8")
    assert "outside" not in {
        a["title"] for a in json.loads((site / "timeline.json").read_bytes())["articles"]
    }
    # Only the input, the secret and the site (no swap leftovers) next to each other.
    assert sorted(p.name for p in corpus.parent.iterdir()) == ["in", "outside.txt", "site"]
    written = [p.relative_to(site).as_posix() for p in site.rglob("*")]
    assert not [name for name in written if "etc" in name.split("/") or "passwd" in name or ".." in name]
    assert all(p.resolve().is_relative_to(site.resolve()) for p in site.rglob("*"))


def test_names_that_differ_only_in_case_or_are_very_long_stay_distinct_in_the_site(built):
    done, site = built
    sources = lxml_html.fromstring((site / "sources.html").read_bytes())
    ids = [
        element.get("id") for element in sources.iter() if isinstance(element.tag, str) and element.get("id")
    ]
    assert len(ids) == len(set(ids))
    article_ids = [i for i in ids if i.startswith("art-")]
    assert len(article_ids) == len(GOOD_ARTICLES) and max(map(len, article_ids)) <= 80


def test_strict_turns_the_warnings_into_exit_1(run_chrono, corpus, tmp_path):
    for args in (("extract", str(corpus)), ("build", str(corpus), "-o", str(tmp_path / "site"))):
        done = run_chrono(*args, "--strict")
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
    assert (tmp_path / "site" / "index.html").is_file()  # the site is still built, the run still fails
    clean = tmp_path / "clean"
    clean.mkdir()
    shutil.copy(HOSTILE / "good.txt", clean / "good.txt")
    assert run_chrono("extract", str(clean), "--strict").returncode == 0


def _pages(site: Path) -> dict[str, object]:
    return {
        p.relative_to(site).as_posix(): lxml_html.fromstring(p.read_bytes()) for p in site.rglob("*.html")
    }


def test_hostile_strings_are_only_ever_text_in_the_html(built):
    done, site = built
    pages = _pages(site)
    shown = " ".join(str(tree.text_content()) for tree in pages.values())
    for literal in (
        SCRIPT,
        IMG,
        "{{ 7*7 }}",
        "{% raw %}",
        "[link](javascript:alert(1))",
        "**no**",
        "![pic](javascript:alert(2))",
    ):
        assert literal in shown, literal
    assert "amount was 49" not in shown
    for name, tree in pages.items():
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            handlers = [a for a in element.attrib if a.lower().startswith("on")]
            assert not handlers, (name, element.tag, handlers)
            for attr in ("href", "src", "action", "formaction"):
                value = (element.get(attr) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:text/html", "vbscript:")), (name, value)
            if element.tag == "script":
                assert "pwned" not in (element.text or ""), name
            assert element.tag not in (
                "img",
                "iframe",
                "object",
                "embed",
            ) or "pwned" not in lxml_html.tostring(element, encoding="unicode"), name


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's signature
        pass


@pytest.fixture(scope="module")
def served(built) -> Iterator[tuple[str, Path]]:
    done, site = built
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", site
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium")
def test_in_a_real_browser_no_hostile_script_runs_and_templates_show_literally(served):
    playwright_api = pytest.importorskip("playwright.sync_api")
    base, site = served
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for rel in sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html")):
            page.goto(base + rel, wait_until="load")
            page.mouse.move(5, 5)
            page.mouse.move(600, 400)  # hover handlers, if any had survived
            assert page.evaluate("window.__pwned") is None, rel
        page.goto(base + "timeline/2022.html", wait_until="networkidle")
        body = page.inner_text("body")
        assert "{{ 7*7 }} million" in body and "amount was 49" not in body
        assert SCRIPT in body and IMG in body
        # material's search renders result snippets as HTML: a hostile hit must stay text there too.
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially("mayor")  # the sentence with the <img onerror> in it
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        assert "onerror" in page.inner_text(".md-search-result")
        assert page.evaluate("window.__pwned") is None and dialogs == []
        browser.close()


def test_a_50_mb_article_is_refused_fast_and_the_others_are_read(run_chrono, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(HOSTILE / "good.txt", folder / "good.txt")
    with (folder / "huge.txt").open("w", encoding="utf-8") as huge:
        line = "Talks resumed in Istanbul on Tuesday, officials said, and ended on Wednesday.\n"
        huge.write(line * (50 * 1024 * 1024 // len(line) + 1))
    assert (folder / "huge.txt").stat().st_size >= 50 * 1024 * 1024
    started = time.perf_counter()
    done = run_chrono("extract", str(folder))
    assert time.perf_counter() - started < 15
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        f"warning: {folder / 'huge.txt'}: file is 50.0 MB, over the 20 MB limit; skipped"
    ]
    assert [a["id"] for a in json.loads(done.stdout)["articles"]] == ["good.txt"]


def test_a_line_break_in_a_file_name_cannot_forge_a_second_problem_line(run_chrono, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a\nerror: forged.txt").write_bytes(b"")
    done = run_chrono("extract", str(tmp_path / "in"))
    assert done.returncode == 0
    assert len(done.stderr.splitlines()) == 1, done.stderr


def test_timelinejs_export_carries_hostile_text_only_escaped(run_chrono, corpus):
    # TimelineJS renders a slide's text as HTML: the export must escape it and link only http(s).
    done = run_chrono("export", "timelinejs", str(corpus))
    assert done.returncode == 0 and "Traceback" not in done.stderr
    slides = json.loads(done.stdout)["events"]
    fragments = [s["text"].get("headline", "") + s["text"].get("text", "") for s in slides]
    shown = ""
    for fragment in fragments:
        tree = lxml_html.fragment_fromstring(fragment, create_parent="div")
        shown += tree.text_content()
        for element in tree.iter():
            assert element.tag not in ("script", "img", "iframe")
            assert not [a for a in element.attrib if a.lower().startswith("on")]
            assert (element.get("href") or "https://").startswith(("https://", "http://"))
    assert SCRIPT in shown and IMG in shown and "{{ 7*7 }}" in shown
