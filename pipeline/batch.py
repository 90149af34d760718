"""The batch runner: documents in, tables out, in chunks, on one or many cores or a Dask cluster.

Documents are read lazily and cut into chunks (`chunk_size` documents, or fewer when their texts
pass `MAX_CHUNK_CHARS`); at most two chunks per worker are in flight, so memory does not grow with
the corpus. Each finished chunk is written to `DIR/.parts/` (each file under a temporary name, then
renamed), in input order, and `DIR/.parts/progress.json` records how many chunks are done. `--resume`
skips those chunks, so a stopped run finishes with the same tables as an uninterrupted one. When
every chunk is done the parts are merged, in input order, into the final tables (each written to a
temporary name, then renamed); meanwhile a pool worker reads the same parts for the corpus tables
(`corpus_tables`); then `.parts/` is removed. Tables are therefore the same, byte for byte,
for any number of workers and any engine.

A worker process that dies (out of memory, a crash in native code) does not hang the run: its chunk
is run again one document at a time in a fresh pool, and the document that kills a worker again gets
an error row.
"""
from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import os
import shutil
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

from .documents import Failed, InputError, check_inputs, iter_documents, one_line
from .morph import MissingModelError
from .records import Document
from .tables import COLUMNS, INTEGER_COLUMNS, Rows, document_rows
from .write import atomic_path, write_csv_rows, write_parquet, write_xlsx

PARTS = '.parts'
FORMATS = ('csv', 'parquet', 'xlsx')
MAX_CHUNK_CHARS = 4_000_000  # a chunk closes early when its texts reach this many characters
PART_VERSION = 2  # bump when the part files change, so --resume refuses parts of an older layout
THREAD_VARIABLES = ('OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS', 'NUMEXPR_NUM_THREADS',
                    'VECLIB_MAXIMUM_THREADS')
WORKER_DIED = 'the worker process died on this document (out of memory, or a crash in native code)'


def single_threaded_math() -> None:
    """One BLAS/OpenMP thread per process: with N workers on N cores, more threads only fight (7× slower).

    The environment variables reach processes started later; threadpoolctl sets the limit in this one,
    where numpy may already be loaded (importing `pipeline` loads it) and where forked workers inherit it.
    """
    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, '1')
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)


@lru_cache(maxsize=1)
def _extractor():
    """The extractor of this process, built on first use (once per worker process, Dask workers too)."""
    from .extract import Extractor

    return Extractor()


def extractor_loads() -> int:
    """How many times this process has built its extractor (0 or 1)."""
    return _extractor.cache_info().misses


def check_models() -> None:
    """Raise MissingModelError if a package that ships a model or dictionary is not installed."""
    for package, purpose in (('natasha', "natasha's NER model and navec embeddings"),
                             ('navec', 'the navec embeddings'), ('slovnet', 'the slovnet NER'),
                             ('pymorphy3_dicts_ru', "pymorphy3's Russian dictionary")):
        if importlib.util.find_spec(package) is None:
            raise MissingModelError(f'{purpose} cannot be loaded: install {package.replace("_", "-")} '
                                    f'(pip install {package.replace("_", "-")}); nothing is downloaded at run time')


def process_document(doc: Document | Failed, extractor=None) -> Rows:
    """The table rows of one document; an exception becomes an error row, never a lost document."""
    if isinstance(doc, Failed):
        return document_rows(doc)
    try:
        result = (extractor or _extractor())(doc.text, doc.id, doc.meta.get('skip', ()))
    except Exception as error:  # one bad document must not stop the batch
        return document_rows(doc, error=one_line(f'{type(error).__name__}: {error}'))
    return document_rows(doc, result)


def process_chunk(docs: list[Document | Failed]) -> Rows:
    rows = Rows()
    for doc in docs:
        rows.extend(process_document(doc))
    return rows


