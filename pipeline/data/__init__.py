"""The data files of the pipeline (gazetteers, word lists), shipped in the package, and their loader."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from ..nlp.text import fold

DATA = Path(__file__).parent


@cache
def load_word_list(name: str) -> frozenset[str]:
    """A data file of `pipeline/data/` with one lemma per line (`#` starts a comment), folded."""
    lines = (DATA / name).read_text(encoding='utf-8').splitlines()
    return frozenset(fold(line.strip()) for line in lines if line.strip() and not line.startswith('#'))
