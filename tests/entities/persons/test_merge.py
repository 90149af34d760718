"""pipeline.entities.persons.merge: short forms of a name join the fullest name of the document."""
from __future__ import annotations

import pytest

from pipeline.doc import Doc, Mention
from pipeline.entities.persons.merge import full_first_names, merge_persons


def persons(extractor, text):
    return [(m.text, m.normal, m.entity, m.kind) for m in extractor(text).mentions if m.type == 'person']


def test_merge_surname_into_full_name(extractor):
    text = 'Николас Мадуро заявил о победе. Позже Мадуро добавил, что выборы были честными.'
    assert persons(extractor, text) == [
        ('Николас Мадуро', 'Николас Мадуро', 'Николас Мадуро', 'full'),
        ('Мадуро', 'Мадуро', 'Николас Мадуро', 'surname'),
    ]


def test_merge_surname_and_initials_into_full_name(extractor):
    text = ('Николас Мадуро заявил о победе. Позже Мадуро добавил, что выборы были честными. '
            'Н. Мадуро также поблагодарил избирателей.')
    found = persons(extractor, text)
    assert [m[0] for m in found] == ['Николас Мадуро', 'Мадуро', 'Н. Мадуро']
    assert {m[2] for m in found} == {'Николас Мадуро'}


def test_first_name_joins_the_only_full_name(extractor):
    text = 'Мишель Обама приехала в Берлин. Мишель выступила с речью.'
    assert persons(extractor, text) == [
        ('Мишель Обама', 'Мишель Обама', 'Мишель Обама', 'full'),
        ('Мишель', 'Мишель', 'Мишель Обама', 'first'),
    ]


def person(start, normal, kind=''):
    return Mention(type='person', start=start, end=start + len(normal), text=normal, normal=normal,
                   entity=normal, kind=kind)


def test_merge_persons_unit():
    mentions = [person(0, 'Николас Мадуро'), person(40, 'Мадуро'), person(80, 'Н. Мадуро'),
                person(120, 'Владимир Путин'), person(160, 'Владимир Владимирович Путин'), person(200, 'Путин'),
                person(230, 'Фолькер Буфье'), person(250, 'Volker Bouffier', kind='alias')]
    merge_persons(Doc('', mentions=mentions))
    assert [(m.normal, m.entity, m.kind) for m in mentions] == [
        ('Николас Мадуро', 'Николас Мадуро', 'full'),
        ('Мадуро', 'Николас Мадуро', 'surname'),
        ('Н. Мадуро', 'Николас Мадуро', 'initials'),
        ('Владимир Путин', 'Владимир Владимирович Путин', 'full'),
        ('Владимир Владимирович Путин', 'Владимир Владимирович Путин', 'full'),
        ('Путин', 'Владимир Владимирович Путин', 'surname'),
        ('Фолькер Буфье', 'Фолькер Буфье', 'full'),
        ('Volker Bouffier', 'Фолькер Буфье', 'alias'),  # an alias is the same person as the name before it
    ]


def test_a_surname_joins_a_name_given_before_it_over_a_longer_one_given_after():
    mentions = [person(0, 'Сумаила Сиссе'), person(40, 'Сиссе'), person(80, 'Айссата Хайдара Сиссе')]
    merge_persons(Doc('', mentions=mentions))
    assert [m.entity for m in mentions] == ['Сумаила Сиссе', 'Сумаила Сиссе', 'Айссата Хайдара Сиссе']


def test_a_surname_follows_its_full_name_into_a_longer_one():
    mentions = [person(0, 'Джанет Рено'), person(40, 'Рено'), person(80, 'Джанет Вуд Рено')]
    merge_persons(Doc('', mentions=mentions))
    assert [m.entity for m in mentions] == ['Джанет Вуд Рено'] * 3


def test_merge_persons_initials_must_agree():
    mentions = [person(0, 'Николас Мадуро'), person(40, 'А. Мадуро')]
    merge_persons(Doc('', mentions=mentions))
    assert [m.entity for m in mentions] == ['Николас Мадуро', 'А. Мадуро']


def test_first_name_shared_by_two_surnames_stays_alone():
    mentions = [person(0, 'Мишель Обама'), person(40, 'Мишель Бачелет'), person(80, 'Мишель')]
    merge_persons(Doc('', mentions=mentions))
    assert [m.entity for m in mentions] == ['Мишель Обама', 'Мишель Бачелет', 'Мишель']


def test_short_first_name_joins_the_full_name_of_its_full_form():
    mentions = [person(0, 'Елизавета Глинка'), person(40, 'Лиза'), person(80, 'Владислав Челах'), person(120, 'Влад'),
                person(160, 'Саша')]
    merge_persons(Doc('', mentions=mentions))
    assert [(m.entity, m.kind) for m in mentions] == [
        ('Елизавета Глинка', 'full'), ('Елизавета Глинка', 'first'), ('Владислав Челах', 'full'),
        ('Владислав Челах', 'first'), ('Саша', 'surname')]


