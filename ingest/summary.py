"""The line `ingest clean` ends with on stderr: inputs, records written, rejections and filtered by reason, pages/s."""
from __future__ import annotations

import time
from collections import Counter


class CleanSummary:
    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self.started = clock()
        self.inputs = 0
        self.written = 0
        self.rejected: Counter[str] = Counter()
        self.filtered: Counter[str] = Counter()

    def count(self, *, written: bool = False, rejected: str | None = None, filtered: str | None = None) -> None:
        self.inputs += 1
        self.written += written
        if rejected:
            self.rejected[rejected] += 1
        if filtered:
            self.filtered[filtered] += 1

    def line(self) -> str:
        seconds = max(self.clock() - self.started, 1e-9)
        text = (f"ingest clean: {self.inputs} inputs in {seconds:.1f} s ({self.inputs / seconds:.1f} pages/s): "
                f"{self.written} records written, {sum(self.rejected.values())} rejected{_by_reason(self.rejected)}")
        if self.filtered:
            text += f", {sum(self.filtered.values())} filtered out{_by_reason(self.filtered)}"
        return text


def _by_reason(counts: Counter) -> str:
    return " (" + ", ".join(f"{reason} {n}" for reason, n in sorted(counts.items())) + ")" if counts else ""
