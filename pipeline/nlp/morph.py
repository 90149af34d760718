"""pymorphy3, loaded once per process, with cached look-ups: every lemma in the pipeline comes from here."""
from __future__ import annotations

from functools import lru_cache

import pymorphy3

from .models import MissingDictionaryError
from .text import fold

CACHE_SIZE = 1 << 16  # per cache; bounds memory on big, varied corpora (about 2 KB a word)
PREFIX = 3  # letters of a word that inflection leaves alone, for the quick pre-check
# Readings that never name anything: without them `То`/`Том` do not reach `Того` through `тот`.
FUNCTION_WORDS = frozenset({'Apro', 'NPRO', 'CONJ', 'PRCL', 'PREP', 'INTJ'})


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    """The process-wide analyzer (loading it takes a third of a second and 15 MB)."""
    try:
        return pymorphy3.MorphAnalyzer(lang='ru')
    except (ImportError, ValueError, OSError) as error:  # pymorphy3 raises these without its dictionary
        raise MissingDictionaryError(
            'pymorphy3 cannot load its Russian dictionary: install the package pymorphy3-dicts-ru '
            f'(pip install pymorphy3-dicts-ru). Cause: {error}'
        ) from error


@lru_cache(maxsize=CACHE_SIZE)
def stem(word: str) -> str:
    """A word folded, with э read as е and without its final vowels, to compare names across cases and
    spellings (`Сноудену` and `Сноуден`, `Петрэуса` and `Петреус`); the folded word if that leaves
    fewer than three letters."""
    folded = fold(word)
    stripped = folded.replace('э', 'е').rstrip('аеёиоуыэюяйь')
    return stripped if len(stripped) >= 3 else folded


# Two caches each: by the word as written (a hit costs no Python call), and by the form the answer
# depends on (`Путина`, `ПУТИНА` and `путина` ask pymorphy3 once), since a dictionary look-up is the cost.
@lru_cache(maxsize=CACHE_SIZE)
def parses(word: str) -> tuple:
    """All pymorphy3 parses of a word (lower-cased), best first."""
    return _parses(word.lower())


@lru_cache(maxsize=CACHE_SIZE)
def _parses(lower: str) -> tuple:
    return tuple(analyzer().parse(lower))


@lru_cache(maxsize=CACHE_SIZE)
def lemmas(word: str) -> frozenset[str]:
    """Every normal form the word may have, plus the word itself, folded (always among them, so
    callers need not add it).

    A hyphenated word is lemmatized on its first part (`Иглы-С` → `игла-с`, `Су-30` → `су-30`),
    since the rest is a designation that does not inflect.
    """
    return _lemmas(fold(word))


@lru_cache(maxsize=CACHE_SIZE)
def _lemmas(key: str) -> frozenset[str]:
    head, dash, tail = key.partition('-')
    if dash and head.isalpha():
        return frozenset(f'{lemma}{dash}{tail}' for lemma in lemmas(head))
    if not key.isalpha() or not _has_cyrillic(key):
        return frozenset((key,))
    return frozenset({key} | {fold(p.normal_form) for p in parses(key) if not (FUNCTION_WORDS & p.tag.grammemes)})


@lru_cache(maxsize=CACHE_SIZE)
def is_common_word(word: str) -> bool:
    """True if the dictionary knows the word as something other than a proper name.

    Such words (`того`, `перу`, `калибр`, `град`) name a country or a weapon only when the
    context says so, e.g. capitalised inside a sentence.
    """
    readings = parses(word)
    # Only the likeliest reading counts: `Куба` is rarely the genitive of `куб`, `Того` mostly `тот`.
    return bool(readings) and readings[0].is_known and not (
        {'Geox', 'Name', 'Surn', 'Patr', 'Orgn', 'Trad', 'Abbr'} & readings[0].tag.grammemes)


def _has_cyrillic(word: str) -> bool:
    return any('а' <= c <= 'я' or c == 'ё' for c in word)


def match_case(model: str, word: str) -> str:
    """`word` written with the capitalisation of `model` (`ПУТИН`/`путин`/`Путин`), per hyphen part."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    parts, model_parts = word.split('-'), model.split('-')
    out = []
    for i, part in enumerate(parts):
        ref = model_parts[i] if i < len(model_parts) else model_parts[-1]
        out.append(part[:1].upper() + part[1:] if ref[:1].isupper() else part)
    return '-'.join(out)


def keep_yo(model: str, word: str) -> str:
    """Drop the ё that pymorphy3 restores (`Журавлев` → `журавлёв`) unless the text wrote it."""
    return word if 'ё' in model.lower() else word.replace('ё', 'е').replace('Ё', 'Е')
