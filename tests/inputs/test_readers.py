"""pipeline.inputs.readers: every input kind, bad rows, usage errors, lazy reading."""
from __future__ import annotations

import json

import pytest

from pipeline import Document, Failed, iter_documents, read_text_file
from pipeline.inputs.readers import InputError, check_inputs


def test_vanished_file(tmp_path):
    doc = read_text_file(tmp_path / 'gone.txt')
    assert isinstance(doc, Failed) and doc.id == 'gone' and 'cannot read' in doc.reason


def _write_jsonl(path, rows):
    path.write_text('\n'.join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + '\n',
                    encoding='utf-8')


def test_every_input_kind_and_bad_rows(tmp_path):
    import pandas as pd

    folder = tmp_path / 'folder'
    (folder / 'sub').mkdir(parents=True)
    (folder / 'a.txt').write_text('Путин в Москве.', encoding='utf-8')
    (folder / 'sub' / 'a.txt').write_text('Мадуро в Каракасе.', encoding='utf-8')
    (folder / 'notes.md').write_text('not an input', encoding='utf-8')
    _write_jsonl(tmp_path / 'c.jsonl', [{'id': 'j1', 'text': 'Россия'}, {'id': 'j2'}, {'id': 'j3', 'text': ''},
                                        'not json', '[1, 2]', {'text': 'без id'}, {'id': 'j1', 'text': 'дубль'},
                                        {'id': 7, 'text': 'число'}, '{"id": "sur", "text": "a\\ud800b"}'])
    (tmp_path / 'd.csv').write_text('id,text,extra\nc1,"Текст, с запятой",x\nc2,"bad"x,y\nc3,a,b,c\n'
                                    'c4,"много\nстрок",z\nc5,,z\n', encoding='utf-8')
    pd.DataFrame({'doc': ['p1', 'p2'], 'body': ['Китай', None]}).to_parquet(tmp_path / 'e.parquet')
    docs = list(iter_documents([str(folder), str(tmp_path / 'c.jsonl'), str(tmp_path / 'd.csv')]))
    docs += list(iter_documents([str(tmp_path / 'e.parquet')], 'doc', 'body'))
    status = {}
    for d in docs:
        status.setdefault(d.id, type(d).__name__)  # the first document with an id
    assert [d.id for d in docs[:2]] == ['a', 'sub/a']
    assert status['j1'] == 'Document' and status['j2'] == 'Failed' and status['j3'] == 'Failed'
    assert status['c:4'] == 'Failed' and status['c:5'] == 'Failed' and status['c:6'] == 'Failed'
    assert [type(d).__name__ for d in docs if d.id == 'j1'] == ['Document', 'Failed']  # duplicate id
    assert status['7'] == 'Document'
    assert next(d for d in docs if d.id == 'sur').text == 'a\ufffdb'  # lone surrogate, offsets kept
    assert status['c1'] == 'Document' and status['c4'] == 'Document' and status['c5'] == 'Failed'
    assert status['d:3'] == 'Failed' and status['c3'] == 'Failed'  # broken quoting; too many fields
    assert next(d for d in docs if d.id == 'c3').reason.startswith('broken CSV row')
    assert status['p1'] == 'Document' and status['p2'] == 'Failed'
    assert all('\n' not in d.reason for d in docs if isinstance(d, Failed))
    assert next(d for d in docs if d.id == 'j1').meta['encoding'] == 'utf-8'


def test_glob_patterns_keep_ids_relative_to_the_pattern_folder(tmp_path):
    for name in ('2024/001.txt', '2025/001.txt', '2025/002.txt'):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text('Путин', encoding='utf-8')
    docs = list(iter_documents([str(tmp_path / '**' / '*.txt')]))
    assert [d.id for d in docs] == ['2024/001', '2025/001', '2025/002']
    assert all(isinstance(d, Document) for d in docs)


def test_unreadable_table_file_is_one_failure(tmp_path):
    (tmp_path / 'broken.parquet').write_bytes(b'not parquet at all')
    docs = list(iter_documents([str(tmp_path / 'broken.parquet')]))
    assert len(docs) == 1 and isinstance(docs[0], Failed) and 'Parquet' in docs[0].reason


@pytest.mark.parametrize('make', [
    lambda p: str(p / 'missing.txt'),
    lambda p: str(p / 'nothing-*.txt'),
    lambda p: (p / 'x.docx').write_text('x') and str(p / 'x.docx'),
    lambda p: (p / 'x.csv').write_text('key,body\n1,a\n') and str(p / 'x.csv'),
])
def test_usage_errors_are_found_before_any_work(tmp_path, make):
    with pytest.raises(InputError):
        check_inputs([make(tmp_path)])


def test_documents_are_read_lazily(tmp_path, monkeypatch):
    """A folder is listed up front, but each file is read only when its document is asked for."""
    import pipeline.inputs.readers as documents

    for i in range(50):
        (tmp_path / f'{i:02d}.txt').write_text('Россия', encoding='utf-8')
    reads = []
    original = documents.read_text_file
    monkeypatch.setattr(documents, 'read_text_file',
                        lambda path, doc_id=None: reads.append(path) or original(path, doc_id))
    stream = iter_documents([str(tmp_path)])
    assert next(stream).id == '00' and len(reads) == 1
    assert next(stream).id == '01' and len(reads) == 2