@dataclass(slots=True)
class Summary:
    """What a run did: documents ok and failed, mentions per type, seconds."""

    documents: int = 0
    failed: int = 0
    mentions: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    resumed_chunks: int = 0
    corpus: dict = field(default_factory=dict)  # write_corpus_tables' statistics

    def add(self, rows: Rows) -> None:
        self.documents += len(rows.documents)
        self.failed += len(rows.errors)
        self.mentions.update(row['type'] for row in rows.mentions)

    @property
    def ok(self) -> bool:
        return not self.failed

    def text(self) -> str:
        from .corpus import stats_text

        corpus = f'; corpus: {stats_text(self.corpus)}' if self.corpus else ''
        return self._text() + corpus

    def _text(self) -> str:
        ok = self.documents - self.failed
        per_type = ', '.join(f'{self.mentions[t]} {t}' for t in ('person', 'country', 'weapon'))
        rate = self.documents / self.seconds if self.seconds else 0.0
        status = 'all documents ok' if not self.failed else f'{self.failed} failed (see errors.csv)'
        resumed = f'; resumed after {self.resumed_chunks} chunks' if self.resumed_chunks else ''
        return (f'{self.documents} documents: {ok} ok, {status}; mentions: {per_type}; '
                f'{self.seconds:.1f} s ({rate:.1f} documents/s){resumed}')


