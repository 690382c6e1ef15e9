"""The `ingest` command: `clean` for one-off pages, `crawl` and `schedule` for sites, `feed` to read the feed typed."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__, feedexport
from .arguments import at_least_one, filter_value, header, header_value, record_url, seconds
from .archive import command as archive
from .crawl import command as crawl
from .inputs import InputError, expand, read_list, read_stdin
from .core.options import Options
from .filters import FilterError, make_filters
from .output import ALIASES, FORMATS
from .progress import Progress
from .summary import CleanSummary
from .trafilatura_flags import add_trafilatura_flags


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ingest", description=__doc__)
    parser.add_argument("--version", action="version", version=f"ingest {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_clean_command(sub)
    crawl.register(sub)
    archive.register(sub)
    feedexport.register(sub)
    return parser


def add_clean_command(sub) -> None:
    p = sub.add_parser("clean", help="clean URLs, HTML files, directories or stdin into records (JSONL, CSV) or bodies "
                            "(text, Markdown)",
                       description="Clean each INPUT (http(s) URL, .html/.htm/.html.gz file, .warc/.warc.gz file, "
                                   ".paths list of WARCs, directory, or - for stdin) to one article record per line, or to its body as text or Markdown.")
    p.add_argument("inputs", nargs="*", metavar="INPUT")
    p.add_argument("-i", "--input-file", metavar="FILE", help="read inputs from FILE, one per line (- for stdin)")
    p.add_argument("-o", "--output", metavar="FILE|DIR",
                   help="write to FILE instead of stdout; for text and markdown a DIR, one file per input")
    p.add_argument("--format", "--output-format", choices=FORMATS, default="jsonl", type=lambda f: ALIASES.get(f, f),
                   help="jsonl records (default), csv rows, or each body as text or markdown "
                        "(trafilatura's json, txt and md are understood)")
    p.add_argument("--markdown", action="store_true", help="add the body as Markdown to each record")
    p.add_argument("--url", type=record_url,
                   help="the URL to record for the inputs (e.g. for a saved page or stdin)")
    p.add_argument("--jobs", "-j", type=at_least_one, default=None, metavar="N",
                   help="worker processes (default: all cores)")
    p.add_argument("--no-language", action="store_true", help="skip language detection")
    p.add_argument("--timeout", type=seconds, default=Options.timeout, metavar="SECONDS",
                   help="time budget of one input, fetch and clean (default: %(default)g; 0: none)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line at the end")
    add_switches(p)
    add_filters(p)
    p.add_argument("--header", action="append", default=[], type=header, metavar="NAME:VALUE",
                   help="send this HTTP header with URL inputs (repeatable)")
    p.add_argument("--cookie", type=header_value, metavar="NAME=VALUE[; ...]",
                   help="send this Cookie header with URL inputs")
    p.add_argument("--all-pages", action="store_true",
                   help="a record for every page, with its page_type, instead of rejecting non-articles")
    add_trafilatura_flags(p)
    p.set_defaults(func=run_clean)


def add_switches(p) -> None:
    """trafilatura's switches, under its names."""
    p.add_argument("--links", action="store_true", help="keep links (in the Markdown body)")
    p.add_argument("--images", action="store_true", help="keep images (in the Markdown body)")
    p.add_argument("--no-tables", action="store_true", help="leave tables out of the body")
    p.add_argument("--comments", action="store_true", help="keep the page's comments after the body")


def add_filters(p) -> None:
    p.add_argument("--language", type=filter_value("languages"), metavar="CODES",
                   help="keep records in these languages only, e.g. fr,en")
    p.add_argument("--since", type=filter_value("since"), metavar="DATE",
                   help="keep records published on or after DATE (ISO 8601)")
    p.add_argument("--until", type=filter_value("until"), metavar="DATE",
                   help="keep records published before DATE, or on DATE if a day")


