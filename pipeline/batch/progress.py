"""What a run reports: progress on standard error while it goes, and its summary at the end."""
from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field

from ..output.rows import Rows


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
        from ..output.corpus import stats_text

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
