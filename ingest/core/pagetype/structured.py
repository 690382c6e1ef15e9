"""What the page says it is: JSON-LD @type values and og:type, grouped by the page type they name."""
from __future__ import annotations

from ..page import Page

# JSON-LD types (lower-cased) by the page type they declare. Article types end in "article" or
# "posting" too (NewsArticle, BlogPosting, ...), matched by suffix below.
DECLARED = {
    "article": {"report", "liveblogposting", "newsarticle", "blogposting", "article"},
    "collection": {"collectionpage", "itemlist", "searchresultspage", "offercatalog"},
    "product": {"product", "offer", "aggregateoffer", "productgroup", "individualproduct", "car", "vehicle"},
    "service": {"service", "localbusiness", "contactpage", "aboutpage", "faqpage",
                "professionalservice", "store", "restaurant", "event", "place", "hotel"},
    "forum": {"discussionforumposting", "qapage", "question", "answer", "socialmediaposting", "comment"},
    "documentation": {"techarticle", "apireference", "softwaresourcecode", "howto", "softwareapplication"},
}


def jsonld_types(page: Page) -> set[str]:
    types: set[str] = set()
    for obj in page.jsonld:
        value = obj.get("@type")
        for t in value if isinstance(value, list) else [value]:
            if isinstance(t, str):
                types.add(t.rsplit("/", 1)[-1].lower())
    return types


def declared(page: Page) -> dict[str, bool]:
    """For each page type, whether the page's JSON-LD declares it; plus og:type's word."""
    types = jsonld_types(page)
    found = {kind: bool(types & names) for kind, names in DECLARED.items()}
    found["documentation"] |= "techarticle" in types
    found["article"] |= any(t.endswith(("newsarticle", "blogposting")) for t in types - {"techarticle"})
    og_type = (page.meta.get("og:type") or "").lower()
    found["og_article"] = og_type == "article"
    found["og_website"] = og_type == "website"
    found["og_product"] = "product" in og_type
    return found


# JSON-LD types that say what the page is, when it declares no article type too, first the most
# specific: the main entity of a shop's product page or of a forum's thread, then page types (forum
# templates declare ContactPage on every thread). On the dev corpora no article page declares one
# of these without an article type; 71 product and forum pages declare the first four.
_SAYS = (("product", "product"), ("productgroup", "product"), ("discussionforumposting", "forum"),
         ("qapage", "forum"), ("collectionpage", "collection"), ("searchresultspage", "listing"),
         ("profilepage", "other"), ("contactpage", "service"), ("aboutpage", "service"))


def declared_type(page: Page) -> str | None:
    """The type a page declares itself to be, if it is not an article; else None."""
    found = declared(page)
    if found["article"] or found["og_article"]:
        return None
    types = jsonld_types(page)
    return next((kind for name, kind in _SAYS if name in types), None)
