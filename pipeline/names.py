"""The nominative of a person's name, and the case and gender its context shows.

The case and gender that most words of the name can share are chosen together (`Любовь Глебова`:
nominative feminine, not genitive masculine `Глебов`), then each word that the dictionary knows in
that case and gender is put in the nominative (`Марии Захаровой` → `Мария Захарова`); a word it knows
only otherwise stays as written (`Любови Соболь` → `Любовь Соболь`). A word pymorphy3 does not know is
a foreign name: it keeps its form in the nominative and when it ends in a vowel that is not a case
ending (`Мадуро`, `Амаду Туре`, never `мадурый`); otherwise its case ending is taken off (`Уго Чавеса` →
`Чавес`, `Цзян Цзэминя` → `Цзэминь`), preferring a form the same document writes (`Сабриэлем` →
`Сабриэл` where the text also has `Сабриэл Матиас`). The context breaks ties: the word before the name
asks for a case (`context_case`), a past-tense verb after it shows a gender (`context_gender`).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .morph import CACHE_SIZE, fold, keep_yo, lemmas, load_word_list, match_case, parses

NAME_TAGS = frozenset({'Name', 'Surn', 'Patr'})
CASES = ('nomn', 'gent', 'datv', 'accs', 'ablt', 'loct')
GENDERS = ('masc', 'femn')
INITIAL = re.compile(r'^[A-ZА-ЯЁ][a-zа-яё]?\.(?:-[A-ZА-ЯЁ][a-zа-яё]?\.)?$')  # В.  Дж.  Ж.-К.
VOWELS = frozenset('аеёиоуыэюя')
GENERATION = re.compile(r'-(?:младш|старш)\w*$', re.IGNORECASE)  # Буш-младший → Буш

# Case endings of foreign names the dictionary does not know, by gender and case: (ending, nominative ending).
ENDINGS = {
    # Men's names of the a-declension too (Нельсона Манделы → Мандела, Степану Бандере → Бандера).
    ('masc', 'gent'): (('ии', 'ия'), ('ы', 'а'), ('я', 'ь'), ('а', ''), ('и', 'а')),
    ('masc', 'accs'): (('ию', 'ия'), ('я', 'ь'), ('а', ''), ('у', 'а'), ('ю', 'я')),
    ('masc', 'datv'): (('ии', 'ия'), ('ю', 'ь'), ('у', ''), ('е', 'а')),
    ('masc', 'ablt'): (('ией', 'ия'), ('ем', 'ь'), ('ём', 'ь'), ('ом', ''), ('ым', ''), ('ой', 'а')),
    ('masc', 'loct'): (('ии', 'ия'), ('е', ''), ('е', 'а')),
    ('femn', 'gent'): (('ии', 'ия'), ('ой', 'а'), ('и', 'я'), ('ы', 'а'), ('и', 'а')),
    ('femn', 'datv'): (('ии', 'ия'), ('ой', 'а'), ('е', 'а')),
    ('femn', 'accs'): (('ю', 'я'), ('у', 'а')), ('femn', 'ablt'): (('ей', 'я'), ('ой', 'а')),
    ('femn', 'loct'): (('ии', 'ия'), ('ой', 'а'), ('е', 'а')),
}


@dataclass(frozen=True, slots=True)
class Reading:
    """One word's reading in one case and gender, with a weight; `parse` None means 'as written'."""

    weight: float
    parse: object | None


@lru_cache(maxsize=CACHE_SIZE)
def _readings(word: str, case: str, gender: str) -> Reading | None:
    """The best dictionary reading of a word in (case, gender), or None."""
    best = None
    for parse in parses(word):
        tag = parse.tag
        grammemes = tag.grammemes
        if 'plur' in grammemes and 'Fixd' not in grammemes:
            continue
        if 'NOUN' not in grammemes and not ('ADJF' in grammemes and adjectival(word)):
            continue
        if tag.case != case:
            continue
        if tag.gender not in (gender, None) and 'ms-f' not in grammemes:
            continue
        weight = parse.score + (1.0 if NAME_TAGS & grammemes else 0.0) + (0.5 if parse.is_known else 0.0)
        if best is None or weight > best.weight:
            best = Reading(weight, None if 'Fixd' in grammemes else parse)
    if best is None and (case, gender) == ('nomn', 'femn') and WOMANS_SURNAME.search(word):
        # A woman's surname the dictionary knows only as his genitive (`Ракова`): she is as likely
        masculine = _readings(word, 'gent', 'masc')
        if masculine is not None and masculine.parse is not None and 'Surn' in masculine.parse.tag.grammemes:
            best = Reading(masculine.weight, None)  # the nominative is the word as written
    return best


