"""pipeline.entities.weapons: gazetteer names, class nouns, designations, what is no weapon."""
from __future__ import annotations

import pytest


def weapons(extractor, text):
    return [(m.text, m.entity) for m in extractor(text).mentions if m.type == 'weapon']


@pytest.mark.parametrize('text, expected', [
    ('Россия применила ракетный комплекс «Орешник».', [('Орешник', 'Орешник')]),
    ('Корабли выпустили крылатые ракеты «Калибр».', [('Калибр', 'Калибр')]),
    ('Флот ударил «Калибрами» по целям.', [('Калибрами', 'Калибр')]),
    ('Армия получила бригадный комплект «Искандеров-М».', [('Искандеров-М', 'Искандер-М')]),
    ('Пуск «Орешника» зафиксирован.', [('Орешника', 'Орешник')]),
    ('Боевики применили ПЗРК Игла-С и Иглы-С.', [('Игла-С', 'Игла-С'), ('Иглы-С', 'Игла-С')]),
    ('Индия закупила истребители Су-30МК2 и Су-35.', [('Су-30МК2', 'Су-30МК2'), ('Су-35', 'Су-35')]),
    ('В небе заметили Су 57.', [('Су 57', 'Су-57')]),
])
def test_weapons_found(extractor, text, expected):
    assert weapons(extractor, text) == expected


@pytest.mark.parametrize('text, expected', [
    # a variant's letters typed apart from the designation
    ('В полк прибыли два Су-35 С.', [('Су-35 С', 'Су-35С')]),
    ('Алжир заказал МиГ-29 СМТ.', [('МиГ-29 СМТ', 'МиГ-29СМТ')]),
    ('Полк освоил Су-30 СМ.', [('Су-30 СМ', 'Су-30СМ')]),
    # letters of the other script: a Latin T in a Soviet tank, a Cyrillic К in a Korean howitzer
    ('Колонна T-72 вошла в город.', [('T-72', 'Т-72')]),
    ('Польша закупила гаубицы К9.', [('К9', 'K9')]),
    ('Сирия получила Т-90МС, а Ирак — T-90МС.', [('Т-90МС', 'Т-90МС'), ('T-90МС', 'Т-90МС')]),
    ('Индия получила Су-30MKI.', [('Су-30MKI', 'Су-30MKI')]),  # `I` has no Cyrillic twin: kept as typed
    # a number after the designation is not part of it
    ('Румыния получила F-16 12 марта.', [('F-16', 'F-16')]),
    ('Польша заказала F-16 Block 70.', [('F-16 Block 70', 'F-16')]),
    # a designation with its quoted name is one mention
    ('Бригада получила 9К720 «Искандер».', [('9К720 «Искандер»', 'Искандер-М')]),
    # the maker before the designation is outside it
    ('Израиль применил истребитель Lockheed Martin F-35 Lightning II.', [('F-35 Lightning II', 'F-35')]),
])
def test_designations_as_typed(extractor, text, expected):
    assert weapons(extractor, text) == expected


@pytest.mark.parametrize('text, expected', [
    ('Позиции накрыли «Смерчем», потом «Градами».', [('Смерчем', 'Смерч'), ('Градами', 'Град')]),
    ('Армия применила «Тюльпан». Других «тюльпанов» у неё нет.', [('Тюльпан', 'Тюльпан'), ('тюльпанов', 'Тюльпан')]),
    ('Танки Leopard 2 прибыли; «Леопарды» пошли в бой.', [('Leopard 2', 'Leopard 2'), ('Леопарды', 'Leopard 2')]),
])
def test_inflected_and_plural_quoted_names(extractor, text, expected):
    assert weapons(extractor, text) == expected


