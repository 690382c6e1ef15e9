"""Document writers: each record's body as text or Markdown, one after another or one file per input."""
from __future__ import annotations

import errno
import re
import sys
from pathlib import Path

from ..inputs import PAGE_SUFFIXES

SUFFIX = {"text": ".txt", "markdown": ".md"}
# Text bodies hold no blank line (one paragraph a line), so a blank line parts two documents;
# Markdown documents open with front matter, as trafilatura's Markdown with metadata does.
FRONT_MATTER = ("title", "url", "published", "language")


class DocumentWriter:
    def __init__(self, fmt: str, output: str | None):
        self.fmt = fmt
        self.directory = Path(output) if output else None
        self.written = 0
        self.names: set[str] = set()
        if self.directory:
            if self.directory.exists() and not self.directory.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, "not a directory (text and markdown write one file per input)")
            self.directory.mkdir(parents=True, exist_ok=True)

    def write(self, record: dict, label: str) -> None:
        document = render(record, self.fmt)
        if self.directory:
            path = self.directory / self._name(record, label)
            path.write_text(document + "\n", encoding="utf-8")
        else:
            sys.stdout.write(("\n" if self.written else "") + document + "\n")
            sys.stdout.flush()
        self.written += 1

    def _name(self, record: dict, label: str) -> str:
        """The input file's name, else the record id; the id is added when two inputs share a name."""
        name = Path(label).name.lower()
        stem = next((Path(label).name[: -len(s)] for s in PAGE_SUFFIXES if name.endswith(s)), "")
        stem = re.sub(r"[^\w.-]+", "_", stem) or record["id"]
        if stem in self.names:
            stem = f"{stem}-{record['id']}"
        self.names.add(stem)
        return stem + SUFFIX[self.fmt]

    def close(self) -> None:
        pass


def render(record: dict, fmt: str) -> str:
    if fmt == "text":
        return record["text"]
    lines = [f"{key}: {_scalar(record.get(key))}" for key in FRONT_MATTER if record.get(key)]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + (record.get("markdown") or record["text"])


def _scalar(value) -> str:
    """A YAML scalar: quoted, with quotes and backslashes escaped, so any title reads back."""
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'
