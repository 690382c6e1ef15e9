"""Golden records: each stored page gives exactly its reviewed expected record (tests/golden.py writes them)."""
from __future__ import annotations

import json

import pytest
from golden import (expected_markdown, expected_markdown_path, expected_path, expected_record, golden_pages,
                    markdown_pages)
from helpers import validate


@pytest.mark.parametrize("page", golden_pages(), ids=lambda p: p.name)
def test_page_gives_its_expected_record(page):
    path = expected_path(page)
    assert path.exists(), f"no golden for {page.name}: run `make golden` and review the diff"
    expected = json.loads(path.read_text(encoding="utf-8"))
    actual = expected_record(page)
    for field in sorted(expected.keys() | actual.keys()):
        assert actual.get(field) == expected.get(field), f"{page.name}: field {field!r} changed"


@pytest.mark.parametrize("page", golden_pages(), ids=lambda p: p.name)
def test_every_record_validates_against_the_schema(page):
    record = expected_record(page)
    if "rejection" not in record:
        validate({**record, "url": page.resolve().as_uri(), "fetched_at": "2024-09-18T00:00:00+00:00"})


@pytest.mark.parametrize("page", markdown_pages(), ids=lambda p: p.name)
def test_page_gives_its_expected_markdown(page):
    path = expected_markdown_path(page)
    assert path.exists(), f"no golden Markdown for {page.name}: run `make golden` and review the diff"
    assert expected_markdown(page) == path.read_text(encoding="utf-8")
