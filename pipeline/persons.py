"""Person mentions: the span of each name in the NER's PER spans, its nominative (`names.py`), and
surnames the tagger missed; `merge.py` then joins short forms to the fullest name."""
from __future__ import annotations

import re
from collections import Counter

from .merge import is_full_name
from .morph import fold, lemmas, parses, stem
from .names import (
    GENERATION,
    INITIAL,
    LIST_LINK,
    NAME_TAGS,
    PREVIOUS_WORD,
    adjectival,
    after_opening_noun,
    case_and_gender,
    context_case,
    context_gender,
    ends_as_latin,
    is_kinship_noun,
    is_title,
    known_as,
    name_words,
    normalize_person,
    opens_sentence,
    own_gender,
    title_gender,
)
from .records import Mention, Span, Token

QUOTED = re.compile(r'[«„“"]([^«»„“”"\n]{1,80})[»“”"]')
MAX_TITLE_WORDS = 6  # a short quoted phrase holding a name is a title: the TV programme «С Мадуро +»
SENTENCE_INSIDE = re.compile(r'[.!?…]\s+[А-ЯЁA-Z]')  # «Максим скончался. Не выдержало сердце» is speech

# Where a PER span stops being one name: brackets, quotes, clause punctuation, dashes, and a sentence end
# (a full stop after a word of two lower-case letters or more, so that initials `Н. Мадуро` stay whole).
SPAN_BREAK = re.compile(r'\n|[(\[«»"“”„;:!?,]|\s[-–—]\s|[–—]|(?<=[а-яёa-z]{2})\.\s+(?=[А-ЯЁA-Z][а-яёa-z])')


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


WORD = re.compile(r'\S+')


