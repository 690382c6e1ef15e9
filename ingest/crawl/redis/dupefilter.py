"""RunDupeFilter: scrapy-redis's seen-set, keyed by the source's run, so it ends with the run (a
seen-set that outlived it would stop the next run's conditional re-checks of unchanged pages)."""
from __future__ import annotations

from scrapy_redis.dupefilter import RFPDupeFilter


class RunDupeFilter(RFPDupeFilter):
    def close(self, reason=""):
        """Kept: the run may go on in another worker. The scheduler deletes it when the run ends."""
