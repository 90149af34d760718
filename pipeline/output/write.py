"""Writing tables: CSV (UTF-8 with BOM), Parquet and XLSX, atomically, streaming, with spreadsheet-safe cells.

Every writer takes rows as an iterable (sequences in column order) and never holds a whole table:
CSV row by row, Parquet in record batches, XLSX through openpyxl's write-only workbook. Each file is
written under a temporary name beside its target and renamed onto it only when complete, so a
reader (or a killed run) never sees half a table.

A CSV or XLSX cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as
a formula by Excel or LibreOffice (CSV injection). Such text cells get a leading `'` (the OWASP
rule); numbers are written as numbers. `safe=False` (`--raw-cells`) keeps the text as it is — in XLSX
still as a text cell, never as a formula. Parquet is for machines and keeps raw values.
"""
from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

FORMULA_STARTS = ('=', '+', '-', '@', '\t', '\r')
XLSX_ILLEGAL = re.compile(r'[\x00-\x08\x0b\x0c\x0e-\x1f]')  # characters XML 1.0 (so XLSX) cannot hold
XLSX_MAX_CELL = 32767
XLSX_MAX_ROWS = 1_048_576  # per sheet, the header included; longer tables go on to `name_2`, `name_3`…
PARQUET_BATCH = 10_000


def safe_cell(value):
    """The OWASP neutralisation of one cell: text that a spreadsheet would run gets a leading `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


@contextmanager
def atomic_path(path: Path, sync: bool = False) -> Iterator[Path]:
    """A temporary path beside `path`, renamed onto it only when the block finishes without error.

    `sync` flushes the file to disk before the rename (for final tables; a killed process needs no
    sync, only a crashed machine does)."""
    path = Path(path)
    tmp = path.with_name(f'.{path.name}.tmp-{os.getpid()}')
    try:
        yield tmp
        if sync:
            fd = os.open(tmp, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_csv_rows(path: Path, columns: list[str], rows: Iterable[Iterable], bom: bool = True, safe: bool = True,
                   sync: bool = False) -> None:
    """Write rows (sequences in column order) as CSV, atomically; `\\r\\n` line ends as RFC 4180 says."""
    with atomic_path(path, sync) as tmp, open(tmp, 'w', encoding='utf-8-sig' if bom else 'utf-8', newline='') as f:
        writer = csv.writer(f)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([safe_cell(v) for v in row] if safe else row)


def write_parquet(path: Path, columns: list[str], rows: Iterable[Iterable], integer_columns=frozenset(),
                  sync: bool = False) -> None:
    """Write rows as one Parquet file, atomically, a batch at a time: `integer_columns` as int64, the
    rest as strings (so an empty table has the same schema as a full one)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, pa.int64() if c in integer_columns else pa.string()) for c in columns])

    def batches():
        batch = []
        for row in rows:
            batch.append(row)
            if len(batch) >= PARQUET_BATCH:
                yield batch
                batch = []
        if batch:
            yield batch

    with atomic_path(path, sync) as tmp:
        with pq.ParquetWriter(tmp, schema) as writer:
            writer.write_table(schema.empty_table())
            for batch in batches():
                arrays = [pa.array([r[i] for r in batch], type=field.type) for i, field in enumerate(schema)]
                writer.write_table(pa.Table.from_arrays(arrays, schema=schema))


def write_xlsx(path: Path, sheets: dict, safe: bool = True, sync: bool = False) -> None:
    """One sheet per table: `sheets` maps a name to `(columns, rows)` or to a DataFrame.

    Text is always stored as text, never as a formula; with `safe` it also gets the OWASP `'`.
    Characters XML cannot hold become U+FFFD; a cell is cut at Excel's 32,767 characters."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)

    def cell(sheet, value):
        if isinstance(value, str):
            value = safe_cell(value) if safe else value
            value = XLSX_ILLEGAL.sub('\ufffd', value)[:XLSX_MAX_CELL]
            out = WriteOnlyCell(sheet, value=value)
            out.data_type = 's'
            return out
        return value

    for name, table in sheets.items():
        columns, rows = _columns_rows(table)
        part, sheet, count = 1, workbook.create_sheet(name), 0
        sheet.append(columns)
        for row in rows:
            if count + 1 >= XLSX_MAX_ROWS:
                part += 1
                sheet, count = workbook.create_sheet(f'{name}_{part}'), 0
                sheet.append(columns)
            sheet.append([cell(sheet, v) for v in row])
            count += 1
    with atomic_path(path, sync) as tmp:
        workbook.save(tmp)


def _columns_rows(table) -> tuple[list[str], Iterable]:
    if isinstance(table, tuple):
        return list(table[0]), table[1]
    columns = [str(c) for c in table.columns]  # a DataFrame: numpy scalars back to Python values
    return columns, ([None if _missing(v) else getattr(v, 'item', lambda v=v: v)() for v in row]
                     for row in table.itertuples(index=False, name=None))


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and value != value)
