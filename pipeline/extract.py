"""The extractor for one text: segment → NER → persons, countries, weapons → resolve overlaps → merge."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .countries import find_countries, load_countries
from .ner import NER
from .persons import find_persons, merge_persons
from .records import Mention
from .segment import Segmented, segment
from .weapons import find_weapons, load_weapons

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
        """Mentions of `text`; character ranges in `skip` (a metadata header) are not searched."""
        visible = blank(text, skip)
        seg = segment(visible)
        spans = self.ner(visible, seg.tokens)
        initial = sentence_initial_words(seg)
        found = find_weapons(visible, seg.words, initial)
        found += find_countries(visible, seg.words, spans, initial)
        found += find_persons(visible, spans)
        mentions = resolve_overlaps(found)
        merge_persons([m for m in mentions if m.type == 'person'])
        for mention in mentions:
            mention.text = text[mention.start:mention.end]
            mention.sentence = seg.sentence_of(mention.start)
            mention.doc_id = doc_id
        return Extraction(mentions, len(seg.sentences), len(seg.tokens))


def blank(text: str, ranges: tuple[tuple[int, int], ...]) -> str:
    """`text` with the given ranges replaced by spaces, so that offsets stay the same."""
    for start, end in ranges:
        text = text[:start] + re.sub(r'[^\n]', ' ', text[start:end]) + text[end:]
    return text


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
    """Weapon over country over person; but a person the NER found beats a weapon known only by a bare
    word (`Байрактара` the man, not the drone)."""
    if mention.type == 'weapon' and mention.kind == 'gazetteer' and not any(c.isdigit() for c in mention.text):
        return 3
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
