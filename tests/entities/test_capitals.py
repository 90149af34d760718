"""pipeline.entities.capitals: a capital is a country where it stands for its government, in any case."""
from __future__ import annotations

import pytest


def countries(extractor, text):
    return [(m.text, m.code) for m in extractor(text).mentions if m.type == 'country']


@pytest.mark.parametrize('text, expected', [
    ('Также в Берлине отметили, что поставки продолжатся.', [('Берлине', 'DE')]),
    ('Действия КНДР осудили в Вашингтоне.', [('КНДР', 'KP'), ('Вашингтоне', 'US')]),
    ('Появились свидетельства применения Киевом новых ракет.', [('Киевом', 'UA')]),
    ('Это не выходит за рамки допустимого Москвой.', [('Москвой', 'RU')]),
    ('Растёт напряженность между Тегераном и Вашингтоном.', [('Тегераном', 'IR'), ('Вашингтоном', 'US')]),
    ('Санкции ограничат возможности Москвы.', [('Москвы', 'RU')]),
    ('Он подчеркнул, что Москва и Вашингтон привержены урегулированию.', [('Москва', 'RU'), ('Вашингтон', 'US')]),
    ('Лондон получил заверения от Киева.', [('Лондон', 'GB'), ('Киева', 'UA')]),
    ('Дамаск является врагом для Анкары.', [('Дамаск', 'SY'), ('Анкары', 'TR')]),
    ('Поезд для Анкары ушёл.', []),
    # the city as a place
    ('Взрыв прогремел в 100 км от Киева.', []),
    ('Самолёты базируются в провинции Анкара.', []),
    ('Ночью армия атаковала Киев ракетами.', []),
    ('Президент посетил Пекин в мае.', []),
    ('В июле Пхеньян посетил министр обороны.', []),
    ('Москва атаковала позиции.', [('Москва', 'RU')]),
    ('Поезд ходит между Москвой и Минском.', []),
])
def test_capital_as_government_in_any_case(extractor, text, expected):
    assert countries(extractor, text) == expected


@pytest.mark.parametrize('text, expected', [
    ('Брюссель против уступок Москве.', [('Москве', 'RU')]),  # Brussels acting is the EU, not Belgium
    ('Бельгия и Москва договорились.', [('Бельгия', 'BE'), ('Москва', 'RU')]),
])
def test_brussels_is_no_government_of_belgium(extractor, text, expected):
    assert countries(extractor, text) == expected
