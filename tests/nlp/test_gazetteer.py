"""pipeline.nlp.gazetteer: inflected multi-word phrases, abbreviations, longest match, common words."""
from __future__ import annotations

import pytest

from pipeline.nlp.gazetteer import Gazetteer
from pipeline.nlp.segment import split_words


@pytest.fixture(scope='module')
def gazetteer():
    return Gazetteer([('Соединенные Штаты Америки', 'US'), ('Соединенные Штаты', 'US-short'), ('Россия', 'RU'),
                      ('РФ', 'RU'), ('Того', 'TG')])


def found(gazetteer, text, initial=()):
    return [(text[m.start:m.end], m.start, m.end, m.phrase.value)
            for m in gazetteer.find(split_words(text), set(initial))]


@pytest.mark.parametrize('text, expected', [
    ('послы Соединенных Штатов Америки и России',
     [('Соединенных Штатов Америки', 6, 32, 'US'), ('России', 35, 41, 'RU')]),
    ('с Соединёнными Штатами Америки', [('Соединёнными Штатами Америки', 2, 30, 'US')]),
    # the longest phrase wins; the shorter one is taken where the longer does not fit
    ('Соединенным Штатам помогли', [('Соединенным Штатам', 0, 18, 'US-short')]),
    ('в Россию', [('Россию', 2, 8, 'RU')]),
])
def test_inflected_and_longest(gazetteer, text, expected):
    assert found(gazetteer, text) == expected


@pytest.mark.parametrize('text, expected', [
    ('санкции против РФ', [('РФ', 15, 17, 'RU')]),
    ('санкции против рф', []),
    ('санкции против Рф', []),
])
def test_abbreviation_only_in_upper_case(gazetteer, text, expected):
    assert found(gazetteer, text) == expected


def test_capitalised_phrase_word_must_be_capitalised(gazetteer):
    assert found(gazetteer, 'соединенные штаты америки') == []
    assert found(gazetteer, 'россия') == []


@pytest.mark.parametrize('text, initial, expected', [
    ('Того объявило о выборах.', (0,), []),                       # sentence start: the pronoun `того`
    ('Того объявило о выборах.', (), [('Того', 0, 4, 'TG')]),
    ('Он прилетел в Того.', (0,), [('Того', 14, 18, 'TG')]),      # capitalised inside a sentence
    ('ради того', (), []),
])
def test_common_word_not_at_sentence_start(gazetteer, text, initial, expected):
    assert found(gazetteer, text, initial) == expected


def test_non_common_name_is_taken_at_sentence_start(gazetteer):
    assert found(gazetteer, 'Россия ответила.', (0,)) == [('Россия', 0, 6, 'RU')]


def test_ties_go_to_the_phrase_whose_capitals_agree_then_to_the_earlier():
    gazetteer = Gazetteer([('филиппино', 'stem'), ('Филиппины', 'name')])
    assert found(gazetteer, 'президент Филиппин') == [('Филиппин', 10, 18, 'name')]
    assert found(gazetteer, 'филиппино-американские учения')[0][3] == 'stem'
    assert found(Gazetteer([('Россия', 'first'), ('Россия', 'second')]), 'в России')[0][3] == 'first'


CHOICES = """
import json
from pipeline.entities.countries import load_countries
from pipeline.nlp.segment import split_words
text = 'президент Филиппин, посол Палестины, филиппино-американские и палестино-израильские переговоры'
print(json.dumps([(m.start, m.phrase.form, m.phrase.value.kind) for m in load_countries().find(split_words(text))],
                 ensure_ascii=False))
"""


def test_the_choice_is_the_same_in_every_process():
    """The candidates come out of sets of lemmas, whose order follows the process's string hash seed."""
    import os
    import subprocess
    import sys

    outputs = set()
    for seed in ('1', '2', '3', '4'):
        done = subprocess.run([sys.executable, '-c', CHOICES], capture_output=True, text=True, check=True,
                              env={**os.environ, 'PYTHONHASHSEED': seed})
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert '"Филиппины", "name"' in outputs.pop()


@pytest.mark.parametrize('text, expected', [
    ('фото U.S. Navy', [('U.S.', 5, 9, 'US')]),
    ('U.S', [('U.S', 0, 3, 'US')]),
    ('U S', []),  # a dotted abbreviation needs its dots
])
def test_dotted_abbreviation(text, expected):
    gazetteer = Gazetteer([('U.S.', 'US')])
    assert [(text[m.start:m.end], m.start, m.end, m.phrase.value)
            for m in gazetteer.find(split_words(text), set(), text)] == expected
