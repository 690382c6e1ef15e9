"""`ingest clean --format` and trafilatura's switches (--links, --images, --no-tables, --comments) on real pages."""
from __future__ import annotations

import csv
import io

import pytest
from golden import expected_markdown_path
from helpers import PAGES, ROOT, error_lines, records, run_ingest, sample_pages, validate

MATCH_REPORT = ROOT / "tests" / "data" / "switches" / "match_report.html"


@pytest.fixture(scope="module")
def with_markdown():
    """The sample pages' records with their Markdown body (--markdown): what every format is compared with."""
    proc = run_ingest("clean", str(PAGES), "--markdown")
    assert proc.returncode == 0, proc.stderr
    return records(proc.stdout)


def test_markdown_field_is_the_golden_markdown_and_leaves_text_as_it_was(with_markdown):
    plain = records(run_ingest("clean", str(PAGES)).stdout)
    for page, record, without in zip(sample_pages(), with_markdown, plain):
        validate(record)
        assert record["markdown"] + "\n" == expected_markdown_path(page).read_text(encoding="utf-8")
        assert record["text"] == without["text"] and without["markdown"] is None


def test_text_format_prints_each_body_parted_by_a_blank_line(with_markdown):
    proc = run_ingest("clean", str(PAGES), "--format", "text")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split("\n\n") == [r["text"] + ("\n" if i == len(with_markdown) - 1 else "")
                                         for i, r in enumerate(with_markdown)]


@pytest.mark.parametrize("fmt, suffix", [("text", ".txt"), ("markdown", ".md")])
def test_text_and_markdown_into_a_directory_give_one_file_per_input(tmp_path, with_markdown, fmt, suffix):
    proc = run_ingest("clean", str(PAGES), "--format", fmt, "-o", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    files = sorted((tmp_path / "out").iterdir())
    assert [f.name for f in files] == [p.name.removesuffix(".html") + suffix for p in sample_pages()]
    for path, record in zip(files, with_markdown):
        document = path.read_text(encoding="utf-8")
        if fmt == "text":
            assert document == record["text"] + "\n"
        else:
            front, body = document.split("\n---\n\n", 1)
            assert front.startswith("---\n") and f'title: "{record["title"]}"' in front
            assert body == record["markdown"] + "\n"


@pytest.mark.parametrize("fmt, name", [("text", "bodies.txt"), ("markdown", "bodies.md"), ("markdown", "B.Markdown")])
def test_an_output_named_as_a_document_is_one_file_as_stdout_would_be(tmp_path, fmt, name):
    # `-o bodies.txt` made a folder of that name: the user asked for a file.
    printed = run_ingest("clean", str(PAGES), "--format", fmt).stdout
    proc = run_ingest("clean", str(PAGES), "--format", fmt, "-o", str(tmp_path / "new" / name))
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "new" / name).read_text(encoding="utf-8") == printed
    folder = tmp_path / "folder.txt"
    folder.mkdir()  # a folder that is there already keeps its meaning
    run_ingest("clean", str(PAGES), "--format", fmt, "-o", str(folder))
    assert len(list(folder.iterdir())) == len(sample_pages())


def test_csv_gives_a_header_and_one_row_per_record_with_lists_joined(with_markdown):
    proc = run_ingest("clean", str(PAGES), "--format", "csv", "--markdown")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert len(rows) == len(with_markdown)
    for row, record in zip(rows, with_markdown):
        for field in ("id", "url", "title", "published", "language", "text", "markdown"):
            assert row[field] == (record[field] or ""), field
        assert row["authors"] == "; ".join(record["authors"]) and row["tags"] == "; ".join(record["tags"])
        assert int(row["word_count"]) == record["word_count"]
        assert row["extractor_library"] == record["extractor"]["library"]


def test_links_and_images_show_in_the_markdown_only():
    page = sample_pages()[1]  # its body opens with a figure and links to sources
    [bare] = records(run_ingest("clean", str(page), "--markdown").stdout)
    [switched] = records(run_ingest("clean", str(page), "--markdown", "--links", "--images").stdout)
    assert "](" not in bare["markdown"]
    assert "![" in switched["markdown"] and "[" in switched["markdown"].replace("![", "")
    assert "](" not in switched["text"]


def test_no_tables_leaves_the_league_table_out():
    [with_table] = records(run_ingest("clean", str(MATCH_REPORT), "--markdown").stdout)
    [without] = records(run_ingest("clean", str(MATCH_REPORT), "--markdown", "--no-tables").stdout)
    assert "Kingsford Rovers | 6 | 14" in with_table["text"]
    assert "| --- |" in with_table["markdown"]
    assert "Kingsford Rovers | 6" not in without["text"] and "| --- |" not in without["markdown"]
    assert "Reid's reward for persistence" in without["text"]


def test_comments_are_kept_after_the_body_only_when_asked():
    comment = "Lovely atmosphere at Quayside Park today"
    [bare] = records(run_ingest("clean", str(MATCH_REPORT)).stdout)
    [with_comments] = records(run_ingest("clean", str(MATCH_REPORT), "--comments").stdout)
    assert comment not in bare["text"]
    assert with_comments["text"].startswith(bare["text"]) and comment in with_comments["text"]


def test_markdown_keeps_headings_quotes_lists_and_tables():
    proc = run_ingest("clean", str(MATCH_REPORT), "--format", "markdown")
    assert error_lines(proc.stderr) == []
    body = proc.stdout.split("\n---\n\n", 1)[1]
    assert "\n## Reid's reward for persistence\n" in body
    assert '\n> "We had to dig in today.' in body
    assert "\n- Harbour Town: unbeaten in five league matches\n" in body
    assert "\n| 1 | Harbour Town | 7 | 17 |\n" in body


@pytest.mark.parametrize("fmt, reason", [("text", "not a directory (text and markdown write one file per input; "
                                                   "a file name ending .txt gets them all)"),
                                         ("jsonl", "Not a directory")])
def test_an_output_that_cannot_be_written_is_one_line_before_any_work(tmp_path, fmt, reason):
    taken = tmp_path / "records"
    taken.write_text("mine")
    output = taken if fmt == "text" else taken / "records.jsonl"  # a file where a folder should be
    proc = run_ingest("clean", str(sample_pages()[0]), "--format", fmt, "-o", str(output))
    assert proc.returncode == 2
    assert proc.stderr == f"ingest: -o {output}: cannot write there ({reason})\n"
    assert taken.read_text() == "mine"
