"""The readers: text files, folders, glob patterns, JSONL / CSV / Parquet corpora, standard input.

Every input document comes out either as a `Document` or as a `Failed` record with a one-line
reason, so that none is lost; a bad document never stops the stream. Inputs are read lazily, one
document at a time (a folder or a glob pattern is listed up front, as paths only). Newlines are not
translated: `\\r\\n` and a lone `\\r` stay in the text, and every offset indexes the decoded text exactly as read.
"""
from __future__ import annotations

import csv
import glob
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..doc import Document, Failed
from .decode import decode
from .header import parse_header

TEXT_SUFFIXES = {'.txt'}
TABLE_SUFFIXES = {'.jsonl', '.csv', '.parquet'}
MAX_REASON = 300
SURROGATE = re.compile(r'[\ud800-\udfff]')


class InputError(ValueError):
    """An input argument that names nothing readable (a usage error, not a bad document)."""


def one_line(reason: str, limit: int = MAX_REASON) -> str:
    """A reason as one short line (the first line, cut at `limit` characters)."""
    lines = str(reason).strip().splitlines()
    line = lines[0] if lines else ''
    return line if len(line) <= limit else line[:limit - 1] + '…'


def iter_documents(inputs: Iterable[str], id_column: str = 'id',
                   text_column: str = 'text') -> Iterator[Document | Failed]:
    """Every document of every input, in a stable order: arguments as given, folders and patterns sorted.

    A second document with an id already seen becomes a `Failed` (ids are kept in a set: the one
    thing that grows with the corpus, a few dozen bytes a document).
    """
    seen: set[str] = set()
    for item in inputs:
        for doc in _read_input(item, id_column, text_column):
            if doc.id in seen:
                doc = Failed(doc.id, doc.source, f'duplicate id {doc.id!r}: an earlier document has it')
            seen.add(doc.id)
            yield doc


def check_inputs(inputs: Iterable[str], id_column: str = 'id', text_column: str = 'text') -> list[str]:
    """The inputs, checked before any work starts; raises InputError (a usage error) for an input that
    names nothing (missing path, pattern matching no input file, unknown file kind) and for a CSV or
    Parquet file without the id and text columns."""
    out = []
    for item in inputs:
        item = str(item)
        if item == '-':
            out.append(item)
            continue
        if glob.has_magic(item):
            matches = [Path(m) for m in sorted(glob.glob(item, recursive=True))]
            matches = [m for m in matches if m.is_dir() or m.suffix.lower() in TEXT_SUFFIXES | TABLE_SUFFIXES]
            if not matches:
                raise InputError(f'{item}: the pattern matches no .txt/.jsonl/.csv/.parquet file or folder')
        elif not os.path.exists(item):
            raise InputError(f'{item}: no such file or folder')
        else:
            matches = [Path(item)]
            if matches[0].is_file() and matches[0].suffix.lower() not in TEXT_SUFFIXES | TABLE_SUFFIXES:
                raise InputError(f'{item}: unknown input kind (expected .txt, .jsonl, .csv, .parquet or a folder)')
        for path in matches:
            if path.is_file():
                _check_columns(path, id_column, text_column)
        out.append(item)
    return out


def _check_columns(path: Path, id_column: str, text_column: str) -> None:
    suffix = path.suffix.lower()
    if suffix == '.csv':
        try:
            with open(path, encoding='utf-8-sig', errors='replace', newline='') as f:
                names = next(csv.reader(f), [])
        except (OSError, csv.Error) as error:
            raise InputError(f'{path}: cannot read the CSV header: {one_line(error)}') from None
    elif suffix == '.parquet':
        try:
            import pyarrow.parquet as pq

            names = pq.ParquetFile(path).schema_arrow.names
        except ImportError:
            raise InputError(f'{path}: reading Parquet needs pyarrow (pip install pyarrow)') from None
        except Exception as error:  # a broken file is a bad document (found again, and reported, when read)
            del error
            return
    else:
        return
    if id_column not in names or text_column not in names:
        raise InputError(f'{path}: needs columns {id_column!r} and {text_column!r} (has {names}); '
                         'see --id-column and --text-column')


