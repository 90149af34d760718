"""Person mentions: the span of the name, its nominative, and merging short forms into the fullest name.

Nominative. The case and gender that most words of the name can share are chosen together
(`Любовь Глебова`: nominative feminine, not genitive masculine `Глебов`), then each word that the
dictionary knows in that case and gender is put in the nominative (`Марии Захаровой` → `Мария
Захарова`); a word it knows only otherwise stays as written (`Любови Соболь` → `Любовь Соболь`).
A word pymorphy3 does not know is a foreign name: it keeps its form in the nominative and when it
ends in a vowel that is not a case ending (`Мадуро`, `Амаду Туре`, never `мадурый`); otherwise its
case ending is taken off (`Уго Чавеса` → `Чавес`, `Цзян Цзэминя` → `Цзэминь`), preferring a form the
same document writes (`Сабриэлем` → `Сабриэл` where the text also has `Сабриэл Матиас`).
"""
from __future__ import annotations

import csv
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .morph import CACHE_SIZE, DATA, fold, keep_yo, lemmas, load_word_list, match_case, parses
from .records import Mention, Span, Token

NAME_TAGS = frozenset({'Name', 'Surn', 'Patr'})
CASES = ('nomn', 'gent', 'datv', 'accs', 'ablt', 'loct')
GENDERS = ('masc', 'femn')
INITIAL = re.compile(r'^[A-ZА-ЯЁ][a-zа-яё]?\.(?:-[A-ZА-ЯЁ][a-zа-яё]?\.)?$')  # В.  Дж.  Ж.-К.
VOWELS = frozenset('аеёиоуыэюя')
GENERATION = re.compile(r'-(?:младш|старш)\w*$', re.IGNORECASE)  # Буш-младший → Буш
QUOTED = re.compile(r'[«„“"]([^«»„“”"\n]{1,80})[»“”"]')
MAX_TITLE_WORDS = 6  # a short quoted phrase holding a name is a title: the TV programme «С Мадуро +»
SENTENCE_INSIDE = re.compile(r'[.!?…]\s+[А-ЯЁA-Z]')  # «Максим скончался. Не выдержало сердце» is speech
# Where a PER span stops being one name: brackets, quotes, clause punctuation, dashes, and a sentence end
# (a full stop after a word of two lower-case letters or more, so that initials `Н. Мадуро` stay whole).
SPAN_BREAK = re.compile(r'[(\[«»"“”„;:!?,]|\s[-–—]\s|[–—]|(?<=[а-яёa-z]{2})\.\s+(?=[А-ЯЁA-Z][а-яёa-z])')
# Case endings of foreign names the dictionary does not know, by gender and case: (ending, nominative ending).
ENDINGS = {
    # Men's names of the a-declension too (Нельсона Манделы → Мандела, Степану Бандере → Бандера).
    ('masc', 'gent'): (('ии', 'ия'), ('ы', 'а'), ('я', 'ь'), ('а', '')),
    ('masc', 'accs'): (('ию', 'ия'), ('я', 'ь'), ('а', ''), ('у', 'а')),
    ('masc', 'datv'): (('ии', 'ия'), ('ю', 'ь'), ('у', ''), ('е', 'а')),
    ('masc', 'ablt'): (('ией', 'ия'), ('ем', 'ь'), ('ём', 'ь'), ('ом', ''), ('ым', ''), ('ой', 'а')),
    ('masc', 'loct'): (('ии', 'ия'), ('е', '')),
    ('femn', 'gent'): (('ии', 'ия'), ('ой', 'а'), ('и', 'я'), ('ы', 'а')),
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
        if 'NOUN' not in grammemes and not ('ADJF' in grammemes and _adjectival(word)):
            continue
        if tag.case != case:
            continue
        if tag.gender not in (gender, None) and 'ms-f' not in grammemes:
            continue
        weight = parse.score + (1.0 if NAME_TAGS & grammemes else 0.0) + (0.5 if parse.is_known else 0.0)
        if best is None or weight > best.weight:
            best = Reading(weight, None if 'Fixd' in grammemes else parse)
    return best


@lru_cache(maxsize=CACHE_SIZE)
def _adjectival(word: str) -> bool:
    """Adjectival surnames the dictionary lacks: Зеленского, Политковской."""
    word = word.lower()
    return bool(re.search(r'(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую)$', word)
                or re.search(r'[^аеиоуыэюяьй](?:ого|ому|ая|ый|ий|ой)$', word)
                and any('ADJF' in p.tag.grammemes and p.is_known for p in parses(word)))


@lru_cache(maxsize=CACHE_SIZE)
def _known(word: str) -> bool:
    """The dictionary knows the word as a name, or it has a surname's adjectival form (Зеленского).

    A word the dictionary knows only as a common noun (`Пике`, `Туре`, `Соболь`) is read as a
    foreign name, which is what it is inside a person's name.
    """
    return _adjectival(word) or any(p.is_known and NAME_TAGS & p.tag.grammemes for p in parses(word))


@lru_cache(maxsize=CACHE_SIZE)
def _indeclinable(word: str) -> bool:
    """Every reading is fixed (Шойгу, Чарли): the word says nothing about the case."""
    readings = [p for p in parses(word) if 'NOUN' in p.tag.grammemes]
    return bool(readings) and all('Fixd' in p.tag.grammemes for p in readings)


# Unambiguous oblique endings of foreign names, used when no known word gives the case.
# Not -ём: it ends many Swedish surnames in the nominative (`Никлас Лидстрём`).
GUESS_ENDINGS = (('ом', 'ablt', 'masc'), ('ем', 'ablt', 'masc'), ('ой', 'ablt', 'femn'), ('ей', 'ablt', 'femn'),
                 ('ичу', 'datv', 'masc'), ('ича', 'gent', 'masc'))  # Slavic -ич surnames: `Деяну Станковичу`


PREPOSITION_CASES = {
    **dict.fromkeys('у от до из без для около после против среди кроме возле вокруг мимо вместо ради '
                    'помимо напротив вне насчет'.split(), 'gent'),
    **dict.fromkeys('к ко по благодаря согласно'.split(), 'datv'),
    **dict.fromkeys('с со над под перед между'.split(), 'ablt'),
    **dict.fromkeys('о об обо при'.split(), 'loct'),
    **dict.fromkeys('через про'.split(), 'accs'),
}
LIST_LINK = re.compile(r'[ \xa0]*(?:,|,?[ \xa0]+(?:и|или))[ \xa0]+')  # between two names of a list
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
    if _opens_sentence(text, start):
        return 'nomn'  # a name opening a sentence or a clause is its subject
    match = PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if not match:
        return None
    word = match.group(1).lower()
    if word in PREPOSITION_CASES:  # also opening a sentence: `У Клинтон был кашель`
        return PREPOSITION_CASES[word]
    if not match.group(1)[:1].islower():
        return None
    readings = parses(word)
    if readings and 'VERB' in readings[0].tag.grammemes:
        return 'nomn'  # `заявил Николас Мадуро`
    nouns = [p for p in readings if 'NOUN' in p.tag.grammemes and p.is_known]
    if not nouns or readings[0] not in nouns:
        return None
    if lemmas(word) & titles():
        return nouns[0].tag.case
    return 'gent'


@lru_cache(maxsize=CACHE_SIZE)
def _scores(words: tuple[str, ...], hint: str | None = None) -> dict[tuple[str, str], float]:
    """How well the name's known words agree on each (case, gender); 0 where none reads so."""
    scores = {}
    for case in CASES:
        for gender in GENDERS:
            score = 0.0
            for word in words:
                if INITIAL.match(word) or not _known(word) or _indeclinable(word):
                    continue
                reading = _readings(word, case, gender)
                if reading is not None:
                    score += 1 + reading.weight
            if score > 0:  # the context breaks ties such as `Евгения Медведева` (she, or his genitive)
                score += (0.6 if case == hint else 0.0) + (0.01 if case == 'nomn' else 0.0)
            scores[case, gender] = score
    return scores


def own_gender(words: tuple[str, ...]) -> str | None:
    """The gender the name's own words allow, if they allow only one (`Медведевой`, `Еленой
    Малашенко`); None for `Евгения Медведева` (she, or his genitive) and for `Малашенко`."""
    scores = _scores(words)
    genders = {gender for (_, gender), score in scores.items() if score > 0}
    return genders.pop() if len(genders) == 1 else None


@lru_cache(maxsize=CACHE_SIZE)
def _choose(words: tuple[str, ...], hint: str | None = None, gender_hint: str | None = None) -> tuple[str, str]:
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
                if len(word) > len(ending) + 2 and word.lower().endswith(ending):
                    return case, gender
        if hint in CASES:
            return hint, gender_hint or best[1]
    return best



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
        for (_, other_case), endings in ENDINGS.items():
            for ending, replacement in endings:
                stem = word[:-len(ending)]
                if other_case != 'nomn' and word.lower().endswith(ending) and len(stem) > 1:
                    for candidate in (stem + replacement, stem):
                        if fold(candidate) in written and fold(candidate) != fold(word):
                            return candidate
        return word
    candidates = []
    for ending, replacement in ENDINGS.get((gender, case), ()):
        if word.lower().endswith(ending) and len(word) > len(ending) + 1:
            stem = word[:-len(ending)]
            if replacement == 'ь' and stem[-1:].lower() in VOWELS:
                replacement = 'й'  # Эшпая → Эшпай, not *Эшпаь
            elif replacement == 'ь' and stem[-1:].lower() in 'жшчщц':
                replacement = ''  # `Джоковичем` → `Джокович`: no soft sign after a hushing consonant
            elif replacement == 'ь' and stem[-2:-1].lower() not in VOWELS:
                continue  # a soft sign after two consonants: `Лидстрем` is no instrumental of *Лидстрь
            candidates.append(stem + replacement)
            candidates.append(stem)
    for candidate in candidates:
        if fold(candidate) in written:
            return candidate
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
    case, gender = _choose(tuple(words), hint, gender_hint)
    out = []
    for word in words:
        if INITIAL.match(word):
            out.append(word)
            continue
        parts = word.split('-')
        out.append('-'.join(_word_nominative(part, case, gender, written) if part[:1].isupper() or i == 0 else part
                            for i, part in enumerate(parts)))
    return GENERATION.sub('', ' '.join(out))


OBLIQUE = frozenset(CASES[1:])


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
    words = []
    for chunk in text.replace('\xa0', ' ').split():
        parts = re.findall(r'[A-ZА-ЯЁ][a-zа-яё]?\.(?:-[A-ZА-ЯЁ][a-zа-яё]?\.)?|[^\s.]+\.?', chunk)
        words.extend(p if INITIAL.match(p) else p.rstrip('.') for p in parts if p.strip('.'))
    return words


def person_spans(text: str, spans: list[Span]) -> list[tuple[int, int, bool]]:
    """The names inside the PER spans, as (start, end, is_alias): cut at quotes and sentence breaks.

    `Император Акихито` → `Акихито`; `Фолькера Буфье (Volker Bouffier)` → `Фолькера Буфье` and the
    alias `Volker Bouffier` (True: the same person as the name before it). A name inside a short
    quoted title (the programme «С Мадуро +»; quoted speech with a sentence break inside is no title)
    is no person; nor is a lone word the dictionary knows only as something else (`Подавлен`,
    `Кандидатке`, `Муром`), unless it stands inside a sentence and is a noun for a living being
    (`Поп-звезда Мадонна`, `Но Мессии`): there the capital letter makes it a name.
    """
    titles = title_ranges(text)
    out = []
    for span in spans:
        if span.type != 'PER' or any(s <= span.start and span.end <= e for s, e in titles):
            continue
        name = _clean(text, span.start, span.end)
        if name:
            out.append((*_with_surname(text, *name), False))
        bracket = text.find('(', span.start, span.end)
        if bracket >= 0:
            close = text.find(')', bracket, span.end + 1)
            alias = _clean(text, bracket + 1, close if close >= 0 else span.end)
            if alias:
                out.append((*alias, True))
    return out


# Kinship nouns that take the parent's name in the genitive: `сын Акихито Нарухито` is the son of one and
# the name of the other.
KIN = frozenset('сын дочь жена муж брат сестра мать отец вдова внук внучка племянник племянница '
                'наследник наследница преемник преемница'.split())
WORD = re.compile(r'\S+')


def _stem(word: str) -> str:
    """A word without its case ending, to compare names across cases (`Сноудену`, `Сноуден`)."""
    folded = fold(word)
    stem = folded.rstrip('аеёиоуыэюяйь')
    return stem if len(stem) >= 3 else folded


def split_joined(text: str, cuts: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Two names the tagger read as one, split where the joined name occurs once and each part is
    named on its own in the document, as a name or as the surname of another full name (`Эво Моралес
    Эдвард Сноуден`; `сын Кэтрин Жермен Джексон` beside `Кэтрин` and `Жермен Джексон`; `Тони Сопрано
    Гандольфини` beside `Джеймс Гандольфини`). Two single words split only after a kinship noun, and
    only if the first is no dictionary first name (`сын Акихито Нарухито`, but `его брат Рауль Кастро`).
    A first name with a patronymic stays with its surname (`Владимир Владимирович Путин` beside
    `Владимир Владимирович` and `Путин`), and so does a double surname (`Энрике Каприлес Радонски`)."""
    words = {}
    for start, end, alias in cuts:
        if not alias:
            found = [m.span() for m in WORD.finditer(text, start, end)]
            if len(found) == len(name_words(text[start:end])):  # no initials glued to a surname
                words[start, end] = found
    names = Counter(tuple(_stem(text[s:e]) for s, e in found) for found in words.values())
    surnames: dict[str, set[str]] = {}  # the last word of a full name: the words before it
    for name in names:
        if len(name) >= 2:
            surnames.setdefault(name[-1], set()).add(name[-2])

    def named(part: tuple[str, ...], before: str | None = None) -> bool:
        return names[part] > 0 or len(part) == 1 and bool(surnames.get(part[0], set()) - {before})

    out = []
    for start, end, alias in cuts:
        found = words.get((start, end), [])
        name = tuple(_stem(text[s:e]) for s, e in found)
        split = None
        if len(name) >= 2 and names[name] == 1:
            for k in range(1, len(name)):
                head, tail = name[:k], name[k:]
                if (not (named(head) and named(tail, head[-1])) or head[-1] == tail[0]
                        or _patronymic(text[slice(*found[k - 1])])):
                    continue
                if len(head) == len(tail) == 1:
                    before = PREVIOUS_WORD.search(text, max(0, start - 40), start)
                    if not (before and lemmas(before.group(1)) & KIN) or _first_name(text[slice(*found[0])]):
                        continue
                split = k
                break
        if split is None:
            out.append((start, end, alias))
        else:
            out += [(start, found[split - 1][1], False), (found[split][0], end, False)]
    return out


def _first_name(word: str) -> bool:
    return any(p.is_known and 'Name' in p.tag.grammemes for p in parses(word))


def _patronymic(word: str) -> bool:
    return any(p.is_known and 'Patr' in p.tag.grammemes for p in parses(word))


def title_ranges(text: str) -> list[tuple[int, int]]:
    """The insides of short quoted titles (`«С Мадуро +»`), where a name is part of the title."""
    return [(m.start(1), m.end(1)) for m in QUOTED.finditer(text)
            if len(m.group(1).split()) <= MAX_TITLE_WORDS and not SENTENCE_INSIDE.search(m.group(1))]


def _clean(text: str, start: int, end: int) -> tuple[int, int] | None:
    link = text.rfind('|', start, end)
    if link >= 0:  # wiki markup left in the text: `Чавес, Уго|Уго Чавеса` shows what follows the bar
        start = link + 1
    cut = SPAN_BREAK.search(text, start, end)
    if cut:
        end = cut.start()
    end = start + len(text[start:end].rstrip(' \t\n\xa0-–—.,'))
    start = end - len(text[start:end].lstrip(' \t\n\xa0'))
    while True:  # leading titles and descriptions: Папа, Кронпринц, Племянник, Семидесятилетний
        match = re.match(r'[\w-]+[ \xa0]+', text[start:end])
        if not (match and match.group()[:1].isupper() and _is_title(match.group().strip())):
            break
        start += match.end()
    words = name_words(text[start:end])
    if not words or not _capitalised(words[0]):
        return None
    if len(words) == 1 and _not_a_name(words[0]) and (_opens_sentence(text, start) or not _animate(words[0])):
        return None
    if PLACE_TAIL.search(words[-1]) and not GENERATION.search(words[-1]):
        return None  # `Даунинг-стрит`, `Пикадилли-сёркус`: a place
    return start, end


PLACE_TAIL = re.compile(r'-[a-zа-яё]+$')  # a lower-case last part; a name's parts are capitalised


def _capitalised(word: str) -> bool:
    """Upper case first, or a letter of a script without case (`马凌`, an alias in brackets)."""
    first = word[:1]
    return first.isupper() or (first.isalpha() and not first.islower())


def _opens_sentence(text: str, start: int) -> bool:
    """Nothing but spaces between the start of a sentence or a clause and `start`."""
    before = text[max(0, start - 40):start].rstrip(' \xa0\t')
    return not before or before[-1] in '.!?…\n:;—–"«»('


INITIALS_ONLY = re.compile(r'(?:[A-ZА-ЯЁ][a-zа-яё]?\.[ \xa0]?)*[A-ZА-ЯЁ][a-zа-яё]?\.?')
SURNAME_AFTER = re.compile(r'\.?([A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?)')


def _with_surname(text: str, start: int, end: int) -> tuple[int, int]:
    """A span of initials alone takes the surname written right after them (`Дж.Коми`, where the
    tagger read `Коми` as the republic)."""
    if INITIALS_ONLY.fullmatch(text, start, end):
        after = SURNAME_AFTER.match(text, end)
        if after and (text[end - 1] == '.' or text[end:end + 1] == '.'):
            return start, after.end()
    return start, end


def _animate(word: str) -> bool:
    """A noun for a living being that is no title: capitalised inside a sentence, a name or a nickname
    (`Мадонна`, `Мессии`, `Ревун`), where `Зенита`, `Кораном`, `Папа`, `Доктор` are not."""
    readings = parses(word)
    return (bool(readings) and {'NOUN', 'anim'} <= readings[0].tag.grammemes  # the likeliest reading
            and not lemmas(word) & titles())


def _not_a_name(word: str) -> bool:
    readings = parses(word)
    return (bool(readings) and all(p.is_known and not (NAME_TAGS & p.tag.grammemes) for p in readings)
            and not _adjectival(word))


def titles() -> frozenset[str]:
    """Lemmas of `data/person_titles.txt`."""
    return load_word_list('person_titles.txt')


AGE = re.compile(r'летн(?:ий|яя|его|ей|ему|им|юю)$', re.IGNORECASE)  # `Семидесятилетний`, `85-летняя`


def _is_title(word: str) -> bool:
    """A title, role or description before a name (Император, Папа, Племянник, Семидесятилетний)."""
    if lemmas(word) & titles() or AGE.search(word):
        return True
    readings = parses(word)
    return (bool(readings) and readings[0].is_known and 'ADJF' in readings[0].tag.grammemes
            and 'Apro' not in readings[0].tag.grammemes and not _adjectival(word)
            and not any(NAME_TAGS & p.tag.grammemes for p in readings))


def find_persons(text: str, spans: list[Span]) -> list[Mention]:
    """Person mentions from the NER's PER spans, with their nominative.

    A person has one gender in a document. Where a name's own words allow either (`Евгения
    Медведева`: she, or his genitive), the gender comes from a past-tense verb after it (`Медведева
    завершила`) or else from the rest of the document: the other mentions of the same full name, or
    for a bare surname of the same surname, where those that show a gender all show the same one
    (`Медведевой`).
    """
    cuts = split_joined(text, person_spans(text, spans))
    written = frozenset(fold(w) for start, end, _ in cuts for w in name_words(text[start:end]))
    names = []  # (start, end, alias, words, case hint, gender shown by the name or its verb)
    shown: dict[tuple[str, ...], set[str]] = {}  # genders shown, by full name and by surname (stems)
    for start, end, alias in cuts:
        words = name_words(text[start:end])
        hint = context_case(text, start)
        gender = own_gender(tuple(words))
        if gender is None:
            # not after a word that asks for another case: the verb goes with that word (`у Клинтон был`)
            gender = context_gender(text, end) if hint in (None, 'nomn') else None
        names.append((start, end, alias, words, hint, gender))
        if gender and not alias:
            for key in _gender_keys(words):
                shown.setdefault(key, set()).add(gender)
    mentions = []
    previous_end, previous_case = -1, None
    for start, end, alias, words, hint, gender in names:
        if alias:
            normal = text[start:end]
        else:
            if hint is None and previous_case and LIST_LINK.fullmatch(text, previous_end, start):
                hint = previous_case  # `Луиса Суареса, Неймара и Жерара Пике`: a list shares one case
            if gender is None:
                document = shown.get(_gender_keys(words)[0], set())
                gender = next(iter(document)) if len(document) == 1 else None
            normal = normalize_person(words, written, hint, gender)
            previous_end, previous_case = end, _choose(tuple(words), hint, gender)[0]
        mentions.append(Mention(type='person', start=start, end=end, text=text[start:end], normal=normal,
                                entity=normal, kind='alias' if alias else '', source='ner', gender=gender or ''))
    return mentions


def _gender_keys(words: list[str]) -> list[tuple[str, ...]]:
    """Where a name's gender is looked up: its own words, then its surname (both as stems)."""
    stems = tuple(_stem(word) for word in words if not INITIAL.match(word)) or (fold(words[-1]),)
    return [stems, stems[-1:]] if len(stems) > 1 else [stems]


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


def _surname_key(name: str) -> frozenset[str]:
    """Lemmas of the last word (`Захарова`, `Захаров` share `захаров`), and for a long word its stem
    without final vowels, with э read as е (`Небензи` and `Небензя` share `небенз~`; `Петреуса` and
    `Петрэус`, two spellings in one text, share `петреус~`)."""
    last = name.split()[-1]
    key = set(lemmas(last))  # the word itself, folded, among them
    stem = fold(last).replace('э', 'е').rstrip('аеёиоуыэюяйь')
    if len(stem) >= 4:
        key.add(stem + '~')
    return frozenset(key)


def _initials(name: str) -> list[str]:
    return [w.rstrip('.') for w in name.split()[:-1]]


def _initial_fits(initial: str, word: str) -> bool:
    """`Дж` fits `Джеймс`, `Ж.-К` fits `Жан-Клод`."""
    letters, parts = initial.replace('.', '').split('-'), word.split('-')
    return len(letters) <= len(parts) and all(fold(p).startswith(fold(i)) for i, p in zip(letters, parts))


def _is_full(name: str) -> bool:
    words = name.split()
    folded = [fold(w) for w in words]
    return len(words) >= 2 and not any(INITIAL.match(w) for w in words) and len(set(folded)) == len(folded)


def merge_persons(mentions: list[Mention]) -> None:
    """Give each person mention the fullest name the document gives for it (sets `entity`, `kind`).

    A bare surname, initials with a surname, or a shorter full name join the longest full name
    ending in the same surname (`Мадуро`, `Н. Мадуро` → `Николас Мадуро`; `Владимир Путин` →
    `Владимир Владимирович Путин`) whose first words agree with the initials. A bare first name, or a
    first name with a patronymic, joins the one full name that starts with it, if only one does
    (`Мишель` → `Мишель Обама`, `Елизавета Петровна` → `Елизавета Глинка`). Where several full
    names fit, one of the mention's gender wins (`Малашенко женился` after `Игорь` and `Елена
    Малашенко`), then the longest, the nearest one before the mention, the most frequent.
    Full names are indexed by surname, so a document with thousands of mentions merges in near-linear time.
    """
    names: dict[str, _FullName] = {}
    for mention in mentions:
        if mention.kind != 'alias' and _is_full(mention.normal) and not _first_and_patronymic(mention.normal):
            name = names.setdefault(fold(mention.normal), _FullName(mention.normal))
            name.starts.append(mention.start)
            if mention.gender:
                name.genders[mention.gender] += 1
    by_surname: dict[str, list[_FullName]] = {}
    for name in names.values():
        for key in _surname_key(name.normal):
            by_surname.setdefault(key, []).append(name)
    previous = None
    for mention in mentions:
        if mention.kind == 'alias':  # `(Volker Bouffier)` after `Фолькера Буфье`
            mention.entity = previous.entity if previous else mention.normal
            continue
        previous = mention
        words = mention.normal.split()
        mention.kind = 'surname' if len(words) == 1 else 'full' if _is_full(mention.normal) else 'initials'
        candidates = {id(n): n for key in _surname_key(mention.normal) for n in by_surname.get(key, ())}
        best = _best_full(mention, words, candidates.values())
        if best is None and (len(words) == 1 or _first_and_patronymic(mention.normal)):
            best = _by_first_name(words[0], names.values())
            if best is not None:
                mention.kind = 'first'
        mention.entity = best.normal if best else mention.normal


@dataclass(slots=True)
class _FullName:
    """A distinct full name of a document and where it occurs (sorted offsets)."""

    normal: str
    starts: list[int] = field(default_factory=list)
    genders: Counter = field(default_factory=Counter)

    def gender(self) -> str:
        return self.genders.most_common(1)[0][0] if self.genders else ''


def _best_full(mention: Mention, words: list[str], candidates) -> _FullName | None:
    best = None
    for other in candidates:
        other_words = other.normal.split()
        shorter = len(other_words) < len(words) if mention.kind == 'initials' else len(other_words) <= len(words)
        if shorter:
            continue
        if mention.kind == 'initials':
            if not all(_initial_fits(i, w) for i, w in zip(_initials(mention.normal), other_words)):
                continue
        if mention.kind == 'full' and fold(words[0]) != fold(other_words[0]):
            continue
        i = bisect_left(other.starts, mention.start)
        nearest = other.starts[i - 1] if i > 0 else -other.starts[0]
        # a name of the other gender only if no other fits (`Малашенко женился` after `Игорь` and
        # `Елена Малашенко`; but `Гиффордс была` joins `Габриэль Гиффордс`, whom the dictionary takes for a man)
        agrees = not (mention.gender and other.gender() not in ('', mention.gender))
        rank = (agrees, len(other_words), i > 0, nearest, len(other.starts))
        if best is None or rank > best[0]:
            best = (rank, other)
    return best[1] if best else None


def _first_and_patronymic(name: str) -> bool:
    """A woman's first name and patronymic without a surname (`Елизавета Петровна`): it joins a full
    name by its first name, as a bare first name does."""
    words = name.split()
    if len(words) != 2:
        return False
    # A woman's patronymic only: a man's is also a common surname ending (`Михаил Агранович`)
    return any(p.is_known and {'Patr', 'femn'} <= p.tag.grammemes for p in parses(words[1]))


@lru_cache(maxsize=1)
def full_first_names() -> dict[str, frozenset[str]]:
    """Short forms of first names and the full forms they stand for, folded (`data/first_name_forms.csv`):
    `лиза` → {`елизавета`}, `саша` → {`александр`, `александра`}."""
    forms: dict[str, set[str]] = {}
    with open(DATA / 'first_name_forms.csv', encoding='utf-8') as f:
        for row in csv.DictReader(line for line in f if not line.startswith('#')):
            forms.setdefault(fold(row['short']), set()).add(fold(row['full']))
    return {short: frozenset(full) for short, full in forms.items()}


def _by_first_name(word: str, full) -> _FullName | None:
    """The fullest name starting with this first name or the full form of it (`Лизу` → `Елизавета
    Глинка`), if all such names share one surname."""
    key = lemmas(word)
    key |= {form for lemma in key for form in full_first_names().get(lemma, ())}
    names = [other for other in full if key & lemmas(other.normal.split()[0])]
    if not names:
        return None
    fullest = max(names, key=lambda m: (len(m.normal.split()), -m.starts[0]))
    surname = _surname_key(fullest.normal)
    return fullest if all(surname & _surname_key(other.normal) for other in names) else None


def echo_persons(text: str, words: list[Token], persons: list[Mention], sentence_initial: set[int]) -> list[Mention]:
    """The surnames of the full names found, where they recur without the NER tagging them (`Тело
    Флинта` after `Кит Флинт`): a capitalised word sharing a lemma with such a surname. A word that opens a
    sentence counts only if the dictionary knows it as nothing but a name (`Мороз ударил` is weather
    even where Александр Мороз was named); plurals (`семья Флинтов`) and quoted titles are left alone."""
    keys: set[str] = set()  # lemmas of the surnames of full names (a lone word may be a tagger slip)
    for mention in persons:
        if mention.kind != 'alias' and _is_full(mention.normal):
            last = mention.normal.split()[-1]
            keys |= lemmas(last)
    if not keys:
        return []
    # Inflection changes at most the last two letters of a surname (`Кравец`, `Кравца`): a word that
    # does not begin as one does is not looked up (a first look-up in the dictionary costs 0.1 ms).
    stems = tuple({key[:max(3, len(key) - 2)] for key in keys})
    taken = [(m.start, m.end) for m in persons] + title_ranges(text)
    written = frozenset(fold(w) for m in persons for w in m.normal.split())
    found = []
    for i, word in enumerate(words):
        value = word.text
        if len(value) < 3 or not value[:1].isupper() or not value[1:2].islower():
            continue
        if not fold(value).startswith(stems) or not lemmas(value) & keys:
            continue
        if any(s < word.end and word.start < e for s, e in taken):
            continue
        if i in sentence_initial and any(p.is_known and not NAME_TAGS & p.tag.grammemes for p in parses(value)):
            continue
        readings = parses(value)
        if readings and 'plur' in readings[0].tag.grammemes:
            continue  # `семья Бекхэмов`: a family, not the person
        normal = normalize_person([value], written, context_case(text, word.start))
        found.append(Mention(type='person', start=word.start, end=word.end, text=value, normal=normal,
                             entity=normal, source='echo'))
    return found