def test_first_name_and_patronymic_in_a_variant_spelling():
    mentions = [person(0, 'Наталия Солженицына'), person(40, 'Наталья Дмитриевна')]
    merge_persons(Doc('', mentions=mentions))
    assert [m.entity for m in mentions] == ['Наталия Солженицына', 'Наталия Солженицына']


def test_first_name_forms_data():
    forms = full_first_names()
    assert forms['лиза'] == {'елизавета'}
    assert forms['саша'] == {'александр', 'александра'}
    assert forms['наталья'] == {'наталия'} and forms['наталия'] == {'наталья'}  # variant spellings
    assert all(short != full for short, fulls in forms.items() for full in fulls)


def test_merge_across_spellings_and_hyphenated_initials():
    mentions = [person(0, 'Дэвид Петрэус'), person(40, 'Петреус'), person(80, 'Жан-Клод Трише'),
                person(120, 'Ж.-К. Трише')]
    merge_persons(Doc('', mentions=mentions))
    assert [m.entity for m in mentions] == ['Дэвид Петрэус', 'Дэвид Петрэус', 'Жан-Клод Трише', 'Жан-Клод Трише']


def test_first_name_with_his_patronymic_joins_a_full_name_of_an_earlier_sentence(extractor):
    text = ('Виктор Янукович прибыл в Москву. Позже Виктор Фёдорович выступил перед журналистами. '
            'Михаил Хасая и Михаил Агранович промолчали.')
    found = {(m.text, m.entity) for m in extractor(text).mentions if m.type == 'person'}
    assert ('Виктор Фёдорович', 'Виктор Янукович') in found
    assert ('Михаил Агранович', 'Михаил Агранович') in found  # in one sentence with the other Михаил: two people


def test_first_name_with_his_patronymic_does_not_join_a_full_name_with_another():
    mentions = [person(0, 'Виктор Викторович Янукович'), person(40, 'Виктор Фёдорович')]
    merge_persons(Doc('Виктор Викторович Янукович приехал. Виктор Фёдорович', mentions=mentions))
    assert [m.entity for m in mentions] == ['Виктор Викторович Янукович', 'Виктор Фёдорович']


def test_first_name_with_womans_patronymic_joins_the_full_name():
    mentions = [person(0, 'Елизавета Глинка'), person(40, 'Елизавета Петровна'), person(80, 'Михаил Хасая'),
                person(120, 'Михаил Агранович')]
    merge_persons(Doc('', mentions=mentions))
    # a man's patronymic is also a surname ending: `Михаил Агранович` is somebody else
    assert [(m.entity, m.kind) for m in mentions] == [('Елизавета Глинка', 'full'), ('Елизавета Глинка', 'first'),
                                                      ('Михаил Хасая', 'full'), ('Михаил Агранович', 'full')]


@pytest.mark.parametrize('text, expected', [
    # a bare surname that could be his genitive takes her gender from the rest of the document
    ('Евгения Медведева сменила тренера. Смена спортивного гражданства Медведевой непроста. '
     'В качестве нового гражданства Медведева рассматривает Армению.',
     [('Евгения Медведева', 'Евгения Медведева'), ('Медведева', 'Евгения Медведева'),
      ('Медведева', 'Евгения Медведева')]),
    # a verb after the name shows the gender (alone, `победу Юлия Зарипова` reads as his genitive)
    ('Свою победу Юлия Зарипова посвятила родителям. Юлия Зарипова завоевала золото.',
     [('Юлия Зарипова', 'Юлия Зарипова'), ('Юлия Зарипова', 'Юлия Зарипова')]),
    # a verb after `у Клинтон` goes with another word
    ('Хиллари Клинтон выступила. У Клинтон был кашель.', [('Хиллари Клинтон', 'Хиллари Клинтон'),
                                                         ('Клинтон', 'Хиллари Клинтон')]),
    # of two full names with the surname, the one of the mention's gender
    ('Игорь Малашенко основал НТВ. Он развёлся с Еленой Малашенко. После этого Малашенко женился.',
     [('Игорь Малашенко', 'Игорь Малашенко'), ('Елена Малашенко', 'Елена Малашенко'),
      ('Малашенко', 'Игорь Малашенко')]),
])
def test_one_gender_per_person(extractor, text, expected):
    assert [(m.normal, m.entity) for m in extractor(text).mentions if m.type == 'person'] == expected


def test_a_surname_one_letter_off_joins_the_only_full_name_it_fits():
    mentions = [person(0, 'Валерий Гергиев'), person(40, 'Георгиев'), person(80, 'Хасан Рухани'),
                person(120, 'Роухани'), person(160, 'Иван Петров'), person(200, 'Пётр Петрин'), person(240, 'Петрив'),
                person(280, 'Фолькер Буфье'), person(320, 'Буффье'), person(360, 'Махмуд Ахмадинеджад'),
                person(400, 'М. Ахмадинежад'), person(440, 'А. Ахмадинежад')]
    merge_persons(Doc('', mentions=mentions))
    # `Петрив` is one letter off two surnames: it stays alone; `Буффье` is compared whole, its stem being
    # short; initials must fit the full name's
    assert [m.entity for m in mentions] == ['Валерий Гергиев', 'Валерий Гергиев', 'Хасан Рухани', 'Хасан Рухани',
                                            'Иван Петров', 'Пётр Петрин', 'Петрив', 'Фолькер Буфье', 'Фолькер Буфье',
                                            'Махмуд Ахмадинеджад', 'Махмуд Ахмадинеджад', 'А. Ахмадинежад']


