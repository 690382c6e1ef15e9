"""UnchangedPagePipeline: a page identical, byte for byte, to the one whose article is in the feed is
dropped before cleaning. Conditional requests do this for servers that send validators; this
does it for those that do not.
"""
from __future__ import annotations

import hashlib

from ingest.crawl.items import PageItem

from . import LedgerBacked, drop


class UnchangedPagePipeline(LedgerBacked):
    def check(self, item):
        if not isinstance(item, PageItem) or item.record is not None:
            return item
        item.body_hash = "sha256:" + hashlib.sha256(item.body).hexdigest()
        if self.ledger.body_hash(item.url) == item.body_hash:
            raise drop(self.stats, "unchanged_page", f"{item.url} is byte for byte the page last written",
                       log_level="DEBUG")
        return item
