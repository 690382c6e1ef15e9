"""Document writers: each record's body as text or Markdown, one after another or one file per input."""
from __future__ import annotations

import errno
import re
import sys
from pathlib import Path

from ..inputs import PAGE_SUFFIXES

SUFFIX = {"text": ".txt", "markdown": ".md"}
# `-o` names one file, not a folder, when it ends as a document of the format does.
FILE_SUFFIXES = {"text": (".txt",), "markdown": (".md", ".markdown")}
# Text bodies hold no blank line (one paragraph a line), so a blank line parts two documents;
# Markdown documents open with front matter, as trafilatura's Markdown with metadata does.
FRONT_MATTER = ("title", "url", "published", "language")


def names_one_file(output: str | None, fmt: str) -> bool:
    """Whether `-o` is one file of all documents (`bodies.txt`, `bodies.md`) rather than a folder
    of one file per input: a name ending as the format's documents do, and no folder there."""
    return bool(output) and output.lower().endswith(FILE_SUFFIXES[fmt]) and not Path(output).is_dir()


class DocumentWriter:
    """Documents one after another (stdout, or one file), or one file per input in a folder."""

    def __init__(self, fmt: str, output: str | None):
        self.fmt = fmt
        self.written = 0
        self.names: set[str] = set()
        self.directory = None
        self.stream = sys.stdout
        if names_one_file(output, fmt):
            self.stream = open(output, "w", encoding="utf-8")
        elif output:
            self.directory = Path(output)
            if self.directory.exists() and not self.directory.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, "not a directory (text and markdown write one file per "
                                                        f"input; a file name ending {SUFFIX[fmt]} gets them all)")
            self.directory.mkdir(parents=True, exist_ok=True)

    def write(self, record: dict, label: str) -> None:
        document = render(record, self.fmt)
        if self.directory:
            path = self.directory / self._name(record, label)
            path.write_text(document + "\n", encoding="utf-8")
        else:
            self.stream.write(("\n" if self.written else "") + document + "\n")
            self.stream.flush()
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
        if self.stream is not sys.stdout:
            self.stream.close()


def render(record: dict, fmt: str) -> str:
    if fmt == "text":
        return record["text"]
    lines = [f"{key}: {_scalar(record.get(key))}" for key in FRONT_MATTER if record.get(key)]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + (record.get("markdown") or record["text"])


def _scalar(value) -> str:
    """A YAML scalar: quoted, with quotes and backslashes escaped, so any title reads back."""
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'
