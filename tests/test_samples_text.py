"""The seed rebuilds give their article text and nothing else (samples/pages/*.truth.txt, hand-checked)."""
from __future__ import annotations

import re

import pytest
from helpers import BAD, PAGES

from ingest import Article, clean

_BULLET = re.compile(r"^[-•*]\s+")


def _lines(text: str) -> list[str]:
    """Paragraph lines with white space folded and list bullets dropped."""
    return [_BULLET.sub("", " ".join(line.split())) for line in text.splitlines() if line.strip()]


TRUTHS = sorted([*PAGES.glob("*.truth.txt"), *BAD.glob("*.truth.txt")])


@pytest.mark.parametrize("truth", TRUTHS, ids=lambda p: p.name)
def test_body_is_the_article_text_and_nothing_else(truth):
    page = truth.with_name(truth.name.removesuffix(".truth.txt") + ".html")
    article = clean(page.read_bytes(), page.resolve().as_uri())
    assert isinstance(article, Article), f"{page.name}: {article}"
    assert _lines(article.text) == _lines(truth.read_text(encoding="utf-8"))
