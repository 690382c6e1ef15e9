"""Authors as a list of people: the article's JSON-LD, else trafilatura's meta tags, else the byline
under the headline, else trafilatura's search of marked bylines, each name cleaned; a desk, an
organisation or the site's own name only when no person is named."""
from __future__ import annotations

import re
from collections.abc import Callable

from trafilatura.metadata import normalize_authors

from .byline import shown_byline as shown
from .names import as_written, clean_name

ORGANISATIONS = {"organization", "newsmediaorganization", "corporation", "educationalorganization",
                 "governmentorganization", "localbusiness", "ngo", "website", "webpage", "brand"}
# "Staff", "Editors", "Team" alone name a desk, not a person: kept only when no person is named.
# Also the newsroom's name in other languages: Redacción, Redaktion, Rédaction, Redazione, Redakcja, Редакция.
_DESK = re.compile(r"\b(staff|editors?|team|desk|editorial|newsroom|contributors?|reda[ck]ci[óo]n|redaktion|rédaction"
                   r"|redazione|redactie|redakcja|redakce|redação|редакц\w*)\b", re.I)

# The declared text and the number of names whose stops are given back from it: far above a real
# byline, far below what makes the search cost (names x characters) count.
_DECLARED_CHARS, _RESTORED = 20_000, 200


def read_authors(tree, article: dict, graph: list[dict], in_meta: str | None,
                 bylines: Callable[[], str | None], site_name: str | None, written: str = "") -> tuple[str, ...]:
    """`in_meta` is trafilatura's author from the meta tags; then the byline shown under the
    headline; last `bylines`, trafilatura's search of the page's marked elements, called only when
    none of those names anyone (it copies the whole tree; on wcxb-dev the byline under the headline
    was right on 5 more pages when asked before it, and on none fewer). `written` holds the authors
    as the page declares them (its meta tags' values): trafilatura's names lose their stops, which
    are given back from it.
    `graph` is every JSON-LD object of the page: an author given as {"@id": …} is looked up there."""
    nodes = {node["@id"]: node for node in graph if isinstance(node.get("@id"), str)}
    if article.get("author"):
        article = {**article, "author": _resolved(article["author"], nodes)}
    written = " ; ".join([written, *_declared_names(article)])
    names = _jsonld_names(article, people=True) or _split(in_meta) or _split(shown(tree)) or _split(bylines())
    names = [n for n in names if not n.startswith(("http", "#", "@"))]
    # Bounded: each name is looked for in the declared text (a hostile page may declare 20,000).
    written = written[:_DECLARED_CHARS]
    names = [as_written(n, written) for n in names[:_RESTORED]] + names[_RESTORED:]
    people = [n for n in names if not _DESK.search(n) and not _is_site(n, site_name)]
    # A page that names no person keeps its organisation byline (a company blog, a one-person
    # site whose name is the author's): on wcxb-dev the page shows it as the author.
    return _unique(people or names or _jsonld_names(article, people=False))


def _resolved(raw, nodes: dict[str, dict]):
    items = raw if isinstance(raw, list) else [raw]
    return [nodes.get(i["@id"], i) if isinstance(i, dict) and "name" not in i and "@id" in i else i for i in items]


def _jsonld_names(article: dict, people: bool) -> list[str]:
    """The JSON-LD authors that are people (or, with `people` false, organisations)."""
    raw = article.get("author") or article.get("creator")
    names: list[str] = []
    for item in raw if isinstance(raw, list) else [raw]:
        if isinstance(item, dict):
            if bool(_types(item) & ORGANISATIONS) == people:
                continue
            item = item.get("name")
        elif not people:
            continue
        if isinstance(item, str) and item.strip():
            names.extend(_split(normalize_authors(None, item)))
    return names


def _declared_names(article: dict) -> list[str]:
    """The JSON-LD author names as written, before trafilatura normalises them."""
    raw = article.get("author") or article.get("creator")
    items = raw if isinstance(raw, list) else [raw]
    return [name for name in (i.get("name") if isinstance(i, dict) else i for i in items) if isinstance(name, str)]


def _types(item: dict) -> set[str]:
    types = item.get("@type")
    return {t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)}


def _split(joined: str | None) -> list[str]:
    names = (clean_name(n) for n in (joined or "").split(";"))
    return [n for n in names if n and len(n) < 80]


def _is_site(name: str, site_name: str | None) -> bool:
    """The site's name, or its domain's name ("Example" on www.example.com)."""
    if not site_name:
        return False
    site = _letters(site_name)
    domain = _letters(site_name.removeprefix("www.").split(".")[0]) if "." in site_name else site
    return _letters(name) in (site, domain)


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _unique(names) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return tuple(seen.values())
