"""Where a fetch may go: the address guard (no private, loopback, link-local or metadata addresses
unless the start URL is one) and the origin scope (scheme, host and port of the start URLs).

No Scrapy here: `ingest clean URL` and the crawl's Scrapy components share these rules.
"""
from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from .urls import ascii_host

DEFAULT_PORTS = {"http": 80, "https": 443}
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressRefused(Exception):
    """A connection the guard refused: the message names the host and the kind of address."""


def special_kind(ip: Address) -> str | None:
    """What makes an address one a public fetch must not reach ("loopback", ...), or None."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "link_local", "private", "multicast", "unspecified", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if ip.is_global else "non-public"


@dataclass(frozen=True)
class AddressGuard:
    """Refuses special addresses but those in `allowed` (the start URLs' own); `enabled=False` lets all by."""

    allowed: frozenset = frozenset()
    enabled: bool = True

    def check(self, host: str, address: str) -> None:
        if not self.enabled:
            return
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        kind = special_kind(ip)
        if kind and ip not in self.allowed:
            raise AddressRefused(f"address guard: {host} is {ip}, a {kind} address")

    def check_literal(self, url: str) -> None:
        """For an IP written in the URL: refused before any connection (and behind a proxy too)."""
        host = urlsplit(url).hostname or ""
        if _literal(host):
            self.check(host, host)

    def allowing(self, urls) -> "AddressGuard":
        """This guard, also allowing the addresses the hosts of `urls` resolve to now."""
        found = set(self.allowed)
        for url in urls:
            found |= resolve(urlsplit(url).hostname or "")
        return AddressGuard(frozenset(found), self.enabled)


def resolve(host: str) -> set[Address]:
    if not host:
        return set()
    if _literal(host):
        return {ipaddress.ip_address(host)}
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return set()
    return {ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos}


def _literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Origin:
    scheme: str
    host: str
    port: int

    @classmethod
    def of(cls, url: str) -> "Origin | None":
        try:
            parts = urlsplit(url)
            port = parts.port or DEFAULT_PORTS.get(parts.scheme)
        except ValueError:
            return None
        if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
            return None
        return cls(parts.scheme, ascii_host(parts.hostname).rstrip("."), port)

    @property
    def default_port(self) -> bool:
        return self.port == DEFAULT_PORTS[self.scheme]


@dataclass(frozen=True)
class Scope:
    """The origins a crawl may fetch: its start URLs' (and `hosts`' subdomains on default ports).

    A start URL on a default port lets the same host on either default port by (http to https
    redirects are everywhere); on another port only that scheme, host and port is in scope. A host
    and its `www.` name are one site either way (a site redirects one to the other: a crawl started
    at www.news.example refused news.example, its own pages, and wrote nothing).
    """

    origins: frozenset
    hosts: frozenset = frozenset()  # extra hosts, and whose subdomains, on default ports

    @classmethod
    def of(cls, start_urls, hosts=()) -> "Scope":
        origins = frozenset(o for o in map(Origin.of, start_urls) if o)
        return cls(origins, frozenset(ascii_host(h).rstrip(".") for h in hosts if h))

    def refusal(self, url: str) -> str | None:
        """Why `url` is out of scope, or None if it is in."""
        target = Origin.of(url)
        if target is None:
            return f"not an http(s) URL: {url}"
        if any(self._covers(origin, target) for origin in self.origins):
            return None
        if target.default_port and any(_within(target.host, h) for h in self.hosts):
            return None
        return f"another origin than the start URLs': {target.scheme}://{target.host}:{target.port}"

    @staticmethod
    def _covers(origin: Origin, target: Origin) -> bool:
        if origin.default_port:
            return target.default_port and (_within(target.host, origin.host) or _one_site(target.host, origin.host))
        return (target.scheme, target.port) == (origin.scheme, origin.port) and _one_site(target.host, origin.host)


def _within(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def _one_site(host: str, other: str) -> bool:
    """The same host, or one is the other's `www.` name."""
    return host.removeprefix("www.") == other.removeprefix("www.")
