"""Scrapy settings for ingest crawls, grouped; our own are prefixed INGEST_. Override any with `-s`."""
import os

from ingest.identity import CONTACT_VARIABLE, user_agent

BOT_NAME = "ingest"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

# --- Politeness: identify ourselves, obey robots.txt, adapt to the server ---
# The same User-Agent as `ingest clean URL`; its contact from INGEST_CONTACT (env or -s).
INGEST_CONTACT = os.environ.get(CONTACT_VARIABLE, "")
USER_AGENT = user_agent()
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 32
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
RETRY_ENABLED = True
RETRY_TIMES = 2
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 20_000_000  # the same bound `clean` puts on a page
REDIRECT_MAX_TIMES = 10
COOKIES_ENABLED = False
INGEST_ROBOTS_TIMEOUT = 10.0  # seconds for robots.txt, tried once: a hanging one must not stall its site
INGEST_CRAWL_DELAY_MAX = 60.0  # robots.txt Crawl-delay is honoured up to this many seconds

# --- Where a crawl may go: its sources' origins; no private, loopback, link-local or metadata
# address unless a start URL is one (checked on the resolved address). Per source: settings.
INGEST_ADDRESS_GUARD = True
TWISTED_DNS_RESOLVER = "ingest.crawl.resolver.GuardedResolver"
DOWNLOADER_MIDDLEWARES = {
    "ingest.crawl.scope.ScopeMiddleware": 40,  # before robots.txt is fetched for an origin
    "ingest.crawl.robots.RobotsPolitenessMiddleware": 110,  # after robots.txt is parsed
    "ingest.crawl.failures.DownloadFailuresMiddleware": 540,  # after retries, in the exception chain
}

# --- Discovery ---
DEPTH_LIMIT = 0  # the source's `depth` bounds link following; see INGEST_DEPTH
DEPTH_STATS_VERBOSE = False
INGEST_DEPTH = 2  # link hops followed from listing pages, when the source does not say
INGEST_PAGE_LIMIT = 0  # pages fetched per crawl, 0 for no limit (a source's page_limit wins)
INGEST_FOLLOW_FROM_ARTICLES = False  # follow links found on article pages too (costs CPU)

# --- Pipeline: skip unchanged pages, clean, filter, deduplicate, check the crawl state, write the feed ---
ITEM_PIPELINES = {
    "pipelines.unchanged.UnchangedPagePipeline": 50,
    "pipelines.clean.CleanPipeline": 100,
    "pipelines.filter.FilterPipeline": 150,  # on only for a source with language/since/until
    "pipelines.dedup.DedupPipeline": 200,
    "pipelines.ledger.LedgerPipeline": 300,
    "pipelines.feed.FeedPipeline": 400,
}
# Items of one response processed at once. A page yields one item; Scrapy starts this many
# tasks per response whatever it yields, so the default of 100 costs CPU the cleaners need.
CONCURRENT_ITEMS = 8
# Worker processes that run `ingest.clean`: 0 cleans in the crawl's own process; None is one
# per core. INGEST_CLEAN_ENABLED = False skips cleaning (the fetch-only benchmark).
INGEST_CLEAN_ENABLED = True
INGEST_CLEAN_WORKERS = None
INGEST_CLEAN_TIMEOUT = 60.0  # seconds one page may take before it is dropped
INGEST_CLEAN_MAX_PENDING = 0  # pages queued for cleaning at once; 0 is 4 per worker

# --- Crawl state and feed ---
# Under out/ (ignored by git) for `scrapy crawl news` from the repository root; `ingest crawl` sets both.
INGEST_STATE_DIR = os.environ.get("INGEST_STATE_DIR", "out/state")
INGEST_FEED_DIR = os.environ.get("INGEST_FEED_DIR", "out/feed")
INGEST_FEED_MAX_BYTES = 64 << 20  # a feed file is closed and renamed past this size...
INGEST_FEED_MAX_SECONDS = 600.0  # ...or this age
INGEST_FEED_MAX_RECORDS = 0  # ...or this many records (0: no limit)
INGEST_CONDITIONAL_REQUESTS = True  # If-None-Match / If-Modified-Since for pages already emitted
# Skip a sitemap entry whose <lastmod> is before the last fetch of its page (its article being in
# the feed): recrawls of big sitemaps then request only what changed. Off for sites whose lastmod
# does not move when an article is edited.
INGEST_SITEMAP_LASTMOD = True
INGEST_SHUTDOWN_GRACE = 3.0  # seconds a stopping crawl waits for downloads in flight before aborting them
# Many machines: the crawl state, leases, queues and seen-sets in this Redis (redis://host:port/db).
# `--redis URL` sets it; None keeps everything on this machine (SQLite, JOBDIR, file locks).
INGEST_REDIS_URL = None
INGEST_REDIS_LEASE_SECONDS = 30.0  # a dead worker's sources and requests return after this long
INGEST_REDIS_LEASE = None  # the lease `ingest schedule --redis` took for the crawl it starts
INGEST_RESUME = True  # a crawl stopped by SIGTERM/SIGINT resumes its queue next time (JOBDIR under the state)

# --- Engine ---
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
TELNETCONSOLE_ENABLED = False
# Scrapy 2.19's code-running HTTP server on localhost (token in the user's profile): not for a crawler.
REMOTE_CONTROL_ENABLED = False
