"""The extractor for one text: segment → NER → persons, countries, weapons → resolve overlaps → merge."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .doc import Mention
from .entities.countries import find_countries, load_countries
from .entities.overlaps import resolve_overlaps
from .entities.persons.find import echo_persons, find_persons
from .entities.persons.merge import merge_persons
from .entities.persons.relatives import name_relatives
from .entities.weapons import find_weapons, load_weapons
from .nlp.ner import NER
from .nlp.segment import segment, sentence_initial_words
from .nlp.text import blank, cyrillic_lookalikes, pieces


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


@lru_cache(maxsize=1)
def shared_extractor() -> Extractor:
    """The extractor of this process, built on first use (once per worker process, Dask workers too)."""
    return Extractor()


def extractor_loads() -> int:
    """How many times this process has built its extractor (0 or 1)."""
    return shared_extractor.cache_info().misses
