"""WARC files for tests and benchmarks, written with warcio from real pages, as a crawler writes them."""
from __future__ import annotations

import gzip
import io
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@dataclass(frozen=True)
class Response:
    """One HTTP response to archive: the page's URL and bytes, its Content-Type and WARC-Date."""

    url: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    date: str = "2024-03-05T10:20:30Z"
    truncated: str | None = None  # a WARC-Truncated reason ("length", "time")


def page_body(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def write_warc(path: Path, responses: list[Response], revisits: list[Response] = (),
               requests: bool = True) -> Path:
    """A WARC (gzipped per record when `path` ends in .gz): warcinfo, each response after its
    request, then revisit records pointing at earlier responses."""
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "ingest tests"}))
        for response in responses:
            if requests:
                writer.write_record(_request(writer, response))
            writer.write_record(_response(writer, response))
        for revisit in revisits:
            writer.write_record(writer.create_revisit_record(
                revisit.url, digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                refers_to_uri=revisit.url, refers_to_date=revisit.date,
                warc_headers_dict={"WARC-Date": revisit.date}))
    return path


def warc_bytes(responses: list[Response]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for response in responses:
        writer.write_record(_response(writer, response))
    return buffer.getvalue()


def _response(writer: WARCWriter, response: Response):
    http = StatusAndHeaders("200 OK", [("Content-Type", response.content_type),
                                       ("Content-Length", str(len(response.body)))],
                            protocol="HTTP/1.1")
    headers = {"WARC-Date": response.date}
    if response.truncated:
        headers["WARC-Truncated"] = response.truncated
    return writer.create_warc_record(response.url, "response", payload=io.BytesIO(response.body),
                                     http_headers=http, warc_headers_dict=headers)


def _request(writer: WARCWriter, response: Response):
    http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
    return writer.create_warc_record(response.url, "request", http_headers=http,
                                     warc_headers_dict={"WARC-Date": response.date})
