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
from ..nlp.text import fold

RANK = {'requested': 0, 'possible': 1, 'ordered': 2, 'delivered': 3}
LOOKALIKE = str.maketrans('асекморнтхвуАСЕКМОРНТХВУ', 'acekmophtxbyACEKMOPHTXBY')


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
    """A weapon name for comparison: folded, Cyrillic lookalikes as Latin, no spaces or hyphens."""
    return fold(name).translate(LOOKALIKE).replace(' ', '').replace('-', '')


def merge(statements: list[Statement]) -> list[Transfer]:
    """The document's rows, in the order of their evidence."""
    _orient_parties(statements)
    _share_sides(statements)
    _fill_from_document(statements)
    _join_variants(statements)
    kept = [s for s in statements if not _redundant(s, statements)]
    groups: dict[tuple[str, str, str], list[Statement]] = {}
    for s in kept:
        groups.setdefault((s.transfer.supplier, s.transfer.recipient, s.thing), []).append(s)
    for key in sorted(groups, key=lambda k: (bool(k[0]) and bool(k[1]), k)):
        supplier, recipient, thing = key
        if supplier and recipient or key not in groups:
            continue
        fuller = [k for k in groups if k[2] == thing and k != key and k[0] and k[1]
                  and (not supplier or k[0] == supplier) and (not recipient or k[1] == recipient)]
        if len(fuller) == 1:
            groups[fuller[0]].extend(groups.pop(key))
    rows = [_row(key, group) for key, group in groups.items()]
    return sorted(rows, key=lambda t: (t.start, t.mention_start, t.weapon or t.category))


def _orient_parties(statements: list[Statement]) -> None:
    """The parties of a deal take the roles another statement of the same thing gives one of them
    (`КНР и Иран намерены заключить сделку` … `закупке у Пекина`: CN supplies)."""
    for s in statements:
        if not s.parties:
            continue
        known = {o.transfer.supplier for o in statements if o is not s and not o.parties and o.thing == s.thing}
        supplier = next((p for p in s.parties if p in known), None)
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
    for s in statements:
        t = s.transfer
        for side, other in (('supplier', 'recipient'), ('recipient', 'supplier')):
            if getattr(t, side) or not getattr(t, other) or side in s.named_empty:
                continue
            values = {getattr(o.transfer, side) for o in statements
                      if o is not s and getattr(o.transfer, other) == getattr(t, other) and getattr(o.transfer, side)}
            values.discard(getattr(t, other))
            if len(values) == 1:
                setattr(t, side, values.pop())


def _join_variants(statements: list[Statement]) -> None:
    """Rows of one pair of sides whose names are one system (`F-15` in `F-15IA`, `К2` and `K2`) take
    the more specific name and its mention."""
    named = [s for s in statements if s.transfer.weapon]
    for s in named:
        key = s.thing
        for o in named:
            other = o.thing
            if o is s or len(other) <= len(key) or not other.startswith(key) or (
                    s.transfer.supplier, s.transfer.recipient) != (o.transfer.supplier, o.transfer.recipient):
                continue
            if key[-1:].isdigit() and other[len(key):len(key) + 1].isdigit():
                continue  # `F-1` is no `F-15`
            s.transfer = replace(s.transfer, weapon=o.transfer.weapon, mention_start=o.transfer.mention_start,
                                 mention_end=o.transfer.mention_end)
            key = s.thing
    for s in named:
        same = [o for o in named if o.thing == s.thing]
        spelling = min(same, key=lambda o: (o.transfer.start, o.transfer.mention_start)).transfer.weapon
        s.transfer = replace(s.transfer, weapon=spelling)


def _compatible(a: Transfer, b: Transfer) -> bool:
    return all(x == y or not x or not y for x, y in ((a.supplier, b.supplier), (a.recipient, b.recipient)))


def _redundant(s: Statement, statements: list[Statement]) -> bool:
    t = s.transfer
    if t.weapon:
        return False
    if not (t.supplier and t.recipient):
        return True
    others = [o for o in statements if o.thing != s.thing]
    same_sentence = [o for o in others if o.transfer.start == t.start]
    if s.umbrella:
        return bool(same_sentence) or any(not o.umbrella and _compatible(t, o.transfer) for o in others)
    if any(o.transfer.weapon and o.weapon_class in s.covers for o in same_sentence):
        return True
    return any(o.transfer.weapon and o.weapon_class in s.covers and o.transfer.status == t.status
               and _compatible(t, o.transfer) and (t.quantity is None or o.transfer.quantity in (None, t.quantity))
               for o in others)


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
