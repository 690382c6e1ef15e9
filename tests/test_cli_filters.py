"""`ingest clean` filters (--language, --since/--until), the URL list (-i), headers and cookies, the summary line."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
from helpers import BAD, BENCH, PAGES, error_lines, records, run_ingest, sample_pages, summary_line
from loopback import Site, serve

# Twelve real news pages in two languages with dates in several ISO 8601 forms (offsets, none, a day).
PAGES_12 = sorted(BENCH.joinpath("html").glob("*.html.gz"))[:12]


@pytest.fixture(scope="module")
def unfiltered():
    proc = run_ingest("clean", *map(str, PAGES_12))
    assert proc.returncode == 0, proc.stderr
    return records(proc.stdout)


def test_language_keeps_only_records_in_those_languages(unfiltered):
    languages = sorted({r["language"] for r in unfiltered})
    assert len(languages) > 1, "the pages must hold more than one language for this test to mean anything"
    rare = min(languages, key=lambda code: sum(r["language"] == code for r in unfiltered))
    proc = run_ingest("clean", *map(str, PAGES_12), "--language", rare)
    assert proc.returncode == 0, proc.stderr
    assert records(proc.stdout) == [r for r in unfiltered if r["language"] == rare]
    both = run_ingest("clean", *map(str, PAGES_12), "--language", ",".join(languages))
    assert records(both.stdout) == unfiltered


def _utc(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)


def test_since_and_until_keep_records_published_in_the_range(unfiltered):
    proc = run_ingest("clean", *map(str, PAGES_12), "--since", "2019-11-19", "--until", "2019-11-19")
    assert proc.returncode == 0, proc.stderr
    expected = [r for r in unfiltered if r["published"] and _utc(r["published"]).date().isoformat() == "2019-11-19"]
    assert records(proc.stdout) == expected
    assert 0 < len(expected) < len(unfiltered)
    assert f"{len(unfiltered) - len(expected)} filtered out (date " in summary_line(proc.stderr)


@pytest.mark.parametrize("flag, value", [("--since", "yesterday"), ("--until", "2024-13-01"),
                                         ("--language", "french"), ("--header", "no-colon"),
                                         # these were every URL's "internal error"
                                         ("--header", "X-A: a\r\nInjected: b"), ("--cookie", "a=b\nc"),
                                         ("--header", "X-City: 東京")])
def test_a_bad_filter_or_header_value_is_one_clear_error(flag, value):
    proc = run_ingest("clean", str(sample_pages()[0]), flag, value)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1].startswith(f"ingest clean: error: argument {flag}: ")
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("value", ["jp", "en,xx"])
def test_a_language_no_record_can_be_in_is_refused_not_filtered_silently(value):
    # "jp" is a country; Japanese is "ja". Every record would be filtered out without a word.
    proc = run_ingest("clean", str(sample_pages()[0]), "--language", value)
    assert proc.returncode == 2 and proc.stdout == ""
    unknown = value.split(",")[-1]
    assert f"argument --language: {unknown} is not a language ingest detects; it detects af,ar," in proc.stderr


def test_an_input_list_gives_its_inputs_in_order_skipping_blanks_and_comments(tmp_path):
    site = Site()
    site.page("/story", sample_pages()[2].read_bytes())
    listing = tmp_path / "inputs.txt"
    with serve(site) as base:
        listing.write_text(f"# saved pages and one live URL\n{sample_pages()[1]}\n\n  {base}/story  \n"
                           f"{sample_pages()[0]}\n", encoding="utf-8")
        proc = run_ingest("clean", "-i", str(listing))
    assert proc.returncode == 0, proc.stderr
    assert [r["url"] for r in records(proc.stdout)] == [
        sample_pages()[1].resolve().as_uri(), f"{base}/story", sample_pages()[0].resolve().as_uri()]


def test_a_missing_input_list_is_one_error_line():
    proc = run_ingest("clean", "-i", "no-such-list.txt")
    assert proc.returncode == 2
    assert proc.stderr == "ingest: -i no-such-list.txt: no such file\n"


def test_headers_and_cookie_reach_the_server():
    site = Site()
    site.page("/members/story", sample_pages()[0].read_bytes())
    with serve(site) as base:
        proc = run_ingest("clean", f"{base}/members/story", "--header", "Authorization: Bearer t0k3n",
                          "--header", "User-Agent: Mozilla/5.0 (research crawler)",
                          "--cookie", "session=4f2a; consent=yes")
    assert proc.returncode == 0, proc.stderr
    [(path, headers)] = site.requests
    assert path == "/members/story"
    assert headers["Authorization"] == "Bearer t0k3n"
    assert headers["User-Agent"] == "Mozilla/5.0 (research crawler)"
    assert headers["Cookie"] == "session=4f2a; consent=yes"


def test_the_summary_counts_equal_the_records_and_rejections_written(tmp_path):
    out = tmp_path / "records.jsonl"
    proc = run_ingest("clean", str(PAGES), str(BAD), "--since", "2024-09-18", "-o", str(out))
    assert proc.returncode == 1
    written, errors = records(out.read_text(encoding="utf-8")), error_lines(proc.stderr)
    line = summary_line(proc.stderr)
    counts = re.match(r"ingest clean: (\d+) inputs in [\d.]+ s \([\d.]+ pages/s\): (\d+) records written, "
                      r"(\d+) rejected \((.*?)\)(?:, (\d+) filtered out \(date \d+\))?$", line)
    assert counts, line
    inputs, records_written, rejected, reasons, filtered = counts.groups()
    assert int(records_written) == len(written) > 0
    assert int(rejected) == len(errors) > 0
    by_reason = {}
    for error in errors:
        reason = error.split(": ")[2]
        by_reason[reason] = by_reason.get(reason, 0) + 1
    assert reasons == ", ".join(f"{r} {n}" for r, n in sorted(by_reason.items()))
    assert int(inputs) == len(written) + len(errors) + int(filtered or 0)
    assert int(filtered) > 0
