"""pipeline.entities.persons.decide: one gender and one nominative per name word for each person."""
from __future__ import annotations

import pytest

from pipeline.entities.persons.decide import _explains, _variants


def persons(extractor, text):
    return [(m.text, m.normal, m.entity) for m in extractor(text).mentions if m.type == 'person']


@pytest.mark.parametrize('text, expected', [
    # `Кая` alone reads as the genitive of `Кай`: the verbs after her mentions show a woman
    ('Кая Каллас прилетела в Киев. Каллас заявила, что санкции продлят.',
     [('Кая Каллас', 'Кая Каллас', 'Кая Каллас'), ('Каллас', 'Каллас', 'Кая Каллас')]),
    # one nominative per name word: the form a man's genitive explains, not the form as written
    ('Гонщик Кими Райкконен победил. Позже обоих соперников — Кими Райкконена и Марка Уэббера — оштрафовали.',
     [('Кими Райкконен', 'Кими Райкконен', 'Кими Райкконен'), ('Кими Райкконена', 'Кими Райкконен', 'Кими Райкконен'),
      ('Марка Уэббера', 'Марк Уэббер', 'Марк Уэббер')]),
    # a Latin spelling in brackets shows the nominative of every word (`Хайдара`, not his genitive)
    ('Кандидат Айссата Хайдара Сиссе (Aissata Haidara Cisse) стал известен. Позже Сиссе отказалась.',
     [('Айссата Хайдара Сиссе', 'Айссата Хайдара Сиссе', 'Айссата Хайдара Сиссе'),
      ('Aissata Haidara Cisse', 'Aissata Haidara Cisse', 'Айссата Хайдара Сиссе'),
      ('Сиссе', 'Сиссе', 'Айссата Хайдара Сиссе')]),
    ('Фаворит — Шейк Модибо Диарра (Cheick Modibo Diarra). В 2012 году Диарра подал в отставку.',
     [('Шейк Модибо Диарра', 'Шейк Модибо Диарра', 'Шейк Модибо Диарра'),
      ('Cheick Modibo Diarra', 'Cheick Modibo Diarra', 'Шейк Модибо Диарра'),
      ('Диарра', 'Диарра', 'Шейк Модибо Диарра')]),
])
def test_one_decision_per_person(extractor, text, expected):
    assert persons(extractor, text) == expected


@pytest.mark.parametrize('text, expected', [
    # a woman's surname ending in a consonant does not decline: `у Клинтон` is hers, `Клинтона` his
    ('Билл Клинтон и Хиллари Клинтон приехали. У Клинтон был кашель. Речь Клинтона длилась час.',
     ['Билл Клинтон', 'Хиллари Клинтон', 'Хиллари Клинтон', 'Билл Клинтон']),
    # a verb shows her gender: the man named last is not her
    ('Игорь Малашенко основал НТВ. Он развёлся с Еленой Малашенко. Малашенко вышла замуж снова.',
     ['Игорь Малашенко', 'Елена Малашенко', 'Елена Малашенко']),
])
def test_a_surname_joins_the_bearer_it_agrees_with(extractor, text, expected):
    assert [entity for _, _, entity in persons(extractor, text)] == expected


@pytest.mark.parametrize('value, form, explained', [
    ('Райкконен', 'Райкконена', True), ('Райкконена', 'Райкконен', False), ('Петреус', 'Петрэуса', True),
    ('Петров', 'Петровой', True), ('Мадуро', 'Мадуро', True), ('Мадуро', 'Мадура', False),
])
def test_explains(value, form, explained):
    assert _explains(value, form) is explained


@pytest.mark.parametrize('a, b, variants', [
    ('Райкконен', 'Райкконена', True), ('Пётр', 'Петр', True), ('Лиза', 'Елизавета', False),
    ('Гергиев', 'Георгиев', False), ('Ким', 'Кима', True),
])
def test_variants(a, b, variants):
    assert _variants(a, b) is variants


def test_a_fleeting_vowel_explains_the_forms_of_a_surname():
    assert _explains('Смилянец', 'Смилянца') and _explains('Смилянец', 'Смилянц')
    assert _explains('Козелец', 'Козельцом')
    assert not _explains('Смилянец', 'Смилянова')
