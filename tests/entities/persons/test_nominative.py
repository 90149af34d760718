"""pipeline.entities.persons.nominative and .foreign: the nominative of names."""
from __future__ import annotations

import pytest

from pipeline.entities.persons.names import name_words
from pipeline.entities.persons.nominative import normalize_person, own_gender


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
    ('Львом Толстым', 'Лев Толстой'),
    ('Николаем Вторым', 'Николай Второй'),      # a regnal number agrees with the name
    ('Елизаветы Второй', 'Елизавета Вторая'),
    ('Теодориус Второй', 'Теодориус Второй'),   # alone, `Второй` reads best as a woman's genitive
    ('Деяну Станковичу', 'Деян Станкович'),     # a Slavic -ич surname shows its case
    ('Эммерсона Мнангагвы', 'Эммерсон Мнангагва'),  # no name ends in -ы in the nominative…
    ('Гурбангулы Бердымухамедов', 'Гурбангулы Бердымухамедов'),  # …unless the rest is no genitive
    ('Чулпан Хаматовой', 'Чулпан Хаматова'),    # a woman's name in a consonant does not decline
    ('Фан Ван Жангом', 'Фан Ван Жанг'),          # nor one-syllable parts of an East Asian name
    ('Шенуды III', 'Шенуда III'),                # nor a Roman regnal number
    ('В.В. Путину', 'В. В. Путин'),
])
def test_normalize_person(written, nominative):
    assert normalize_person(name_words(written)) == nominative


@pytest.mark.parametrize('words, written, hint, nominative', [
    (['Янеза', 'Янши'], {'янша'}, 'gent', 'Янез Янша'),  # -и for -а after a hushing consonant, where written
    (['Саркози'], {'саркоз'}, 'gent', 'Саркози'),         # …not after another one
    (['Мигеля', 'Диас-Канеля'], {'диас-канель', 'канель'}, 'gent', 'Мигель Диас-Канель'),
    (['Небензю'], set(), 'accs', 'Небензя'),
    (['Степане', 'Бандере'], {'степан', 'бандера', 'бандере'}, 'loct', 'Степан Бандера'),  # a man of the a-declension
    # a written form that is itself inflected from a shorter written one is no nominative…
    (['Ларри', 'Пейджу'], {'ларри', 'пейджу', 'пейджа', 'пейдж'}, None, 'Ларри Пейдж'),
    # …unless the shorter one is of the other gender: her father's surname
    (['Юлии', 'Савичевой'], {'юлии', 'савичевой', 'савичева', 'савичев'}, 'gent', 'Юлия Савичева'),
    # no genitive ends so: the accusative's nominative, which the document writes…
    (['Дерека', 'Чисору'], {'дерек', 'чисора', 'чисору'}, 'gent', 'Дерек Чисора'),
    # …and not an inflected form of it (`Мигеля` beside `Мигель`)
    (['Мигелю'], {'мигель', 'мигеля', 'мигелю'}, 'gent', 'Мигель'),
    # `Лиам` is written elsewhere: `Лиама` is a genitive, and so is `Хоулетта`
    (['Лиама', 'Хоулетта'], {'лиам', 'лиама', 'хоулетта', 'хоулеттом'}, None, 'Лиам Хоулетт'),
    # every word a form of one the document writes: his genitive, though `Марьяна` alone is her name
    (['Марьяна', 'Шареца'], {'марьян', 'шарец', 'марьяна', 'шареца'}, None, 'Марьян Шарец'),
])
def test_normalize_person_with_written_forms(words, written, hint, nominative):
    assert normalize_person(words, frozenset(written), hint) == nominative


def test_a_womans_genitive_in_i_after_a_velar():
    # `концерт Монеточки` after `Монеточка собрала`: -и is her genitive's -ы after к, as in Russian words
    assert normalize_person(['Монеточки'], frozenset({'монеточка', 'монеточки'}), 'gent', 'femn') == 'Монеточка'


