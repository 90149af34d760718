"""pipeline.inputs.header: the ` date …` line and the title after it."""
from __future__ import annotations

import pytest

from pipeline.inputs.header import parse_header


@pytest.mark.parametrize('newline', ['\n', '\r\n', '\r'])
def test_header_with_any_newline(newline):
    text = newline.join([' date 2025-11-04 Ричмонд', 'Заголовок статьи', '', 'Текст.'])
    meta, skip = parse_header(text)
    assert meta == {'date': '2025-11-04', 'place': 'Ричмонд', 'title': 'Заголовок статьи'}
    assert skip == ((0, len(' date 2025-11-04 Ричмонд' + newline)),)


def test_header_title_of_a_huge_line_is_cut():
    meta, _ = parse_header(' date 2025-11-04 X\n' + 'а' * 100_000)
    assert len(meta['title']) <= 300


@pytest.mark.parametrize('rest, place', [
    ('Ричмонд', 'Ричмонд'),
    ('МОСКВА', 'МОСКВА'),
    ('Нижний Новгород', 'Нижний Новгород'),
    ('Ростов-на-Дону', 'Ростов-на-Дону'),
    ('Рио де Жанейро', 'Рио де Жанейро'),
    ('Египет заявил о закупке истребителей Су-35', ''),
    ('Форма поиска по сайту', ''),
    ('20 октября флот провёл учения', ''),
    ('Москва. 14 января', ''),
    ('США, Япония и Филиппины провели учения', ''),
    ('Иран и Россия', ''),  # a headline: `и` is no link of a place name
])
def test_rest_of_date_line_is_a_place_or_text(rest, place):
    text = f' date 2025-10-20 {rest}\nЗаголовок\n\nТекст.'
    meta, skip = parse_header(text)
    assert meta['place'] == place and meta['title'] == 'Заголовок'
    skipped = text[skip[0][0]:skip[0][1]]
    assert skipped == (f' date 2025-10-20 {rest}\n' if place else ' date 2025-10-20')


def test_text_on_the_date_line_is_searched(extractor):
    text = ' date 2025-10-20 Египет заявил о закупке истребителей Су-35\nЗаголовок\n\nТекст.'
    meta, skip = parse_header(text)
    found = {(m.type, m.entity) for m in extractor(text, skip=skip).mentions}
    assert found == {('country', 'Египет'), ('weapon', 'Су-35')}
