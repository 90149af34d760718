"""Reading the tables of an output folder back: whole (`read_table`, a DataFrame) or a row at a time
(`iter_table`), from CSV, Parquet or XLSX, with the writer's formula neutralisation undone."""
from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .rows import COLUMNS, INTEGER_COLUMNS
from .write import FORMULA_STARTS

if TYPE_CHECKING:
    import pandas as pd


def cell_text(value) -> str:
    """A cell as text ('' for a missing value)."""
    if value is None or (isinstance(value, float) and value != value):
        return ''
    return str(value)


def unescape_cell(value: str) -> str:
    """Undo the writer's formula neutralisation: one leading `'` before = + - @ tab or CR goes."""
    if len(value) > 1 and value[0] == "'" and value[1] in FORMULA_STARTS:
        return value[1:]
    return value


def read_table(out: Path, name: str) -> pd.DataFrame:
    """Table `name` of an output folder as written by the batch runner: `NAME.csv` (UTF-8 with BOM,
    neutralised cells restored, integer columns as ints), else `NAME.parquet`, else the sheet of
    `tables.xlsx`. Text cells are strings ('' when empty)."""
    import pandas as pd

    out = Path(out)
    columns = COLUMNS.get(name)
    if (out / f'{name}.csv').exists():
        table = pd.read_csv(out / f'{name}.csv', dtype=str, keep_default_na=False, encoding='utf-8-sig')
        table = table.map(unescape_cell) if len(table) else table
    elif (out / f'{name}.parquet').exists():
        table = pd.read_parquet(out / f'{name}.parquet')
    elif (out / 'tables.xlsx').exists():
        table = pd.read_excel(out / 'tables.xlsx', sheet_name=name, dtype=str, keep_default_na=False)
        table = table.map(unescape_cell) if len(table) else table
    else:
        raise FileNotFoundError(f'{out}: no {name}.csv, {name}.parquet or tables.xlsx')
    for column in table.columns:
        if column in INTEGER_COLUMNS or column in ('documents', 'sentences', 'mentions'):
            table[column] = [int(v) if cell_text(v).lstrip('-').isdigit() else v for v in table[column]]
        elif table[column].dtype == object:
            table[column] = [cell_text(v) for v in table[column]]
    if columns and list(table.columns) != columns and set(columns) <= set(table.columns):
        table = table[columns]
    return table


def _table_path(out: Path, name: str) -> Path:
    """Where `read_table` would read table `name` of an output folder from."""
    for path in (out / f'{name}.csv', out / f'{name}.parquet', out / 'tables.xlsx'):
        if path.exists():
            return path
    raise FileNotFoundError(f'{out}: no {name}.csv, {name}.parquet or tables.xlsx')


def has_table(out: Path, name: str) -> bool:
    """Does the output folder hold table `name` (a CSV or Parquet file, or a sheet of `tables.xlsx`)?"""
    try:
        path = _table_path(Path(out), name)
    except FileNotFoundError:
        return False
    if path.suffix != '.xlsx':
        return True
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    try:
        return name in workbook.sheetnames
    finally:
        workbook.close()


def iter_table(out: Path, name: str, columns: Iterable[str]) -> Iterator[tuple]:
    """The rows of table `name` of an output folder, one at a time, as tuples of the cells of `columns`
    (None for a column the table lacks); read from the same file as `read_table`, with the same cell
    text (neutralised cells restored; Parquet cells as stored). Memory stays flat in the table's size.
    """
    out, columns = Path(out), tuple(columns)
    path = _table_path(out, name)
    if path.suffix == '.csv':
        yield from _iter_csv(path, columns)
    elif path.suffix == '.parquet':
        yield from _iter_parquet(path, columns)
    else:
        yield from _iter_xlsx(path, name, columns)


def _picker(header: list[str], columns: tuple[str, ...]) -> Callable[[list], tuple]:
    where = [header.index(c) if c in header else None for c in columns]
    return lambda row: tuple(None if i is None else (row[i] if i < len(row) else '') for i in where)


def _iter_csv(path: Path, columns: tuple[str, ...]) -> Iterator[tuple]:
    with open(path, encoding='utf-8-sig', newline='') as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header is None:
            return
        pick = _picker(header, columns)
        for row in reader:
            if row:  # pandas skips blank lines
                yield tuple(v if v is None else unescape_cell(v) for v in pick(row))


def _iter_parquet(path: Path, columns: tuple[str, ...]) -> Iterator[tuple]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    present = [c for c in columns if c in parquet.schema_arrow.names]
    for batch in parquet.iter_batches(batch_size=10_000, columns=present):
        data = batch.to_pydict()
        cells = [data[c] if c in data else [None] * batch.num_rows for c in columns]
        yield from zip(*cells)


def _iter_xlsx(path: Path, name: str, columns: tuple[str, ...]) -> Iterator[tuple]:
    """Sheet `name` and its continuation sheets `name_2`, `name_3`… (see `pipeline.output.write.write_xlsx`),
    read-only. Empty rows are kept but for trailing ones, as pandas does."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        if name not in workbook.sheetnames:
            raise ValueError(f'{path}: no sheet {name!r}')
        part = 1
        while (sheet := name if part == 1 else f'{name}_{part}') in workbook.sheetnames:
            rows = workbook[sheet].iter_rows(values_only=True)
            header = next(rows, None)
            part += 1
            if header is None:
                continue
            pick = _picker([cell_text(h) for h in header], columns)
            empty = 0
            for row in rows:
                if all(v is None or v == '' for v in row):
                    empty += 1
                    continue
                for _ in range(empty):
                    yield tuple(None if c is None else '' for c in pick([]))
                empty = 0
                yield tuple(unescape_cell(v) if isinstance(v, str) else v for v in pick(list(row)))
    finally:
        workbook.close()
