"""A one-line progress bar on stderr, drawn only when stderr is a terminal."""
from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, total: int, stream=None, width: int = 30):
        self.total, self.done, self.failed, self.width = total, 0, 0, width
        self.stream = stream or sys.stderr
        self.enabled = total > 1 and self.stream.isatty()
        self.started = time.monotonic()

    def step(self, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        if self.enabled:
            filled = self.width * self.done // self.total
            rate = self.done / max(time.monotonic() - self.started, 1e-9)
            self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total}"
                              f"  {self.failed} failed  {rate:.1f} pages/s")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def note(self, line: str) -> None:
        """Write a line without garbling the bar."""
        if self.enabled:
            self.stream.write("\r\033[K")
        self.stream.write(line + "\n")
        self.stream.flush()
