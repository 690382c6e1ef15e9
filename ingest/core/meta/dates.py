"""Publication and modification dates: htmldate's answer, the page's structured data and the
date shown under the headline, with where the chosen one came from."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from htmldate.extractors import Extractor, extract_url_date

from .formats import written_day
from .sanity import EARLIEST_MOMENT, iso_date
from .shown import ShownDate

PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
                  "date", "dc.date", "dc.date.issued", "dcterms.date", "sailthru.date", "parsely-pub-date", "published")
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
_ZONE_EXTREMES = (timedelta(hours=-12), timedelta(0), timedelta(hours=14))  # UTC-12 to UTC+14
_WRITTEN_MAX = 40  # characters: "Wednesday, 17 September 2025, 10:45 AM" and shorter


@dataclass(frozen=True)
class Dates:
    published: str | None
    published_source: str | None  # "json-ld", "meta", "time", "text", "url"
    modified: str | None


def choose_dates(page, article: dict, htmldate: Callable[[], str | None], shown: list[ShownDate],
                 urls: list[str], fetched_at: datetime) -> Dates:
    """The day in the page's address wins (it was minted at publication), then the publication
    date shown near the headline (the one readers see), each keeping the time of a structured
    value of that day; then the article object's JSON-LD, then meta tags, then an update date
    shown near the headline, then htmldate's search (its source traced)."""
    declared = [("json-ld", _text(article.get("datePublished") or article.get("dateCreated"))),
                ("meta", page.meta_first(*PUBLISHED_META))]
    # ISO values first: they carry the time of day a written one ("July 17, 2025") leaves out.
    structured = ([(source, iso_date(value, fetched_at)) for source, value in declared]
                  + [(source, _written(value, fetched_at)) for source, value in declared])
    plain = [d.day for d in shown if not d.update and iso_date(d.day, fetched_at)]
    url_day = _url_day(urls, fetched_at)
    if url_day:  # an address is minted when the article is published: a later day shown is an update
        published, source = _precise(url_day, structured, "url")
    elif plain:
        published, source = _precise(plain[0], structured)
    else:
        published, source = next(((v, s) for s, v in structured if v), (None, None))
    if published is None:
        published, source = _only_update(shown, fetched_at)
    if published is None:
        published = iso_date(htmldate(), fetched_at)
        source = _traced(page, published, fetched_at) if published else None
    return Dates(published, source, _modified(page, article, shown, published, fetched_at))


def _written(value: str | None, fetched_at: datetime) -> str | None:
    """The day of a declared date that is not ISO 8601 but written with its month's name, as a page
    shows one: some sites declare "July 17, 2025". An all-numeric value that is not ISO ("03-09-2026",
    "13/11/2025 09:21") is left unread: nothing says which order it is in, and on wcxb-dev reading
    those lost two dates the page shows; a value longer than a written date is not one either."""
    if not value or len(value) > _WRITTEN_MAX or not any(c.isalpha() for c in value) or iso_date(value, fetched_at):
        return None
    return iso_date(written_day(value, EARLIEST_MOMENT, fetched_at.replace(tzinfo=None)), fetched_at)


def _precise(day: str, structured, found_in: str = "text") -> tuple[str, str]:
    """A structured value of the shown day, with its time of day and its source, else the day.
    "8/1/2025" reads either way round: a structured value of the swapped day settles which. A
    value with a UTC offset names a moment: the page may show that moment's day where the site is
    (23:00 UTC is the next day in Paris), so any day it falls on in some time zone matches."""
    year, month, dom = day.split("-")
    # Only a day read from the page's text can be the wrong way round; an address's is y/m/d.
    readings = {day, f"{year}-{dom}-{month}"} if found_in == "text" else {day}
    return next(((value, source) for source, value in structured if value and readings & _local_days(value)),
                (day, found_in))


def _local_days(value: str) -> set[str]:
    """The days a structured date falls on: its own, or for a moment the days it is somewhere on Earth."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return {value[:10]}
    if moment.tzinfo is None:
        return {value[:10]}
    utc = moment.astimezone(timezone.utc)
    return {(utc + offset).date().isoformat() for offset in _ZONE_EXTREMES}


def _only_update(shown: list[ShownDate], fetched_at: datetime) -> tuple[str | None, str | None]:
    """A page that declares no publication date and shows only "Updated <day>" is dated by that
    day, the one its readers see, rather than by a date htmldate finds elsewhere on the page (a
    related post's, a comment's). On wcxb-dev this dated 8 more articles right and none wrong."""
    day = next((d.day for d in shown if d.update and iso_date(d.day, fetched_at)), None)
    return (day, "text") if day else (None, None)


def _url_day(urls: list[str], fetched_at: datetime) -> str | None:
    """The full date (year, month and day) in the page's address, as htmldate reads one."""
    options = Extractor(False, fetched_at.replace(tzinfo=None), EARLIEST_MOMENT, True, "%Y-%m-%d")
    return next((day for day in (extract_url_date(url, options) for url in urls) if day), None)


def _traced(page, day: str, fetched_at: datetime) -> str:
    """Where on the page htmldate found its date: a <time> element, or the text. (Not the address:
    a page whose address holds a full date is dated by it before htmldate is asked.)"""
    for el in page.tree.iterfind(".//time"):
        if (iso_date(el.get("datetime"), fetched_at) or "")[:10] == day[:10]:
            return "time"
    return "text"


def _modified(page, article: dict, shown, published: str | None, fetched_at: datetime) -> str | None:
    values = (_text(article.get("dateModified")), page.meta_first(*MODIFIED_META), *(d.day for d in shown if d.update))
    for read in (iso_date, _written):  # ISO values first, as for the publication
        for value in values:
            modified = read(value, fetched_at)
            if modified and (published is None or modified[:10] >= published[:10]):
                return modified
    return None


def _text(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, str) else None
