"""A document's transfer rows: one per (supplier, recipient, weapon or category), its statements merged
by the rules of TRANSFERS.md.

1. Sides the text leaves empty are filled from the statement's neighbours: items of one trigger share
   its sides (`заинтересована в приобретении российских истребителей …, фрегатов, подлодок`), and a
   side that every other row of the document with the same other side agrees on fills it.
2. Names of one system join (`F-15` and `F-15IA`, `K2` in Latin and Cyrillic letters): the more specific.
3. A category row goes where a named system of that category stands in the same statement (`С-300 и
   другие системы ПВО`) or in a row of the same sides and status elsewhere; an umbrella word (`оружие`,
   `военная техника`) goes wherever the document names what went between those sides; a category row
   with an empty side goes too.
4. Statements of one row: a refusal that comes last makes it refused; otherwise the most advanced status
   (requested < possible < ordered < delivered); in_service only where nothing else is stated. A row
   with an empty side joins the one row that names that side for the same thing.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from ..doc import Transfer
from ..entities.weapons.systems import script_key
from ..nlp.text import fold

RANK = {'requested': 0, 'possible': 1, 'ordered': 2, 'delivered': 3}


@dataclass(slots=True)
class Statement:
    """One sentence's statement of a row, before merging."""

    transfer: Transfer
    weapon_class: str = ''  # folded, named rows
    covers: frozenset[str] = frozenset()  # category rows
    umbrella: bool = False
    trigger: int = -1  # the trigger's token in its sentence
    named_empty: set[str] = field(default_factory=set)  # sides the text names as no country (`Запад`)
    parties: tuple[str, ...] = ()  # a deal's sides whose roles the sentence leaves open

    @property
    def thing(self) -> str:
        return name_key(self.transfer.weapon) if self.transfer.weapon else 'category:' + fold(self.transfer.category)


def name_key(name: str) -> str:
    """A weapon name for comparison: folded, Cyrillic lookalikes as Latin (the weapon gazetteer's own
    `script_key`), no spaces or hyphens."""
    return script_key(fold(name)).replace(' ', '').replace('-', '')


def merge(statements: list[Statement]) -> list[Transfer]:
    """The document's rows, in the order of their evidence. Every step indexes the statements, so a
    document of many thousand statements merges in time proportional to them."""
    _orient_parties(statements)
    _share_sides(statements)
    _fill_from_document(statements)
    _join_variants(statements)
    redundant = _redundancy(statements)
    groups: dict[tuple[str, str, str], list[Statement]] = {}
    for s in statements:
        if not redundant(s):
            groups.setdefault((s.transfer.supplier, s.transfer.recipient, s.thing), []).append(s)
    full: dict[str, list[tuple[str, str, str]]] = {}
    for key in groups:
        if key[0] and key[1]:
            full.setdefault(key[2], []).append(key)
    for key in sorted(groups, key=lambda k: (bool(k[0]) and bool(k[1]), k)):
        supplier, recipient, thing = key
        if supplier and recipient or key not in groups:
            continue
        fuller = [k for k in full.get(thing, ()) if (not supplier or k[0] == supplier)
                  and (not recipient or k[1] == recipient)]
        if len(fuller) == 1:
            groups[fuller[0]].extend(groups.pop(key))
    rows = [_row(key, group) for key, group in groups.items()]
    return sorted(rows, key=lambda t: (t.start, t.mention_start, t.weapon or t.category))


def _orient_parties(statements: list[Statement]) -> None:
    """The parties of a deal take the roles another statement of the same thing gives one of them
    (`КНР и Иран намерены заключить сделку` … `закупке у Пекина`: CN supplies)."""
    known: dict[str, set[str]] = {}
    for o in statements:
        if not o.parties and o.transfer.supplier:
            known.setdefault(o.thing, set()).add(o.transfer.supplier)
    for s in statements:
        supplier = next((p for p in s.parties if p in known.get(s.thing, ())), None)
        if supplier is not None:
            others = [p for p in s.parties if p != supplier]
            s.transfer = replace(s.transfer, supplier=supplier, recipient=others[0] if others else '')


def _share_sides(statements: list[Statement]) -> None:
    """Items of one trigger in one sentence share a side that only some of them name."""
    by_trigger: dict[tuple[int, int], list[Statement]] = {}
    for s in statements:
        by_trigger.setdefault((s.transfer.start, s.trigger), []).append(s)
    for group in by_trigger.values():
        for side in ('supplier', 'recipient'):
            named = Counter(getattr(s.transfer, side) for s in group if getattr(s.transfer, side))
            if len(named) != 1:
                continue
            value = next(iter(named))
            for s in group:
                if not getattr(s.transfer, side) and side not in s.named_empty:
                    setattr(s.transfer, side, value)