@pytest.mark.parametrize('a, b, one', [
    ('гергиев', 'георгиев', True), ('рухани', 'роухани', True), ('кернес', 'курнес', True),
    ('гергиев', 'гергиев', False), ('путин', 'тупин', False), ('кернес', 'курнас', False),
    ('ли', 'лу', False),  # too short to tell a typo from another name
])
def test_one_edit(a, b, one):
    from pipeline.entities.persons.merge import _one_edit

    assert _one_edit(a, b) == one


def test_first_name_and_patronymic_or_surname_first_join_the_full_name():
    mentions = [person(0, 'Владислав Юрьевич Сурков'), person(40, 'Сурков Владислав Юрьевич'),
                person(80, 'Владислав Юрьевич'), person(120, 'Айрат Арсланов'), person(160, 'Арсланов Айрат')]
    merge_persons(Doc('', mentions=mentions))
    # two words in either order say nothing of which is the surname: they stay as they are
    assert [m.entity for m in mentions] == ['Владислав Юрьевич Сурков'] * 3 + ['Айрат Арсланов', 'Арсланов Айрат']


def test_initials_with_a_patronymic_join_a_full_name_without_it():
    mentions = [person(0, 'Владимир Путин'), person(40, 'В. В. Путин'), person(80, 'Николас Мадуро'),
                person(120, 'А. В. Мадуро')]
    merge_persons(Doc('', mentions=mentions))
    # the patronymic's initial says nothing; the first name's must fit
    assert [m.entity for m in mentions] == ['Владимир Путин', 'Владимир Путин', 'Николас Мадуро', 'А. В. Мадуро']


def test_a_name_in_official_order_is_the_person_in_the_usual_order():
    from pipeline.entities.persons.merge import usual_order

    mentions = [person(0, 'Грызлов Борис Вячеславович'), person(40, 'Грызлов')]
    merge_persons(Doc('', mentions=mentions))
    assert [m.entity for m in mentions] == ['Борис Вячеславович Грызлов'] * 2
    assert usual_order('Владимир Владимирович Путин') == 'Владимир Владимирович Путин'
    assert usual_order('Круз Дэвид') == 'Круз Дэвид'  # without a patronymic the order says nothing


def test_a_double_surname_joins_the_full_name_it_ends():
    mentions = [person(0, 'Владимир Падрино Лопес'), person(40, 'Падрино Лопес'), person(80, 'Роберт Де Ниро'),
                person(120, 'Де Ниро'), person(160, 'Мишель Обама'), person(200, 'Барак Мишель Обама')]
    merge_persons(Doc('', mentions=mentions))
    # `Мишель Обама` begins with a first name: it is no double surname of the longer name
    assert [m.entity for m in mentions] == ['Владимир Падрино Лопес', 'Владимир Падрино Лопес', 'Роберт Де Ниро',
                                            'Роберт Де Ниро', 'Мишель Обама', 'Барак Мишель Обама']


def test_an_untagged_first_name_before_a_surname_shows_its_person():
    """`Мейв` before `Кеннеди`, where the tagger took only the surname: she is Мейв Кеннеди Таунсенд-Маккин,
    not the Роберт Кеннеди named before her."""
    text = 'Тело Мейв Кеннеди Таунсенд-Маккин, внучки Роберта Кеннеди, нашли. Мейв Кеннеди родилась в Бостоне.'
    spans = [('Мейв Кеннеди Таунсенд-Маккин', 'Мейв Кеннеди Таунсенд-Маккин'), ('Роберта Кеннеди', 'Роберт Кеннеди'),
             ('Кеннеди', 'Кеннеди')]
    mentions, at = [], 0
    for written, normal in spans:
        at = text.index(written, at + 1 if mentions else 0)
        if written == 'Кеннеди':
            at = text.index('Мейв Кеннеди родилась') + 5
        mentions.append(Mention(type='person', start=at, end=at + len(written), text=written, normal=normal,
                                entity=normal))
    merge_persons(Doc(text, mentions=mentions))
    assert [m.entity for m in mentions] == ['Мейв Кеннеди Таунсенд-Маккин', 'Роберт Кеннеди',
                                            'Мейв Кеннеди Таунсенд-Маккин']


def test_a_relatives_surname_before_a_first_name_is_not_that_persons(extractor):
    text = 'Сын Байдена Хантер дал показания. Хантер Байден отрицает вину. Джо Байден промолчал.'
    assert persons(extractor, text)[:2] == [('Байдена', 'Байден', 'Джо Байден', 'surname'),
                                            ('Хантер', 'Хантер', 'Хантер Байден', 'first')]
