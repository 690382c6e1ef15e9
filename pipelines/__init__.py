"""Item pipeline components, one per module: unchanged, clean, dedup, ledger, feed."""
from __future__ import annotations

from scrapy.exceptions import DropItem


def drop(stats, reason: str, detail: str = "", *, log_level: str = "INFO") -> DropItem:
    """A DropItem whose reason is counted in the crawl stats as `ingest/dropped/<reason>`."""
    if stats is not None:
        stats.inc_value(f"ingest/dropped/{reason}")
    return DropItem(f"{reason}: {detail}" if detail else reason, log_level=log_level)
