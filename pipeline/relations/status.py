"""How far a transfer got: the trigger's own status, turned by tense and by the words above it.

The innermost trigger gives the status (`поставить`: delivered, `закупить`: ordered, `просьба`:
requested, `на вооружении`: in_service). A future tense makes a delivery an order (`получат`, `будет
поставлен`: TRANSFERS.md, decision 4). Words further up the chain change it in one direction only: a
refusal wins, then a request, then a possibility (`может`, `планирует`, `переговоры`), then an
agreement over a delivery (`контракт на поставку`). A negated event states no transfer; a negated
refusal is no refusal; some words mean something else negated (`не исключать`: possible).
"""
from __future__ import annotations

from .events import Link, modifier_at, trigger_at
from .syntax import Parse

MOODS = ('refused', 'requested', 'possible')  # strongest first
BESIDE = frozenset({'amod', 'advmod', 'case', 'det', 'discourse', 'parataxis:discourse'})


def status(parse: Parse, found: Link) -> str | None:
    """The status of the event `found`, or None where it states no transfer."""
    first = trigger_at(parse, found.trigger)
    if first is None:
        return None
    current = first.status
    if parse.negated(found.trigger):
        return None
    if current == 'delivered' and _future(parse, found.chain):
        current = 'ordered'
    current = _beside(parse, found.trigger, current)
    if current is None:
        return None
    for node in found.chain[1:]:
        negated = parse.negated(node)
        trigger = trigger_at(parse, node)
        modifier = modifier_at(parse, node) if trigger is None else None
        if trigger is not None:
            if negated:
                if trigger.kind == 'refuse':
                    continue  # `не будет отказываться от закупки`: the purchase stands
                return None
            current = _turn(current, '' if trigger.status in ('delivered', 'in_service') else trigger.status)
        elif modifier is not None:
            if negated:
                if not modifier.negated:
                    return None
                current = _turn(current, modifier.negated)
            else:
                current = _turn(current, modifier.status)
        current = _beside(parse, node, current)
        if current is None:
            return None
    return current


def _beside(parse: Parse, node: int, current: str) -> str | None:
    """The status after the modifiers that hang from `node` (`возможной закупке`, `будущих закупках`,
    `якобы`, `вместо приобретения`)."""
    for child in parse.children(node):
        if parse.rels[child] in BESIDE:
            modifier = modifier_at(parse, child)
            if modifier is not None:
                if parse.negated(child):
                    if not modifier.negated:
                        return None
                    current = _turn(current, modifier.negated)
                else:
                    current = _turn(current, modifier.status)
    return current


def _turn(current: str, word: str) -> str:
    """The status after a word of status `word` above an event of status `current`."""
    if not word or current == 'in_service' and word not in MOODS:
        return current
    if word in MOODS:
        for mood in MOODS:
            if current == mood:
                return current
            if word == mood:
                return word
    if word == 'ordered' and current == 'delivered':
        return 'ordered'
    if word == 'delivered' and current == 'ordered':
        return 'delivered'
    return current


def _future(parse: Parse, chain: list[int]) -> bool:
    """Is the first verb of the chain in the future (`получат`, `будет поставлен`, `поступят`)?"""
    for node in chain:
        if parse.pos[node] in ('VERB', 'AUX') or parse.feats[node].get('VerbForm') == 'Part':
            if parse.feats[node].get('Tense') == 'Fut':
                return True
            return any(parse.rels[c] in ('aux', 'aux:pass') and parse.feats[c].get('Tense') == 'Fut'
                       for c in parse.children(node))
    return False
