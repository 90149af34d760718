"""The extractor for one text: segment → NER → persons, countries, weapons → resolve overlaps → merge."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .countries import find_countries, load_countries
from .merge import merge_persons, name_relatives
from .ner import NER
from .persons import echo_persons, find_persons
from .records import Mention
from .segment import Segmented, segment
from .weapons import find_weapons, load_weapons

PIECE_CHARS = 100_000  # longer texts are processed in pieces (bounded memory for megabyte documents)
TYPE_PRIORITY = {'weapon': 0, 'country': 1, 'person': 2}


@dataclass(slots=True)
class Extraction:
    """What one text yields: its mentions in text order, and the sizes counted on the way."""

    mentions: list[Mention] = field(default_factory=list)
    sentences: int = 0
    tokens: int = 0


class Extractor:
    """Finds persons, countries and weapon systems in Russian text.

    Models and gazetteers load once, in the constructor; call the object on as many texts as you like:

        >>> ex = Extractor()
        >>> [m.entity for m in ex('Путин встретился с Мадуро в Москве.').mentions]  # doctest: +SKIP
    """

    def __init__(self) -> None:
        self.ner = NER()
        load_countries()
        load_weapons()

    def __call__(self, text: str, doc_id: str = '', skip: tuple[tuple[int, int], ...] = ()) -> Extraction:
        """Mentions of `text`; character ranges in `skip` (a metadata header) are not searched.

        A long text is processed in pieces of at most PIECE_CHARS cut at line or sentence ends, so
        memory stays bounded whatever its size; offsets always index the whole text, and persons are
        merged over the whole document.
        """
        visible = cyrillic_lookalikes(blank(text, skip))
        result = Extraction()
        for start, end in pieces(visible):
            part = self._piece(visible[start:end])
            for mention in part.mentions:
                mention.start += start
                mention.end += start
                mention.sentence += result.sentences
            result.mentions += part.mentions
            result.sentences += part.sentences
            result.tokens += part.tokens
        persons = [m for m in result.mentions if m.type == 'person']
        merge_persons(persons)
        name_relatives(visible, persons)
        for mention in result.mentions:
            mention.text = text[mention.start:mention.end]
            mention.doc_id = doc_id
        return result

    def _piece(self, text: str) -> Extraction:
        seg = segment(text)
        spans = self.ner(text, seg.tokens)
        initial = sentence_initial_words(seg)
        found = find_weapons(text, seg.words, initial)
        found += find_countries(text, seg.words, spans, initial)
        persons = find_persons(text, spans)
        found += persons + echo_persons(text, seg.words, persons, initial)
        mentions = resolve_overlaps(found)
        for mention in mentions:
            mention.sentence = seg.sentence_of(mention.start)
        return Extraction(mentions, len(seg.sentences), len(seg.tokens))


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


def sentence_initial_words(seg: Segmented) -> set[int]:
    """Indexes of the first word of each sentence (an ambiguous capitalised word there proves nothing)."""
    starts = seg.sentence_starts
    initial, s = set(), 0
    for i, word in enumerate(seg.words):
        while s < len(starts) and starts[s] <= word.start:
            initial.add(i)
            s += 1
    return initial


def _priority(mention: Mention) -> int:
    """Weapon over country over person; but a person the NER found beats a weapon named by words alone
    (`Байрактара` the man, not the drone; `самолет Lino Oviedo`)."""
    if mention.type == 'weapon' and mention.kind in ('gazetteer', 'class') and not any(
            c.isdigit() for c in mention.text):
        return 3
    if mention.source == 'echo':
        return 4  # a recurring surname yields to anything else found there
    return TYPE_PRIORITY[mention.type]


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """One mention per stretch of text: the longer wins, then weapon over country over person."""
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), _priority(m), m.start))
    starts: list[int] = []  # kept spans, sorted and disjoint: a new one is checked against its neighbours
    kept: list[Mention] = []
    for mention in ordered:
        i = bisect_right(starts, mention.start)
        if i > 0 and kept[i - 1].end > mention.start:
            continue
        if i < len(kept) and kept[i].start < mention.end:
            continue
        starts.insert(i, mention.start)
        kept.insert(i, mention)
    return kept
