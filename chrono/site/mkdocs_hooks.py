"""MkDocs hooks (`hooks:` in the generated mkdocs.yml): chrono's pre-rendered HTML skips Markdown.

A page's regions between RAW_START and RAW_END are HTML the templates already escaped. Python-Markdown
would pass it through too, but only after running its HTML parser over every byte (most of a big
site's build time); here they are cut out before conversion and put back after it. Without these hooks
(e.g. the `chrono` plugin in someone else's site) the pages still render the same, only slower.
"""

from __future__ import annotations

import re
from typing import Any

RAW_START = "<!-- chrono:raw -->"
RAW_END = "<!-- /chrono:raw -->"
# A paragraph no input can produce: page text is inert, its `_` would be a character reference.
_PLACEHOLDER = "CHRONO_RAW_HTML"

_ID = re.compile(r'\sid="([^"]+)"')  # ids in the templates' own HTML (safe anchors, slugs)
_raw: dict[str, list[str]] = {}  # page source path → its raw regions, between the two hooks


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    first, *regions = markdown.split(RAW_START)
    if not regions:
        return markdown
    raw, rest = zip(*(region.split(RAW_END, 1) for region in regions), strict=True)
    _raw[page.file.src_uri] = list(raw)
    return first + "".join(f"\n\n{_PLACEHOLDER}\n\n{after}" for after in rest)


def on_page_content(html: str, page: Any, **_: Any) -> str:
    raw = _raw.pop(page.file.src_uri, None)
    if raw is None:
        return html
    # MkDocs checks links to anchors against the ids it saw while converting: add the raw ones.
    page.present_anchor_ids = (page.present_anchor_ids or set()) | {i for r in raw for i in _ID.findall(r)}
    first, *rest = html.split(f"<p>{_PLACEHOLDER}</p>")
    return first + "".join(r + after for r, after in zip(raw, rest, strict=True))
