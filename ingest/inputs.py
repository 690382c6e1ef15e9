"""What `ingest clean` is given: URLs, files, directories and stdin, expanded in input order.

WARC files (`.warc`, `.warc.gz`, also in a directory or a `.paths`/`.paths.gz` list) are inputs of
kind "warc": their pages are read by `ingest.archive`."""
from __future__ import annotations

import gzip
import stat
import sys
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
LIST_SUFFIXES = (".paths", ".paths.gz")  # one WARC a line, as Common Crawl's warc.paths.gz
_WARC_MAGIC = b"WARC/1."
_SNIFF_BYTES = 512  # a gzip member's header and enough deflate to give the magic back


@dataclass(frozen=True)
class Input:
    """One page to clean. `label` is how the user named it, for error lines."""

    label: str
    kind: str  # "url", "file", "stdin", "warc"
    location: str  # URL, file path, or "-"
    url: str | None = None  # the URL to record, when the user gave one with --url
    problem: str | None = None  # why a page found in a directory cannot be read (said, not skipped)


class InputError(Exception):
    """An argument that names nothing we can read."""


def expand(args: list[str], url: str | None = None, base: str | None = None) -> list[Input]:
    """Each argument as pages, directories walked in sorted order, or InputError for the missing."""
    pages: list[Input] = []
    for arg in args:
        if arg == "-":
            pages.append(Input("-", "stdin", "-", url))
        elif is_warc_name(arg):
            pages.append(Input(arg, "warc", arg))
        elif _scheme(arg) in ("http", "https"):
            pages.append(Input(arg, "url", arg, url))
        elif _scheme(arg) == "file":  # a file URL, as a browser's address bar gives it
            pages.extend(expand([url2pathname(urlsplit(arg).path)], url, base))
        elif _scheme(arg):
            pages.append(Input(arg, "url", arg, url, problem=f"bad URL: {_scheme(arg)}:// is not fetched "
                                                            "(http and https are; a saved page is a path)"))
        elif Path(arg).is_dir():
            found = sorted(p for p in Path(arg).rglob("*") if _is_input_file(p) and not p.is_dir())
            pages.extend(Input(str(p), _kind(p), str(p), url, problem=not_regular(p)) for p in found)
        elif arg.lower().endswith(LIST_SUFFIXES):
            pages.extend(Input(w, "warc", w) for w in read_warc_list(arg, base))
        else:
            pages.append(Input(arg, "warc" if holds_warc(Path(arg)) else "file", arg, url))
    return pages


def _scheme(arg: str) -> str | None:
    """The URL scheme an argument opens with (any case: "HTTPS://..." is a URL), or None for a path."""
    scheme, sep, _ = arg.partition("://")
    return scheme.lower() if sep and scheme.isascii() and scheme.isalpha() else None


def read_list(path: str) -> list[str]:
    """`-i FILE`: one input per line; blank lines and lines starting with # left out. A byte-order
    mark (a list saved by Windows Notepad, UTF-8 or UTF-16) is read as one, not as a first path's
    first character."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        lines = _list_text(data).splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _list_text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def not_regular(path: Path) -> str | None:
    """Why a page-named entry of a directory is no page to read (a FIFO would block the batch), or None."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "a dangling symbolic link" if path.is_symlink() else "no such file or directory"
    except OSError as exc:
        return exc.strerror or str(exc)
    if stat.S_ISREG(mode):
        return None
    return "not a regular file (a FIFO)" if stat.S_ISFIFO(mode) else "not a regular file"


def is_page_file(path: Path) -> bool:
    return path.name.lower().endswith(PAGE_SUFFIXES)


def is_warc_name(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def _is_input_file(path: Path) -> bool:
    return is_page_file(path) or is_warc_name(path.name)


def _kind(path: Path) -> str:
    return "warc" if is_warc_name(path.name) or holds_warc(path) else "file"


def holds_warc(path: Path) -> bool:
    """Whether a file whose name does not say so is a WARC (plain or gzip): it begins "WARC/1.".
    Read as a page, its records' headers would come out as a junk article."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False  # a FIFO or <(process substitution): reading would block or lose its bytes
        with open(path, "rb") as f:
            head = f.read(_SNIFF_BYTES)
    except OSError:
        return False  # the reader says why, for the page it then is
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, len(_WARC_MAGIC))
        except zlib.error:
            return False
    return head.startswith(_WARC_MAGIC)


NOT_A_WARC = "not a WARC archive: it does not begin with a 'WARC/1.' record, plain or gzip (a page? give it an .html name)"


def not_a_warc(location: str) -> bool:
    """A local file named as a WARC that holds something else (a saved page, a JSON file): said so,
    where reading it would report only a "broken" record. Remote archives are judged as they stream."""
    path = Path(location)
    if "://" in location or not path.is_file() or path.stat().st_size == 0:
        return False
    return not holds_warc(path)


def read_warc_list(path: str, base: str | None = None) -> list[str]:
    """The WARC locations a list file names, one a line; a relative one is taken under `base`
    (a directory or URL prefix), by default the list's own directory."""
    try:
        data = Path(path).read_bytes()
        text = _list_text(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)
    except (OSError, UnicodeDecodeError, EOFError, zlib.error) as exc:
        raise InputError(f"{path}: cannot read the list: {getattr(exc, 'strerror', None) or exc}") from None
    base = base or str(Path(path).resolve().parent)
    return [_under(base, line.strip()) for line in text.splitlines() if line.strip()]


def _under(base: str, location: str) -> str:
    if location.startswith("/") or "://" in location:
        return location
    return base.rstrip("/") + "/" + location


def read_file(path: str) -> tuple[bytes, str, datetime]:
    """The file's bytes, its file:// URI, and its modification time as the fetch time."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file or directory") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    mtime = datetime.fromtimestamp(p.stat().st_mtime, timezone.utc)
    return data, p.resolve().as_uri(), mtime


def read_stdin() -> bytes:
    return sys.stdin.buffer.read()
