"""Parse once: one lxml tree and the views of it (meta tags, JSON-LD) every stage reads."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from .caps import ELEMENT_CLASSES, parse_bounded
from .controls import without_controls
from .mojibake import repaired
from .rejection import Reason, Rejected

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False)
_PARSER.set_element_class_lookup(ELEMENT_CLASSES)
_URL_SCHEMES = {"http", "https", "file"}
# A JSON escape of what a UTF-8 lead byte becomes when misread ("\u00e2" for "â"): the JSON-LD may
# spell mojibake in escapes, which the page's repair (mojibake.py, on its text) cannot see.
_ESCAPED_LEAD = re.compile(r"\\u00(?:c[2-9a-f]|[de][0-9a-f]|f[0-4])", re.I)
# Strings beyond ASCII examined for it in one script at most: far above the metadata any page
# declares, and a bound on the repair's cost on a hostile one.
_REPAIRS_MAX = 10_000


@dataclass
class Page:
    """The parsed page. `tree` is owned by this clean() call and may be changed by stages."""

    tree: lxml.html.HtmlElement
    url: str | None
    meta: dict[str, str] = field(default_factory=dict)
    jsonld: list[dict] = field(default_factory=list)
    elements: int = 0  # in the tree as parsed and capped (`caps.MAX_ELEMENTS`)

    @cached_property
    def link_texts(self) -> list[str]:
        """The text of every link, in order: the body and page-type stages each read them (after
        the stages that edit the tree)."""
        return [a.text_content() for a in self.tree.iter("a")]

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
    try:
        tree, elements = parse_bounded(_XML_DECL.sub("", text, count=1), _PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise Rejected(Reason.UNPARSABLE, str(exc) or "no elements") from None
    if tree is None or tree.find(".//body") is None and len(tree) == 0:
        raise Rejected(Reason.UNPARSABLE, "no elements")
    return Page(tree=tree, url=url, meta=_meta_tags(tree), jsonld=_jsonld(tree), elements=elements)


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
        written = script.text_content() or "null"
        try:
            data = json.loads(written)
        except (ValueError, RecursionError):  # broken, or nested deeper than the parser's stack
            continue
        if _ESCAPED_LEAD.search(written):
            _repair_strings(data)
        _collect(data, found)
    return found


def _repair_strings(data) -> None:
    """Mojibake put back in the strings of the JSON's lists and objects, walked without recursion."""
    stack = [data] if isinstance(data, (dict, list)) else []
    budget = _REPAIRS_MAX
    while stack and budget > 0:
        item = stack.pop()
        keys = item.keys() if isinstance(item, dict) else range(len(item))
        for key in keys:
            value = item[key]
            if isinstance(value, str) and not value.isascii() and budget > 0:
                budget -= 1
                item[key] = repaired(value)
            elif isinstance(value, (dict, list)):
                stack.append(value)


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
