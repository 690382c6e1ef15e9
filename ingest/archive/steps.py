"""The datatrove steps of an `ingest archive` task: read its WARC file, clean each page, stage
the records by dedup shard. A task's staged files are renamed to `.jsonl` only when it completes."""
from __future__ import annotations

import json
import os
from pathlib import Path

from datatrove.data import Document
from datatrove.pipeline.base import PipelineStep

from ..core.clean import clean
from ..core.options import Options
from ..core.rejection import Rejection
from .opener import open_archive
from .warc import Tally, read_pages


class ArchiveReader(PipelineStep):
    """One WARC file a task; each HTML response becomes a Document holding its raw bytes
    (datatrove's own WarcReader decodes the text itself; `clean()` must see the bytes)."""

    name = "WARC pages"
    type = "📖 - READER"

    def __init__(self, locations: list[str]):
        super().__init__()
        self.locations = locations

    def run(self, data=None, rank: int = 0, world_size: int = 1):
        for location in self.locations[rank::world_size]:
            tally = Tally()
            with open_archive(location) as stream:
                for page in read_pages(stream, tally):
                    self.stat_update("pages")
                    yield Document(text="", id=page.url, metadata={"page": page})
            for reason, count in tally.skipped.items():
                self.stat_update(f"skipped/{reason}", value=count)


class Cleaner(PipelineStep):
    """`clean()` on each page; a page that gives no article is dropped with its reason counted,
    a crash on one page is counted and the task goes on."""

    name = "clean()"
    type = "🧹 - CLEANER"

    def __init__(self, options: Options):
        super().__init__()
        self.options = options

    def run(self, data, rank: int = 0, world_size: int = 1):
        for document in data:
            page = document.metadata.pop("page")
            with self.track_time():
                try:
                    result = clean(page.body, page.url, self.options, encoding=page.charset,
                                   fetched_at=page.fetched_at)
                except Exception as exc:  # one page must not stop the task
                    self.stat_update(f"crashed/{type(exc).__name__}")
                    continue
            if isinstance(result, Rejection):
                self.stat_update(f"rejected/{result.reason.name.lower()}")
                continue
            record = result.to_dict()
            self.stat_update("records")
            yield Document(text=record["text"], id=record["id"], metadata={"record": record})


class StageWriter(PipelineStep):
    """Records into `STAGE/shard-K/task-R.jsonl`, K from (id, content hash), written under a
    hidden temporary name and renamed when the task's input is exhausted."""

    name = "stage"
    type = "💽 - WRITER"

    def __init__(self, stage: str, shards: int):
        super().__init__()
        self.stage = stage
        self.shards = shards

    def run(self, data, rank: int = 0, world_size: int = 1):
        files: dict[int, tuple[Path, object]] = {}
        for document in data:
            record = document.metadata["record"]
            shard = shard_of(record, self.shards)
            if shard not in files:
                files[shard] = self._open(shard, rank)
            files[shard][1].write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
            self.stat_update("staged")
            yield document
        for tmp, handle in files.values():
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            os.replace(tmp, tmp.with_name(tmp.name[1:-len(".tmp")]))

    def _open(self, shard: int, rank: int):
        folder = Path(self.stage) / f"shard-{shard:05d}"
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".task-{rank:05d}.jsonl.tmp"
        return tmp, open(tmp, "w", encoding="utf-8")


def shard_of(record: dict, shards: int) -> int:
    """The dedup shard of a record, by its id (a hash already): every copy of an article lands
    in the same shard, so a shard alone can tell repeats."""
    return int(record["id"][:8], 16) % shards
