"""Record filters of `ingest clean` and of crawl sources: keep records in some languages, or published in a range."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from .core.language.detector import known_languages


class FilterError(ValueError):
    """A filter value that cannot be read, with what was expected."""


@dataclass(frozen=True)
class Filters:
    languages: tuple[str, ...] = ()  # ISO 639-1 codes; empty: any language
    since: datetime | None = None  # published at or after
    until: datetime | None = None  # published before

    def __bool__(self) -> bool:
        return bool(self.languages or self.since or self.until)

    def reason(self, record: dict) -> str | None:
        """Why the record is filtered out ("language", "date"), or None to keep it."""
        if self.languages and record.get("language") not in self.languages:
            return "language"
        if self.since or self.until:
            published = parse_instant(record.get("published"))
            if published is None or (self.since and published < self.since) or \
                    (self.until and published >= self.until):
                return "date"
        return None


def make_filters(languages=None, since=None, until=None) -> Filters:
    """Filters from user values: "fr,en" or a list; ISO dates or datetimes. `until` a date includes that day."""
    if isinstance(languages, str):
        languages = languages.split(",")
    codes = tuple(code.strip().lower() for code in languages or () if code.strip())
    if any(not code.isalpha() or len(code) not in (2, 3) for code in codes):
        raise FilterError(f"language: expected ISO 639-1 codes like fr,en, got {','.join(codes)}")
    unknown = [code for code in codes if code not in known_languages()]
    if unknown:  # no record could ever match: say so rather than filter out every record
        raise FilterError(f"language: {','.join(unknown)} is not a language ingest detects; it detects "
                          f"{','.join(sorted(known_languages()))}")
    start, end = _bound(since, "since", end=False), _bound(until, "until", end=True)
    if start and end and start >= end:  # no record could ever match: a mistake, not a filter
        raise FilterError(f"until: {_text(until)} is not after since {_text(since)}; no record could match")
    return Filters(codes, start, end)


def _text(value) -> str:
    return value.isoformat() if isinstance(value, (date, datetime)) else str(value)


def _bound(value, name: str, *, end: bool) -> datetime | None:
    if value is None or value == "":
        return None
    text = _text(value)
    instant = parse_instant(text)
    if instant is None:
        raise FilterError(f"{name}: expected a date like 2024-09-17 or 2024-09-17T08:00:00+00:00, got {text!r}")
    if end and len(text) == 10:  # a day: up to its end
        instant += timedelta(days=1)
    return instant


def parse_instant(value: str | None) -> datetime | None:
    """A record's ISO 8601 date or datetime as an aware datetime (UTC when it names no offset)."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = datetime.combine(date.fromisoformat(value[:10]), time())
        except ValueError:
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
