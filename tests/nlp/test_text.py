"""pipeline.nlp.text: blanking, lookalike letters."""
from __future__ import annotations

import pytest

from pipeline.nlp.text import blank, cyrillic_lookalikes


def test_blank_keeps_offsets_and_lines():
    assert blank('ab\ncd\nef', ((1, 7),)) == 'a \n  \n f'
    assert blank('abc', ()) == 'abc'


@pytest.mark.parametrize('text, fixed', [
    ('Франcиско Католичеcкой СССP', 'Франсиско Католической СССР'),  # Latin c and P among Cyrillic
    ('iPhone Samsungом Tesla-компания', 'iPhone Samsungом Tesla-компания'),  # Latin words stay Latin
])
def test_cyrillic_lookalikes(text, fixed):
    assert cyrillic_lookalikes(text) == fixed and len(cyrillic_lookalikes(text)) == len(text)
