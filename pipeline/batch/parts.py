"""Chunks and their part files: a finished chunk's rows in `DIR/.parts/`, the state `--resume` reads,
and the final tables merged from the parts in input order."""
from __future__ import annotations

import csv
import hashlib
import json
import shutil
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path

from ..doc import Document, Failed
from ..inputs.readers import InputError
from ..output.rows import COLUMNS, INTEGER_COLUMNS, Rows
from ..output.write import atomic_path, write_csv_rows, write_parquet, write_xlsx
from .options import Options

PARTS = '.parts'
MAX_CHUNK_CHARS = 4_000_000  # a chunk closes early when its texts reach this many characters
PART_VERSION = 3  # bump when the part files change, so --resume refuses parts of an older layout


def chunks(docs: Iterable[Document | Failed], size: int, max_chars: int = MAX_CHUNK_CHARS) -> Iterator[list]:
    """Lists of at most `size` documents, cut earlier once their texts reach `max_chars` characters
    (deterministic, so a resumed run cuts the same chunks)."""
    chunk, chars = [], 0
    for doc in docs:
        chunk.append(doc)
        chars += len(getattr(doc, 'text', ''))
        if len(chunk) >= size or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def corpus_tables(parts: Path, count: int, out: Path, bom: bool, safe: bool) -> dict:
    """The corpus tables of a run (`pipeline.output.corpus.write_corpus_tables`), read from its first `count`
    parts and written into `out` as CSV, with the run's BOM and cell-safety settings."""
    from ..output.corpus import write_corpus_tables

    return write_corpus_tables(out, partial(write_csv_rows, bom=bom, safe=safe), partial(_parts_table, parts, count))


def _parts_table(parts: Path, count: int, name: str, columns: tuple[str, ...]) -> Iterator[tuple]:
    """The cells of `columns` of table `name`, part after part (parts hold the cells as extracted)."""
    where = [COLUMNS[name].index(c) if c in COLUMNS[name] else None for c in columns]
    for number in range(count):
        for row in _read_part(parts, number, name):
            yield tuple(None if i is None else row[i] for i in where)


def _signature(inputs: list[str], options: Options) -> str:
    """What a resumed run must share with the stopped one: inputs and the options that shape rows."""
    key = json.dumps([PART_VERSION, MAX_CHUNK_CHARS, inputs, options.chunk_size, options.id_column,
                      options.text_column, options.transfers], ensure_ascii=False)
    return hashlib.sha256(key.encode('utf-8', 'surrogatepass')).hexdigest()


def _start_state(parts: Path, inputs: list[str], options: Options) -> dict:
    signature = _signature(inputs, options)
    path = parts / 'progress.json'
    if options.resume and path.exists():
        try:
            state = json.loads(path.read_text())
        except (OSError, ValueError):
            state = {}
        if state.get('signature') == signature and all(
                _part_path(parts, n, name).exists() for n in range(state.get('done', 0)) for name in COLUMNS):
            return state
        raise InputError(f'{parts.parent}: the unfinished run there had other inputs or options; '
                         'run without --resume to start again')
    shutil.rmtree(parts, ignore_errors=True)
    parts.mkdir(parents=True)
    state = {'signature': signature, 'done': 0}
    _save_state(parts, state)
    return state


def _save_state(parts: Path, state: dict) -> None:
    path = parts / 'progress.json'
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(state))


def _part_path(parts: Path, number: int, name: str) -> Path:
    return parts / f'{number:07d}.{name}.csv'


def _write_part(parts: Path, number: int, rows: Rows) -> None:
    for name, columns in COLUMNS.items():
        records = getattr(rows, name)
        write_csv_rows(_part_path(parts, number, name), columns, ([r[c] for c in columns] for r in records),
                       bom=False, safe=False)


def _read_part(parts: Path, number: int, name: str) -> Iterator[list]:
    with open(_part_path(parts, number, name), encoding='utf-8', newline='') as f:
        reader = csv.reader(f)
        next(reader)
        yield from reader


def _part_summary(parts: Path, number: int) -> Rows:
    """Enough of a finished chunk's rows to count it in the summary (mention types, documents, errors)."""
    rows = Rows()
    type_index = COLUMNS['mentions'].index('type')
    rows.documents.extend({} for _ in _read_part(parts, number, 'documents'))
    rows.errors.extend({} for _ in _read_part(parts, number, 'errors'))
    rows.mentions.extend({'type': row[type_index]} for row in _read_part(parts, number, 'mentions'))
    return rows


def _typed(columns: list[str], row: list[str]) -> list:
    """A part row's cells with the integer columns as ints (None where empty: a transfer's unknown quantity)."""
    return [(int(v) if v != '' else None) if c in INTEGER_COLUMNS else v for c, v in zip(columns, row)]


def _merge(parts: Path, out: Path, count: int, options: Options) -> None:
    """The final tables from the parts, streamed in chunk order (so the same for any number of workers)."""
    def rows_of(name):
        columns = COLUMNS[name]
        for number in range(count):
            for row in _read_part(parts, number, name):
                yield _typed(columns, row)

    for stale in out.glob('.*.tmp-*'):  # left by a killed run's merge
        if stale.is_file():
            stale.unlink()
    if options.fmt == 'csv':
        for name, columns in COLUMNS.items():
            write_csv_rows(out / f'{name}.csv', columns, rows_of(name), bom=options.bom, safe=options.safe, sync=True)
    elif options.fmt == 'parquet':
        for name, columns in COLUMNS.items():
            write_parquet(out / f'{name}.parquet', columns, rows_of(name), INTEGER_COLUMNS, sync=True)
    else:
        write_xlsx(out / 'tables.xlsx', {name: (columns, rows_of(name)) for name, columns in COLUMNS.items()},
                   safe=options.safe, sync=True)
