"""One error root for chrono, and the problem records stages collect instead of raising."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# Control characters shown as escapes, so a file name with a line break cannot forge a second report line.
_CONTROL = {code: f"\\x{code:02x}" for code in (*range(32), 127)} | {10: "\\n", 13: "\\r", 9: "\\t"}


def one_line(text: str) -> str:
    """`text` with control characters escaped: it prints as exactly one line."""
    return text.translate(_CONTROL)


class ChronoError(Exception):
    """Root of every error chrono raises on purpose; its message names the file (and line)."""


class InputError(ChronoError):
    """An input file or directory cannot be read as an article."""


class RulesError(ChronoError):
    """A language-resource file is invalid."""


class RenderError(ChronoError):
    """The site or an export could not be written."""


class Level(StrEnum):
    """How serious a problem is; `--strict` fails on WARNING too."""

    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found while running, reported as one line and never as a traceback."""

    level: Level
    where: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        place = f"{self.where}:{self.line}" if self.line is not None else self.where
        return one_line(f"{self.level}: {place}: {self.message}")
