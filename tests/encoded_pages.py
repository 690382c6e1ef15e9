"""News pages in legacy and Unicode encodings, built from the paragraphs of data/encodings/texts.toml,
for the encoding tests and `make fuzz`: the page as text, and its bytes as a site would serve them."""
from __future__ import annotations

import codecs
import tomllib
from pathlib import Path

TEXTS = tomllib.loads((Path(__file__).parent / "data" / "encodings" / "texts.toml").read_text(encoding="utf-8"))
# How a page can say its encoding: not at all, in a meta tag (two forms), in an XML declaration.
DECLARATIONS = {
    "none": "",
    "meta": '<meta charset="{label}">',
    "http-equiv": '<meta http-equiv="Content-Type" content="text/html; charset={label}">',
}
_BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
         "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}
_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head>{declaration}
<title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/site.css">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world/">World</a> <a href="/weather/">Weather</a></nav></header>
<main><article><h1>{title}</h1>
<p class="dateline"><time datetime="2024-09-{day:02d}">2024-09-{day:02d}</time></p>
{paragraphs}
</article></main>
<footer><p>&copy; 2024 Example News &middot; <a href="/contact">Contact</a></p></footer>
</body></html>
"""


def languages() -> list[str]:
    return list(TEXTS)


def legacy_encoding(lang: str) -> str:
    return TEXTS[lang]["encoding"]


def page(lang: str, number: int, declaration: str = "", count: int | None = None) -> str:
    """Page `number` of a language: 2 to 7 of its paragraphs, starting at a different one each time."""
    text = TEXTS[lang]
    paragraphs = text["paragraphs"]
    count = count or 2 + number % 6
    chosen = [paragraphs[(number + i) % len(paragraphs)] for i in range(count)]
    return _PAGE.format(lang=lang, declaration=declaration, title=text["title"], day=1 + number % 28,
                        paragraphs="\n".join(f"<p>{p}</p>" for p in chosen))


def declaring(lang: str, number: int, label: str, how: str) -> str:
    """The page declaring the encoding `label` in the way `how` names."""
    return page(lang, number, DECLARATIONS[how].format(label=label))


def declared(lang: str, number: int, encoding: str, how: str) -> tuple[str, bytes]:
    """The page declaring `encoding` as text, and as bytes in that encoding."""
    text = declaring(lang, number, encoding, how)
    return text, text.encode(encoding)


def with_bom(text: str, encoding: str) -> bytes:
    return _BOMS[encoding] + text.encode(encoding)
