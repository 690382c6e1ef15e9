"""The time budget of `ingest clean`: an input over it is one error line, its worker is replaced,
the batch goes on. The slow input is a loopback page held until the test ends, so nothing here
depends on how fast the machine is, only on the budget running out."""
from __future__ import annotations

import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from helpers import error_lines, records, run_ingest, sample_pages

from ingest.workers import run_in_order

BUDGET = 8  # seconds: far above what a sample page takes on a loaded machine


class HeldPage:
    """A loopback server whose every response waits until `release()`."""

    def __init__(self):
        self.released, self.asked = threading.Event(), threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                outer.asked.set()
                outer.released.wait()
                body = b"<html><body><p>late</p></body></html>"
                try:
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the worker that asked was stopped

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/story"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.released.set()
        self.server.shutdown()
        self.server.server_close()


def test_an_input_over_the_budget_is_one_line_and_the_next_is_cleaned_by_a_new_worker():
    first, second = map(str, sample_pages()[:2])
    with HeldPage() as held:
        proc = run_ingest("clean", "--jobs", "1", "--timeout", str(BUDGET), first, held.url, second)
        assert held.asked.is_set()
    assert proc.returncode == 1
    assert error_lines(proc.stderr) == [f"ingest: {held.url}: over the time budget: not done in {BUDGET} s"]
    got = records(proc.stdout)
    assert [r["url"] for r in got] == [sample_pages()[0].resolve().as_uri(), sample_pages()[1].resolve().as_uri()]


def test_a_bad_timeout_is_refused_by_the_parser():
    proc = run_ingest("clean", "--timeout", "soon", str(sample_pages()[0]))
    assert proc.returncode == 2
    assert "not a number of seconds" in proc.stderr and "Traceback" not in proc.stderr


def _task(name: str) -> str:
    if name == "hangs":
        threading.Event().wait()
    if name == "dies":
        os._exit(3)
    return name.upper()


def test_workers_give_results_in_order_and_replace_the_hung_and_the_dead():
    tasks = ["a", "hangs", "b", "dies", "c"]
    got = list(run_in_order(_task, tasks, 2, BUDGET, overran=lambda t: f"overran {t}", died=lambda t: f"died {t}"))
    assert got == ["A", "overran hangs", "B", "died dies", "C"]


def test_the_task_queued_behind_a_hung_one_still_runs():
    got = list(run_in_order(_task, ["hangs", "a", "b"], 1, BUDGET, overran=lambda t: f"overran {t}", died=lambda t: f"died {t}"))
    assert got == ["overran hangs", "A", "B"]
