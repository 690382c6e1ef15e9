"""One URL fetched and cleaned, for library users: what newspaper4k's `Article(url)` and
news-please's `from_url` do, with `ingest clean URL`'s fetch (redirects within the URL's origin,
the address guard, timeouts, the size cap, our User-Agent)."""
from __future__ import annotations

from datetime import datetime, timezone

from .core.clean import clean
from .core.options import DEFAULT, Options
from .core.record import Article
from .core.rejection import Reason, Rejection
from .fetch import BadURL, FetchError, fetch


def clean_url(url: str, options: Options = DEFAULT, *, headers: dict[str, str] | None = None) -> Article | Rejection:
    """The article at `url`, or a `Rejection` saying why there is none: a URL that cannot be fetched
    as written (`bad URL`), a fetch that failed (`fetch failed`: an HTTP error, a timeout, not HTML)
    or a page that gives no article. `headers` are sent with the request (a Cookie, an
    Authorization, another User-Agent)."""
    if not isinstance(url, str):
        raise TypeError(f"clean_url(): url must be str, not {type(url).__name__}")
    try:
        fetched = fetch(url, max_bytes=options.max_bytes, headers=headers)
    except BadURL as error:
        return Rejection(Reason.BAD_URL, str(error).removeprefix("bad URL: "))
    except FetchError as error:
        return Rejection(Reason.FETCH_FAILED, str(error))
    return clean(fetched.body, fetched.url, options, encoding=fetched.charset, fetched_at=datetime.now(timezone.utc))
