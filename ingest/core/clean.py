"""`clean`: one page in, one article record (or a typed rejection) out. Pure: no I/O, no globals."""
from __future__ import annotations

from datetime import datetime, timezone

from .decode import decode
from .embeds import place_embeds, split_embeds
from .extract import NO_BODY, Body, extract_body
from .language import detect_languages
from .layout import unwrap_layout_tables
from .metadata import lead, read_metadata, utc_now
from .options import DEFAULT, Options
from .page import page_url, parse
from .pagetype import ARTICLE, OTHER, page_type
from .record import Article
from .rejection import Reason, Rejected, Rejection, internal
from .words import count_words


def clean(html: bytes | str, url: str | None = None, options: Options = DEFAULT, *,
          encoding: str | None = None, fetched_at: datetime | None = None) -> Article | Rejection:
    """Strip a page down to its article.

    `encoding` is the charset the transport declared (HTTP Content-Type), if any;
    `fetched_at` is when the page was obtained (now, if not given; one without a time zone is UTC).
    A page that gives no article is a returned `Rejection`; an argument of the wrong type (a caller's
    mistake, not a page's) raises TypeError.
    """
    _check_arguments(html, url, options, encoding, fetched_at)
    try:
        return _clean(html, page_url(url), options, encoding, _in_utc(fetched_at or utc_now()))
    except Rejected as rejected:
        return rejected.rejection
    except Exception as error:  # a defect of ours must not stop a batch or a crawl: say where it was
        return internal(error, "_clean")


def _check_arguments(html, url, options, encoding, fetched_at) -> None:
    """A TypeError naming the argument, where it would come out as an internal rejection of the page."""
    expected = [("html", html, (bytes, bytearray, str), "bytes or str"), ("url", url, (str, type(None)), "str or None"),
                ("options", options, (Options,), "ingest.Options"), ("encoding", encoding, (str, type(None)), "str or None"),
                ("fetched_at", fetched_at, (datetime, type(None)), "datetime or None")]
    for name, value, types, said in expected:
        if not isinstance(value, types):
            raise TypeError(f"clean(): {name} must be {said}, not {type(value).__name__}")


def _in_utc(moment: datetime) -> datetime:
    """The record's `fetched_at` is UTC (the contract): an aware moment converted, a naive one taken as UTC."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def _clean(html, url, options: Options, encoding, fetched_at: datetime) -> Article:
    text = decode(html, declared=encoding, max_bytes=options.max_bytes)
    page = parse(text, url)
    embeds = split_embeds(page)
    unwrap_layout_tables(page.tree)
    body = extract_body(page, options)
    kind = page_type(page, body.text if body else "")
    words = count_words(body.text) if body else 0
    if kind == ARTICLE and words < options.min_words:
        kind = OTHER  # a stub: too little text to be an article, whatever the page looks like
    if not options.all_pages:
        _require_article(body, words, kind, options)
    body = body or Body(text="", extractor=NO_BODY)
    # Read after the page is known to be kept: a rejected page costs no metadata. The stages
    # before this one edit the tree only where metadata does not look (embeds, layout tables).
    meta = read_metadata(page, fetched_at)
    embeds = place_embeds(embeds, body.text)
    languages = detect_languages(body.text, embeds, options)
    return Article(
        url=url or "",
        canonical_url=meta.canonical_url or url or "",
        text=body.text,
        markdown=body.markdown,
        fetched_at=fetched_at.isoformat(timespec="seconds"),
        extractor=body.extractor,
        title=meta.title,
        description=meta.description or lead(body.text),
        site_name=meta.site_name,
        authors=meta.authors,
        tags=meta.tags,
        image=meta.image,
        published=meta.published,
        published_source=meta.published_source,
        modified=meta.modified,
        language=languages.body,
        passages=languages.passages,
        embeds=languages.embeds,
        page_type=kind,
    )


def _require_article(body, words: int, kind: str, options: Options) -> None:
    """Reject what a news feed must not hold: no main text, a stub, a page of another type."""
    if body is None:
        raise Rejected(Reason.NO_ARTICLE, "no main text in the page")
    if words < options.min_words:
        raise Rejected(Reason.NO_ARTICLE, f"main text has {words} words, fewer than {options.min_words}")
    if kind != ARTICLE:
        raise Rejected(Reason.NOT_ARTICLE, f"{kind} page")
