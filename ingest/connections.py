"""urllib3 pools for `ingest clean URL` whose connections obey the address guard where they are made
(after DNS resolution) and are cut when the whole response's deadline passes."""
from __future__ import annotations

import socket
import threading
import time
from urllib.request import getproxies, proxy_bypass
from urllib.parse import urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util import connection

from .crawl.guard import AddressGuard, resolve


class Deadline:
    """A whole-response time limit: when it passes, every socket it watches is shut down, so a
    read blocked on a server that drips a byte a second returns at once."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return max(0.001, self.at - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        # A duplicate descriptor: shutting it down ends the connection even once TLS has
        # taken over the original socket object.
        with self._lock:
            self._sockets.append(sock.dup())
            if self.expired:
                self._shut(self._sockets[-1])

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def close(self) -> None:
        self._timer.cancel()
        with self._lock:
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()


class _Guarded:
    """Mixin for urllib3 connections: resolve, check every address, connect to one allowed."""

    guard: AddressGuard
    deadline: Deadline

    def _new_conn(self) -> socket.socket:
        host = self._dns_host.strip("[]")
        addresses = sorted(resolve(host), key=lambda ip: ip.version) if self.guard.enabled else [host]
        if not addresses:
            raise NameResolutionError(self.host, self, socket.gaierror("name does not resolve"))
        for address in addresses:
            self.guard.check(self.host, str(address))  # AddressRefused: any refused address refuses the host
        timeout = min(self.timeout, self.deadline.remaining()) if isinstance(self.timeout, float) else self.timeout
        try:
            sock = connection.create_connection((str(addresses[0]), self.port), timeout,
                                                source_address=self.source_address,
                                                socket_options=self.socket_options)
        except socket.timeout as exc:
            raise ConnectTimeoutError(self, f"Connection to {self.host} timed out") from exc
        except OSError as exc:
            raise NewConnectionError(self, f"Failed to establish a new connection: {exc}") from exc
        self.deadline.watch(sock)
        return sock


def pool_manager(url: str, guard: AddressGuard, deadline: Deadline, headers: dict):
    """A PoolManager (or ProxyManager, when the environment names a proxy for `url`) whose
    connections are guarded and bounded by `deadline`."""
    proxy = _proxy_for(url)
    if proxy:  # the proxy makes the connection to the site: only literal addresses can be checked
        guard = AddressGuard(enabled=False)
    http = type("GuardedHTTPConnection", (_Guarded, HTTPConnection), {"guard": guard, "deadline": deadline})
    https = type("GuardedHTTPSConnection", (_Guarded, HTTPSConnection), {"guard": guard, "deadline": deadline})
    pools = {"http": type("Pool", (HTTPConnectionPool,), {"ConnectionCls": http}),
             "https": type("Pool", (HTTPSConnectionPool,), {"ConnectionCls": https})}
    manager = urllib3.ProxyManager(proxy, headers=headers) if proxy else urllib3.PoolManager(headers=headers)
    manager.pool_classes_by_scheme = pools
    return manager


def _proxy_for(url: str) -> str | None:
    """The proxy `http_proxy`/`https_proxy`/`no_proxy` give for this URL, as curl and Scrapy read them."""
    parts = urlsplit(url)
    proxies = getproxies()
    if parts.hostname and proxy_bypass(parts.hostname):
        return None
    return proxies.get(parts.scheme)
