"""Parse once: one lxml tree and the views of it (meta tags, JSON-LD) every stage reads."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from itertools import islice
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from .controls import without_controls
from .rejection import Reason, Rejected

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False)
# Caps far above any real page (the 1,585 pages of the shared benchmarks: at most 15,795 elements
# and 136 attributes on one element), so that a hostile page costs a bounded time.
MAX_ELEMENTS = 30_000
MAX_ATTRIBUTES = 1_000
MAX_TEXT_CHARS = 200_000  # in one text node outside scripts (the longest real one: 94,227)
_LONG_TEXTS = etree.XPath("//text()[string-length(.) > $limit]")
_CODE = {"script", "style", "template", "noscript"}  # JSON-LD and app state may be long
_URL_SCHEMES = {"http", "https", "file"}
_LARGE, _CHUNK = 1_000_000, 65_536  # a page longer than this is parsed chunk by chunk
_LONG_TAG = re.compile(r"<[a-zA-Z][^<>]{20000,}")  # only a tag this long can hold that many attributes
_ATTRIBUTE = re.compile(r"""\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")


@dataclass
class Page:
    """The parsed page. `tree` is owned by this clean() call and may be changed by stages."""

    tree: lxml.html.HtmlElement
    url: str | None
    meta: dict[str, str] = field(default_factory=dict)
    jsonld: list[dict] = field(default_factory=list)

    def meta_first(self, *keys: str) -> str | None:
        for key in keys:
            value = self.meta.get(key)
            if value:
                return value
        return None


def page_url(url: str | None) -> str | None:
    """The page's URL with control characters and lone surrogates out, or `Rejected` when it
    cannot be parsed or is not an absolute http(s) or file URL (every stage reads its host and
    path, and the record's `url` must be one)."""
    if url is None:
        return url
    url = without_controls(url).strip()
    try:
        parts = urlsplit(url)
        parts.hostname
    except ValueError as exc:
        raise Rejected(Reason.BAD_URL, f"{url} ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in _URL_SCHEMES or not url[len(scheme):].startswith("://") or not (parts.netloc or scheme == "file"):
        raise Rejected(Reason.BAD_URL, f"{url!r} is not an absolute http(s) or file URL")
    return scheme + url[len(scheme):]


def parse(text: str, url: str | None) -> Page:
    text = _capped_attributes(_XML_DECL.sub("", text, count=1))
    try:
        tree = _first_elements(text) if len(text) > _LARGE else lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise Rejected(Reason.UNPARSABLE, str(exc) or "no elements") from None
    if tree is None or tree.find(".//body") is None and len(tree) == 0:
        raise Rejected(Reason.UNPARSABLE, "no elements")
    _truncate(tree, MAX_ELEMENTS)
    _shorten_texts(tree, MAX_TEXT_CHARS)
    return Page(tree=tree, url=url, meta=_meta_tags(tree), jsonld=_jsonld(tree))


def _first_elements(text: str):
    """A large page parsed a chunk at a time, stopping once past MAX_ELEMENTS elements: parsing the
    rest of a 20 MB page only to cut it away would cost seconds."""
    parser = etree.HTMLPullParser(events=("start",), remove_comments=True, remove_pis=True, collect_ids=False)
    parser.set_element_class_lookup(lxml.html.HtmlElementClassLookup())
    seen = 0
    for start in range(0, len(text), _CHUNK):
        parser.feed(text[start:start + _CHUNK])
        seen += sum(1 for _ in parser.read_events())
        if seen > MAX_ELEMENTS:
            break
    tree = parser.close()
    if tree is None:
        raise etree.ParserError("Document is empty")
    return tree


def _capped_attributes(text: str) -> str:
    """Tags with more than MAX_ATTRIBUTES attributes cut after that many: libxml2 checks each new
    attribute against all before it, so 200k attributes on one element take minutes."""
    return _LONG_TAG.sub(_first_attributes, text)


def _first_attributes(match: re.Match) -> str:
    tag = match.group()
    attributes = islice(_ATTRIBUTE.finditer(tag), MAX_ATTRIBUTES + 1)
    ends = [attribute.start() for attribute in attributes]
    return tag[:ends[-1]] if len(ends) > MAX_ATTRIBUTES else tag


def _shorten_texts(tree, limit: int) -> None:
    """Cut text nodes longer than `limit`: some patterns of trafilatura's backtrack over a whole line."""
    for text in _LONG_TEXTS(tree, limit=limit):
        element = text.getparent()
        if text.is_tail:
            element.tail = text[:limit]
        elif element.tag not in _CODE:
            element.text = text[:limit]


def _truncate(tree, limit: int) -> None:
    """Drop every element after the first `limit` in document order, as if the page ended there:
    several stages (trafilatura's among them) slow down faster than the page grows."""
    beyond = next(islice(tree.iter(), limit, None), None)
    if beyond is None:
        return
    parent = beyond.getparent()
    del parent[parent.index(beyond):]  # slices are deleted in C, without a proxy per element
    while parent.getparent() is not None:
        node, parent = parent, parent.getparent()
        del parent[parent.index(node) + 1:]


def _meta_tags(tree) -> dict[str, str]:
    """First value of each meta name/property/itemprop, keys lower-cased."""
    meta: dict[str, str] = {}
    for el in tree.iterfind(".//meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        value = el.get("content")
        if key and value and value.strip():
            meta.setdefault(key.strip().lower(), value.strip())
    return meta


def _jsonld(tree) -> list[dict]:
    """Every JSON-LD object in the page, @graph members flattened; broken blocks skipped."""
    found: list[dict] = []
    for script in tree.iterfind(".//script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text_content() or "null")
        except (ValueError, RecursionError):  # broken, or nested deeper than the parser's stack
            continue
        _collect(data, found)
    return found


def _collect(data, found: list[dict]) -> None:
    """Objects of lists and @graph members, walked without recursion (a page sets the depth)."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            found.append(item)
            if "@graph" in item:
                stack.append(item["@graph"])
