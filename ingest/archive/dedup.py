"""The step after the cleaning tasks: each staged shard's records once per (id, content hash),
first copy kept in task order, written into the feed layout (`date=YYYY-MM-DD/*.jsonl`)."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from datatrove.pipeline.base import PipelineStep

from ..crawl.feed import PARTITION_PREFIX, partition_of


class Deduplicator(PipelineStep):
    """Task K reads `STAGE/shard-K/task-*.jsonl` and writes `OUT/date=D/archive-NAME-K-S.jsonl`.

    Names are fixed by the batch and shard, so a rerun of a task replaces its own files; every file
    is written under a hidden temporary name and renamed only when the task has read everything.
    """

    name = "dedup (id, content hash)"
    type = "🫂 - DEDUP"

    def __init__(self, stage: str, out: str, batch: str, max_records: int = 100_000):
        super().__init__()
        self.stage, self.out, self.batch, self.max_records = stage, out, batch, max_records

    def run(self, data=None, rank: int = 0, world_size: int = 1):
        seen: set[bytes] = set()
        writer = PartitionFiles(Path(self.out), f"archive-{self.batch}-{rank:05d}", self.max_records)
        for staged in sorted((Path(self.stage) / f"shard-{rank:05d}").glob("task-*.jsonl")):
            with open(staged, encoding="utf-8") as lines:
                for line in lines:
                    record = json.loads(line)
                    key = version_key(record)
                    if key in seen:
                        self.stat_update("duplicates")
                        continue
                    seen.add(key)
                    writer.write(partition_of(record, 0), line)
                    self.stat_update("written")
        writer.commit()
        yield from ()


def version_key(record: dict) -> bytes:
    """(id, content hash) in 16 bytes: what the seen-set holds per record."""
    return hashlib.blake2b(f"{record['id']} {record['content_hash']}".encode(), digest_size=16).digest()


class PartitionFiles:
    """Lines into `OUT/date=D/STEM-S.jsonl` (S counts files of a partition, `max_records` a file),
    each written as `.STEM-S.jsonl.tmp` and renamed together by `commit`."""

    def __init__(self, out: Path, stem: str, max_records: int):
        self.out, self.stem, self.max_records = out, stem, max_records
        self.open: dict[str, tuple[Path, object, int]] = {}
        self.sequence: dict[str, int] = {}
        self.done: list[Path] = []

    def write(self, partition: str, line: str) -> None:
        tmp, handle, count = self.open.get(partition) or self._start(partition)
        handle.write(line)
        self.open[partition] = (tmp, handle, count + 1)
        if count + 1 >= self.max_records:
            self._finish(partition)

    def commit(self) -> None:
        for partition in list(self.open):
            self._finish(partition)
        for tmp in self.done:
            os.replace(tmp, tmp.with_name(tmp.name[1:-len(".tmp")]))

    def _start(self, partition: str):
        folder = self.out / f"{PARTITION_PREFIX}{partition}"
        folder.mkdir(parents=True, exist_ok=True)
        self.sequence[partition] = self.sequence.get(partition, 0) + 1
        tmp = folder / f".{self.stem}-{self.sequence[partition]:05d}.jsonl.tmp"
        return tmp, open(tmp, "w", encoding="utf-8"), 0

    def _finish(self, partition: str) -> None:
        tmp, handle, _ = self.open.pop(partition)
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        self.done.append(tmp)
