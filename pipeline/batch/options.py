"""The options of a batch run (the command line's flags, for library use)."""
from __future__ import annotations

from dataclasses import dataclass

FORMATS = ('csv', 'parquet', 'xlsx')


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
    transfers: bool = True  # the arms-transfer stage (transfers.csv, transfers_corpus.csv); off: an empty table
