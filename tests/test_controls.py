"""Control characters, lone surrogates and non-characters never reach a tree or a record: a short
line and a whole page are cleaned alike, and a page of control bytes is refused as binary."""
from __future__ import annotations

import pytest

from ingest import Reason, Rejection, clean
from ingest.core.controls import without_controls

CASES = [
    ("plain words", "plain words"),
    ("tab\tand\nnewline", "tab\tand\nnewline"),
    ("carriage\r\nreturn\rline", "carriage\nreturn\nline"),
    ("vertical\x0btab and form\x0cfeed", "vertical\ntab and form feed"),
    ("bell\x07 and escape\x1b", "bell and escape"),
    ("lone \ud800 surrogate and \ufffe\uffff", "lone \ufffd surrogate and \ufffd\ufffd"),
    ("café, naïve, 東京", "café, naïve, 東京"),
]


@pytest.mark.parametrize("text, cleaned", CASES)
@pytest.mark.parametrize("padding", [0, 2_000], ids=["a line", "a page"])
def test_a_line_and_a_page_lose_the_same_characters(text, cleaned, padding):
    filler = "x" * padding
    assert without_controls(filler + text + filler) == filler + cleaned + filler


def test_a_page_of_control_bytes_is_refused_as_binary_and_one_stray_byte_is_not():
    binary = clean(b"<html><body>" + bytes(range(1, 9)) * 40 + b"</body></html>", "https://example.org/x")
    assert isinstance(binary, Rejection) and binary.reason == Reason.NOT_HTML and "binary" in binary.detail
    page = b"<html><body><h1>Ferry strike ends</h1><p>" + b"Ferries sail again. " * 40 + b"\x07</p></body></html>"
    assert getattr(clean(page, "https://example.org/y"), "reason", None) != Reason.NOT_HTML
