"""Plain records passed between the steps: documents in, mentions out."""
from __future__ import annotations

from dataclasses import dataclass, field


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
