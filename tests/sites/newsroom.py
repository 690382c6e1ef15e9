"""The test news site: real article pages behind every way a crawler finds them, and every trap.

Each article is reachable by one discovery path, so a missing one names the mechanism that
failed. Article pages are real pages (tests/sites/pages, from the article-extraction
benchmark, MIT); listing, tag, about and contact pages are built here.
"""
from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .server import Article, DatedArticle, Page, Redirect, Reply, Status, TestSite

PAGES = Path(__file__).parent / "pages"


def fixture_pages() -> list[bytes]:
    return [gzip.decompress(p.read_bytes()) for p in sorted(PAGES.glob("*.html.gz"))]


def article_path(n: int) -> str:
    return f"/news/2024/05/{n:02d}-harbour-city-report-number-{n}"


@dataclass
class Newsroom:
    """The site, and which article paths each discovery mechanism should yield."""

    site: TestSite
    by_mechanism: dict[str, list[str]] = field(default_factory=dict)
    private: str = ""  # an article only robots.txt keeps us from

    @property
    def articles(self) -> list[str]:
        return [path for paths in self.by_mechanism.values() for path in paths]

    @property
    def in_sitemaps(self) -> list[str]:
        return [path for mechanism, paths in self.by_mechanism.items() if "sitemap" in mechanism for path in paths]

    def revise(self, path: str) -> None:
        """Change an article's body, as an editor's correction would; its sitemap entry's lastmod
        moves to now, as a CMS's does."""
        reply = self.site[path]
        self.site[path] = Article(add_sentence(reply.body, "Correction: an earlier version misstated the date."))
        self.site[path].last_modified = reply.last_modified and "Fri, 03 May 2024 09:00:00 GMT"
        now = datetime.now(timezone.utc).isoformat(timespec="seconds").encode()
        entry = re.compile(rb"(<loc>[^<]*" + re.escape(path.encode()) + rb"</loc><lastmod>)[^<]*")
        for sitemap in self.site.replies.values():
            zipped = sitemap.body[:2] == b"\x1f\x8b"
            body = gzip.decompress(sitemap.body) if zipped else sitemap.body
            if entry.search(body):
                body = entry.sub(lambda m: m[1] + now, body)
                sitemap.body = gzip.compress(body) if zipped else body


def build() -> Newsroom:
    pages = fixture_pages()
    assert len(pages) >= 14, "tests/sites/pages needs 14 article pages"
    a = {n: article_path(n) for n in range(1, 15)}
    room = Newsroom(TestSite(), private="/private/" + a[14].rsplit("/", 1)[-1])
    room.by_mechanism = {
        "gzip sitemap via sitemap index via robots.txt": [a[1], a[2], a[3]],
        "news sitemap": [a[4]],
        "rss feed linked from the home page": [a[5], a[6]],
        "atom feed linked from a section page": [a[7]],
        "link on the home page, also with tracking query": [a[8]],
        "link two hops away": [a[9]],
        "link from a tag page": [a[10]],
        "redirect": [a[11]],
        "only a tracking-query link": [a[12]],
        "plain sitemap, classified by the page itself": [a[13]],
    }
    site = room.site
    for n in range(1, 14):
        site[a[n]] = Article(pages[n - 1])
    site[a[4]] = DatedArticle(pages[3])  # validated by date, not by ETag
    site[room.private] = Article(pages[13])
    site["/news/2024/05/photo-gallery-harbour-lights-at-night"] = Article(GALLERY.encode())

    site["/robots.txt"] = Page("User-agent: *\nDisallow: /private/\n\nSitemap: {root}/sitemap_index.xml\n",
                               content_type="text/plain")
    site["/sitemap_index.xml"] = Page(sitemap_index(["/sitemaps/articles.xml.gz", "/sitemaps/news.xml",
                                                     "/sitemaps/pages.xml"]), content_type="application/xml")
    site["/sitemaps/articles.xml.gz"] = Reply(body=gzip.compress(urlset([a[1], a[2], a[3]]).encode()),
                                              content_type="application/x-gzip")
    site["/sitemaps/news.xml"] = Page(urlset([a[4]], news=True), content_type="application/xml")
    site["/sitemaps/pages.xml"] = Page(urlset(["/about", "/contact", "/tag/harbour", "/section/world", a[13]]),
                                       content_type="application/xml")
    site["/feed.rss"] = Page(rss([a[5], a[6]]), content_type="application/rss+xml")
    site["/atom.xml"] = Page(atom([a[7]]), content_type="application/atom+xml")

    site["/"] = Page(listing("Harbour Gazette", [
        a[8], a[8] + "?utm_source=home&utm_medium=teaser", a[12] + "?utm_campaign=spring&fbclid=x1#comments",
        "/section/world", "/tag/harbour", "/about", "/contact", "/old/harbour-story", room.private,
        "/news/2024/05/removed-story-that-is-gone-now", "/news/2024/05/story-whose-server-fails",
        "/news/2024/05/photo-gallery-harbour-lights-at-night", "https://elsewhere.invalid/news/2024/05/off-site-story",
    ], feeds={"application/rss+xml": "/feed.rss"}))
    site["/section/world"] = Page(listing("World", [a[9], "/"], feeds={"application/atom+xml": "/atom.xml"}))
    site["/tag/harbour"] = Page(listing("Tagged: harbour", [a[10], "/section/world"]))
    site["/about"] = Page(ABOUT)
    site["/contact"] = Page(CONTACT)
    site["/old/harbour-story"] = Redirect(a[11])
    site["/news/2024/05/removed-story-that-is-gone-now"] = Status(404)
    site["/news/2024/05/story-whose-server-fails"] = Status(500)
    return room


