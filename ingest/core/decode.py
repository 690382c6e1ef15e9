"""Bytes to text: gzip recognised by content, then the encoding a browser would choose (BOM, the
transport's label, the page's own label, a detector), valid UTF-8 winning over a contradicting
label and a UTF-8 label giving way on bytes that cannot be UTF-8; then double-encoded UTF-8
within the text put back (mojibake.py)."""
from __future__ import annotations

import re
import zlib

from . import charset
from .controls import without_controls
from .mojibake import repaired
from .rejection import Reason, Rejected

GZIP_MAGIC = b"\x1f\x8b"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32)])  # C0 controls but tab, newlines, form feed, CR
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.I)


def decode(data: bytes | str, declared: str | None = None, max_bytes: int = 20_000_000) -> str:
    """Return the page as text, or raise `Rejected` saying why it is not a page."""
    if isinstance(data, str):
        return _check_markup(repaired(data))
    if data[:2] == GZIP_MAGIC:
        data = gunzip(data, max_bytes)
    if not data.strip():
        raise Rejected(Reason.EMPTY, "0 bytes" if not data else "only white space")
    if len(data) > max_bytes:
        raise Rejected(Reason.NOT_HTML, f"larger than {max_bytes} bytes")
    encoding, data = choose_encoding(data, declared)
    # The page's own bytes are searched for mojibake when they are the UTF-8 of the text.
    return _check_markup(repaired(_decoded(data, encoding), data if encoding == "utf-8" else None))


def choose_encoding(data: bytes, declared: str | None = None) -> tuple[str, bytes]:
    """(encoding, the bytes to decode with it): a BOM first, then UTF-16/32 told by zero bytes,
    then the labels, then detection. Rejects binary content."""
    bom = charset.from_bom(data)
    if bom:
        return bom[0], data[bom[1]:]
    unicode = charset.unicode_without_bom(data)
    if unicode:
        return unicode, data
    if _looks_binary(data):
        raise Rejected(Reason.NOT_HTML, "binary content")
    # A UTF-16 label on bytes without UTF-16's zero bytes is wrong wherever it stands.
    in_page = charset.from_label(_declared_in_page(data), in_page=True)
    label = charset.from_label(declared, in_page=True) or in_page
    if label and label != "utf-8" and not data.isascii() and charset.is_utf8(data):
        return "utf-8", data  # multi-byte UTF-8 is no accident: the label is a template's leftover
    if label == "utf-8" and not data.isascii() and charset.mislabelled_utf8(data):
        # Read as labelled, every accent would be U+FFFD: the page's own other label, else the detector.
        return (in_page if in_page not in (None, "utf-8") else charset.detect(data)), data
    return label or charset.detect(data), data


def _decoded(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding, errors="replace")
    except (LookupError, UnicodeError):  # a codec that cannot replace: read it as browsers' default
        text = data.decode("cp1252", errors="replace")
    return text


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip without trusting its size: stop past `max_bytes`."""
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise Rejected(Reason.NOT_HTML, f"broken gzip data ({exc})") from None
    if len(out) > max_bytes:
        raise Rejected(Reason.NOT_HTML, f"decompresses to more than {max_bytes} bytes")
    if not inflater.eof:  # a half-saved or half-downloaded file: its article would be cut without a word
        raise Rejected(Reason.NOT_HTML, f"broken gzip data (cut short after {len(out)} bytes)")
    return out


def _declared_in_page(data: bytes) -> bytes | None:
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1) if match else None


def _looks_binary(data: bytes) -> bool:
    """Text pages hold no NUL bytes and few control characters."""
    head = data[:2048]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > len(head) * 0.05


def _check_markup(text: str) -> str:
    text = without_controls(text)
    if not text.strip():
        raise Rejected(Reason.EMPTY, "only white space")
    if "<" not in text[:65536]:
        raise Rejected(Reason.NOT_HTML, "no markup in the input")
    return text
