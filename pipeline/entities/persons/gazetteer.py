"""Well-known people (`data/persons.csv`, built by `scripts/build_persons.py` from public data): every
person the gazetteer knows gets its Wikidata id, so that one person has one id across documents, and a
bare surname whose document names no other bearer of it is the one well-known person with that surname
(`Путин` alone: Q7747, Владимир Путин).

The bare surname keeps its entity as the document writes it (`Путин`): completing the name itself
(`Путин` → `Владимир Путин`) was measured and lowers factRuEval-dev, whose gold keeps the surname a text
gives alone (person entity accuracy .965 → .955), more than it raises NEREL dev (.884 → .886); the
id carries the completion, and `persons.csv` gives the name.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...data import read_rows
from ...doc import Doc, Mention, step
from ...nlp.morph import fold
from .names import INITIAL, ROMAN

WELL_KNOWN = 2  # linked in this many documents of the source or more: well-known enough to complete a surname


@dataclass(frozen=True, slots=True)
class Person:
    """One row of the gazetteer: the Wikidata id, the name as entities are written, the gender, how many
    source documents link it."""

    wikidata: str
    name: str
    gender: str
    documents: int


@lru_cache(maxsize=1)
def people() -> tuple[dict[str, tuple[Person, ...]], dict[str, tuple[Person, ...]]]:
    """The gazetteer indexed by whole name (the name, the Wikidata label, and first name with surname,
    folded) and, for the well-known, by surname."""
    by_name: dict[str, list[Person]] = {}
    by_surname: dict[str, list[Person]] = {}
    for row in read_rows('persons.csv'):
        person = Person(row['wikidata'], row['name'], row['gender'], int(row['documents']))
        words = row['name'].split()
        keys = {fold(row['name']), fold(row['label'])}
        if len(words) > 2:
            keys.add(fold(f'{words[0]} {words[-1]}'))
        for key in keys:
            by_name.setdefault(key, []).append(person)
        if len(words) > 1 and person.documents >= WELL_KNOWN and _surname(words[-1]):
            by_surname.setdefault(fold(words[-1]), []).append(person)
    return ({k: tuple(v) for k, v in by_name.items()}, {k: tuple(v) for k, v in by_surname.items()})


def _surname(word: str) -> bool:
    return not ROMAN.fullmatch(word) and not INITIAL.match(word)


@step(requires='mentions mentions.entity mentions.kind mentions.gender', assigns='mentions.wikidata')
def link_persons(doc: Doc) -> None:
    """Give every person the gazetteer knows its Wikidata id (sets `wikidata`): a full name by its name
    (or first name and surname), a bare surname only where no other entity of the document ends in it
    (`Клинтон` beside `Хиллари Клинтон` is left to merging) and the gazetteer has exactly one well-known
    person with it, of the mention's gender where it shows one."""
    by_name, by_surname = people()
    groups: dict[str, list[Mention]] = {}
    for mention in doc.mentions:
        if mention.type == 'person':
            groups.setdefault(fold(mention.entity), []).append(mention)
    surnames = {key.split()[-1] for key in groups if len(key.split()) > 1}
    for key, group in groups.items():
        person = None
        if len(key.split()) == 1 and key not in surnames and all(m.kind in ('surname', 'alias') for m in group):
            genders = {m.gender for m in group if m.gender}
            found = [p for p in by_surname.get(key, ()) if not (p.gender and genders - {p.gender})]
            person = found[0] if len(found) == 1 else None
        else:
            found = by_name.get(key, ())
            person = found[0] if len(found) == 1 else None
        if person is not None:
            for mention in group:
                mention.wikidata = person.wikidata