@pytest.mark.parametrize('text, expected', [
    ('Ракеты ГосМКБ «Радуга» получили новую головку.', []),
    ('Контракт на МиГ-29СМТ подписала РСК «МиГ», сообщил директор «МиГа».', [('МиГ-29СМТ', 'МиГ-29СМТ')]),
    ('Ракеты «Калибр» показал телеканал «Звезда».', [('Калибр', 'Калибр')]),
    ('С космодрома запустили ракету-носитель «Союз-2.1б», а затем ракету «Союз».', []),
    ('Двигатель ракеты сделало АО «РКЦ «Прогресс».', []),
    ('Над полем пролетели самолёты пилотажной группы «Стрижи».', []),
    ('Танков Т-90 «Рособоронэкспорт» поставил 1300.', [('Т-90', 'Т-90')]),
    ('Иранские беспилотники сбиты, пишут «Известия».', []),
    ('Дроны сбиты, — написано в посте CENTCOM.', []),
    ('По данным производителя ракеты MBDA Missile Systems, пуск удался.', []),
    ('Рядом с ракетами стоит памятник «Тополю-М».', []),
    ('Ракетный завод выпускает и удобрение «Азофоска».', []),
])
def test_names_that_are_no_weapons(extractor, text, expected):
    assert weapons(extractor, text) == expected


def test_gazetteer_columns(extractor):
    [m] = [m for m in extractor('Корабли выпустили крылатые ракеты «Калибр».').mentions if m.type == 'weapon']
    assert (m.start, m.end, m.normal, m.entity, m.kind, m.source) == (35, 41, 'Калибр', 'Калибр', 'gazetteer',
                                                                      'gazetteer')
    assert m.weapon_class == 'крылатая ракета'  # the gazetteer's class, not the class noun's
    assert m.origin == 'RU'


def test_hyphenated_name_keeps_its_hyphen(extractor):
    [m] = [m for m in extractor('Боевики применили ПЗРК Иглы-С.').mentions if m.type == 'weapon']
    assert (m.text, m.normal, m.entity) == ('Иглы-С', 'Игла-С', 'Игла-С')


def test_quoted_name_after_designation_joins_it(extractor):
    text = 'Дивизион получил С-400 «Триумф». Позже прибыли новые «Триумфы».'
    assert weapons(extractor, text) == [('С-400 «Триумф»', 'С-400'), ('Триумфы', 'С-400')]


def test_quoted_name_after_designation_joins_it_not_in_gazetteer(extractor):
    text = 'В войска поступили танки Т-90М «Прорыв». Экипаж «Прорыва» отличился.'
    assert weapons(extractor, text) == [('Т-90М «Прорыв»', 'Т-90М'), ('Прорыва', 'Т-90М')]


def test_latin_variant_after_class_noun(extractor):
    assert weapons(extractor, 'Киеву передали танки Leopard 2A6.') == [('Leopard 2A6', 'Leopard 2A6')]
    assert weapons(extractor, 'Немецкие танки Leopard 2A6 горели, а «Леопарды» отступили.') == [
        ('Leopard 2A6', 'Leopard 2A6'), ('Леопарды', 'Leopard 2A6')]


@pytest.mark.parametrize('text', [
    'Вакцина от COVID-19 поступила в продажу.',
    'Грузовик ГАЗ-3307 перевернулся.',
    'Самолет Ту-154 совершил посадку.',
    'Пассажирский Boeing 737 совершил посадку.',
    'Госкорпорация «Ростех» сообщила о поставках.',
    'Концерн «Алмаз-Антей» сообщил о поставках.',
    'Начались учения «Запад-2025».',
    'Затонул крейсер «Москва».',
    'Гаубица имеет калибр 152 мм.',
    'Растет тополь во дворе.',
    'МОСКВА, 1 авг — РИА Новости.',  # a dateline, not the system `Москва 1`
    'Его арестовали в салоне самолета Air France.',  # an airline
    'Понтифик отправился на вертолете в загородную резиденцию «Кастель Гандольфо».',
    'В подготовке участвуют специалисты ракетно-космического комплекса «Энергия».',
    'Авиакатастрофа «Як-18Т» в Катунино.',
])
def test_no_weapon(extractor, text):
    assert weapons(extractor, text) == []


def test_no_weapon_airliner_after_class_noun(extractor):
    assert weapons(extractor, 'Самолет Boeing 737 совершил посадку.') == []