WOMANS_SURNAME = re.compile(r'(?:ов|ев|ёв|ин|ын)а$', re.IGNORECASE)


@lru_cache(maxsize=CACHE_SIZE)
def adjectival(word: str) -> bool:
    """Adjectival surnames the dictionary lacks: Зеленского, Политковской."""
    word = word.lower()
    return bool(re.search(r'(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую)$', word)
                or re.search(r'[^аеиоуыэюяьй](?:ого|ому|ая|ый|ий|ой|ым|им|ую|ом)$', word)
                and any('ADJF' in p.tag.grammemes and p.is_known for p in parses(word)))


@lru_cache(maxsize=CACHE_SIZE)
def _known(word: str) -> bool:
    """The dictionary knows the word as a name, or it has a surname's adjectival form (Зеленского).

    A word the dictionary knows only as a common noun (`Пике`, `Туре`, `Соболь`) is read as a
    foreign name, which is what it is inside a person's name.
    """
    return adjectival(word) or any(p.is_known and NAME_TAGS & p.tag.grammemes for p in parses(word))


@lru_cache(maxsize=CACHE_SIZE)
def _indeclinable(word: str) -> bool:
    """Every reading is fixed (Шойгу, Чарли): the word says nothing about the case."""
    readings = [p for p in parses(word) if 'NOUN' in p.tag.grammemes]
    return bool(readings) and all('Fixd' in p.tag.grammemes for p in readings)


# Unambiguous oblique endings of foreign names, used when no known word gives the case.
# Not -ём: it ends many Swedish surnames in the nominative (`Никлас Лидстрём`).
GUESS_ENDINGS = (('ом', 'ablt', 'masc'), ('ем', 'ablt', 'masc'), ('ой', 'ablt', 'femn'), ('ей', 'ablt', 'femn'),
                 ('ичу', 'datv', 'masc'), ('ича', 'gent', 'masc'),  # Slavic -ич surnames: `Деяну Станковичу`
                 ('ы', 'gent', 'masc'))  # no name ends so in the nominative: `Эммерсона Мнангагвы`, `Здено Хары`
PREPOSITION_CASES = {
    **dict.fromkeys('у от до из без для около после против среди кроме возле вокруг мимо вместо ради '
                    'помимо напротив вне насчет'.split(), 'gent'),
    **dict.fromkeys('к ко по благодаря согласно'.split(), 'datv'),
    **dict.fromkeys('с со над под перед между'.split(), 'ablt'),
    **dict.fromkeys('о об обо при'.split(), 'loct'),
    **dict.fromkeys('через про'.split(), 'accs'),
}


# between two names of a list, maybe after a bracket: `Лионеля Месси («Барселона») и Неймара`
LIST_LINK = re.compile(r'(?:[ \xa0]*\([^()\n]{1,60}\))?[ \xa0]*(?:,|,?[ \xa0]+(?:и|или))[ \xa0]+')
PREVIOUS_WORD = re.compile(r'([А-Яа-яЁё-]+)[ \xa0]+$')
CLOSING_QUOTE = re.compile(r'(?:»|(?<=\S)["”])[ \xa0]+$')


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
    match = PREVIOUS_WORD.search(text, max(0, start - 40), start)
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
        return 'nomn'  # `заявил Николас Мадуро`
    if readings and readings[0].is_known and {'ADJF', 'PRTF'} & readings[0].tag.grammemes:
        return readings[0].tag.case  # an adjective agrees with the name: `у 66-летнего Никоса Анастасиадиса`
    nouns = [p for p in readings if 'NOUN' in p.tag.grammemes and p.is_known]
    if not nouns or readings[0] not in nouns:
        return None
    if is_kinship_noun(word):
        return None  # the relative's genitive (`сыну Путина`) or the person in apposition (`жена Алисия`)
    if is_title(word):
        return nouns[0].tag.case
    best = nouns[0].tag
    if is_relation_noun(word):
        return 'gent'  # the other person: `соратник Цзян Цзэминя`, `адвокату Ассанжа`
    if {'anim', 'sing'} <= best.grammemes and best.case in ('nomn', 'datv', 'ablt', 'loct'):
        # a person noun names the person: `американка София Коппола`, `французу Анаклету Вамбе`
        return best.case
    return 'gent'


