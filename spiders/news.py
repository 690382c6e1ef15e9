"""The `news` spider: from a source's start pages to its article pages, by sitemaps, feeds and links.

Discovery only. Every response is sniffed (sitemap, RSS/Atom feed, or HTML page); an HTML
page that looks like an article is yielded as a `PageItem` for the pipelines, any other page
is a listing whose links are followed up to the source's depth.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from lxml import etree
from scrapy import Request, Spider, signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.gz import gunzip
from scrapy.utils.response import get_base_url
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from ingest.crawl.guard import Scope
from ingest.crawl.items import PageItem
from ingest.crawl.lastmod import latest_instant
from ingest.crawl.redis.acks import settle, token_of
from ingest.crawl.state import Ledger, open_state
from ingest.crawl.pagekind import Kind, page_kind
from ingest.crawl.sources import Source, load_sources, source_from_urls
from ingest.crawl.urls import canonicalize, url_problem

_XML_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)


class NewsSpider(Spider):
    name = "news"

    def __init__(self, source: Source | str | None = None, sources: str = "sources.toml",
                 start: str | None = None, job_dir: str | None = None, **kwargs):
        super().__init__(**kwargs)
        self.job_dir = job_dir
        self.source = resolve_source(source, sources, start)
        self.allowed_domains = list(self.source.allowed_hosts)
        # Origins, allow and deny are checked in `request`, for links and sitemap entries alike;
        # the scope middleware checks origins again for redirects.
        self.scope = Scope.of(self.source.start, self.source.hosts)
        self.links = LinkExtractor(unique=True)
        self.depth = 2
        self.follow_from_articles = False
        self.skip_by_lastmod = True
        self.unchanged: set[str] = set()  # URLs a sitemap says are unchanged: not requested by any path
        self.ledger: Ledger | None = None

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        # A source's own settings sit between the project's and the command line's (-s).
        settings.setdict(spider.source.settings, priority="spider")
        limit = spider.source.page_limit
        if limit is None:
            limit = settings.getint("INGEST_PAGE_LIMIT")
        if limit:
            settings.set("CLOSESPIDER_PAGECOUNT", limit, priority="spider")
        depth = spider.source.depth
        spider.depth = settings.getint("INGEST_DEPTH") if depth is None else depth
        spider.follow_from_articles = settings.getbool("INGEST_FOLLOW_FROM_ARTICLES")
        spider.skip_by_lastmod = settings.getbool("INGEST_SITEMAP_LASTMOD")
        if spider.job_dir and not settings.get("JOBDIR"):
            # `ingest crawl` keeps a job directory per source, to resume an interrupted crawl.
            settings.set("JOBDIR", str(spider.job_dir), priority="spider")
        if settings.getbool("INGEST_CONDITIONAL_REQUESTS") and settings.get("INGEST_STATE_DIR"):
            spider.ledger = open_state(settings["INGEST_STATE_DIR"], settings.get("INGEST_REDIS_URL"))
            crawler.signals.connect(spider._close_ledger, signal=signals.spider_closed)
        return spider

    def _close_ledger(self):
        if self.ledger:
            self.ledger.close()

    async def start(self):
        obeying = self.settings.getbool("ROBOTSTXT_OBEY")
        if obeying:
            # Scrapy's robots.txt middleware fetches each host's robots.txt: take its Sitemap:
            # lines from there rather than fetch the file a second time.
            self.crawler.signals.connect(self.robots_parsed, signal=signals.robots_parsed)
        for root in dict.fromkeys(_root(url) for url in self.source.start):
            if not obeying:
                yield self.robots_request(root)
            yield Request(root + "/sitemap.xml", callback=self.parse, errback=self.missing, priority=5)
        for url in self.source.start:
            yield Request(url, callback=self.parse, errback=self.start_failed, meta={"hops": 0, "start": True})

    def robots_request(self, root: str) -> Request:
        return Request(root + "/robots.txt", callback=self.parse_robots, errback=self.missing,
                       priority=10, meta={"dont_obey_robotstxt": True})

    def robots_parsed(self, robotparser, request):
        """A host's robots.txt, as the middleware parsed it: request the sitemaps it names."""
        sitemaps = _robots_sitemaps(robotparser)
        if sitemaps is None:  # a parser that does not tell its Sitemap: lines: read the file ourselves
            self.crawler.engine.crawl(self.robots_request(_root(request.url)))
            return
        # A relative Sitemap: line ("Sitemap: /news-sitemap.xml") is read against the robots.txt's URL.
        for sitemap in self.requests([_joined(request.url, url) for url in sitemaps], hops=0):
            self.crawler.engine.crawl(sitemap)

    def parse(self, response: Response):
        """Sniff what the response is (sitemap, feed, HTML page) and hand it to the parser for that."""
        if response.meta.get("start"):
            self.crawler.stats.inc_value("ingest/start/fetched")
        if response.status == 304:
            self.crawler.stats.inc_value("ingest/pages/not_modified")
            return
        body = _ungzip(response)
        kind = _sniff(body) if body is not None else None
        if kind == "sitemap":
            yield from self.parse_sitemap(response, body)
        elif kind == "feed":
            yield from self.parse_feed(response, body)
        elif isinstance(response, TextResponse) and (kind == "html" or isinstance(response, HtmlResponse)):
            yield from self.parse_page(response)
        else:
            self.crawler.stats.inc_value("ingest/pages/not_html")

    def parse_robots(self, response: Response):
        yield from self.requests(sitemap_urls_from_robots(response.body, base_url=response.url), hops=0)

    def parse_sitemap(self, response: Response, body: bytes):
        self.crawler.stats.inc_value("ingest/sitemaps")
        sitemap = Sitemap(body)
        entries = [entry for entry in sitemap if entry.get("loc")]
        # A news sitemap lists articles; a plain one lists any page of the site.
        news = sitemap.type == "urlset" and any("news" in entry for entry in entries)
        listed = [(_joined(response.url, entry["loc"]), entry.get("lastmod")) for entry in entries]
        urls = [url for url, lastmod in listed if self.readable(url)
                and (sitemap.type != "urlset" or not self.unchanged_since_fetched(url, lastmod))]
        yield from self.requests(urls, hops=0, listed=news)

    def unchanged_since_fetched(self, url: str, lastmod: str | None) -> bool:
        """A listed page whose article is in the feed, not modified (says its lastmod) since we
        fetched it: not even a conditional request is needed, so recrawling a big sitemap costs
        requests only for what changed."""
        if not self.ledger or not self.skip_by_lastmod:
            return False
        modified = latest_instant(lastmod)
        if modified is None:
            return False
        url = canonicalize(url)
        fetched = self.ledger.last_fetched(url)
        if fetched is None or modified >= fetched:
            return False
        self.unchanged.add(url)
        self.crawler.stats.inc_value("ingest/requests/unchanged_by_lastmod")
        return True

    def parse_feed(self, response: Response, body: bytes):
        self.crawler.stats.inc_value("ingest/feeds")
        try:
            root = etree.fromstring(body, parser=_XML_PARSER)
        except etree.XMLSyntaxError:  # recover=True gives up on a few bodies
            root = None
        if root is not None:
            yield from self.requests([_joined(response.url, u) for u in _feed_links(root)], hops=0, listed=True)

    def parse_page(self, response: TextResponse):
        kind = page_kind(response.body, response.url, listed=response.meta.get("listed", False))
        self.crawler.stats.inc_value(f"ingest/pages/{kind.value}")
        if kind is not Kind.OTHER:
            yield self.page_item(response)
            if kind is Kind.ARTICLE and not self.follow_from_articles:
                return
        feeds = response.xpath("//link[@rel='alternate'][contains(@type, 'rss') or contains(@type, 'atom')]/@href")
        base = get_base_url(response)  # the page's <base href>, as response.urljoin reads it
        yield from self.requests([_joined(base, href) for href in feeds.getall()], hops=0)
        hops = response.meta.get("hops", 0)
        if hops < self.depth:
            yield from self.requests([link.url for link in self.links.extract_links(response)], hops=hops + 1)

    def page_item(self, response: TextResponse) -> PageItem:
        headers = response.headers
        return PageItem(
            url=response.url,
            body=response.body,
            encoding=_declared_charset(headers.get(b"Content-Type")),
            fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            source=self.source.name,
            etag=_header(headers, b"ETag"),
            last_modified=_header(headers, b"Last-Modified"),
        )

    def requests(self, urls, *, hops: int, listed: bool = False):
        """Requests for discovered URLs: tracking keys dropped, on the source's hosts and allowed by
        it, conditional when the page's article is already in the feed."""
        for url in urls:
            if not self.readable(url):
                continue
            url = canonicalize(url)
            if self.scope.refusal(url):
                self.crawler.stats.inc_value("ingest/refused/out_of_scope")
                continue
            if not self.source.allows(url):
                self.crawler.stats.inc_value("ingest/requests/denied")
                continue
            if url in self.unchanged:
                continue
            meta = {"hops": hops, "listed": listed}
            headers = {}
            validators = self.ledger.validators(url) if self.ledger else None
            if validators:
                meta["handle_httpstatus_list"] = [304]
                if validators.etag:
                    headers["If-None-Match"] = validators.etag
                if validators.last_modified:
                    headers["If-Modified-Since"] = validators.last_modified
            yield Request(url, callback=self.parse, errback=self.fetch_failed, headers=headers, meta=meta)

    def readable(self, url: str) -> bool:
        """Whether a discovered URL can be requested as written; one that cannot (a broken IPv6
        literal, a port out of range in a sitemap or a link) is counted and left, as one bad entry
        must not cost the rest of its sitemap or page."""
        if url_problem(url) is None:
            return True
        self.crawler.stats.inc_value("ingest/refused/bad_url")
        return False

    def start_failed(self, failure):
        """A start URL that could not be fetched: the crawl cannot do its job from it; say why."""
        settle(self.crawler, token_of(failure.request))
        self.crawler.stats.inc_value("ingest/start/failed")
        self.logger.error("start URL %s: %s", failure.request.url, failure.getErrorMessage())

    def fetch_failed(self, failure):
        """One line, no traceback: the failure is counted by reason (HTTP status, download failure)."""
        settle(self.crawler, token_of(failure.request))  # a failed request is final
        if failure.check(HttpError):
            return failure  # on to Scrapy's HttpErrorMiddleware, which counts it by status
        if failure.check(IgnoreRequest):
            return None  # robots.txt, scope and the address guard count their refusals
        self.logger.warning("not fetched: %s: %s", failure.request.url, failure.getErrorMessage())
        return None

    def missing(self, failure):
        """robots.txt and /sitemap.xml are guesses; their absence is normal."""
        settle(self.crawler, token_of(failure.request))
        self.logger.debug("not found: %s", failure.request.url)

    def failed(self, failure):
        """A request that failed (refused by robots.txt, an HTTP error, a network error) is final;
        Scrapy reports it as it would without this errback."""
        settle(self.crawler, token_of(failure.request))
        return failure


