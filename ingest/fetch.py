"""A real HTTP fetch for one-off URLs: redirects followed, timeouts, a size cap, our User-Agent."""
from __future__ import annotations

from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin

import urllib3

from . import __version__ as _version

USER_AGENT = f"ingest/{_version} (news article extractor; +https://pypi.org/project/ingest/)"
MAX_REDIRECTS = 10
REDIRECTS = {301, 302, 303, 307, 308}
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/octet-stream", "")


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    body: bytes
    charset: str | None


class FetchError(Exception):
    pass


def fetch(url: str, timeout: float = 20.0, max_bytes: int = 20_000_000,
          pool: urllib3.PoolManager | None = None, headers: dict[str, str] | None = None) -> Fetched:
    """`headers` are sent besides (or instead of) ours: a User-Agent, a Cookie, an Authorization."""
    pool = pool or urllib3.PoolManager(headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5",
                                                **(headers or {})})
    for _ in range(MAX_REDIRECTS + 1):
        response = _request(pool, url, timeout)
        if response.status in REDIRECTS and response.headers.get("Location"):
            response.release_conn()
            url = urljoin(url, response.headers["Location"])
            continue
        return _read(response, url, max_bytes)
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")


def _request(pool, url: str, timeout: float):
    try:
        return pool.request("GET", url, redirect=False, retries=False, preload_content=False,
                            timeout=urllib3.Timeout(connect=timeout, read=timeout))
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(_why(exc)) from None


def _read(response, url: str, max_bytes: int) -> Fetched:
    try:
        if response.status >= 400:
            raise FetchError(f"HTTP {response.status} {response.reason or ''}".strip())
        content_type, charset = _content_type(response.headers.get("Content-Type", ""))
        if content_type not in HTML_TYPES:
            raise FetchError(f"not HTML (Content-Type {content_type})")
        body = response.read(max_bytes + 1, decode_content=True)
        if len(body) > max_bytes:
            raise FetchError(f"larger than {max_bytes} bytes")
        return Fetched(url=url, body=body, charset=charset)
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(_why(exc)) from None
    finally:
        response.release_conn()


def _content_type(header: str) -> tuple[str, str | None]:
    msg = Message()
    msg["Content-Type"] = header or "text/html"
    return msg.get_content_type().lower() if header else "", msg.get_param("charset")


def _why(exc: Exception) -> str:
    reason = getattr(exc, "reason", None) or exc
    text = str(reason)
    if "timed out" in text.lower():
        return "timed out"
    return text.split(": ", 1)[-1] if ": " in text else text
