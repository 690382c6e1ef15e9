"""Pages out of a WARC file: each HTML response as raw bytes with its URL, HTTP charset and
WARC-Date; every other record skipped with a counted reason. Read with fastwarc (see README)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from fastwarc.warc import ArchiveIterator, WarcRecordType

HTML_TYPES = ("text/html", "application/xhtml+xml")
# The named fields every WARC record has (ISO 28500, 5.1): fastwarc yields a block without them as a
# record of unknown type and reads on.
_MANDATORY = ("WARC-Type", "WARC-Record-ID", "WARC-Date", "Content-Length")


@dataclass(frozen=True)
class ArchivedPage:
    """One HTML response as a crawl would have fetched it."""

    url: str
    body: bytes
    charset: str | None  # the charset HTTP declared, as the crawl reads it
    fetched_at: datetime  # WARC-Date


@dataclass
class Tally:
    """What a file held: pages handed on, and records skipped by reason."""

    pages: int = 0
    skipped: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(self.skipped.items()))
        return f"{self.pages} HTML pages" + (f"; skipped {reasons}" if reasons else "")


def read_pages(stream, tally: Tally) -> Iterator[ArchivedPage]:
    """The HTML responses of a WARC stream (gzip or plain), counting the rest in `tally`.

    A record cut short or a stream that cannot be parsed further is counted as `broken` and
    ends the file. Errors of the stream itself (a failed download: `opener.Unavailable`) are
    raised: they say nothing about the archive, and trying again may succeed.
    """
    records = ArchiveIterator(stream, record_types=WarcRecordType.any_type, parse_http=True,
                              auto_decode="all")
    try:
        for record in records:
            page, reason = _page(record)
            if page is not None:
                tally.pages += 1
                yield page
            elif reason:
                tally.skipped[reason] += 1
    except OSError:  # fastwarc's word for a stream it cannot decompress or parse
        tally.skipped["broken"] += 1


def _page(record) -> tuple[ArchivedPage | None, str | None]:
    """The page a record holds, or the reason it is skipped (None: not a page, say nothing)."""
    kind = record.record_type
    if any(record.headers.get(name) is None for name in _MANDATORY):
        return None, "broken"  # not a record: a header block cut short or garbage where one should be
    if kind == WarcRecordType.revisit:
        return None, "revisit"
    expected = record.content_length
    body = record.reader.read() if record.reader is not None else b""
    if len(body) < expected:
        return None, "broken"  # the file ends inside the record
    if kind != WarcRecordType.response:
        return None, None  # warcinfo, request, metadata: not pages
    if record.headers.get("WARC-Truncated"):
        return None, "truncated"
    http = record.http_headers
    if http is None:
        return None, "broken"
    if not 200 <= (http.status_code or 0) < 300:
        return None, "not-200"
    content_type = http.get("Content-Type") or record.headers.get("WARC-Identified-Payload-Type") or ""
    if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        return None, "not-html"
    url = record.headers.get("WARC-Target-URI") or ""
    if not url or record.record_date is None:
        return None, "broken"
    return ArchivedPage(url.strip("<>"), body, declared_charset(content_type), record.record_date), None


def declared_charset(content_type: str) -> str | None:
    """The charset parameter of a Content-Type, as the crawl's spider reads it."""
    for param in content_type.split(";")[1:]:
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None
