"""Sentences and tokens with character offsets (razdel), plus the word units gazetteers match on."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from razdel import sentenize, tokenize

from .records import Token

# Word units for gazetteer matching: letters and digits joined by hyphens, slashes or apostrophes,
# so that `Су-30МК2`, `F/A-18`, `Кот-д'Ивуар` and `Искандеров-М` stay whole (razdel splits them).
WORD = re.compile(r"\w+(?:[-‐‑/'’]\w+)*")
# Hyphenated compounds whose later parts are lower case (`российско-американских`, `Российско-китайские`)
# are split into their parts, since each part can name a country; names (`Санкт-Петербург`, `Игла-С`,
# `Су-30МК2`) stay whole.
COMPOUND_PART = re.compile(r'\w+')


@dataclass(slots=True)
class Segmented:
    """A text cut into razdel sentences and tokens, and into gazetteer words."""

    text: str
    sentences: list[Token]
    tokens: list[Token]
    words: list[Token]
    sentence_starts: list[int]

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence that holds character `offset`."""
        return max(bisect_right(self.sentence_starts, offset) - 1, 0)


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


def segment(text: str) -> Segmented:
    """Cut `text` into sentences, razdel tokens and gazetteer words (offsets into `text`)."""
    sentences = [Token(s.start, s.stop, s.text) for s in sentenize(text)]
    tokens = [Token(t.start, t.stop, t.text) for t in tokenize(text)]
    return Segmented(text, sentences, tokens, split_words(text), [s.start for s in sentences])
