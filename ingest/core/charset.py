"""Which text encoding a page's bytes are in: labels read as the WHATWG encoding standard reads them,
byte-order marks, UTF-16/32 by their zero bytes, and a detector for pages that declare nothing."""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

# WHATWG maps these labels to a superset encoding; browsers decode them so, and so do we.
_WHATWG = {
    **dict.fromkeys(("ascii", "us-ascii", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1",
                     "l1", "cp819", "ibm819", "iso88591", "ansi_x3.4-1968", "windows-1252"), "cp1252"),
    **dict.fromkeys(("iso-8859-9", "iso8859-9", "latin5", "l5", "windows-1254"), "cp1254"),
    **dict.fromkeys(("iso-8859-11", "tis-620", "windows-874"), "cp874"),
    **dict.fromkeys(("gb2312", "gbk", "x-gbk", "chinese", "csgb2312", "iso-ir-58", "gb_2312-80",
                     "gb_2312", "cp936", "windows-936"), "gb18030"),
    **dict.fromkeys(("euc-kr", "ks_c_5601-1987", "ks_c_5601-1989", "korean", "cseuckr", "windows-949"), "cp949"),
    **dict.fromkeys(("shift_jis", "shift-jis", "sjis", "ms_kanji", "csshiftjis", "x-sjis", "windows-31j",
                     "ms932"), "cp932"),
    **dict.fromkeys(("big5", "big5-hkscs", "x-x-big5", "cn-big5", "csbig5"), "big5hkscs"),
}
# Labels naming UTF-16 on bytes without UTF-16's zero bytes: the page was read as ASCII to find
# them, so it is not UTF-16; browsers then read it as UTF-8.
_UTF16 = {"utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2",
          "unicodefeff", "unicodefffe", "utf-16-le", "utf-16-be"}
# Codecs Python knows that no browser decodes a page with: transforms, and encodings that are not
# on the web (a label naming one is ignored, as browsers ignore labels they do not know).
_NOT_WEB = {"utf-7", "utf-32", "utf-32-le", "utf-32-be", "idna", "punycode", "undefined", "charmap",
            "raw-unicode-escape", "unicode-escape", "mbcs", "oem", "palmos"}
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Unicode texts without a BOM: where the zero bytes of ASCII markup fall in each 4-byte group.
_ZERO_PATTERNS = (("utf-32-le", (1, 2, 3)), ("utf-32-be", (0, 1, 2)),
                  ("utf-16-le", (1, 3)), ("utf-16-be", (0, 2)))


def from_label(label: str | bytes | None, in_page: bool = False) -> str | None:
    """The Python codec a charset label names, or None when no browser would decode with it.
    `in_page`: the label was read from bytes that are not UTF-16, so a UTF-16 label means UTF-8."""
    if isinstance(label, bytes):
        label = label.decode("ascii", errors="ignore")
    label = (label or "").strip().strip("\"'").lower()
    if not label:
        return None
    if in_page and label in _UTF16:
        return "utf-8"
    label = _WHATWG.get(label) or _WHATWG.get(label.replace("_", "-"), label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_WEB:
        return None
    return info.name


def from_bom(data: bytes) -> tuple[str, int] | None:
    """(encoding, BOM length) when the bytes start with a byte-order mark (UTF-32 before UTF-16)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def unicode_without_bom(data: bytes) -> str | None:
    """UTF-16 or UTF-32 told by the zero bytes its ASCII markup leaves in fixed places."""
    head = data[:1024]
    head = head[: len(head) // 4 * 4]
    if len(head) < 16:
        return None
    groups = len(head) // 4
    for encoding, zeros in _ZERO_PATTERNS:
        zero_share = sum(head[i::4].count(0) for i in zeros) / (groups * len(zeros))
        others = [i for i in range(4) if i not in zeros]
        other_share = sum(head[i::4].count(0) for i in others) / (groups * len(others))
        if zero_share > 0.7 and other_share < 0.05:
            return encoding
    return None


def is_utf8(data: bytes) -> bool:
    """Valid UTF-8 (a sequence cut by a truncated page's end allowed)."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True


def mislabelled_utf8(data: bytes) -> bool:
    """Bytes a UTF-8 label cannot be right about: more invalid sequences than valid multi-byte
    characters, as in a legacy page a server or template labels UTF-8 by default. A stray byte in
    a UTF-8 page (one invalid sequence among its accents) does not make it so."""
    if is_utf8(data):
        return False
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))  # counted in C
    return invalid > non_ascii - invalid


def detect(data: bytes) -> str:
    """The encoding of a page that declares none: UTF-8 when valid, else the detector's guess read
    from the page's text (markup is ASCII and would only dilute what it sees)."""
    if is_utf8(data):
        return "utf-8"
    text = _text_bytes(data[:_SCAN_BYTES])
    guesses = [(match.chaos, from_label(match.encoding)) for match in from_bytes(text)] if text else []
    guesses = [(chaos, encoding) for chaos, encoding in guesses if encoding in _ON_THE_WEB]
    if not guesses:
        return "cp1252"
    least = min(chaos for chaos, _ in guesses)
    tied = [encoding for chaos, encoding in guesses if chaos <= least + _TIE]
    # Latin text reads the same in several code pages; browsers' default wins a tie, as they decide.
    return "cp1252" if "cp1252" in tied else tied[0]


# What the detector may answer: the encodings of the WHATWG standard (no DOS code pages).
_ON_THE_WEB = {"utf-8", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
               "cp1258", "cp874", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "gb18030", "big5hkscs",
               "euc_jp", "iso2022_jp", "cp932", "cp949", "cp866",
               *(f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16))}
_TIE = 0.02  # chaos (charset-normalizer's mess score) this close is no evidence either way
_SCAN_BYTES = 1 << 20  # the detector reads the text of the first MiB: enough, and bounded


def _text_bytes(data: bytes, limit: int = 32768) -> bytes:
    """The bytes between tags, scripts and styles left out, up to `limit` bytes."""
    out, pos, size = [], 0, 0
    lower = data.lower()
    while pos < len(data) and size < limit:
        start = data.find(b"<", pos)
        chunk = data[pos:] if start < 0 else data[pos:start]
        if chunk.strip():
            out.append(chunk)
            size += len(chunk)
        if start < 0:
            break
        pos = _after_tag(data, lower, start)
    return b" ".join(out)[:limit]


def _after_tag(data: bytes, lower: bytes, start: int) -> int:
    for tag in (b"<script", b"<style"):
        if lower.startswith(tag, start):
            end = lower.find(b"</" + tag[1:], start)
            return len(data) if end < 0 else end + len(tag) + 2
    end = data.find(b">", start)
    return len(data) if end < 0 else end + 1
