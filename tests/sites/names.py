"""Host names for crawl tests: every name under `.test` (a top-level domain reserved for testing)
resolves to 127.0.0.1 in the crawl, so a test site can be reached by any name, an international
one included, with no DNS and no hosts file. Given to a crawl as
`-s TWISTED_DNS_RESOLVER=sites.names.LoopbackNames`, with tests/ on its PYTHONPATH."""
from __future__ import annotations

import os
import subprocess

from twisted.internet import defer

from ingest.crawl.resolver import GuardedResolver

from .crawling import REPO, crawl_command

TEST_DOMAIN = ".test"


class LoopbackNames(GuardedResolver):
    def getHostByName(self, name: str, timeout=()):
        if name.rstrip(".").endswith(TEST_DOMAIN):
            return defer.succeed("127.0.0.1")  # loopback by the test's own choice: not the guard's to refuse
        return super().getHostByName(name, timeout)


def crawl_by_name(start: str, site, tmp_path) -> subprocess.CompletedProcess:
    """`ingest crawl START` of `site`, whatever `.test` name START gives it; stops the site after."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO / "tests"), str(REPO)]))
    try:
        return subprocess.run(crawl_command(start, out=tmp_path / "feed", state=tmp_path / "state",
                                            extra=["-s", "TWISTED_DNS_RESOLVER=sites.names.LoopbackNames"]),
                              cwd=REPO, env=env, capture_output=True, text=True, timeout=180)
    finally:
        site.stop()
