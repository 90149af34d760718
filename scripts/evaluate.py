#!/usr/bin/env python3
"""Score the pipeline on every dev set at once, and compare with a saved run.

    python scripts/evaluate.py                                  # the default sets, figures as a table
    python scripts/evaluate.py --save /tmp/before.json          # keep the figures
    python scripts/evaluate.py --against /tmp/before.json       # show each figure's change
    python scripts/evaluate.py --sets nerel-dev,tests/gold/realnews-dev.jsonl --keep /tmp/out

A set is the stem of a gold file of `../shared/eval` (`nerel-dev`) or a path to a gold JSONL file. Each set
is extracted with `python -m pipeline extract` (the working tree's code) and scored with
`../shared/eval/score.py`; transfer gold (`transfers-*.jsonl`, or a file whose lines carry `transfers`) is
also scored with `score_transfers.py`. Per set and type the table gives mention F1 (overlapping spans),
entity accuracy and document-level F1; for transfers, named F1, relaxed named F1, all-rows F1 and status
accuracy. Not a test: it runs the whole pipeline over each set.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / 'shared' / 'eval'
DEFAULT_SETS = 'seed-gold,nerel-dev,nerel-train,factrueval-dev,weapons-dev'
TYPES = ('person', 'country', 'weapon')


def gold_path(name: str) -> Path:
    path = Path(name)
    if path.suffix == '.jsonl' and path.is_file():
        return path.resolve()
    path = EVAL / f'{name}.jsonl'
    if not path.is_file():
        raise SystemExit(f'evaluate: no gold set {name!r} ({path} is missing)')
    return path


def has_entities_and_transfers(gold: Path) -> tuple[bool, bool]:
    entities = transfers = False
    with open(gold, encoding='utf-8') as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                entities |= 'entities' in row
                transfers |= 'transfers' in row
    return entities, transfers


def score(gold: Path, out: Path) -> dict:
    """The figures of one set: {'person': {...}, ..., 'transfers': {...}} as the scorers print them."""
    subprocess.run([sys.executable, '-m', 'pipeline', 'extract', str(gold), '--out', str(out), '--quiet',
                    '--no-summary'], cwd=ROOT, check=True)
    entities, transfers = has_entities_and_transfers(gold)
    figures: dict = {}
    if entities:
        done = subprocess.run([sys.executable, str(EVAL / 'score.py'), '--gold', str(gold), '--pred',
                               str(out / 'mentions.csv'), '--json'], capture_output=True, text=True, check=True)
        figures.update(json.loads(done.stdout))
    if transfers and (out / 'transfers.csv').exists():
        done = subprocess.run([sys.executable, str(EVAL / 'score_transfers.py'), '--gold', str(gold), '--pred',
                               str(out / 'transfers.csv'), '--json'], capture_output=True, text=True, check=True)
        figures['transfers'] = json.loads(done.stdout)
    return figures


def rows(name: str, figures: dict) -> list[tuple[str, str, list[float | None]]]:
    """(set, what, [figures]) lines of the table."""
    out = []
    for type_ in TYPES:
        result = figures.get(type_)
        overlap = (result or {}).get('mention_overlap', {})
        if not (overlap.get('tp') or overlap.get('fn')):
            continue
        out.append((name, type_, [result['mention_overlap']['f1'], result['entity_acc']['acc'],
                                  result['doc_level']['f1']]))
    transfers = figures.get('transfers')
    if transfers:
        out.append((name, 'transfers', [transfers['named']['f1'], transfers['named_relaxed']['f1'],
                                        transfers['all']['f1'], (transfers.get('status_acc') or {}).get('acc')]))
    return out


def cell(value, before=None) -> str:
    if value is None:
        return '    -'
    text = f'{value:.3f}'
    if before is not None and abs(value - before) >= 0.0005:
        text += f' ({value - before:+.3f})'
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--sets', default=DEFAULT_SETS, help=f'comma-separated gold sets (default {DEFAULT_SETS})')
    parser.add_argument('--save', type=Path, help='write the figures as JSON here')
    parser.add_argument('--against', type=Path, help='a JSON file of --save to compare with')
    parser.add_argument('--keep', type=Path, help='write the output folders under this folder (default: temporary)')
    args = parser.parse_args()
    base = json.loads(args.against.read_text()) if args.against else {}
    results = {}
    with tempfile.TemporaryDirectory(prefix='evaluate-') as tmp:
        folder = args.keep or Path(tmp)
        for name in filter(None, args.sets.split(',')):
            gold = gold_path(name)
            results[name] = score(gold, folder / gold.stem)
    print(f'{"set":28} {"type":10} {"mention F1 / named F1":>24} {"entity acc / relaxed":>24} '
          f'{"doc F1 / all F1":>24} {"status acc":>18}')
    for name, figures in results.items():
        before = {what: values for _, what, values in rows(name, base.get(name, {}))}
        for _, what, values in rows(name, figures):
            old = before.get(what, [None] * len(values))
            print(f'{name:28} {what:10} ' + ' '.join(f'{cell(v, b):>24}' if i < 3 else f'{cell(v, b):>18}'
                                                     for i, (v, b) in enumerate(zip(values, old))))
    if args.save:
        args.save.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
