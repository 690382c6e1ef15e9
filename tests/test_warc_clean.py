"""`ingest clean` on WARC files: each HTML response is the record `ingest clean FILE` gives for the
same bytes and URL; every other record is skipped with a counted reason, never a traceback."""
from __future__ import annotations

import gzip
import os
import signal
import subprocess
import threading
from datetime import datetime

import pytest

from helpers import BAD, INGEST, ROOT, records, run_ingest, sample_pages, validate, without_summary
from sites.crawling import wait_for
from sites.server import Held, Page, TestSite
from warcs import Response, write_warc

DATE = "2024-03-05T10:20:30Z"
PAGES = [*sample_pages(), BAD / "legacy-cp1252.html", *sorted((ROOT / "tests/data/body").glob("*.html"))]


def responses() -> list[Response]:
    """Each page as a site would serve it; the cp1252 page with its charset in HTTP too."""
    out = []
    for i, page in enumerate(PAGES):
        charset = "windows-1252" if "cp1252" in page.name else "utf-8"
        content_type = f"text/html; charset={charset}" if i % 2 else "text/html"
        out.append(Response(f"https://news.example/{i}/{page.stem}", page.read_bytes(), content_type, DATE))
    return out


def as_file(tmp_path, response: Response):
    """The response's bytes as a file whose modification time is the WARC-Date: `ingest clean
    FILE --url URL` then records the same fetch time, so records are compared whole."""
    path = tmp_path / "pages" / (response.url.rsplit("/", 1)[-1] + ".html")
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(response.body)
    stamp = datetime.fromisoformat(DATE.replace("Z", "+00:00")).timestamp()
    os.utime(path, (stamp, stamp))
    return path


def test_each_html_response_is_the_record_ingest_clean_gives_for_its_bytes_and_url(tmp_path):
    archived = responses()
    warc = write_warc(tmp_path / "pages.warc.gz", archived)
    proc = run_ingest("clean", str(warc), "--jobs", "2")
    assert "Traceback" not in proc.stderr
    from_warc = {r["url"]: r for r in records(proc.stdout)}
    expected = {}
    for response in archived:
        single = run_ingest("clean", str(as_file(tmp_path, response)), "--url", response.url)
        for record in records(single.stdout):
            expected[record["url"]] = record
    assert len(expected) >= 6  # the sample articles, the cp1252 page, the article test pages
    assert from_warc == expected
    for record in from_warc.values():
        validate(record)
        assert record["fetched_at"] == "2024-03-05T10:20:30+00:00"
    # pages without an article get their line, as with files; the file's summary ends the run
    assert f"ingest: {warc}: {len(archived)} HTML pages" in proc.stderr


def test_records_come_in_archive_order_whatever_the_jobs(tmp_path):
    warc = write_warc(tmp_path / "a.warc.gz", responses())
    one, two = run_ingest("clean", str(warc), "--jobs", "1"), run_ingest("clean", str(warc), "--jobs", "2")
    assert one.stdout == two.stdout and one.stdout


def test_revisit_non_html_truncated_and_error_records_are_skipped_and_counted(tmp_path):
    page = sample_pages()[0].read_bytes()
    archived = [
        Response("https://news.example/story", page),
        Response("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png"),
        Response("https://news.example/feed.json", b'{"items": []}', "application/json"),
        Response("https://news.example/cut", page[:4000], truncated="length"),
    ]
    warc = write_warc(tmp_path / "mixed.warc.gz", archived, revisits=[archived[0]])
    proc = run_ingest("clean", str(warc))
    assert proc.returncode == 0, proc.stderr
    assert [r["url"] for r in records(proc.stdout)] == ["https://news.example/story"]
    assert without_summary(proc.stderr) == f"ingest: {warc}: 1 HTML pages; skipped 2 not-html, 1 revisit, 1 truncated\n"


def test_a_cut_off_or_corrupt_archive_is_counted_broken_and_the_others_go_on(tmp_path):
    whole = write_warc(tmp_path / "whole.warc.gz", responses()[:3])
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    corrupt = bytearray(data)
    middle = len(data) // 2
    corrupt[middle:middle + 300] = bytes(300)
    bad = tmp_path / "corrupt.warc.gz"
    bad.write_bytes(bytes(corrupt))
    proc = run_ingest("clean", str(cut), str(bad), str(whole))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert any(line.startswith(f"ingest: {cut}: ") and "skipped 1 broken" in line for line in lines)
    assert any(line.startswith(f"ingest: {bad}: ") and "skipped 1 broken" in line for line in lines)
    urls = [r["url"] for r in records(proc.stdout)]
    assert urls[-3:] == [r.url for r in responses()[:3]]  # the whole file after the broken ones


