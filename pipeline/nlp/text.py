"""Text helpers that know no morphology: folding for comparison, blanking, lookalike letters, pieces."""
from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=1 << 16)  # called for every word by both gazetteers, merging and the corpus tables: a hit is cheaper
def fold(word: str) -> str:
    """Lower case with ё read as е: the key under which words are compared."""
    return word.lower().replace('ё', 'е')


PIECE_CHARS = 100_000  # longer texts are processed in pieces (bounded memory for megabyte documents)


def pieces(text: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """Ranges that cover `text`, each at most `size` long, cut after a line end, else after a sentence
    end, else at a space, in the last fifth of the window (a hard cut only in text without any)."""
    ranges, start = [], 0
    while len(text) - start > size:
        window_end = start + size
        low = start + size * 4 // 5
        cut = -1
        for pattern in ('\n', '. ', ' '):
            found = text.rfind(pattern, low, window_end)
            if found >= 0:
                cut = found + len(pattern)
                break
        if cut <= start:
            cut = window_end
        ranges.append((start, cut))
        start = cut
    ranges.append((start, len(text)))
    return ranges


def blank(text: str, ranges: tuple[tuple[int, int], ...]) -> str:
    """`text` with the given ranges replaced by spaces, so that offsets stay the same."""
    for start, end in ranges:
        text = text[:start] + re.sub(r'[^\n]', ' ', text[start:end]) + text[end:]
    return text


LATIN_LOOKALIKES = str.maketrans('aceopxyACEHKMOPTXB', 'асеорхуАСЕНКМОРТХВ')
# A Latin letter that looks Cyrillic, touching a Cyrillic letter: `Франcиско`, `Католичеcкой` (typed on
# the wrong keyboard layout, or copied from the web).
MIXED = re.compile(r'(?<=[а-яёА-ЯЁ])[aceopxyACEHKMOPTXB]+|[aceopxyACEHKMOPTXB]+(?=[а-яёА-ЯЁ])')


def cyrillic_lookalikes(text: str) -> str:
    """`text` with Latin lookalikes inside Cyrillic words made Cyrillic, one letter for one, so that
    offsets stay: the word is then read (tokens, lemmas, names) as the word it is. Mentions keep the
    text as written."""
    return MIXED.sub(lambda m: m.group().translate(LATIN_LOOKALIKES), text)


PREVIOUS_WORD = re.compile(r'([А-Яа-яЁё-]+)[ \xa0]+$')
PREVIOUS_REACH = 40  # characters looked back for the word before an offset


def previous_word(text: str, start: int) -> re.Match | None:
    """The Cyrillic word (hyphens allowed) that ends right before `start`, spaces apart, as a match
    whose group 1 is the word; None where punctuation or nothing stands there."""
    return PREVIOUS_WORD.search(text, max(0, start - PREVIOUS_REACH), start)
