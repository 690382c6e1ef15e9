"""`ingest clean` at its edges: a closed pipe, -o into new or unwritable places, stdin without a URL,
and directory entries that are no pages (dangling links, FIFOs), each said in one line."""
from __future__ import annotations

import os
import resource
import subprocess
import threading

import pytest

from helpers import INGEST, PAGES, error_lines, records, run_ingest, sample_pages, validate


def test_a_reader_that_closes_the_pipe_early_ends_the_batch_without_a_traceback():
    # Enough records to fill the pipe: the batch is blocked writing when the reader goes away.
    proc = subprocess.Popen([INGEST, "clean", "--jobs", "1", *[str(PAGES)] * 8], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 141
    assert stderr == ""
    validate(records(first.decode())[0])


def test_output_into_a_missing_folder_creates_it(tmp_path):
    target = tmp_path / "new" / "folder" / "records.jsonl"
    proc = run_ingest("clean", str(sample_pages()[0]), "-o", str(target))
    assert proc.returncode == 0, proc.stderr
    assert len(records(target.read_text(encoding="utf-8"))) == 1


def test_output_where_no_file_can_be_made_is_one_line_and_exit_2(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    proc = run_ingest("clean", str(sample_pages()[0]), "-o", str(blocker / "records.jsonl"))
    assert proc.returncode == 2
    assert proc.stderr == f"ingest: -o {blocker / 'records.jsonl'}: cannot write there (Not a directory)\n"


def test_output_that_fails_mid_run_is_one_line_and_exit_1(tmp_path):
    target = tmp_path / "records.jsonl"
    limit = 20_000  # bytes a file may grow to here: a full disk, some records in
    proc = subprocess.run([INGEST, "clean", "--jobs", "1", str(PAGES), "-o", str(target)], capture_output=True,
                          text=True, timeout=300,
                          preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)))
    assert proc.returncode == 1
    assert proc.stderr == f"ingest: -o {target}: write failed (File too large)\n"


def test_stdin_without_a_url_is_refused_with_one_line():
    proc = run_ingest("clean", "-", stdin=sample_pages()[0].read_bytes())
    assert proc.returncode == 2
    assert proc.stderr == "ingest: -: stdin needs --url URL, the address of the page\n"
    assert proc.stdout == ""


@pytest.mark.parametrize("url, reason", [("notaurl", "'notaurl' is not an absolute http(s) or file URL"),
                                         ("http://[::1", "http://[::1 (Invalid IPv6 URL)")])
def test_a_url_given_for_the_inputs_that_is_none_is_refused_once_before_any_work(url, reason):
    # It was every input's rejection, one line each, the batch run through for nothing.
    proc = run_ingest("clean", str(PAGES), "--url", url)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.splitlines()[-1] == f"ingest clean: error: argument --url: {reason}"


@pytest.mark.parametrize("since, until", [("2025-01-01", "2024-01-01"), ("2024-09-17T10:00:00Z", "2024-09-17T10:00:00Z")])
def test_a_date_range_no_record_could_be_in_is_refused_naming_both_ends(since, until):
    proc = run_ingest("clean", str(PAGES), "--since", since, "--until", until)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == f"ingest clean: --until: {until} is not after since {since}; no record could match\n"
    one_day = run_ingest("clean", str(sample_pages()[0]), "--since", "2024-09-17", "--until", "2024-09-17")
    assert len(records(one_day.stdout)) == 1  # a day to itself is that day


def test_dangling_links_and_fifos_in_a_directory_are_named_one_line_each(tmp_path):
    (tmp_path / "story.html").write_bytes(sample_pages()[0].read_bytes())
    (tmp_path / "gone.html").symlink_to(tmp_path / "deleted.html")
    os.mkfifo(tmp_path / "pipe.html")
    proc = run_ingest("clean", str(tmp_path), timeout=120)
    assert proc.returncode == 1
    assert error_lines(proc.stderr) == [f"ingest: {tmp_path / 'gone.html'}: a dangling symbolic link",
                                        f"ingest: {tmp_path / 'pipe.html'}: not a regular file (a FIFO)"]
    assert len(records(proc.stdout)) == 1


def test_a_pipe_named_on_the_command_line_is_read_whole(tmp_path):
    # `ingest clean <(curl ...)`: the pipe's bytes can be read once; nothing may peek at them first.
    page = sample_pages()[0].read_bytes()
    pipe = tmp_path / "page"
    os.mkfifo(pipe)
    writer = threading.Thread(target=pipe.write_bytes, args=(page,))
    writer.start()
    try:
        proc = run_ingest("clean", str(pipe), timeout=120)
    finally:
        writer.join(timeout=120)
    [record] = records(proc.stdout)
    [expected] = records(run_ingest("clean", str(sample_pages()[0])).stdout)
    assert record["text"] == expected["text"] and record["title"] == expected["title"]


@pytest.mark.parametrize("command", [["schedule", "--max-runs"], ["clean", "x.html", "--jobs"],
                                     ["archive", "x.warc", "--out", "o", "--state", "s", "--workers"]])
@pytest.mark.parametrize("value, said", [("0", "must be at least 1"), ("-2", "must be at least 1"),
                                         ("many", "expected a whole number, got 'many'")])
def test_counts_of_workers_and_runs_below_one_are_refused_naming_the_option(command, value, said):
    # `schedule --max-runs -3` was taken as given; `--max-runs 0` silently meant the default.
    proc = run_ingest(*command, value)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.splitlines()[-1].endswith(f"argument {command[-1]}{'/-j' if command[-1] == '--jobs' else ''}: {said}")


def test_an_output_that_is_one_of_the_inputs_is_refused_and_the_input_kept(tmp_path):
    # Opening -o emptied the page before it was read: the input was lost, "empty input" said.
    page = tmp_path / "saved.html"
    page.write_bytes(sample_pages()[0].read_bytes())
    listing = tmp_path / "inputs.txt"
    listing.write_text(f"{page}\n")
    for arguments in ([str(page), "-o", str(tmp_path / "." / "saved.html")], ["-i", str(listing), "-o", str(listing)]):
        proc = run_ingest("clean", *arguments)
        assert proc.returncode == 2 and proc.stdout == ""
        assert proc.stderr == f"ingest: -o {arguments[-1]}: is one of the inputs; write the records elsewhere\n"
    assert page.read_bytes() == sample_pages()[0].read_bytes() and listing.read_text() == f"{page}\n"


def test_a_language_filter_without_language_detection_is_refused():
    # Every record came out filtered ("language 1"), exit status 0.
    proc = run_ingest("clean", str(sample_pages()[0]), "--no-language", "--language", "en")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == "ingest clean: --language needs language detection; drop --no-language\n"


def test_stdin_as_both_the_input_list_and_a_page_is_refused():
    # The list took stdin whole, and the page named "-" came out as "empty input".
    proc = run_ingest("clean", "-i", "-", "-", "--url", "https://example.org/a", stdin=b"-\n")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == "ingest: -: stdin cannot be both the list of inputs (-i -) and a page (-)\n"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_an_input_list_saved_with_a_byte_order_mark_reads_its_first_line(tmp_path, encoding):
    # Windows Notepad's UTF-8 list named "\ufeff/path/page.html": "no such file or directory".
    listing = tmp_path / "inputs.txt"
    listing.write_text(f"{sample_pages()[0]}\r\n", encoding=encoding)
    proc = run_ingest("clean", "-i", str(listing))
    assert proc.returncode == 0, proc.stderr
    assert len(records(proc.stdout)) == 1
