"""Where chunks run: in this process, in a pool of worker processes (forked with the models loaded),
or on a Dask cluster; one BLAS thread per process; a worker that dies costs one document, not the run."""
from __future__ import annotations

import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from ..doc import Document, Failed
from ..extract import shared_extractor
from ..inputs.readers import InputError
from ..output.rows import Rows, document_rows, process_document
from .options import Options

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


def process_chunk(docs: list[Document | Failed], transfers: bool = True) -> Rows:
    rows = Rows()
    for doc in docs:
        rows.extend(process_document(doc, transfers=transfers))
    return rows


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
            shared_extractor(self.options.transfers)
            context = multiprocessing.get_context('fork')
        elif sys.platform == 'linux':
            # With threads about (a host application's; the progress bar's when a pool restarts after a
            # crash), fork from a clean fork server that has loaded the models once (`pipeline.batch.preload`).
            context = multiprocessing.get_context('forkserver')
            context.set_forkserver_preload(['pipeline.batch.preload'])
        else:
            context = multiprocessing.get_context('spawn')
        self.pool = ProcessPoolExecutor(self.options.workers, mp_context=context, initializer=_warm_up,
                                        initargs=(self.options.transfers,))
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
            return self.client.submit(process_chunk, chunk, self.options.transfers, pure=False)
        return self.pool.submit(process_chunk, chunk, self.options.transfers)

    def map_ordered(self, numbered: Iterable[tuple[int, list]]) -> Iterator[tuple[int, Rows]]:
        if self.pool is None and self.client is None:
            for number, chunk in numbered:
                yield number, process_chunk(chunk, self.options.transfers)
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
                rows.extend(self.pool.submit(process_chunk, [doc], self.options.transfers).result())
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


def _warm_up(transfers: bool = True) -> None:
    single_threaded_math()
    shared_extractor(transfers)
