"""Resuming an interrupted crawl: Scrapy's job directory (queue and seen-set), kept only when it is whole.

A crawl stopped by SIGTERM/SIGINT saves its queue and is marked interrupted: the next crawl of
that source resumes it. A crawl that finished, or died without saving (SIGKILL, power loss),
leaves no job directory to trust, so the next crawl starts afresh and finds its pages again.
"""
from __future__ import annotations

import shutil
from pathlib import Path

MARK = "interrupted"


def prepare(job_dir: str | Path) -> bool:
    """Make `job_dir` ready for a crawl; True if it holds an interrupted crawl to resume."""
    job_dir = Path(job_dir)
    mark = job_dir / MARK
    if mark.exists():
        mark.unlink()
        return True
    if job_dir.exists():
        remove_inside(job_dir)
    return False


def conclude(job_dir: str | Path, finish_reason: str) -> None:
    """After the crawl has closed (and Scrapy saved its queue): keep it only if interrupted."""
    job_dir = Path(job_dir)
    if finish_reason == "shutdown" and job_dir.exists():
        (job_dir / MARK).touch()
    elif job_dir.exists():
        remove_inside(job_dir)


def remove_inside(folder: Path) -> None:
    """Delete `folder`, only if it really lies inside its parent (no `..`, no symlink out of it)."""
    parent = folder.parent.resolve()
    target = folder.resolve()
    if target.parent != parent or folder.is_symlink():
        raise ValueError(f"refusing to delete {folder}: it is not a folder inside {folder.parent}")
    shutil.rmtree(target)
