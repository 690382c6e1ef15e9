"""A sitemap entry's `<lastmod>`, read as the latest instant it can mean.

The crawl skips a listed page only when its lastmod is before the page's last fetch, so every
doubt resolves towards fetching: a date is the end of that day, a month the end of that month,
a time without a zone the latest zone on Earth (UTC-12), and anything unreadable is no lastmod.
"""
from __future__ import annotations

import calendar
import re
from datetime import datetime, timedelta, timezone

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
_LATEST_ZONE = timezone(timedelta(hours=-12))


def latest_instant(text: str | None) -> float | None:
    """Seconds since the epoch at the end of what `text` (W3C datetime, as sitemaps use) allows."""
    text = (text or "").strip()
    partial = _PARTIAL.match(text)
    if partial:
        year, month = int(partial[1]), int(partial[2] or 12)
        if not 1 <= month <= 12:
            return None
        last_day = calendar.monthrange(year, month)[1]
        return _end_of_day(datetime(year, month, last_day))
    try:
        moment = datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        return None
    if len(text) == 10:  # YYYY-MM-DD: any time that day
        return _end_of_day(moment)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_LATEST_ZONE)
    return moment.timestamp()


def _end_of_day(day: datetime) -> float:
    return day.replace(hour=23, minute=59, second=59, tzinfo=_LATEST_ZONE).timestamp()
