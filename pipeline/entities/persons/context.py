"""The case the word before a name asks for, and the gender the words around it show."""
from __future__ import annotations

import re
from functools import lru_cache

from ...data import load_word_list, read_rows
from ...nlp.morph import CACHE_SIZE, fold, lemmas, parses
from ...nlp.text import previous_word
from .names import GENDERS, INITIAL, NAME_TAGS, VOWELS

PREPOSITION_CASES = {row['preposition']: row['case'] for row in read_rows('preposition_cases.csv')}
# between two names of a list, maybe after a bracket: `Лионеля Месси («Барселона») и Неймара`
LIST_LINK = re.compile(r'(?:[ \xa0]*\([^()\n]{1,60}\))?[ \xa0]*(?:,|,?[ \xa0]+(?:и|или))[ \xa0]+')
NUMBER_BEFORE = re.compile(r'\d[ \xa0]+$')
CLOSING_QUOTE = re.compile(r'(?:»|(?<=\S)["”])[ \xa0]+$')


# Asked for again and again of one mention (its nominative, its gender, merging): cached. A text's hash is
# kept on the string, so a key costs no more than a look-up; the cache holds at most a few documents.
TEXT_CACHE = 1 << 12


@lru_cache(maxsize=TEXT_CACHE)
def context_case(text: str, start: int) -> str | None:
    """The case the word before a name asks for: a preposition's (`с Локхартом`), a title's own
    (`президенту Байдену`), or the genitive after any other noun (`фильм Кубрика`)."""
    if CLOSING_QUOTE.search(text, max(0, start - 3), start):
        # The author of a work (`«Сияние» Стэнли Кубрика`) or a member of an organisation (`клуба
        # «Барселона» Хосеп Гвардиола`): both are common, but a name in the nominative seldom ends like
        # a genitive, so the genitive costs less (measured on NEREL train).
        return 'gent'
    if opens_sentence(text, start):
        return 'nomn'  # a name opening a sentence or a clause is its subject
    match = previous_word(text, start)
    if not match:
        return None
    written = match.group(1).lstrip('-')  # `66-летнего`: the digits are not matched
    word = written.lower()
    if word in PREPOSITION_CASES:  # also opening a sentence: `У Клинтон был кашель`
        return PREPOSITION_CASES[word]
    if not written[:1].islower():
        return _title_before(text, match.start())  # `короля Таиланда Пхумипона`, `вице-президенту США Джо Байдену`
    readings = parses(word)
    if readings and 'VERB' in readings[0].tag.grammemes:
        tag = readings[0].tag
        if ('tran' in tag.grammemes and tag.gender != 'femn'
                and not lemmas(word) & load_word_list('speech_verbs.txt')):
            # the object of a transitive verb (`сменит Арлена Спектера`, `поддержали Джастина Бибера`); a
            # verb in her gender has her as its subject put after it (`возглавила Ума Турман`), since a
            # man's subject would make it his
            return 'accs'
        return 'nomn'  # the speaker after a verb of saying, the subject after another verb: `заявил Николас Мадуро`
    if readings and readings[0].is_known and {'ADJF', 'PRTF'} & readings[0].tag.grammemes:
        return readings[0].tag.case  # an adjective agrees with the name: `у 66-летнего Никоса Анастасиадиса`
    nouns = [p for p in readings if 'NOUN' in p.tag.grammemes and p.is_known]
    if not nouns or readings[0] not in nouns:
        return None
    if lemmas(word) & load_word_list('date_nouns.txt') and NUMBER_BEFORE.search(text, max(0, match.start() - 12),
                                                                                 match.start()):
        return None  # the end of a date (`в апреле 2012 года Диарра`, `12 марта Путин`): it governs no name
    if is_kinship_noun(word):
        return None  # the relative's genitive (`сыну Путина`) or the person in apposition (`жена Алисия`)
    if is_person_title(word):
        return nouns[0].tag.case
    best = nouns[0].tag
    if is_relation_noun(word):
        return 'gent'  # the other person: `соратник Цзян Цзэминя`, `адвокату Ассанжа`
    if {'anim', 'sing'} <= best.grammemes and best.case in ('nomn', 'datv', 'ablt', 'loct'):
        # a person noun names the person: `американка София Коппола`, `французу Анаклету Вамбе`
        return best.case
    return 'gent'


