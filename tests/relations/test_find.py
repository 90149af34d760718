"""pipeline.relations.find: arms transfers found in made-up sentences, row by row."""
from __future__ import annotations

import pytest

CASES = [
    ('Россия поставила Сирии зенитные ракетные комплексы С-300.', {('RU', 'SY', 'С-300', 'delivered', None)}),
    ('Индия получила от России пять дивизионов С-400.', {('RU', 'IN', 'С-400', 'delivered', None)}),
    ('Турция закупила у России комплексы С-400.', {('RU', 'TR', 'С-400', 'ordered', None)}),
    ('Минобороны Египта подписало контракт на поставку 24 истребителей Су-35 из России.',
     {('RU', 'EG', 'Су-35', 'ordered', 24)}),
    ('Президент Украины Владимир Зеленский попросил США поставить зенитные ракетные комплексы Patriot.',
     {('US', 'UA', 'Patriot', 'requested', None)}),
    ('Германия отказалась поставлять Украине танки Leopard 2.', {('DE', 'UA', 'Leopard 2', 'refused', None)}),
    ('Германия может передать Украине танки Leopard 2.', {('DE', 'UA', 'Leopard 2', 'possible', None)}),
    ('Армия Индии имеет на вооружении истребители Су-30МКИ.', {('RU', 'IN', 'Су-30МКИ', 'in_service', None)}),
    ('ВКС России получат в этом году 20 истребителей Су-57.', {('RU', 'RU', 'Су-57', 'ordered', 20)}),
    ('На вооружении армии Польши находятся немецкие танки Leopard 2.',
     {('DE', 'PL', 'Leopard 2', 'in_service', None)}),
    ('Китай планирует закупить у России истребители Су-35.', {('RU', 'CN', 'Су-35', 'possible', None)}),
    ('Вьетнам ведет переговоры с США о закупке истребителей F-16.', {('US', 'VN', 'F-16', 'possible', None)}),
    ('США передали Украине ракетные системы HIMARS, сообщил Пентагон.', {('US', 'UA', 'HIMARS', 'delivered', None)}),
    ('Франция продала Индии 36 истребителей Rafale.', {('FR', 'IN', 'Rafale', 'ordered', 36)}),
    # a person stands for the state the text makes them head of
    ('Президент Белоруссии Александр Лукашенко попросил президента России Владимира Путина продать ему '
     'комплексы «Искандер». Лукашенко ждет ответа.', {('RU', 'BY', 'Искандер-М', 'requested', None)}),
    # a request names categories; a list makes a row each
    ('Венесуэла обратилась к России с просьбой о поставках ракет и радаров.',
     {('RU', 'VE', 'ракета', 'requested', None), ('RU', 'VE', 'радар', 'requested', None)}),
    # the category joined to a named system of its kind makes no row of its own
    ('Украина попросила у США С-300 и другие системы ПВО.', {('US', 'UA', 'С-300', 'requested', None)}),
    # a Soviet system held, no transfer in the text
    ('На вооружении армии Вьетнама стоят танки Т-54.', {('SU', 'VN', 'Т-54', 'in_service', None)}),
    # `такие ракеты`, `таких машин`: the system named just before
    ('Ракета Storm Shadow летит на 250 км. Великобритания передала Украине такие ракеты.',
     {('GB', 'UA', 'Storm Shadow', 'delivered', None)}),
    ('Китай закупал истребители Су-35. В 2019 году завершена поставка Китаю 24 таких машин.',
     {('RU', 'CN', 'Су-35', 'delivered', 24)}),
    # a pronoun opening a sentence: the state named first in the one before
    ('Пентагон объявил о новом пакете помощи Украине и США. Он направит Киеву 59 машин Bradley.',
     {('US', 'UA', 'Bradley', 'ordered', 59)}),
    # a gerund's subject; a list opened by `включая`
    ('Вьетнам остается одним из ключевых рынков для российского оружия, полностью оснащая боевую авиацию российскими '
     'самолетами, включая Су-30 и Як-130.',
     {('RU', 'VN', 'Су-30', 'in_service', None), ('RU', 'VN', 'Як-130', 'in_service', None)}),
    # number words, multipliers, approximations
    ('Северная Корея передала России 1 млн артиллерийских снарядов.',
     {('KP', 'RU', 'артиллерийский снаряд', 'delivered', 1_000_000)}),
    ('Южная Корея поставит Польше тысячу танков K2.', {('KR', 'PL', 'K2', 'ordered', 1000)}),
    ('Польша закупит у США около 30 вертолетов AH-64.', {('US', 'PL', 'AH-64', 'ordered', None)}),
    # no transfer: a test, combat use, the weather
    ('Россия провела испытание ракеты «Циркон».', set()),
    ('Погода в Москве сегодня хорошая, а в Париже прошел дождь.', set()),
    ('Танк Т-90 проехал по Красной площади.', set()),
    ('Украина не получила танки Leopard 2 от Германии.', set()),
]


def _rows(extractor, text):
    return {(t.supplier, t.recipient, t.weapon or t.category, t.status, t.quantity)
            for t in extractor(text, 'd').transfers}


@pytest.mark.parametrize('text, expected', CASES)
def test_rows(extractor, text, expected):
    assert _rows(extractor, text) == expected


def test_evidence_and_mention_offsets(extractor):
    text = 'Заголовок без точки\nИндия закупила у Франции 36 истребителей Rafale. Сделка закрыта.'
    result = extractor(text, 'd')
    [row] = result.transfers
    assert row.doc_id == 'd' and text[row.start:row.end] == 'Индия закупила у Франции 36 истребителей Rafale.'
    assert text[row.mention_start:row.mention_end] == 'Rafale' and row.trigger == 'закупила'
    weapon = next(m for m in result.mentions if m.type == 'weapon')
    assert (weapon.start, weapon.end, weapon.sentence) == (row.mention_start, row.mention_end, row.sentence)


def test_a_side_is_a_country_of_the_document(extractor):
    """Never invents: a person with no state named, an institution whose country the text does not
    name, give no side."""
    assert _rows(extractor, 'Пентагон передал Украине ракетные системы HIMARS.') == {
        ('US', 'UA', 'HIMARS', 'delivered', None)}  # the system's origin: US is not from the Pentagon
    assert _rows(extractor, 'Иван Петров купил истребитель Су-27.') == set()
