"""pipeline.entities.countries: names, abbreviations, adjectives, the capital rule."""
from __future__ import annotations

import pytest


def countries(extractor, text):
    return [(m.text, m.code) for m in extractor(text).mentions if m.type == 'country']


def country_rows(extractor, text):
    return [(m.start, m.end, m.text, m.normal, m.entity, m.code, m.kind, m.source)
            for m in extractor(text).mentions if m.type == 'country']


def test_compound_adjective_gives_two_mentions_with_offsets(extractor):
    text = 'Переговоры российско-американских экспертов прошли успешно.'
    assert country_rows(extractor, text) == [
        (11, 20, 'российско', 'российско', 'Россия', 'RU', 'adjective', 'gazetteer'),
        (21, 33, 'американских', 'американский', 'США', 'US', 'adjective', 'gazetteer'),
    ]


def test_code_kind_and_entity_columns(extractor):
    text = 'Санкции против РФ поддержали США, Россия ответила, а Москва и Каракас договорились.'
    assert [(m[2], m[4], m[5], m[6]) for m in country_rows(extractor, text)] == [
        ('РФ', 'Россия', 'RU', 'abbreviation'),
        ('США', 'США', 'US', 'abbreviation'),
        ('Россия', 'Россия', 'RU', 'name'),
        ('Москва', 'Россия', 'RU', 'capital'),
        ('Каракас', 'Венесуэла', 'VE', 'capital'),
    ]


@pytest.mark.parametrize('text, expected', [
    ('Китайские и иранские дипломаты прибыли.', [('Китайские', 'CN'), ('иранские', 'IR')]),
    ('Начались российско-китайские учения.', [('российско', 'RU'), ('китайские', 'CN')]),
    ('Санкции против РФ поддержали США, КНДР осудила их, ОАЭ промолчали.',
     [('РФ', 'RU'), ('США', 'US'), ('КНДР', 'KP'), ('ОАЭ', 'AE')]),
    ('Послы Соединенных Штатов Америки и Российской Федерации встретились в Южной Корее.',
     [('Соединенных Штатов Америки', 'US'), ('Российской Федерации', 'RU'), ('Южной Корее', 'KR')]),
    ('Он работал в Латинской Америке.', []),
    ('Учения прошли в Карибском море.', []),
    ('Он переехал в Санкт-Петербург.', []),
])
def test_names_abbreviations_adjectives(extractor, text, expected):
    assert countries(extractor, text) == expected


@pytest.mark.parametrize('text, expected', [
    ('Москва и Каракас договорились о поставках.', [('Москва', 'RU'), ('Каракас', 'VE')]),
    ('Он назвал важным контакт с Москвой.', [('Москвой', 'RU')]),
    ('Россия готова поставить Каракасу оружие.', [('Россия', 'RU'), ('Каракасу', 'VE')]),
    ('Вчера в Москве прошла конференция.', []),
    ('В Москве считают, что санкции незаконны.', [('Москве', 'RU')]),
    ('Его принял мэр Москвы.', []),
    ('Открыт авиарейс Каракас — Санкт-Петербург.', []),
    ('КАРАКАС, 6 ноября. Власти страны сообщили о задержаниях.', []),
    # a stance as predicate, a source of data, obligations towards it
    ('Аш-Шараа заявил, что Дамаск намерен соблюдать договор.', [('Дамаск', 'SY')]),
    ('В Москве готовы к переговорам.', [('Москве', 'RU')]),
    ('По данным Киева, удары продолжались.', [('Киева', 'UA')]),
    ('Он выполнит обязательства перед Москвой.', [('Москвой', 'RU')]),
    ('Москва красива весной.', []),
])
def test_capital_rule(extractor, text, expected):
    assert countries(extractor, text) == expected