TITLE_REACH = 3  # words of the genitive between a title and the country or body it is of


def _title_before(text: str, start: int) -> str | None:
    """The case of a title before the capitalised word (a country's or an organisation's name in the
    genitive) that ends at `start`, maybe over the genitive words of the body between them
    (`министра иностранных дел России Сергея Лаврова`); there a noun for a relation is one too, its
    other side being the body (`представителя правительства ФРГ Штеффена Зайберта`)."""
    for step in range(TITLE_REACH):
        match = previous_word(text, start)
        if not match or not match.group(1)[:1].islower():
            return None
        word = match.group(1)
        if is_person_title(word) or step and is_relation_noun(word):
            nouns = [p for p in parses(word.lower()) if 'NOUN' in p.tag.grammemes and p.is_known]
            # one person's title, not a plural that is itself a genitive (`секретарь кабинета министров Японии`)
            return nouns[0].tag.case if nouns and 'sing' in nouns[0].tag.grammemes else None
        readings = parses(word.lower())
        if not readings or readings[0].tag.case != 'gent':
            return None
        start = match.start()
    return None


def opens_sentence(text: str, start: int) -> bool:
    """Nothing but spaces between the start of a sentence or a clause and `start`."""
    before = text[max(0, start - 40):start].rstrip(' \xa0\t')
    return not before or before[-1] in '.!?…\n:;—–"«»('


def titles() -> frozenset[str]:
    """Lemmas of `data/person_titles.txt`."""
    return load_word_list('person_titles.txt')


@lru_cache(maxsize=CACHE_SIZE)
def is_person_title(word: str) -> bool:
    """A title or role of `data/person_titles.txt` in any form, also a hyphenated one the dictionary
    knows whole (`вице-президенту`, which `lemmas` reads by its first part)."""
    return bool(lemmas(word) & titles()) or any(p.is_known and fold(p.normal_form) in titles()
                                                 for p in parses(word.lower()))


def is_kinship_noun(word: str) -> bool:
    """A kinship noun of `data/kinship_nouns.txt` in any form (`сыну`, `вдова`)."""
    return bool(lemmas(word) & load_word_list('kinship_nouns.txt'))


def is_relation_noun(word: str) -> bool:
    """A noun for a relation to another person, of `data/relation_nouns.txt` (`соратник`, `адвокату`)."""
    return bool(lemmas(word) & load_word_list('relation_nouns.txt'))


def after_opening_noun(text: str, start: int) -> bool:
    """The name follows a common noun that opens the sentence (`Семья Обамы приобрела`, `Биография Нэша
    вошла`): the name is its genitive, and a verb after them agrees with the noun."""
    match = previous_word(text, start)
    if not match or not opens_sentence(text, match.start(1)):
        return False
    readings = parses(match.group(1).lower())
    return (bool(readings) and readings[0].is_known and 'NOUN' in readings[0].tag.grammemes
            and not NAME_TAGS & readings[0].tag.grammemes and not is_person_title(match.group(1)))


def title_gender(text: str, start: int) -> str | None:
    """'femn' where the word before a name is a feminine noun for a person, which the name stands in
    apposition to (`миссис Обама`, `фигуристка Евгения Медведева`); not a kinship or relation noun,
    which names another person (`жена Путина`). A masculine noun says nothing: `министр Ирина Яровая`."""
    match = previous_word(text, start)
    if not match:
        return None
    word = match.group(1).lower()
    readings = parses(word)
    if not readings or not readings[0].is_known or not {'NOUN', 'anim', 'sing', 'femn'} <= readings[0].tag.grammemes:
        return None
    return None if is_kinship_noun(word) or is_relation_noun(word) else 'femn'


