"""`transfers_corpus.csv`: the arms transfers of the corpus, one row per (supplier, recipient, weapon or
category), with the furthest status any document reports, how many documents state it, and the first
and last document date; streamed from the transfers table (memory grows with the distinct rows)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

from ..nlp.text import fold
from .read import cell_text

TRANSFER_CORPUS_COLUMNS = ['supplier', 'recipient', 'weapon', 'category', 'status', 'documents', 'quantity',
                           'first_date', 'last_date', 'statuses']
TRANSFER_FIELDS = ('doc_id', 'supplier', 'recipient', 'weapon', 'category', 'status', 'quantity')
# How far a transfer got, furthest last: a status reached in one document is not undone by an earlier one.
REACHED = ('in_service', 'refused', 'requested', 'possible', 'ordered', 'delivered')
Rows = Callable[[str, tuple[str, ...]], Iterator[tuple]]


class _Row:
    __slots__ = ('supplier', 'recipient', 'weapon', 'category', 'statuses', 'documents', 'quantity',
                 'first_date', 'last_date', 'last_doc')

    def __init__(self, supplier: str, recipient: str, weapon: str, category: str) -> None:
        self.supplier, self.recipient, self.weapon, self.category = supplier, recipient, weapon, category
        self.statuses: Counter = Counter()
        self.documents = 0
        self.quantity: int | None = None
        self.first_date = self.last_date = ''
        self.last_doc: str | None = None


def transfer_corpus_rows(rows: Rows, date_of: Callable[[str], str]) -> list[list]:
    """The rows of `transfers_corpus.csv` (`TRANSFER_CORPUS_COLUMNS`) from the transfers table that
    `rows('transfers', columns)` yields; `date_of(doc_id)` gives a document's date ('' if none).
    Sorted by documents (most first), then supplier, recipient and name."""
    table: dict[tuple[str, str, str], _Row] = {}
    for doc, supplier, recipient, weapon, category, status, quantity in rows('transfers', TRANSFER_FIELDS):
        doc, supplier, recipient = cell_text(doc), cell_text(supplier), cell_text(recipient)
        weapon, category, status = cell_text(weapon), cell_text(category), cell_text(status)
        key = (supplier, recipient, fold(weapon) if weapon else '~' + fold(category))
        row = table.get(key)
        if row is None:
            row = table[key] = _Row(supplier, recipient, weapon, category)
        row.statuses[status] += 1
        if doc != row.last_doc:
            row.documents += 1
            row.last_doc = doc
            date = date_of(doc)
            if date:
                row.first_date = min(row.first_date, date) if row.first_date else date
                row.last_date = max(row.last_date, date)
        number = _number(quantity)
        if number is not None:
            row.quantity = max(row.quantity or 0, number)
    out = [[r.supplier, r.recipient, r.weapon, r.category, _reached(r.statuses), r.documents,
            r.quantity if r.quantity is not None else '', r.first_date, r.last_date,
            '; '.join(f'{s} {r.statuses[s]}' for s in reversed(REACHED) if r.statuses[s])] for r in table.values()]
    out.sort(key=lambda r: (-r[5], r[0], r[1], r[2] or '~' + r[3]))
    return out


def _reached(statuses: Counter) -> str:
    return max(statuses, key=lambda s: REACHED.index(s) if s in REACHED else -1) if statuses else ''


def _number(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
