"""Text that was UTF-8 read as Windows-1252 or Latin-1 before the page was written ("itâ€™s",
"FranÃ§ais", "NOMADÂ®"), put back as it was meant ("it’s", "Français", "NOMAD®").

Sites serve such double-encoded text inside otherwise sound UTF-8: a CMS that stored an import
under the wrong label, a feed copied from a page read as Latin-1. The bytes are valid, so no
decoder notices; a reader sees the garbage, and so would every record cut from the page.
ftfy decides, run by run, whether a sequence is mojibake and what it stood for.
"""
from __future__ import annotations

import html
import re
from itertools import islice

import ftfy

# The UTF-8 bytes of mojibake: a UTF-8 lead byte (0xC2 to 0xF4) read as a character ("Â" to "ô"),
# then a continuation byte read as one: a Latin-1 character from U+0080 to U+00BF, or one of the
# characters Windows-1252 puts at 0x80 to 0x9F. Searched first, on the bytes: the search costs a
# fraction of a millisecond on a page where one of the text costs several times that, and nearly
# every page has none.
_SIGN = re.compile(rb"\xc3[\x82-\xb4](?:\xc2[\x80-\xbf]|\xe2\x82\xac|\xe2\x80[\x93\x94\x98-\x9e\xa0-\xa2\xa6\xb0\xb9\xba]"
                   rb"|\xe2\x84\xa2|\xc5[\x92\x93\xa0\xa1\xb8\xbd\xbe]|\xc6\x92|\xcb[\x86\x9c])")
# Characters Windows-1252 or Latin-1 write in one byte from 0x80 up: what each byte of UTF-8
# beyond ASCII becomes when read as either.
_ONE_BYTE = ("\x80-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
             "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122")
# A run that could be mojibake: what a lead byte (0xC2 to 0xF4) becomes, then such characters;
# and the runs after it that only spaces, digits and ASCII punctuation part from it. Alone, "Ð’"
# may be Icelandic; followed by more such runs it is the Cyrillic "В" ("Ð’ Ð¾Ð±Ð»Ð°Ñ…").
_CHUNK = f"[\u00c2-\u00f4][{_ONE_BYTE}]+"
_RUN = re.compile(f"{_CHUNK}(?:[\\s\\d!-/:-@\\[-`{{-~]+{_CHUNK})*")
# A run's words are read with it, up to this many characters on either side.
_WORD_MAX = 40
# Runs repaired in one page at most: 8 times the most of any dev page (1,234), about 0.1 s of
# ftfy; a hostile page of 20 MB of mojibake would otherwise hold its worker for half a minute.
_RUNS_MAX = 10_000
# The same written as character references: "&acirc;&euro;&trade;" for "’".
_REFERENCES_SIGN = re.compile(rb"&(?:[Aa]circ|Atilde|eth);&")
_REFERENCES_RUN = re.compile(r"&(?:[Aa]circ|Atilde|eth);(?:&#?\w+;)+")


def repaired(text: str, raw: bytes | None = None) -> str:
    """`text` with its mojibake decoded; `raw`, the UTF-8 bytes it was decoded from, if at hand.

    Only the runs go to ftfy, not the page: on a page of 300 kB a few milliseconds where ftfy over
    the whole text takes twenty, with the same result on every page of the dev corpora.
    """
    if raw is None:
        raw = text.encode("utf-8", "surrogatepass")
    if _SIGN.search(raw):
        text = _runs_fixed(text)
    if _REFERENCES_SIGN.search(raw):
        text = _REFERENCES_RUN.sub(_decoded_references, text)
    return text


def _runs_fixed(text: str) -> str:
    """Each run handed to ftfy with the rest of the words it stands in: "Å“" alone may be Swedish,
    in "sÅ“ur" it is the "œ" of "sœur"."""
    spans: list[list[int]] = []
    for run in islice(_RUN.finditer(text), _RUNS_MAX):
        start, end = _word_edge(text, run.start(), -1), _word_edge(text, run.end(), 1)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    pieces, done = [], 0
    for start, end in spans:
        pieces += [text[done:start], ftfy.fix_encoding(text[start:end])]
        done = end
    return "".join(pieces) + text[done:]


def _word_edge(text: str, at: int, step: int) -> int:
    """Where the word that `at` touches ends, going the way of `step` (-1 or 1)."""
    for _ in range(_WORD_MAX):
        beside = at - 1 if step < 0 else at
        if not (0 <= beside < len(text) and text[beside].isalnum()):
            break
        at += step
    return at


def _decoded_references(run: re.Match) -> str:
    """A run of character references that spells mojibake, as the characters it stood for; left
    as written otherwise. A "<" or "&" the run also held stays a reference: it is text, not markup."""
    written = html.unescape(run.group())
    fixed = ftfy.fix_encoding(written)
    return html.escape(fixed, quote=False) if fixed != written else run.group()