def test_normalize_person_prefers_a_form_the_document_writes():
    # `Сабриэлем` alone would lose `-ем` either way; `written` decides the spelling.
    assert normalize_person(['Сабриэлем'], frozenset({'сабриэл', 'матиас'}), 'ablt') == 'Сабриэл'


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
    # a woman's surname the dictionary knows only as his genitive; her first name decides
    ('Анастасия Ракова', 'gent', 'Анастасия Ракова'),
    ('Сильвия Найд', 'gent', 'Сильвия Найд'),
    ('Ганца', 'gent', 'Ганц'),             # a masculine one does not: not *Ганец
    ('Клару Освальд', None, 'Клара Освальд'),  # a surname the dictionary knows only as his first name
    ('Хамад бин Халифа Аль Тани', None, 'Хамад бин Халифа Аль Тани'),  # a family name after its article
    # a word the dictionary does not know must be able to stand in the case the context asks for
    ('Хосеп Гвардиола', 'gent', 'Хосеп Гвардиола'),      # his genitive would be `Хосепа Гвардиолы`
    ('Бени Ганц', None, 'Бени Ганц'),                    # not the genitive of *Беня: `Ганц` would decline
    ('Цвика Пик', 'accs', 'Цвика Пик'),
    ('Александру Райсман', 'datv', 'Александра Райсман'),  # his dative would be `Райсману`: her accusative
    ('Рафаэлем Корреа', 'ablt', 'Рафаэль Корреа'),       # a vowel before -а does not decline
    ('Валерием Щесных', 'ablt', 'Валерий Щесных'),       # nor -ых
    ('Майклом Лопесом-Алегрия', 'ablt', 'Майкл Лопес-Алегрия'),  # nor one part of a double surname
    ('Гергей Ковач', None, 'Гергей Ковач'),  # -ей ends his nominative, not only her instrumental
    ('Энди Маррей', None, 'Энди Маррей'),
    ('Ирины Яровой', 'gent', 'Ирина Яровая'),  # an adjectival surname over the possessive *Ярова
    ('Марии Петровой', 'gent', 'Мария Петрова'),
])
def test_normalize_person_with_context(written, hint, nominative):
    assert normalize_person(name_words(written), hint=hint) == nominative


@pytest.mark.parametrize('words, gender', [
    (['Медведевой'], 'femn'),             # only a woman's surname reads so
    (['Еленой', 'Малашенко'], 'femn'),
    (['Игорь', 'Малашенко'], 'masc'),
    (['Евгения', 'Медведева'], None),     # she, or his genitive
    (['Малашенко'], None),                # indeclinable: the word says nothing
    (['Андрияну', 'Григорьевичу', 'Николаеву'], 'masc'),  # also her accusative, but not his patronymic
    (['Андрияну', 'Николаеву'], None),   # his dative, or her accusative
])
def test_own_gender(words, gender):
    assert own_gender(tuple(words)) == gender


@pytest.mark.parametrize('written, hint, gender, nominative', [
    # the person's gender, decided from all its mentions, over a first name the dictionary knows only as hers
    ('Арлена Спектера', 'accs', 'masc', 'Арлен Спектер'),
    ('Арлена Спектера', None, 'masc', 'Арлена Спектера'),   # no case asked for: nothing to go on
    ('Марии Захаровой', 'gent', 'femn', 'Мария Захарова'),  # a reading of her gender: the words decide
])
def test_normalize_person_in_the_persons_gender(written, hint, gender, nominative):
    assert normalize_person(name_words(written), hint=hint, gender_hint=gender) == nominative


def test_the_written_reading_of_every_word():
    from pipeline.entities.persons.foreign import _written_everywhere
    written = frozenset({'марьян', 'шарец', 'марьяна', 'шареца'})
    assert _written_everywhere(['Марьяна', 'Шареца'], written) == ('gent', 'masc')  # the genitive before the accusative
    assert _written_everywhere(['Марьяна', 'Шареца'], frozenset({'шарец'})) is None  # `Марьян` is not written
