#!/usr/bin/env python3
"""Are the tables the same as at another revision? The check that a refactor changed no output.

    python scripts/same_tables.py                      # against HEAD (uncommitted changes vs the last commit)
    python scripts/same_tables.py --base main~3        # against any revision
    python scripts/same_tables.py --sets seeds,nerel-train --keep /tmp/tables
    python scripts/same_tables.py --base main --tables mentions,entities      # only these tables
    python scripts/same_tables.py --flags=--no-transfers --tables mentions,entities  # a switch changes none

For each input set (`seeds`, the project's sample input, or the stem of a gold file of `../shared/eval`),
the tables are written once by the working tree and once by a checkout of `--base` (a temporary git
worktree), with this same Python, and every file of the two output folders is compared byte for byte.
For `mentions.csv` the first differing rows are printed. Exit status 0 when every set is the same,
1 otherwise. Not a test: it runs the whole pipeline over each set several times.
"""
from __future__ import annotations

import argparse
import csv
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / 'shared' / 'eval'
DEFAULT_SETS = 'seeds,nerel-dev,weapons-dev'
SHOWN = 10  # differing mention rows printed per set


def input_of(name: str) -> Path:
    if name == 'seeds':
        return ROOT / 'seeds'
    if name.endswith('.jsonl') and (ROOT / name).is_file():
        return ROOT / name  # a gold set of the project's own, `tests/gold/realnews-dev.jsonl`
    path = EVAL / f'{name}.jsonl'
    if not path.is_file():
        raise SystemExit(f'same_tables: no input set {name!r} ({path} is missing)')
    return path


def extract(code: Path, source: Path, out: Path, flags: tuple[str, ...] = ()) -> None:
    """Write the tables of `source` into `out` with the pipeline checked out at `code`."""
    env = {**os.environ, 'PYTHONPATH': str(code)}
    command = [sys.executable, '-m', 'pipeline', 'extract', str(source), '--out', str(out), '--quiet', '--report',
               *flags]
    subprocess.run(command, cwd=code, env=env, check=True)


def differences(a: Path, b: Path, only: set[str] | None = None) -> list[str]:
    """Names of the files that differ between two output folders (or are only in one); with `only`,
    just the files of those tables (`mentions` → mentions.csv)."""
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    if only is not None:
        names = [name for name in names if name.rsplit('.', 1)[0] in only]
    return [name for name in names
            if not ((a / name).is_file() and (b / name).is_file() and filecmp.cmp(a / name, b / name, shallow=False))]


def mention_diff(a: Path, b: Path) -> list[str]:
    def rows(folder: Path) -> list[tuple]:
        with open(folder / 'mentions.csv', encoding='utf-8-sig', newline='') as f:
            return [tuple(row) for row in csv.reader(f)]

    old, new = rows(a), rows(b)
    gone = [r for r in old if r not in set(new)]
    came = [r for r in new if r not in set(old)]
    lines = [f'  - {",".join(r)}' for r in gone[:SHOWN]] + [f'  + {",".join(r)}' for r in came[:SHOWN]]
    return [f'  mentions: {len(gone)} rows gone, {len(came)} rows new'] + lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--base', default='HEAD', help='the revision to compare with (default HEAD)')
    parser.add_argument('--sets', default=DEFAULT_SETS, help=f'comma-separated input sets (default {DEFAULT_SETS})')
    parser.add_argument('--keep', type=Path, help='keep both output folders under this folder')
    parser.add_argument('--tables', help='compare only these tables (comma-separated names: mentions,entities)')
    parser.add_argument('--flags', default='', help='extra options for the working tree\'s run (--no-transfers)')
    args = parser.parse_args()
    only = set(args.tables.split(',')) if args.tables else None
    flags = tuple(args.flags.split())
    sets = [name for name in args.sets.split(',') if name]
    work = Path(tempfile.mkdtemp(prefix='same-tables-'))
    base = work / 'base-code'
    subprocess.run(['git', 'worktree', 'add', '--detach', '--quiet', str(base), args.base], cwd=ROOT, check=True)
    same = True
    try:
        for name in sets:
            source = input_of(name)
            before, after = work / Path(name).stem / 'base', work / Path(name).stem / 'now'
            extract(base, source, before)
            extract(ROOT, source, after, flags)
            changed = differences(before, after, only)
            print(f'{name}: {"same" if not changed else "DIFFERENT: " + ", ".join(changed)}')
            if 'mentions.csv' in changed:
                print('\n'.join(mention_diff(before, after)))
            same = same and not changed
        if args.keep:
            shutil.copytree(work, args.keep, dirs_exist_ok=True, ignore=shutil.ignore_patterns('base-code'))
    finally:
        subprocess.run(['git', 'worktree', 'remove', '--force', str(base)], cwd=ROOT, check=False)
        shutil.rmtree(work, ignore_errors=True)
    return 0 if same else 1


if __name__ == '__main__':
    raise SystemExit(main())