def _title_before(text: str, start: int) -> str | None:
    """The case of a title before the capitalised word (a country's or an organisation's name in the
    genitive) that ends at `start`."""
    match = PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if not match or not match.group(1)[:1].islower() or not is_title(match.group(1)):
        return None
    nouns = [p for p in parses(match.group(1).lower()) if 'NOUN' in p.tag.grammemes and p.is_known]
    # one person's title, not a plural that is itself a genitive (`секретарь кабинета министров Японии`)
    return nouns[0].tag.case if nouns and 'sing' in nouns[0].tag.grammemes else None


# The Latin letters a Cyrillic final letter is written with (`ch`, `sh`, `ph` end in h).
LATIN_ENDINGS = {'а': 'a', 'я': 'a', 'о': 'o', 'у': 'u', 'ю': 'u', 'е': 'e', 'э': 'e', 'ё': 'o', 'и': 'iy',
                 'ы': 'y', 'й': 'iy', 'б': 'b', 'в': 'vw', 'г': 'gh', 'д': 'd', 'ж': 'jgz', 'з': 'zs',
                 'к': 'kcq', 'л': 'l', 'м': 'm', 'н': 'n', 'п': 'p', 'р': 'r', 'с': 'scz', 'т': 't',
                 'ф': 'fh', 'х': 'hx', 'ц': 'cz', 'ч': 'h', 'ш': 'h', 'щ': 'h'}


def ends_as_latin(words: list[str], latin: list[str]) -> bool:
    """Each word of a name ends as the Latin spelling given beside it does (`Хайдара`, `Haidara`;
    `Фолькер`, `Volker`; not `Фолькера` nor `Марком`, `Mark`)."""
    if len(words) != len(latin):
        return False
    for word, other in zip(words, latin):
        letters = fold(word).rstrip('ь')  # `Игорь`, `Igor`
        other_last = unicodedata.normalize('NFKD', other.lower()).encode('ascii', 'ignore').decode()[-1:]
        if not letters or not other_last or other_last not in LATIN_ENDINGS.get(letters[-1], ''):
            return False
    return True


def _telling(words: tuple[str, ...]) -> list[str]:
    """The words of a name whose form tells a case and gender: known to the dictionary and declined."""
    return [word for word in words
            if not INITIAL.match(word) and _known(word) and not _indeclinable(word) and not _ordinal(word)]


@lru_cache(maxsize=CACHE_SIZE)
def _scores(words: tuple[str, ...], hint: str | None = None) -> dict[tuple[str, str], float]:
    """How well the name's known words agree on each (case, gender); 0 where none reads so."""
    telling = _telling(words)
    scores = {}
    for case in CASES:
        for gender in GENDERS:
            score = 0.0
            for word in telling:
                reading = _readings(word, case, gender)
                if reading is not None:
                    # the last word is a surname: a first name's reading there counts, but does not
                    # outweigh the first name (`Клару Освальд` is her accusative, not *Освальд's nominative)
                    as_first_name = (len(words) > 1 and word == words[-1] and reading.parse is not None
                                     and {'Name', 'Surn'} & reading.parse.tag.grammemes == {'Name'})
                    score += 1 if as_first_name else 1 + reading.weight
            if score > 0:  # the context breaks ties such as `Евгения Медведева` (she, or his genitive)
                score += (0.3 if case == hint else 0.0) + (0.01 if case == 'nomn' else 0.0)
            scores[case, gender] = score
    return scores


@lru_cache(maxsize=CACHE_SIZE)
def known_as(word: str, *grammemes: str) -> bool:
    """The dictionary knows the word, not by a guess, with all these grammemes: a first name (`Name`),
    a patronymic (`Patr`), a woman's patronymic (`Patr`, `femn`), an ordinal number (`Anum`)."""
    return any(p.is_known and set(grammemes) <= p.tag.grammemes for p in parses(word))


def _ordinal(word: str) -> bool:
    """A regnal number (`Второй`, `Третьего`): it agrees with the name and says nothing of its own
    (`Второй` alone reads best as a woman's genitive)."""
    return known_as(word, 'Anum')


