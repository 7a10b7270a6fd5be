"""dateparser as a normaliser of last resort, for forms our own resolvers do not handle.

Only ever called on a string a rule already found (never on running text), with an explicit base
date, English only, one reused parser per anchor, and a memo on (string, anchor). dateparser is
imported lazily: its first use costs about 120 ms (locale data).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

# dateparser's period → how much of the date the text gave.
_PERIOD_DIGITS = {"day": 10, "month": 7, "year": 4}


@lru_cache(maxsize=16)
def _parser(anchor: dt.date | None) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["month"]}
    # Without an explicit base dateparser would read the clock; a fixed one keeps output reproducible.
    base = anchor or dt.date(2000, 1, 1)
    settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time())
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def normalise(text: str, anchor: dt.date | None) -> str | None:
    """TimeML value of the date `text` names, at the precision it gives; None if it is not one."""
    data = _parser(anchor).get_date_data(text)
    if data.date_obj is None or data.period not in _PERIOD_DIGITS:
        return None
    return data.date_obj.date().isoformat()[: _PERIOD_DIGITS[data.period]]
