"""pipeline.output.write: CSV, XLSX and Parquet writers, atomic, spreadsheet-safe."""
from __future__ import annotations

import csv

import pytest

from pipeline.output.write import atomic_path, safe_cell, write_csv_rows, write_parquet, write_xlsx

COLUMNS = ['doc_id', 'text', 'start']
ROWS = [['=HYPERLINK("http://x","y")', '+7', 0], ['@SUM(A1)', '-Россия', 5], ['\tx', '\rx', 12],
        ['ok', 'Мадуро', 3], ['a=b', "'quoted", -1]]


@pytest.mark.parametrize(('value', 'expected'), [
    ('=1+1', "'=1+1"), ('+7', "'+7"), ('-Россия', "'-Россия"), ('@x', "'@x"), ('\tx', "'\tx"), ('\rx', "'\rx"),
    ('Россия', 'Россия'), ('a=b', 'a=b'), ('', ''), (5, 5), (-5, -5), (None, None),
])
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def _read_csv(path):
    with open(path, encoding='utf-8-sig', newline='') as f:
        return list(csv.reader(f))


def test_csv_cells_are_neutralised_and_numbers_stay_numbers(tmp_path):
    write_csv_rows(tmp_path / 't.csv', COLUMNS, ROWS)
    raw = (tmp_path / 't.csv').read_bytes()
    assert raw.startswith(b'\xef\xbb\xbf')
    rows = _read_csv(tmp_path / 't.csv')
    assert rows[1] == ['\'=HYPERLINK("http://x","y")', "'+7", '0']
    assert rows[2] == ["'@SUM(A1)", "'-Россия", '5']
    assert rows[3] == ["'\tx", "'\rx", '12']
    assert rows[5] == ['a=b', "'quoted", '-1']  # a negative number is a number, not text


def test_csv_raw_cells(tmp_path):
    write_csv_rows(tmp_path / 't.csv', COLUMNS, ROWS, bom=False, safe=False)
    assert not (tmp_path / 't.csv').read_bytes().startswith(b'\xef\xbb\xbf')
    assert _read_csv(tmp_path / 't.csv')[1:] == [[str(v) for v in row] for row in ROWS]


def test_atomic_write_never_shows_half_a_file(tmp_path):
    target = tmp_path / 'mentions.csv'
    target.write_text('old')

    def rows():
        yield ['a', 'b', 1]
        raise RuntimeError('killed half way')

    with pytest.raises(RuntimeError):
        write_csv_rows(target, COLUMNS, rows())
    assert target.read_text() == 'old'
    assert sorted(p.name for p in tmp_path.iterdir()) == ['mentions.csv']  # no temporary left behind
    with atomic_path(tmp_path / 'new.csv') as tmp:
        tmp.write_text('x')
        assert not (tmp_path / 'new.csv').exists()
    assert (tmp_path / 'new.csv').read_text() == 'x'


@pytest.mark.parametrize('safe', [True, False])
def test_xlsx_sheets_text_never_formulas(tmp_path, safe):
    from openpyxl import load_workbook

    write_xlsx(tmp_path / 't.xlsx', {'documents': (COLUMNS, iter(ROWS)), 'errors': (['doc_id', 'reason'], []),
                                     'bad': (['x'], [['a\x00b\x1fc']])}, safe=safe)
    book = load_workbook(tmp_path / 't.xlsx')
    assert book.sheetnames == ['documents', 'errors', 'bad']
    sheet = book['documents']
    assert [c.value for c in sheet[1]] == COLUMNS
    assert [c.value for c in book['errors'][1]] == ['doc_id', 'reason']
    first = sheet[2]
    assert all(c.data_type in ('s', 'n') for row in sheet.iter_rows() for c in row)  # never 'f'
    assert first[2].value == 0 and first[2].data_type == 'n'
    assert first[0].value == ('\'=HYPERLINK("http://x","y")' if safe else '=HYPERLINK("http://x","y")')
    assert sheet[3][1].value == ("'-Россия" if safe else '-Россия')
    assert book['bad'][2][0].value == 'a\ufffdb\ufffdc'


def test_xlsx_accepts_dataframes(tmp_path):
    import pandas as pd
    from openpyxl import load_workbook

    frame = pd.DataFrame(ROWS, columns=COLUMNS)
    write_xlsx(tmp_path / 't.xlsx', {'mentions': frame})
    sheet = load_workbook(tmp_path / 't.xlsx')['mentions']
    assert [c.value for c in sheet[2]] == ['\'=HYPERLINK("http://x","y")', "'+7", 0]


def test_parquet_keeps_raw_values_and_types(tmp_path):
    import pyarrow.parquet as pq

    write_parquet(tmp_path / 't.parquet', COLUMNS, iter(ROWS), {'start'})
    table = pq.read_table(tmp_path / 't.parquet')
    assert table.column_names == COLUMNS
    assert str(table.schema.field('start').type) == 'int64'
    assert table.to_pylist()[0] == {'doc_id': '=HYPERLINK("http://x","y")', 'text': '+7', 'start': 0}
    write_parquet(tmp_path / 'empty.parquet', COLUMNS, [], {'start'})
    empty = pq.read_table(tmp_path / 'empty.parquet')
    assert empty.num_rows == 0 and empty.schema == table.schema
