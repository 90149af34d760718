"""The data files of the pipeline, shipped in the package, and their one loader.

Gazetteers and mappings are CSV files with a header row (`read_rows`); word lists are text files with
one lemma per line (`load_word_list`). In both, a line that starts with `#` is a comment. Each file
is read once per process.
"""
from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from ..nlp.text import fold

DATA = Path(__file__).parent


@cache
def read_rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of a CSV file of `pipeline/data/` as dicts by column name (comment lines skipped)."""
    with open(DATA / name, encoding='utf-8', newline='') as f:
        return tuple(csv.DictReader(line for line in f if not line.startswith('#')))


@cache
def load_word_list(name: str) -> frozenset[str]:
    """A data file of `pipeline/data/` with one lemma per line (`#` starts a comment), folded."""
    lines = (DATA / name).read_text(encoding='utf-8').splitlines()
    return frozenset(fold(line.strip()) for line in lines if line.strip() and not line.startswith('#'))