@pytest.mark.parametrize('text, expected', [
    ('Интервью дал французский журналист.', []),
    ('Об этом заявил венесуэльский лидер.', [('венесуэльский', 'VE')]),
    ('Об этом заявил российский президент.', [('российский', 'RU')]),
    ('Умер британский рок-музыкант.', []),                    # a compound person noun
    ('Скончался советский и российский актёр.', []),          # past coordinated adjectives
    ('Слово взял российский военный эксперт.', [('российский', 'RU')]),  # `военный`: the state's
    ('Внук последнего австрийского императора.', [('австрийского', 'AT')]),  # a monarch is a state role
    ('Он владеет английским и испанским языками.', []),       # languages
    ('Он говорит на пяти языках — итальянском, французском и немецком.', []),
    ('Кандидат должен владеть английским, французским.', []),  # an adjective for its noun: a language
    ('Сборная Англии обыграла Шотландию.', [('Англии', 'GB'), ('Шотландию', 'GB')]),  # the UK's countries
    ('Спецслужбы поделились с американским и британским правительствами.', [('американским', 'US'),
                                                                           ('британским', 'GB')]),
])
def test_nationality_of_one_person_is_no_country(extractor, text, expected):
    assert countries(extractor, text) == expected


@pytest.mark.parametrize('text, expected', [
    # seas, gulfs and oceans named from a country adjective are places
    ('Корабли вошли в акваторию Филиппинского моря.', []),
    ('Ракета упала в Японское море.', []),
    ('Флот ходил по Атлантическому и Индийскому океанам.', []),
    ('Трамп переименовал Мексиканский залив в Американский в январе.', []),
    ('Японские корабли вошли в Южно-Китайское море.', [('Японские', 'JP')]),
    ('Патриархом Болгарским стал митрополит.', [('Болгарским', 'BG')]),  # a title, not a sea
    # a ship's name holds no country
    ('В поход вышел фрегат «Адмирал флота Советского Союза Горшков».', []),
    ('Ледокол «Россия» вышел из порта.', []),
    # an NER place that runs over a bracket is the country up to it
    ('Информацию подтвердило командование США (CENTCOM).', [('США', 'US')]),
])
def test_geographic_and_ship_names(extractor, text, expected):
    assert countries(extractor, text) == expected


@pytest.mark.parametrize('text, expected', [
    ('Об этом сообщает USA Today.', [('USA', 'US')]),
    ('Фото: U.S. Navy.', [('U.S.', 'US')]),
    ('На сайте Ukraine Defence появилась заметка.', [('Ukraine', 'UA')]),
    ('Газета The Times of Israel пишет об этом.', [('Israel', 'IL')]),
    ('Турция, или Turkey, как её называли.', [('Турция', 'TR'), ('Turkey', 'TR')]),
    ('Интервью дал Michael Jordan.', []),  # a person's name
    ('Он уважает дух Турецкой Республики.', [('Турецкой Республики', 'TR')]),
])
def test_latin_and_official_names(extractor, text, expected):
    assert countries(extractor, text) == expected


@pytest.mark.parametrize('text, expected', [
    ('Россия направила специалистов в Республику Конго. Конго получит технику.',
     [('RU', 'Россия'), ('CG', 'Республика Конго'), ('CG', 'Республика Конго')]),
    ('Бои идут в ДР Конго. Армия Конго отступает, конголезские власти молчат.', [('CD', 'ДР Конго')] * 3),
    ('Конго получит технику.', [('CG', 'Республика Конго')]),  # nothing else named: the first of its countries
    ('КНДР провела пуск. Корейские военные заявили об успехе.', [('KP', 'КНДР')] * 2),
    ('Сеул заявил протест. Корея ответит.', [('KR', 'Южная Корея')] * 2),
    ('Ракета упала у Корейского полуострова.', []),  # a geographic name
])
def test_ambiguous_names_resolved_by_the_text(extractor, text, expected):
    assert [(m.code, m.entity) for m in extractor(text).mentions if m.type == 'country'] == expected


@pytest.mark.parametrize('text, expected', [
    ('Это наше любимое чадо.', []),  # `чадо` is a word, not the compound stem of `чадский`
    ('Начались чадо-ливийские переговоры.', [('чадо', 'TD'), ('ливийские', 'LY')]),
    ('Это англо-французская ракета и франко-германская дружба.',
     [('англо', 'GB'), ('французская', 'FR'), ('франко', 'FR'), ('германская', 'DE')]),
    ('Англоязычные СМИ и фирма Франко.', []),
    ('Регистрация сайтов в зоне .РФ началась.', []),  # a domain zone
    ('Санкции против РФ продлены.', [('РФ', 'RU')]),
])
def test_no_country_from_part_of_a_word(extractor, text, expected):
    assert countries(extractor, text) == expected
