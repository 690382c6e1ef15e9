"""Inputs for fuzzing `clean`, in four families, each input rebuilt from (family, number) alone so a
failure can be replayed: mutated real pages, pages in every encoding, hostile fixed inputs, random bytes."""
from __future__ import annotations

import gzip
import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import encoded_pages

ROOT = Path(__file__).resolve().parent.parent
URL = "https://example.org/world/2024/09/17/story"


C0 = re.compile("[\x00-\x08\x0b-\x1f]")  # tab and newline are the record's own white space


def has_control_characters(value) -> bool:
    """Whether any string in a record (at any depth) holds a C0 control character."""
    if isinstance(value, str):
        return bool(C0.search(value))
    if isinstance(value, dict):
        return any(map(has_control_characters, value.values()))
    if isinstance(value, list):
        return any(map(has_control_characters, value))
    return False


@dataclass(frozen=True)
class FuzzInput:
    family: str
    name: str
    data: bytes | str
    url: str | None = URL
    header: str | None = None  # the charset the transport declared
    expected_text: str | None = None  # for encoded pages: what the bytes must decode to
    group: str = ""  # what round-trip rate it counts towards, e.g. "gb18030 undeclared"


@cache
def real_pages() -> list[bytes]:
    """Every real or realistic page of the repository: samples, test data, test sites."""
    paths = [*sorted((ROOT / "samples").rglob("*.html")), *sorted((ROOT / "tests" / "data").rglob("*.html"))]
    pages = [p.read_bytes() for p in paths]
    pages += [gzip.decompress(p.read_bytes()) for p in sorted((ROOT / "tests" / "sites" / "pages").glob("*.html.gz"))]
    return [p for p in pages if p]


# Fragments that broke or slowed `clean` once, or are shaped to: spliced into real pages.
SPLICES = [b"\x0b", b"\x00", b"\x01", b"\x1f", b"\x7f", b"\xff\xfe", b"\xef\xbb\xbf", b"</a>\x0b", b"<br>\x0c",
           b"<a href='http://[::1/x'>", b'<link rel="canonical" href="http://[::1/story">', b"<![CDATA[", b"]]>",
           b"<!--", b"-->", b"<script>", b"</script>", b"<table><tr><td>", b"</td></tr></table>", b"&#0;",
           b"&#xD800;", b"&#x110000;", b'<meta charset="rot13">', b'<meta charset="utf-16">', b'<meta charset="zlib">',
           b'<script type="application/ld+json">{"headline": "x\\u0000y", "author": [[[[{}]]]]}</script>',
           b"<p>" * 50, b"</div>" * 50, b"<" * 20, b"\xe2\x80", b"\xc3", b"<?xml version='1.0' encoding='hex'?>"]


def mutated_page(number: int) -> FuzzInput:
    rng = random.Random(f"mutated-{number}")
    pages = real_pages()
    data = bytearray(pages[number % len(pages)])
    for _ in range(rng.randint(1, 6)):
        _mutate(data, rng)
    return FuzzInput("mutated", f"mutated-{number}", bytes(data))


def _mutate(data: bytearray, rng: random.Random) -> None:
    at = rng.randrange(len(data) + 1)
    kind = rng.randrange(6)
    if kind == 0:
        data[at:at] = rng.choice(SPLICES)
    elif kind == 1:
        data[at:at] = bytes([rng.randrange(32)])  # one control character, anywhere
    elif kind == 2:
        del data[at:at + rng.randint(1, 2000)]
    elif kind == 3:
        data[at:at] = data[at:at + rng.randint(1, 3000)]
    elif kind == 4 and data:
        data[at % len(data)] = rng.randrange(256)
    else:
        del data[at:]  # a truncated download


ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")


def encoded_page(number: int) -> FuzzInput:
    """A page in its language's legacy encoding or a Unicode one, declared in one of the ways pages
    declare it, by the transport, by a BOM, or not at all."""
    rng = random.Random(f"encoded-{number}")
    lang = rng.choice(encoded_pages.languages())
    legacy = encoded_pages.legacy_encoding(lang)
    way = rng.choice(["undeclared", "undeclared", "meta", "http-equiv", "header", "bom", "unicode without bom",
                      "utf-8 under a wrong label", "under a wrong utf-8 label"])
    text = encoded_pages.page(lang, rng.randrange(1000), count=rng.randint(2, 7))
    header, group = None, f"{legacy} {way}"
    if way in ("meta", "http-equiv"):
        text = encoded_pages.declaring(lang, rng.randrange(1000), legacy, way)
        data = text.encode(legacy)
    elif way == "header":
        data, header = text.encode(legacy), legacy
    elif way == "bom":
        encoding = rng.choice(ENCODINGS)
        data, group = encoded_pages.with_bom(text, encoding), f"{encoding} bom"
    elif way == "unicode without bom":
        encoding = rng.choice(ENCODINGS[1:])
        data, group = text.encode(encoding), f"{encoding} without bom"
    elif way == "utf-8 under a wrong label":
        label = rng.choice(["iso-8859-1", "gb2312", "windows-1251", "shift_jis", "windows-1252"])
        text = encoded_pages.declaring(lang, rng.randrange(1000), label, rng.choice(["meta", "http-equiv"]))
        data, group = text.encode("utf-8"), "utf-8 under a wrong meta label"
    elif way == "under a wrong utf-8 label":  # a server's default charset over a legacy page
        data, header, group = text.encode(legacy), "utf-8", f"{legacy} under a wrong utf-8 header"
    else:
        data = text.encode(legacy)
    return FuzzInput("encoded", f"encoded-{number}", data, header=header, expected_text=text, group=group)


