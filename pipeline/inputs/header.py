"""The metadata header of a document: ` date 2025-11-04 Ричмонд`, then the title line.

The rest of the date line is a place where it is a short place name (`Ричмонд`, `Нижний Новгород`,
`Ростов-на-Дону`, `МОСКВА`); anything else there is text (`date 2025-10-20 Египет заявил о закупке
истребителей Су-35`, a headline or a first sentence as real pages write it), and only the date is skipped.
"""
from __future__ import annotations

import re

HEADER = re.compile(r'\A\ufeff?[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?=[ \t\r\n]|\Z)')
REST = re.compile(r'[ \t]*([^\r\n]*?)[ \t]*(?:\r\n|\r|\n|\Z)')
LINE = re.compile(r'[^\r\n]*')
MAX_TITLE = 300  # a header "title" that is a whole book on one line is cut here (it is a cell, not text)
PLACE_WORDS = 3  # `Нижний Новгород`, `Сан Хосе`, `Рио де Жанейро`
# A word of a place name: capitalised, its parts joined by hyphens or an apostrophe (`Ростов-на-Дону`,
# `Кот-д'Ивуар`, `Нью-Йорк`); or a lower-case link between such words (`Рио де Жанейро`), not a
# conjunction (`Иран и Россия` is a headline).
PLACE_WORD = re.compile(r"[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]*(?:[-'’][A-Za-zА-Яа-яЁё]+)*\.?")
LINK_WORDS = frozenset('на де да ди дель ла ле дю эль аль ам де-ла de da di del la le du am an on upon'.split())


def is_place(rest: str) -> bool:
    """A short place name, as a dateline gives it: at most PLACE_WORDS words, the first and the last
    capitalised, the others capitalised or links; no digits, no punctuation but hyphens."""
    words = rest.split()
    if not words or len(words) > PLACE_WORDS:
        return False
    if not (PLACE_WORD.fullmatch(words[0]) and PLACE_WORD.fullmatch(words[-1])):
        return False
    return all(PLACE_WORD.fullmatch(word) or word in LINK_WORDS for word in words[1:-1])


def parse_header(text: str) -> tuple[dict[str, str], tuple[tuple[int, int], ...]]:
    """The metadata header (` date 2025-11-04 Ричмонд`, then the title line) and the range to skip.

    Lines may end in `\\n`, `\\r\\n` or a lone `\\r`. The date line is skipped whole where its rest is a
    place (see `is_place`); otherwise only ` date YYYY-MM-DD` is, and the rest is text. The title (the
    next non-empty line) is text either way.
    """
    match = HEADER.match(text)
    if not match:
        return {}, ()
    rest = REST.match(text, match.end())
    place = rest.group(1).strip()
    meta = {'date': match.group(1), 'place': ''}
    if is_place(place) or not place:
        meta['place'] = place[:MAX_TITLE]
        skip = (match.start(), rest.end())
    else:
        skip = (match.start(), match.end())
    for line in LINE.finditer(text, rest.end()):
        title = line.group().strip()
        if title:
            meta['title'] = title if len(title) <= MAX_TITLE else title[:MAX_TITLE - 1] + '…'
            break
    return meta, (skip,)
