"""pipeline.entities.persons.context: the case and gender the words around a name show."""
from __future__ import annotations

import pytest

from pipeline.entities.persons.context import context_case, context_gender, verb_before_gender


@pytest.mark.parametrize('text, case', [
    ('встреча с Локхартом', 'ablt'),
    ('письмо президенту Байдену', 'datv'),
    ('фильм Кубрика', 'gent'),
    ('В апреле 2012 года Диарра', None),  # the end of a date governs no name
    ('12 марта Путин', None),
    ('об этом заявил Мадуро', 'nomn'),        # the speaker after a verb of saying
    ('фанаты поддержали Бибера', 'accs'),     # the object of another transitive verb
    ('генерал сменил Панетту', 'accs'),
    ('конкурс возглавила Турман', 'nomn'),    # a verb in her gender: she is its subject
    ('в Москву прилетел Мадуро', 'nomn'),     # an intransitive verb: its subject
    ('рассказ о Мадуро', 'loct'),
    ('обратился к Мадуро', 'datv'),
    ('Вчера Кубрик', None),   # the word before is capitalised: no hint…
    ('смерть короля Таиланда Пхумипона', 'gent'),  # …unless it follows a title: a country's genitive
    ('письмо вице-президенту США Байдену', 'datv'),
    ('поблагодарил председателя КНР Цзиньпина', 'gent'),
    ('секретарь кабинета министров Японии Кихара', None),  # a plural is no title of the person
    ('встреча с министром иностранных дел России Лавровым', 'ablt'),  # a title over the words of its body…
    ('по словам представителя правительства ФРГ Зайберта', 'gent'),  # …and there a noun for a relation
    ('слова представителя Лопес', 'gent'),  # right before the name, it names the other person
    ('Мадуро', 'nomn'),       # a name opening the text is its subject
    ('Об этом заявил Мадуро', 'nomn'),  # after a verb: the subject
    ('Мы встретились. Мадуро', 'nomn'),  # after a sentence end
    ('У Клинтон', 'gent'),    # a preposition opening the sentence still asks for its case
    ('фильмы «Сияние» Кубрика', 'gent'),  # after a title: its author, not a new clause
    ('премию вручили французу Вамбе', 'datv'),  # a person noun names the person…
    ('приз получила американка Коппола', 'nomn'),
    ('умер соратник Цзэминя', 'gent'),          # …a noun for a relation names the other one
    ('подарок сыну Путина', None),              # …a kinship noun may take either: `сыну Путина`, `жена Алисия`
    ('шансы у 66-летнего Анастасиадиса', 'gent'),  # an adjective agrees with the name
    ('памятник знаменитому Пеле', 'datv'),
])
def test_context_case(text, case):
    start = text.rfind(' ') + 1
    assert context_case(text, start) == case


@pytest.mark.parametrize('text, gender', [
    ('Малашенко развёлся с женой', 'masc'),
    ('Медведева завершила сезон', 'femn'),
    ('Русаков задержан', 'masc'),
    ('Медведева рассматривает Армению', None),  # present tense: no gender
    ('Медведева, которая', None),
])
def test_context_gender(text, gender):
    assert context_gender(text, text.index(' ')) == gender


@pytest.mark.parametrize('text, gender', [
    ('сказала миссис Обама', 'femn'),
    ('выступила фигуристка Медведева', 'femn'),
    ('рядом жена Путина', None),       # a kinship noun names another person
    ('вчера министр Яровая', None),     # a masculine noun says nothing
])
def test_title_gender(text, gender):
    from pipeline.entities.persons.context import title_gender

    assert title_gender(text, text.rindex(' ') + 1) == gender


@pytest.mark.parametrize('text, after', [
    ('Семья Обамы', True),     # the name is the noun's genitive: a verb after them agrees with the noun
    ('Биография Нэша', True),
    ('Вчера Нэша', False),     # no noun
    ('Президент Обама', False),  # a title: the name stands in apposition
])
def test_after_opening_noun(text, after):
    from pipeline.entities.persons.context import after_opening_noun

    assert after_opening_noun(text, text.rindex(' ') + 1) == after


@pytest.mark.parametrize('text, name, gender', [
    ('Как заявила Мария Захарова, встреча состоится.', 'Мария Захарова', 'femn'),  # her verb of saying: she speaks
    ('«Это ошибка», — сказала Каллас.', 'Каллас', 'femn'),
    ('Она поблагодарила Марка Рютте за помощь.', 'Марка Рютте', None),     # not a nominative: the object
    ('Суд признал Иссахар виновной.', 'Иссахар', None),                     # his verb: a court's, as often
])
def test_verb_before_gender(text, name, gender):
    start = text.index(name)
    assert verb_before_gender(text, start, start + len(name)) == gender
