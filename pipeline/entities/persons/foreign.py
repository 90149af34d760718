"""Foreign names the dictionary does not know: their case endings, and their nominative."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from ...nlp.morph import CACHE_SIZE, fold, keep_yo, match_case, parses
from .names import INITIAL, ROMAN, VOWELS, _ordinal

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
# Unambiguous oblique endings of foreign names, used when no known word gives the case.
# Not -ём: it ends many Swedish surnames in the nominative (`Никлас Лидстрём`).
# Not a bare -ей: it ends men's names in the nominative (`Гергей Ковач`), her instrumental is `-ией`.
GUESS_ENDINGS = (('ом', 'ablt', 'masc'), ('ем', 'ablt', 'masc'), ('ой', 'ablt', 'femn'), ('ией', 'ablt', 'femn'),
                 ('ичу', 'datv', 'masc'), ('ича', 'gent', 'masc'),  # Slavic -ич surnames: `Деяну Станковичу`
                 ('ы', 'gent', 'masc'))  # no name ends so in the nominative: `Эммерсона Мнангагвы`, `Здено Хары`
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


def _written_everywhere(words: list[str], written: frozenset[str]) -> tuple[str, str] | None:
    """The oblique (case, gender) in which every word of a name is the inflection of a form the
    document writes (`Марьяна Шареца` beside `Марьян Шарец`: his genitive, though the dictionary
    knows `Марьяна` only as her name); None where no one reading explains them all."""
    readings = [list(_written_readings(word, written)) for word in words if not INITIAL.match(word)]
    # the first reading of the first word, in the order of `ENDINGS` (the genitive before the accusative
    # they share), that every other word has too
    return next((reading for reading in readings[0] if all(reading in other for other in readings[1:])),
                None) if readings else None


def _written_case(words: list[str], written: frozenset[str]) -> tuple[str, str] | None:
    """The (case, gender) of a name one of whose words the document also writes without its case
    ending (`Лиама`, where `Лиам` is written)."""
    return next((reading for word in words for reading in _written_readings(word, written)), None)


def _written_readings(word: str, written: frozenset[str]) -> Iterator[tuple[str, str]]:
    """The (case, gender) in which `word` is the inflection of a form the document writes, itself not
    inflected from a shorter one it writes, in the order of `ENDINGS`."""
    for form, case, gender in _written_forms(word, written, bare_stems=False):
        if not _inflected(form, written, gender):
            yield case, gender


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


@lru_cache(maxsize=CACHE_SIZE)  # asked for each case and gender of every foreign word of a name
def _could_be(word: str, case: str, gender: str, last: bool = False) -> bool:
    """A word of a name can stand in this case: it has one of its endings, or it does not decline, as
    a woman's name ending in a consonant does not (`Чулпан Хаматовой`), nor the one-syllable parts of
    an East Asian name before its last word (`Фан Ван Жангом`; with `last` the word is the last one,
    which declines: `Бени Ганц` is no genitive); `Гурбангулы Бердымухамедов` is no genitive: it would
    be `Бердымухамедова`."""
    if '-' in word.strip('-'):  # a part may stay as written: `Лопесом-Алегрия`, `Буше-младшем`
        return any(_could_be(part, case, gender, last) for part in word.split('-') if part)
    lower = word.lower()
    return (bool(INITIAL.match(word) or ROMAN.fullmatch(word)) or lower[-1:] in 'оеиуэюё'
            or lower[-1:] == 'а' and lower[-2:-1] in VOWELS  # `Корреа`, `Калабриа` do not decline,
            or lower.endswith(('ых', 'их'))  # nor `Щесных`, `Долгих`
            or gender == 'femn' and lower[-1:] not in VOWELS or not last and sum(c in VOWELS for c in lower) == 1
            or any(lower.endswith(ending) for ending, _ in ENDINGS.get((gender, case), ())) or _ordinal(word))


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
