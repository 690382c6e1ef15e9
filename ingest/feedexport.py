"""`ingest feed`: the committed feed read with the record's types fixed, as a DuckDB view or written as Parquet.

DuckDB infers types per file, so `published` comes out VARCHAR in one feed and TIMESTAMP in another;
here every column has its type whatever the files hold. DuckDB is imported only by these commands.
"""
from __future__ import annotations

import glob
import shutil
import sys
from pathlib import Path

# The record's columns as DuckDB reads them from JSON; instants are cast after reading (below), since
# they come as dates, datetimes with an offset, or datetimes without one.
COLUMNS = {
    "schema": "VARCHAR", "id": "VARCHAR", "url": "VARCHAR", "canonical_url": "VARCHAR", "page_type": "VARCHAR",
    "site_name": "VARCHAR", "title": "VARCHAR", "description": "VARCHAR", "authors": "VARCHAR[]",
    "tags": "VARCHAR[]", "image": "VARCHAR", "published": "VARCHAR", "published_source": "VARCHAR",
    "modified": "VARCHAR", "language": "VARCHAR", "text": "VARCHAR", "markdown": "VARCHAR",
    "passages": "STRUCT(paragraph INTEGER, language VARCHAR)[]",
    "embeds": "STRUCT(kind VARCHAR, url VARCHAR, author VARCHAR, handle VARCHAR, published VARCHAR, "
              "text VARCHAR, language VARCHAR, position INTEGER)[]",
    "word_count": "INTEGER", "content_hash": "VARCHAR", "fetched_at": "VARCHAR",
    "extractor": "STRUCT(library VARCHAR, version VARCHAR, fallback VARCHAR)",
}
EMBED_FIELDS = ("kind", "url", "author", "handle", "published", "text", "language", "position")


def instant(expression: str) -> str:
    """SQL for an ISO 8601 string as TIMESTAMPTZ; one without an offset is taken as UTC, whatever the
    session's time zone; one that is no date, NULL."""
    return (f"CASE WHEN regexp_matches({expression}, '(Z|[+-]\\d\\d:?\\d\\d)$') "
            f"THEN TRY_CAST({expression} AS TIMESTAMPTZ) "
            f"ELSE timezone('UTC', TRY_CAST({expression} AS TIMESTAMP)) END")


def feed_files(feed: str | Path) -> list[Path]:
    """The committed feed files: `date=*/NAME.jsonl`, never a hidden file still being written."""
    return sorted(p for p in Path(feed).glob("date=*/*.jsonl") if not p.name.startswith("."))


def select_sql(files: list[str] | str) -> str:
    """A SELECT of the feed with its types fixed; `files` a list of paths or a glob."""
    sources = _literal(files) if isinstance(files, str) else "[" + ", ".join(_literal(str(f)) for f in files) + "]"
    columns = "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in COLUMNS.items()) + "}"
    embed = ", ".join(f"{f} := {instant('e.published') if f == 'published' else 'e.' + f}" for f in EMBED_FIELDS)
    return (
        f"SELECT * REPLACE ({instant('published')} AS published, {instant('modified')} AS modified, "
        f"{instant('fetched_at')} AS fetched_at, list_transform(embeds, lambda e: struct_pack({embed})) AS embeds, "
        f"CAST(date AS DATE) AS date) "
        f"FROM read_json({sources}, format = 'newline_delimited', columns = {columns}, hive_partitioning = true)"
    )


def view_sql(glob: str = "feed/date=*/*.jsonl", name: str = "articles") -> str:
    return f"CREATE OR REPLACE VIEW {name} AS {select_sql(glob)};"


