"""pipeline.entities.persons.names: the words of a name."""
from __future__ import annotations

import pytest

from pipeline.entities.persons.names import name_words


@pytest.mark.parametrize('written, words', [
    ('В.В. Путин', ['В.', 'В.', 'Путин']),
    ('Дж.Коми', ['Дж.', 'Коми']),
    ('Ж.-К.Трише', ['Ж.-К.', 'Трише']),
    ('Жан-Клода Юнкера', ['Жан-Клода', 'Юнкера']),
])
def test_name_words(written, words):
    assert name_words(written) == words