def resolve_source(source: Source | str | None, sources_file: str, start: str | None) -> Source:
    """The spider's source, from `ingest crawl` (a Source) or `scrapy crawl news -a ...` (strings)."""
    if isinstance(source, Source):
        return source
    if start:
        return source_from_urls([u.strip() for u in start.split(",") if u.strip()], name=source or "")
    if source:
        path = Path(sources_file)
        found = load_sources(path)
        if source not in found:
            raise ValueError(f"{path}: no source named {source!r} (have: {', '.join(found)})")
        return found[source]
    raise ValueError("give a source: -a source=NAME [-a sources=FILE], or -a start=URL[,URL...]")


def _robots_sitemaps(robotparser) -> list[str] | None:
    """The Sitemap: lines a robots.txt parser read, or None if it does not say."""
    parsed = getattr(robotparser, "rp", None)
    if hasattr(parsed, "sitemaps"):  # Protego, Scrapy's default
        return list(parsed.sitemaps)
    if hasattr(parsed, "site_maps"):  # urllib.robotparser
        return list(parsed.site_maps() or [])
    return None


def _root(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _sniff(body: bytes) -> str | None:
    """"sitemap", "feed" or "html" from the first bytes of a body; None for anything else."""
    head = body[:2048].lstrip().lower()
    if head.startswith((b"<?xml", b"<urlset", b"<sitemapindex", b"<rss", b"<feed", b"<rdf")):
        if b"<urlset" in head or b"<sitemapindex" in head:
            return "sitemap"
        if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
            return "feed"
    return "html" if b"<html" in body[:4096].lower() else None


def _ungzip(response: Response) -> bytes | None:
    body = response.body
    if body[:2] == b"\x1f\x8b":
        try:
            return gunzip(body, max_size=50_000_000)
        except Exception:  # noqa: BLE001 - a broken archive is one lost sitemap, not a crash
            return None
    return body


def _feed_links(root) -> list[str]:
    """Item links of an RSS 0.9x/1.0/2.0 or Atom feed."""
    links = []
    for element in root.iter():
        if _localname(element) in ("item", "entry"):
            for child in element:
                if _localname(child) != "link":
                    continue
                href = child.get("href") if child.get("href") is not None else (child.text or "").strip()
                if href and child.get("rel", "alternate") == "alternate":
                    links.append(href.strip())
                    break
    return links


def _localname(element) -> str:
    """A tag's name without namespace or prefix; "" for comments and the like. Not `etree.QName`:
    it raises on a name the recovering parser let through (`<a:>`), losing the feed's links."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _header(headers, name: bytes) -> str | None:
    value = headers.get(name)
    return value.decode("latin-1") if value else None


def _declared_charset(content_type: bytes | None) -> str | None:
    if not content_type:
        return None
    for param in content_type.decode("latin-1").split(";")[1:]:
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _joined(base: str, href: str) -> str:
    """`href` made absolute against `base`; as written when it cannot be read as a URL at all (then
    `readable` refuses it)."""
    try:
        return urljoin(base, href)
    except ValueError:
        return href
