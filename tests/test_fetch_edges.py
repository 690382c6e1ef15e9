"""`ingest clean URL` at its edges: keep-alive redirects, a dripping server, proxies, the address guard
and the origin scope of redirects, on loopback servers."""
from __future__ import annotations

import threading
from functools import partial
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from helpers import records, run_ingest, sample_pages, summary_line, validate, without_summary
from loopback import Site, serve
from sites.server import Reply, TestSite

from ingest.connections import Deadline, pool_manager
from ingest.crawl.guard import AddressGuard, AddressRefused
from ingest.fetch import FetchError, fetch


class Quiet(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as Python's own server speaks it

    def log_message(self, *args):
        pass


@pytest.fixture
def folder_server(tmp_path):
    (tmp_path / "story").mkdir()
    (tmp_path / "story" / "index.html").write_bytes(sample_pages()[0].read_bytes())
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(tmp_path)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_a_same_host_redirect_over_keep_alive_is_followed(folder_server):
    proc = run_ingest("clean", f"{folder_server}/story")  # 301 to /story/ with a body, same connection
    assert proc.returncode == 0, proc.stderr
    [record] = records(proc.stdout)
    validate(record)
    assert record["url"] == f"{folder_server}/story/"


class Drip(BaseHTTPRequestHandler):
    """Headers at once, then one byte at a time until the test is over: a page that never ends."""

    protocol_version = "HTTP/1.1"
    over = threading.Event()

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "1000000")
        self.end_headers()
        try:
            while not self.over.wait(0.05):
                self.wfile.write(b"<")
                self.wfile.flush()
        except OSError:
            pass

    def log_message(self, *args):
        pass


def test_a_dripping_server_is_cut_at_the_whole_response_deadline():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Drip)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        # Each byte comes well within the 20 s read timeout: only the deadline can end this.
        with pytest.raises(FetchError, match=r"took longer than 1s"):
            fetch(f"http://127.0.0.1:{server.server_port}/", deadline=1.0)
    finally:
        Drip.over.set()
        server.shutdown()
        server.server_close()


@pytest.fixture
def site():
    site = Site()
    site.page("/article", sample_pages()[0].read_bytes())
    return site


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2"], ids=["another port", "another loopback address"])
def test_a_redirect_off_the_urls_origin_is_refused_and_never_reached(site, host):
    elsewhere = TestSite({"/article": Reply(body=sample_pages()[0].read_bytes())}, host=host).start()
    try:
        site.redirect("/away", elsewhere.url("/article"))
        with serve(site) as base:
            proc = run_ingest("clean", f"{base}/away")
    finally:
        elsewhere.stop()
    assert proc.returncode == 1
    assert without_summary(proc.stderr) == (f"ingest: {base}/away: redirect refused, another origin than the start URLs': "
                           f"{elsewhere.root}\n")
    assert elsewhere.arrived == []


def test_urls_that_cannot_be_fetched_as_written_are_bad_urls_and_the_batch_goes_on():
    bad = ["http://[::1", "http://news.example:99999/", "https://", "http://news .example/", "http://%zz/"]
    proc = run_ingest("clean", *bad, str(sample_pages()[0]))
    assert proc.returncode == 1
    lines = without_summary(proc.stderr).splitlines()
    assert [line.split(": bad URL: ")[0] for line in lines] == [f"ingest: {url}" for url in bad]
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    assert f"bad URL {len(bad)}" in summary_line(proc.stderr)
    assert len(records(proc.stdout)) == 1  # the good page after them is still cleaned


def test_a_redirect_to_a_url_that_cannot_be_fetched_is_refused_with_the_reason(site):
    site.redirect("/away", "http://[::1/story")
    with serve(site) as base:
        proc = run_ingest("clean", f"{base}/away")
    assert proc.returncode == 1
    assert without_summary(proc.stderr) == f"ingest: {base}/away: redirect refused, Invalid IPv6 URL\n"


@pytest.mark.parametrize("encoding, body, reason", [
    ("gzip", b"this is not gzip", "Error -3 while decompressing data: incorrect header check"),
    ("br", b"this is not brotli", "brotli: decoder failed"),
    ("br", b"\x00\x01garbage", "br gave nothing from 9 bytes"),  # no error from the decoder: not "empty input"
])
def test_a_body_that_does_not_decode_as_its_content_encoding_says_is_one_plain_line(site, encoding, body, reason):
    site.page("/packed", body, **{"Content-Encoding": encoding})
    with serve(site) as base:
        proc = run_ingest("clean", f"{base}/packed")
    assert proc.returncode == 1
    assert without_summary(proc.stderr) == (f"ingest: {base}/packed: the body does not decode as its "
                                            f"Content-Encoding says ({reason})\n")


def test_the_address_guard_refuses_a_loopback_address_found_by_dns(site):
    # localhost resolves to a loopback address: the check is on what DNS gave, not on the name.
    with serve(site) as base:
        url = base.replace("127.0.0.1", "localhost") + "/article"
        manager = pool_manager(url, AddressGuard(), Deadline(30), {})
        with pytest.raises(AddressRefused, match="localhost is 127.0.0.1, a loopback address"):
            manager.request("GET", url, retries=False)
        allowed = pool_manager(url, AddressGuard().allowing([base]), Deadline(30), {})
        assert allowed.request("GET", url, retries=False).status == 200
    assert len(site.requests) == 1


def test_the_address_guard_refuses_a_literal_private_address(site):
    with serve(site) as base:
        guard = AddressGuard().allowing([base])
        for address in ("127.0.0.2", "10.1.2.3", "169.254.169.254", "192.168.0.1", "[::1]", "[fe80::1]"):
            with pytest.raises(AddressRefused, match="address"):
                guard.check_literal(f"http://{address}/latest/meta-data/")
        guard.check_literal(f"{base}/article")  # the start URL's own address


def test_http_proxy_from_the_environment_is_used_and_no_proxy_honoured(site, monkeypatch):
    proxy = Site()
    proxy.page("http://news.invalid/story", sample_pages()[0].read_bytes())
    with serve(proxy) as proxy_url, serve(site) as base:
        monkeypatch.setenv("http_proxy", proxy_url.replace("127.0.0.1", "localhost"))  # a proxy by name
        monkeypatch.setenv("no_proxy", "127.0.0.1")
        fetched = fetch("http://news.invalid/story")
        direct = fetch(f"{base}/article")
    assert fetched.url == "http://news.invalid/story" and fetched.body == sample_pages()[0].read_bytes()
    assert [path for path, _ in proxy.requests] == ["http://news.invalid/story"]
    assert direct.body and [path for path, _ in site.requests] == ["/article"]
