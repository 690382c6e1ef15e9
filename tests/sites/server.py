"""A loopback HTTP server for crawl tests: each path is a `Reply` named for the behaviour it produces.

It runs in a thread of the test process on 127.0.0.1 and logs every request, so a test can say
what the crawler asked for (and what it never asked for).
"""
from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from urllib.parse import urlsplit


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    etag: bool = False  # serve an ETag and answer If-None-Match with 304
    last_modified: str | None = None  # serve Last-Modified and answer If-Modified-Since with 304
    revise: Callable[[bytes, int], bytes] | None = None  # the body of the n-th request, if it changes
    hold: threading.Event | None = None  # answer only once the test sets it
    length: int | None = None  # a Content-Length longer than the body, then the connection closed
    served: int = 0


def Page(body: bytes | str, **kw) -> Reply:
    return Reply(body=body.encode("utf-8") if isinstance(body, str) else body, **kw)


def Article(body: bytes, **kw) -> Reply:
    """An article page that supports conditional requests, as most news sites' CDNs do."""
    return Reply(body=body, etag=True, **kw)


def DatedArticle(body: bytes, last_modified: str = "Thu, 02 May 2024 08:00:00 GMT", **kw) -> Reply:
    """An article page with Last-Modified and no ETag, as many origin servers send."""
    return Reply(body=body, last_modified=last_modified, **kw)


def Status(code: int) -> Reply:
    return Reply(status=code, body=f"<html><body><h1>{code}</h1></body></html>".encode())


def Redirect(to: str, code: int = 301) -> Reply:
    return Reply(status=code, headers={"Location": to})


def Changing(body: bytes, revise: Callable[[bytes, int], bytes], **kw) -> Reply:
    """An article page edited before every request: always a new version."""
    return Reply(body=body, etag=True, revise=revise, **kw)


def Held(reply: Reply, gate: threading.Event) -> Reply:
    """A reply that waits until the test opens `gate`: a server slow for exactly as long as a test needs."""
    reply.hold = gate
    return reply


def Truncated(body: bytes) -> Reply:
    """A page whose connection closes halfway through the body its Content-Length announced."""
    return Reply(body=body[: len(body) // 2], length=len(body))


def Delay(seconds: float, reply: Reply) -> Reply:
    reply.delay = seconds
    return reply


@dataclass(frozen=True)
class Hit:
    path: str  # with the query string
    status: int
    headers: dict
    at: float


class TestSite:
    """A site of `Reply`s by path (the query string is part of the path when a reply has one)."""

    __test__ = False  # not a pytest class

    def __init__(self, replies: dict[str, Reply] | None = None, host: str = "127.0.0.1"):
        self.host = host
        self.replies: dict[str, Reply] = dict(replies or {})
        self.hits: list[Hit] = []
        self.arrived: list[tuple[str, float]] = []  # (path, when) as each request comes in, held or not
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None

    @property
    def root(self) -> str:
        return f"http://{self.host}:{self.server.server_port}"

    def url(self, path: str) -> str:
        return self.root + path

    def __setitem__(self, path: str, reply: Reply) -> None:
        with self.lock:
            self.replies[path] = reply

    def __getitem__(self, path: str) -> Reply:
        return self.replies[path]

    def requested(self, predicate: Callable[[Hit], bool] = lambda hit: True) -> list[Hit]:
        with self.lock:
            return [hit for hit in self.hits if predicate(hit)]

    def paths(self) -> list[str]:
        return [hit.path for hit in self.requested()]

    def start(self) -> "TestSite":
        self.server = ThreadingHTTPServer((self.host, 0), _handler(self))
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()

    def __enter__(self) -> "TestSite":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def reply_for(self, path: str) -> Reply:
        with self.lock:
            return self.replies.get(path) or self.replies.get(urlsplit(path).path) or Status(404)


def _handler(site: TestSite):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            reply = site.reply_for(self.path)
            with site.lock:
                site.arrived.append((self.path, time.monotonic()))
            if reply.hold:
                reply.hold.wait()
            if reply.delay:
                time.sleep(reply.delay)  # the behaviour under test: a slow server
            status, headers, body = reply.status, dict(reply.headers), reply.body
            if reply.revise:
                with site.lock:
                    reply.served += 1
                    body = reply.revise(body, reply.served)
            if reply.etag:
                tag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                headers["ETag"] = tag
                if self.headers.get("If-None-Match") == tag:
                    status, body = 304, b""
            if reply.last_modified:
                headers["Last-Modified"] = reply.last_modified
                if self.headers.get("If-Modified-Since") == reply.last_modified:
                    status, body = 304, b""
            with site.lock:
                site.hits.append(Hit(self.path, status, dict(self.headers), time.monotonic()))
            try:
                self.send_response(status)
                if status != 304:
                    self.send_header("Content-Type", reply.content_type)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(reply.length or len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                self.close_connection = True  # the client gave up (on a held reply); nothing to tell it
            if reply.length:
                self.close_connection = True

        def log_message(self, *args):
            pass

    return Handler
