"""pipeline.entities.persons.spans: the names in the NER's PER spans, joined names split."""
from __future__ import annotations

import pytest

from pipeline.doc import Span
from pipeline.entities.persons.names import name_words
from pipeline.entities.persons.spans import person_spans, split_joined


def spans_text(text, span):
    return [(text[s:e], alias) for s, e, alias in person_spans(text, [span])]


@pytest.mark.parametrize('text, name', [
    ('Император Акихито отрекся от престола.', 'Акихито'),
    ('Семидесятилетний Караджич заявил о невиновности.', 'Караджич'),  # an age before the name
])
def test_person_spans_strip_titles(text, name):
    end = text.index(name) + len(name)
    assert spans_text(text, Span('PER', 0, end)) == [(name, False)]


def test_person_spans_split_latin_alias():
    text = 'Премьер Фолькера Буфье (Volker Bouffier) поддержал.'
    start = text.index('Фолькера')
    end = text.index(')') + 1
    assert person_spans(text, [Span('PER', start, end)]) == [(start, start + 14, False), (end - 16, end - 1, True)]
    assert spans_text(text, Span('PER', start, end)) == [('Фолькера Буфье', False), ('Volker Bouffier', True)]


def test_person_spans_drop_name_inside_short_title():
    text = 'Программа «С Мадуро +» вышла в эфир.'
    start = text.index('Мадуро')
    assert person_spans(text, [Span('PER', start, start + 6)]) == []


def test_quoted_speech_is_no_title():
    text = '«Максим скончался. Не выдержало сердце», — отметил он.'
    assert spans_text(text, Span('PER', 1, 7)) == [('Максим', False)]


def test_quoted_speech_followed_by_its_author_is_no_title():
    text = '«Благодарим Ричарда Никсона», — сказал он.'
    start = text.index('Ричарда')
    assert spans_text(text, Span('PER', start, start + len('Ричарда Никсона'))) == [('Ричарда Никсона', False)]


def test_a_name_ends_at_a_line_break():
    text = 'Кит Флинт\nВокалист группы умер.'
    assert spans_text(text, Span('PER', 0, text.index(' группы'))) == [('Кит Флинт', False)]


def test_wiki_link_shows_the_text_after_the_bar():
    text = 'лидера страны Чавес, Уго|Уго Чавеса, пробывшего у власти'
    start = text.index('Уго|')
    assert spans_text(text, Span('PER', start, text.index(', пробывшего'))) == [('Уго Чавеса', False)]


def test_alias_in_a_script_without_case():
    text = 'Выпускница Ма Лин (马凌) и её команда.'
    start, end = text.index('Ма Лин'), text.index(')') + 1
    assert spans_text(text, Span('PER', start, end)) == [('Ма Лин', False), ('马凌', True)]


@pytest.mark.parametrize('text, word, kept', [
    ('Поп-звезда Мадонна сообщила.', 'Мадонна', True),   # a living being's noun inside a sentence: a name
    ('Но Мессии вряд ли грозит срок.', 'Мессии', True),
    ('Подавлен, он ушёл.', 'Подавлен', False),            # a sentence opens with it: a tagger slip
    ('Мадонна сообщила.', 'Мадонна', False),
    ('тренер Зенита заявил', 'Зенита', False),            # a thing, not a living being
    ('церемонии Папа подчеркнул', 'Папа', False),         # a title alone
])
def test_lone_dictionary_words(text, word, kept):
    start = text.index(word)
    assert bool(person_spans(text, [Span('PER', start, start + len(word))])) == kept


@pytest.mark.parametrize('name, kept', [('Даунинг-стрит', False), ('Пикадилли-сёркус', False),
                                         ('Джорджа Буша-младшего', True), ('Абд-аль-Азиз', True)])
def test_a_lower_case_last_part_makes_a_place(name, kept):
    text = f'Вчера {name} снова.'
    start = text.index(name)
    assert bool(person_spans(text, [Span('PER', start, start + len(name))])) == kept


def test_person_spans_ignore_other_types():
    text = 'Мадуро прилетел.'
    assert person_spans(text, [Span('LOC', 0, 6), Span('ORG', 0, 6)]) == []


@pytest.mark.parametrize('name', ['Н. Мадуро', 'В.В. Путин', 'Дж. Байден'])
def test_person_spans_keep_initials(name):
    text = f'Заявил {name} вчера.'
    start = text.index(name)
    assert spans_text(text, Span('PER', start, start + len(name))) == [(name, False)]


def test_initials_take_the_surname_after_them():
    from pipeline.entities.persons.spans import _with_surname

    text = 'утвердит Дж.Коми и Ли. Затем'
    assert _with_surname(text, 9, 11) == (9, 16)   # `Дж` + `.Коми`
    assert _with_surname(text, 19, 21) == (19, 21)  # `Ли` then a full stop and a space: a sentence end


def _split(text, names):
    cuts = []
    for name in names:
        start = text.index(name, cuts[-1][1] if cuts else 0)
        cuts.append((start, start + len(name), False))
    return [text[s:e] for s, e, _ in split_joined(text, cuts)]


