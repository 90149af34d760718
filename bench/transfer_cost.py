"""What the arms-transfer stage costs: documents/s of `Extractor()` with and without it, interleaved in one
process, so that a shared machine's load falls on both alike.

    python bench/transfer_cost.py                          # nerel-train and weapons-dev, 3 rounds
    python bench/transfer_cost.py --sets weapons-dev --rounds 5

Both extractors are built first (model loading is not timed) and each set is read once by both to warm
the look-up caches; then every round times one pass of each, in alternating order. Figures are medians
over the rounds, in wall-clock time and in this process's CPU time (less disturbed by other processes);
the ratio is with transfers ÷ without.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / 'shared' / 'eval'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--sets', default='nerel-train,weapons-dev', help='gold sets of ../shared/eval')
    parser.add_argument('--rounds', type=int, default=3)
    args = parser.parse_args(argv)
    for name in ('OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS'):
        os.environ.setdefault(name, '1')
    sys.path.insert(0, str(ROOT))
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)
    from pipeline.extract import Extractor

    extractors = {'with': Extractor(transfers=True), 'without': Extractor(transfers=False)}
    for name in filter(None, args.sets.split(',')):
        with open(EVAL / f'{name}.jsonl', encoding='utf-8') as f:
            texts = [json.loads(line)['text'] for line in f if line.strip()]
        for extractor in extractors.values():
            for text in texts:
                extractor(text)
        wall: dict[str, list[float]] = {k: [] for k in extractors}
        cpu: dict[str, list[float]] = {k: [] for k in extractors}
        for round_ in range(args.rounds):
            order = list(extractors) if round_ % 2 == 0 else list(reversed(extractors))
            for key in order:
                started, started_cpu = time.perf_counter(), time.process_time()
                for text in texts:
                    extractors[key](text)
                wall[key].append(len(texts) / (time.perf_counter() - started))
                cpu[key].append(len(texts) / (time.process_time() - started_cpu))
        for label, figures in (('wall', wall), ('cpu', cpu)):
            on, off = statistics.median(figures['with']), statistics.median(figures['without'])
            pairs = ', '.join(f'{a / b:.2f}' for a, b in zip(figures['with'], figures['without']))
            print(f'{name} ({len(texts)} documents), {label} time: {on:.1f} documents/s with transfers, {off:.1f} '
                  f'without; ratio {on / off:.2f} (per round: {pairs})')
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
