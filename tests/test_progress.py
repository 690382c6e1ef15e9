"""The progress bar shows only on a terminal and never garbles error lines."""
from __future__ import annotations

import io

from ingest.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_counts_pages_and_failures_on_a_terminal():
    screen = Terminal()
    bar = Progress(4, stream=screen)
    bar.step()
    bar.note("ingest: bad.html: empty input: 0 bytes")
    bar.step(failed=True)
    bar.close()
    out = screen.getvalue()
    assert "1/4  0 failed" in out and "2/4  1 failed" in out
    assert "\r\033[Kingest: bad.html: empty input: 0 bytes\n" in out


def test_no_bar_when_stderr_is_not_a_terminal():
    pipe = io.StringIO()
    bar = Progress(4, stream=pipe)
    bar.step()
    bar.note("ingest: bad.html: empty input: 0 bytes")
    bar.close()
    assert pipe.getvalue() == "ingest: bad.html: empty input: 0 bytes\n"
