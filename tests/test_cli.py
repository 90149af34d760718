"""The command line: inputs of every kind, exit status 0/1/2, summary line, --help."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.paths import ROOT


def read_rows(path: Path) -> list[dict]:
    with open(path, encoding='utf-8-sig', newline='') as f:
        return list(csv.DictReader(f))


@pytest.fixture
def docs(tmp_path):
    folder = tmp_path / 'docs'
    (folder / 'sub').mkdir(parents=True)
    (folder / 'a.txt').write_text('Путин встретился с Мадуро в Москве.', encoding='utf-8')
    (folder / 'sub' / 'b.txt').write_text('Россия поставила Венесуэле С-400.', encoding='utf-8')
    return folder


def test_all_ok_exits_0_with_a_summary(docs, tmp_path, capsys, extractor):
    assert main(['extract', str(docs), '--out', str(tmp_path / 'out'), '--workers', '1']) == 0
    err = capsys.readouterr().err
    assert 'all documents ok' in err and 'exit status 0' in err
    assert [d['doc_id'] for d in read_rows(tmp_path / 'out' / 'documents.csv')] == ['a', 'sub/b']


def test_transfers_and_no_transfers(docs, tmp_path, extractor):
    assert main(['extract', str(docs), '--out', str(tmp_path / 'on'), '--workers', '1', '-q']) == 0
    assert [(r['doc_id'], r['supplier'], r['recipient'], r['weapon'], r['status'])
            for r in read_rows(tmp_path / 'on' / 'transfers.csv')] == [('sub/b', 'RU', 'VE', 'С-400', 'delivered')]
    assert [r['weapon'] for r in read_rows(tmp_path / 'on' / 'transfers_corpus.csv')] == ['С-400']
    assert main(['extract', str(docs), '--out', str(tmp_path / 'off'), '--workers', '1', '-q', '--no-transfers']) == 0
    for name in ('transfers', 'transfers_corpus'):
        assert read_rows(tmp_path / 'off' / f'{name}.csv') == []
    for name in ('documents', 'mentions', 'entities', 'summary'):
        assert (tmp_path / 'on' / f'{name}.csv').read_bytes() == (tmp_path / 'off' / f'{name}.csv').read_bytes()


def test_some_failed_exits_1(docs, tmp_path, capsys, extractor):
    (docs / 'empty.txt').write_bytes(b'')
    assert main(['extract', str(docs), '--out', str(tmp_path / 'out'), '--workers', '1']) == 1
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert '1 failed (see errors.csv)' in err and 'exit status 1' in err
    assert read_rows(tmp_path / 'out' / 'errors.csv')[0]['doc_id'] == 'empty'


def test_quiet_prints_nothing(docs, tmp_path, capsys, extractor):
    assert main(['extract', str(docs), '--out', str(tmp_path / 'out'), '--workers', '1', '--quiet']) == 0
    assert capsys.readouterr().err == ''


def test_glob_jsonl_csv_parquet_inputs(tmp_path, capsys, extractor):
    import pandas as pd

    (tmp_path / 'x1.txt').write_text('Китай', encoding='utf-8')
    (tmp_path / 'x2.txt').write_text('Визит в Индию.', encoding='utf-8')
    (tmp_path / 'r.jsonl').write_text(json.dumps({'key': 'j', 'body': 'Иран'}) + '\n', encoding='utf-8')
    (tmp_path / 'r.csv').write_text('key,body\nc,Сирия\n', encoding='utf-8')
    pd.DataFrame({'key': ['p'], 'body': ['Визит на Кубу.']}).to_parquet(tmp_path / 'r.parquet')
    inputs = [str(tmp_path / 'x*.txt'), *(str(tmp_path / f'r.{kind}') for kind in ('jsonl', 'csv', 'parquet'))]
    code = main(['extract', *inputs, '--out', str(tmp_path / 'out'), '--workers', '1', '--id-column', 'key',
                 '--text-column', 'body', '--format', 'csv'])
    assert code == 0, capsys.readouterr().err
    assert [d['doc_id'] for d in read_rows(tmp_path / 'out' / 'documents.csv')] == ['x1', 'x2', 'j', 'c', 'p']
    codes = {m['doc_id']: m['code'] for m in read_rows(tmp_path / 'out' / 'mentions.csv')}
    assert codes == {'x1': 'CN', 'x2': 'IN', 'j': 'IR', 'c': 'SY', 'p': 'CU'}


@pytest.mark.parametrize('args', [
    ['extract', 'no/such/folder', '--out', 'OUT'],
    ['extract', 'no-match-*.txt', '--out', 'OUT'],
    ['extract', 'DOCS'],  # INPUT without --out
    ['extract', 'DOCS', '--out', 'OUT', '--workers', '0'],
    ['extract', 'DOCS', '--out', 'OUT', '--scheduler', 'tcp://127.0.0.1:1'],
    ['extract', 'CSV', '--out', 'OUT', '--text-column', 'nope'],
    ['extract', 'DOCS', '--out', 'FILE'],
])
def test_usage_errors_exit_2(args, docs, tmp_path, capsys):
    (tmp_path / 't.csv').write_text('id,text\n1,a\n', encoding='utf-8')
    (tmp_path / 'file').write_text('x')
    places = {'DOCS': str(docs), 'OUT': str(tmp_path / 'out'), 'CSV': str(tmp_path / 't.csv'),
              'FILE': str(tmp_path / 'file')}
    assert main([places.get(a, a) for a in args]) == 2
    assert capsys.readouterr().err.startswith('pipeline: error: ')
    assert not (tmp_path / 'out').exists()


@pytest.mark.parametrize('args', [['extract', 'x', '--out', 'y', '--bogus'], ['extract', '--format', 'docx']])
def test_unknown_options_exit_2(args, capsys):
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == 2


def test_stdin_jsonl_and_help_in_a_subprocess(tmp_path):
    lines = [json.dumps({'id': 's1', 'text': 'Путин и Мадуро'}, ensure_ascii=False), '{"id": "s2"}']
    result = subprocess.run([sys.executable, '-m', 'pipeline', 'extract', '-', '--out', str(tmp_path / 'out'),
                             '--workers', '1'], input='\n'.join(lines).encode('utf-8'), cwd=ROOT,
                            capture_output=True, timeout=120)
    assert result.returncode == 1, result.stderr
    summary = result.stderr.decode().strip().splitlines()[-1]
    assert summary.startswith('pipeline: 2 documents: 1 ok, 1 failed')
    rows = read_rows(tmp_path / 'out' / 'documents.csv')
    assert [(r['doc_id'], r['status']) for r in rows] == [('s1', 'ok'), ('s2', 'error')]
    help_text = subprocess.run([sys.executable, '-m', 'pipeline', 'extract', '--help'], cwd=ROOT,
                               capture_output=True, text=True, timeout=60).stdout
    for option in ('--workers', '--resume', '--format', '--engine', '--scheduler', '--raw-cells', '--quiet'):
        assert option in help_text


def test_missing_model_package_is_one_clear_error(monkeypatch, tmp_path, capsys):
    import importlib.util

    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, 'find_spec',
                        lambda name, *args: None if name == 'natasha' else real_find_spec(name, *args))
    status = main(['extract', 'seeds', '--out', str(tmp_path / 'out'), '--workers', '1', '-q'])
    assert status == 2
    assert 'pip install natasha' in capsys.readouterr().err
    assert not (tmp_path / 'out' / 'mentions.csv').exists()


def test_tables_are_the_same_in_every_run(tmp_path):
    """Byte for byte, whatever the string hash seed of the process (set iteration order follows it) and
    the number of workers: the seed article, plus texts where a gazetteer word has two readings."""
    corpus = tmp_path / 'corpus.jsonl'
    texts = [next((ROOT / 'seeds').glob('*.txt')).read_text(encoding='utf-8'),
             'Президент Филиппин и посол Палестины обсудили филиппино-американские учения.',
             'Тело Флинта нашли дома. Музыкант Кит Флинт умер в понедельник.']
    corpus.write_text(''.join(json.dumps({'id': f'd{i}', 'text': t}, ensure_ascii=False) + '\n'
                              for i, t in enumerate(texts)), encoding='utf-8')
    outputs = []
    for seed, workers in (('1', '1'), ('2', '2')):
        out = tmp_path / f'out{seed}'
        done = subprocess.run([sys.executable, '-m', 'pipeline', 'extract', str(corpus), '--out', str(out), '-q',
                               '--workers', workers, '--chunk-size', '1'], cwd=ROOT, capture_output=True,
                              timeout=300, env={**os.environ, 'PYTHONHASHSEED': seed})
        assert done.returncode == 0, done.stderr[-2000:]
        outputs.append({p.name: p.read_bytes() for p in sorted(out.glob('*.csv'))})
    assert len(outputs[0]) == 9 and outputs[0] == outputs[1]
