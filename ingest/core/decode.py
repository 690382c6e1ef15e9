"""Bytes to text: gzip recognised by content, then the declared or sniffed charset."""
from __future__ import annotations

import codecs
import gzip
import re
import zlib

from charset_normalizer import from_bytes

from .rejection import Reason, Rejected

GZIP_MAGIC = b"\x1f\x8b"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.I)
# Browsers (WHATWG encoding standard) read these labels as windows-1252; so do we.
_WHATWG_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
                   "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes | str, declared: str | None = None, max_bytes: int = 20_000_000) -> str:
    """Return the page as text, or raise `Rejected` saying why it is not a page."""
    if isinstance(data, str):
        return _check_markup(data)
    if data[:2] == GZIP_MAGIC:
        data = gunzip(data, max_bytes)
    if not data.strip():
        raise Rejected(Reason.EMPTY, "0 bytes" if not data else "only white space")
    if len(data) > max_bytes:
        raise Rejected(Reason.NOT_HTML, f"larger than {max_bytes} bytes")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _check_markup(data.decode(encoding, errors="replace"))
    if _looks_binary(data):
        raise Rejected(Reason.NOT_HTML, "binary content")
    encoding = _known(declared) or _known(_declared_in_page(data)) or _sniff(data)
    return _check_markup(data.decode(encoding, errors="replace"))


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip without trusting its size: stop past `max_bytes`."""
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise Rejected(Reason.NOT_HTML, f"broken gzip data ({exc})") from None
    if len(out) > max_bytes:
        raise Rejected(Reason.NOT_HTML, f"decompresses to more than {max_bytes} bytes")
    return out


def _known(label: str | bytes | None) -> str | None:
    if not label:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", errors="ignore")
    label = label.strip().lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _declared_in_page(data: bytes) -> bytes | None:
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1) if match else None


def _sniff(data: bytes) -> str:
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:65536]).best()
    return best.encoding if best else "cp1252"


def _looks_binary(data: bytes) -> bool:
    """Text pages hold no NUL bytes and few control characters."""
    head = data[:2048]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05


def _check_markup(text: str) -> str:
    if not text.strip():
        raise Rejected(Reason.EMPTY, "only white space")
    if "<" not in text[:65536]:
        raise Rejected(Reason.NOT_HTML, "no markup in the input")
    return text
