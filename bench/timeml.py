"""Read TimeML (.tml) documents: creation date, plain text of <TEXT>, and its gold TIMEX3s with offsets.

Offsets are Python str indices into the plain text, i.e. <TEXT> with every tag removed and XML
entities decoded — exactly the string a tagger is given, so gold and system spans are comparable.
"""

from __future__ import annotations

import datetime as dt
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

_REPO = Path(__file__).resolve().parents[1]
if str(_REPO) not in sys.path:  # bench/ scripts run from a checkout, not an installed package
    sys.path.insert(0, str(_REPO))

from chrono.errors import ChronoError  # noqa: E402


class TimeMLError(ChronoError):
    """A .tml file cannot be read as a TimeML document (not XML, no <TEXT>, no usable DCT)."""


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One TIMEX3 inside <TEXT>: [start, end) in the document's plain text."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    tid: str


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    """One annotated document: the anchor (DCT date), the text a tagger sees, and the gold timexes."""

    path: Path
    dct: dt.date
    text: str
    timexes: tuple[GoldTimex, ...]

    @property
    def name(self) -> str:
        return self.path.name


def _flatten(text_el: ET.Element) -> tuple[str, list[GoldTimex]]:
    """Concatenate text/tail of <TEXT>'s subtree, recording where each TIMEX3 starts and ends."""
    parts: list[str] = []
    spans: list[tuple[int, int, ET.Element]] = []
    length = 0

    def walk(el: ET.Element) -> None:
        nonlocal length
        start = length
        if el.text:
            parts.append(el.text)
            length += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if el.tag == "TIMEX3" and el is not text_el:
            spans.append((start, length, el))

    walk(text_el)
    text = "".join(parts)
    timexes = [
        GoldTimex(s, e, text[s:e], el.get("type", ""), el.get("value"), el.get("tid", ""))
        for s, e, el in sorted(spans, key=lambda x: (x[0], x[1]))  # nested ones come before parents
    ]
    return text, timexes


def _dct(root: ET.Element, path: Path) -> dt.date:
    for el in root.iter("TIMEX3"):
        if el.get("functionInDocument") == "CREATION_TIME":
            value = el.get("value") or ""
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                msg = f"{path}: creation-time TIMEX3 has no calendar date: value={value!r}"
                raise TimeMLError(msg) from None
    raise TimeMLError(f'{path}: no TIMEX3 with functionInDocument="CREATION_TIME" (no DCT)')


def read_timeml(path: Path) -> TimeMLDoc:
    """Parse one .tml file; raises TimeMLError naming the file (and line) when it cannot."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        line, col = exc.position
        raise TimeMLError(f"{path}:{line}: not well-formed XML (column {col})") from None
    except OSError as exc:
        raise TimeMLError(f"{path}: cannot read: {exc.strerror}") from None
    text_el = root.find(".//TEXT")
    if text_el is None:
        raise TimeMLError(f"{path}: no <TEXT> element")
    text, timexes = _flatten(text_el)
    return TimeMLDoc(path=path, dct=_dct(root, path), text=text, timexes=tuple(timexes))


def corpus_files(dirs: Iterable[Path]) -> list[Path]:
    """All .tml files under the given directories (or files), sorted, macOS '._' debris skipped."""
    files: list[Path] = []
    for d in dirs:
        if d.is_file():
            files.append(d)
        elif d.is_dir():
            files.extend(p for p in d.rglob("*.tml") if not p.name.startswith("._"))
        else:
            raise TimeMLError(f"{d}: no such file or directory")
    return sorted(files)


def read_corpus(dirs: Iterable[Path]) -> Iterator[TimeMLDoc]:
    for path in corpus_files(dirs):
        yield read_timeml(path)
