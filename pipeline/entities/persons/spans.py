"""Where a person's name is: the names inside the NER's PER spans, cut at quotes and sentence breaks,
titles taken off, two names the tagger joined split apart."""
from __future__ import annotations

import re
from collections import Counter

from ...doc import Span
from ...nlp.morph import parses, stem
from ...nlp.quotes import find_quotes
from ...nlp.text import previous_word
from .context import is_kinship_noun, is_person_title, opens_sentence
from .names import GENERATION, INITIAL, NAME_TAGS, adjectival, known_as, name_words

LONGEST_TITLE = 80  # characters
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
    firsts: set[str] = set()  # the first words of full names
    for name in names:
        if len(name) >= 2:
            surnames.setdefault(name[-1], set()).add(name[-2])
            firsts.add(name[0])

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
                # after a kinship noun, the relative's surname and a first name the dictionary knows or
                # another full name begins with: `внучка Шаймиева Камиля`, `сын Байдена Хантер` beside
                # `Хантер Байден`
                tail_named = named(tail, head[-1]) or single and (known_as(text[slice(*found[1])], 'Name')
                                                                  or tail[0] in firsts)
                if (not (named(head) and tail_named) or head[-1] == tail[0]
                        or known_as(text[slice(*found[k - 1])], 'Patr') or INITIAL.match(text[slice(*found[k - 1])])):
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
    before = previous_word(text, start)
    return bool(before and is_kinship_noun(before.group(1)))


def title_ranges(text: str) -> list[tuple[int, int]]:
    """The insides of short quoted titles (`«С Мадуро +»`), where a name is part of the title; not
    quoted speech, which the author's words follow after a comma and a dash (`«Благодарим Ричарда
    Никсона», — сказал он`)."""
    return [(m.start(1), m.end(1)) for m in find_quotes(text, LONGEST_TITLE).values()
            if len(m.group(1).split()) <= MAX_TITLE_WORDS and not SENTENCE_INSIDE.search(m.group(1))
            and not SPEECH_AFTER.match(text, m.end())]


# After quoted speech: the author's words, `», — сказал он` (a comma or a dash, then a small letter).
SPEECH_AFTER = re.compile(r'[ \xa0]*(?:,[ \xa0]*[-–—]|[-–—])[ \xa0]*[а-яё]')


def _clean(text: str, start: int, end: int) -> tuple[int, int] | None:
    link = text.rfind('|', start, end)
    if link >= 0:  # wiki markup left in the text: `Чавес, Уго|Уго Чавеса` shows what follows the bar
        start = link + 1
    cut = SPAN_BREAK.search(text, start, end)
    if cut:
        end = cut.start()
    start, end = _letters(text, start, end)
    while True:  # leading titles and descriptions: Папа, Кронпринц, Племянник, Семидесятилетний, Прозвище
        match = re.match(r'[\w-]+[ \xa0]+', text[start:end])
        if not (match and match.group()[:1].isupper() and (_is_leading_description(match.group().strip())
                                                           or _leading_noun(match.group().strip(),
                                                                            text[start + match.end():end]))):
            break
        start += match.end()
    tail = LOOSE_TAIL.search(text[start:end])
    if tail:  # `Зеленский К пожертвованиям`: a capitalised preposition; `Формулы-1`: a number
        start, end = _letters(text, start, start + tail.start())
    words = name_words(text[start:end])
    if not words or not _capitalised(words[0]):
        return None
    if len(words) == 1 and _not_a_name(words[0]) and (opens_sentence(text, start) or not _animate(words[0])):
        return None
    if PLACE_TAIL.search(words[-1]) and not GENERATION.search(words[-1]):
        return None  # `Даунинг-стрит`, `Пикадилли-сёркус`: a place
    return start, end


EDGE = re.compile(r'[^\W\d_]')  # a letter
# After the name: a one-letter preposition written apart (no initial: it has no dot; not `И`, a Chinese name: `Ван И`),
# or a word with a digit (`Формулы-1`; no name holds one).
LOOSE_TAIL = re.compile(r'(?<=\w\w)[ \xa0]+[ВКСУО]$|[ \xa0-]*\S*\d\S*$')


def _letters(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch from the first letter to the last letter, or to an initial's dot (`В.Л.)` → `В.Л.`,
    `Фрэнки Бой)` → `Фрэнки Бой`): no bracket, quote, dash or punctuation at either edge."""
    while start < end and not EDGE.match(text, start):
        start += 1
    while end > start and not EDGE.match(text, end - 1):
        if text[end - 1] == '.' and INITIAL_END.search(text[start:end]):
            break
        end -= 1
    return start, end


# two initials: `В.Л.`, `Путин В. В.`; not `Брюс Ли.`, `Харальд V.`, nor `Ван И.` (a Chinese given name)
INITIAL_END = re.compile(r'(?:^|[\s.])[А-ЯЁ]\.[ \xa0]?[А-ЯЁ]\.$')


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
            and not is_person_title(word))


def _leading_noun(word: str, rest: str) -> bool:
    """A common noun of four letters or more before a name of two words or more (`Прозвище Джон Смит`):
    not part of the name. A shorter word, or one before a single word, may be a foreign first name that
    looks like a noun (`Ума Турман`, `Род Стюарт`)."""
    if len(word) < 4 or len(name_words(rest)) < 2 or not _not_a_name(word):
        return False
    # a masculine noun may be a man's foreign first name (`Франк`, `Шейк`), a plural one a foreign name
    # (`Хамад`); a verb, a place or an organisation (`Руанды`, `Аль-Джазиры`), a neuter or feminine
    # thing (`Прозвище`) is not
    grammemes = parses(word)[0].tag.grammemes
    return ('NOUN' not in grammemes or bool({'Geox', 'Orgn'} & grammemes)
            or {'inan', 'sing'} <= grammemes and bool({'neut', 'femn'} & grammemes))


def _not_a_name(word: str) -> bool:
    readings = parses(word)
    return (bool(readings) and all(p.is_known and not (NAME_TAGS & p.tag.grammemes) for p in readings)
            and not adjectival(word))


AGE = re.compile(r'летн(?:ий|яя|его|ей|ему|им|юю)$', re.IGNORECASE)  # `Семидесятилетний`, `85-летняя`


def _is_leading_description(word: str) -> bool:
    """A title, role or description before a name (Император, Папа, Племянник, Семидесятилетний)."""
    if is_person_title(word) or AGE.search(word):
        return True
    readings = parses(word)
    return (bool(readings) and readings[0].is_known and 'ADJF' in readings[0].tag.grammemes
            and 'Apro' not in readings[0].tag.grammemes and not adjectival(word)
            and not any(NAME_TAGS & p.tag.grammemes for p in readings))
