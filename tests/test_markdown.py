"""The Markdown body holds exactly the record's text, with structure: every kept paragraph once, nothing cut out."""
from __future__ import annotations

import re

import pytest
from helpers import PAGES, ROOT

from ingest import Options, clean
from ingest.core.markdown import normalise

BODY_PAGES = sorted((ROOT / "tests" / "data" / "body").glob("*.html")) + sorted(PAGES.glob("*.html")) + \
    [ROOT / "tests" / "data" / "switches" / "match_report.html"]
_SYNTAX = re.compile(r"^(#{1,6} |> ?)")


def _markdown_lines(markdown: str) -> list[str]:
    """The Markdown's lines as plain text: heading and quote marks, escapes and table rules gone."""
    lines = []
    for line in markdown.replace("\\", "").splitlines():
        line = _SYNTAX.sub("", line)
        if line.strip() and not re.fullmatch(r"\|( --- \|)+", line.strip()):
            lines.append(normalise(line))
    return lines


@pytest.mark.parametrize("page", BODY_PAGES, ids=lambda p: p.name)
def test_markdown_holds_each_paragraph_of_the_text_and_nothing_else(page):
    article = clean(page.read_bytes(), "https://example.org/story", Options(markdown=True))
    text_lines = [normalise(line) for line in article.text.splitlines() if not re.fullmatch(r"\|[-|]+\|?", line)]
    markdown_lines = _markdown_lines(article.markdown)
    assert sorted(markdown_lines) == sorted(text_lines), article.extractor


def test_the_readability_fallback_body_renders_from_the_page():
    page = ROOT / "tests" / "data" / "body" / "layout_table.html"
    article = clean(page.read_bytes(), "https://example.org/story", Options(markdown=True))
    assert article.extractor.fallback == "readability-lxml"  # else this test checks the other path
    assert article.markdown