@lru_cache(maxsize=CACHE_SIZE)
def own_gender(words: tuple[str, ...]) -> str | None:
    """The gender in which more of the name's words read together than in the other (`Медведевой`,
    `Еленой Малашенко`, `Андрияну Григорьевичу Николаеву`, whose first name and surname would also
    read as her accusative, but not his patronymic); None for `Евгения Медведева` (she, or his
    genitive) and for `Малашенко`."""
    telling = _telling(words)
    most = {gender: max(sum(_readings(word, case, gender) is not None for word in telling) for case in CASES)
            for gender in GENDERS}
    if most['masc'] == most['femn']:
        return None
    return 'masc' if most['masc'] > most['femn'] else 'femn'


@lru_cache(maxsize=CACHE_SIZE)
def case_and_gender(words: tuple[str, ...], hint: str | None = None, gender_hint: str | None = None) -> tuple[str, str]:
    """The (case, gender) most of the name's known words agree on; nominative masculine on a tie.
    Where `gender_hint` (from the context or the rest of the document) is a reading, it is the gender."""
    scores = _scores(words, hint)
    if any(score > 0 for (_, gender), score in scores.items() if gender == gender_hint):
        scores = {key: score for key, score in scores.items() if key[1] == gender_hint}
    best, best_score = ('nomn', 'masc'), -1.0
    for key, score in scores.items():
        if score > best_score + 1e-9:
            best, best_score = key, score
    if best_score < 1:  # no known word: an unambiguous ending of a foreign name decides, then the context
        for word in words:
            for ending, case, gender in GUESS_ENDINGS:
                if (len(word) > len(ending) + 2 and word.lower().endswith(ending) and not _ordinal(word)
                        and all(_could_be(other, case, gender) for other in words)):
                    return case, gender
        if hint in CASES:
            return hint, gender_hint or best[1]
    return best


ROMAN = re.compile(r'[IVXLC]+')  # a regnal number: `Шенуды III`


def _written_case(words: list[str], written: frozenset[str]) -> tuple[str, str] | None:
    """The (case, gender) of a name one of whose words the document also writes without its case
    ending (`Лиама`, where `Лиам` is written)."""
    return next(((case, gender) for word in words
                 for form, case, gender in _written_forms(word, written, bare_stems=False)
                 if not _inflected(form, written, gender)), None)


def _written_forms(word: str, written: frozenset[str], bare_stems: bool = True) -> Iterator[tuple[str, str, str]]:
    """The forms of `word` without a case ending that the document writes, in the order of `ENDINGS`,
    each with the (case, gender) its ending marks: `Байден` (genitive, masculine) for `Байдена`. With
    `bare_stems`, also the stem without the nominative's ending (`Сабриэл` for `Сабриэлем`)."""
    lower = word.lower()
    for (gender, case), endings in ENDINGS.items():
        for ending, replacement in endings:
            stem = word[:-len(ending)]
            if lower.endswith(ending) and len(stem) > 1:
                for form in (stem + replacement, stem) if bare_stems else (stem + replacement,):
                    if fold(form) in written and fold(form) != fold(word):
                        yield form, case, gender


def _inflected(form: str, written: frozenset[str], gender: str) -> bool:
    """The document also writes `form` without a case ending of this gender (`Пейдж` for `Пейджа`; but
    `Савичев` beside `Савичева` is another person, her father)."""
    return any(g == gender for _, _, g in _written_forms(form, written, bare_stems=False))


def _could_be(word: str, case: str, gender: str) -> bool:
    """A word of a name can stand in this case: it has one of its endings, or it does not decline, as
    a woman's name ending in a consonant does not (`Чулпан Хаматовой`), nor the one-syllable parts of
    an East Asian name (`Фан Ван Жангом`); `Гурбангулы Бердымухамедов` is no genitive: it would be
    `Бердымухамедова`."""
    lower = word.lower()
    return (bool(INITIAL.match(word) or ROMAN.fullmatch(word)) or lower[-1:] in 'оеиуэю' or _ordinal(word)
            or gender == 'femn' and lower[-1:] not in VOWELS or sum(c in VOWELS for c in lower) == 1
            or any(lower.endswith(ending) for ending, _ in ENDINGS.get((gender, case), ())))


