"""Sentences and tokens with character offsets (razdel), plus the word units gazetteers match on."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from razdel import sentenize
from razdel.segmenters.punct import DASHES, ENDINGS
from razdel.segmenters.tokenize import ATOM, SMILE

from ..doc import Doc, Token, step

# Word units for gazetteer matching: letters and digits joined by hyphens, slashes or apostrophes,
# so that `Су-30МК2`, `F/A-18`, `Кот-д'Ивуар` and `Искандеров-М` stay whole (razdel splits them).
WORD = re.compile(r"\w+(?:[-‐‑/'’]\w+)*")
# Hyphenated compounds whose later parts are lower case (`российско-американских`, `Российско-китайские`)
# are split into their parts, since each part can name a country; names (`Санкт-Петербург`, `Игла-С`,
# `Су-30МК2`) stay whole.
COMPOUND_PART = re.compile(r'\w+')


def split_words(text: str) -> list[Token]:
    """Gazetteer words of `text` (see WORD), with lower-case compounds split into parts."""
    words = []
    for match in WORD.finditer(text):
        value = match.group()
        parts = value.split('-')
        if len(parts) > 1 and all(p.isalpha() and p.islower() for p in parts[1:]) and parts[0].isalpha():
            for part in COMPOUND_PART.finditer(value):
                words.append(Token(match.start() + part.start(), match.start() + part.end(), part.group()))
        else:
            words.append(Token(match.start(), match.end(), value))
    return words


def tokenize(text: str) -> list[Token]:
    """razdel's tokens of `text`, the same ones `razdel.tokenize` gives, about three times faster.

    razdel cuts the text into atoms (a run of letters of one script, a run of digits, one other
    character) with its own pattern, then decides at each pair of adjacent atoms whether to join them
    by its rules; atoms apart by white space never join. razdel builds a record for every atom and
    every pair, and finds each token's offset again by searching: on news text that cost a fifth of
    natasha's NER. Here the same pattern and the same rules run on the match objects, and only
    where two atoms touch. `tests/nlp/test_segment.py` compares the two on the gold corpora and on
    generated text.
    """
    atoms = list(ATOM.finditer(text))
    if not atoms:
        return []
    tokens = []
    start = atoms[0].start()
    previous = atoms[0]
    for i in range(1, len(atoms)):
        atom = atoms[i]
        if atom.start() != previous.end() or not _joins(text, atoms, i, start):
            end = previous.end()
            tokens.append(Token(start, end, text[start:end]))
            start = atom.start()
        previous = atom
    end = previous.end()
    tokens.append(Token(start, end, text[start:end]))
    return tokens


# razdel's four "2112" rules: a delimiter atom between two atoms of the right types joins them
_BETWEEN = ((DASHES, False), ('_', False), ('.,', True), ('/\\', True))  # (delimiters, needs digits both sides)
_WORDLIKE = ('OTHER', 'RU', 'LAT')


def _joins(text: str, atoms: list, i: int, token_start: int) -> bool:
    """razdel's join rules (dash, underscore, float, fraction, punct, other, yahoo) for the touching
    atoms i-1 and i; `token_start` is where the token being built began."""
    left, right = atoms[i - 1], atoms[i]
    left_text, right_text = left.group(), right.group()
    left_type, right_type = left.lastgroup, right.lastgroup
    for delimiters, digits in _BETWEEN:
        if left_text in delimiters:  # `cho-|to`: look at the atom before the delimiter
            a, b = (atoms[i - 2] if i >= 2 else None), right
        elif right_text in delimiters:  # `cho|-to`: look at the atom after it
            a, b = left, (atoms[i + 1] if i + 1 < len(atoms) else None)
        else:
            continue
        if a is None or b is None:
            continue
        if digits:
            if a.lastgroup == 'INT' and b.lastgroup == 'INT':
                return True
        elif a.lastgroup != 'PUNCT' and b.lastgroup != 'PUNCT':
            return True
    if left_type == 'PUNCT' and right_type == 'PUNCT':
        if SMILE.match(text[token_start:left.end()] + right_text):
            return True
        if left_text in ENDINGS and right_text in ENDINGS:
            return True
        if left_text + right_text in ('--', '**'):
            return True
    if left_type == 'OTHER' and right_type in _WORDLIKE:
        return True
    if left_type in _WORDLIKE and right_type == 'OTHER':
        return True
    return left_text.lower() == 'yahoo' and right_text == '!'


@step(requires='text', assigns='sentences tokens words initial')
def segment(doc: Doc) -> tuple[list[Token], list[Token], list[Token], set[int]]:
    """Cut the text into sentences, razdel tokens and gazetteer words (offsets into the text), and find
    the words that open a sentence."""
    sentences = [Token(s.start, s.stop, s.text) for s in sentenize(doc.text)]
    words = split_words(doc.text)
    return sentences, tokenize(doc.text), words, sentence_initial_words(words, sentences)


def sentence_of(sentences: list[Token]) -> Callable[[int], int]:
    """A look-up of the index of the sentence that holds a character offset."""
    starts = [s.start for s in sentences]
    return lambda offset: max(bisect_right(starts, offset) - 1, 0)


def sentence_initial_words(words: list[Token], sentences: list[Token]) -> set[int]:
    """Indexes of the first word of each sentence (an ambiguous capitalised word there proves nothing)."""
    starts = [s.start for s in sentences]
    initial, s = set(), 0
    for i, word in enumerate(words):
        while s < len(starts) and starts[s] <= word.start:
            initial.add(i)
            s += 1
    return initial
