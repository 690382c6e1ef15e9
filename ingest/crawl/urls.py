"""URL identity: the same article reached through tracking links or fragments is one URL; and
whether a URL can be fetched as written at all."""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from w3lib.url import safe_url_string

# Query keys that only say how a reader arrived; they never select different content.
TRACKING_KEYS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
    "mc_cid", "mc_eid", "_ga", "_gl", "ref_src", "cmpid", "ncid", "ocid", "sr_share",
})
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "at_", "itm_")


def is_tracking_key(key: str) -> bool:
    key = key.lower()
    return key in TRACKING_KEYS or key.startswith(TRACKING_PREFIXES)


def ascii_host(host: str) -> str:
    """A host name as DNS and Scrapy write it: lower-case, an international name in its IDNA form
    (bücher.example -> xn--bcher-kva.example), as w3lib writes it for Scrapy's requests. Compared
    as a page wrote it, a crawl of an international name refused its own pages as another origin."""
    if host.isascii():
        return host.lower()
    try:
        return unicodedata.normalize("NFKC", host).encode("idna").decode("ascii").lower()
    except UnicodeError:  # not a name IDNA can write: url_problem says so before any request
        return host.lower()


def url_forms(url: str) -> tuple[str, ...]:
    """`url` as found, as a reader reads it (escapes decoded, an IDNA host in its own script) and as
    it goes on the wire (non-ASCII escaped, the host in IDNA): a source's allow/deny pattern written
    any of these ways matches, whichever way the page wrote its link (`/новости/` never matched a
    sitemap's `/%D0%BD...`)."""
    if url.isascii() and "%" not in url and "xn--" not in url.lower():
        return (url,)
    try:
        parts = urlsplit(url)
        readable = urlunsplit((parts.scheme, _IDNA_LABEL.sub(_own_script, parts.netloc), unquote(parts.path),
                               unquote(parts.query), unquote(parts.fragment)))
        return tuple(dict.fromkeys((url, readable, safe_url_string(url))))
    except ValueError:  # a URL urlsplit cannot read is refused elsewhere; its own form is enough here
        return (url,)


_IDNA_LABEL = re.compile(r"(?i)(?<![\w-])xn--[a-z0-9-]+")


def _own_script(label: re.Match) -> str:
    try:
        return label.group(0).encode("ascii").decode("idna")
    except UnicodeError:
        return label.group(0)


def canonicalize(url: str) -> str:
    """The URL without tracking query keys and fragment, host lower-cased (in its IDNA form),
    default port dropped."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = ascii_host(parts.hostname or "")
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    if parts.username or parts.password:
        host = f"{parts.username or ''}{':' + parts.password if parts.password else ''}@{host}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_key(k)]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query, doseq=True), ""))


def url_problem(url: str) -> str | None:
    """Why `url` cannot be fetched as written, checked before any connection; None when it can."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (reading it checks it: a port out of range or not a number raises)
    except ValueError as exc:
        return str(exc)
    if parts.scheme not in ("http", "https"):
        return f"the scheme is {parts.scheme or 'missing'}, not http or https"
    if not parts.hostname:
        return "no host"
    if any(ch.isspace() for ch in parts.netloc):
        return "white space in the host"
    if not parts.hostname.isascii():
        try:
            unicodedata.normalize("NFKC", parts.hostname).encode("idna")
        except UnicodeError as error:
            return f"the host is no international domain name IDNA can write ({error.__cause__ or error})"
    return None
