"""Who is on each side: the country a syntactic argument stands for, and how the argument is marked.

An argument names a state when it is a country mention (`Турции`, `Москва`), a person the document
calls the head of a state (`президенту России Владимиру Путину` … `Путин`), a noun of the state's
bodies with the country depending on it (`власти Южной Кореи`, `иранская сторона`, `ВВС Индии`), or an
institution that names one state (`Пентагон`, `Рособоронэкспорт`). A collective (`Запад`, `партнёры`)
is a side the text names but that is no country.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from ..doc import Mention, Token
from ..nlp.morph import lemmas
from ..nlp.text import fold
from . import lexicon
from .syntax import Parse

NOMINAL_LINKS = frozenset({'nmod', 'amod', 'appos', 'flat', 'flat:name', 'flat:foreign', 'nmod:poss', 'conj'})
SUBJECTS = frozenset({'nsubj', 'csubj'})
RELATIVE = frozenset({'который'})
PERSONAL = frozenset({'он', 'она', 'оно', 'они'})


@dataclass(frozen=True, slots=True)
class Side:
    code: str  # ISO alpha-2, or '' for a collective or a country the text leaves to the reader (`страна`)
    how: str  # name, capital, adjective, abbreviation (country mentions), person, agent, body, collective,
    #           anaphora (`страна`: the country named before), pronoun (`он`, `она`), forces (`ВКС`: the
    #           country named with them elsewhere)
    token: int = -1
    via: int = -1  # for an agent: the token that named its country (`вооружении Китая, Индии`: `Китая`)


@dataclass(slots=True)
class Sentence:
    """One parsed sentence and the mentions over its tokens."""

    parse: Parse
    mention_at: list[Mention | None]
    person_states: dict[str, str]
    doc_codes: frozenset[str]
    number: int = -1  # the razdel sentence's index
    span: Token | None = None  # the line of it that was parsed: the evidence


def mentions_over(parse: Parse, mentions: Iterable[Mention]) -> list[Mention | None]:
    """For each token, the mention that covers it (or None)."""
    out: list[Mention | None] = [None] * len(parse.tokens)
    for mention in mentions:
        for i, token in enumerate(parse.tokens):
            if token.start < mention.end and mention.start < token.end and out[i] is None:
                out[i] = mention
    return out


def side_of(sentence: Sentence, i: int, depth: int = 0) -> Side | None:
    """The state token `i` stands for, if any (see the module's docstring)."""
    parse = sentence.parse
    mention = sentence.mention_at[i]
    if mention is not None and mention.type == 'country' and mention.code:
        return Side(mention.code, mention.kind or 'name', i)
    if mention is not None and mention.type == 'person':
        code = sentence.person_states.get(mention.entity, '')
        return Side(code, 'person', i) if code else None
    words = parse.lemmas[i]
    if words & RELATIVE and depth == 0:  # `которая не получила`: the noun the clause describes
        node = i
        while node >= 0 and parse.rels[node] != 'acl:relcl':
            node = parse.heads[node]
        return side_of(sentence, parse.heads[node], depth + 1) if node >= 0 and parse.heads[node] >= 0 else None
    if parse.pos[i] == 'PRON' and words & PERSONAL and parse.rels[i] in SUBJECTS and depth == 0:
        return Side('', 'pronoun', i)  # `она продает оружие Сирии`, `он направит Киеву`
    for word in words:
        code = lexicon.state_bodies().get(word)
        if code and code in sentence.doc_codes:
            return Side(code, 'body', i)
    plural = parse.feats[i].get('Number') == 'Plur'
    if words & (lexicon.STATE_AGENTS | lexicon.LEADER_ROLES) and depth < 2:
        forces = None
        for child in parse.children(i):
            if parse.rels[child] in NOMINAL_LINKS and parse.rels[child] != 'conj':
                found = side_of(sentence, child, depth + 1)
                if found is not None and found.code:
                    return Side(found.code, 'agent', i, found.via if found.via >= 0 else child)
                if found is not None and found.how == 'forces' and forces is None:
                    forces = found
        if words & {'страна', 'государство'} and not plural and depth == 0:
            return Side('', 'anaphora', i)
        if forces is not None:
            return forces  # `на вооружение ВКС`: the forces name the country
        if words & lexicon.STATE_AGENTS and not words & (lexicon.LEADER_ROLES | {'страна', 'государство'}):
            return Side('', 'forces', i)  # `ВКС`, `армия`: the country named with them elsewhere
    if words & lexicon.COLLECTIVES and (plural or not words & {'страна', 'государство'}):
        return Side('', 'collective', i)
    return None


def sides_of(sentence: Sentence, i: int) -> list[Side]:
    """The states of token `i` and of the tokens joined to it (`Китаю и Ирану`)."""
    out, parse = [], sentence.parse
    for j in [i, *(c for c in parse.children(i) if parse.rels[c] == 'conj')]:
        side = side_of(sentence, j)
        if side is not None:
            out.append(side)
            if side.how == 'agent' and side.via >= 0:  # `на вооружении Китая, Индии, Индонезии`
                for other in (c for c in parse.children(side.via) if parse.rels[c] == 'conj'):
                    joined = side_of(sentence, other)
                    if joined is not None and joined.code:
                        out.append(Side(joined.code, 'agent', j, other))
    if any(side.code for side in out):  # `ВВС и ВМС Индии`: the country named goes for both
        out = [side for side in out if side.how != 'forces']
    return out


def marking(parse: Parse, i: int) -> str:
    """How token `i` is attached to its head, as the roles table names it (`subj`, `dat`, `в:acc`, `у`…)."""
    rel = parse.rels[i]
    case = parse.case(i)
    preposition = parse.preposition(i)
    if preposition:
        preposition = {'во': 'в', 'со': 'с', 'ко': 'к', 'ото': 'от', 'изо': 'из'}.get(preposition, preposition)
        if preposition in ('в', 'на'):
            return f'{preposition}:{"acc" if case == "Acc" else "loc"}'
        return preposition
    if rel in SUBJECTS:
        return 'subj'
    if rel == 'nsubj:pass':
        return 'passive'
    if rel == 'iobj':
        return 'dat'
    if rel == 'amod':
        return 'adj'
    if rel == 'obj':
        return 'obj' if case != 'Dat' else 'dat'
    if rel in ('obl', 'nmod', 'obl:agent', 'appos', 'conj'):
        return {'Dat': 'dat', 'Ins': 'agent', 'Gen': 'gen', 'Acc': 'obj'}.get(case, '')
    return ''


def person_states(text: str, mentions: list[Mention]) -> dict[str, str]:
    """Person entity → the state the document makes them stand for: a leader's role (leader_roles.txt)
    with a country right before the name (`президент России Владимир Путин`, `российского лидера
    Владимира Путина`, `министра обороны Нидерландов Кайсы Оллонгрен`), in any mention of them."""
    votes: dict[str, dict[str, int]] = {}
    roles = lexicon.LEADER_ROLES
    countries = sorted((m for m in mentions if m.type == 'country' and m.code), key=lambda m: m.end)
    ends = [m.end for m in countries]
    for person in (m for m in mentions if m.type == 'person'):
        i = bisect_right(ends, person.start)
        if not i:
            continue
        country = countries[i - 1]  # the nearest country named before the person
        if person.start - country.end > 40 or country.sentence != person.sentence:
            continue
        before = text[max(0, country.start - 40):country.start]
        between = text[country.end:person.start]
        if any(c in between for c in ',.;:()«»"!?—'):
            continue
        words = [fold(w) for w in (before.split()[-2:] + between.split())]
        if any(_is_role(w, roles) for w in words):
            votes.setdefault(person.entity, {}).setdefault(country.code, 0)
            votes[person.entity][country.code] += 1
    return {person: max(codes.items(), key=lambda item: (item[1], item[0]))[0] for person, codes in votes.items()}


def _is_role(word: str, roles: frozenset[str]) -> bool:
    return bool(lemmas(word.strip('«»"(),.')) & roles)
