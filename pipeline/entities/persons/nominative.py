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
from dataclasses import dataclass
from functools import lru_cache

from ...nlp.morph import CACHE_SIZE, fold, keep_yo, match_case, parses
from .foreign import ENDINGS, GUESS_ENDINGS, _could_be, _foreign, _written_case, _written_everywhere
from .names import CASES, GENDERS, GENERATION, INITIAL, NAME_TAGS, SURNAME_ENDINGS, VOWELS, _ordinal, adjectival


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
        # two surnames of one form: the one of the adjectival declension, which the dictionary lists as
        # a surname of its own, over the possessive one it makes of any -ов stem (`Ирины Яровой`: Яровая)
        weight += 0.01 if 'Surn' in grammemes and adjectival(parse.normal_form) else 0.0
        if best is None or weight > best.weight:
            best = Reading(weight, None if 'Fixd' in grammemes else parse)
    if best is None and (case, gender) == ('nomn', 'femn') and WOMANS_SURNAME.search(word):
        # A woman's surname the dictionary knows only as his genitive (`Ракова`): she is as likely
        masculine = _readings(word, 'gent', 'masc')
        if masculine is not None and masculine.parse is not None and 'Surn' in masculine.parse.tag.grammemes:
            best = Reading(masculine.weight, None)  # the nominative is the word as written
    return best


# her surname of the noun declension (`Ракова`); the adjectival ones (`Зеленская`) the dictionary reads
NOUN_SURNAMES = '|'.join(his for his, _ in SURNAME_ENDINGS if not his.endswith('ий'))
WOMANS_SURNAME = re.compile(f'(?:{NOUN_SURNAMES})а$', re.IGNORECASE)


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


def _telling(words: tuple[str, ...]) -> list[str]:
    """The words of a name whose form tells a case and gender: known to the dictionary and declined."""
    return [word for word in words
            if not INITIAL.match(word) and _known(word) and not _indeclinable(word) and not _ordinal(word)]


@lru_cache(maxsize=CACHE_SIZE)
def _scores(words: tuple[str, ...], hint: str | None = None) -> dict[tuple[str, str], float]:
    """How well the name's known words agree on each (case, gender); 0 where none reads so."""
    telling = _telling(words)
    # a word the dictionary does not know must be able to stand in the case: `Бени Ганц` is no genitive
    # (it would be `Ганца`), `Апхисит Ветчачива` no accusative (`Апхисита`)
    allowed = None
    for word in words:
        if not INITIAL.match(word) and not _known(word):
            possible = _possible_readings(word, word is words[-1])
            allowed = possible if allowed is None else allowed & possible
    scores = {}
    for case in CASES:
        for gender in GENDERS:
            score = 0.0
            if allowed is not None and case != 'nomn' and (case, gender) not in allowed:
                scores[case, gender] = score
                continue
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
def _possible_readings(word: str, last: bool) -> frozenset[tuple[str, str]]:
    """The (case, gender) a foreign word of a name can stand in (see `foreign._could_be`)."""
    return frozenset((case, gender) for case in CASES for gender in GENDERS if _could_be(word, case, gender, last))


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
        gender = gender_hint or best[1]
        if hint in CASES and (hint == 'nomn' or all(_could_be(w, hint, gender, w is words[-1]) for w in words)):
            return hint, gender
    return best


def normalize_person(words: list[str], written: frozenset[str] = frozenset(), hint: str | None = None,
                     gender_hint: str | None = None) -> str:
    """The nominative of a whole name given as its words (`['Владимиру', 'Путину']` → `Владимир Путин`).

    `written` holds the folded words the document writes in its names, to prefer their spelling;
    `hint` is the case the context asks for (see `context_case`), used when no word of the name is known;
    `gender_hint` the gender the context or the document shows (see `context_gender`, `find_persons`).
    """
    return _normalize_person(tuple(words), written, hint, gender_hint)


@lru_cache(maxsize=CACHE_SIZE)  # a document asks again for the names it repeats, and its persons' decision once more
def _normalize_person(words: tuple[str, ...], written: frozenset[str], hint: str | None,
                      gender_hint: str | None) -> str:
    words = [w for i, w in enumerate(words)  # a word written twice: `Максим Дадашев Дадашев`
             if i == 0 or INITIAL.match(w) or fold(w) != fold(words[i - 1])]
    if _last_part_declines(words, hint):  # `одобрения Дэн Сяопина`, `у Ким Чен Ына`
        return GENERATION.sub('', ' '.join(words[:-1] + [_foreign(words[-1], hint, 'masc', written)]))
    # an Arabic family name after its article stays as written (`Хамад бин Халифа Аль Тани`, not *Таня)
    fixed = {i for i in range(len(words)) if fold(words[i]) in ARTICLES or i and fold(words[i - 1]) in ARTICLES}
    declined = tuple(word for i, word in enumerate(words) if i not in fixed) or tuple(words)
    case, gender = case_and_gender(declined, hint, gender_hint)
    written_reading = False
    if case == 'nomn' and hint != 'nomn' and not any(_known(word) for word in words):
        # no word says the case: a word the document also writes shorter does (`Лиама Хоулетта`
        # beside `Лиам`), and the rest of the name is in the same case
        case, gender = _written_case(words, written) or (case, gender)
    elif (case == 'nomn' and hint != 'nomn' and len(full := [w for w in declined if not INITIAL.match(w)]) > 1
          and not all(_known(word) for word in full)):
        # every word, one of them foreign, is a form of a shorter one the document writes: that reading,
        # whatever the dictionary says of a word alone (`Марьяна Шареца` beside `Марьян Шарец`; not
        # `Александра Петрова` beside `Александр Петров`, where the dictionary reads both words)
        found = _written_everywhere(list(declined), written)
        if found:
            (case, gender), written_reading = found, True
    # the person's gender (decided from all its mentions) against the words' best reading: where the
    # context asks for a case every word can stand in for that gender, a word the dictionary knows only
    # in the other gender is a foreign name (`сменит Арлена Спектера` is his accusative: `Арлен`)
    overridden = (not written_reading and gender_hint in GENDERS and gender != gender_hint and hint in OBLIQUE
                  and all(_could_be(word, hint, gender_hint, word is declined[-1]) for word in declined))
    if overridden:
        case, gender = hint, gender_hint
    forced = written_reading or overridden  # a known word without a reading in (case, gender) is read as foreign
    out = []
    for i, word in enumerate(words):
        if INITIAL.match(word) or i in fixed:
            out.append(word)
            continue
        parts = word.split('-')
        out.append('-'.join(_word_nominative(part, case, gender, written, forced) if part[:1].isupper() or k == 0
                            else part for k, part in enumerate(parts)))
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


def _word_nominative(word: str, case: str, gender: str, written: frozenset[str], forced: bool = False) -> str:
    if not _known(word) or forced and _readings(word, case, gender) is None:
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
