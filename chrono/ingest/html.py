"""HTML pages: main text with trafilatura, publish date with htmldate, labelled by the field it came from.

Both libraries are imported here only, so runs without HTML never pay for them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from chrono.errors import InputError
from chrono.ingest.dates import parse_date, written_dates
from chrono.ingest.meta import Meta

# htmldate keeps the page's UTC offset in this format: the outlet's own date is what we want.
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_META_FIELDS = (
    ("article:published_time", "html: article:published_time"),
    ("og:published_time", "html: og:published_time"),
    ("datePublished", "html: itemprop datePublished"),
    ("pubdate", "html: pubdate"),
)


# htmldate drops dates after today's date unless told otherwise: the wall clock would decide
# whether a page is dated (a page dated next year reads undated until then). Any date a page
# gives stands. Its extensive search is off: it takes a year from the running text ("built in
# 2009" dated a page with no date of its own 2009-01-01), and a publish date comes from the page's
# fields (metadata, <time>, a byline's date element), never from the story.
_LATEST = "9999-12-31"


def read_html(page: str) -> tuple[str, Meta]:
    """Main text of a page and its metadata (title, site name, url, publish date)."""
    import htmldate
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
        found = htmldate.find_date(
            page, original_date=True, outputformat=_DATE_FORMAT, max_date=_LATEST, extensive_search=False
        )
    except Exception as exc:  # a hostile page must not crash the run: report it like any bad input
        raise InputError(f"the page could not be parsed ({type(exc).__name__}: {exc})") from exc
    text = doc.text if doc is not None else None
    if not text or not text.strip():
        raise InputError("no article text found in the page")
    published = _date(found) if found else None
    origin = _date_origin(page, published) if published else None
    if published is None:  # htmldate leaves a date that only a visible byline gives
        published = _byline_date(page)
        origin = "html: byline" if published else None
    return text, Meta(
        title=doc.title or None,
        source=doc.sitename or None,
        url=doc.url or None,
        published=published,
        published_from=origin,
    )


def _date(value: str) -> date | None:
    try:
        return parse_date(value)
    except ValueError:
        return None


def _tree(page: str) -> Any:
    from lxml import etree
    from lxml import html as lxml_html

    try:  # bytes: lxml refuses str pages that carry an XML encoding declaration
        return lxml_html.document_fromstring(page.encode(), parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return None


def _date_origin(page: str, published: date) -> str:
    """Which page field gave htmldate's date (the first that names the same day), else just `html`."""
    tree = _tree(page)
    if tree is None:
        return "html"
    return next((label for label, value in _candidates(tree) if _date(value) == published), "html")


def _byline_date(page: str) -> date | None:
    """The first date a visible byline writes ("By Anja Tell | Thursday 19 November 2026")."""
    tree = _tree(page)
    if tree is None:
        return None
    return next(filter(None, map(_date, _bylines(tree))), None)


def _candidates(tree: Any) -> Iterator[tuple[str, str]]:
    import orjson

    for name, label in _META_FIELDS:
        for node in tree.xpath(f'//meta[@property="{name}" or @name="{name}" or @itemprop="{name}"]'):
            yield label, node.get("content", "")
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = orjson.loads(script.text or "")
        except orjson.JSONDecodeError:
            continue
        for value in _json_ld_dates(data):
            yield "html: JSON-LD datePublished", value
    for node in tree.xpath("//time[@datetime]"):
        yield "html: <time datetime>", node.get("datetime", "")
    # A page with no date field but its visible byline: "By Selma Hart | Thursday 17 September 2026".
    for value in _bylines(tree):
        yield "html: byline", value


def _bylines(tree: Any) -> Iterator[str]:
    for node in tree.xpath('//*[contains(@class, "byline")]'):
        yield from written_dates(node.text_content())


def _json_ld_dates(data: object) -> Iterator[str]:
    if isinstance(data, dict):
        value = data.get("datePublished")
        if isinstance(value, str):
            yield value
        for child in data.values():
            yield from _json_ld_dates(child)
    elif isinstance(data, list):
        for child in data:
            yield from _json_ld_dates(child)
