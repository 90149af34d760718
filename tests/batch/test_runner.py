"""pipeline.batch: chunks, workers, resume after SIGKILL, formats, bad documents, Dask, huge texts."""
from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import pipeline
from pipeline import Options, run
from pipeline.inputs.readers import InputError
from pipeline.output.rows import COLUMNS
from tests.paths import ROOT

SEED = next((ROOT / 'seeds').glob('*.txt')).read_text(encoding='utf-8')
PARAGRAPHS = [p for p in SEED.split('\n\n')[1:] if p.strip()]
TABLES = ('documents', 'mentions', 'entities', 'transfers', 'errors')
CORPUS_TABLES = ('summary', 'cooccurrence', 'cooccurrence_corpus', 'transfers_corpus')


def corpus(folder: Path, count: int, repeat: int = 1) -> Path:
    """`count` small news documents (rotations of the seed's paragraphs, some with a header)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        body = '\n\n'.join(PARAGRAPHS[(i + k) % len(PARAGRAPHS)] for k in range(1 + i % 3)) * repeat
        header = f' date 2025-11-{1 + i % 28:02d} Москва\nЗаголовок {i}\n\n' if i % 2 else ''
        (folder / f'{i:03d}.txt').write_text(header + body, encoding='utf-8')
    return folder


def table_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / f'{name}.csv').read_bytes() for name in TABLES}


def read_rows(path: Path) -> list[dict]:
    with open(path, encoding='utf-8-sig', newline='') as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope='module')
def small(tmp_path_factory):
    return corpus(tmp_path_factory.mktemp('small'), 12)


@pytest.fixture(scope='module')
def reference(small, tmp_path_factory, extractor):
    out = tmp_path_factory.mktemp('reference')
    summary = run([str(small)], out, Options(chunk_size=5, quiet=True))
    assert summary.documents == 12 and summary.ok
    return out


def test_tables_appear_and_parts_are_removed(reference):
    assert sorted(p.name for p in reference.iterdir()) == sorted(f'{name}.csv' for name in TABLES + CORPUS_TABLES)
    documents = read_rows(reference / 'documents.csv')
    assert [d['doc_id'] for d in documents] == [f'{i:03d}' for i in range(12)]
    assert all(d['status'] == 'ok' and d['encoding'] == 'utf-8' for d in documents)
    assert int(documents[0]['mentions']) > 0 and read_rows(reference / 'mentions.csv')


def test_two_workers_and_any_chunk_size_give_identical_tables(small, reference, tmp_path):
    summary = run([str(small)], tmp_path, Options(workers=2, chunk_size=2, quiet=True))
    assert summary.documents == 12
    assert table_bytes(tmp_path) == table_bytes(reference)


def test_resume_after_sigkill_gives_identical_tables(tmp_path, extractor):
    docs = corpus(tmp_path / 'docs', 40, repeat=2)
    expected = tmp_path / 'expected'
    run([str(docs)], expected, Options(chunk_size=2, quiet=True))
    out = tmp_path / 'out'
    command = [sys.executable, '-m', 'pipeline', 'extract', str(docs), '--out', str(out), '--chunk-size', '2',
               '--workers', '1', '--quiet']
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    progress = out / '.parts' / 'progress.json'
    deadline = time.monotonic() + 120
    done = 0
    while time.monotonic() < deadline and process.poll() is None:
        try:
            done = json.loads(progress.read_text())['done']
        except (OSError, ValueError, KeyError):
            done = 0
        if done >= 3:
            break
        time.sleep(0.01)
    assert process.poll() is None, 'the run finished before it could be killed'
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 3 <= done < 20
    assert not any((out / f'{name}.csv').exists() for name in TABLES)  # no table before the rename
    resumed = subprocess.run(command + ['--resume'], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert table_bytes(out) == table_bytes(expected)
    assert not (out / '.parts').exists()


def test_resume_with_other_inputs_is_refused(small, tmp_path):
    parts = tmp_path / '.parts'
    parts.mkdir()
    (parts / 'progress.json').write_text(json.dumps({'signature': 'other', 'done': 1}))
    with pytest.raises(InputError):
        run([str(small)], tmp_path, Options(resume=True, quiet=True))


def test_parquet_and_xlsx(small, reference, tmp_path):
    import pyarrow.parquet as pq
    from openpyxl import load_workbook

    run([str(small)], tmp_path / 'pq', Options(fmt='parquet', quiet=True))
    run([str(small)], tmp_path / 'xl', Options(fmt='xlsx', quiet=True))
    assert sorted(p.name for p in (tmp_path / 'pq').iterdir()) == sorted(
        [f'{n}.parquet' for n in TABLES] + [f'{n}.csv' for n in CORPUS_TABLES])
    mentions = pq.read_table(tmp_path / 'pq' / 'mentions.parquet').to_pylist()
    assert len(mentions) == len(read_rows(reference / 'mentions.csv'))
    assert isinstance(mentions[0]['start'], int)
    book = load_workbook(tmp_path / 'xl' / 'tables.xlsx', read_only=True)
    assert book.sheetnames == list(TABLES)
    for name in TABLES:
        header = next(book[name].iter_rows(max_row=1, values_only=True))
        assert list(header) == COLUMNS[name]


def test_every_bad_document_is_accounted_for(tmp_path, monkeypatch, extractor):
    docs = tmp_path / 'docs'
    docs.mkdir()
    (docs / 'good.txt').write_text('Путин встретился с Мадуро в Москве.', encoding='utf-8')
    (docs / 'empty.txt').write_bytes(b'')
    (docs / 'binary.txt').write_bytes(bytes(range(256)) * 4)
    (docs / 'noise.txt').write_bytes(bytes(b or 1 for b in os.urandom(400)))
    (docs / 'cp1251.txt').write_bytes('Россия поставила Венесуэле С-400.'.encode('cp1251'))
    (docs / 'vanishing.txt').write_text('Этот файл удалят после того, как папку прочли.', encoding='utf-8')
    (tmp_path / 'rows.jsonl').write_text('{"id": "r1", "text": "Китай и Индия"}\n{"id": "r2"}\n'
                                         '{"id": "good", "text": "дубль"}\n{broken\n', encoding='utf-8')
    (tmp_path / 'rows.csv').write_text('id,text\nc1,Иран\nc2,"oops"x\nc3,a,b\n', encoding='utf-8')
    original = pipeline.inputs.readers.read_text_file

    def vanish_then_read(path, doc_id=None):
        if Path(path).name == 'vanishing.txt':
            Path(path).unlink()
        return original(path, doc_id)

    monkeypatch.setattr(pipeline.inputs.readers, 'read_text_file', vanish_then_read)
    inputs = [str(docs), str(tmp_path / 'rows.jsonl'), str(tmp_path / 'rows.csv')]
    summary = run(inputs, tmp_path / 'out', Options(chunk_size=3, quiet=True))
    documents = read_rows(tmp_path / 'out' / 'documents.csv')
    errors = read_rows(tmp_path / 'out' / 'errors.csv')
    status = {(d['doc_id'], d['status']) for d in documents}
    assert len(documents) == 13 == summary.documents
    expected_errors = {'binary', 'empty', 'noise', 'vanishing', 'r2', 'good', 'rows:4', 'rows:3', 'c3'}
    assert {d['doc_id'] for d in documents if d['status'] == 'error'} == expected_errors
    assert {('good', 'ok'), ('cp1251', 'ok'), ('r1', 'ok'), ('c1', 'ok')} <= status
    assert {e['doc_id'] for e in errors} == expected_errors and summary.failed == len(errors) == 9
    assert all(d['reason'] and '\n' not in d['reason'] for d in documents if d['status'] == 'error')
    assert next(d for d in documents if d['doc_id'] == 'cp1251')['encoding'] == 'cp1251'
    assert 'failed' in summary.text()


def test_spreadsheet_safety_and_ids_never_make_paths(tmp_path, extractor):
    rows = [{'id': '=1+2', 'text': ' date 2025-11-04 @Москва\n=HYPERLINK("http://x","y")\n\n-Россия и Путин.'},
            {'id': '../../escape', 'text': 'Мадуро'}, {'id': '/etc/passwd', 'text': 'Китай'},
            {'id': '..\\..\\win', 'text': 'Иран'}]
    source = tmp_path / 'in' / '+cmd.jsonl'
    source.parent.mkdir()
    source.write_text('\n'.join(json.dumps(r, ensure_ascii=False) for r in rows), encoding='utf-8')
    before = {p for p in tmp_path.rglob('*')}
    out = tmp_path / 'deep' / 'out'
    run([str(source)], out, Options(chunk_size=1, quiet=True))
    documents = read_rows(out / 'documents.csv')
    first = documents[0]
    assert first['doc_id'] == "'=1+2" and first['title'] == '\'=HYPERLINK("http://x","y")'
    assert first['place'] == ''  # `@Москва` is no place name: the rest of the date line is text
    assert int(first['countries']) >= 1  # numbers stay numbers
    assert [d['doc_id'] for d in documents[1:]] == ['../../escape', '/etc/passwd', '..\\..\\win']
    after = {p for p in tmp_path.rglob('*')}
    assert {p for p in after - before if out not in p.parents and p != out} == {out.parent}
    assert sorted(p.name for p in out.iterdir()) == sorted(f'{n}.csv' for n in TABLES + CORPUS_TABLES)
    run([str(source)], tmp_path / 'raw', Options(safe=False, quiet=True))
    assert read_rows(tmp_path / 'raw' / 'documents.csv')[0]['title'] == '=HYPERLINK("http://x","y")'
    run([str(source)], tmp_path / 'pq', Options(fmt='parquet', quiet=True))
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / 'pq' / 'documents.parquet').to_pylist()[0]['doc_id'] == '=1+2'


def test_progress_lines_when_not_a_terminal(small, tmp_path, capsys, extractor):
    run([str(small)], tmp_path / 'a', Options(chunk_size=4, progress_seconds=0))
    lines = capsys.readouterr().err.splitlines()
    assert lines and all(line.startswith('pipeline: ') and 'documents' in line for line in lines)
    run([str(small)], tmp_path / 'b', Options(chunk_size=4, progress_seconds=0, quiet=True))
    assert capsys.readouterr().err == ''


FORK_CHECK = """
import sys
import pipeline.batch as batch
import pipeline.batch.progress as progress
import pipeline.batch.workers as workers
progress._isatty = lambda stream: True  # a progress bar, as on a terminal: tqdm starts a monitor thread
methods = []
start = workers._Mapper._start_pool
def record(self):
    start(self)
    methods.append(self.pool._mp_context.get_start_method())
