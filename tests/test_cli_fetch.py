"""`ingest clean URL`: a real HTTP fetch from a loopback site, redirects, errors and limits."""
from __future__ import annotations

import pytest
from helpers import error_lines, records, run_ingest, sample_pages, validate
from loopback import Site, serve

from ingest.fetch import FetchError, fetch
from ingest.identity import user_agent


@pytest.fixture
def site():
    site = Site()
    article = sample_pages()[0].read_bytes()
    site.page("/article", article)
    site.gzipped("/gzipped-article", article)
    site.redirect("/moved", "/article")
    site.redirect("/moved-twice", "/moved", status=302)
    site.redirect("/loop", "/loop")
    site.status("/missing", 404)
    site.status("/broken", 500)
    site.page("/image", b"\x89PNG\r\n\x1a\n", content_type="image/png")
    site.delay("/slow", 3.0)
    return site


def test_a_url_is_fetched_with_our_user_agent(site):
    with serve(site) as base:
        proc = run_ingest("clean", f"{base}/article")
    assert proc.returncode == 0, proc.stderr
    [record] = records(proc.stdout)
    validate(record)
    assert record["url"] == f"{base}/article"
    assert site.requests[0][1]["User-Agent"] == user_agent()


def test_a_url_is_a_url_in_any_case_a_file_url_is_its_file_and_other_schemes_are_said(site, tmp_path):
    # "HTTP://..." was read as a file path ("no such file"), as were file:// and ftp:// URLs.
    page = tmp_path / "saved.html"
    page.write_bytes(sample_pages()[0].read_bytes())
    with serve(site) as base:
        proc = run_ingest("clean", base.replace("http://", "HTTP://") + "/article", page.as_uri(), "ftp://a.example/x.html")
    urls = [r["url"] for r in records(proc.stdout)]
    assert urls == [f"{base}/article", page.as_uri()]
    assert error_lines(proc.stderr) == ["ingest: ftp://a.example/x.html: bad URL: ftp:// is not fetched "
                                        "(http and https are; a saved page is a path)"]


def test_redirects_are_followed_and_the_final_url_recorded(site):
    with serve(site) as base:
        proc = run_ingest("clean", f"{base}/moved-twice")
    assert proc.returncode == 0, proc.stderr
    assert records(proc.stdout)[0]["url"] == f"{base}/article"


def test_gzip_transfer_encoding_is_decoded(site):
    with serve(site) as base:
        plain, zipped = run_ingest("clean", f"{base}/article", f"{base}/gzipped-article").stdout.splitlines()
    assert records(plain)[0]["text"] == records(zipped)[0]["text"]


@pytest.mark.parametrize("path, reason", [
    ("/missing", "HTTP 404 Not Found"),
    ("/broken", "HTTP 500 Internal Server Error"),
    ("/image", "not HTML (Content-Type image/png)"),
    ("/loop", "more than 10 redirects"),
])
def test_a_failed_fetch_gives_one_line_and_the_batch_goes_on(site, path, reason):
    with serve(site) as base:
        proc = run_ingest("clean", f"{base}{path}", f"{base}/article")
    assert proc.returncode == 1
    assert error_lines(proc.stderr) == [f"ingest: {base}{path}: {reason}"]
    assert len(records(proc.stdout)) == 1  # the good page still went through


def test_a_slow_server_times_out(site):
    with serve(site) as base:
        with pytest.raises(FetchError, match="timed out"):
            fetch(f"{base}/slow", timeout=0.5)


def test_an_oversized_page_is_refused(site):
    with serve(site) as base:
        with pytest.raises(FetchError, match="larger than 1000 bytes"):
            fetch(f"{base}/article", max_bytes=1000)


def test_a_closed_port_gives_a_clear_error():
    proc = run_ingest("clean", "http://127.0.0.1:9/nothing-listens-here")
    assert proc.returncode == 1
    assert proc.stderr.startswith("ingest: http://127.0.0.1:9/nothing-listens-here: ")
    assert "Traceback" not in proc.stderr
