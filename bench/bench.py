"""Throughput and memory benchmark: the full pipeline against bare natasha, workers, memory flatness.

    python bench/bench.py                       # the default corpus, every measurement
    python bench/bench.py --limit 40 --repeats 1 --skip-workers --skip-memory   # a quick check
    python bench/bench.py --json > result.json  # machine-readable output (progress goes to stderr)

Every measurement runs in a fresh subprocess of this same script (`--child KIND`), with one BLAS/OpenMP
thread (OMP_NUM_THREADS=1 etc.), so peak RSS is per measurement and both sides get the same conditions.
The child prints one `BENCH_RESULT {json}` line; the parent collects them and prints the report.
See bench/README.md for what is measured and how.

This module imports only the standard library at top level: where the pool starts its workers from a
fork server or by spawning (not on Linux's default path), that imports the main module (this file),
and heavy imports here would make the workers start unlike they do under the real CLI.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / '..' / 'shared' / 'eval' / 'nerel-train.jsonl'
THREAD_VARIABLES = ('OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS', 'NUMEXPR_NUM_THREADS',
                    'VECLIB_MAXIMUM_THREADS')
RESULT_PREFIX = 'BENCH_RESULT '
MB = 1_000_000  # decimal megabytes: stricter against the 500 MB target than MiB

TARGET_RATIO = 0.8          # pipeline documents/s ≥ 0.8 × bare natasha's, one process
TARGET_PEAK_MB = 500        # peak RSS per process
TARGET_SPEEDUP = 1.7        # --workers 2 wall time ≥ 1.7× faster than --workers 1
TARGET_GROWTH = 0.10        # 10× the documents raises peak RSS by less than 10 %
MEMORY_FACTOR = 10
TRANSFERS = True  # the arms-transfer stage; `--no-transfers` measures the pipeline without it


# ---------------------------------------------------------------------------------------------------------------
# Children: one measurement each, in a fresh process
# ---------------------------------------------------------------------------------------------------------------

def _maxrss_bytes(who=resource.RUSAGE_SELF) -> int:
    return resource.getrusage(who).ru_maxrss * 1024  # kilobytes on Linux


def _emit(result: dict) -> None:
    result['peak_rss_bytes'] = _maxrss_bytes()
    result['children_peak_rss_bytes'] = _maxrss_bytes(resource.RUSAGE_CHILDREN)
    print(RESULT_PREFIX + json.dumps(result), flush=True)


def _read_texts(corpus: str) -> list[str]:
    """The texts of a JSONL corpus with the standard library only (the natasha side imports no pipeline code)."""
    texts = []
    with open(corpus, encoding='utf-8-sig', errors='replace') as f:
        for line in f:
            if line.strip():
                text = json.loads(line).get('text')
                if isinstance(text, str) and text.strip():
                    texts.append(text)
    return texts


def child_natasha(corpus: str) -> dict:
    """Bare natasha: NewsNERTagger(NewsEmbedding()) called on each text, nothing else."""
    texts = _read_texts(corpus)
    started = time.perf_counter()
    from natasha import NewsEmbedding, NewsNERTagger

    tagger = NewsNERTagger(NewsEmbedding())
    load = time.perf_counter() - started
    spans, first = 0, None
    started = time.perf_counter()
    for text in texts:
        spans += len(tagger(text).spans)
        first = first if first is not None else time.perf_counter() - started
    seconds = time.perf_counter() - started
    return {'kind': 'natasha', 'documents': len(texts), 'characters': sum(map(len, texts)), 'load_seconds': load,
            'seconds': seconds, 'docs_per_second': len(texts) / seconds, 'first_document_seconds': first,
            'spans': spans}


def _documents(corpus: str) -> list:
    from pipeline.doc import Failed
    from pipeline.inputs.readers import iter_documents

    return [doc for doc in iter_documents([corpus]) if not isinstance(doc, Failed)]


def child_pipeline(corpus: str) -> dict:
    """The extractor in a loop: Extractor() first (not timed), then a timed `for doc: ex(doc.text)`."""
    docs = _documents(corpus)
    started = time.perf_counter()
    from pipeline.extract import Extractor

    ex = Extractor(transfers=TRANSFERS)
    load = time.perf_counter() - started
    mentions, first = 0, None
    started = time.perf_counter()
    for doc in docs:
        mentions += len(ex(doc.text, doc.id, doc.meta.get('skip', ())).mentions)
        first = first if first is not None else time.perf_counter() - started
    seconds = time.perf_counter() - started
    return {'kind': 'pipeline', 'documents': len(docs), 'characters': sum(len(d.text) for d in docs),
            'load_seconds': load, 'seconds': seconds, 'docs_per_second': len(docs) / seconds,
            'first_document_seconds': first, 'mentions': mentions}


def child_batch(corpus: str, out: str, chunk_size: int) -> dict:
    """The whole batch in one process: `pipeline.run` writing CSV tables; the model loads before the clock starts."""
    started = time.perf_counter()
    from pipeline import batch
    from pipeline.extract import shared_extractor

    # run() builds the process's extractor lazily, inside the first chunk; build it first so the load is reported
    # apart (shared_extractor is the cached builder run() uses)
    shared_extractor(TRANSFERS)
    load = time.perf_counter() - started
    Options, run = batch.Options, batch.run
    started = time.perf_counter()
    summary = run([corpus], out, Options(workers=1, chunk_size=chunk_size, quiet=True, transfers=TRANSFERS))
    seconds = time.perf_counter() - started
    return {'kind': 'batch', 'documents': summary.documents, 'failed': summary.failed, 'load_seconds': load,
            'load_excluded': True,
            'seconds': seconds, 'docs_per_second': summary.documents / seconds,
            'mentions': sum(summary.mentions.values()), 'chunk_size': chunk_size}


def child_workers(corpus: str, out: str, workers: int, chunk_size: int) -> dict:
    """`pipeline.run(..., Options(workers=N))`, wall time of the whole run (pool start and model loads included).

    No thread runs beside it, as under the CLI: with one running, the pool would start its workers from a fork
    server instead of forking this process. The workers are this process's children, so their peak RSS is the
    kernel's high-water mark of the children it has waited for (the pool waits for each at shutdown).
    """
    from pipeline.batch import Options
    from pipeline.batch.workers import single_threaded_math

    single_threaded_math()
    from pipeline.batch import run

    started = time.perf_counter()
    summary = run([corpus], out, Options(workers=workers, chunk_size=chunk_size, quiet=True, transfers=TRANSFERS))
    seconds = time.perf_counter() - started
    children = _maxrss_bytes(resource.RUSAGE_CHILDREN)
    processes = [{'role': 'worker', 'peak_rss_bytes': children}] if workers > 1 and children else []
    return {'kind': 'workers', 'workers': workers, 'documents': summary.documents, 'failed': summary.failed,
            'seconds': seconds, 'docs_per_second': summary.documents / seconds, 'processes': processes,
            'main_peak_rss_bytes': _maxrss_bytes(), 'chunk_size': chunk_size}


def child_pool(workers: int) -> dict:
    """Pool start-up alone, as pipeline.run does it on Linux: the models load in this process, then a fork pool
    starts N workers (which inherit them) and runs one trivial task on each; no documents."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, '1')
    started = time.perf_counter()
    from pipeline.extract import Extractor

    Extractor(transfers=TRANSFERS)
    context = multiprocessing.get_context('spawn' if sys.platform == 'darwin' else 'fork')
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        list(pool.map(abs, range(workers)))
    seconds = time.perf_counter() - started
    return {'kind': 'pool', 'workers': workers, 'documents': 0, 'seconds': seconds, 'docs_per_second': 0.0}