@pytest.mark.parametrize("name, data", [
    ("header.warc", b"WARC/1.0\r\nbroken"),  # a header block cut short: fastwarc reads it as a record
    ("fields.warc", b"WARC/1.0\r\nWARC-Type: response\r\n\r\n"),  # no Record-ID, Date or Content-Length
])
def test_a_record_without_the_fields_every_warc_record_has_is_broken_not_silently_nothing(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    proc = run_ingest("clean", str(path))
    assert proc.returncode == 1 and proc.stdout == ""
    assert without_summary(proc.stderr) == f"ingest: {path}: 0 HTML pages; skipped 1 broken\n"


@pytest.mark.parametrize("name", ["crawl-00001", "saved.html", "crawl.warc.gz.part"])
def test_a_warc_whose_name_does_not_say_so_is_read_as_one_not_as_a_page(tmp_path, name):
    # Read as a page, its records' WARC and HTTP headers came out as one junk article.
    folder = tmp_path / "in"
    folder.mkdir()
    warc = write_warc(tmp_path / "x.warc.gz", responses()[:2])
    (folder / name).write_bytes(warc.read_bytes())
    proc = run_ingest("clean", str(folder / name))
    assert proc.returncode == 0, proc.stderr
    assert [r["url"] for r in records(proc.stdout)] == [r.url for r in responses()[:2]]
    if name.endswith(".html"):  # a directory's page-named entries are sniffed too
        listed = run_ingest("clean", str(folder))
        assert [r["url"] for r in records(listed.stdout)] == [r.url for r in responses()[:2]]


@pytest.mark.parametrize("name, compress", [("saved.warc", False), ("saved.warc.gz", True)])
def test_a_page_named_as_a_warc_is_said_to_be_no_archive_not_broken(tmp_path, name, compress):
    page = sample_pages()[0].read_bytes()
    path = tmp_path / name
    path.write_bytes(gzip.compress(page) if compress else page)
    proc = run_ingest("clean", str(path))
    assert proc.returncode == 1 and proc.stdout == ""
    assert without_summary(proc.stderr) == (f"ingest: {path}: not a WARC archive: it does not begin with a "
                                            "'WARC/1.' record, plain or gzip (a page? give it an .html name)\n")


def test_warc_files_are_found_in_directories_and_lists(tmp_path):
    folder = tmp_path / "crawl"
    folder.mkdir()
    write_warc(folder / "b.warc.gz", responses()[:1])
    write_warc(folder / "a.warc", responses()[1:2])
    listing = tmp_path / "warc.paths.gz"
    listing.write_bytes(gzip.compress(b"crawl/a.warc\ncrawl/b.warc.gz\n"))
    by_folder = run_ingest("clean", str(folder))
    by_list = run_ingest("clean", str(listing))
    assert by_folder.returncode == by_list.returncode == 0, by_folder.stderr + by_list.stderr
    assert [r["url"] for r in records(by_folder.stdout)] == [responses()[1].url, responses()[0].url]
    assert by_list.stdout == by_folder.stdout


def test_a_missing_archive_or_list_is_one_line_naming_it(tmp_path):
    proc = run_ingest("clean", str(tmp_path / "gone.warc.gz"))
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"ingest: {tmp_path / 'gone.warc.gz'}: no such file")
    listing = run_ingest("clean", str(tmp_path / "gone.paths"))
    assert listing.returncode == 2
    assert listing.stderr.count("\n") == 1 and "gone.paths" in listing.stderr


def test_ctrl_c_while_warc_pages_are_cleaned_on_two_workers_ends_without_a_worker_traceback(tmp_path):
    # The terminal's Ctrl-C reaches the whole process group; the archive is served by a loopback
    # site that holds it, so the signal lands while the workers wait for pages, however loaded the machine.
    gate = threading.Event()
    archive = write_warc(tmp_path / "crawl.warc.gz", responses())
    site = TestSite({"/crawl.warc.gz": Held(Page(archive.read_bytes(), content_type="application/warc"), gate)})
    site.start()
    clean = subprocess.Popen([INGEST, "clean", "--jobs", "2", site.url("/crawl.warc.gz")], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        wait_for(lambda: site.arrived, 60, "the archive's request")
        os.killpg(clean.pid, signal.SIGINT)
        _, said = clean.communicate(timeout=60)
    finally:
        gate.set()
        site.stop()
        if clean.poll() is None:
            os.killpg(clean.pid, signal.SIGKILL)
    assert clean.returncode == 130
    assert "ForkPoolWorker" not in said and "Traceback" not in said and "KeyboardInterrupt" not in said, said