workers._Mapper._start_pool = record
summary = batch.run([sys.argv[1]], sys.argv[2], batch.Options(workers=2, chunk_size=3, corpus=False))
print(methods, summary.documents)
"""


@pytest.mark.skipif(sys.platform != 'linux', reason='the fork path is taken on Linux only')
def test_workers_are_forked_before_the_progress_bar_starts_its_thread(small, tmp_path):
    """Forked from the loaded parent (no second model load), and no fork-with-threads warning."""
    done = subprocess.run([sys.executable, '-W', 'error::DeprecationWarning', '-c', FORK_CHECK, str(small),
                           str(tmp_path / 'out')], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["['fork']", '12']


def _loads_per_worker(address: str) -> dict:
    from dask.distributed import Client

    with Client(address) as client:
        return client.run(lambda: __import__('pipeline.extract').extract.extractor_loads())


def test_dask_cluster_gives_the_same_tables(small, reference, tmp_path):
    distributed = pytest.importorskip('dask.distributed')
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host='127.0.0.1',
                                  dashboard_address=None) as cluster:
        run([str(small)], tmp_path, Options(engine='dask', scheduler=cluster.scheduler_address, chunk_size=2,
                                            quiet=True))
        loads = _loads_per_worker(cluster.scheduler_address)
    assert table_bytes(tmp_path) == table_bytes(reference)
    assert sorted(loads.values()) == [1, 1]  # each worker built its extractor once, for 6 chunks


@pytest.mark.slow
def test_huge_documents_finish(tmp_path, extractor):
    sentence = 'Президент России Владимир Путин обсудил с Николасом Мадуро поставки С-400 в Венесуэлу. '
    docs = tmp_path / 'docs'
    docs.mkdir()
    with open(docs / 'big.txt', 'w', encoding='utf-8') as f:
        for i in range(5_000_000 // len(sentence.encode())):
            f.write(sentence + ('\n' if i % 10 == 9 else ''))
    (docs / 'line.txt').write_text((sentence * (1_000_000 // len(sentence) + 1))[:1_000_000], encoding='utf-8')
    started = time.monotonic()
    summary = run([str(docs)], tmp_path / 'out', Options(quiet=True))
    assert summary.documents == 2
    documents = read_rows(tmp_path / 'out' / 'documents.csv')
    assert all(d['status'] == 'ok' for d in documents), documents
    assert time.monotonic() - started < 900
