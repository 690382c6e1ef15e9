"""Property: `clean` never raises, and every record it gives validates and carries no control character,
on mutated real pages, arbitrary bytes and text, and any URL. Bounded and derandomized, so the suite
runs the same examples every time; `make fuzz` runs 10,000+ inputs of the same families."""
from __future__ import annotations

import json

from fuzz_inputs import SPLICES, URL, has_control_characters, real_pages
from helpers import validate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from encoded_pages import DECLARATIONS, declaring, languages, legacy_encoding
from ingest import Article, Rejection, clean
from ingest.core.decode import decode

BOUNDED = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
URLS = st.one_of(st.just(URL), st.text(max_size=30), st.just("http://[::1/story"),
                 st.builds(lambda s: f"https://example.org/{s}/story", st.text(max_size=8)))
SPLICE = st.one_of(st.sampled_from(SPLICES), st.binary(min_size=1, max_size=4))
EDITS = st.lists(st.tuples(st.floats(0, 1), SPLICE), min_size=1, max_size=5)
HOSTILE_TEXT = st.text(alphabet=st.one_of(st.characters(), st.sampled_from("\x00\x01\x0b\x0c\x1f\ud800\udfff\ufffe<>&")),
                       max_size=3000)


def assert_holds(result) -> None:
    assert isinstance(result, (Article, Rejection))
    if isinstance(result, Article):
        record = result.to_dict()
        validate(record)
        assert not has_control_characters(record)
        json.dumps(record, ensure_ascii=False).encode("utf-8")


@BOUNDED
@given(page=st.sampled_from(range(len(real_pages()))), edits=EDITS, url=URLS)
def test_a_mutated_real_page(page, edits, url):
    data = bytearray(real_pages()[page])
    for where, splice in edits:
        at = int(where * len(data))
        data[at:at] = splice
    assert_holds(clean(bytes(data), url))


@BOUNDED
@given(data=st.binary(max_size=5000), markup=st.booleans(), header=st.one_of(st.none(), st.text(max_size=12)))
def test_arbitrary_bytes(data, markup, header):
    assert_holds(clean(b"<html><body><p>" + data if markup else data, URL, encoding=header))


@BOUNDED
@given(text=HOSTILE_TEXT, url=URLS)
def test_arbitrary_text(text, url):
    assert_holds(clean("<html><body><p>" + text, url))


@BOUNDED
@given(lang=st.sampled_from(languages()), number=st.integers(0, 1000),
       how=st.sampled_from([h for h in DECLARATIONS if h != "none"]))
def test_a_declared_legacy_page_reads_as_written(lang, number, how):
    text = declaring(lang, number, legacy_encoding(lang), how)
    assert decode(text.encode(legacy_encoding(lang))) == text
