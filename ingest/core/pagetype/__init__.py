"""What kind of page this is: an article, or a listing, collection, product, service, forum,
documentation or other page, decided from whole-page evidence by a small fitted model."""
from __future__ import annotations

from ..page import Page
from .evidence import evidence
from .model import article_probability, likeliest_other_type
from .weights import THRESHOLD

ARTICLE = "article"
OTHER = "other"  # no main text at all: nothing to say what it is


def page_type(page: Page, body_text: str) -> str:
    if not body_text.strip():
        return OTHER
    found = evidence(page, body_text)
    if article_probability(found) >= THRESHOLD:
        return ARTICLE
    return likeliest_other_type(found)
