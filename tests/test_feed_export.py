"""`ingest feed export --to parquet` and `ingest feed sql`: the feed read back by DuckDB with the record's types."""
from __future__ import annotations

import glob
import json
import shutil
from datetime import datetime, timezone

import duckdb
import pytest
from helpers import BENCH, PAGES, ROOT, records, run_ingest

EMBED_PAGES = sorted((ROOT / "tests" / "data" / "embeds" / "pages").glob("*.html"))[:3]
EXPECTED_TYPES = {
    "published": "TIMESTAMP WITH TIME ZONE", "modified": "TIMESTAMP WITH TIME ZONE",
    "fetched_at": "TIMESTAMP WITH TIME ZONE", "authors": "VARCHAR[]", "tags": "VARCHAR[]",
    "word_count": "INTEGER", "date": "DATE", "title": "VARCHAR",
    "passages": 'STRUCT(paragraph INTEGER, "language" VARCHAR)[]',
    "embeds": 'STRUCT(kind VARCHAR, url VARCHAR, author VARCHAR, handle VARCHAR, published TIMESTAMP WITH TIME ZONE, '
              '"text" VARCHAR, "language" VARCHAR, "position" INTEGER)[]',
    "extractor": 'STRUCT(library VARCHAR, "version" VARCHAR, fallback VARCHAR)',
}


@pytest.fixture(scope="module")
def feed(tmp_path_factory):
    """A feed of two days: sample pages, real pages whose dates come as days, offsets or neither, and pages
    with embedded posts; beside them a file still being written, which no reader may see."""
    pages = [*sorted(PAGES.glob("*.html")), *sorted(BENCH.joinpath("html").glob("*.html.gz"))[:12], *EMBED_PAGES]
    proc = run_ingest("clean", *map(str, pages), "-q")
    assert proc.returncode == 0, proc.stderr
    written = records(proc.stdout)
    assert any(r["embeds"] for r in written) and any(r["published"] and len(r["published"]) == 10 for r in written)
    folder = tmp_path_factory.mktemp("feed")
    half = len(written) // 2
    for day, part in (("2024-09-17", written[:half]), ("2024-09-18", written[half:])):
        (folder / f"date={day}").mkdir()
        (folder / f"date={day}" / "articles-00001.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part), encoding="utf-8")
    (folder / "date=2024-09-18" / ".articles-00002.jsonl.tmp").write_text('{"id": "half a rec', encoding="utf-8")
    return folder, written


def _types(db, relation: str) -> dict[str, str]:
    return {name: kind for name, kind, *_ in db.execute(f"DESCRIBE {relation}").fetchall()}


def _utc(value: str | None):
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)


def test_parquet_export_reads_back_in_duckdb_with_the_records_types(feed, tmp_path):
    folder, written = feed
    proc = run_ingest("feed", "export", "--to", "parquet", "--feed", str(folder), str(tmp_path / "parquet"))
    assert proc.returncode == 0, proc.stderr
    assert f"{len(written)} records written" in proc.stderr
    assert sorted(p.name for p in (tmp_path / "parquet").iterdir()) == ["date=2024-09-17", "date=2024-09-18"]
    db = duckdb.connect()
    db.execute("SET TimeZone = 'UTC'")
    relation = f"read_parquet('{tmp_path}/parquet/*/*.parquet', hive_partitioning = true)"
    types = _types(db, f"SELECT * FROM {relation}")
    assert {name: types[name] for name in EXPECTED_TYPES} == EXPECTED_TYPES
    rows = db.execute(f"SELECT id, published, authors, word_count, embeds FROM {relation}").fetchall()
    assert len(rows) == len(written)
    by_id = {r["id"]: r for r in written}
    for id_, published, authors, word_count, embeds in rows:
        record = by_id[id_]
        assert published == _utc(record["published"])
        assert authors == record["authors"] and word_count == record["word_count"]
        assert [e["published"] for e in embeds] == [_utc(e["published"]) for e in record["embeds"]]


