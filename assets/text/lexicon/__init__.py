"""Word lists and small tables the text rules read, kept as data apart from the algorithms.

One TOML file per topic beside this module (`speech.toml`, `units.toml`, …); each list is defined once, with a
comment on where it came from. A value is either one whitespace-separated string of single words, or a list of
entries (phrases, or rows of a table). Loaded once per process.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent


@functools.cache
def table(topic: str) -> dict:
    """The parsed TOML file `<topic>.toml`."""
    with open(HERE / f"{topic}.toml", "rb") as fh:
        return tomllib.load(fh)


def _entries(topic: str, key: str) -> list:
    value = table(topic)[key]
    return value.split() if isinstance(value, str) else list(value)


@functools.cache
def words(topic: str, key: str) -> frozenset[str]:
    """A list as a set: `words("speech", "reporting_verbs")`."""
    return frozenset(_entries(topic, key))


@functools.cache
def ordered(topic: str, key: str) -> tuple:
    """A list in file order (when order decides, e.g. priorities)."""
    return tuple(_entries(topic, key))


def mapping(topic: str, key: str) -> dict:
    """A TOML table as a dict (a copy: callers may not change the loaded data)."""
    return dict(table(topic)[key])


def alternation(items: Iterable[str], escape: bool = True) -> str:
    """A regex group matching any of the items, longest first so that no item shadows a longer one.

    Rules build their patterns from named groups of tokens (as trafilatura's xpaths.py does) instead of long literals.
    """
    parts = sorted(set(items), key=lambda s: (-len(s), s))
    return "(?:" + "|".join(re.escape(p) if escape else p for p in parts) + ")"