def export_parquet(feed: str | Path, out: str | Path, *, overwrite: bool = False) -> int:
    """The feed as Parquet under `out`, one folder per feed date (`date=YYYY-MM-DD/`); the records written."""
    import duckdb

    files, out = feed_files(feed), Path(out)
    if not files:
        raise ExportError(f"{feed}: no committed feed files (date=*/*.jsonl)")
    if Path(feed).resolve().is_relative_to(out.resolve()):  # replacing `out` would delete the feed
        raise ExportError(f"{out}: holds the feed {feed}; write the Parquet elsewhere")
    if out.exists() and any(out.iterdir()) and not overwrite:
        raise ExportError(f"{out}: not empty (give --overwrite to replace it)")
    staging = out.with_name(f".{out.name}.partial")
    shutil.rmtree(staging, ignore_errors=True)
    with duckdb.connect() as db:
        db.execute("SET TimeZone = 'UTC'")
        count = db.execute(f"SELECT count(*) FROM ({select_sql(files)})").fetchone()[0]
        db.execute(f"COPY ({select_sql(files)}) TO {_literal(str(staging))} (FORMAT parquet, PARTITION_BY (date))")
    shutil.rmtree(out, ignore_errors=True)
    staging.rename(out)  # a reader never sees half an export
    return count


class ExportError(Exception):
    pass


def _literal(text: str) -> str:
    """`text` as an SQL string (Python's repr quoted some paths with ", which DuckDB reads otherwise)."""
    return "'" + text.replace("'", "''") + "'"


def feed_glob(feed: str) -> str:
    """The glob of a feed's committed files, the folder's own `*?[` matched as themselves: a feed in
    `runs [2026]/` matched nothing."""
    return f"{glob.escape(feed.rstrip('/'))}/date=*/*.jsonl"


def register(subparsers) -> None:
    """`ingest feed export` and `ingest feed sql`."""
    feed = subparsers.add_parser("feed", help="read the feed with fixed types: export it, or a DuckDB view of it",
                                 description=__doc__.splitlines()[0])
    commands = feed.add_subparsers(dest="feed_command", required=True, metavar="COMMAND")
    export = commands.add_parser("export", help="write the feed as Parquet, partitioned by date",
                                 description="Write the committed feed as Parquet, one folder per date, with "
                                             "timestamps as TIMESTAMPTZ, lists as lists and structs as structs.")
    export.add_argument("out", metavar="DIR", help="the Parquet folder to write")
    export.add_argument("--to", choices=["parquet"], default="parquet", help="the format (default: parquet)")
    export.add_argument("--feed", default="feed", metavar="DIR", help="the feed directory (default: feed)")
    export.add_argument("--overwrite", action="store_true", help="replace DIR if it holds anything")
    export.set_defaults(func=run_export)
    sql = commands.add_parser("sql", help="print a DuckDB view of the feed with the record's types",
                              description="Print CREATE VIEW articles AS ... for the feed, for duckdb or a script.")
    sql.add_argument("--feed", default="feed", metavar="DIR", help="the feed directory (default: feed)")
    sql.set_defaults(func=run_sql)


def run_sql(args) -> int:
    """The view, for a feed directory that exists: a misspelt one would give a view that fails only
    when first queried. One with nothing committed yet is fine (the view reads what a crawl commits
    later), but said, since DuckDB refuses to query it until then."""
    feed = Path(args.feed)
    if not feed.is_dir():
        reason = "not a directory" if feed.exists() else "no such directory"
        print(f"ingest feed sql: {args.feed}: {reason}", file=sys.stderr)
        return 2
    if not feed_files(feed):
        print(f"ingest feed sql: {args.feed}: no committed feed files (date=*/*.jsonl) yet; "
              "the view can be queried once a crawl commits one", file=sys.stderr)
    print(view_sql(feed_glob(args.feed)))
    return 0


def run_export(args) -> int:
    try:
        count = export_parquet(args.feed, args.out, overwrite=args.overwrite)
    except ExportError as error:
        print(f"ingest feed export: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # DuckDB's errors: a file that is not JSON, a full disk
        print(f"ingest feed export: {type(error).__name__}: {str(error).splitlines()[0]}", file=sys.stderr)
        return 1
    print(f"ingest feed export: {count} records written to {Path(args.out).resolve()}/date=*/*.parquet",
          file=sys.stderr)
    return 0
