"""Argument types of the commands: each refuses a bad value with a line naming the option and why."""
from __future__ import annotations

import argparse
from datetime import date

from .filters import FilterError, make_filters


def at_least_one(text: str) -> int:
    """A count of workers, tasks or runs."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def header(text: str) -> tuple[str, str]:
    """--header NAME:VALUE."""
    name, sep, value = text.partition(":")
    if not sep or not name.strip() or any(c.isspace() for c in name.strip()):
        raise argparse.ArgumentTypeError(f"expected NAME:VALUE, got {text!r}")
    return name.strip(), header_value(value.strip())


def header_value(text: str) -> str:
    """A value HTTP can carry: a line break or other control character would end the header, and
    only Latin-1 is sent (the HTTP library refuses the rest, which came out as every URL's "internal
    error")."""
    if any(ord(c) < 32 and c != "\t" or ord(c) == 127 for c in text):
        raise argparse.ArgumentTypeError(f"a line break or control character cannot be sent in a header: {text!r}")
    try:
        text.encode("latin-1")  # what HTTP/1.1 headers are sent in
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError(f"only Latin-1 characters can be sent in a header "
                                         f"(percent-encode the others): {text!r}") from None
    return text


def filter_value(name: str):
    """An argparse type checking one filter value; the value itself stays a string."""
    def check(text: str) -> str:
        try:
            make_filters(**{name: text})
        except FilterError as error:
            raise argparse.ArgumentTypeError(str(error).split(": ", 1)[1]) from None
        return text
    return check


def record_url(text: str) -> str:
    """--url checked as `clean()` checks a page's URL, once, rather than as a rejection of every input."""
    from .core.page import page_url
    from .core.rejection import Rejected

    try:
        page_url(text)
    except Rejected as rejected:
        raise argparse.ArgumentTypeError(rejected.rejection.detail) from None
    return text


def seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError("must be 0 or more seconds")
    return value


def day(text: str) -> date:
    """A day, YYYY-MM-DD (argparse said "invalid fromisoformat value", naming a Python function)."""
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        why = "" if "isoformat" in str(error) else f" ({error})"  # the day of a month that has none
        raise argparse.ArgumentTypeError(f"expected a day like 2024-01-05, got {text!r}{why}") from None
