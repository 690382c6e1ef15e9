"""A real HTTP fetch for one-off URLs: redirects followed within the URL's origin, the address guard,
timeouts and a whole-response deadline, a size cap, proxies from the environment, our User-Agent."""
from __future__ import annotations

from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin

import urllib3

from .connections import Deadline, pool_manager
from .crawl.guard import AddressGuard, AddressRefused, Scope
from .crawl.urls import url_problem
from .identity import user_agent

MAX_REDIRECTS = 10
REDIRECTS = {301, 302, 303, 307, 308}
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/octet-stream", "")
DEADLINE = 60.0  # seconds for the whole fetch, redirects and body included
CHUNK = 64 << 10


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    body: bytes
    charset: str | None


class FetchError(Exception):
    pass


class BadURL(FetchError):
    """The URL cannot be fetched as written (no host, a port out of range, a broken IPv6 literal)."""


def fetch(url: str, timeout: float = 20.0, max_bytes: int = 20_000_000, deadline: float = DEADLINE,
          guard: AddressGuard | None = None, headers: dict[str, str] | None = None) -> Fetched:
    """GET `url`. The guard allows the URL's own addresses (and no other private ones); `headers` are
    sent besides (or instead of) ours: a User-Agent, a Cookie, an Authorization."""
    problem = url_problem(url)
    if problem:
        raise BadURL(f"bad URL: {problem}")
    guard = (guard or AddressGuard()).allowing([url])
    clock = Deadline(deadline)
    try:
        return _fetch(url, timeout, max_bytes, guard, clock, headers or {})
    except urllib3.exceptions.LocationValueError as exc:  # a host urllib3 cannot connect to as written
        raise BadURL(f"bad URL: {exc}") from None
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(f"took longer than {deadline:g}s" if clock.expired else _why(exc)) from None
    except AddressRefused as exc:
        raise FetchError(str(exc)) from None
    finally:
        clock.close()


def _fetch(url: str, timeout: float, max_bytes: int, guard: AddressGuard, clock: Deadline,
           headers: dict[str, str]) -> Fetched:
    scope = Scope.of([url])
    pool = pool_manager(url, guard, clock, {"User-Agent": user_agent(), "Accept": "text/html,*/*;q=0.5", **headers})
    for _ in range(MAX_REDIRECTS + 1):
        guard.check_literal(url)
        response = pool.request("GET", url, redirect=False, retries=False, preload_content=False,
                                timeout=urllib3.Timeout(connect=timeout, read=timeout))
        if response.status in REDIRECTS and response.headers.get("Location"):
            _discard(response)
            url, refusal = _redirected(url, response.headers["Location"])
            refusal = refusal or scope.refusal(url)
            if refusal:
                raise FetchError(f"redirect refused, {refusal}")
            continue
        return _read(response, url, max_bytes, clock)
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")


def _redirected(url: str, location: str) -> tuple[str, str | None]:
    """Where a redirect leads, and why it cannot be followed there (None when it can)."""
    try:
        target = urljoin(url, location)
    except ValueError as exc:  # a Location urljoin cannot even read ("http://[::1/story")
        return location, str(exc)
    return target, url_problem(target)


def _discard(response) -> None:
    """Read a short redirect body so its keep-alive connection can carry the next request (left
    unread, the next request on it fails: ResponseNotReady); a long or unsized one costs the
    connection instead."""
    left = response.length_remaining
    if left is not None and left <= CHUNK:
        response.drain_conn()
    else:
        response.close()
    response.release_conn()


def _read(response, url: str, max_bytes: int, clock: Deadline) -> Fetched:
    try:
        if response.status >= 400:
            raise FetchError(f"HTTP {response.status} {response.reason or ''}".strip())
        content_type, charset = _content_type(response.headers.get("Content-Type", ""))
        if content_type not in HTML_TYPES:
            raise FetchError(f"not HTML (Content-Type {content_type})")
        body = bytearray()
        for chunk in response.stream(CHUNK, decode_content=True):
            body += chunk
            if len(body) > max_bytes:
                raise FetchError(f"larger than {max_bytes} bytes")
        if clock.expired:
            raise FetchError(f"took longer than {clock.seconds:g}s")
        if not body and response.tell():  # a decoder that met no valid data may give nothing, not an error
            encoding = response.headers.get("Content-Encoding", "")
            raise FetchError(f"the body does not decode as its Content-Encoding says ({encoding} gave nothing "
                             f"from {response.tell()} bytes)")
        return Fetched(url=url, body=bytes(body), charset=charset)
    finally:
        response.release_conn()


def _content_type(header: str) -> tuple[str, str | None]:
    msg = Message()
    msg["Content-Type"] = header or "text/html"
    return msg.get_content_type().lower() if header else "", msg.get_param("charset")


def _why(exc: Exception) -> str:
    if isinstance(exc, urllib3.exceptions.DecodeError):  # its text is a tuple's repr: say it plainly
        detail = f" ({exc.args[1]})" if len(exc.args) > 1 else ""
        return f"the body does not decode as its Content-Encoding says{detail}"
    reason = getattr(exc, "reason", None) or exc
    if isinstance(reason, AddressRefused):
        return str(reason)
    text = str(reason)
    if "timed out" in text.lower():
        return "timed out"
    return text.split(": ", 1)[-1] if ": " in text else text
