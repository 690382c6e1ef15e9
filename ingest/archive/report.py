"""What `ingest archive` tells the user on stderr: one summary of all completed tasks' counts
(from datatrove's per-task stats under --state), or one line when a task failed."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path


def counts(logging_dir: Path) -> Counter:
    """Every completed task's counters, summed: `pages`, `skipped/revisit`, `rejected/...`."""
    total: Counter = Counter()
    for stats_file in sorted((logging_dir / "stats").glob("*.json")):
        for step in json.loads(stats_file.read_text(encoding="utf-8")):
            for label, metric in step["stats"].items():
                total[label] += metric["total"] if isinstance(metric, dict) else metric
    return total


def summary_lines(state: Path, out: str, kind: str) -> list[str]:
    if kind != "local":
        return [f"ingest: archive: tasks submitted to {kind}; their logs and counts go to {state}"]
    clean, dedup = counts(state / "clean"), counts(state / "dedup")
    tasks = len(list((state / "clean" / "completions").glob("*")))
    return [
        f"ingest: archive: {tasks} WARC files, {clean['pages']} HTML pages, {clean['records']} records, "
        f"{dedup['duplicates']} repeats left out, {dedup['written']} written to {out}",
        "ingest: archive: skipped " + _listing(clean, "skipped/") + "; no article " + _listing(clean, "rejected/")
        + ("; crashed " + _listing(clean, "crashed/") if _listing(clean, "crashed/") != "none" else ""),
    ]


def failure_line(state: Path, tasks: int, exc: Exception) -> str:
    done = len(list((state / "clean" / "completions").glob("*")))
    reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
    return (f"ingest: archive: {tasks - done} of {tasks} cleaning tasks did not complete ({reason}); "
            f"logs in {state / 'clean' / 'logs'}; run the same command again to redo only those")


def _listing(total: Counter, prefix: str) -> str:
    found = sorted((k[len(prefix):], n) for k, n in total.items() if k.startswith(prefix) and n)
    return ", ".join(f"{n} {name}" for name, n in found) or "none"
