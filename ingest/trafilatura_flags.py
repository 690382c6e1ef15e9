"""trafilatura's command-line flags in `ingest clean`, for users who type them by habit.

Those with a meaning here are taken as ingest's own options (`--json`, `-u URL`, `--parallel 2`,
`--target-language fr`, `--no-comments`); the others are refused in one line saying what ingest
does instead. argparse said only "unrecognized arguments", after a screen of usage.
"""
from __future__ import annotations

import argparse

from .arguments import at_least_one, filter_value

_CRAWL = ("ingest crawl URL finds the site's sitemaps and feeds, follows its listing pages and writes its "
          "articles to the feed")
_BODY = ("ingest chooses each page's body between trafilatura's and readability's with a fitted model; "
         "there is no switch for it")
_NONE = "ingest has no counterpart"
# trafilatura's flags with no counterpart here: (takes a value, what ingest does instead).
REFUSED = {
    ("--sitemap",): ("optional", _CRAWL), ("--feed",): ("optional", _CRAWL), ("--crawl",): ("optional", _CRAWL),
    ("--explore",): ("optional", _CRAWL), ("--probe",): ("optional", "--all-pages gives each page's page_type"),
    ("--list",): (None, _CRAWL),
    ("-f", "--fast"): (None, _BODY), ("--precision",): (None, _BODY), ("--recall",): (None, _BODY),
    ("--xml",): (None, "records are written as --format jsonl, csv, text or markdown"),
    ("--xmltei",): (None, "records are written as --format jsonl, csv, text or markdown"),
    ("--html",): (None, "records are written as --format jsonl, csv, text or markdown"),
    ("--formatting",): (None, "--format markdown (or --markdown) keeps the body's formatting"),
    ("--output-dir",): ("one", "-o DIR with --format text or markdown writes a file per input; "
                               "-o FILE writes JSONL or CSV records"),
    ("--only-with-metadata",): (None, "--since 1990-01-01 keeps the records that carry a date"),
    ("--deduplicate",): (None, "ingest crawl writes each article once"),
    ("-b", "--blacklist"): ("one", "a source's deny patterns leave URLs out of a crawl"),
    ("--url-filter",): ("many", "a source's allow patterns keep a crawl to some URLs"),
    ("--backup-dir",): ("one", _NONE), ("--keep-dirs",): (None, _NONE), ("--archived",): (None, _NONE),
    ("--config-file",): ("one", _NONE), ("--validate-tei",): (None, _NONE),
}
_NARGS = {None: 0, "optional": "?", "one": None, "many": "+"}


class _Refused(argparse.Action):
    def __init__(self, option_strings, dest, advice: str = "", **kwargs):
        self.advice = advice
        super().__init__(option_strings, dest, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.exit(2, f"ingest clean: {option_string} is trafilatura's option: {self.advice}\n")


def add_trafilatura_flags(p: argparse.ArgumentParser) -> None:
    """trafilatura's flags on the `clean` parser, kept out of its help."""
    hidden = argparse.SUPPRESS
    p.add_argument("--json", dest="format", action="store_const", const="jsonl", help=hidden)
    p.add_argument("--csv", dest="format", action="store_const", const="csv", help=hidden)
    p.add_argument("-u", "--URL", "--input-dir", dest="more_inputs", action="append", default=[], help=hidden)
    p.add_argument("--parallel", dest="jobs", type=at_least_one, help=hidden)
    p.add_argument("--target-language", dest="language", type=filter_value("languages"), help=hidden)
    p.add_argument("--no-comments", dest="comments", action="store_false", help=hidden)
    p.add_argument("--with-metadata", action="store_true", help=hidden)  # every record carries its metadata
    for flags, (takes, advice) in REFUSED.items():
        p.add_argument(*flags, nargs=_NARGS[takes], action=_Refused, advice=advice, help=hidden,
                       dest=f"trafilatura_{flags[-1].lstrip('-').replace('-', '_')}")
