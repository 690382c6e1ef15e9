"""What `ingest clean` is given: URLs, files, directories and stdin, expanded in input order."""
from __future__ import annotations

import stat
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")


@dataclass(frozen=True)
class Input:
    """One page to clean. `label` is how the user named it, for error lines."""

    label: str
    kind: str  # "url", "file", "stdin"
    location: str  # URL, file path, or "-"
    url: str | None = None  # the URL to record, when the user gave one with --url
    problem: str | None = None  # why a page found in a directory cannot be read (said, not skipped)


class InputError(Exception):
    """An argument that names nothing we can read."""


def expand(args: list[str], url: str | None = None) -> list[Input]:
    """Each argument as pages, directories walked in sorted order, or InputError for the missing."""
    pages: list[Input] = []
    for arg in args:
        if arg == "-":
            pages.append(Input("-", "stdin", "-", url))
        elif arg.startswith(("http://", "https://")):
            pages.append(Input(arg, "url", arg, url))
        elif Path(arg).is_dir():
            found = sorted(p for p in Path(arg).rglob("*") if is_page_file(p) and not p.is_dir())
            pages.extend(Input(str(p), "file", str(p), url, problem=not_regular(p)) for p in found)
        else:
            pages.append(Input(arg, "file", arg, url))
    return pages


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
