"""Quoted stretches of text: names of weapons and titles of works, programmes and outlets.

A quote opens and closes with marks of one kind (`«…»`, `„…“`, `“…”`, `"…"`), so that a `"Томагавки"`
inside `«…»` is a quote of its own; the inside holds no mark of its kind and no line break, and is at
most `longest` characters long (a longer stretch is speech or a mistake, not a name).
"""
from __future__ import annotations

import re
from functools import lru_cache

KINDS = (('«', '»'), ('„', '“”'), ('“', '”'), ('"', '"'))  # opening mark, closing marks
LONGEST = 60


@lru_cache(maxsize=8)
def _patterns(longest: int) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(f'{re.escape(opening)}([^{re.escape(opening + closing)}\\n]{{1,{longest}}})'
                            f'[{re.escape(closing)}]') for opening, closing in KINDS)


def find_quotes(text: str, longest: int = LONGEST) -> dict[int, re.Match]:
    """The quotes of `text` by the offset of their first inner character (group 1 is the inside; where
    quotes of two kinds start there, the one of the earlier kind in `KINDS`)."""
    found: dict[int, re.Match] = {}
    for pattern in _patterns(longest):
        for match in pattern.finditer(text):
            found.setdefault(match.start(1), match)
    return found


def quote_at(text: str, pos: int, longest: int = LONGEST) -> re.Match | None:
    """The quote whose opening mark stands exactly at `pos`."""
    for pattern in _patterns(longest):
        match = pattern.match(text, pos)
        if match:
            return match
    return None


def in_quote(text: str, offset: int, longest: int = LONGEST) -> bool:
    """`offset` lies inside a quote (not on its marks)."""
    reach = longest + 2
    return any(match.start() < offset < match.end() for pattern in _patterns(longest)
               for match in pattern.finditer(text, max(0, offset - reach), offset + reach))
