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

from .options import Options
from .progress import Summary
from .runner import run

__all__ = ['Options', 'Summary', 'run']
