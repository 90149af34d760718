"""What the parts of a person's name are: name words, initials, what the dictionary knows them as."""
from __future__ import annotations

import re
from functools import lru_cache

from ...nlp.morph import CACHE_SIZE, fold, parses

NAME_TAGS = frozenset({'Name', 'Surn', 'Patr'})
CASES = ('nomn', 'gent', 'datv', 'accs', 'ablt', 'loct')
GENDERS = ('masc', 'femn')
INITIAL = re.compile(r'^[A-ZА-ЯЁ][a-zа-яё]?\.(?:-[A-ZА-ЯЁ][a-zа-яё]?\.)?$')  # В.  Дж.  Ж.-К.
# The endings of a Russian surname in his and in her form (`Алиев`, `Алиева`; `Зеленский`, `Зеленская`).
SURNAME_ENDINGS = (('ский', 'ская'), ('цкий', 'цкая'), ('ов', 'ова'), ('ев', 'ева'), ('ёв', 'ёва'), ('ин', 'ина'),
                   ('ын', 'ына'))
VOWELS = frozenset('аеёиоуыэюя')
GENERATION = re.compile(r'-(?:младш|старш)\w*$', re.IGNORECASE)  # Буш-младший → Буш
ROMAN = re.compile(r'[IVXLC]+')  # a regnal number: `Шенуды III`


@lru_cache(maxsize=CACHE_SIZE)
def known_as(word: str, *grammemes: str) -> bool:
    """The dictionary knows the word, not by a guess, with all these grammemes: a first name (`Name`),
    a patronymic (`Patr`), a woman's patronymic (`Patr`, `femn`), an ordinal number (`Anum`)."""
    return any(p.is_known and set(grammemes) <= p.tag.grammemes for p in parses(word))


@lru_cache(maxsize=CACHE_SIZE)
def first_name_gender(word: str) -> str | None:
    """The gender of a first name that the dictionary knows in one gender only (`Хиллари`: femn, though it
    does not decline, so that `own_gender` does not count it); None where it knows it in both (`Мишель`,
    `Саша`, `Дмитрия`, also a rare woman's name) or not as a name."""
    genders = {str(p.tag.gender) for p in parses(word) if p.is_known and 'Name' in p.tag.grammemes}
    return genders.pop() if len(genders) == 1 and genders <= set(GENDERS) else None


def _ordinal(word: str) -> bool:
    """A regnal number (`Второй`, `Третьего`): it agrees with the name and says nothing of its own
    (`Второй` alone reads best as a woman's genitive)."""
    return known_as(word, 'Anum')


@lru_cache(maxsize=CACHE_SIZE)
def adjectival(word: str) -> bool:
    """Adjectival surnames the dictionary lacks: Зеленского, Политковской."""
    word = word.lower()
    return bool(re.search(r'(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую)$', word)
                or re.search(r'[^аеиоуыэюяьй](?:ого|ому|ая|ый|ий|ой|ым|им|ую|ом)$', word)
                and any('ADJF' in p.tag.grammemes and p.is_known for p in parses(word)))


def ending_gender(surname: str) -> str | None:
    """The gender a Russian surname's ending marks (`Петрова`: femn, `Зеленский`: masc), None for other
    endings (`Франклин` is also read so: only a dictionary surname counts, or an adjectival one)."""
    lower = surname.lower()
    readings = [p for p in parses(surname) if p.is_known and 'Surn' in p.tag.grammemes]
    if any('Fixd' in p.tag.grammemes for p in readings):
        return None  # a foreign surname, undeclined for a woman: `Франклин`
    known = bool(readings) or adjectival(surname)
    for masculine, feminine in SURNAME_ENDINGS:
        if lower.endswith(feminine):
            return 'femn' if known else None
        if lower.endswith(masculine):
            return 'masc' if known else None
    return None


def name_words(text: str) -> list[str]:
    """The words of a name as written: `В.В. Путин` → `В.`, `В.`, `Путин`; `Дж.Коми` → `Дж.`, `Коми`;
    `Ж.-К.Трише` → `Ж.-К.`, `Трише`."""
    return list(_name_words(text))


@lru_cache(maxsize=CACHE_SIZE)
def _name_words(text: str) -> tuple[str, ...]:
    words = []
    for chunk in text.replace('\xa0', ' ').replace('\xad', '').split():  # soft hyphens are not written
        parts = NAME_PART.findall(chunk)
        parts = [JUNK.sub('', p) for p in parts]  # `[президента США Джо] Байдена`: an editor's bracket
        words.extend(p if INITIAL.match(p) else p.rstrip('.') for p in parts if p.strip('.'))
    return tuple(words)


JUNK = re.compile(r'[()\[\]{}«»"“”„<>|*]')  # never part of a name word
NAME_PART = re.compile(r'[A-ZА-ЯЁ][a-zа-яё]?\.(?:-[A-ZА-ЯЁ][a-zа-яё]?\.)?|[^\s.]+\.?')


def is_full_name(name: str) -> bool:
    words = name.split()
    folded = [fold(w) for w in words]
    return len(words) >= 2 and not any(INITIAL.match(w) for w in words) and len(set(folded)) == len(folded)
