"""From a transferred thing to the words that state its transfer: the trigger that governs an item in the
syntax tree, and the nodes around it whose dependents name the sides.

An item (a weapon or category noun) belongs to a noun group (`ракетных комплексов «Игла-С»`, `танков
класса К2`, `ракет, радаров и самолетов`). Its event is either the chain of heads above the group, up to
the end of its clause (`Москва может поставить Каракасу … «Орешник»`; `просьбой о поставках ракет`), or
a clause that describes the group (`HIMARS, которые Украине поставили США`; `ранее поставляемыми
истребителями`; `предназначенных для поставок Египту`). A verb on the chain must be a trigger, a
modifier or a light verb (`начнет поставки`, `направил письмо с просьбой`); any other verb ends it.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from . import lexicon
from .lexicon import Modifier, Trigger
from .sides import Sentence, Side, marking, sides_of
from .syntax import Parse

GROUP_LINKS = frozenset({'appos', 'nmod', 'flat', 'flat:name', 'flat:foreign', 'conj', 'nummod', 'nummod:gov',
                         'compound', 'det'})
NOMINAL = frozenset({'NOUN', 'PROPN', 'NUM', 'X'})
CLAUSE_ENDS = frozenset({'ccomp', 'parataxis', 'advcl', 'acl', 'acl:relcl', 'csubj', 'root'})
SENTENCE_ENDS = frozenset({'ccomp', 'parataxis', 'advcl', 'csubj', 'root'})
DESCRIBING = frozenset({'acl', 'acl:relcl', 'amod'})
SPINE = frozenset({'xcomp', 'ccomp', 'aux', 'aux:pass', 'cop'})
ARGUMENTS = frozenset({'obl', 'obj', 'nmod', 'iobj'})
# Above a speech act (a request, an offer, a deal), a verb only carries it (`направил письмо с просьбой`);
# these kinds set the meaning of the roles wherever they stand.
SETS_ROLES = frozenset({'request', 'offer', 'interest', 'deal'})
OPPOSITE = {'supplier': 'recipient', 'recipient': 'supplier'}


@dataclass(slots=True)
class Link:
    trigger: int  # the token of the innermost trigger
    chain: list[int]  # the trigger, then the nodes above it whose words and dependents count
    group: list[int]  # the item's noun group, the item first
    clause: bool = False  # the event is a clause describing the group
    outer: list[int] = field(default_factory=list)  # for a clause: the heads above the group, which may name sides
    sides: dict[str, list[tuple[int, int, Side]]] = field(default_factory=dict)  # role -> (distance, argument, side)


def trigger_at(parse: Parse, i: int) -> Trigger | None:
    table = lexicon.triggers()
    for word in parse.lemmas[i]:
        for trigger in table.get(word, ()):
            if trigger.preposition:
                if parse.preposition(i) != trigger.preposition or (trigger.case and parse.case(i) != trigger.case):
                    continue
            if trigger.finite and parse.feats[i].get('VerbForm') == 'Part':
                continue
            return trigger
    return None


def modifier_at(parse: Parse, i: int) -> Modifier | None:
    table = lexicon.modifiers()
    for word in parse.lemmas[i]:
        if word in table:
            return table[word]
    return None


def is_verb(parse: Parse, i: int) -> bool:
    return parse.pos[i] in ('VERB', 'AUX')


def carries(parse: Parse, i: int) -> bool:
    """May verb `i` stand on a chain: a trigger, a modifier or a light verb?"""
    return (trigger_at(parse, i) is not None or modifier_at(parse, i) is not None
            or bool(parse.lemmas[i] & lexicon.LIGHT_VERBS))


def noun_group(parse: Parse, i: int) -> list[int]:
    """Token `i` and the nominal heads it hangs from by name, apposition, list or number links; a
    trigger noun ends the group (it is the event)."""
    group, node = [i], i
    while len(group) < 8:
        head = parse.heads[node]
        if head < 0 or head in group:
            break
        listed = bool(parse.lemmas[head] & lexicon.LIST_WORDS) or bool(parse.lemmas[node] & lexicon.LIST_WORDS)
        if not listed and (parse.rels[node] not in GROUP_LINKS or parse.pos[head] not in NOMINAL):
            break  # `технику …, включая корабли`: a list stays in its noun's group
        if trigger_at(parse, head) is not None:
            break
        group.append(head)
        node = head
    return group


def link(parse: Parse, item: int) -> Link | None:
    """The event of the item at token `item`, or None where no trigger governs it."""
    group = noun_group(parse, item)
    chain = _heads(parse, group, CLAUSE_ENDS)
    first = next((i for i, node in enumerate(chain) if trigger_at(parse, node) is not None), None)
    clauses = [path for node in group for child in parse.children(node)
               if parse.rels[child] in DESCRIBING and child not in group and (path := _trigger_below(parse, child))]
    clauses = [path for path in clauses if not _agent_clause(parse, path)]
    above = first is not None and not parse.negated(chain[first])
    # a relative clause says what happened to the item (`HIMARS, которые Украине поставили США`); a
    # participle only where no trigger above does (`получил заказанные … истребители`: received)
    direct = [path for path in clauses if _spine_only(parse, path)
              and (parse.rels[path[-1]] == 'acl:relcl' or not above)]
    if direct or (clauses and first is None):
        path = (direct or clauses)[0]
        return Link(path[0], path, group, clause=True, outer=_heads(parse, group, SENTENCE_ENDS))
    if first is None:
        head = parse.heads[group[-1]]
        return _holding_beside(parse, group, chain or ([head] if head >= 0 and is_verb(parse, head) else []))
    if any(is_verb(parse, node) for node in chain[:first]):
        return None  # `предложил назвать ракету`: the item belongs to another verb
    return Link(chain[first], chain[first:], group + chain[:first])


def _heads(parse: Parse, group: list[int], ends: frozenset[str]) -> list[int]:
    """The heads above the group, up to the first attached by one of `ends` (included), and before a
    verb that cannot carry a transfer. A clause attached to a trigger noun goes on to it (`контракт,
    предусматривающий поставку`)."""
    chain: list[int] = []
    node = group[-1]
    while parse.heads[node] >= 0 and len(chain) < 10:
        head = parse.heads[node]
        if parse.rels[node] in ends and not (parse.rels[node] == 'acl' and trigger_at(parse, head) is not None) \
                and not parse.lemmas[node] & lexicon.LIST_WORDS:
            break
        if head in chain or head in group:
            break
        if is_verb(parse, head) and not carries(parse, head) and not (
                ends is SENTENCE_ENDS and parse.rels[head] in DESCRIBING):  # the noun phrase's own participle
            break
        chain.append(head)
        node = head
    return chain


def _holding_beside(parse: Parse, group: list[int], chain: list[int]) -> Link | None:
    """A holding stated beside the item, on the verb it hangs from (`На вооружении армии Польши находятся
    немецкие танки`, `стоящие на вооружении`, `МиГ-29 выведут из эксплуатации`)."""
    for i, node in enumerate(chain[:2]):
        for child in parse.children(node):
            trigger = trigger_at(parse, child)
            if trigger is not None and trigger.kind == 'hold' and parse.pos[child] == 'NOUN' and child not in group:
                return Link(child, [child, *chain[i:]], group + chain[:i])
    return None


def _trigger_below(parse: Parse, top: int) -> list[int]:
    """The nearest trigger of the clause headed by `top`, with the path from it up to `top`: `top`
    itself, or one reached down the clause's spine (`которые Польша собралась передать`: xcomp) or
    into its arguments (`предназначенных для поставок`, `произведена в количестве 54 единиц для
    поставок`, also one of a list: `для модернизации и продажи`). A trigger that describes a noun
    of the clause (`дополненные ранее поставляемыми истребителями`) describes that noun."""
    queue = deque([(top, 0)])
    parent = {top: -1}
    while queue:
        node, depth = queue.popleft()
        if trigger_at(parse, node) is not None and (node == top or parse.rels[node] not in DESCRIBING):
            path = [node]
            while parent[path[-1]] >= 0:
                path.append(parent[path[-1]])
            return path
        if depth >= 3:
            continue
        for child in parse.children(node):
            if child not in parent and (parse.rels[child] in SPINE or parse.rels[child] in ARGUMENTS
                                        or parse.rels[child] == 'conj' and node != top):
                parent[child] = node
                queue.append((child, depth + 1))
    return []


def _spine_only(parse: Parse, path: list[int]) -> bool:
    return all(parse.rels[node] in SPINE for node in path[:-1])


def _agent_clause(parse: Parse, path: list[int]) -> bool:
    """Is the item the giver or the receiver in its describing clause (`истребителей, которые получат
    семь эскадрилий`), not the thing given?"""
    trigger = trigger_at(parse, path[0])
    if trigger is None or trigger.kind in ('arrive', 'hold'):
        return False
    for node in path:
        for child in parse.children(node):
            if parse.rels[child] == 'nsubj' and parse.lemmas[child] & {'который', 'которые'}:
                return True
    return False


def collect_sides(sentence: Sentence, found: Link) -> None:
    """The sides the syntax gives, by role, nearest first: each node of the chain reads its dependents
    with the roles of the event kind in force there (transfer_roles.csv); the item's group reads its
    own (`для ВВС Израиля`, `из России`). A control verb's object is the subject of the infinitive under
    it (`попросил Науседу выделить`, `предлагала России поставить`). A clause that leaves a role empty
    takes it from the heads above the item (`Москва может поставить Каракасу … ранее поставляемыми
    истребителями`)."""
    parse, table = sentence.parse, lexicon.roles()
    sides: dict[str, list[tuple[int, int, Side]]] = {}
    skip = set(found.chain) | set(found.group) | set(found.outer)

    def put(role: str, argument: int, distance: int) -> None:
        for side in sides_of(sentence, argument):
            sides.setdefault(role, []).append((distance, argument, side))

    def add(kind: str, node: int, distance: int, control: str = '', offer: bool = False) -> None:
        subject = False
        for child in parse.children(node):
            if child in skip:
                continue
            mark = marking(parse, child)
            subject |= mark == 'subj'
            if control and mark in ('dat', 'obj'):
                put(control, child, distance)
                continue
            if control and mark == 'subj':
                if offer:
                    put(OPPOSITE[control], child, distance)
                continue
            role = table.get((kind, mark))
            if role is None and kind == 'item' and mark == 'gen':
                role = 'holder'
            if role == 'holder':
                if any(s.how == 'agent' for s in sides_of(sentence, child)):
                    put('recipient', child, distance)  # `Су-30МКИ ВВС Индии`: the forces hold it
                continue
            if role is not None:
                put(role, child, distance)
        role = table.get((kind, 'subj'))
        if not subject and role and kind != 'item':
            for argument in _implied_subjects(parse, node, skip):
                put(role, argument, distance)

    def walk(chain: list[int], offset: int) -> None:
        kind = ''
        for distance, node in enumerate(chain):
            trigger = trigger_at(parse, node)
            below = chain[distance - 1] if distance else -1
            control_verb = bool(parse.lemmas[node] & lexicon.CONTROL_VERBS) and below >= 0 and \
                parse.rels[below] == 'xcomp' and parse.heads[below] == node
            if control_verb and kind and (trigger is None or trigger.kind == 'offer'):
                control = table.get((kind, 'subj'), '')
                if control in OPPOSITE:
                    add(kind, node, offset + distance, control, offer=trigger is not None)
                    if trigger is not None:
                        kind = trigger.kind
                    continue
            if trigger is not None and trigger.kind != 'refuse' and (
                    not kind or trigger.kind in SETS_ROLES or kind not in lexicon.SPEECH_KINDS):
                kind = trigger.kind
            if kind:
                add(kind, node, offset + distance)

    for distance, node in enumerate(found.group):
        add('item', node, 10 + distance)
    walk(found.chain, 0)
    if found.clause and not (sides.get('supplier') and sides.get('recipient')):
        known = {role for role in ('supplier', 'recipient', 'party') if sides.get(role)}
        before = {role: list(sides.get(role, [])) for role in known}
        walk(found.outer, 20)
        for role in known:  # the clause's own sides stand; the heads above only fill the empty role
            sides[role] = before[role]
    found.sides = sides


def _implied_subjects(parse: Parse, node: int, skip: set[int]) -> list[int]:
    """Who does what a subjectless participle or gerund says: a participle's head noun (`в парке PAF,
    эксплуатирующих самолеты`), a gerund's subject (`Вьетнам …, оснащая авиацию самолетами`)."""
    form = parse.feats[node].get('VerbForm')
    head = parse.heads[node]
    if head < 0 or head in skip:
        return []
    if form == 'Part' and parse.rels[node] in ('acl', 'amod'):
        return [head]
    if form == 'Conv':  # the subject of the clause the gerund hangs in (`Вьетнам остается …, оснащая`)
        for verb in [head, *parse.ancestors(head, limit=3)]:
            subjects = [c for c in parse.children(verb) if parse.rels[c] == 'nsubj' and c not in skip]
            if subjects:
                return subjects
    return []


def item_adjectives(sentence: Sentence, group: list[int]) -> list[Side]:
    """Country adjectives on the item's group (`российских Су-30МКИ`, `индийские МиГ-29`, `российских,
    британских и французских самолетов`): those of its own part of a list (`советских МиГ-21 и китайских
    J-7`: CN for J-7), or where that part has none, those the list shares (`российских истребителей …
    и вертолетов`)."""
    own = [group[0]]
    for previous, node in zip(group, group[1:]):
        if sentence.parse.rels[previous] == 'conj':
            break
        own.append(node)
    return _adjectives(sentence, own) or _adjectives(sentence, group)


def _adjectives(sentence: Sentence, nodes: list[int]) -> list[Side]:
    out, parse = [], sentence.parse
    for node in nodes:
        for child in parse.children(node):
            if parse.rels[child] == 'amod':
                for adjective in [child, *(c for c in parse.children(child) if parse.rels[c] == 'conj')]:
                    mention = sentence.mention_at[adjective]
                    if mention is not None and mention.type == 'country' and mention.code:
                        out.append(Side(mention.code, 'adjective', adjective))
    return out