def split_joined(text: str, cuts: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Two names the tagger read as one, split where the joined name occurs once and each part is
    named on its own in the document, as a name or as the surname of another full name (`Эво Моралес
    Эдвард Сноуден`; `сын Кэтрин Жермен Джексон` beside `Кэтрин` and `Жермен Джексон`; `Тони Сопрано
    Гандольфини` beside `Джеймс Гандольфини`). Two single words split only after a kinship noun, and
    only if the first is no dictionary first name (`сын Акихито Нарухито`, but `его брат Рауль Кастро`);
    there a dictionary first name needs no other mention (`внучка Шаймиева Камиля`).
    A first name with a patronymic stays with its surname (`Владимир Владимирович Путин` beside
    `Владимир Владимирович` and `Путин`), and so does a double surname (`Энрике Каприлес Радонски`)."""
    words = {}
    for start, end, alias in cuts:
        if not alias:
            found = [m.span() for m in WORD.finditer(text, start, end)]
            if len(found) == len(name_words(text[start:end])):  # no initials glued to a surname
                words[start, end] = found
    names = Counter(tuple(stem(text[s:e]) for s, e in found) for found in words.values())
    surnames: dict[str, set[str]] = {}  # the last word of a full name: the words before it
    for name in names:
        if len(name) >= 2:
            surnames.setdefault(name[-1], set()).add(name[-2])

    def named(part: tuple[str, ...], before: str | None = None) -> bool:
        return names[part] > 0 or len(part) == 1 and bool(surnames.get(part[0], set()) - {before})

    out = []
    for start, end, alias in cuts:
        found = words.get((start, end), [])
        name = tuple(stem(text[s:e]) for s, e in found)
        split = None
        if len(name) >= 2 and names[name] == 1:
            for k in range(1, len(name)):
                head, tail = name[:k], name[k:]
                single = len(head) == len(tail) == 1
                if single and not (_after_kinship_noun(text, start) and not known_as(text[slice(*found[0])], 'Name')):
                    continue
                # after a kinship noun, the relative's surname and a dictionary first name: `внучка
                # Шаймиева Камиля`, though `Камиля` is named nowhere else
                tail_named = named(tail, head[-1]) or single and known_as(text[slice(*found[1])], 'Name')
                if (not (named(head) and tail_named) or head[-1] == tail[0]
                        or known_as(text[slice(*found[k - 1])], 'Patr')):
                    continue
                split = k
                break
        if split is None:
            out.append((start, end, alias))
        else:
            out += [(start, found[split - 1][1], False), (found[split][0], end, False)]
    return out


def _after_kinship_noun(text: str, start: int) -> bool:
    """The word before `start` is a kinship noun (`сын`, `вдова`), which takes a name in the genitive."""
    before = PREVIOUS_WORD.search(text, max(0, start - 40), start)
    return bool(before and is_kinship_noun(before.group(1)))


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
    end = start + len(text[start:end].rstrip(' \t\n\xa0\xad-–—.,'))  # \xad: a soft hyphen
    start = end - len(text[start:end].lstrip(' \t\n\xa0'))
    while True:  # leading titles and descriptions: Папа, Кронпринц, Племянник, Семидесятилетний
        match = re.match(r'[\w-]+[ \xa0]+', text[start:end])
        if not (match and match.group()[:1].isupper() and _is_title(match.group().strip())):
            break
        start += match.end()
    words = name_words(text[start:end])
    if not words or not _capitalised(words[0]):
        return None
    if len(words) == 1 and _not_a_name(words[0]) and (opens_sentence(text, start) or not _animate(words[0])):
        return None
    if PLACE_TAIL.search(words[-1]) and not GENERATION.search(words[-1]):
        return None  # `Даунинг-стрит`, `Пикадилли-сёркус`: a place
    return start, end


PLACE_TAIL = re.compile(r'-[a-zа-яё]+$')  # a lower-case last part; a name's parts are capitalised


def _capitalised(word: str) -> bool:
    """Upper case first, or a letter of a script without case (`马凌`, an alias in brackets)."""
    first = word[:1]
    return first.isupper() or (first.isalpha() and not first.islower())


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
            and not is_title(word))


def _not_a_name(word: str) -> bool:
    readings = parses(word)
    return (bool(readings) and all(p.is_known and not (NAME_TAGS & p.tag.grammemes) for p in readings)
            and not adjectival(word))


AGE = re.compile(r'летн(?:ий|яя|его|ей|ему|им|юю)$', re.IGNORECASE)  # `Семидесятилетний`, `85-летняя`


def _is_title(word: str) -> bool:
    """A title, role or description before a name (Император, Папа, Племянник, Семидесятилетний)."""
    if is_title(word) or AGE.search(word):
        return True
    readings = parses(word)
    return (bool(readings) and readings[0].is_known and 'ADJF' in readings[0].tag.grammemes
            and 'Apro' not in readings[0].tag.grammemes and not adjectival(word)
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
    written = frozenset(fold(part) for start, end, _ in cuts for word in name_words(text[start:end])
                        for part in {word, *word.split('-')})  # `Диас-Канель` also gives `Канель`
    names = []  # (start, end, alias, words, case hint, gender shown by the name or its verb)
    shown: dict[tuple[str, ...], set[str]] = {}  # genders shown, by full name and by surname (stems)
    for start, end, alias in cuts:
        words = name_words(text[start:end])
        hint = context_case(text, start)
        gender = own_gender(tuple(words))
        if gender is None:
            # not after a word that asks for another case: the verb goes with that word (`у Клинтон был`)
            verb = hint in (None, 'nomn') and not after_opening_noun(text, start)
            gender = (context_gender(text, end) if verb else None) or title_gender(text, start)
        names.append((start, end, alias, words, hint, gender))
        if gender and not alias:
            for key in _gender_keys(words):
                shown.setdefault(key, set()).add(gender)
    mentions = []
    previous_end, previous_case = -1, None
    for i, (start, end, alias, words, hint, gender) in enumerate(names):
        latin = names[i + 1] if i + 1 < len(names) and names[i + 1][2] else None  # `(Aissata Haidara Cisse)`
        if alias:
            normal = text[start:end]
        elif latin and ends_as_latin(words, latin[3]):
            # each word ends as its Latin spelling does: the name is its own nominative (`Айссата Хайдара
            # Сиссе (Aissata Haidara Cisse)`, where `Хайдара` alone would read as his genitive)
            normal = ' '.join(words)
        else:
            if hint is None and previous_case and LIST_LINK.fullmatch(text, previous_end, start):
                hint = previous_case  # `Луиса Суареса, Неймара и Жерара Пике`: a list shares one case
            if gender is None:
                document = shown.get(_gender_keys(words)[0], set())
                gender = next(iter(document)) if len(document) == 1 else None
            normal = normalize_person(words, written, hint, gender)
            previous_end, previous_case = end, case_and_gender(tuple(words), hint, gender)[0]
        mentions.append(Mention(type='person', start=start, end=end, text=text[start:end], normal=normal,
                                entity=normal, kind='alias' if alias else '', source='ner', gender=gender or ''))
    return mentions


def _gender_keys(words: list[str]) -> list[tuple[str, ...]]:
    """Where a name's gender is looked up: its own words, then its surname (both as stems). Initials and
    a patronymic are left out, so that `Андрияна Николаева` (she, or his genitive) learns his gender
    from `Андрияну Григорьевичу Николаеву`."""
    stems = tuple(stem(word) for word in words
                  if not INITIAL.match(word) and not known_as(word, 'Patr')) or (fold(words[-1]),)
    return [stems, stems[-1:]] if len(stems) > 1 else [stems]


def echo_persons(text: str, words: list[Token], persons: list[Mention], sentence_initial: set[int]) -> list[Mention]:
    """The surnames of the full names found, where they recur without the NER tagging them (`Тело
    Флинта` after `Кит Флинт`): a capitalised word sharing a lemma with such a surname. A word that opens a
    sentence counts only if the dictionary knows it as nothing but a name (`Мороз ударил` is weather
    even where Александр Мороз was named); plurals (`семья Флинтов`) and quoted titles are left alone."""
    keys: set[str] = set()  # lemmas of the surnames of full names (a lone word may be a tagger slip)
    surnames: set[str] = set()  # the same, as written in the nominative
    for mention in persons:
        if mention.kind != 'alias' and is_full_name(mention.normal):
            last = mention.normal.split()[-1]
            keys |= lemmas(last)
            surnames.add(fold(last))
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
        if readings and 'plur' in readings[0].tag.grammemes and fold(value) not in surnames:
            continue  # `семья Бекхэмов`: a family, not the person; but `заявил Челах` is the surname itself
        normal = normalize_person([value], written, context_case(text, word.start))
        found.append(Mention(type='person', start=word.start, end=word.end, text=value, normal=normal,
                             entity=normal, source='echo'))
    return found
