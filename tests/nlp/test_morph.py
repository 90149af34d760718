"""pipeline.nlp.morph: lemmas, folding and case helpers."""
from __future__ import annotations

import pytest

from pipeline.nlp.morph import fold, keep_yo, lemmas, match_case


@pytest.mark.parametrize('word, lemma', [
    ('Иглы-С', 'игла-с'),       # hyphenated: lemmatized on the first part
    ('России', 'россия'),
    ('Су-30', 'су-30'),
    ('Калибрами', 'калибр'),
    ('Журавлёва', 'журавлев'),  # folded: ё read as е
])
def test_lemmas_contain(word, lemma):
    assert lemma in lemmas(word)


def test_lemmas_keep_the_word_itself_folded():
    assert 'россии' in lemmas('России')
    assert lemmas('F-35') == frozenset({'f-35'})


@pytest.mark.parametrize('word, not_lemma', [('То', 'тот'), ('Том', 'тот'), ('Того', 'тот')])
def test_function_word_readings_are_dropped(word, not_lemma):
    assert not_lemma not in lemmas(word)


@pytest.mark.parametrize('word, folded', [('Ёлка', 'елка'), ('ПУТИН', 'путин'), ('Журавлёв', 'журавлев')])
def test_fold(word, folded):
    assert fold(word) == folded


@pytest.mark.parametrize('model, word, expected', [
    ('ПУТИН', 'путин', 'ПУТИН'),
    ('Путин', 'путин', 'Путин'),
    ('путин', 'Путин', 'Путин'),  # lower-case model leaves the word as it is
    ('Иглы-С', 'игла-с', 'Игла-С'),
    ('Санкт-Петербурге', 'санкт-петербург', 'Санкт-Петербург'),
])
def test_match_case(model, word, expected):
    assert match_case(model, word) == expected


@pytest.mark.parametrize('model, word, expected', [
    ('Журавлев', 'журавлёв', 'журавлев'),
    ('Журавлёв', 'журавлёв', 'журавлёв'),
    ('ЖУРАВЛЁВ', 'Журавлёв', 'Журавлёв'),
    ('Ёлкин', 'Ёлкин', 'Ёлкин'),
    ('Елкин', 'Ёлкин', 'Елкин'),
])
def test_keep_yo(model, word, expected):
    assert keep_yo(model, word) == expected


@pytest.mark.parametrize('word, expected', [
    ('Сноудену', 'сноуден'), ('Сноуден', 'сноуден'),
    ('Петрэуса', 'петреус'), ('Петреус', 'петреус'),  # э read as е
    ('Ли', 'ли'), ('Аюя', 'аюя'),                     # too little left: the folded word
])
def test_stem(word, expected):
    from pipeline.nlp.morph import stem

    assert stem(word) == expected