def random_bytes(number: int) -> FuzzInput:
    rng = random.Random(f"random-{number}")
    size = rng.choice([0, 1, 2, 10, 100, 1000, 10_000])
    data = rng.randbytes(rng.randint(0, size))
    if number % 3 == 1:
        data = b"<html><body><p>" + data  # past the "not HTML" checks, into the parser
    elif number % 3 == 2:
        data = gzip.compress(data)
    return FuzzInput("random", f"random-{number}", data)


@cache
def _page() -> bytes:
    return sorted((ROOT / "samples" / "pages").glob("*.html"))[0].read_bytes()


_ARTICLE = b"<html><body><article>" + b"<p>The river rose overnight and the town was evacuated.</p>" * 20
_CODECS = ("rot13", "hex", "base64", "zlib", "bz2", "uu", "quopri", "idna", "undefined", "utf-7", "utf-32")
# The fixed inputs of issue 12 and their kin: (name, how to build it, url, transport label).
HOSTILE = [
    *((f"label {codec} in {where}", lambda c=codec, w=where: _labelled(_page(), c, w), URL, None)
      for codec in _CODECS for where in ("meta", "xml")),
    ("header label rot13", _page, URL, "rot13"),
    ("json-ld 5,000 deep", lambda: _page().replace(b"</head>", b'<script type="application/ld+json">' + b"[" * 5000 + b"]" * 5000 + b"</script></head>"), URL, None),
    ("20,000 json-ld authors with initials", lambda: _page().replace(b"</head>", b'<meta name="author" content="'
     + b"A. B. " * 50_000 + b'"><script type="application/ld+json">{"@type": "Article", "author": ['
     + b", ".join(b'{"@type": "Person", "name": "Jane Q. Doe%d"}' % i for i in range(20_000)) + b"]}</script></head>"),
     URL, None),
    ("canonical http://[::1/story", lambda: _page().replace(b"</head>", b'<link rel="canonical" href="http://[::1/story"></head>'), URL, None),
    ("page url http://[::1/story", _page, "http://[::1/story", None),
    ("url with a lone surrogate", _page, "https://example.org/\udcff/story", None),
    ("str with surrogates and controls", lambda: _page().decode("utf-8", "surrogateescape") + "\ud800\x00\x0b", URL, None),
    ("200k attributes", lambda: _page().replace(b"<body", b"<body><div " + b" ".join(b'a%d="v"' % i for i in range(200_000)) + b">x</div", 1), URL, None),
    ("200k paragraphs", lambda: _page().replace(b"</body>", b"<p>filler paragraph text</p>" * 200_000 + b"</body>"), URL, None),
    ("gzip: 19.8 MB of x<br>", lambda: _gzip(b"x<br>" * 3_960_000), URL, None),
    ("gzip: 19.8 MB of <", lambda: _gzip(b"<" * 19_800_000), URL, None),
    ("gzip: 19.8 MB of &amp;", lambda: _gzip(b"&amp;" * 3_960_000), URL, None),
    ("gzip: 19.8 MB of <b>x</b>", lambda: _gzip(b"<b>x</b> " * 2_200_000), URL, None),
    ("gzip: 19.8 MB of table rows", lambda: _gzip(b"</p><table>" + b"<tr><td>x</td></tr>" * 1_040_000), URL, None),
    ("gzip: 50 MB of zeros", lambda: gzip.compress(b"\x00" * 50_000_000, 9), URL, None),
    ("word's vertical tabs", lambda: _page().replace(b"</p>", b"\x0b</p>").replace(b"<br>", b"<br>\x0b"), URL, None),
    ("controls after every link", lambda: _page().replace(b"</a>", b"</a>\x01"), URL, None),
    ("utf-16 meta on ascii", lambda: _ARTICLE.replace(b"<body>", b'<head><meta charset="utf-16"></head><body>'), URL, None),
    ("nul-only", lambda: b"\x00" * 4096, URL, None),
    ("deep nesting", lambda: b"<html><body>" + b"<div>" * 100_000 + _ARTICLE, URL, None),
]


def hostile_input(number: int) -> FuzzInput:
    name, build, url, header = HOSTILE[number]
    return FuzzInput("hostile", name, build(), url=url, header=header)


def _gzip(body: bytes) -> bytes:
    return gzip.compress(b"<html><body><p>" + body + b"</p></body></html>", 9)


def _labelled(page: bytes, codec: str, where: str) -> bytes:
    if where == "meta":
        return re.sub(rb"<head[^>]*>", lambda m: m.group() + b'<meta charset="%s">' % codec.encode(), page, count=1)
    return b'<?xml version="1.0" encoding="%s"?>' % codec.encode() + page
