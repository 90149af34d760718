"""pipeline.persons: nominative of names, the case the context asks for, name spans, merging in a document."""
from __future__ import annotations

import pytest

from pipeline.persons import context_case, merge_persons, name_words, normalize_person, person_spans
from pipeline.records import Mention, Span


@pytest.mark.parametrize('written, nominative', [
    ('Владимиру Путину', 'Владимир Путин'),
    ('Уго Чавеса', 'Уго Чавес'),
    ('Марии Захаровой', 'Мария Захарова'),
    ('Любови Соболь', 'Любовь Соболь'),
    ('Ксении Собчак', 'Ксения Собчак'),
    ('Мадуро', 'Мадуро'),
    ('Шойгу', 'Шойгу'),
    ('Си Цзиньпин', 'Си Цзиньпин'),
    ('Сергею Шойгу', 'Сергей Шойгу'),
    ('Зеленского', 'Зеленский'),
    ('Алексея Навального', 'Алексей Навальный'),
    ('Дональда Трампа', 'Дональд Трамп'),
    ('Бараком Обамой', 'Барак Обама'),
    ('Анны Политковской', 'Анна Политковская'),
    ('Жан-Клода Юнкера', 'Жан-Клод Юнкер'),
    ('Джорджа Буша-младшего', 'Джордж Буш'),
    ('Давидом Сарновым', 'Давид Сарнов'),
    ('Чарли Чаплином', 'Чарли Чаплин'),
    ('Новаком Джоковичем', 'Новак Джокович'),  # no soft sign after a hushing consonant
    ('Деяну Станковичу', 'Деян Станкович'),     # a Slavic -ич surname shows its case
    ('В.В. Путину', 'В. В. Путин'),
])
def test_normalize_person(written, nominative):
    assert normalize_person(name_words(written)) == nominative


@pytest.mark.parametrize('written, words', [
    ('В.В. Путин', ['В.', 'В.', 'Путин']),
    ('Дж.Коми', ['Дж.', 'Коми']),
    ('Ж.-К.Трише', ['Ж.-К.', 'Трише']),
    ('Жан-Клода Юнкера', ['Жан-Клода', 'Юнкера']),
])
def test_name_words(written, words):
    assert name_words(written) == words


def test_normalize_person_prefers_a_form_the_document_writes():
    # `Сабриэлем` alone would lose `-ем` either way; `written` decides the spelling.
    assert normalize_person(['Сабриэлем'], frozenset({'сабриэл', 'матиас'}), 'ablt') == 'Сабриэл'


@pytest.mark.parametrize('text, case', [
    ('встреча с Локхартом', 'ablt'),
    ('письмо президенту Байдену', 'datv'),
    ('фильм Кубрика', 'gent'),
    ('рассказ о Мадуро', 'loct'),
    ('обратился к Мадуро', 'datv'),
    ('Вчера Кубрик', None),   # the word before is capitalised: no hint
    ('Мадуро', 'nomn'),       # a name opening the text is its subject
    ('Об этом заявил Мадуро', 'nomn'),  # after a verb: the subject
    ('Мы встретились. Мадуро', 'nomn'),  # after a sentence end
    ('У Клинтон', 'gent'),    # a preposition opening the sentence still asks for its case
    ('фильмы «Сияние» Кубрика', 'gent'),  # after a title: its author, not a new clause
])
def test_context_case(text, case):
    start = text.rfind(' ') + 1
    assert context_case(text, start) == case


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


def test_person_in_quoted_title_dropped_by_extractor(extractor):
    mentions = extractor('Программа «С Мадуро +» вышла в эфир.').mentions
    assert [m for m in mentions if m.type == 'person'] == []


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
    merge_persons(mentions)
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


def test_merge_persons_initials_must_agree():
    mentions = [person(0, 'Николас Мадуро'), person(40, 'А. Мадуро')]
    merge_persons(mentions)
    assert [m.entity for m in mentions] == ['Николас Мадуро', 'А. Мадуро']


def test_first_name_shared_by_two_surnames_stays_alone():
    mentions = [person(0, 'Мишель Обама'), person(40, 'Мишель Бачелет'), person(80, 'Мишель')]
    merge_persons(mentions)
    assert [m.entity for m in mentions] == ['Мишель Обама', 'Мишель Бачелет', 'Мишель']


def test_short_first_name_joins_the_full_name_of_its_full_form():
    mentions = [person(0, 'Елизавета Глинка'), person(40, 'Лиза'), person(80, 'Владислав Челах'), person(120, 'Влад'),
                person(160, 'Саша')]
    merge_persons(mentions)
    assert [(m.entity, m.kind) for m in mentions] == [
        ('Елизавета Глинка', 'full'), ('Елизавета Глинка', 'first'), ('Владислав Челах', 'full'),
        ('Владислав Челах', 'first'), ('Саша', 'surname')]


def test_first_name_forms_data():
    from pipeline.persons import full_first_names

    forms = full_first_names()
    assert forms['лиза'] == {'елизавета'}
    assert forms['саша'] == {'александр', 'александра'}
    assert all(short != full for short, fulls in forms.items() for full in fulls)


def test_merge_across_spellings_and_hyphenated_initials():
    mentions = [person(0, 'Дэвид Петрэус'), person(40, 'Петреус'), person(80, 'Жан-Клод Трише'),
                person(120, 'Ж.-К. Трише')]
    merge_persons(mentions)
    assert [m.entity for m in mentions] == ['Дэвид Петрэус', 'Дэвид Петрэус', 'Жан-Клод Трише', 'Жан-Клод Трише']


