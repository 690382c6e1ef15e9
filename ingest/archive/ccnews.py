"""CC-NEWS: Common Crawl's `warc.paths.gz` list, cut to a date range by the timestamp each
file name carries (`CC-NEWS-20240105123456-01234.warc.gz`), one task a file."""
from __future__ import annotations

import re
from datetime import date, datetime

BASE = "https://data.commoncrawl.org/"
_STAMP = re.compile(r"CC-NEWS-(\d{14})-\d+\.warc(\.gz)?$")


def file_time(location: str) -> datetime | None:
    """When the file's crawl began, from its name; None for a name without a CC-NEWS stamp."""
    found = _STAMP.search(location)
    return datetime.strptime(found.group(1), "%Y%m%d%H%M%S") if found else None


def in_range(locations: list[str], start: date | None, end: date | None) -> tuple[list[str], list[str]]:
    """The files whose stamp falls on a day from `start` to `end` (both included), and the
    ones left out for carrying no stamp."""
    chosen, unstamped = [], []
    for location in locations:
        when = file_time(location)
        if when is None:
            unstamped.append(location)
        elif (start is None or when.date() >= start) and (end is None or when.date() <= end):
            chosen.append(location)
    return chosen, unstamped