def test_export_refuses_an_empty_feed_and_a_full_folder_in_one_line(feed, tmp_path):
    empty = run_ingest("feed", "export", "--feed", str(tmp_path / "no-feed"), str(tmp_path / "out"))
    assert empty.returncode == 1
    assert empty.stderr == f"ingest feed export: {tmp_path / 'no-feed'}: no committed feed files (date=*/*.jsonl)\n"
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    full = run_ingest("feed", "export", "--feed", str(feed[0]), str(tmp_path / "full"))
    assert full.returncode == 1 and "not empty (give --overwrite" in full.stderr
    assert (tmp_path / "full" / "keep.txt").exists()


def test_export_over_the_feed_itself_is_refused_and_the_feed_kept(feed, tmp_path):
    # With --overwrite, replacing the Parquet folder deleted the JSONL feed inside it.
    folder = tmp_path / "data" / "feed"
    shutil.copytree(feed[0], folder)
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))
    for out in (folder, folder.parent):
        proc = run_ingest("feed", "export", "--feed", str(folder), str(out), "--overwrite")
        assert proc.returncode == 1
        assert proc.stderr == f"ingest feed export: {out}: holds the feed {folder}; write the Parquet elsewhere\n"
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before


def test_the_sql_view_gives_the_same_types_over_feeds_duckdb_would_infer_differently(feed, tmp_path):
    folder, written = feed
    # One feed whose dates are all days, one whose dates all carry a time: inferred, they differ.
    days = [r for r in written if r["published"] and len(r["published"]) == 10]
    times = [r for r in written if r["published"] and len(r["published"]) > 10]
    types = []
    for name, part in (("days", days), ("times", times)):
        day = tmp_path / name / "date=2024-09-17"
        day.mkdir(parents=True)
        (day / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
        sql = run_ingest("feed", "sql", "--feed", str(tmp_path / name)).stdout
        db = duckdb.connect()
        inferred = _types(db, f"SELECT * FROM read_json('{tmp_path / name}/date=*/*.jsonl')")["published"]
        db.execute(sql)
        types.append((inferred, _types(db, "articles")))
    assert types[0][0] != types[1][0]  # what an analyst globbing the feed gets today
    assert types[0][1] == types[1][1]
    assert types[0][1]["published"] == "TIMESTAMP WITH TIME ZONE"


def test_the_sql_view_of_a_feed_directory_that_is_not_there_is_refused_naming_it(tmp_path):
    missing = run_ingest("feed", "sql", "--feed", str(tmp_path / "fede"))
    assert missing.returncode == 2 and missing.stdout == ""
    assert f"{tmp_path / 'fede'}: no such directory" in missing.stderr
    (tmp_path / "file").write_text("x")
    assert "not a directory" in run_ingest("feed", "sql", "--feed", str(tmp_path / "file")).stderr


def test_the_sql_view_of_a_feed_with_nothing_committed_yet_is_printed_with_a_warning(tmp_path):
    empty = run_ingest("feed", "sql", "--feed", str(tmp_path))
    assert empty.returncode == 0 and empty.stdout.startswith("CREATE OR REPLACE VIEW articles")
    assert "no committed feed files" in empty.stderr


def test_a_feed_whose_folder_name_holds_quotes_and_glob_characters_is_read_by_both_commands(feed, tmp_path):
    folder, written = feed
    odd = tmp_path / """runs [2026] it's "q" *"""
    shutil.copytree(folder, odd / "feed")
    exported = run_ingest("feed", "export", "--feed", str(odd / "feed"), str(odd / "parquet 'x'"))
    assert exported.returncode == 0, exported.stderr
    view = run_ingest("feed", "sql", "--feed", str(odd / "feed"))
    db = duckdb.connect()
    db.execute(view.stdout)  # the folder's brackets were read as a glob class: no files found
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == len(written)
    parquet = glob.escape(str(odd / "parquet 'x'")).replace("'", "''")
    assert db.execute(f"SELECT count(*) FROM read_parquet('{parquet}/*/*.parquet')").fetchone()[0] == len(written)