def _read_input(item: str, id_column: str, text_column: str) -> Iterator[Document | Failed]:
    if item == '-':
        stream = sys.stdin
        if hasattr(stream, 'buffer'):
            stream = io.TextIOWrapper(stream.buffer, encoding='utf-8-sig', errors='replace')
        yield from _read_jsonl_lines(stream, '<stdin>', id_column, text_column)
        return
    if glob.has_magic(item):
        base = _pattern_base(item)
        for match in sorted(glob.glob(item, recursive=True)):
            path = Path(match)
            if path.is_dir():
                yield from _read_folder(path, base)
            elif path.suffix.lower() in TEXT_SUFFIXES:
                yield read_text_file(path, doc_id=_relative_id(path, base))
            elif path.suffix.lower() in TABLE_SUFFIXES:
                yield from _read_table(path, id_column, text_column)
        return
    path = Path(item)
    if path.is_dir():
        yield from _read_folder(path, path)
    elif path.suffix.lower() in TEXT_SUFFIXES:
        yield read_text_file(path)
    else:
        yield from _read_table(path, id_column, text_column)


def _read_folder(folder: Path, root: Path) -> Iterator[Document | Failed]:
    """The .txt files under `folder` (listed first, as paths; read one at a time)."""
    files = sorted(p for p in folder.rglob('*') if p.suffix.lower() in TEXT_SUFFIXES and p.is_file())
    for file in files:
        yield read_text_file(file, doc_id=_relative_id(file, root))


def _read_table(path: Path, id_column: str, text_column: str) -> Iterator[Document | Failed]:
    suffix = path.suffix.lower()
    try:
        if suffix == '.jsonl':
            with open(path, encoding='utf-8-sig', errors='replace', newline='') as f:
                yield from _read_jsonl_lines(f, str(path), id_column, text_column)
        elif suffix == '.csv':
            yield from _read_csv(path, id_column, text_column)
        elif suffix == '.parquet':
            yield from _read_parquet(path, id_column, text_column)
    except OSError as error:  # the file vanished or cannot be read: its documents are one failure
        yield Failed(_clean(path.stem), str(path), f'cannot read the file: {one_line(error.strerror or error)}')


def _pattern_base(pattern: str) -> Path:
    """The folder part of a glob pattern before the first wildcard: ids of matches are relative to it."""
    parts = []
    for part in Path(pattern).parts[:-1]:
        if glob.has_magic(part):
            break
        parts.append(part)
    return Path(*parts) if parts else Path('.')


def _relative_id(file: Path, root: Path) -> str:
    """A file's path under `root` without the suffix (`2024/001`), so ids stay unique."""
    try:
        relative = file.relative_to(root)
    except ValueError:
        relative = Path(file.name)
    return _clean(relative.with_suffix('').as_posix())


def read_text_file(path: Path, doc_id: str | None = None) -> Document | Failed:
    path = Path(path)
    doc_id = doc_id or _clean(path.stem)
    try:
        data = path.read_bytes()
    except OSError as error:
        return Failed(doc_id, str(path), f'cannot read the file: {one_line(error.strerror or error)}')
    if not data or data.isspace():
        return Failed(doc_id, str(path), 'empty file')
    try:
        text, encoding = decode(data)
    except ValueError as error:
        return Failed(doc_id, str(path), one_line(error))
    del data
    return make_document(doc_id, text, str(path), encoding)


