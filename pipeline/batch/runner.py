"""`run`: documents in, tables out, in chunks, on one or many cores or a Dask cluster."""
from __future__ import annotations

import shutil
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..doc import Document, Failed
from ..inputs.readers import InputError, check_inputs, iter_documents
from ..nlp.models import check_models
from .options import FORMATS, Options
from .parts import PARTS, _merge, _part_summary, _save_state, _start_state, _write_part, chunks, corpus_tables
from .progress import Progress, Summary
from .workers import _Mapper


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
        from ..output.report import write_report

        write_report(out, texts, options.report_documents)
    summary.seconds = time.monotonic() - started
    return summary


def _keep_texts(docs: Iterable[Document | Failed], texts: dict[str, str], limit: int) -> Iterator:
    """Pass documents through, keeping the texts of the first `limit` for the report."""
    for doc in docs:
        if len(texts) < limit and isinstance(doc, Document):
            texts[doc.id] = doc.text
        yield doc


def _chain(first: list, rest: Iterator) -> Iterator:
    yield from first
    yield from rest
