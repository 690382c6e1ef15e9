"""`ingest clean` on files, directories and stdin: records out, one per input, in input order."""
from __future__ import annotations

import gzip
import json

from helpers import BENCH, PAGES, error_lines, records, run_ingest, sample_pages, validate


def test_a_file_gives_one_valid_record(tmp_path):
    page = sample_pages()[0]
    proc = run_ingest("clean", str(page))
    assert proc.returncode == 0, proc.stderr
    [record] = records(proc.stdout)
    validate(record)
    assert record["url"] == page.resolve().as_uri()
    assert error_lines(proc.stderr) == []


def test_a_directory_gives_its_pages_in_sorted_order():
    proc = run_ingest("clean", str(PAGES))
    assert proc.returncode == 0, proc.stderr
    urls = [r["url"] for r in records(proc.stdout)]
    assert urls == [p.resolve().as_uri() for p in sample_pages()]


def test_output_file_holds_the_records(tmp_path):
    out = tmp_path / "records.jsonl"
    proc = run_ingest("clean", str(PAGES), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert len(records(out.read_text(encoding="utf-8"))) == len(sample_pages())


def test_stdin_is_cleaned_with_the_given_url():
    page = sample_pages()[0]
    proc = run_ingest("clean", "-", "--url", "https://example.org/story", stdin=page.read_bytes())
    assert proc.returncode == 0, proc.stderr
    [record] = records(proc.stdout)
    assert record["url"] == "https://example.org/story"
    validate(record)


def test_gzipped_page_is_recognised_by_content_whatever_its_name(tmp_path):
    page = sample_pages()[0]
    disguised = tmp_path / "story.html"
    disguised.write_bytes(gzip.compress(page.read_bytes()))
    plain = records(run_ingest("clean", str(page)).stdout)[0]
    [record] = records(run_ingest("clean", str(disguised)).stdout)
    assert record["text"] == plain["text"]


def test_a_gzipped_page_cut_short_is_said_to_be_so_not_cleaned_into_half_an_article(tmp_path):
    # A half-saved .html.gz gave a record of whatever part of the article the bytes held.
    whole = gzip.compress(sample_pages()[0].read_bytes())
    cut = tmp_path / "story.html.gz"
    cut.write_bytes(whole[: len(whole) // 3])
    proc = run_ingest("clean", str(cut))
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.startswith(f"ingest: {cut}: not HTML: broken gzip data (cut short after ")


def test_workers_keep_input_order_and_give_the_same_records_as_one_process(tmp_path):
    pages = sorted(BENCH.joinpath("html").glob("*.html.gz"))[:12]
    args = ["clean", *map(str, reversed(pages))]
    parallel = run_ingest(*args, "--jobs", "2")
    serial = run_ingest(*args, "--jobs", "1")
    assert parallel.returncode == serial.returncode == 0
    assert [r["url"] for r in records(parallel.stdout)] == [p.resolve().as_uri() for p in reversed(pages)]
    assert parallel.stdout == serial.stdout


def test_the_same_input_gives_the_same_record_across_processes():
    page = sample_pages()[0]
    first, second = run_ingest("clean", str(page)), run_ingest("clean", str(page))
    assert first.stdout == second.stdout
    assert json.loads(first.stdout)["fetched_at"]  # a file's fetch time is its modification time