def make_document(doc_id: str, text: str, source: str, encoding: str = '') -> Document | Failed:
    """A `Document` with its header parsed (`meta`: date, place, title, encoding, skip), or `Failed`
    for a text with nothing but white space. Lone surrogates (from JSON `\\ud800`) become U+FFFD, one
    character for one, so offsets stay right and the text can be written as UTF-8."""
    doc_id, source, text = _clean(doc_id), _clean(source), _clean(text)
    if not text or text.isspace():
        return Failed(doc_id, source, 'no text', {'encoding': encoding})
    meta, skip = parse_header(text)
    meta['encoding'] = encoding
    meta['skip'] = skip
    return Document(doc_id, text, source, meta)


def _clean(value: str) -> str:
    return SURROGATE.sub('\ufffd', value) if SURROGATE.search(value) else value


def _read_jsonl_lines(lines, source: str, id_column: str, text_column: str) -> Iterator[Document | Failed]:
    stem = Path(source).stem
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f'{source}:{number}'
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield Failed(f'{stem}:{number}', where, f'invalid JSON: {error.msg}')
            continue
        except RecursionError:
            yield Failed(f'{stem}:{number}', where, 'invalid JSON: nested too deeply')
            continue
        if not isinstance(row, dict):
            yield Failed(f'{stem}:{number}', where, 'a JSON line that is not an object')
            continue
        yield _from_row(row, where, f'{stem}:{number}', id_column, text_column)


def _from_row(row: dict, where: str, fallback_id: str, id_column: str, text_column: str) -> Document | Failed:
    raw_id = row.get(id_column)
    doc_id = fallback_id if raw_id is None or raw_id == '' else _clean(str(raw_id))
    text = row.get(text_column)
    if raw_id is None or raw_id == '':
        return Failed(doc_id, where, f'no {id_column!r} value')
    if not isinstance(text, str) or not text.strip():
        return Failed(doc_id, where, f'no text in column {text_column!r}')
    return make_document(doc_id, text, where, 'utf-8')


def _read_csv(path: Path, id_column: str, text_column: str) -> Iterator[Document | Failed]:
    """Rows of a CSV file; a row that does not parse, or has another number of fields than the
    header, is a `Failed` (the reader goes on with the next row)."""
    csv.field_size_limit(1 << 30)
    with open(path, encoding='utf-8-sig', errors='replace', newline='') as f:
        reader = csv.reader(f, strict=True)
        header = next(reader, None)
        if header is None or id_column not in header or text_column not in header:
            raise InputError(f'{path}: needs columns {id_column!r} and {text_column!r} (has {header})')
        id_index = header.index(id_column)
        while True:
            line = reader.line_num + 1
            where, fallback = f'{path}:{line}', f'{path.stem}:{line}'
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield Failed(fallback, where, f'broken CSV row: {one_line(error)}')
                continue
            if not row:
                continue
            if len(row) != len(header):
                raw_id = row[id_index] if id_index < len(row) and row[id_index] else fallback
                yield Failed(_clean(raw_id), where, f'broken CSV row: {len(row)} fields, the header has {len(header)}')
                continue
            yield _from_row(dict(zip(header, row)), where, fallback, id_column, text_column)


def _read_parquet(path: Path, id_column: str, text_column: str) -> Iterator[Document | Failed]:
    try:
        import pyarrow.parquet as pq
    except ImportError as error:
        raise InputError(f'{path}: reading Parquet needs pyarrow (pip install pyarrow)') from error
    number = 0
    try:
        table = pq.ParquetFile(path)
        names = table.schema_arrow.names
        if id_column not in names or text_column not in names:
            raise InputError(f'{path}: needs columns {id_column!r} and {text_column!r} (has {names})')
        for batch in table.iter_batches(columns=[id_column, text_column], batch_size=256):
            for row in batch.to_pylist():
                number += 1
                yield _from_row(row, f'{path}:{number}', f'{path.stem}:{number}', id_column, text_column)
    except (InputError, OSError):
        raise
    except Exception as error:  # a damaged file: the rows not read yet are one failure
        where = f'{path}:{number + 1}' if number else str(path)
        yield Failed(f'{path.stem}:{number + 1}' if number else path.stem, where,
                     f'cannot read Parquet: {one_line(error)}')
