"""`clean` never raises: hostile and broken pages give an article or a typed rejection, records carry no
control characters, and pages far larger than any real one are cut to bounded work."""
from __future__ import annotations

import gzip
import json
import re
from datetime import datetime, timezone
from pathlib import Path

import lxml.html
import pytest
from helpers import sample_pages, validate

import ingest.core.clean as clean_module
from ingest import Article, Reason, Rejection, clean
from ingest.core.body.fallback import readability_paragraphs
from ingest.core.caps import MAX_ATTRIBUTES, MAX_ELEMENTS, MAX_ELEMENTS_FOR_FALLBACKS, MAX_TEXT_CHARS
from ingest.core.extract import body_candidates
from ingest.core.page import parse

WHEN = datetime(2024, 9, 18, 12, 0, tzinfo=timezone.utc)
URL = "https://example.org/world/2024/09/17/story"
C0 = re.compile("[\x00-\x08\x0b-\x1f]")
TWO_CONTAINERS = Path(__file__).parent / "data" / "body" / "article_in_two_containers.html"


def page_bytes(index: int = 0) -> bytes:
    return sample_pages()[index].read_bytes()


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def assert_clean_record(result) -> dict:
    assert isinstance(result, Article), result
    record = result.to_dict()
    validate(record)
    assert not any(C0.search(s) for s in strings(record)), "a control character in the record"
    json.dumps(record, ensure_ascii=False).encode("utf-8")  # writable as UTF-8
    return record


@pytest.mark.parametrize("after", [b"</a>", b"<br>", b"<br/>", b"</p>"])
@pytest.mark.parametrize("control", [b"\x0b", b"\x01", b"\x1f", b"\x00"])
def test_control_characters_after_links_and_breaks_give_a_clean_record(after, control):
    for index in range(len(sample_pages())):
        html = page_bytes(index).replace(after, after + control)
        assert_clean_record(clean(html, URL, fetched_at=WHEN))


def test_words_typed_in_word_with_its_vertical_tab_line_breaks_stay_apart():
    html = page_bytes().replace(b"</p>", b"\x0bEnd of line</p>", 3)
    text = clean(html, URL, fetched_at=WHEN).text
    assert "End of line" in text and "\x0b" not in text


def test_the_fallback_reads_a_tree_holding_control_characters():
    # readability-lxml serialises and re-parses the tree; lxml then refuses to set such text itself.
    html = TWO_CONTAINERS.read_text(encoding="utf-8").replace("</a>", "</a>\x0b").replace("<br>", "<br>\x01")
    paragraphs = readability_paragraphs(lxml.html.document_fromstring(html))
    assert paragraphs and not any(C0.search(p) for p in paragraphs)


def test_json_ld_nested_5000_deep_is_skipped_and_the_rest_read():
    deep = b'<script type="application/ld+json">' + b"[" * 5000 + b"]" * 5000 + b"</script>"
    deep_object = b'<script type="application/ld+json">' + b'{"a":' * 5000 + b"1" + b"}" * 5000 + b"</script>"
    plain = clean(page_bytes(), URL, fetched_at=WHEN)
    hostile = clean(page_bytes().replace(b"</head>", deep + deep_object + b"</head>"), URL, fetched_at=WHEN)
    assert_clean_record(hostile)
    assert (hostile.title, hostile.published, hostile.authors) == (plain.title, plain.published, plain.authors)


def test_json_ld_escapes_of_control_characters_do_not_reach_the_record():
    ld = b'<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Floods\\u0007 in\\u000b the south", "author": {"name": "Ana\\u0000 Ruiz"}, "keywords": "floods,heavy\\rrain"}</script>'
    html = re.sub(rb"<head[^>]*>", lambda m: m.group() + ld, page_bytes(), count=1)  # the first article object wins
    record = assert_clean_record(clean(html, URL, fetched_at=WHEN))
    assert record["title"] == "Floods in the south" and "Ana Ruiz" in record["authors"]
    assert "heavy rain" in record["tags"]  # a tag's white space folded, the carriage return with it


def test_an_unparsable_canonical_link_is_not_the_canonical_url():
    html = re.sub(rb'<link[^>]+rel="?canonical"?[^>]*>', b"", page_bytes())
    html = re.sub(rb'<meta[^>]+og:url[^>]*>', b"", html)
    html = html.replace(b"</head>", b'<link rel="canonical" href="http://[::1/story"></head>')
    record = assert_clean_record(clean(html, URL, fetched_at=WHEN))
    assert record["canonical_url"] == URL


