"""pipeline.output.transfers_corpus: the corpus's transfers, one row per supplier, recipient and thing."""
from __future__ import annotations

from pipeline.output.transfers_corpus import TRANSFER_CORPUS_COLUMNS, TRANSFER_FIELDS, transfer_corpus_rows

TRANSFERS = [  # doc, supplier, recipient, weapon, category, status, quantity (as the table gives them)
    ('d1', 'RU', 'IN', 'С-400', '', 'ordered', ''),
    ('d1', 'RU', 'VE', '', 'ракета', 'requested', ''),
    ('d2', 'RU', 'IN', 'С-400', '', 'delivered', '5'),
    ('d3', 'RU', 'IN', 'с-400', '', 'possible', 10),
    ('d3', 'RU', 'VE', '', 'Ракета', 'refused', ''),
]
DATES = {'d1': '2018-10-05', 'd2': '2021-12-01', 'd3': ''}


def rows(name, columns):
    assert name == 'transfers' and columns == TRANSFER_FIELDS
    return iter(TRANSFERS)


def test_one_row_per_supplier_recipient_and_thing():
    table = transfer_corpus_rows(rows, DATES.get)
    assert [dict(zip(TRANSFER_CORPUS_COLUMNS, r)) for r in table] == [
        {'supplier': 'RU', 'recipient': 'IN', 'weapon': 'С-400', 'category': '', 'status': 'delivered',
         'documents': 3, 'quantity': 10, 'first_date': '2018-10-05', 'last_date': '2021-12-01',
         'statuses': 'delivered 1; ordered 1; possible 1'},
        {'supplier': 'RU', 'recipient': 'VE', 'weapon': '', 'category': 'ракета', 'status': 'requested',
         'documents': 2, 'quantity': '', 'first_date': '2018-10-05', 'last_date': '2018-10-05',
         'statuses': 'requested 1; refused 1'},
    ]


def test_an_empty_table_gives_no_rows():
    assert transfer_corpus_rows(lambda name, columns: iter(()), DATES.get) == []
