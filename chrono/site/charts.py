"""An inline SVG bar chart of events per day or per month, drawn at build time (no JavaScript)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from chrono.site.dates import MONTHS, first_day, granularity

WIDTH, HEIGHT, PAD = 720, 180, 24
DAY_SPAN_LIMIT = 92  # up to about a quarter, one bar a day reads well; beyond that, one a month


@dataclass(frozen=True, slots=True)
class Chart:
    """The SVG and what a caption should say about it."""

    svg: Markup
    unit: str  # "day" or "month"
    left_out: int  # events dated too coarsely for the chart's unit


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    out, d = [], first.replace(day=1)
    while d <= last:
        out.append(d)
        d = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return out


def _bucket_label(day: dt.date, unit: str) -> str:
    if unit == "day":
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{MONTHS[day.month - 1]} {day.year}"


def events_chart(dates: Sequence[str], href: Callable[[dt.date, str], str]) -> Chart | None:
    """Bars for every day (or month) between the first and last dated event; None when nothing is dated.

    `dates` are event start values; `href(first_day, unit)` gives the link of a bar.
    """
    fine = [first_day(d) for d in dates if granularity(d) == "day"]
    monthly = [first_day(d) for d in dates if granularity(d) in ("day", "month")]
    if fine and (max(fine) - min(fine)).days <= DAY_SPAN_LIMIT:
        unit, days = "day", fine
        buckets = [min(fine) + dt.timedelta(days=i) for i in range((max(fine) - min(fine)).days + 1)]
        counts = Counter(days)
    elif monthly:
        unit, days = "month", monthly
        buckets = _months(min(monthly), max(monthly))
        counts = Counter(d.replace(day=1) for d in monthly)
    else:
        return None
    top = max(counts.values())
    bar_w = (WIDTH - 2 * PAD) / len(buckets)
    parts = [
        f'<svg class="chrono-chart" viewBox="0 0 {WIDTH} {HEIGHT + 2 * PAD}" role="img" '
        f'aria-label="Events per {unit}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, day in enumerate(buckets):
        n = counts.get(day, 0)
        h = (HEIGHT - PAD) * n / top
        x, y = PAD + i * bar_w, PAD + (HEIGHT - PAD) - h
        title = escape(f"{_bucket_label(day, unit)}: {n} event{'s' if n != 1 else ''}")
        rect = (
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(bar_w - 1, 0.5):.1f}" height="{h:.1f}">'
            f"<title>{title}</title></rect>"
        )
        parts.append(f'<a href="{escape(href(day, unit))}">{rect}</a>' if n else rect)
    base = PAD + HEIGHT - PAD
    parts.append(f'<line x1="{PAD}" y1="{base}" x2="{WIDTH - PAD}" y2="{base}" class="axis"/>')
    parts.append(f'<text x="{PAD}" y="{base + 18}">{escape(_bucket_label(buckets[0], unit))}</text>')
    for i, day in enumerate(buckets):
        # Intermediate ticks at each new year (month bars) or month (day bars), clear of the end labels.
        x = PAD + (i + 0.5) * bar_w
        tick = (unit == "month" and day.month == 1) or (unit == "day" and day.day == 1)
        if tick and 110 < x < WIDTH - 110:
            text = str(day.year) if unit == "month" else MONTHS[day.month - 1]
            parts.append(f'<text x="{x:.1f}" y="{base + 18}" text-anchor="middle">{text}</text>')
    last = escape(_bucket_label(buckets[-1], unit))
    parts.append(f'<text x="{WIDTH - PAD}" y="{base + 18}" text-anchor="end">{last}</text>')
    parts.append(f'<text x="{PAD}" y="{PAD - 6}">{top} event{"s" if top != 1 else ""}</text>')
    parts.append("</svg>")
    return Chart(svg=Markup("".join(parts)), unit=unit, left_out=len(dates) - len(days))
