"""Output formats of `ingest clean`: JSONL records (the default), CSV rows, and text or Markdown documents."""
from __future__ import annotations

FORMATS = ("jsonl", "csv", "text", "markdown")
# trafilatura's names for the same formats (its --output-format).
ALIASES = {"json": "jsonl", "txt": "text", "md": "markdown"}


def open_writer(fmt: str, output: str | None):
    """The writer of `fmt` into `output` (a file, or for text and Markdown a directory; None: stdout)."""
    if fmt in ("text", "markdown"):
        from .documents import DocumentWriter

        return DocumentWriter(fmt, output)
    from .records import CsvWriter, JsonlWriter

    return (CsvWriter if fmt == "csv" else JsonlWriter)(output)