def start(room: Newsroom) -> Newsroom:
    """Start the server, then fill in its root URL where pages must name it absolutely."""
    room.site.start()
    root = room.site.root.encode()
    for path, reply in list(room.site.replies.items()):
        if b"{root}" in reply.body:
            reply.body = reply.body.replace(b"{root}", root)
        elif reply.body[:2] == b"\x1f\x8b" and path.endswith(".xml.gz"):
            reply.body = gzip.compress(gzip.decompress(reply.body).replace(b"{root}", root))
    return room


def add_sentence(html: bytes, sentence: str) -> bytes:
    """Append a sentence to the longest paragraph: the article body, on any real page."""
    paragraphs = list(re.finditer(rb"<p[ >].*?</p>", html, re.S | re.I))
    longest = max(paragraphs, key=lambda m: len(m[0]))
    end = longest.end() - len(b"</p>")
    return html[:end] + b" " + sentence.encode() + html[end:]


def sitemap_index(paths: list[str]) -> str:
    items = "".join(f"<sitemap><loc>{{root}}{p}</loc></sitemap>" for p in paths)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>'


def urlset(paths: list[str], news: bool = False) -> str:
    ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
    extra = ("<news:news><news:publication><news:name>Harbour Gazette</news:name><news:language>en</news:language>"
             "</news:publication><news:publication_date>2024-05-02</news:publication_date>"
             "<news:title>Harbour report</news:title></news:news>") if news else ""
    items = "".join(f"<url><loc>{{root}}{p}</loc><lastmod>2024-05-02</lastmod>{extra}</url>" for p in paths)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{ns}>{items}</urlset>'


def rss(paths: list[str]) -> str:
    items = "".join(f"<item><title>Report {i}</title><link>{{root}}{p}?utm_source=rss</link>"
                    f"<guid>{{root}}{p}</guid><pubDate>Thu, 02 May 2024 08:00:00 GMT</pubDate></item>"
                    for i, p in enumerate(paths))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Harbour Gazette</title>'
            f"<link>{{root}}/</link><description>News</description>{items}</channel></rss>")


def atom(paths: list[str]) -> str:
    entries = "".join(f'<entry><title>Report {i}</title><link rel="alternate" href="{{root}}{p}"/>'
                      f"<id>{{root}}{p}</id><updated>2024-05-02T08:00:00Z</updated></entry>"
                      for i, p in enumerate(paths))
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>World</title><id>{{root}}/section/world</id><updated>2024-05-02T08:00:00Z</updated>{entries}</feed>")


def listing(title: str, links: list[str], feeds: dict[str, str] | None = None) -> str:
    alternates = "".join(f'<link rel="alternate" type="{t}" href="{h}">' for t, h in (feeds or {}).items())
    teasers = "".join(
        f'<article class="teaser"><h2><a href="{href}">Harbour city report</a></h2>'
        f"<p>The council met on Tuesday to discuss the new ferry timetable and the cost of repairs.</p></article>"
        for href in links)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} | Harbour Gazette</title>'
            f'<meta property="og:type" content="website">{alternates}</head><body>'
            f'<nav><a href="/">Home</a> <a href="/section/world">World</a> <a href="/about">About</a></nav>'
            f"<main><h1>{title}</h1>{teasers}</main><footer>© Harbour Gazette</footer></body></html>")


_ABOUT_TEXT = " ".join([
    "The Harbour Gazette has reported on the city and its port since 1952.",
    "Our newsroom of twelve reporters and editors covers the council, the courts, the schools,",
    "local business and the arts, and we publish a print edition every Thursday.",
    "We are owned by a cooperative of our readers, who elect the board each spring.",
    "Our editorial code commits us to accuracy, fairness and independence; when we get something",
    "wrong, we correct it promptly and say so at the foot of the article.",
    "We welcome tips, letters and corrections from readers, and we read every one of them.",
    "Our offices on Quay Street are open to visitors on weekday afternoons.",
] * 2)
ABOUT = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>About us | Harbour Gazette</title>'
         '<script type="application/ld+json">{"@context":"https://schema.org","@type":"AboutPage"}</script>'
         f'</head><body><main><h1>About the Harbour Gazette</h1><p>{_ABOUT_TEXT}</p></main></body></html>')
CONTACT = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Contact | Harbour Gazette</title>'
           '<script type="application/ld+json">{"@context":"https://schema.org","@type":"ContactPage"}</script>'
           f"</head><body><main><h1>Contact us</h1><p>{_ABOUT_TEXT}</p>"
           "<p>Newsroom: news@harbour.invalid. Letters: letters@harbour.invalid.</p></main></body></html>")
GALLERY = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour lights | Harbour Gazette</title>'
           '<meta property="og:type" content="article"></head><body><main><h1>Harbour lights at night</h1>'
           '<figure><img src="/img/1.jpg"><figcaption>The quay at dusk.</figcaption></figure>'
           '<figure><img src="/img/2.jpg"><figcaption>Fishing boats.</figcaption></figure></main></body></html>')
