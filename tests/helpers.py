"""Shared test helpers: paths, running the real `ingest` command, the record schema."""
from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PAGES = SAMPLES / "pages"
BAD = SAMPLES / "bad"
BENCH = ROOT.parent / "shared" / "bench" / "aeb-dev"
INGEST = str(Path(sys.executable).parent / "ingest")


def run_ingest(*args: str, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the installed `ingest` command as a user would; text output."""
    proc = subprocess.run([INGEST, *args], input=stdin, capture_output=True, timeout=timeout)
    proc.stdout = proc.stdout.decode("utf-8")
    proc.stderr = proc.stderr.decode("utf-8")
    return proc


def error_lines(stderr: str) -> list[str]:
    """stderr's lines without the summary `ingest clean` ends with."""
    return [line for line in stderr.splitlines() if not line.startswith(SUMMARY_PREFIX)]


def without_summary(stderr: str) -> str:
    """stderr as it was before the summary line `ingest clean` ends with."""
    return "".join(line + "\n" for line in error_lines(stderr))


def summary_line(stderr: str) -> str:
    [line] = [line for line in stderr.splitlines() if line.startswith(SUMMARY_PREFIX)]
    return line


SUMMARY_PREFIX = "ingest clean: "


def records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@cache
def schema() -> dict:
    return json.loads((ROOT / "ingest" / "schema" / "article.schema.json").read_text())


def validate(record: dict) -> None:
    jsonschema.validate(record, schema(), format_checker=jsonschema.FormatChecker())


def sample_pages() -> list[Path]:
    return sorted(PAGES.glob("*.html"))
