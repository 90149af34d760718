"""pipeline.data: the data files and their loader."""
from __future__ import annotations

import pytest

from pipeline.data import DATA, load_word_list
from pipeline.nlp.morph import fold


@pytest.mark.parametrize('name', sorted(p.name for p in DATA.glob('*.txt')))
def test_word_lists_are_sorted_lower_case_lemmas(name):
    lines = [line.strip() for line in (DATA / name).read_text(encoding='utf-8').splitlines()
             if line.strip() and not line.startswith('#')]
    assert lines == sorted(set(lines)), 'sorted, no repeats'
    assert all(line == line.lower() for line in lines)
    assert load_word_list(name) == frozenset(fold(line) for line in lines)
