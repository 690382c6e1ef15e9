"""Argument types shared by the commands: each refuses a bad value with a line naming it."""
from __future__ import annotations

import argparse


def at_least_one(text: str) -> int:
    """A count of workers, tasks or runs."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value
