"""Record writers: one JSON object per line, or one CSV row per record with nested fields flattened."""
from __future__ import annotations

import csv
import json
import sys

# CSV columns: the record's fields in contract order, `extractor` split, lists joined.
CSV_COLUMNS = ("id", "url", "canonical_url", "page_type", "site_name", "title", "description", "authors",
               "tags", "image", "published", "published_source", "modified", "language", "word_count",
               "content_hash", "fetched_at", "extractor_library", "extractor_version", "extractor_fallback",
               "passages", "embeds", "text", "markdown")
LIST_SEPARATOR = "; "


class _FileWriter:
    def __init__(self, output: str | None):
        self.stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout

    def close(self) -> None:
        if self.stream is not sys.stdout:
            self.stream.close()


class JsonlWriter(_FileWriter):
    def write(self, record: dict, label: str) -> None:
        self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.stream.flush()


class CsvWriter(_FileWriter):
    def __init__(self, output: str | None):
        super().__init__(output)
        self.rows = csv.writer(self.stream)
        self.rows.writerow(CSV_COLUMNS)

    def write(self, record: dict, label: str) -> None:
        flat = flatten(record)
        self.rows.writerow(["" if flat.get(c) is None else flat[c] for c in CSV_COLUMNS])
        self.stream.flush()


def flatten(record: dict) -> dict:
    """One value per column: authors and tags joined by "; ", passages and embeds as JSON."""
    flat = dict(record)
    for key, value in (record.get("extractor") or {}).items():
        flat[f"extractor_{key}"] = value
    for key in ("authors", "tags"):
        flat[key] = LIST_SEPARATOR.join(record.get(key) or [])
    for key in ("passages", "embeds"):
        flat[key] = json.dumps(record.get(key) or [], ensure_ascii=False)
    return flat