def test_first_name_with_womans_patronymic_joins_the_full_name():
    mentions = [person(0, 'Елизавета Глинка'), person(40, 'Елизавета Петровна'), person(80, 'Михаил Хасая'),
                person(120, 'Михаил Агранович')]
    merge_persons(mentions)
    # a man's patronymic is also a surname ending: `Михаил Агранович` is somebody else
    assert [(m.entity, m.kind) for m in mentions] == [('Елизавета Глинка', 'full'), ('Елизавета Глинка', 'first'),
                                                      ('Михаил Хасая', 'full'), ('Михаил Агранович', 'full')]


@pytest.mark.parametrize('written, hint, nominative', [
    # Chinese and Korean names: only the last word declines
    ('Дэн Сяопина', 'gent', 'Дэн Сяопин'),
    ('Цзян Цзэминя', 'gent', 'Цзян Цзэминь'),
    ('Ким Чен Ына', 'gent', 'Ким Чен Ын'),
    ('Ким Чен Ыном', 'ablt', 'Ким Чен Ын'),
    ('Си Цзиньпина', 'gent', 'Си Цзиньпин'),
    # …but not a short indeclinable woman's name, nor a Western name (both words decline)
    ('Ли На', 'gent', 'Ли На'),
    ('Жака Ширака', 'gent', 'Жак Ширак'),
    ('Ким Кардашьян', 'gent', 'Ким Кардашьян'),
    # a word written twice is one word; initials stay as they are
    ('Максим Дадашев Дадашев', None, 'Максим Дадашев'),
    ('В. В. Путин', None, 'В. В. Путин'),
    # Swedish -стрём/-стрем is a nominative, not an instrumental
    ('Никлас Лидстрём', None, 'Никлас Лидстрём'),
    ('Лидстрем', None, 'Лидстрем'),
    ('Сабриэлем', 'ablt', 'Сабриэль'),
    ('Леи Органы', 'gent', 'Лея Органа'),  # a feminine noun as a surname declines as the noun
    ('Ганца', 'gent', 'Ганц'),             # a masculine one does not: not *Ганец
])
def test_normalize_person_with_context(written, hint, nominative):
    assert normalize_person(name_words(written), hint=hint) == nominative


@pytest.mark.parametrize('text, expected', [
    # a name of a list takes the case of the name before it
    ('Пришли Луиса Суареса, Неймара и Жерара Пике.', ['Луис Суарес', 'Неймар', 'Жерар Пике']),
    # initials the tagger cut from their surname take it back
    ('Сенат утвердит кандидатуру Дж.Коми на пост.', ['Дж. Коми']),
])
def test_find_persons_in_context(extractor, text, expected):
    assert [m.entity for m in extractor(text).mentions if m.type == 'person'] == expected


def test_initials_take_the_surname_after_them():
    from pipeline.persons import _with_surname

    text = 'утвердит Дж.Коми и Ли. Затем'
    assert _with_surname(text, 9, 11) == (9, 16)   # `Дж` + `.Коми`
    assert _with_surname(text, 19, 21) == (19, 21)  # `Ли` then a full stop and a space: a sentence end


def test_a_recurring_surname_is_found_where_the_tagger_missed_it(extractor):
    from pipeline.extract import sentence_initial_words
    from pipeline.persons import echo_persons, find_persons
    from pipeline.segment import segment

    text = ('Музыкант Кит Флинт умер в понедельник. Тело Флинта нашли дома. Мороз ударил ночью. '
            'Семья Флинтов просит тишины. «Флинт навсегда» — так назван концерт.')
    seg = segment(text)
    persons = find_persons(text, [Span('PER', text.index('Кит'), text.index(' умер'))])
    echoes = echo_persons(text, seg.words, persons, sentence_initial_words(seg))
    # the inflected surname is found; the family (plural) and the quoted title are not
    assert [(m.text, m.normal, m.source) for m in echoes] == [('Флинта', 'Флинт', 'echo')]


def test_a_sentence_opening_ordinary_word_is_no_echo(extractor):
    from pipeline.extract import sentence_initial_words
    from pipeline.persons import echo_persons, find_persons
    from pipeline.segment import segment

    text = 'Александр Мороз выступил. Мороз ударил ночью. Позже Мороза поддержали.'
    seg = segment(text)
    persons = find_persons(text, [Span('PER', 0, 15)])
    echoes = echo_persons(text, seg.words, persons, sentence_initial_words(seg))
    assert [m.text for m in echoes] == ['Мороза']
    merged = extractor(text).mentions
    assert [m.entity for m in merged if m.type == 'person' and m.text == 'Мороза'] == ['Александр Мороз']


def _split(text, names):
    from pipeline.persons import split_joined

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


@pytest.mark.parametrize('words, gender', [
    (['Медведевой'], 'femn'),             # only a woman's surname reads so
    (['Еленой', 'Малашенко'], 'femn'),
    (['Игорь', 'Малашенко'], 'masc'),
    (['Евгения', 'Медведева'], None),     # she, or his genitive
    (['Малашенко'], None),                # indeclinable: the word says nothing
])
def test_own_gender(words, gender):
    from pipeline.persons import own_gender

    assert own_gender(tuple(words)) == gender


@pytest.mark.parametrize('text, gender', [
    ('Малашенко развёлся с женой', 'masc'),
    ('Медведева завершила сезон', 'femn'),
    ('Русаков задержан', 'masc'),
    ('Медведева рассматривает Армению', None),  # present tense: no gender
    ('Медведева, которая', None),
])
def test_context_gender(text, gender):
    from pipeline.persons import context_gender

    assert context_gender(text, text.index(' ')) == gender


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
