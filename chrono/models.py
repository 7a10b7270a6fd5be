"""The timeline JSON (contract section 3, version 1) as frozen pydantic models.

These are the I/O boundary: `chrono schema` prints their JSON Schema, `extract` writes them,
`check` validates against them. Hot loops inside stages use plain dataclasses instead.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# ISO 8601 at the precision the text supports (contract section 3).
ISO_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?|-W\d{2})?$"


class Frozen(BaseModel):
    """Base for every contract model: immutable, and unknown fields are an error."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def model_post_init(self, context: Any, /) -> None:
        # pydantic gives each instance a set of the fields it was given (~700 bytes for a few names);
        # frozen instances never change theirs, so instances given the same fields share one set.
        # A timeline of a million mentions holds three models per mention: that is gigabytes.
        object.__setattr__(self, "__pydantic_fields_set__", _shared_fields(frozenset(self.model_fields_set)))


@cache
def _shared_fields(names: frozenset[str]) -> set[str]:
    return set(names)


class ArticleInfo(Frozen):
    """One input article as the timeline cites it."""

    id: str = Field(description="Path relative to the INPUT directory, the file name, or `<file id>#<id>`.")
    title: str | None = Field(default=None, description="Headline, from metadata or the page.")
    source: str | None = Field(default=None, description="Outlet that published the article.")
    url: str | None = Field(default=None, description="Where the article was published.")
    published: str | None = Field(
        default=None,
        pattern=r"^\d{4}-\d{2}-\d{2}$",
        description="Publish date as printed by the outlet (its own UTC offset decides the day); "
        "null when the article is undated.",
    )
    published_from: str | None = Field(
        default=None,
        description="Where the publish date came from, e.g. `metadata.csv`, `front matter`, "
        "`html: article:published_time`, `date line`; null when undated.",
    )


class MentionTimex(Frozen):
    """The temporal expression that dated a mention."""

    text: str = Field(description="The expression as written, e.g. `on Tuesday`.")
    value: str | None = Field(description="Its TimeML value, e.g. `2022-03-29`; null if unresolved.")
    start: int = Field(ge=0, description="Python `str` offset of the expression in the article text.")
    end: int = Field(ge=0, description="End offset (exclusive) of the expression.")


class Mention(Frozen):
    """One article's report of an event."""

    article: str = Field(description="Id of the article (see `articles`).")
    text: str = Field(description="The sentence, white space collapsed and broken words joined.")
    start: int = Field(ge=0, description="Offset of the sentence in the article text as read.")
    end: int = Field(ge=0, description="End offset (exclusive) of the sentence.")
    date: str | None = Field(
        pattern=ISO_DATE_PATTERN, description="The date this article gives the event; null if undated."
    )
    timex: MentionTimex | None = Field(
        description="The expression that dated it; null when the date comes from context."
    )
    explanation: str | None = Field(
        default=None,
        description="Why this date: the expression, the rule and the anchor it was resolved against, "
        "or the context it was inferred from.",
    )
    future: bool = Field(
        default=False,
        description="Still ahead when this mention's article was published (a scheduled event).",
    )


class Event(Frozen):
    """One real-world event, with every article that reported it."""

    id: str = Field(description="Stable id: unchanged when a later article adds a mention.")
    date: str | None = Field(pattern=ISO_DATE_PATTERN, description="Start of the event; null if undated.")
    date_end: str | None = Field(
        default=None, pattern=ISO_DATE_PATTERN, description="End, only for an event spanning an interval."
    )
    summary: str = Field(description="One line a reader can scan, taken from the text.")
    future: bool = Field(default=False, description="Not yet happened when its articles were published.")
    conflict: bool = Field(default=False, description="Its mentions give incompatible dates.")
    mentions: list[Mention] = Field(min_length=1, description="Every report of this event.")
    edits: list[str] = Field(
        default_factory=list, description="What an editor's override changed in this event, if anything."
    )
    merge_reasons: list[str] = Field(
        default_factory=list,
        description="Why its mentions were merged: the pair, how their dates relate, their similarity "
        "and the terms they share.",
    )


class Timeline(Frozen):
    """The whole chronology: what `chrono extract` writes and `chrono check` reads."""

    version: Literal[1] = Field(default=1, description="Version of this format; 1 is the contract's.")
    articles: list[ArticleInfo] = Field(description="Every input article, dated or not.")
    events: list[Event] = Field(description="Events sorted by date; undated ones last.")
    warnings: list[str] = Field(default_factory=list, description="Problems met while building it.")


def timeline_schema() -> dict[str, object]:
    """JSON Schema of the timeline, generated from the models (with their field descriptions)."""
    schema = Timeline.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "chrono timeline, version 1"
    return schema
