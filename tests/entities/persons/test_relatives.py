"""pipeline.entities.persons.relatives: a first name after a kinship noun takes the relative's surname."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize('text, first, entity', [
    ('Бывший президент США Барак Обама с женой Мишель приобрели жильё.', 'Мишель', 'Мишель Обама'),
    ('Бывший сотрудник ГРУ Сергей Скрипаль и его дочь Юлия были отравлены.', 'Юлия', 'Юлия Скрипаль'),
    ('Вчера Иван Петров и его жена Анна пришли на выборы.', 'Анна', 'Анна Петрова'),  # her form of the surname
    ('В 2004 году Виталий Кличко и его брат Владимир выступали вместе.', 'Владимир', 'Владимир Кличко'),
    # children mostly bear the father's surname, not the mother's named before them
    ('От брака с юристом Мариной Уилер у него две дочери Лара и сын.', 'Лара', 'Лара'),
    # no kinship noun: the first name stays alone
    ('Барак Обама и Мишель приобрели жильё.', 'Мишель', 'Мишель'),
])
def test_a_first_name_after_a_kinship_noun_takes_the_relatives_surname(extractor, text, first, entity):
    found = [(m.normal, m.entity) for m in extractor(text).mentions if m.type == 'person']
    assert (first, entity) in found


@pytest.mark.parametrize('surname, gender, form', [
    ('Алиев', 'femn', 'Алиева'), ('Зеленский', 'femn', 'Зеленская'), ('Иванова', 'masc', 'Иванов'),
    ('Обама', 'femn', 'Обама'), ('Трамп', 'femn', 'Трамп'), ('Путин', 'masc', 'Путин'),
])
def test_surname_in_gender(surname, gender, form):
    from pipeline.entities.persons.relatives import surname_in_gender

    assert surname_in_gender(surname, gender) == form
