"""The extractor for one text: the steps, in order.

    piece of the text ─► segment ─► NER ─► weapons ─► countries ─► persons ─► echoes ─► choose mentions
    whole document   ─► merge persons ─► decide persons ─► name relatives ─► link persons
                     ─► transfers (unless switched off)

A long text is cut into pieces (`pipeline.nlp.text.pieces`); the piece steps run on each piece, the
document steps once on the whole document. Each step is a function of a `Doc` that declares what it
requires and what it assigns (`pipeline.doc.step`); the extractor checks the order once, when it is built.
"""
from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .doc import Doc, Mention, Token, Transfer
from .entities.countries import find_countries, load_countries
from .entities.overlaps import choose_mentions
from .entities.persons.decide import decide_persons
from .entities.persons.find import echo_persons, find_persons
from .entities.persons.gazetteer import link_persons
from .entities.persons.merge import merge_persons
from .entities.persons.relatives import name_relatives
from .entities.weapons import find_weapons, load_weapons
from .nlp.ner import NER
from .nlp.segment import segment
from .nlp.text import blank, cyrillic_lookalikes, pieces
from .relations import FindTransfers

DOCUMENT_GIVEN = ('text', 'sentences', 'mentions')  # what the extractor carries over from the pieces


@dataclass(slots=True)
class Extraction:
    """What one text yields: its mentions in text order, its arms transfers (`Transfer` rows, empty when
    the extractor was built with `transfers=False`), and the sizes counted on the way."""

    mentions: list[Mention] = field(default_factory=list)
    sentences: int = 0
    tokens: int = 0
    transfers: list[Transfer] = field(default_factory=list)


class Extractor:
    """Finds persons, countries and weapon systems in Russian text.

    Models and gazetteers load once, in the constructor; call the object on as many texts as you like:

        >>> ex = Extractor()
        >>> [m.entity for m in ex('Путин встретился с Мадуро в Москве.').mentions]  # doctest: +SKIP

    `transfers=False` leaves out the arms-transfer stage (and its syntax models); the mentions are the
    same either way.
    """

    def __init__(self, transfers: bool = True) -> None:
        self.ner = NER()
        load_countries()
        load_weapons()
        self.piece_steps = (segment, self.ner, find_weapons, find_countries, find_persons, echo_persons,
                            choose_mentions)
        self.document_steps = (merge_persons, decide_persons, name_relatives, link_persons) + (
            (FindTransfers(self.ner.words_vocab),) if transfers else ())
        check_order(self.piece_steps, ('text',))
        carried = {name for s in self.piece_steps for name in s.assigns if name.startswith('mentions.')}
        check_order(self.document_steps, (*DOCUMENT_GIVEN, *sorted(carried)))
        gc.freeze()  # the models and gazetteers live as long as the process: no collection need scan them

    def __call__(self, text: str, doc_id: str = '', skip: tuple[tuple[int, int], ...] = ()) -> Extraction:
        """Mentions of `text`; character ranges in `skip` (a metadata header) are not searched.

        A long text is processed in pieces of at most PIECE_CHARS cut at line or sentence ends, so
        memory stays bounded whatever its size; offsets always index the whole text, and persons are
        merged over the whole document.

        The cyclic garbage collector waits while a text is processed: the steps make hundreds of
        thousands of short-lived records and fill the look-up caches, and collections over them cost
        about 7% of the time (measured on nerel-train); what one text leaves is collected after it.
        """
        paused = gc.isenabled()
        gc.disable()
        try:
            return self._extract(text, doc_id, skip)
        finally:
            if paused:
                gc.enable()

    def _extract(self, text: str, doc_id: str, skip: tuple[tuple[int, int], ...]) -> Extraction:
        doc = Doc(cyrillic_lookalikes(blank(text, skip)), sentences=[], mentions=[])
        tokens = 0
        for start, end in pieces(doc.text):
            piece = self.piece(doc.text[start:end])
            before = len(doc.sentences)
            doc.sentences += [Token(s.start + start, s.end + start, s.text) for s in piece.sentences]
            doc.mentions += [replace(m, start=m.start + start, end=m.end + start, sentence=m.sentence + before,
                                     text=text[m.start + start:m.end + start], doc_id=doc_id)
                             for m in piece.mentions]
            tokens += len(piece.tokens)
        run_steps(self.document_steps, doc)
        return Extraction(doc.mentions, len(doc.sentences), tokens, doc.transfers or [])

    def piece(self, text: str) -> Doc:
        """The piece steps on one text (at most PIECE_CHARS long): its `Doc` with every field filled,
        the mentions not yet merged."""
        doc = Doc(text)
        run_steps(self.piece_steps, doc)
        return doc


def run_steps(steps: Iterable, doc: Doc) -> None:
    """Run each step on `doc` and store what it returns in the fields it assigns."""
    for step in steps:
        value = step(doc)
        fields = [name for name in step.assigns if '.' not in name]
        if len(fields) == 1:
            setattr(doc, fields[0], value)
        else:
            for name, part in zip(fields, value or (), strict=True):
                setattr(doc, name, part)


def check_order(steps: Sequence, given: Iterable[str]) -> None:
    """Raise ValueError unless every step comes after the steps that assign what it requires."""
    available = set(given)
    for step in steps:
        missing = [name for name in step.requires if name not in available]
        if missing:
            name = getattr(step, '__name__', type(step).__name__)
            raise ValueError(f'extraction step {name} requires {", ".join(missing)}, which no earlier step assigns')
        available.update(step.assigns)


@lru_cache(maxsize=2)
def shared_extractor(transfers: bool = True) -> Extractor:
    """The extractor of this process, built on first use (once per worker process, Dask workers too)."""
    return Extractor(transfers)


def extractor_loads() -> int:
    """How many times this process has built an extractor (0 or 1 per setting of `transfers`)."""
    return shared_extractor.cache_info().misses