def run_child(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument('--child', required=True, choices=('natasha', 'pipeline', 'batch', 'workers', 'pool'))
    parser.add_argument('--corpus')
    parser.add_argument('--out')
    parser.add_argument('--workers', type=int, default=1)
    parser.add_argument('--chunk-size', type=int, default=32)
    parser.add_argument('--no-transfers', dest='transfers', action='store_false')
    args = parser.parse_args(argv)
    global TRANSFERS
    TRANSFERS = args.transfers
    if args.child == 'natasha':
        result = child_natasha(args.corpus)
    elif args.child == 'pipeline':
        result = child_pipeline(args.corpus)
    elif args.child == 'pool':
        result = child_pool(args.workers)
    elif args.child == 'batch':
        result = child_batch(args.corpus, args.out, args.chunk_size)
    else:
        result = child_workers(args.corpus, args.out, args.workers, args.chunk_size)
    _emit(result)
    return 0


# ---------------------------------------------------------------------------------------------------------------
# Parent: corpus preparation, the schedule of children, the report
# ---------------------------------------------------------------------------------------------------------------

def child_env() -> dict:
    env = dict(os.environ)
    for name in THREAD_VARIABLES:
        env[name] = '1'
    env['PYTHONPATH'] = os.pathsep.join(p for p in (str(ROOT), env.get('PYTHONPATH', '')) if p)
    return env


class Runner:
    def __init__(self, total: int) -> None:
        self.total, self.done, self.started = total, 0, time.monotonic()

    def __call__(self, label: str, kind: str, corpus: Path | None, **extra) -> dict:
        self.done += 1
        print(f'[{self.done}/{self.total}] {label} ... ', end='', file=sys.stderr, flush=True)
        command = [sys.executable, str(Path(__file__).resolve()), '--child', kind]
        if not TRANSFERS:
            command.append('--no-transfers')
        if corpus is not None:
            command += ['--corpus', str(corpus)]
        for key, value in extra.items():
            command += [f'--{key.replace("_", "-")}', str(value)]
        started = time.perf_counter()
        done = subprocess.run(command, env=child_env(), cwd=ROOT, capture_output=True, text=True)
        wall = time.perf_counter() - started
        lines = [line for line in done.stdout.splitlines() if line.startswith(RESULT_PREFIX)]
        if done.returncode != 0 or not lines:
            print('failed', file=sys.stderr)
            sys.stderr.write(done.stdout[-3000:] + done.stderr[-3000:])
            raise SystemExit(f'bench: the {kind} child failed (exit {done.returncode})')
        result = json.loads(lines[-1][len(RESULT_PREFIX):])
        result['process_wall_seconds'] = wall
        peak = max([result['peak_rss_bytes']] + [p['peak_rss_bytes'] for p in result.get('processes', ())])
        print(f'{result["docs_per_second"]:.1f} docs/s, peak {peak / MB:.0f} MB, '
              f'{wall:.1f} s (elapsed {time.monotonic() - self.started:.0f} s)', file=sys.stderr, flush=True)
        return result


def prepare_corpus(source: Path, limit: int | None, target: Path, repeat: int = 1) -> int:
    """A JSONL with the first `limit` documents of `source`, repeated `repeat` times with ids suffixed `~rK`."""
    with open(source, encoding='utf-8-sig') as f:
        rows = [json.loads(line) for line in f if line.strip()]
    if limit is not None:
        rows = rows[:limit]
    with open(target, 'w', encoding='utf-8') as f:
        for k in range(repeat):
            for row in rows:
                if k:
                    row = {**row, 'id': f'{row["id"]}~r{k}'}
                f.write(json.dumps(row, ensure_ascii=False) + '\n')
    return len(rows) * repeat


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float('nan')


def measure(args) -> dict:
    source = Path(args.corpus).resolve()
    if not source.exists():
        raise SystemExit(f'bench: {source}: no such corpus')
    steps = 3 * args.repeats + (0 if args.skip_workers else 2 * args.repeats + 1) + (0 if args.skip_memory else 1)
    run = Runner(steps)
    results: dict = {'corpus': str(source), 'limit': args.limit, 'repeats': args.repeats, 'chunk_size': args.chunk_size,
                     'python': sys.version.split()[0], 'cpu_count': os.cpu_count(), 'transfers': TRANSFERS,
                     'load_average_before': os.getloadavg(), 'started': time.strftime('%Y-%m-%d %H:%M:%S')}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix='bench-') as tmp:
        tmp = Path(tmp)
        corpus = tmp / 'corpus.jsonl'
        results['documents'] = prepare_corpus(source, args.limit, corpus)
        print(f'bench: {results["documents"]} documents from {source}', file=sys.stderr)

        pairs = []
        batches = []
        for r in range(args.repeats):
            natasha = run(f'natasha, repeat {r + 1}', 'natasha', corpus)
            pipeline = run(f'pipeline (Extractor loop), repeat {r + 1}', 'pipeline', corpus)
            pairs.append({'natasha': natasha, 'pipeline': pipeline,
                          'ratio': pipeline['docs_per_second'] / natasha['docs_per_second']})
            batches.append(run(f'pipeline.run batch, 1 process, repeat {r + 1}', 'batch', corpus,
                               out=tmp / f'batch-{r}', chunk_size=args.chunk_size))
        results['pairs'] = pairs
        results['batches'] = batches

        if not args.skip_workers:
            runs = {1: [], 2: []}
            for r in range(args.repeats):
                for n in (1, 2):
                    runs[n].append(run(f'pipeline.run --workers {n}, repeat {r + 1}', 'workers', corpus,
                                       out=tmp / f'workers{n}-{r}', workers=n, chunk_size=args.chunk_size))
            results['workers'] = {str(n): v for n, v in runs.items()}
            results['pool_startup'] = run('pool start-up alone, 2 workers, no documents', 'pool', None, workers=2)

        if not args.skip_memory:
            big = tmp / 'corpus-x10.jsonl'
            count = prepare_corpus(source, args.limit, big, repeat=MEMORY_FACTOR)
            results['memory_big'] = run(f'pipeline.run batch on {MEMORY_FACTOR}× the corpus ({count} documents)',
                                        'batch', big, out=tmp / 'batch-x10', chunk_size=args.chunk_size)
    results['bench_seconds'] = time.monotonic() - started
    results['load_average_after'] = os.getloadavg()
    results['summary'] = summarize(results)
    return results


