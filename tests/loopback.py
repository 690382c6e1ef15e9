"""A loopback HTTP server for tests; each path is named for the behaviour it produces."""
from __future__ import annotations

import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Site:
    """Routes: path -> (status, headers, body). Serve with `with serve(site) as base_url:`."""

    def __init__(self):
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.delays: dict[str, float] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []

    def page(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8", **headers):
        self.routes[path] = (200, {"Content-Type": content_type, **headers}, body)

    def gzipped(self, path: str, body: bytes):
        self.page(path, gzip.compress(body), **{"Content-Encoding": "gzip"})

    def redirect(self, path: str, to: str, status: int = 301):
        self.routes[path] = (status, {"Location": to}, b"")

    def status(self, path: str, code: int):
        self.routes[path] = (code, {"Content-Type": "text/html"}, f"<h1>Error {code}</h1>".encode())

    def delay(self, path: str, seconds: float, body: bytes = b"<p>late</p>"):
        self.page(path, body)
        self.delays[path] = seconds


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def do_GET(self):
        self.site.requests.append((self.path, dict(self.headers)))
        time.sleep(self.site.delays.get(self.path, 0))
        status, headers, body = self.site.routes.get(self.path, (404, {}, b"not found"))
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test); nothing to tell it

    def log_message(self, *args):
        pass


class serve:
    """Context manager: run `site` on 127.0.0.1 on a free port; yields the base URL.
    `protocol="HTTP/1.1"` keeps connections alive, as most servers do."""

    def __init__(self, site: Site, protocol: str = "HTTP/1.0"):
        handler = type("Handler", (_Handler,), {"site": site, "protocol_version": protocol})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
