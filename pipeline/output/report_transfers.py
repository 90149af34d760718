"""The report's "Arms transfers" section: the rows of `transfers.csv`, and who supplies whom as a picture
(an inline SVG: suppliers on the left, recipients on the right, one band per pair, as wide as the number of
rows and coloured by the furthest status reached). No scripts: the page stays self-contained."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from .read import cell_text

STATUS_ORDER = ('delivered', 'ordered', 'requested', 'possible', 'refused', 'in_service')
REACHED = ('in_service', 'refused', 'requested', 'possible', 'ordered', 'delivered')  # furthest last
STATUS_LABELS = {'delivered': 'поставлено', 'ordered': 'заказано', 'requested': 'запрошено',
                 'possible': 'возможно', 'refused': 'отказ', 'in_service': 'на вооружении'}
TOP_PAIRS = 30
SHOWN_ROWS = 300
ROW_HEIGHT = 26
WIDTH = 760


@dataclass
class TransferView:
    rows: list[dict] = field(default_factory=list)  # the first SHOWN_ROWS rows, for the table
    total: int = 0
    counts: dict = field(default_factory=dict)  # status -> rows
    picture: dict | None = None  # the SVG's nodes and bands
    by_doc: dict = field(default_factory=dict)  # doc_id -> rows, for the document sections


def country_names(mentions) -> dict[str, str]:
    """ISO code → the country's short name as the mentions give it (`RU` → `Россия`)."""
    names: dict[str, Counter] = {}
    for kind, entity, code in zip(mentions['type'], mentions['entity'], mentions['code']):
        if cell_text(kind) == 'country' and cell_text(code):
            names.setdefault(cell_text(code), Counter())[cell_text(entity)] += 1
    return {code: min(c.items(), key=lambda item: (-item[1], item[0]))[0] for code, c in names.items()}


def transfer_view(transfers, numbers: dict[str, int], names: dict[str, str]) -> TransferView:
    """The section's content from the transfers table (a DataFrame, or None where the run wrote none);
    `numbers` gives each shown document's number in the report (for links)."""
    view = TransferView()
    if transfers is None or not len(transfers):
        return view
    records = transfers.to_dict('records')
    view.total = len(records)
    view.counts = dict(Counter(cell_text(r['status']) for r in records))
    for record in records:
        row = _row(record, numbers, names)
        view.by_doc.setdefault(row['doc_id'], []).append(row)
        if len(view.rows) < SHOWN_ROWS:
            view.rows.append(row)
    view.picture = _picture(records, names)
    return view


def _side(code: str, names: dict[str, str]) -> str:
    return f'{names.get(code, code)} ({code})' if code else '—'


def _row(record: dict, numbers: dict[str, int], names: dict[str, str]) -> dict:
    doc = cell_text(record['doc_id'])
    status = cell_text(record['status'])
    quantity = cell_text(record.get('quantity'))
    return {'doc_id': doc, 'number': numbers.get(doc), 'supplier': _side(cell_text(record['supplier']), names),
            'recipient': _side(cell_text(record['recipient']), names), 'weapon': cell_text(record['weapon']),
            'category': cell_text(record['category']), 'status': status,
            'status_label': STATUS_LABELS.get(status, status), 'quantity': quantity.split('.')[0],
            'evidence': cell_text(record.get('text')), 'trigger': cell_text(record.get('trigger'))}


def _picture(records: list[dict], names: dict[str, str]) -> dict | None:
    """Nodes and bands of the supplier → recipient picture (pairs with both sides named)."""
    pairs: dict[tuple[str, str], dict] = {}
    for r in records:
        supplier, recipient = cell_text(r['supplier']), cell_text(r['recipient'])
        if not supplier or not recipient:
            continue
        pair = pairs.setdefault((supplier, recipient), {'rows': 0, 'docs': set(), 'statuses': Counter()})
        pair['rows'] += 1
        pair['docs'].add(cell_text(r['doc_id']))
        pair['statuses'][cell_text(r['status'])] += 1
    if not pairs:
        return None
    top = sorted(pairs.items(), key=lambda item: (-len(item[1]['docs']), -item[1]['rows'], item[0]))[:TOP_PAIRS]
    suppliers = _order([s for (s, _), p in top for _ in range(p['rows'])])
    recipients = _order([r for (_, r), p in top for _ in range(p['rows'])])
    height = max(len(suppliers), len(recipients)) * ROW_HEIGHT + 20
    left = {code: 20 + (i + 0.5) * (height - 20) / len(suppliers) for i, code in enumerate(suppliers)}
    right = {code: 20 + (i + 0.5) * (height - 20) / len(recipients) for i, code in enumerate(recipients)}
    x0, x1 = 190, WIDTH - 190
    bands = []
    for (supplier, recipient), p in top:
        status = max(p['statuses'], key=lambda s: REACHED.index(s) if s in REACHED else -1)
        y0, y1 = left[supplier], right[recipient]
        middle = (x0 + x1) / 2
        bands.append({'path': f'M {x0} {y0:.1f} C {middle} {y0:.1f}, {middle} {y1:.1f}, {x1} {y1:.1f}',
                      'width': round(2 + 4 * math.log1p(p['rows']), 1), 'status': status,
                      'title': f"{_side(supplier, names)} → {_side(recipient, names)}: {p['rows']} строк в "
                               f"{len(p['docs'])} док.; " + ', '.join(
                                   f'{STATUS_LABELS.get(s, s)} {n}' for s, n in sorted(p['statuses'].items()))})
    return {'width': WIDTH, 'height': height, 'x0': x0, 'x1': x1, 'bands': bands,
            'suppliers': [{'y': round(y, 1), 'label': _side(c, names)} for c, y in left.items()],
            'recipients': [{'y': round(y, 1), 'label': _side(c, names)} for c, y in right.items()],
            'shown': len(top), 'pairs': len(pairs)}


def _order(codes: list[str]) -> list[str]:
    """Distinct codes, the most frequent first."""
    counts = Counter(codes)
    return sorted(counts, key=lambda code: (-counts[code], code))