def _foreign(word: str, case: str, gender: str, written: frozenset[str]) -> str:
    """The nominative of a name the dictionary does not know (see the module docstring)."""
    if case != 'nomn':  # a feminine noun as a name declines as the noun (`Леи Органы` → `Органа`); a
        # masculine one is more often a foreign name that looks like it (`Бени Ганца` is not *Ганец)
        for parse in parses(word):
            if (parse.is_known and {'NOUN', 'sing', 'femn'} <= parse.tag.grammemes and parse.tag.case == case
                    and 'Fixd' not in parse.tag.grammemes):
                nominative = parse.inflect({'nomn', 'sing'})
                if nominative:
                    return match_case(word, keep_yo(word, nominative.word))
    if case == 'nomn':
        # The case is unknown or nominative: only a shorter form the document writes (Байден beside
        # Байдена) shows that this one is inflected.
        return next((form for form, _, gender in _written_forms(word, written)
                     if not _inflected(form, written, gender)), word)
    candidates = []
    for ending, replacement in ENDINGS.get((gender, case), ()):
        if word.lower().endswith(ending) and len(word) > len(ending) + 1:
            stem = word[:-len(ending)]
            if (ending, replacement) == ('и', 'а') and stem[-1:].lower() not in 'жшчщкгх':
                continue  # -и for -ы only after a hushing consonant or a velar: `Янши`, `Мутарики`
            if replacement == 'ь' and stem[-1:].lower() == 'и':
                continue  # `София`, `Сильвия`: a woman's name in -ия, not a man's in *-ий
            if replacement == 'ь' and stem[-1:].lower() in VOWELS:
                replacement = 'й'  # Эшпая → Эшпай, not *Эшпаь
            elif replacement == 'ь' and stem[-1:].lower() in 'жшчщц':
                replacement = ''  # `Джоковичем` → `Джокович`: no soft sign after a hushing consonant
            elif replacement == 'ь' and stem[-2:-1].lower() not in VOWELS:
                continue  # a soft sign after two consonants: `Лидстрем` is no instrumental of *Лидстрь
            candidates.append(stem + replacement)
            candidates.append(stem)
    # a form the document writes, unless it is itself inflected from a shorter one it writes (`Пейджа`
    # beside `Пейдж` is no nominative for `Пейджу`, nor `Мигеля` beside `Мигель` for `Мигелю`)
    for candidate in candidates:
        if fold(candidate) in written and not _inflected(candidate, written, gender):
            return candidate
    if not candidates:  # no ending of this case: the form of another case's reading the document writes
        # (`Дерека Чисору` beside `Дерек Чисора`)
        for form, _, _ in _written_forms(word, written, bare_stems=False):
            if not _inflected(form, written, gender):
                return form
    # Foreign names ending in -е, -и, -о, -э rarely decline (Сиссе, Буфье, Саркози, Мадуро): keep them,
    # unless a two-letter Russian ending shows a declined name (Гарсии, Сарновым).
    if word[-1:].lower() in 'оеэи' and not any(word.lower().endswith(e) for e, _ in
                                               ENDINGS.get((gender, case), ()) if len(e) > 1):
        return word
    return candidates[0] if candidates else word


def normalize_person(words: list[str], written: frozenset[str] = frozenset(), hint: str | None = None,
                     gender_hint: str | None = None) -> str:
    """The nominative of a whole name given as its words (`['Владимиру', 'Путину']` → `Владимир Путин`).

    `written` holds the folded words the document writes in its names, to prefer their spelling;
    `hint` is the case the context asks for (see `context_case`), used when no word of the name is known;
    `gender_hint` the gender the context or the document shows (see `context_gender`, `find_persons`).
    """
    words = [w for i, w in enumerate(words)  # a word written twice: `Максим Дадашев Дадашев`
             if i == 0 or INITIAL.match(w) or fold(w) != fold(words[i - 1])]
    if _last_part_declines(words, hint):  # `одобрения Дэн Сяопина`, `у Ким Чен Ына`
        return GENERATION.sub('', ' '.join(words[:-1] + [_foreign(words[-1], hint, 'masc', written)]))
    # an Arabic family name after its article stays as written (`Хамад бин Халифа Аль Тани`, not *Таня)
    fixed = {i for i in range(len(words)) if fold(words[i]) in ARTICLES or i and fold(words[i - 1]) in ARTICLES}
    declined = tuple(word for i, word in enumerate(words) if i not in fixed) or tuple(words)
    case, gender = case_and_gender(declined, hint, gender_hint)
    if case == 'nomn' and hint != 'nomn' and not any(_known(word) for word in words):
        # no word says the case: a word the document also writes shorter does (`Лиама Хоулетта`
        # beside `Лиам`), and the rest of the name is in the same case
        case, gender = _written_case(words, written) or (case, gender)
    out = []
    for i, word in enumerate(words):
        if INITIAL.match(word) or i in fixed:
            out.append(word)
            continue
        parts = word.split('-')
        out.append('-'.join(_word_nominative(part, case, gender, written) if part[:1].isupper() or k == 0 else part
                            for k, part in enumerate(parts)))
    return GENERATION.sub('', ' '.join(out))


