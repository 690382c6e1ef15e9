"""A date value made ISO 8601, or refused: unreadable, before 1990 or after the fetch."""
from __future__ import annotations

import re
from datetime import date, datetime, timezone

EARLIEST = date(1990, 1, 1)
EARLIEST_MOMENT = datetime(EARLIEST.year, EARLIEST.month, EARLIEST.day)  # for parsers that take a datetime
_ISO_DAY = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")


def iso_date(value, fetched_at: datetime) -> str | None:
    """ISO 8601 text of a date, or None when unreadable, before 1990 or after `fetched_at`."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        stamp = _day_in(value)
        if stamp is None:
            return None
        value = stamp.date().isoformat()
    if not _plausible(stamp, fetched_at):
        return None
    return stamp.isoformat() if len(value) > 10 else stamp.date().isoformat()


def _day_in(value: str) -> datetime | None:
    match = _ISO_DAY.search(value)
    try:
        return datetime(*map(int, match.groups())) if match else None
    except ValueError:
        return None


def _plausible(stamp: datetime, fetched_at: datetime) -> bool:
    if stamp.date() < EARLIEST or stamp.date() > _aware(fetched_at).date():
        return False
    return stamp.tzinfo is None or stamp <= _aware(fetched_at)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
