"""The records passed between the steps (documents in, mentions out), and the document object that the
extraction steps fill in order.

`Doc` is to this pipeline what natasha's `Doc` is to natasha: the text and everything found in it so
far. A step is a function of a `Doc` that declares, like a spaCy component, the fields it `requires`
and the ones it `assigns` (`@step(requires='text words', assigns='weapons')`); it returns the values
of the fields it assigns, or changes the mentions' attributes it names (`mentions.entity`). The
extractor (`pipeline.extract`) checks once, when it is built, that every step comes after the steps
that fill what it needs.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar


@dataclass(frozen=True, slots=True)
class Document:
    """One input text. `text` is exactly what was read; every offset indexes it."""

    id: str
    text: str
    source: str = ''
    meta: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class Failed:
    """An input document that could not be read, and why."""

    id: str
    source: str
    reason: str
    meta: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class Token:
    """A razdel token or a gazetteer word, with character offsets into the text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Span:
    """An NER span: a type (PER, LOC, ORG) over characters [start, end)."""

    type: str
    start: int
    end: int


@dataclass(slots=True)
class Mention:
    """One observation of an entity in a document.

    `normal` is the mention's own nominative form; `entity` is the canonical entity it refers to
    after merging within the document (`Мадуро` → normal `Мадуро`, entity `Николас Мадуро`).
    """

    type: str  # person | country | weapon
    start: int
    end: int
    text: str
    normal: str = ''
    entity: str = ''
    code: str = ''  # ISO 3166-1 alpha-2, countries only
    kind: str = ''  # how it was named: name, abbreviation, adjective, capital (countries);
    #                 full, surname, initials, first (persons); gazetteer, class, designation (weapons)
    source: str = ''  # which step found it: ner, gazetteer, rule
    weapon_class: str = ''
    origin: str = ''  # weapon's country of origin, ISO alpha-2
    sentence: int = -1
    doc_id: str = ''
    gender: str = ''  # persons: masc or femn where the name or its context shows it (used in merging)
    wikidata: str = ''  # persons: the Wikidata id of a person of the gazetteer (data/persons.csv)


@dataclass(slots=True)
class Transfer:
    """One arms transfer a document states (../shared/eval/TRANSFERS.md): who supplies which weapon (or
    category of weapon) to whom, how far it got, how many, and the sentence that says so.

    `supplier` and `recipient` are ISO alpha-2 codes ('' where the text names none); `weapon` is the
    canonical name of a weapon mention, or '' with `category` set; `start`/`end` is the evidence
    sentence and `mention_start`/`mention_end` the weapon (or category) mention in it.
    """

    supplier: str
    recipient: str
    weapon: str
    category: str
    status: str  # delivered | ordered | requested | possible | refused | in_service
    quantity: int | None
    start: int
    end: int
    text: str
    mention_start: int
    mention_end: int
    trigger: str = ''  # the word that states it (`поставить`, `просьба`, `на вооружении`)
    sentence: int = -1
    doc_id: str = ''


@dataclass(slots=True)
class Doc:
    """A text on its way through the extraction steps; a field is None until a step fills it.

    `text` is what the steps read: the document's text with its header blanked and Latin lookalikes
    made Cyrillic, one character for one, so offsets index the text as read. The piece steps see one
    piece of a long document; the document steps see the whole of it, with every piece's sentences
    and mentions (offsets into the whole text).
    """

    text: str
    sentences: list[Token] | None = None  # razdel sentences
    tokens: list[Token] | None = None  # razdel tokens, what the NER reads
    words: list[Token] | None = None  # gazetteer words (`Су-30МК2` whole, `российско-американских` split)
    initial: set[int] | None = None  # indexes of the words that open a sentence
    spans: list[Span] | None = None  # the NER's PER / LOC / ORG spans
    weapons: list[Mention] | None = None
    countries: list[Mention] | None = None
    persons: list[Mention] | None = None  # from the NER's PER spans
    echoes: list[Mention] | None = None  # surnames of those persons where they recur untagged
    mentions: list[Mention] | None = None  # one per stretch of text, in text order
    transfers: list[Transfer] | None = None  # arms transfers stated (relations/)


F = TypeVar('F', bound=Callable)


def step(requires: str, assigns: str) -> Callable[[F], F]:
    """Declare a function of a `Doc` as an extraction step: the space-separated names of the fields it
    reads and of those it fills (`mentions.entity`: an attribute it sets on the mentions)."""
    def declare(function: F) -> F:
        function.requires = tuple(requires.split())
        function.assigns = tuple(assigns.split())
        return function

    return declare