def summarize(results: dict) -> dict:
    pairs, batches = results['pairs'], results['batches']
    natasha = median([p['natasha']['docs_per_second'] for p in pairs])
    pipeline = median([p['pipeline']['docs_per_second'] for p in pairs])
    batch = median([b['docs_per_second'] for b in batches])
    summary: dict = {
        'natasha_docs_per_second': natasha, 'pipeline_docs_per_second': pipeline, 'batch_docs_per_second': batch,
        'ratio': pipeline / natasha, 'ratio_per_pair': [p['ratio'] for p in pairs],
        'batch_overhead': 1 - batch / pipeline,  # share of the batch's time beyond the extractor loop
        'natasha_load_seconds': median([p['natasha']['load_seconds'] for p in pairs]),
        'natasha_first_document_seconds': median([p['natasha']['first_document_seconds'] for p in pairs]),
        'pipeline_first_document_seconds': median([p['pipeline']['first_document_seconds'] for p in pairs]),
        'pipeline_load_seconds': median([p['pipeline']['load_seconds'] for p in pairs]),
        'natasha_peak_rss_bytes': max(p['natasha']['peak_rss_bytes'] for p in pairs),
        'pipeline_peak_rss_bytes': max(p['pipeline']['peak_rss_bytes'] for p in pairs),
        'batch_peak_rss_bytes': median([b['peak_rss_bytes'] for b in batches]),
    }
    # every process that runs pipeline code, for the per-process memory target
    peaks = {'Extractor loop': summary['pipeline_peak_rss_bytes'],
             'batch, 1 process': max(b['peak_rss_bytes'] for b in batches)}
    if 'workers' in results:
        w = results['workers']
        one = median([x['seconds'] for x in w['1']])
        two = median([x['seconds'] for x in w['2']])
        summary.update({
            'workers1_seconds': one, 'workers2_seconds': two, 'speedup': one / two,
            'speedup_per_pair': [a['seconds'] / b['seconds'] for a, b in zip(w['1'], w['2'])],
            'workers1_process_wall_seconds': median([x['process_wall_seconds'] for x in w['1']]),
            'workers2_process_wall_seconds': median([x['process_wall_seconds'] for x in w['2']]),
            'process_wall_speedup': median([x['process_wall_seconds'] for x in w['1']])
            / median([x['process_wall_seconds'] for x in w['2']]),
            'pool_startup_seconds': results['pool_startup']['seconds'],
            'chunks': -(-results['documents'] // results['chunk_size']),
        })
        peaks['--workers 1'] = max(x['main_peak_rss_bytes'] for x in w['1'])
        peaks['--workers 2 main'] = max(x['main_peak_rss_bytes'] for x in w['2'])
        worker_peaks = [p['peak_rss_bytes'] for x in w['2'] for p in x['processes'] if p['role'] == 'worker']
        if worker_peaks:
            peaks['--workers 2 each worker'] = max(worker_peaks)
    if 'memory_big' in results:
        big = results['memory_big']['peak_rss_bytes']
        base = summary['batch_peak_rss_bytes']
        summary.update({'memory_small_bytes': base, 'memory_big_bytes': big, 'memory_growth': big / base - 1,
                        'memory_big_docs_per_second': results['memory_big']['docs_per_second']})
        peaks[f'batch on {MEMORY_FACTOR}× corpus'] = big
    summary['pipeline_process_peaks'] = peaks
    summary['max_process_peak_bytes'] = max(peaks.values())

    checks = [{'target': f'pipeline docs/s ≥ {TARGET_RATIO}× natasha (1 process)',
               'value': f'{summary["ratio"]:.2f}×', 'ok': summary['ratio'] >= TARGET_RATIO},
              {'target': f'peak RSS ≤ {TARGET_PEAK_MB} MB per process',
               'value': f'{summary["max_process_peak_bytes"] / MB:.0f} MB',
               'ok': summary['max_process_peak_bytes'] <= TARGET_PEAK_MB * MB}]
    if 'speedup' in summary:
        checks.append({'target': f'--workers 2 ≥ {TARGET_SPEEDUP}× --workers 1', 'value': f'{summary["speedup"]:.2f}×',
                       'ok': summary['speedup'] >= TARGET_SPEEDUP})
    else:
        checks.append({'target': f'--workers 2 ≥ {TARGET_SPEEDUP}× --workers 1', 'value': 'skipped', 'ok': None})
    if 'memory_growth' in summary:
        checks.append({'target': f'{MEMORY_FACTOR}× documents: peak RSS +< {TARGET_GROWTH:.0%}',
                       'value': f'{summary["memory_growth"]:+.1%}', 'ok': summary['memory_growth'] < TARGET_GROWTH})
    else:
        checks.append({'target': f'{MEMORY_FACTOR}× documents: peak RSS +< {TARGET_GROWTH:.0%}', 'value': 'skipped',
                       'ok': None})
    summary['checks'] = checks
    return summary


def report(results: dict) -> str:
    s = results['summary']
    mb = lambda b: f'{b / MB:.0f} MB'  # noqa: E731
    lines = [f'corpus: {results["corpus"]} ({results["documents"]} documents'
             + (f', --limit {results["limit"]}' if results['limit'] else '') + f'), repeats: {results["repeats"]}, '
             f'cores: {results["cpu_count"]}, load average before/after: '
             f'{results["load_average_before"][0]:.2f}/{results["load_average_after"][0]:.2f}, '
             f'transfer stage: {"on" if results.get("transfers", True) else "off (--no-transfers)"}',
             '', 'Throughput, one process (model loading excluded; median of repeats):',
             f'  {"":28} {"docs/s":>8} {"load s":>7} {"1st doc s":>9} {"peak RSS":>9}',
             f'  {"bare natasha":28} {s["natasha_docs_per_second"]:8.2f} {s["natasha_load_seconds"]:7.2f} '
             f'{s["natasha_first_document_seconds"]:9.2f} {mb(s["natasha_peak_rss_bytes"]):>9}',
             f'  {"pipeline Extractor loop":28} {s["pipeline_docs_per_second"]:8.2f} {s["pipeline_load_seconds"]:7.2f} '
             f'{s["pipeline_first_document_seconds"]:9.2f} {mb(s["pipeline_peak_rss_bytes"]):>9}',
             f'  {"pipeline.run batch (CSV)":28} {s["batch_docs_per_second"]:8.2f} {"":>7} {"":>9} '
             f'{mb(s["batch_peak_rss_bytes"]):>9}',
             f'  ratio pipeline/natasha: {s["ratio"]:.2f} (per pair: '
             + ', '.join(f'{r:.2f}' for r in s['ratio_per_pair']) + ')',
             f'  batch time beyond the Extractor loop (reading, rows, CSV parts, merge): {s["batch_overhead"]:.1%}']
    if 'speedup' in s:
        lines += ['', 'Workers (pipeline.run wall time, pool start and model loads included; median):',
                  f'  --workers 1: {s["workers1_seconds"]:.1f} s   --workers 2: {s["workers2_seconds"]:.1f} s   '
                  f'speed-up {s["speedup"]:.2f}× (per pair: ' + ', '.join(f'{r:.2f}' for r in s['speedup_per_pair'])
                  + ')',
                  f'  whole subprocess (interpreter, imports, run): {s["workers1_process_wall_seconds"]:.1f} s vs '
                  f'{s["workers2_process_wall_seconds"]:.1f} s, speed-up {s["process_wall_speedup"]:.2f}×',
                  f'  pool start-up alone (models loaded, then 2 workers forked, no documents): '
                  f'{s["pool_startup_seconds"]:.1f} s; one in-process model load: {s["pipeline_load_seconds"]:.1f} s']
        if s['chunks'] < 8:
            lines.append(f'  note: {results["documents"]} documents make only {s["chunks"]} chunk(s) of '
                         f'{results["chunk_size"]}: too few to keep 2 workers busy, the speed-up here means little')
    if 'memory_growth' in s:
        lines += ['', f'Memory flatness (pipeline.run, 1 process, chunk size {results["chunk_size"]}):',
                  f'  {results["documents"]} documents: {mb(s["memory_small_bytes"])}   '
                  f'{results["documents"] * MEMORY_FACTOR} documents: {mb(s["memory_big_bytes"])}   '
                  f'growth {s["memory_growth"]:+.1%}  ({s["memory_big_docs_per_second"]:.1f} docs/s on the big run)']
    lines += ['', 'Peak RSS per process running pipeline code:']
    lines += [f'  {name:28} {mb(value):>9}' for name, value in s['pipeline_process_peaks'].items()]
    lines += ['', f'{"Target":48} {"measured":>10}  result']
    for check in s['checks']:
        verdict = 'SKIP' if check['ok'] is None else 'PASS' if check['ok'] else 'FAIL'
        lines.append(f'{check["target"]:48} {check["value"]:>10}  {verdict}')
    lines += ['', f'benchmark took {results["bench_seconds"]:.0f} s']
    return '\n'.join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if '--child' in argv:
        return run_child(argv)
    parser = argparse.ArgumentParser(description='Benchmark the pipeline against bare natasha (see bench/README.md).')
    parser.add_argument('--corpus', default=str(DEFAULT_CORPUS), help='JSONL with id and text (default: %(default)s)')
    parser.add_argument('--limit', type=int, help='only the first N documents (quick checks)')
    parser.add_argument('--repeats', type=int, default=3, help='interleaved natasha/pipeline pairs (default 3)')
    parser.add_argument('--chunk-size', type=int, default=32, help='pipeline.run chunk size (default 32, as the CLI)')
    parser.add_argument('--skip-workers', action='store_true', help='skip the --workers 1 vs 2 runs')
    parser.add_argument('--skip-memory', action='store_true', help=f'skip the {MEMORY_FACTOR}× corpus memory run')
    parser.add_argument('--json', action='store_true', help='print the results as JSON instead of the table')
    parser.add_argument('--no-transfers', dest='transfers', action='store_false',
                        help='measure the pipeline without its arms-transfer stage (Extractor(transfers=False))')
    args = parser.parse_args(argv)
    global TRANSFERS
    TRANSFERS = args.transfers
    if args.repeats < 1 or (args.limit is not None and args.limit < 1):
        parser.error('--repeats and --limit must be at least 1')
    results = measure(args)
    print(json.dumps(results, indent=2, ensure_ascii=False) if args.json else report(results))
    return 0


if __name__ == '__main__':
    sys.exit(main())