def test_a_url_with_a_lone_surrogate_gives_a_writable_record():
    record = assert_clean_record(clean(page_bytes(), "https://example.org/\udcff/story", fetched_at=WHEN))
    assert record["url"] == "https://example.org/\ufffd/story"


def test_an_unparsable_page_url_is_a_bad_url_rejection():
    result = clean(page_bytes(), "http://[::1/story")
    assert isinstance(result, Rejection) and result.reason is Reason.BAD_URL
    assert "http://[::1/story" in result.detail


def test_an_unexpected_failure_of_a_stage_is_an_internal_rejection_naming_it(monkeypatch):
    def broken_stage(page):
        return {}["no such key"]  # a defect of the stage, as a future one may have
    monkeypatch.setattr(clean_module, "read_metadata", lambda page, now: broken_stage(page))
    result = clean(page_bytes(), URL)
    assert isinstance(result, Rejection) and result.reason is Reason.INTERNAL
    assert result.detail.startswith("test_clean_hostile: KeyError")


def test_a_recursion_error_inside_a_stage_is_an_internal_rejection(monkeypatch):
    def endless(text, *args, **kwargs):
        return endless(text)
    monkeypatch.setattr(clean_module, "detect_languages", endless)
    result = clean(page_bytes(), URL)
    assert isinstance(result, Rejection) and result.reason is Reason.INTERNAL and "RecursionError" in result.detail


def test_a_tag_with_more_attributes_than_the_cap_keeps_the_first_ones_and_the_article():
    attributes = b" ".join(b'data-x%d="v"' % i for i in range(MAX_ATTRIBUTES * 3))
    html = page_bytes().replace(b"<body", b'<body><div id="first" ' + attributes + b">x</div", 1)
    page = parse(html.decode("utf-8"), URL)
    [div] = page.tree.xpath('//div[@id="first"]')
    assert len(div.attrib) == MAX_ATTRIBUTES
    assert_clean_record(clean(html, URL, fetched_at=WHEN))


def test_a_page_of_more_elements_than_the_cap_is_read_as_if_it_ended_there():
    html = page_bytes().replace(b"</body>", b"<p>one more paragraph of filler</p>" * MAX_ELEMENTS + b"</body>")
    page = parse(html.decode("utf-8"), URL)
    assert sum(1 for _ in page.tree.iter()) == MAX_ELEMENTS
    plain = clean(page_bytes(), URL, fetched_at=WHEN)
    assert clean(html, URL, fetched_at=WHEN).text.startswith(plain.text[:2000])


@pytest.mark.parametrize("where", ["text", "tail"])
def test_a_text_longer_than_the_cap_is_cut_to_it_and_the_article_kept(where):
    long = b"x" * (MAX_TEXT_CHARS + 5_000)
    block = b'<p id="long">' + long + b"</p>" if where == "text" else b'<p id="long">a</p>' + long
    html = page_bytes().replace(b"</body>", block + b"</body>")
    [p] = parse(html.decode("utf-8"), URL).tree.xpath('//p[@id="long"]')
    assert len(p.text if where == "text" else p.tail) == MAX_TEXT_CHARS
    assert_clean_record(clean(html, URL, fetched_at=WHEN))


def test_trafilaturas_fallbacks_run_on_real_pages_but_not_on_pages_beyond_their_cap():
    # Its jusText pass slows down with the square of such a page's one-line paragraphs (240 s).
    filler = b"<p>one more paragraph of filler</p>" * MAX_ELEMENTS_FOR_FALLBACKS
    huge = parse(page_bytes().replace(b"</body>", filler + b"</body>").decode("utf-8"), URL)
    assert huge.elements > MAX_ELEMENTS_FOR_FALLBACKS and body_candidates(huge).port_root is None
    real = parse(page_bytes().decode("utf-8"), URL)
    assert real.elements < MAX_ELEMENTS_FOR_FALLBACKS and body_candidates(real).port_root is not None


def test_a_gzip_bomb_of_line_breaks_and_brackets_gives_an_answer():
    for body in (b"x<br>" * 400_000, b"<" * 2_000_000, b"&amp;" * 400_000):
        html = gzip.compress(b"<html><body><p>" + body + b"</p></body></html>")
        result = clean(html, URL, fetched_at=WHEN)
        assert isinstance(result, (Article, Rejection))
        if isinstance(result, Article):
            assert_clean_record(result)
