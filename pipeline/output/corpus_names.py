"""Entities across documents: the key each mention's entity is counted under, and persons merged over
the corpus: a surname-only person (`Мадуро`) joins the full name when the corpus gives exactly one full
name with that surname (`Николас Мадуро`); ambiguous surnames stay apart and are counted."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..entities.persons.names import is_full_name
from ..nlp.morph import PREFIX, fold, lemmas
from .read import cell_text

if TYPE_CHECKING:
    import pandas as pd


Key = tuple[str, str]  # (type, key): a person's or weapon's folded name, a country's code


def mention_key(kind: str, entity: str, code: str = '') -> Key:
    """The key a mention's entity is counted under: countries by code, others by folded name."""
    if kind == 'country' and code:
        return kind, code
    return kind, fold(entity)


@dataclass
class Names:
    """How the mentions' entities map onto corpus entities.

    `key` maps a mention's own key (`mention_key`) to the corpus entity's key (a surname-only person
    to the full name it joined); `name` gives each corpus key its canonical name; `ambiguous` lists the
    bare surnames left apart because several full names in the corpus end in them.
    """

    key: dict[Key, Key] = field(default_factory=dict)
    name: dict[Key, str] = field(default_factory=dict)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)

    def __call__(self, kind: str, entity: str, code: str = '') -> str:
        """The canonical corpus name of one mention's entity."""
        own = mention_key(kind, entity, code)
        return self.name.get(self.key.get(own, own), entity)

    def corpus_key(self, kind: str, entity: str, code: str = '') -> Key:
        own = mention_key(kind, entity, code)
        return self.key.get(own, own)


class _FullNames:
    """Full person names indexed by their last word, to find those a bare surname can join: by folded
    spelling first (`Мадуро`/`МАДУРО`, `Журавлёв`/`Журавлев`), else by a shared pymorphy3 lemma
    (`Захаров`/`Захарова`). Looking up every surname against every full name was quadratic: 2 s of a
    10 s run on 746 texts. Inflection leaves a surname's first letters alone, so only the names that
    begin as the surname does are lemmatized (a cold dictionary look-up costs about 0.1 ms)."""

    def __init__(self, full_names: list[str]) -> None:
        self.names = full_names
        self.by_spelling: dict[str, list[str]] = defaultdict(list)
        self.by_prefix: dict[str, list[int]] = defaultdict(list)
        for i, name in enumerate(full_names):
            last = fold(name.split()[-1])
            self.by_spelling[last].append(name)
            self.by_prefix[last[:PREFIX]].append(i)

    def matches(self, surname: str) -> list[str]:
        """The full names `surname` can join, in the order given."""
        folded = fold(surname)
        exact = self.by_spelling.get(folded)
        if exact:
            return exact
        own = lemmas(surname)
        found = []
        for i in self.by_prefix.get(folded[:PREFIX], ()):
            last = self.names[i].split()[-1]
            if own & lemmas(last):
                found.append(self.names[i])
        return found


def canonical_names(mentions: pd.DataFrame) -> Names:
    """Corpus entities of a mentions table: keys, canonical names, merged persons, ambiguous surnames.

    A canonical name is the spelling of the entity most mentions use (ties: the first in sort order).
    """
    spellings: dict[Key, Counter] = defaultdict(Counter)
    for kind, entity, code in zip(mentions['type'], mentions['entity'], mentions['code']):
        kind, entity, code = cell_text(kind), cell_text(entity), cell_text(code)
        spellings[mention_key(kind, entity, code)][entity] += 1
    return _names_from_spellings(spellings)


def _names_from_spellings(spellings: Mapping[Key, Counter]) -> Names:
    """`canonical_names` from the spellings' counts of each mention key (in order of first mention)."""
    names = Names()
    own_name = {key: min(counts.items(), key=lambda item: (-item[1], item[0]))[0] for key, counts in spellings.items()}
    persons = {key: name for key, name in own_name.items() if key[0] == 'person'}
    full = _FullNames(sorted(name for name in persons.values() if is_full_name(name)))
    for key, name in sorted(persons.items()):
        if len(name.split()) != 1:
            continue
        matches = full.matches(name)
        if len(matches) == 1:
            names.key[key] = mention_key('person', matches[0])
        elif len(matches) > 1:
            names.ambiguous[name] = matches
    # A merged surname joins a full name's key, which has spellings of its own: it keeps its name.
    names.name = {key: name for key, name in own_name.items() if key not in names.key}
    return names
