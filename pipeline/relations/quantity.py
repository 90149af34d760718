"""How many units: the number the item's noun group carries (`5000 ракетных комплексов`, `тысячу
собственных танков`, `1 млн артиллерийских снарядов`, `Шестнадцать … Су-34`). Approximations and
bounds (`около 30`, `свыше 600`, `более 240`) and ranges (`12-16`) give none (TRANSFERS.md, decision 8)."""
from __future__ import annotations

import re

from . import lexicon
from .syntax import Parse

DIGITS = re.compile(r'\d{1,3}(?:[ \u00a0]\d{3})+|\d+')


def quantity(parse: Parse, group: list[int]) -> int | None:
    """The number of units of the item whose noun group is `group` (its token first), or None."""
    groups = lexicon.QUANTITY_GROUP_NOUNS
    for index, node in enumerate(group):
        if index and parse.rels[group[index - 1]] == 'conj':
            break  # `тысячу танков К2, свыше 600 гаубиц К9`: the first one's number is not the next one's
        if node != group[0] and parse.lemmas[node] & groups:
            return None  # `пять дивизионов С-400`: divisions, not launchers
        if parse.pos[node] == 'NUM' and node != group[0]:
            return number_at(parse, node)
        for child in parse.children(node):
            if parse.rels[child] in ('nummod', 'nummod:gov') or parse.pos[child] == 'NUM' and \
                    parse.rels[child] in ('nmod', 'amod', 'det'):
                value = number_at(parse, child)
                if value is not None:
                    return value
        if parse.pos[node] == 'NOUN':
            before = _number_before(parse, node)
            if before is not None:
                return number_at(parse, before)
    return None


def _number_before(parse: Parse, noun: int) -> int | None:
    """A number right before the noun's adjectives (`10 боевых разведывательных дозорных машин`), which
    the parser may hang elsewhere."""
    i = noun - 1
    while i >= 0 and parse.pos[i] in ('ADJ', 'DET'):
        i -= 1
    if i >= 0 and parse.pos[i] == 'NUM' and DIGITS.fullmatch(parse.tokens[i].text.replace('\u00a0', ' ')):
        return i
    return None


def number_at(parse: Parse, i: int) -> int | None:
    """The value of the number at token `i` with its multiplier (`1 млн`, `5 тыс.`), None for an
    approximation, a range, an ordinal or a number the parser misread."""
    if _approximate(parse, i):
        return None
    value = _value(parse, i)
    if value is None:
        return None
    number, multiplier = value
    after = _value(parse, i + 1) if i + 1 < len(parse.tokens) else None
    if not multiplier and after is not None and after[1]:
        return number * after[0] if 0 < number * after[0] < 10_000_000 else None  # `1 млн`
    if multiplier:  # `млн`, `тысяч`: times the number before it or under it (`1 млн`, `пяти тысяч`)
        for j in (*parse.children(i), i - 1):
            below = _value(parse, j) if 0 <= j < len(parse.tokens) else None
            if below is not None and not below[1] and (j == i - 1 or parse.rels[j] in ('nummod', 'nummod:gov')):
                number *= below[0]
                break
    return number if 0 < number < 10_000_000 else None


def _value(parse: Parse, i: int) -> tuple[int, bool] | None:
    """(value, is a multiplier) of the number at token `i`."""
    text = parse.tokens[i].text.replace('\u00a0', ' ')
    if DIGITS.fullmatch(text):
        return int(text.replace(' ', '')), False
    words = lexicon.number_words()
    for lemma in parse.lemmas[i]:
        found = words.get(lemma.rstrip('.'))
        if found is not None:
            return found
    return None


def _approximate(parse: Parse, i: int) -> bool:
    approximate = lexicon.APPROXIMATE_WORDS
    if any(parse.lemmas[c] & approximate for c in parse.children(i)):
        return True
    return i > 0 and bool(parse.lemmas[i - 1] & approximate)
