"""Command line: `python -m pipeline extract [INPUT ...] --out DIR` (also the `pipeline` console script)."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

DEFAULT_INPUT = 'seeds'
DEFAULT_OUT = 'outputs'

DESCRIPTION = """\
Find persons, countries and weapon systems in Russian news and write tidy tables.

INPUT is a .txt file, a folder of them (searched recursively; doc_id = the file's path
under the folder without .txt), a glob pattern, a .jsonl / .csv / .parquet file with an id
and a text column, or - for JSONL on standard input. With no INPUT, reads seeds/ and writes outputs/.

Tables written into DIR: documents, mentions, entities, transfers (arms transfers: who supplies
which weapons to whom, with status, quantity and the sentence), errors; the corpus tables summary,
cooccurrence, cooccurrence_corpus, transfers_corpus (CSV); with --report, report.html (see README.md).
Exit status: 0 when every document succeeded, 1 when some failed (the rest are written, the
failures are listed in errors.csv), 2 for usage errors."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog='pipeline', description="Russian news entity extraction.",
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest='command', required=True)
    extract = commands.add_parser('extract', help='extract entities from documents and write tables',
                                  description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    extract.add_argument('inputs', nargs='*', metavar='INPUT', help='files, folders, patterns or - (default: seeds/)')
    extract.add_argument('--out', metavar='DIR', help='output folder (default: outputs/ when reading seeds/)')
    extract.add_argument('--format', dest='fmt', choices=('csv', 'parquet', 'xlsx'), default='csv',
                         help='csv (UTF-8 with BOM, default), parquet (one file per table) '
                              'or xlsx (one sheet per table)')
    extract.add_argument('--workers', type=int, default=os.cpu_count() or 1,
                         help='worker processes, each loading the models once (default: the number of cores)')
    extract.add_argument('--chunk-size', type=int, default=32,
                         help='documents per chunk: the unit of work of a worker, and of --resume (default 32)')
    extract.add_argument('--resume', action='store_true',
                         help='finish a stopped run in DIR instead of starting again')
    extract.add_argument('--id-column', default='id', help='id column of .jsonl/.csv/.parquet input (default id)')
    extract.add_argument('--text-column', default='text',
                         help='text column of .jsonl/.csv/.parquet input (default text)')
    extract.add_argument('--no-bom', dest='bom', action='store_false', help='write CSV without the UTF-8 BOM')
    extract.add_argument('--raw-cells', dest='safe', action='store_false',
                         help="keep cells that begin with = + - @ as they are (default: prefix them with ' so "
                              'spreadsheets never run them as formulas); for machine use')
    extract.add_argument('--engine', choices=('local', 'dask'), default='local',
                         help='local processes (default) or a Dask cluster (needs pip install -e ".[dask]")')
    extract.add_argument('--scheduler', metavar='ADDRESS',
                         help='Dask scheduler, e.g. tcp://HOST:8786 (default with --engine dask: a local cluster)')
    extract.add_argument('--report', action=argparse.BooleanOptionalAction, default=None,
                         help='write report.html, an HTML review of the run (default: on for the seeds/ → '
                              'outputs/ run, off otherwise)')
    extract.add_argument('--no-summary', dest='corpus', action='store_false',
                         help='skip the corpus tables summary.csv, cooccurrence.csv, cooccurrence_corpus.csv '
                              '(they stream the mentions table; the report reads it into memory)')
    extract.add_argument('--no-transfers', dest='transfers', action='store_false',
                         help='skip the arms-transfer stage (its syntax parsing): transfers.csv and '
                              'transfers_corpus.csv are written empty; the other tables are the same')
    extract.add_argument('-q', '--quiet', action='store_true', help='no progress and no summary')
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 all ok, 1 some documents failed, 2 usage error,
    or a model or dictionary package missing)."""
    from .batch.workers import single_threaded_math
    from .nlp.models import MissingModelError

    single_threaded_math()  # one BLAS thread in this process and in the workers it starts
    args = build_parser().parse_args(argv)  # an unknown option exits with status 2 here
    from .batch import Options, run
    from .inputs.readers import InputError

    inputs = args.inputs or [DEFAULT_INPUT]
    out = args.out or (DEFAULT_OUT if not args.inputs else None)
    if out is None:
        return _usage('--out DIR is required when INPUT is given')
    if args.workers < 1 or args.chunk_size < 1:
        return _usage('--workers and --chunk-size must be at least 1')
    if args.scheduler and args.engine != 'dask':
        return _usage('--scheduler needs --engine dask')
    if inputs.count('-') > 1:
        return _usage('- (standard input) can be given once')
    if Path(out).exists() and not Path(out).is_dir():
        return _usage(f'{out}: exists and is not a folder')
    options = Options(workers=args.workers, chunk_size=args.chunk_size, fmt=args.fmt, bom=args.bom,
                      safe=args.safe, resume=args.resume, quiet=args.quiet, id_column=args.id_column,
                      text_column=args.text_column, engine=args.engine, scheduler=args.scheduler,
                      corpus=args.corpus, report=(not args.inputs) if args.report is None else args.report,
                      transfers=args.transfers)
    try:
        summary = run(inputs, out, options)
    except InputError as error:
        return _usage(str(error))
    except MissingModelError as error:
        print(f'pipeline: error: {error}', file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print('pipeline: stopped; run again with --resume to finish', file=sys.stderr)
        return 130
    status = 0 if summary.ok else 1
    if not args.quiet:
        print(f'pipeline: {summary.text()}; tables in {out}/; exit status {status}', file=sys.stderr)
    return status


def _usage(message: str) -> int:
    print(f'pipeline: error: {message}', file=sys.stderr)
    return 2
