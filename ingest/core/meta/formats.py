"""Date formats htmldate's quick parser does not read, and leaves to dateparser (too slow to call on
every short text near a headline): read here, or rewritten into a form the quick parser reads."""
from __future__ import annotations

import re
from datetime import datetime

from htmldate.extractors import try_date_expr

# Month first, the day past 19 ("2/24/2026"): the quick parser takes a middle number up to 19 for a month.
_MONTH_FIRST = re.compile(r"(?<![\d/.])(1[0-2]|0?[1-9])/(2\d|3[01])/((?:19|20)\d\d)(?![\d/])")
# Chinese, Japanese and Korean: 2026年2月24日, 2026년 2월 24일.
_CJK = re.compile(r"((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
# "Feb. 24, 2026", "Sept. 4": an abbreviated month with its full stop, or four letters for September.
_ABBREVIATED = re.compile(r"\b(jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)(?:t\.?|\.)(?=\s)", re.I)
# "24-Feb-2026".
_DASHED = re.compile(r"\b(\d{1,2})-([a-z]{3,9})-((?:19|20)\d\d)\b", re.I)


def unread_day(text: str, earliest: datetime, latest: datetime) -> str | None:
    """The day (YYYY-MM-DD) `text` shows in one of these formats, within earliest..latest."""
    if match := _MONTH_FIRST.search(text):
        month, day, year = match.groups()
        return _day(year, month, day, earliest, latest)
    if match := _CJK.search(text):
        return _day(*match.groups(), earliest, latest)
    rewritten = _DASHED.sub(r"\1 \2 \3", _ABBREVIATED.sub(r"\1", text))
    return try_date_expr(rewritten, "%Y-%m-%d", False, earliest, latest) if rewritten != text else None


def _day(year: str, month: str, day: str, earliest: datetime, latest: datetime) -> str | None:
    try:
        found = datetime(int(year), int(month), int(day))
    except ValueError:  # 2/30
        return None
    return found.strftime("%Y-%m-%d") if earliest <= found <= latest else None