def _fill_from_document(statements: list[Statement]) -> None:
    """A side left empty takes the value every other row with the same other side has."""
    for side, other in (('supplier', 'recipient'), ('recipient', 'supplier')):
        values: dict[str, set[str]] = {}  # the other side's value -> the values this side has with it
        for o in statements:
            if getattr(o.transfer, side) and getattr(o.transfer, other):
                values.setdefault(getattr(o.transfer, other), set()).add(getattr(o.transfer, side))
        for s in statements:
            t = s.transfer
            if getattr(t, side) or not getattr(t, other) or side in s.named_empty:
                continue
            found = values.get(getattr(t, other), set()) - {getattr(t, other)}
            if len(found) == 1:
                setattr(t, side, next(iter(found)))


def _join_variants(statements: list[Statement]) -> None:
    """Rows of one pair of sides whose names are one system (`F-15` in `F-15IA`, `К2` and `K2`) take
    the more specific name and its mention, then the spelling the document gives first."""
    named = sorted((s for s in statements if s.transfer.weapon),
                   key=lambda s: (s.transfer.start, s.transfer.mention_start))
    first: dict[tuple[str, str, str], Transfer] = {}
    for s in named:
        first.setdefault((s.transfer.supplier, s.transfer.recipient, s.thing), s.transfer)
    by_sides: dict[tuple[str, str], list[str]] = {}
    for supplier, recipient, thing in first:
        by_sides.setdefault((supplier, recipient), []).append(thing)
    for s in named:
        sides = (s.transfer.supplier, s.transfer.recipient)
        key = s.thing
        longer = [o for o in by_sides[sides] if len(o) > len(key) and o.startswith(key)
                  and not (key[-1:].isdigit() and o[len(key):len(key) + 1].isdigit())]  # `F-1` is no `F-15`
        if longer:
            target = first[(*sides, max(longer, key=len))]
            s.transfer = replace(s.transfer, weapon=target.weapon, mention_start=target.mention_start,
                                 mention_end=target.mention_end)
    spelling: dict[str, str] = {}
    for s in named:
        spelling.setdefault(s.thing, s.transfer.weapon)
    for s in named:
        s.transfer = replace(s.transfer, weapon=spelling[s.thing])


def _compatible(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return all(x == y or not x or not y for x, y in zip(a, b))


def _redundancy(statements: list[Statement]):
    """Which category statements go (see the module's docstring), from the document's statements
    indexed once: by sentence, and the distinct facts of named and non-umbrella rows."""
    by_start: dict[int, list[Statement]] = {}
    for o in statements:
        by_start.setdefault(o.transfer.start, []).append(o)
    named = {(o.weapon_class, o.transfer.status, (o.transfer.supplier, o.transfer.recipient), o.transfer.quantity)
             for o in statements if o.transfer.weapon}
    plain_sides = {(o.thing, (o.transfer.supplier, o.transfer.recipient)) for o in statements if not o.umbrella}

    def redundant(s: Statement) -> bool:
        t = s.transfer
        if t.weapon:
            return False
        if not (t.supplier and t.recipient):
            return True
        sides = (t.supplier, t.recipient)
        same_sentence = [o for o in by_start[t.start] if o.thing != s.thing]
        if s.umbrella:
            return bool(same_sentence) or any(thing != s.thing and _compatible(sides, other)
                                              for thing, other in plain_sides)
        if any(o.transfer.weapon and o.weapon_class in s.covers for o in same_sentence):
            return True
        return any(weapon_class in s.covers and status == t.status and _compatible(sides, other)
                   and (t.quantity is None or quantity in (None, t.quantity))
                   for weapon_class, status, other, quantity in named)

    return redundant


def _row(key: tuple[str, str, str], group: list[Statement]) -> Transfer:
    ordered = sorted(group, key=lambda s: (s.transfer.start, s.transfer.mention_start))
    transfers = [s.transfer for s in ordered if s.transfer.status != 'in_service']
    if not transfers:
        chosen = ordered[0].transfer
    elif transfers[-1].status == 'refused':
        chosen = transfers[-1]
    else:
        best = max(RANK.get(t.status, -1) for t in transfers)
        chosen = next(t for t in transfers if RANK.get(t.status, -1) == best)
    quantities = [s.transfer.quantity for s in ordered if s.transfer.quantity is not None]
    return replace(chosen, supplier=key[0], recipient=key[1], quantity=max(quantities) if quantities else None)