def run_clean(args) -> int:
    args.inputs = args.inputs + args.more_inputs  # trafilatura's -u URL and --input-dir DIR
    if not (args.inputs or args.input_file):
        print("ingest clean: give INPUT... or -i FILE", file=sys.stderr)
        return 2
    try:
        inputs = expand(args.inputs + (read_list(args.input_file) if args.input_file else []), url=args.url)
    except InputError as error:
        print(f"ingest: -i {error}", file=sys.stderr)
        return 2
    refused = _refused(args, inputs)
    if refused:
        print(refused, file=sys.stderr)
        return 2
    if not inputs:
        print("ingest: no HTML files in the inputs", file=sys.stderr)
        return 1
    from .output import open_writer

    try:
        _make_parent(args.output, args.format)
        writer = open_writer(args.format, args.output)
    except OSError as error:
        print(f"ingest: -o {args.output}: cannot write there ({error.strerror or error})", file=sys.stderr)
        return 2
    try:
        summary = clean_inputs(inputs, args, writer)
    except BrokenPipeError:  # `ingest clean ... | head -1`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as error:
        print(f"ingest: -o {args.output or 'stdout'}: write failed ({error.strerror or error})", file=sys.stderr)
        return 1
    if not args.quiet:
        print(summary.line(), file=sys.stderr)
    return 1 if summary.rejected else 0


def _refused(args, inputs) -> str | None:
    """Why the arguments cannot go together, said before any work: a date range no record is in,
    a language filter without detection, stdin without its URL, an output that is one of the inputs."""
    try:
        make_filters(args.language, args.since, args.until)  # each was read alone: together, a range
    except FilterError as error:
        return f"ingest clean: --{error}"
    if args.language and args.no_language:  # no record would have a language to keep it by
        return "ingest clean: --language needs language detection; drop --no-language"
    if args.input_file == "-" and any(i.kind == "stdin" for i in inputs):
        return "ingest: -: stdin cannot be both the list of inputs (-i -) and a page (-)"
    if not args.url and any(i.kind == "stdin" for i in inputs):
        # The record's url and id are made from it: an empty one would give every such record one id.
        return "ingest: -: stdin needs --url URL, the address of the page"
    named = [i.location for i in inputs if i.kind in ("file", "warc")] + ([args.input_file] if args.input_file else [])
    if any(_same_file(args.output, path) for path in named):
        # Opening the output empties it before the input is read: the page was lost.
        return f"ingest: -o {args.output}: is one of the inputs; write the records elsewhere"
    return None


def _same_file(output: str | None, path: str) -> bool:
    try:
        return bool(output) and os.path.samefile(output, path)
    except (OSError, ValueError):
        return False  # either is not there (yet): not the same file


def _make_parent(output: str | None, fmt: str) -> None:
    """`-o` into folders that do not exist yet: made (a file in the way makes open() say so)."""
    if not output:
        return
    from .output.documents import names_one_file

    one_folder = fmt in ("text", "markdown") and not names_one_file(output, fmt)
    folder = Path(output) if one_folder else Path(output).parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        pass


def clean_inputs(inputs, args, writer) -> CleanSummary:
    """Clean, filter and write each input in order; a line on stderr for each that gave no record."""
    from .archive.pages import clean_pages  # the core and its libraries: loaded only to clean

    stdin = read_stdin() if any(i.kind == "stdin" for i in inputs) else None
    filters = make_filters(args.language, args.since, args.until)
    progress, summary = Progress(len(inputs)), CleanSummary()
    try:
        for outcome in clean_pages(inputs, clean_options(args), args.jobs, stdin, progress.note,
                                   headers=http_headers(args)):
            filtered = outcome.record is not None and filters.reason(outcome.record)
            if outcome.record is None:
                progress.note(f"ingest: {outcome.label}: {outcome.error}")
            elif not filtered:
                writer.write(outcome.record, outcome.label)
            summary.count(written=outcome.record is not None and not filtered, rejected=_rejected(outcome),
                          filtered=filtered or None)
            progress.step(failed=outcome.record is None)
    finally:
        writer.close()
        progress.close()
    return summary


def _rejected(outcome) -> str | None:
    """The reason counted for an input that gave no record (every such input is counted)."""
    if outcome.record is not None:
        return None
    return outcome.reason or (outcome.error or "failed").split(":", 1)[0]


def clean_options(args) -> Options:
    return Options(detect_language=not args.no_language, tables=not args.no_tables, comments=args.comments,
                   links=args.links, images=args.images, markdown=args.markdown or args.format == "markdown",
                   timeout=args.timeout or None, all_pages=args.all_pages)


def http_headers(args) -> dict[str, str]:
    headers = dict(args.header)
    if args.cookie:
        headers["Cookie"] = args.cookie
    return headers


if __name__ == "__main__":
    sys.exit(main())
