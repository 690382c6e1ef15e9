"""The `ingest` command: `clean` for one-off pages, `crawl` and `schedule` for sites."""
from __future__ import annotations

import argparse
import json
import sys
from contextlib import nullcontext

from . import __version__
from .crawl import command as crawl
from .batch import clean_all
from .inputs import expand, read_stdin
from .core.options import Options
from .progress import Progress


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
    return parser


def add_clean_command(sub) -> None:
    p = sub.add_parser("clean", help="clean URLs, HTML files, directories or stdin into JSONL records",
                       description="Clean each INPUT (http(s) URL, .html/.htm/.html.gz file, directory, "
                                   "or - for stdin) to one article record per line.")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("-o", "--output", metavar="FILE", help="write records to FILE instead of stdout")
    p.add_argument("--url", help="the URL to record for the inputs (e.g. for a saved page or stdin)")
    p.add_argument("--jobs", "-j", type=_positive, default=None, metavar="N",
                   help="worker processes (default: all cores)")
    p.add_argument("--no-language", action="store_true", help="skip language detection")
    p.add_argument("--all-pages", action="store_true",
                   help="a record for every page, with its page_type, instead of rejecting non-articles")
    p.set_defaults(func=run_clean)


def run_clean(args) -> int:
    inputs = expand(args.inputs, url=args.url)
    stdin = read_stdin() if any(i.kind == "stdin" for i in inputs) else None
    options = Options(detect_language=not args.no_language, all_pages=args.all_pages)
    progress = Progress(len(inputs))
    failed = 0
    with (open(args.output, "w", encoding="utf-8") if args.output else nullcontext(sys.stdout)) as out:
        for outcome in clean_all(inputs, options, jobs=args.jobs, stdin=stdin):
            if outcome.record is None:
                failed += 1
                progress.note(f"ingest: {outcome.label}: {outcome.error}")
            else:
                out.write(json.dumps(outcome.record, ensure_ascii=False) + "\n")
                out.flush()
            progress.step(failed=outcome.record is None)
    progress.close()
    if not inputs:
        print("ingest: no HTML files in the inputs", file=sys.stderr)
        return 1
    return 1 if failed else 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


if __name__ == "__main__":
    sys.exit(main())
