"""The sources file of a running schedule: reread when it changes, and a copy of the last version
that read well for the runs.

A schedule runs for days; its user edits the file meanwhile. Each run is a child process that
reads its source from a file: reading the user's file itself, a run started while it was half
edited or mistyped failed, and one of a source removed from it failed at every interval. The
runs read the copy instead, which changes only when the user's file reads well again.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

from .sources import Source, SourcesError, parse_sources, read_sources_text


class SourcesFile:
    def __init__(self, path: str | Path, on_read: Callable[[dict[str, Source]], None] = lambda sources: None):
        """Read `path` (SourcesError if it cannot be used) and copy it for the runs; `on_read` is
        given the sources each time they are read."""
        self.path = Path(path)
        self.on_read = on_read
        self._seen = self._signature()
        text = self._text()
        self.sources = parse_sources(text, self.path)
        on_read(self.sources)
        self._folder = tempfile.mkdtemp(prefix="ingest-schedule-")
        self.copy = Path(self._folder) / self.path.name
        self._read, self._said = text, None
        self._write_copy(text)

    def reread(self) -> tuple[dict[str, Source] | None, str | None]:
        """(sources, None) when the file changed since last read and reads well; (None, what is
        wrong) the first time a faulty version of it is seen; (None, None) otherwise."""
        signature = self._signature()
        if signature == self._seen:
            return None, None
        self._seen = signature
        try:
            text = self._text()
            if text == self._read:  # back as it was: a fault made again is said again
                self._said = None
                return None, None
            sources = parse_sources(text, self.path)
        except SourcesError as error:
            said = str(error)
            if said == self._said:
                return None, None
            self._said = said
            return None, said
        self.sources, self._read, self._said = sources, text, None
        self.on_read(sources)
        self._write_copy(text)
        return sources, None

    def close(self) -> None:
        shutil.rmtree(self._folder, ignore_errors=True)

    def _text(self) -> str:
        return read_sources_text(self.path)

    def _signature(self) -> tuple | None:
        try:
            found = self.path.stat()
        except OSError:
            return None
        return found.st_ino, found.st_size, found.st_mtime_ns

    def _write_copy(self, text: str) -> None:
        # Renamed into place: a run starting meanwhile reads the old copy or the new, never half.
        partial = self.copy.with_name(f".{self.copy.name}.partial")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, self.copy)