class Progress:
    """A tqdm bar on a terminal, a plain line every `every` seconds otherwise, nothing when quiet."""

    def __init__(self, quiet: bool, stream=None, every: float = 10.0) -> None:
        self.quiet, self.stream, self.every = quiet, stream or sys.stderr, every
        self.count, self.failed, self.started = 0, 0, time.monotonic()
        self.last = self.started
        self.bar = None
        if not quiet and _isatty(self.stream):
            from tqdm import tqdm

            self.bar = tqdm(unit='doc', file=self.stream, dynamic_ncols=True)

    def update(self, n: int, failed: int = 0) -> None:
        self.count += n
        self.failed += failed
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.update(n)
            if failed:
                self.bar.set_postfix(failed=self.failed, refresh=False)
            return
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self.line(now)

    def line(self, now: float | None = None) -> None:
        elapsed = (now or time.monotonic()) - self.started
        rate = self.count / elapsed if elapsed else 0.0
        print(f'pipeline: {self.count} documents ({self.failed} failed), {rate:.1f}/s',
              file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


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


@dataclass
class Options:
    workers: int = 1
    chunk_size: int = 32
    fmt: str = 'csv'
    bom: bool = True
    safe: bool = True
    resume: bool = False
    quiet: bool = False
    id_column: str = 'id'
    text_column: str = 'text'
    engine: str = 'local'
    scheduler: str | None = None
    progress_seconds: float = 10.0
    corpus: bool = True  # summary.csv, cooccurrence.csv, cooccurrence_corpus.csv
    report: bool = False  # report.html (needs corpus)
    report_documents: int = 200  # documents shown one by one in the report


def run(inputs: list[str], out: str | Path, options: Options | None = None) -> Summary:
    """Extract every document of `inputs` and write the tables into `out`.

    Raises InputError (before any work) for inputs that name nothing or lack the id/text columns,
    an unknown format or engine, or a --resume over a run with other inputs."""
    options = options or Options()
    if options.fmt not in FORMATS:
        raise InputError(f'unknown format {options.fmt!r} (expected one of {", ".join(FORMATS)})')
    if options.engine not in ('local', 'dask'):
        raise InputError(f"unknown engine {options.engine!r} (expected 'local' or 'dask')")
    inputs = check_inputs(inputs, options.id_column, options.text_column)
    out = Path(out)
    parts = out / PARTS
    out.mkdir(parents=True, exist_ok=True)
    state = _start_state(parts, inputs, options)
    summary = Summary(resumed_chunks=state['done'])
    progress = None
    started = time.monotonic()
    if options.engine == 'local':
        check_models()  # a missing package stops the run with one clear error, before any work
    texts: dict[str, str] = {}  # the first documents' texts, for the report
    docs = iter_documents(inputs, options.id_column, options.text_column)
    if options.report:
        docs = _keep_texts(docs, texts, options.report_documents)
    numbered = enumerate(chunks(docs, options.chunk_size))
    try:
        with _Mapper(options) as mapper:
            # The bar only now: its monitor thread would keep the pool from forking its workers
            progress = Progress(options.quiet, every=options.progress_seconds)
            for number, chunk in numbered:
                if number >= state['done']:
                    break
                rows = _part_summary(parts, number)
                summary.add(rows)
                progress.update(len(chunk), len(rows.errors))
            else:
                chunk = None
            pending = [(number, chunk)] if chunk is not None else []
            for number, rows in mapper.map_ordered(_chain(pending, numbered)):
                _write_part(parts, number, rows)
                state['done'] = number + 1
                _save_state(parts, state)
                summary.add(rows)
                progress.update(len(rows.documents), len(rows.errors))
            # The corpus tables are read from the parts, in a pool worker while this process merges
            # the parts into the final tables (on one core: one after the other).
            corpus_args = (parts, state['done'], out, options.bom, options.safe)
            corpus = mapper.submit_here(corpus_tables, *corpus_args) if options.corpus or options.report else None
            _merge(parts, out, state['done'], options)
            if corpus is not None:
                summary.corpus = mapper.result_here(corpus, corpus_tables, *corpus_args)
            elif options.corpus or options.report:
                summary.corpus = corpus_tables(*corpus_args)
    finally:
        if progress is not None:
            progress.close()
    shutil.rmtree(parts, ignore_errors=True)
    if options.report:
        from .report import write_report

        write_report(out, texts, options.report_documents)
    summary.seconds = time.monotonic() - started
    return summary


def _keep_texts(docs: Iterable[Document | Failed], texts: dict[str, str], limit: int) -> Iterator:
    """Pass documents through, keeping the texts of the first `limit` for the report."""
    for doc in docs:
        if len(texts) < limit and isinstance(doc, Document):
            texts[doc.id] = doc.text
        yield doc


def corpus_tables(parts: Path, count: int, out: Path, bom: bool, safe: bool) -> dict:
    """The corpus tables of a run (`pipeline.corpus.write_corpus_tables`), read from its first `count`
    parts and written into `out` as CSV, with the run's BOM and cell-safety settings."""
    from .corpus import write_corpus_tables

    return write_corpus_tables(out, partial(write_csv_rows, bom=bom, safe=safe), partial(_parts_table, parts, count))


def _parts_table(parts: Path, count: int, name: str, columns: tuple[str, ...]) -> Iterator[tuple]:
    """The cells of `columns` of table `name`, part after part (parts hold the cells as extracted)."""
    where = [COLUMNS[name].index(c) if c in COLUMNS[name] else None for c in columns]
    for number in range(count):
        for row in _read_part(parts, number, name):
            yield tuple(None if i is None else row[i] for i in where)


def _chain(first: list, rest: Iterator) -> Iterator:
    yield from first
    yield from rest


class _Mapper:
    """Runs process_chunk over numbered chunks and yields `(number, rows)` in order: in this process,
    in a process pool, or on Dask, with at most `2 × workers` chunks in flight."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.pool = self.client = None
        self.window = 1

    def __enter__(self) -> _Mapper:
        if self.options.engine == 'dask':
            try:
                from dask.distributed import Client
            except ImportError:
                raise InputError('--engine dask needs dask: pip install -e ".[dask]"') from None
            if self.options.scheduler:
                self.client = Client(self.options.scheduler)
            else:
                single_threaded_math()
                self.client = Client(n_workers=max(self.options.workers, 1), threads_per_worker=1, processes=True)
            self.window = 2 * max(sum(self.client.nthreads().values()), 1)
        elif self.options.workers > 1:
            self.window = 2 * self.options.workers
            self._start_pool()
        return self

    def _start_pool(self) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        single_threaded_math()
        if sys.platform == 'linux' and _single_threaded_process():
            # Load the models here once and fork: the workers start with them in memory (shared until
            # written) instead of each importing natasha and loading them again (1.4 s on 2 cores).
            # Safe only while this process runs no other thread (the pool forks all its workers
            # before it starts its own manager thread).
            _extractor()
            context = multiprocessing.get_context('fork')
        elif sys.platform == 'linux':
            # With threads about (a host application's; the progress bar's when a pool restarts after a
            # crash), fork from a clean fork server that has loaded the models once (`pipeline.preload`).
            context = multiprocessing.get_context('forkserver')
            context.set_forkserver_preload(['pipeline.preload'])
        else:
            context = multiprocessing.get_context('spawn')
        self.pool = ProcessPoolExecutor(self.options.workers, mp_context=context, initializer=_warm_up)
        if context.get_start_method() == 'fork':
            # A first task forks every worker now, while this process is still single-threaded (the
            # pool forks them all at its first task, then starts its manager thread).
            self.pool.submit(os.getpid).result()

    def submit_here(self, function: Callable, *args):
        """`function(*args)` in a worker of this machine's pool, or None where there is none (one
        process, or Dask, whose workers may not see this machine's files)."""
        return self.pool.submit(function, *args) if self.pool is not None else None

    @staticmethod
    def result_here(future, function: Callable, *args):
        """The result of `submit_here`, or `function(*args)` in this process if the worker died."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            return future.result()
        except BrokenProcessPool:
            return function(*args)

    def _submit(self, chunk: list):
        if self.client is not None:
            return self.client.submit(process_chunk, chunk, pure=False)
        return self.pool.submit(process_chunk, chunk)

    def map_ordered(self, numbered: Iterable[tuple[int, list]]) -> Iterator[tuple[int, Rows]]:
        if self.pool is None and self.client is None:
            for number, chunk in numbered:
                yield number, process_chunk(chunk)
            return
        from concurrent.futures.process import BrokenProcessPool

        flight: deque = deque()
        numbered = iter(numbered)
        while True:
            while len(flight) < self.window and (item := next(numbered, None)) is not None:
                flight.append((item[0], item[1], self._submit(item[1])))
            if not flight:
                return
            number, chunk, future = flight.popleft()
            try:
                rows = future.result()
            except BrokenProcessPool:
                rows = self._isolate(chunk)
                flight = deque((n, c, self._submit(c)) for n, c, _ in flight)
            yield number, rows

    def _isolate(self, chunk: list) -> Rows:
        """A chunk whose worker died, run one document at a time in fresh pools."""
        from concurrent.futures.process import BrokenProcessPool

        rows = Rows()
        self._restart_pool()
        for doc in chunk:
            try:
                rows.extend(self.pool.submit(process_chunk, [doc]).result())
            except BrokenProcessPool:
                rows.extend(document_rows(doc, error=WORKER_DIED))
                self._restart_pool()
        return rows

    def _restart_pool(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self._start_pool()

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=exc[0] is None, cancel_futures=True)
        if self.client is not None:
            self.client.close()


def _single_threaded_process() -> bool:
    """No other thread, native ones included (BLAS pools, a progress bar's monitor): forking is safe."""
    try:
        return len(os.listdir('/proc/self/task')) == 1
    except OSError:
        return threading.active_count() == 1


def _warm_up() -> None:
    single_threaded_math()
    _extractor()


def _signature(inputs: list[str], options: Options) -> str:
    """What a resumed run must share with the stopped one: inputs and the options that shape rows."""
    key = json.dumps([PART_VERSION, MAX_CHUNK_CHARS, inputs, options.chunk_size, options.id_column,
                      options.text_column], ensure_ascii=False)
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
    return [int(v) if c in INTEGER_COLUMNS and v != '' else v for c, v in zip(columns, row)]


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
