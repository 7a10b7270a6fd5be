"""One error root for chrono, and the problem records stages collect instead of raising."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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
        return f"{self.level}: {place}: {self.message}"
