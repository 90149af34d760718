"""pipeline.relations.sides: whom a person stands for, and how an argument is marked."""
from __future__ import annotations

import pytest

from pipeline.nlp.segment import tokenize
from pipeline.relations.sides import marking, person_states


@pytest.mark.parametrize('text, expected', [
    ('Президент Венесуэлы Николас Мадуро написал письмо.', {'Мадуро': 'VE'}),
    ('Мадуро написал российскому лидеру Владимиру Путину.', {'Путин': 'RU'}),
    ('Танки попросили у министра обороны Нидерландов Кайсы Оллонгрен.', {'Оллонгрен': 'NL'}),
    ('Посол Украины в Израиле Евгений Корнийчук ответил.', {}),  # an ambassador speaks for no state here
    ('Российский журналист Иван Петров написал книгу.', {}),       # a nationality, no role of state
])
def test_person_states(extractor, text, expected):
    """`expected`: the state of the person whose name ends with the surname given (the persons stage
    gives the whole name)."""
    result = extractor(text, 'd')
    states = person_states(text, result.mentions)
    assert {name.split()[-1]: code for name, code in states.items()} == expected


@pytest.fixture(scope='module')
def syntax(extractor):
    return extractor.document_steps[-1].syntax


@pytest.mark.parametrize('text, word, expected', [
    ('Россия поставила Сирии ракеты.', 'Россия', 'subj'),
    ('Россия поставила Сирии ракеты.', 'Сирии', 'dat'),
    ('Турция купила у России ракеты.', 'России', 'у'),
    ('Ракеты прибыли в Турцию.', 'Турцию', 'в:acc'),
    ('Ракеты закупят во Франции.', 'Франции', 'в:loc'),
    ('Контракт на поставки истребителей для Израиля подписан.', 'Израиля', 'для'),
])
def test_marking(syntax, text, word, expected):
    [parse] = syntax.parse([tokenize(text)])
    assert marking(parse, [t.text for t in parse.tokens].index(word)) == expected
