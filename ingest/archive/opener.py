"""Opening an archive by its location: a local path, an http(s) URL, or any fsspec URL (s3://...)."""
from __future__ import annotations

import urllib.request
from pathlib import Path

from .. import __version__

TIMEOUT = 60.0


class Unavailable(Exception):
    """The archive could not be opened or read to its end (not an OSError: fastwarc counts those
    as a broken archive, while this is a failed read that a later try may get through)."""


def open_archive(location: str):
    """A binary stream of the archive's bytes, as stored (gzip is detected by the reader)."""
    expected = None
    try:
        if location.lower().startswith(("http://", "https://")):
            request = urllib.request.Request(location, headers={"User-Agent": f"ingest/{__version__}"})
            stream = urllib.request.urlopen(request, timeout=TIMEOUT)
            expected = stream.length  # Content-Length, before anything is read
        elif "://" in location:
            import fsspec  # installed with datatrove; s3:// and others need their fsspec driver

            stream = fsspec.open(location, "rb").open()
        else:
            stream = open(Path(location), "rb")
    except Exception as exc:
        raise Unavailable(_reason(exc)) from None
    return Guarded(stream, expected)


class Guarded:
    """A read-only stream whose read errors come out as `Unavailable`."""

    def __init__(self, stream, expected: int | None = None):
        self.stream = stream
        self.expected = expected  # the length the server announced, if any
        self.position = 0
        # read1: what has arrived, without waiting to fill the reader's whole buffer
        self._read = getattr(stream, "read1", stream.read)

    def read(self, size: int = -1) -> bytes:
        try:
            data = self._read(size)
        except Exception as exc:
            raise Unavailable(f"read failed: {_reason(exc)}") from None
        self.position += len(data)
        if not data and size and self.expected is not None and self.position < self.expected:
            raise Unavailable(f"connection closed after {self.position} of {self.expected} bytes")
        return data

    def tell(self) -> int:
        return self.position

    def close(self) -> None:
        self.stream.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _reason(exc: Exception) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
