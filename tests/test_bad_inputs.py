"""Bad inputs: one clear stderr line naming the input and the reason, never a traceback, the batch goes on."""
from __future__ import annotations

import pytest
from helpers import BAD, error_lines, records, run_ingest, sample_pages

REJECTED = [
    ("empty.html", "empty input: 0 bytes"),
    ("binary.html", "not HTML: binary content"),
    ("homepage.html", "not an article: "),
    ("no-such-page.html", "no such file or directory"),
]


@pytest.mark.parametrize("name, reason", REJECTED)
def test_rejected_input_gives_one_line_and_exit_status_1(name, reason):
    good = str(sample_pages()[0])
    proc = run_ingest("clean", str(BAD / name), good)
    assert proc.returncode == 1
    [line] = error_lines(proc.stderr)
    assert line.startswith(f"ingest: {BAD / name}: {reason}")
    assert len(records(proc.stdout)) == 1, "the good page after it must still go through"


def test_legacy_charset_page_is_decoded_by_its_declaration():
    proc = run_ingest("clean", str(BAD / "legacy-cp1252.html"))
    assert proc.returncode == 0, proc.stderr
    [record] = records(proc.stdout)
    truth = (BAD / "legacy-cp1252.truth.txt").read_text(encoding="utf-8")
    assert "\ufffd" not in record["text"]
    assert truth.split()[:20] == record["text"].split()[:20]


def test_truncated_page_keeps_the_paragraphs_it_has():
    proc = run_ingest("clean", str(BAD / "truncated.html"))
    assert proc.returncode == 0, proc.stderr
    [record] = records(proc.stdout)
    assert record["word_count"] > 100


def test_a_whole_directory_of_bad_inputs_reports_each_and_keeps_the_good():
    proc = run_ingest("clean", str(BAD))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    failed = {line.split(": ")[1] for line in error_lines(proc.stderr)}
    assert failed == {str(BAD / n) for n in ("empty.html", "binary.html", "homepage.html")}
    assert len(records(proc.stdout)) == 2  # legacy-cp1252.html and truncated.html
