"""Matching dictionary phrases in any inflected form: the shared engine of the country and weapon steps.

A phrase matches a run of words when each word shares a pymorphy3 lemma with the phrase's word
(`Соединённых Штатов` ~ `Соединённые Штаты`, `Иглы-С` ~ `Игла-С`). Capitalised phrase words must be
capitalised in the text, upper-case abbreviations must be written in upper case, and a phrase that
is also an ordinary word (`Того`, `Перу`, `Калибр`) is not taken at the start of a sentence.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ..doc import Token
from .morph import PREFIX, fold, is_common_word, lemmas

T = TypeVar('T')
GAP = re.compile(r'[\s\-‐‑]*')  # what may stand between the words of one phrase
DOTTED_GAP = re.compile(r'\.[\s\-‐‑]*')  # between the letters of a dotted abbreviation (`U.S.`)


@dataclass(frozen=True, slots=True)
class Phrase(Generic[T]):
    """One dictionary form with what it stands for (`value`)."""

    form: str
    words: tuple[frozenset[str], ...]
    capitals: tuple[bool, ...]
    upper: bool
    common: bool
    value: T
    order: int = 0  # its place in the dictionary: ties go to the earlier phrase
    dotted: bool = False  # an abbreviation written with dots (`U.S.`): its words stand apart by dots


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    """A phrase found over words[first:last] of a text."""

    first: int
    last: int
    start: int
    end: int
    phrase: Phrase[T]


class Gazetteer(Generic[T]):
    """An index of phrases by the lemmas of their first word; `find` returns the longest matches."""

    def __init__(self, items: Iterable[tuple[str, T]]) -> None:
        self.index: dict[str, list[Phrase[T]]] = {}
        for order, (form, value) in enumerate(items):
            phrase = make_phrase(form, value, order)
            if not phrase.words:
                continue
            for lemma in phrase.words[0]:
                self.index.setdefault(lemma, []).append(phrase)
        # Inflection changes the end of a word, not its start: a word whose first letters begin no
        # phrase is skipped without asking pymorphy3 (most words of a text; the main saving in speed).
        self.prefixes = frozenset(lemma[:PREFIX] for lemma in self.index)

    def find(self, words: list[Token], sentence_initial: set[int] | frozenset = frozenset(),
             text: str | None = None) -> list[Match[T]]:
        """Non-overlapping longest matches, left to right (see `match_at` for `text`)."""
        found: list[Match[T]] = []
        i = 0
        while i < len(words):
            match = self.match_at(words, i, i in sentence_initial, text)
            if match is None:
                i += 1
            else:
                found.append(match)
                i = match.last
        return found

    def match_at(self, words: list[Token], i: int, initial: bool = False, text: str | None = None) -> Match[T] | None:
        """The best phrase starting at word i: the longest, then the one whose capitals agree with the
        text (`Филиппин` is the name `Филиппины`, not the compound stem `филиппино-`), then the
        earliest in the dictionary. The candidates come from a set of lemmas, whose order changes from
        one process to the next: the choice must not, or the tables would differ between runs. Given
        the `text` the words come from, the words of a phrase must stand apart by spaces or hyphens
        only (the dateline `МОСКВА, 1 авг` is no `Москва 1`)."""
        if fold(words[i].text)[:PREFIX] not in self.prefixes:
            return None
        candidates = {phrase.order: phrase for lemma in lemmas(words[i].text) for phrase in self.index.get(lemma, ())}
        best = best_rank = None
        for order in sorted(candidates):
            phrase = candidates[order]
            n = len(phrase.words)
            if best_rank is not None and n < best_rank[0]:
                continue
            if i + n > len(words) or not _fits(phrase, words[i:i + n], initial):
                continue
            gap = DOTTED_GAP if phrase.dotted else GAP
            if n > 1 and text is not None and not all(
                    gap.fullmatch(text, a.end, b.start) for a, b in zip(words[i:i + n - 1], words[i + 1:i + n])):
                continue
            agree = sum(capital == word.text[:1].isupper() for capital, word in zip(phrase.capitals, words[i:i + n]))
            if best_rank is None or (n, agree) > best_rank:
                best, best_rank = phrase, (n, agree)
        if best is None:
            return None
        last = i + len(best.words)
        end = words[last - 1].end
        if best.dotted and text is not None and text[end:end + 1] == '.':
            end += 1  # `U.S.` with its last dot
        return Match(i, last, words[i].start, end, best)


def make_phrase(form: str, value: Any, order: int = 0) -> Phrase:
    from .segment import split_words

    parts = [w.text for w in split_words(form)]
    return Phrase(
        form=form,
        words=tuple(lemmas(p) for p in parts),
        capitals=tuple(p[:1].isupper() for p in parts),
        upper=len(parts) == 1 and len(parts[0]) > 1 and parts[0].isupper(),
        common=len(parts) == 1 and parts[0].isalpha() and is_common_word(parts[0]),
        value=value,
        order=order,
        dotted=len(parts) > 1 and bool(re.fullmatch(r'(?:[A-ZА-ЯЁ]\.)+', form)),
    )


def _fits(phrase: Phrase, words: list[Token], initial: bool) -> bool:
    if phrase.upper:
        return words[0].text.isupper() and fold(words[0].text) == fold(phrase.form)
    if phrase.common and phrase.capitals[0] and initial:
        return False
    for word, wanted, capital in zip(words, phrase.words, phrase.capitals):
        if capital and not word.text[:1].isupper():
            return False
        if not (wanted & lemmas(word.text)):
            return False
    return True
