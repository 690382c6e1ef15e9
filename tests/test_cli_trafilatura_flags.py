"""trafilatura's flags typed by habit to `ingest clean`: those with a meaning here act as ingest's own
options; the others stop the command in one line saying what ingest does instead."""
from __future__ import annotations

import pytest
from helpers import PAGES, records, run_ingest

from ingest.trafilatura_flags import REFUSED


def _without_times(text: str) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "fetched_at"} for r in records(text)]


def test_trafilaturas_flags_with_a_counterpart_act_as_ingests_own_options():
    pages = [str(p) for p in sorted(PAGES.glob("*.html"))]
    ours = run_ingest("clean", *pages, "-q", "--jobs", "1")
    assert ours.returncode == 0, ours.stderr
    as_trafilatura = run_ingest("clean", "--input-dir", str(PAGES), "--json", "--no-comments", "--with-metadata",
                                "--parallel", "1", "-q")
    assert as_trafilatura.returncode == 0, as_trafilatura.stderr
    assert _without_times(as_trafilatura.stdout) == _without_times(ours.stdout)
    one = run_ingest("clean", "-u", pages[0], "--csv", "-q")
    assert one.returncode == 0 and one.stdout == run_ingest("clean", pages[0], "--format", "csv", "-q").stdout
    german = run_ingest("clean", pages[0], "--target-language", "de")  # the sample pages are English
    assert german.returncode == 0 and german.stdout == "" and "1 filtered out (language 1)" in german.stderr


@pytest.mark.parametrize("flags, takes", [(flags, takes) for flags, (takes, _) in REFUSED.items()],
                         ids=[flags[-1] for flags in REFUSED])
def test_trafilaturas_flags_without_one_are_refused_in_one_line_saying_what_ingest_does(flags, takes):
    value = {None: [], "optional": ["https://news.example/"], "one": ["x"], "many": ["a", "b"]}[takes]
    proc = run_ingest("clean", flags[-1], *value, str(PAGES / "000_sofx.html"))
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith(f"ingest clean: {flags[-1]} is trafilatura's option: ")
    assert proc.stderr.count("\n") == 1 and "usage:" not in proc.stderr
