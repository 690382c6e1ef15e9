#!/usr/bin/env python3
"""Regenerate samples/**/<page>.expected.json (and samples/pages/<page>.expected.md, the Markdown
body) from the stored pages; review the diff like code.

  .venv/bin/python tests/golden.py      (or: make golden)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers import BAD, PAGES  # noqa: E402

from ingest import Options, Rejection, clean  # noqa: E402

# A file's URI and modification time differ on every clone; the rest of the record must not.
UNSTABLE = ("url", "fetched_at")


def golden_pages() -> list[Path]:
    return sorted([*PAGES.glob("*.html"), *BAD.glob("*.html")])


def expected_path(page: Path) -> Path:
    return page.with_name(page.name.removesuffix(".html") + ".expected.json")


def expected_record(page: Path) -> dict:
    """What the golden file stores for a page: the stable record, or the rejection."""
    result = clean(page.read_bytes(), page.resolve().as_uri())
    if isinstance(result, Rejection):
        return {"rejection": result.reason.name, "detail": result.detail}
    return {k: v for k, v in result.to_dict().items() if k not in UNSTABLE}


def markdown_pages() -> list[Path]:
    return sorted(PAGES.glob("*.html"))


def expected_markdown_path(page: Path) -> Path:
    return page.with_name(page.name.removesuffix(".html") + ".expected.md")


def expected_markdown(page: Path) -> str:
    """The page's body as `ingest clean --format markdown` gives it."""
    result = clean(page.read_bytes(), page.resolve().as_uri(), Options(markdown=True))
    return result.markdown + "\n"


def main() -> None:
    for page in golden_pages():
        text = json.dumps(expected_record(page), ensure_ascii=False, indent=2) + "\n"
        _write(expected_path(page), text)
    for page in markdown_pages():
        _write(expected_markdown_path(page), expected_markdown(page))


def _write(path: Path, text: str) -> None:
    changed = not path.exists() or path.read_text(encoding="utf-8") != text
    path.write_text(text, encoding="utf-8")
    print(f"{'updated' if changed else 'same   '}  {path.relative_to(PAGES.parent.parent)}")


if __name__ == "__main__":
    main()