OBLIQUE = frozenset(CASES[1:])
ARTICLES = frozenset({'аль', 'эль'})  # written apart: `Аль Тани`, `Аль Сауд` (`аль-Асад` is one word)


def _last_part_declines(words: list[str], hint: str | None) -> bool:
    """A Chinese, Korean or Vietnamese name, where Russian declines only the last word (`Дэн Сяопина`,
    `Цзян Цзэминя`, `Ким Чен Ына`): the context asks for an oblique case, the first word is one
    syllable that is not declined in it, and the last word is unknown and ends in a man's case ending.
    A Western first name would be declined with its surname (`Дэна Брауна`)."""
    if hint not in OBLIQUE or len(words) < 2 or INITIAL.match(words[0]):
        return False
    first, last = words[0], words[-1]
    if sum(c in VOWELS for c in first.lower()) != 1:
        return False
    if any((reading := _readings(first, hint, gender)) is not None and reading.parse is not None
           for gender in GENDERS):
        return False
    return not _known(last) and any(last.lower().endswith(ending) and len(last) > len(ending) + 1
                                    for ending, _ in ENDINGS[('masc', hint)])


def _word_nominative(word: str, case: str, gender: str, written: frozenset[str]) -> str:
    if not _known(word):
        return _foreign(word, case, gender, written)
    return _known_nominative(word, case, gender)


@lru_cache(maxsize=CACHE_SIZE)
def _known_nominative(word: str, case: str, gender: str) -> str:
    """The nominative of a word the dictionary knows as a name (inflection is the costly part: cached)."""
    reading = _readings(word, case, gender)
    if reading is None or reading.parse is None:
        return word
    parse = reading.parse
    wanted = {'nomn', 'sing'}
    if 'ADJF' in parse.tag.grammemes or 'Surn' in parse.tag.grammemes:
        wanted.add(gender)
    inflected = parse.inflect(wanted) or parse.inflect({'nomn', 'sing'})
    value = inflected.word if inflected else parse.normal_form
    return match_case(word, keep_yo(word, value))


def name_words(text: str) -> list[str]:
    """The words of a name as written: `В.В. Путин` → `В.`, `В.`, `Путин`; `Дж.Коми` → `Дж.`, `Коми`;
    `Ж.-К.Трише` → `Ж.-К.`, `Трише`."""
    return list(_name_words(text))


@lru_cache(maxsize=CACHE_SIZE)
def _name_words(text: str) -> tuple[str, ...]:
    words = []
    for chunk in text.replace('\xa0', ' ').replace('\xad', '').split():  # soft hyphens are not written
        parts = NAME_PART.findall(chunk)
        words.extend(p if INITIAL.match(p) else p.rstrip('.') for p in parts if p.strip('.'))
    return tuple(words)


NAME_PART = re.compile(r'[A-ZА-ЯЁ][a-zа-яё]?\.(?:-[A-ZА-ЯЁ][a-zа-яё]?\.)?|[^\s.]+\.?')


def opens_sentence(text: str, start: int) -> bool:
    """Nothing but spaces between the start of a sentence or a clause and `start`."""
    before = text[max(0, start - 40):start].rstrip(' \xa0\t')
    return not before or before[-1] in '.!?…\n:;—–"«»('


def titles() -> frozenset[str]:
    """Lemmas of `data/person_titles.txt`."""
    return load_word_list('person_titles.txt')


@lru_cache(maxsize=CACHE_SIZE)
def is_title(word: str) -> bool:
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
    match = PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if not match or not opens_sentence(text, match.start(1)):
        return False
    readings = parses(match.group(1).lower())
    return (bool(readings) and readings[0].is_known and 'NOUN' in readings[0].tag.grammemes
            and not NAME_TAGS & readings[0].tag.grammemes and not is_title(match.group(1)))


def title_gender(text: str, start: int) -> str | None:
    """'femn' where the word before a name is a feminine noun for a person, which the name stands in
    apposition to (`миссис Обама`, `фигуристка Евгения Медведева`); not a kinship or relation noun,
    which names another person (`жена Путина`). A masculine noun says nothing: `министр Ирина Яровая`."""
    match = PREVIOUS_WORD.search(text, max(0, start - 40), start)
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