@pytest.mark.parametrize('text, names, expected', [
    # a joined name that occurs once, whose parts each occur on their own
    ('Кэтрин уехала. Жермен Джексон молчал. Другой сын Кэтрин Жермен Джексон подписал письмо.',
     ['Кэтрин', 'Жермен Джексон', 'Кэтрин Жермен Джексон'], ['Кэтрин', 'Жермен Джексон', 'Кэтрин', 'Жермен Джексон']),
    ('Эво Моралес готов. Убежище Эво Моралес Эдвард Сноуден. Эдварду Сноудену отказали.',
     ['Эво Моралес', 'Эво Моралес Эдвард Сноуден', 'Эдварду Сноудену'],
     ['Эво Моралес', 'Эво Моралес', 'Эдвард Сноуден', 'Эдварду Сноудену']),
    # two single words: only after a kinship noun, and not a dictionary first name
    ('Акихито отрёкся. Сын Нарухито. Трон примет сын Акихито Нарухито.',
     ['Акихито', 'Нарухито', 'Акихито Нарухито'], ['Акихито', 'Нарухито', 'Акихито', 'Нарухито']),
    ('Рауль молчал. Кастро ушёл. Об этом сообщил его брат Рауль Кастро.',
     ['Рауль', 'Кастро', 'Рауль Кастро'], ['Рауль', 'Кастро', 'Рауль Кастро']),
    ('Мишель уехала. Обама остался. Потом Мишель Обама вернулась.',
     ['Мишель', 'Обама', 'Мишель Обама'], ['Мишель', 'Обама', 'Мишель Обама']),
    # the relative's surname, and a dictionary first name named nowhere else
    ('Тимур Шаймиев занял пост. Кроме того, внучка Шаймиева Камиля вошла в совет.',
     ['Тимур Шаймиев', 'Шаймиева Камиля'], ['Тимур Шаймиев', 'Шаймиева', 'Камиля']),
    # …or a first name that begins another full name of the document
    ('Сын Байдена Хантер дал показания. Хантер Байден отрицает вину.',
     ['Байдена Хантер', 'Хантер Байден'], ['Байдена', 'Хантер', 'Хантер Байден']),
    # a first name with a patronymic, and a double surname, stay with the surname
    ('Владимир Владимирович сказал. Путин ушёл. Владимир Владимирович Путин вернулся.',
     ['Владимир Владимирович', 'Путин', 'Владимир Владимирович Путин'],
     ['Владимир Владимирович', 'Путин', 'Владимир Владимирович Путин']),
    ('Энрике Каприлес выступил. Каприлес Радонски ответил. Лидер Энрике Каприлес Радонски.',
     ['Энрике Каприлес', 'Каприлес Радонски', 'Энрике Каприлес Радонски'],
     ['Энрике Каприлес', 'Каприлес Радонски', 'Энрике Каприлес Радонски']),
    # a joined name that recurs is a name
    ('Кэтрин пришла. Жермен Джексон тоже. Кэтрин Жермен Джексон и снова Кэтрин Жермен Джексон.',
     ['Кэтрин', 'Жермен Джексон', 'Кэтрин Жермен Джексон', 'Кэтрин Жермен Джексон'],
     ['Кэтрин', 'Жермен Джексон', 'Кэтрин Жермен Джексон', 'Кэтрин Жермен Джексон']),
])
def test_split_joined_names(text, names, expected):
    assert _split(text, names) == expected



@pytest.mark.parametrize('text, tagged, name', [
    ('лет Фрэнк Кали по прозвищу (Фрэнки Бой) был главой', 'Фрэнки Бой)', 'Фрэнки Бой'),  # a closing bracket
    ('к месту гибели – В.Л.) подал по личной инициативе', 'В.Л.)', 'В.Л.'),  # two initials keep the dot
    ('собрали 6 млрд грн – Зеленский К пожертвованиям', 'Зеленский К', 'Зеленский'),  # a capitalised preposition
    ('«Администрация [президента США Джо] Байдена дорабатывает', 'Джо] Байдена', 'Джо] Байдена'),  # inside
    ('Прозвище Джон Смит получил в школе.', 'Прозвище Джон Смит', 'Джон Смит'),  # a common noun before it
    ('оператор Аль-Джазиры Сами аль-Хадж задержан', 'Аль-Джазиры Сами аль-Хадж', 'Сами аль-Хадж'),  # an organisation
    ('Президент Франк Де Блекере заявил', 'Франк Де Блекере', 'Франк Де Блекере'),  # a first name that is a noun
    ('Актриса Ума Турман приехала', 'Ума Турман', 'Ума Турман'),  # a short one before a single word
    ('Министр иностранных дел Китая Ван И.', 'Ван И.', 'Ван И'),  # a Chinese given name is no initial
    ('этапе «Формулы-1» победил', 'Формулы-1', None),  # no name holds a digit
])
def test_spans_hold_only_the_name(text, tagged, name):
    start = text.index(tagged)
    found = spans_text(text, Span('PER', start, start + len(tagged)))
    assert found == ([(name, False)] if name else [])


def test_name_words_leave_brackets_out():
    assert name_words('Джо] Байдена') == ['Джо', 'Байдена']
