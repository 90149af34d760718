"""The relation stage's words, read once from `pipeline/data/`: triggers with their kind and status,
the modifiers above them, the syntactic roles of each kind, categories, and the nouns that stand for a
state. Nothing here is code that decides; it only gives the data a shape."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..data import load_word_list, read_rows
from ..nlp.text import fold

STATUSES = ('delivered', 'ordered', 'requested', 'possible', 'refused', 'in_service')
# Kinds whose word is an act of speech about a transfer: a verb above one (`направил письмо с просьбой`,
# `подписали контракт`) only carries it, and its roles are the speech act's.
SPEECH_KINDS = frozenset({'request', 'offer', 'deal', 'interest', 'refuse'})


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    kind: str  # give, arrive, receive, buy, pay, supply, purchase, deal, request, offer, interest, refuse, hold
    status: str
    preposition: str = ''  # the word counts only after this preposition (`на вооружении`)
    case: str = ''  # … in this case (UD: Loc, Acc)
    finite: bool = False  # not as a participle


@dataclass(frozen=True, slots=True)
class Modifier:
    lemma: str
    status: str  # what it makes of the event below it ('' for none)
    negated: str  # what it makes of it when negated ('' for nothing)


@dataclass(frozen=True, slots=True)
class Category:
    noun: str
    needs: str
    name: str  # '' to compose from the noun and its type-defining adjectives
    covers: frozenset[str]  # weapon classes (folded); '*' for any

    @property
    def umbrella(self) -> bool:
        return '*' in self.covers


# The word lists of the stage (data/, one lemma per line).
CATEGORY_MODIFIERS = load_word_list('transfer_category_modifiers.txt')
STATE_AGENTS = load_word_list('state_agents.txt')
ARMED_FORCES = load_word_list('armed_forces.txt')
COLLECTIVES = load_word_list('transfer_collectives.txt')
APPROXIMATE_WORDS = load_word_list('approximate_words.txt')
QUANTITY_GROUP_NOUNS = load_word_list('quantity_group_nouns.txt')
LEADER_ROLES = load_word_list('leader_roles.txt')
LIST_WORDS = load_word_list('list_words.txt')
LIGHT_VERBS = load_word_list('transfer_light_verbs.txt')
CONTROL_VERBS = load_word_list('control_verbs.txt')
ANAPHORIC_NOUNS = load_word_list('anaphoric_nouns.txt')


@cache
def triggers() -> dict[str, tuple[Trigger, ...]]:
    """Triggers by lemma (a lemma may have several uses, told apart by preposition)."""
    out: dict[str, list[Trigger]] = {}
    for row in read_rows('transfer_triggers.csv'):
        trigger = Trigger(fold(row['lemma']), row['kind'], row['status'], fold(row['preposition'] or ''),
                          row['case'] or '', bool(row.get('finite')))
        assert trigger.status in STATUSES, trigger
        out.setdefault(trigger.lemma, []).append(trigger)
    return {lemma: tuple(found) for lemma, found in out.items()}


@cache
def modifiers() -> dict[str, Modifier]:
    return {fold(r['lemma']): Modifier(fold(r['lemma']), r['status'] or '', r['negated'] or '')
            for r in read_rows('transfer_modifiers.csv')}


@cache
def roles() -> dict[tuple[str, str], str]:
    """(kind, marking) → supplier, recipient or party."""
    return {(r['kind'], r['marking']): r['role'] for r in read_rows('transfer_roles.csv')}


@cache
def categories() -> dict[str, tuple[Category, ...]]:
    """Category rows by head noun lemma, the ones that need a word first."""
    out: dict[str, list[Category]] = {}
    for row in read_rows('transfer_categories.csv'):
        covers = frozenset(fold(c) for c in (row['covers'] or '').split('|') if c)
        out.setdefault(fold(row['noun']), []).append(
            Category(fold(row['noun']), fold(row['needs'] or ''), row['category'] or '', covers))
    return {noun: tuple(sorted(found, key=lambda c: not c.needs)) for noun, found in out.items()}


@cache
def state_bodies() -> dict[str, str]:
    return {fold(r['form']): r['code'] for r in read_rows('state_bodies.csv')}


@cache
def number_words() -> dict[str, tuple[int, bool]]:
    """Lemma → (value, is a multiplier)."""
    return {fold(r['word']): (int(r['value']), bool(r['multiplier'])) for r in read_rows('number_words.csv')}


@cache
def cue_lemmas() -> frozenset[str]:
    """Every lemma that can make a sentence worth parsing: triggers and modifiers."""
    return frozenset(triggers()) | frozenset(modifiers())


@cache
def category_stems() -> tuple[str, ...]:
    """The category nouns (and those that stand for a system named before: `таких машин`) without their
    last vowel (`ракет`, `систем`, `оружи`; abbreviations whole: `сау`), for a quick look over a whole
    text before any lemma."""
    stems = set()
    for noun in [*categories(), *ANAPHORIC_NOUNS]:
        word = noun.split('-')[0]
        stems.add(word[:-1] if len(word) > 4 and word[-1] in 'аеиоуыэюяйь' else word)
    return tuple(sorted(stems))
