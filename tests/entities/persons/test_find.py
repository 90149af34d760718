"""pipeline.entities.persons.find: person mentions with their nominative and gender, surnames the tagger missed."""
from __future__ import annotations

import pytest

from pipeline.doc import Span
from pipeline.entities.persons.find import echo_persons, find_persons


def test_person_in_quoted_title_dropped_by_extractor(extractor):
    mentions = extractor('Программа «С Мадуро +» вышла в эфир.').mentions
    assert [m for m in mentions if m.type == 'person'] == []


@pytest.mark.parametrize('text, expected', [
    # a name of a list takes the case of the name before it
    ('Пришли Луиса Суареса, Неймара и Жерара Пике.', ['Луис Суарес', 'Неймар', 'Жерар Пике']),
    ('В споре за звание Лионеля Месси («Барселона») и Неймара.', ['Лионель Месси', 'Неймар']),  # past a bracket
    # initials the tagger cut from their surname take it back
    ('Сенат утвердит кандидатуру Дж.Коми на пост.', ['Дж. Коми']),
])
def test_find_persons_in_context(extractor, text, expected):
    assert [m.entity for m in extractor(text).mentions if m.type == 'person'] == expected


def test_soft_hyphens_are_no_part_of_a_name(extractor):
    text = 'Вчера Тамерлан\xad ушёл. Встреча с Пу\xadтиным прошла.'
    assert [(m.text, m.normal) for m in extractor(text).mentions if m.type == 'person'] == [
        ('Тамерлан', 'Тамерлан'), ('Пу\xadтиным', 'Путин')]


def test_a_name_takes_the_gender_of_its_fuller_form(extractor):
    # `Андрияна Николаева` is she, or his genitive; his patronymic elsewhere says which
    text = 'Памятник Андрияну Григорьевичу Николаеву открыли. Полёт Андрияна Николаева длился долго.'
    persons = [m for m in extractor(text).mentions if m.type == 'person']
    assert [m.normal for m in persons] == ['Андриян Григорьевич Николаев', 'Андриян Николаев']
    assert {m.entity for m in persons} == {'Андриян Григорьевич Николаев'}


def echoes_of(extractor, text: str, span: Span):
    """The echoes of the one PER span given (the tagger's own spans set aside)."""
    doc = extractor.piece(text)
    doc.spans = [span]
    doc.persons = find_persons(doc)
    return echo_persons(doc)


def test_a_recurring_surname_is_found_where_the_tagger_missed_it(extractor):
    text = ('Музыкант Кит Флинт умер в понедельник. Тело Флинта нашли дома. Мороз ударил ночью. '
            'Семья Флинтов просит тишины. «Флинт навсегда» — так назван концерт.')
    echoes = echoes_of(extractor, text, Span('PER', text.index('Кит'), text.index(' умер')))
    # the inflected surname is found; the family (plural) and the quoted title are not
    assert [(m.text, m.normal, m.source) for m in echoes] == [('Флинта', 'Флинт', 'echo')]


def test_a_sentence_opening_ordinary_word_is_no_echo(extractor):
    text = 'Александр Мороз выступил. Мороз ударил ночью. Позже Мороза поддержали.'
    echoes = echoes_of(extractor, text, Span('PER', 0, 15))
    assert [m.text for m in echoes] == ['Мороза']
    merged = extractor(text).mentions
    assert [m.entity for m in merged if m.type == 'person' and m.text == 'Мороза'] == ['Александр Мороз']


def test_an_echo_may_read_as_a_plural_noun_where_it_is_the_surname_itself(extractor):
    # `Челах` reads as a plural of `чело`, but it is the surname as the full name writes it
    text = 'Владислав Челах служил на заставе. «Я не виноват», — заявил Челах.'
    echoes = echoes_of(extractor, text, Span('PER', 0, 15))
    assert [(m.text, m.normal) for m in echoes] == [('Челах', 'Челах')]
