"""Making untrusted text inert in generated Markdown, and safe anchors and slugs.

Article text, titles, outlet names and even event ids come from the inputs. In a Markdown page any
punctuation can start a construct (`*`, `[`, `<`, `{: attr}`, `==mark==`, `#` headings ...), so those
ASCII punctuation characters become numeric character references: Markdown passes references
through untouched, the browser shows the character, and nothing is interpreted.
"""

from __future__ import annotations

import hashlib
import re
import string
import unicodedata

from markupsafe import Markup

# `,;?'%@/` start no construct in Markdown or its usual extensions; leaving them as they are keeps
# pages smaller and faster for MkDocs to convert.
_ENTITIES = {c: f"&#{ord(c)};" for c in string.punctuation if c not in ",;?'%@/"}
_SPECIAL = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")
_ANCHOR = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def inert(value: object) -> Markup:
    """Text that Markdown, HTML and Jinja all show literally, on one line."""
    if isinstance(value, Markup):
        return value
    text = " ".join(str(value).split())
    # A regex with a lookup per match: 3x faster than str.translate with multi-character replacements.
    return Markup(_SPECIAL.sub(lambda m: _ENTITIES[m.group()], text))


def safe_anchor(raw: str) -> str:
    """The HTML id for an event: its own id when that is a plain token, else a stable hash of it."""
    if _ANCHOR.fullmatch(raw):
        return raw
    return "e-" + hashlib.sha256(raw.encode()).hexdigest()[:16]


def slug(name: str, prefix: str) -> str:
    """An ASCII slug for a heading id (entities, articles); the hash keeps distinct names distinct."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = _NON_SLUG.sub("-", ascii_name).strip("-")[:40].strip("-")
    digest = hashlib.sha256(name.encode()).hexdigest()[:6]
    return f"{prefix}-{words}-{digest}" if words else f"{prefix}-{digest}"


def toc_label(date_label: str, summary: str, words: int = 6) -> Markup:
    """A short table-of-contents label: the date and the summary's first words, letters and digits only
    (it sits in a quoted attr_list attribute, where entities would show literally)."""
    plain = re.sub(r"[^\w\s'’]", "", summary).split()
    tail = " ".join(plain[:words]) + (" …" if len(plain) > words else "")
    head = re.sub(r"[^\w\s,:–-]", "", date_label)
    return Markup(f"{head} · {tail}".strip())


def http_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) link; javascript:, file:, relative ones are not linked."""
    if url and re.match(r"https?://[^\s<>\"']+$", url.strip(), re.IGNORECASE):
        return url.strip()
    return None
