"""News sites on several loopback hosts (127.0.0.1, 127.0.0.2, ...), one source each, for the
many-machines tests: each host counts the requests it is answering at once, and holds its article
responses behind a gate until the test opens it.
"""
from __future__ import annotations

import threading
from pathlib import Path

from . import generated
from .newsroom import PAGES
from .server import TestSite, _handler


class HostSite(TestSite):
    """A generated article site on its own loopback address."""

    def __init__(self, address: str, prefix: str):
        super().__init__()
        self.address = address
        self.prefix = prefix  # article paths start with it, so a record's URL names its source
        self.gate = threading.Event()  # article responses wait for it
        self.gate.set()
        self.active = 0  # requests being answered now
        self.most_active = 0
        self.waiting = 0  # article requests held at the gate
        self.served_articles = 0

    @property
    def root(self) -> str:
        return f"http://{self.address}:{self.server.server_port}"

    def start(self) -> "HostSite":
        from http.server import ThreadingHTTPServer

        base = _handler(self)
        site = self

        class Counting(base):
            def do_GET(self):
                with site.lock:
                    site.active += 1
                    site.most_active = max(site.most_active, site.active)
                self.answering = True
                try:
                    if self.path.startswith(site.prefix):
                        site._hold()
                    super().do_GET()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # a killed worker's request, answered once the gate opened
                finally:
                    self._answered()

            def end_headers(self):
                # The client can send its next request only once it has the body, written after
                # this: the request stops counting here, so a fast next one is never counted twice.
                self._answered()
                super().end_headers()

            def _answered(self):
                if self.answering:
                    self.answering = False
                    with site.lock:
                        site.active -= 1

        self.server = ThreadingHTTPServer((self.address, 0), Counting)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def _hold(self) -> None:
        with self.lock:
            self.waiting += 1
        self.gate.wait()
        with self.lock:
            self.waiting -= 1
            self.served_articles += 1


def host_sites(hosts: int, articles: int) -> list[HostSite]:
    """`hosts` started sites of `articles` article pages each, on 127.0.0.1, 127.0.0.2, ..."""
    pages = generated.load_pages(PAGES)
    sites = []
    for n in range(hosts):
        prefix = f"/site{n}"
        site = HostSite(f"127.0.0.{n + 1}", prefix)
        template, paths = generated.article_site(pages, articles)
        for path in paths:
            site[prefix + path] = template[path]
        for path in ("/robots.txt", "/"):
            site[path] = template[path]
        site._sitemap_paths = [prefix + p for p in paths]
        sites.append(generated.start(site))
    return sites


def sources_file(folder: Path, sites: list[HostSite], *, interval: str = "1h") -> Path:
    path = folder / "sources.toml"
    path.write_text("".join(f'[sources.host{n}]\nstart = ["{site.root}/"]\ninterval = "{interval}"\n\n'
                            for n, site in enumerate(sites)), encoding="utf-8")
    return path
