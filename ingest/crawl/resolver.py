"""GuardedResolver: Scrapy's caching resolver, refusing a name that resolves to an address the
address guard refuses, so a DNS answer cannot lead a crawl to a private or metadata address."""
from __future__ import annotations

import logging

from scrapy.resolver import CachingThreadedResolver
from twisted.internet.error import DNSLookupError

from .guard import AddressGuard, AddressRefused

logger = logging.getLogger(__name__)


class GuardedResolver(CachingThreadedResolver):
    """One per process (Scrapy installs it on the reactor); each crawl's scope middleware adds its
    start URLs' addresses, and a crawl with the guard off turns it off for the process."""

    def __init__(self, reactor, cache_size: int, timeout: float):
        super().__init__(reactor, cache_size, timeout)
        self.guard = AddressGuard()
        self.refused: dict[str, str] = {}  # host name -> why, for the scope middleware to count

    @classmethod
    def installed(cls) -> "GuardedResolver | None":
        from twisted.internet import reactor

        resolver = getattr(reactor, "resolver", None)
        return resolver if isinstance(resolver, cls) else None

    @classmethod
    def allow_for_crawl(cls, guard: AddressGuard) -> None:
        resolver = cls.installed()
        if resolver:
            allowed = resolver.guard.allowed | guard.allowed
            resolver.guard = AddressGuard(allowed, resolver.guard.enabled and guard.enabled)

    def getHostByName(self, name: str, timeout=()):
        resolved = super().getHostByName(name, timeout)
        resolved.addCallback(self._checked, name)
        return resolved

    def _checked(self, address: str, name: str) -> str:
        try:
            self.guard.check(name, address)
        except AddressRefused as refused:
            if name not in self.refused:
                logger.warning("%s: not connecting", refused)
            self.refused[name] = str(refused)
            # A lookup error is what Twisted expects from a resolver: the connection attempt fails quietly.
            raise DNSLookupError(str(refused)) from None
        return address
