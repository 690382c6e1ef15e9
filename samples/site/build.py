"""Build the samples site for `make run`: the article rebuilds of samples/pages behind listing pages,
a news sitemap, an RSS feed, tag pages and pages that are not articles.

Usage: python samples/site/build.py OUT_DIR. Articles are linked (symlink), not copied, so the
site always shows the current samples/pages.
"""
from __future__ import annotations

import html
import re
import shutil
import sys
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES = HERE.parent / "pages"
TITLE = re.compile(r"<title>(.*?)</title>", re.S | re.I)


def build(out: Path) -> int:
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(HERE / "static", out)
    (out / "articles").symlink_to(PAGES, target_is_directory=True)
    articles = [(f"/articles/{p.name}", _title(p)) for p in sorted(PAGES.glob("*.html"))]
    half = (len(articles) + 1) // 2
    sections = {"security": articles[:half], "politics": articles[half:]}
    (out / "section").mkdir()
    for name, items in sections.items():
        _write(out / "section" / f"{name}.html", _listing(name.title(), items))
    _write(out / "tag" / "bamako.html", _listing("Tagged: Bamako", articles[::2]))
    _write(out / "index.html", _listing("Sahel Desk", articles[:3], home=True))
    _write(out / "sitemap.xml", _news_sitemap([(f"/articles/{p.name}", _modified(p)) for p in sorted(PAGES.glob("*.html"))]))
    _write(out / "rss.xml", _rss(articles[-5:]))
    (out / "robots.txt").write_text((HERE / "static" / "robots.txt").read_text() + "Sitemap: /sitemap.xml\n")
    return len(articles)


def _title(path: Path) -> str:
    match = TITLE.search(path.read_text(encoding="utf-8", errors="replace"))
    return html.unescape(match[1].strip()) if match else path.stem


def _listing(title: str, items: list[tuple[str, str]], home: bool = False) -> str:
    teasers = "\n".join(f'<article class="teaser"><h2><a href="{path}">{html.escape(t)}</a></h2></article>'
                        for path, t in items)
    more = ('<ul><li><a href="/section/security.html">Security</a></li><li><a href="/section/politics.html">'
            'Politics</a></li><li><a href="/tag/bamako.html">Bamako</a></li><li><a href="/drafts/next-week.html">'
            'Drafts</a></li></ul>') if home else ""
    return (f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            '<meta property="og:type" content="website">'
            '<link rel="alternate" type="application/rss+xml" href="/rss.xml" title="Sahel Desk"></head><body>'
            '<nav><a href="/">Home</a> · <a href="/about.html">About</a> · <a href="/contact.html">Contact</a></nav>'
            f"<main><h1>{html.escape(title)}</h1>{more}\n{teasers}</main></body></html>\n")


def _modified(path: Path) -> str:
    """The file's modification time, as a static site's sitemap gives it: editing a sample moves it."""
    return datetime.fromtimestamp(path.stat().st_mtime, timezone.utc).isoformat(timespec="seconds")


def _news_sitemap(entries: list[tuple[str, str]]) -> str:
    # Relative locations are resolved against the sitemap's own URL by the crawler.
    urls = "".join(f"<url><loc>{p}</loc><lastmod>{lastmod}</lastmod><news:news><news:publication>"
                   "<news:name>Sahel Desk</news:name><news:language>en</news:language></news:publication>"
                   "</news:news></url>" for p, lastmod in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>\n')


def _rss(items: list[tuple[str, str]]) -> str:
    entries = "".join(f"<item><title>{html.escape(t)}</title><link>{p}</link></item>" for p, t in items)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Sahel Desk</title>'
            f"<link>/</link><description>Latest</description>{entries}</channel></rss>\n")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    count = build(Path(sys.argv[1]))
    print(f"samples site: {count} article pages in {sys.argv[1]}")
