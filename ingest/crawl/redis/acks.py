"""Acknowledging requests of the shared queue: a popped request carries a token in its meta, and
whatever decides the page's outcome (written, dropped with a reason, refused, failed) settles it.

Without Redis no request carries a token and settling does nothing.
"""
from __future__ import annotations

ACK = "ingest_ack"  # request meta key: the request as it sits in the worker's in-flight set
request_settled = object()  # signal(token): the page's outcome is final; the scheduler acknowledges it


def settle(crawler, token: bytes | None) -> None:
    if token:
        crawler.signals.send_catch_log(request_settled, token=token)


def token_of(request) -> bytes | None:
    return request.meta.get(ACK) if request is not None else None