NEXT_WORD = re.compile(r'[ \xa0]+([а-яё]+)\b')


def context_gender(text: str, end: int) -> str | None:
    """The gender a past-tense verb or a short participle right after a name shows (`Малашенко
    развёлся`, `Медведева завершила`, `Русаков задержан`)."""
    match = NEXT_WORD.match(text, end)
    readings = parses(match.group(1)) if match else ()
    if not readings:
        return None
    tag = readings[0].tag
    if ('VERB' in tag.grammemes and 'past' in tag.grammemes or 'PRTS' in tag.grammemes) and tag.gender in GENDERS:
        return str(tag.gender)  # pymorphy3's grammeme objects compare only with grammemes
    return None


def verb_before_gender(text: str, start: int, end: int) -> str | None:
    """'femn' for a verb of saying in her past tense right before a name that is its speaker
    (`заявила Мария Захарова`, `«…», — сказала Каллас`), where each word of the name that the dictionary
    knows as a name reads as her nominative (not `поблагодарила Марка Рютте`). His verb says less: its
    subject is as often a court or a ministry and the name its object (`суд признал Иссахар виновной`)."""
    match = previous_word(text, start)
    word = match.group(1).lower() if match else ''
    readings = parses(word) if word else ()
    if not readings or not lemmas(word) & load_word_list('speech_verbs.txt'):
        return None
    tag = readings[0].tag
    if not ('VERB' in tag.grammemes and 'past' in tag.grammemes and tag.gender == 'femn'):
        return None
    for name_word in re.findall(r'\w+', text[start:end]):
        known = [p for p in parses(name_word) if p.is_known and NAME_TAGS & p.tag.grammemes]
        if known and not any(p.tag.case == 'nomn' and p.tag.gender in ('femn', None) or 'Fixd' in p.tag.grammemes
                             for p in known):
            return None
    return 'femn'


OBLIQUE = frozenset({'gent', 'datv', 'accs', 'ablt', 'loct'})


def undeclined_after_preposition(text: str, start: int, surname: str, nominative: str) -> bool:
    """A surname ending in a hard consonant, written as its nominative after a preposition that asks
    for an oblique case (`у Клинтон`, `с Каллас`): a woman's, since a man's would decline (`у Клинтона`)."""
    if fold(surname) != fold(nominative):
        return False  # a case ending: `со Стросс-Каном`
    before = previous_word(text, start)
    if not before or PREPOSITION_CASES.get(before.group(1).lower()) not in OBLIQUE:
        return False
    last = surname[-1:].lower()
    if INITIAL.match(surname) or not last.isalpha() or last in VOWELS or last in 'йь':
        return False
    # a declined form of a Russian name ends so too (`у Петровых`, `с Иваном`): only a nominative counts
    return not any(p.is_known and p.tag.case in OBLIQUE and NAME_TAGS & p.tag.grammemes for p in parses(surname))


@lru_cache(maxsize=TEXT_CACHE)
def cue_gender(text: str, start: int, end: int, own: str | None = None) -> str | None:
    """The gender the words beside a name show: a past-tense verb or a short participle after it
    (`context_gender`), unless the word before it asks for another case or is a kinship noun, whose noun
    the verb goes with (`у Клинтон был`, `Семья Обамы приобрела`, `мужем Энистон был`); else her verb
    of saying before it (`verb_before_gender`); else a feminine
    noun for a person before it (`title_gender`), unless the name's own words read in the other gender
    (`own`): then the name is the noun's genitive (`заместительница Сергея Собянина`)."""
    hint = context_case(text, start)
    before = previous_word(text, start)
    verb = (hint in (None, 'nomn') and not after_opening_noun(text, start)
            and not (before and is_kinship_noun(before.group(1))))
    cue = context_gender(text, end) if verb else None
    if cue is None and hint == 'nomn':
        cue = verb_before_gender(text, start, end)
    if cue is None:
        cue = title_gender(text, start)
        cue = None if own and cue != own else cue
    return cue
