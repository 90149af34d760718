"""pipeline.output.corpus, corpus_frames, corpus_names: summary and co-occurrence on the seed and a hand-made corpus."""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from pipeline.batch import Options, run
from pipeline.output.corpus import CORPUS_PAIR_COLUMNS, PAIR_COLUMNS, SUMMARY_COLUMNS, write_corpus_tables
from pipeline.output.corpus_frames import cooccurrence, summarize
from pipeline.output.corpus_names import canonical_names
from pipeline.output.read import read_table, unescape_cell
from pipeline.output.rows import DOCUMENT_COLUMNS, MENTION_COLUMNS
from pipeline.output.write import write_csv_rows
from tests.paths import SEEDS


@pytest.fixture(scope='module')
def seed_out(tmp_path_factory):
    out = tmp_path_factory.mktemp('seed')
    run([str(SEEDS)], out, Options(workers=1, quiet=True))
    return out


def _pairs(table):
    return {(r.type_a, r.entity_a, r.type_b, r.entity_b) for r in table.itertuples()}


def test_seed_tables_written(seed_out):
    stats = write_corpus_tables(seed_out)
    assert stats['ambiguous_surnames'] == 0
    assert stats['persons'] == 4 and stats['weapons'] == 3
    for name, columns in (('summary', SUMMARY_COLUMNS), ('cooccurrence', PAIR_COLUMNS),
                          ('cooccurrence_corpus', CORPUS_PAIR_COLUMNS)):
        raw = (seed_out / f'{name}.csv').read_bytes()
        assert raw.startswith(b'\xef\xbb\xbf')  # UTF-8 with BOM, as the other tables
        assert list(read_table(seed_out, name).columns) == columns


def test_seed_summary(seed_out):
    summary, ambiguous = summarize(read_table(seed_out, 'documents'), read_table(seed_out, 'mentions'))
    assert ambiguous == 0
    assert list(summary['type']) == sorted(summary['type'], key=['person', 'country', 'weapon'].index)
    persons = summary[summary['type'] == 'person']
    assert persons.iloc[0]['entity'] == 'Николас Мадуро'  # the most mentioned person, bare `Мадуро` merged in
    assert persons.iloc[0]['mentions'] == 6
    assert 'Мадуро' not in set(persons['entity'])
    assert {'Владимир Путин', 'Алексей Журавлев', 'Уго Чавес'} <= set(persons['entity'])
    countries = summary[summary['type'] == 'country'].set_index('code')
    assert countries.loc['VE', 'entity'] == 'Венесуэла' and countries.loc['VE', 'mentions'] == 11
    assert countries.loc['RU', 'entity'] == 'Россия'  # `Москвой`, `российских` all counted under RU
    assert countries.loc['RU', 'first_date'] == countries.loc['RU', 'last_date'] == '2025-11-04'
    weapons = summary[summary['type'] == 'weapon'].set_index('entity')
    assert weapons.loc['Орешник', 'weapon_class'] == 'баллистическая ракета'
    assert weapons.loc['Калибр', 'origin'] == 'RU'


def test_seed_cooccurrence(seed_out):
    pairs, corpus = cooccurrence(read_table(seed_out, 'mentions'))
    wanted = {('country', 'Венесуэла', 'weapon', 'Орешник'), ('country', 'Россия', 'weapon', 'Калибр'),
              ('person', 'Николас Мадуро', 'country', 'Россия')}
    assert wanted <= _pairs(pairs)
    assert wanted <= _pairs(corpus)
    assert not any(r.type_a == r.type_b for r in pairs.itertuples())
    assert not pairs.duplicated(['doc_id', 'sentence', 'type_a', 'entity_a', 'type_b', 'entity_b']).any()
    assert 'Мадуро' not in set(pairs['entity_a'])  # merged names only
    top = corpus.iloc[0]
    assert (top['entity_a'], top['entity_b'], top['sentences']) == ('Николас Мадуро', 'Россия', 4)
    assert list(corpus['sentences']) == sorted(corpus['sentences'], reverse=True)


def _mention(doc, kind, entity, sentence, code='', weapon_class='', origin='', start=0):
    row = dict.fromkeys(MENTION_COLUMNS, '')
    row.update(doc_id=doc, type=kind, entity=entity, normal=entity, text=entity, code=code, sentence=sentence,
               weapon_class=weapon_class, origin=origin, start=start, end=start + len(entity))
    return row


def _documents(dates):
    rows = []
    for doc, date in dates.items():
        row = dict.fromkeys(DOCUMENT_COLUMNS, '')
        row.update(doc_id=doc, status='ok', date=date)
        rows.append(row)
    return pd.DataFrame(rows, columns=DOCUMENT_COLUMNS)


DOCS = _documents({'d1': '2024-03-01', 'd2': '2024-01-15', 'd3': '', 'd4': '2023-12-31'})
MENTIONS = pd.DataFrame([
    _mention('d1', 'person', 'Николас Мадуро', 0),
    _mention('d1', 'country', 'Венесуэла', 0, code='VE'),
    _mention('d1', 'country', 'Россия', 1, code='RU'),
    _mention('d1', 'weapon', 'Калибр', 1, weapon_class='крылатая ракета', origin='RU'),
    _mention('d1', 'person', 'Сергей Иванов', 2),
    _mention('d1', 'country', 'Россия', 2, code='RU'),
    _mention('d2', 'person', 'МАДУРО', 0),  # bare surname, other case: joins Николас Мадуро
    _mention('d2', 'country', 'Россия', 0, code='RU'),
    _mention('d2', 'person', 'Мадуро', 0),  # the same pair twice in a sentence: one row
    _mention('d2', 'country', 'Венесуэла', 1, code='VE'),
    _mention('d2', 'person', 'Иванов', 1),  # ambiguous: Сергей Иванов and Пётр Иванов
    _mention('d2', 'person', 'Захаров', 2),  # joins Мария Захарова by lemma (masculine/feminine)
    _mention('d2', 'person', 'Елкин', 2),  # joins Андрей Ёлкин (ё read as е)
    _mention('d3', 'person', 'Пётр Иванов', 0),
    _mention('d3', 'person', 'Мария Захарова', 0),
    _mention('d3', 'country', 'Россия', 0, code='RU'),
    _mention('d3', 'weapon', 'Калибр', 0, weapon_class='крылатая ракета', origin='RU'),
    _mention('d3', 'person', 'Андрей Ёлкин', 1),
    _mention('d3', 'country', 'Россия', -1, code='RU'),  # no sentence: counted, never paired
    _mention('d4', 'person', 'Николас Мадуро', 0),
])


def test_handmade_summary():
    summary, ambiguous = summarize(DOCS, MENTIONS)
    assert ambiguous == 1
    rows = [tuple(r) for r in summary[['type', 'entity', 'documents', 'mentions', 'first_date', 'last_date']]
            .itertuples(index=False)]
    assert rows == [
        ('person', 'Николас Мадуро', 3, 4, '2023-12-31', '2024-03-01'),
        ('person', 'Андрей Ёлкин', 2, 2, '2024-01-15', '2024-01-15'),  # d3 has no date
        ('person', 'Мария Захарова', 2, 2, '2024-01-15', '2024-01-15'),
        ('person', 'Иванов', 1, 1, '2024-01-15', '2024-01-15'),
        ('person', 'Пётр Иванов', 1, 1, '', ''),
        ('person', 'Сергей Иванов', 1, 1, '2024-03-01', '2024-03-01'),
        ('country', 'Россия', 3, 5, '2024-01-15', '2024-03-01'),
        ('country', 'Венесуэла', 2, 2, '2024-01-15', '2024-03-01'),
        ('weapon', 'Калибр', 2, 2, '2024-03-01', '2024-03-01'),
    ]
    by_name = summary.set_index('entity')
    assert by_name.loc['Николас Мадуро', 'merged'] == 'МАДУРО; Мадуро'
    assert by_name.loc['Россия', 'code'] == 'RU'
    assert (by_name.loc['Калибр', 'weapon_class'], by_name.loc['Калибр', 'origin']) == ('крылатая ракета', 'RU')
    names = canonical_names(MENTIONS)
    assert names.ambiguous == {'Иванов': ['Пётр Иванов', 'Сергей Иванов']}


def test_handmade_cooccurrence():
    pairs, corpus = cooccurrence(MENTIONS)
    assert [tuple(r) for r in pairs.itertuples(index=False)] == [
        ('d1', 0, 'person', 'Николас Мадуро', 'country', 'Венесуэла'),
        ('d1', 1, 'country', 'Россия', 'weapon', 'Калибр'),
        ('d1', 2, 'person', 'Сергей Иванов', 'country', 'Россия'),
        ('d2', 0, 'person', 'Николас Мадуро', 'country', 'Россия'),
        ('d2', 1, 'person', 'Иванов', 'country', 'Венесуэла'),
        ('d3', 0, 'person', 'Мария Захарова', 'country', 'Россия'),
        ('d3', 0, 'person', 'Мария Захарова', 'weapon', 'Калибр'),
        ('d3', 0, 'person', 'Пётр Иванов', 'country', 'Россия'),
        ('d3', 0, 'person', 'Пётр Иванов', 'weapon', 'Калибр'),
        ('d3', 0, 'country', 'Россия', 'weapon', 'Калибр'),
    ]
    assert [tuple(r) for r in corpus.itertuples(index=False)][:1] == [
        ('country', 'Россия', 'weapon', 'Калибр', 2, 2)]
    assert len(corpus) == 9 and set(corpus['sentences'][1:]) == {1}
    # after the top pair: by type order, then names
    assert list(corpus['entity_a'][1:4]) == ['Иванов', 'Мария Захарова', 'Мария Захарова']


def test_surname_with_no_full_name_stays():
    mentions = pd.DataFrame([_mention('a', 'person', 'Шойгу', 0), _mention('a', 'country', 'Россия', 0, 'RU')])
    summary, ambiguous = summarize(None, mentions)
    assert ambiguous == 0 and list(summary['entity']) == ['Шойгу', 'Россия']
    assert list(summary['first_date']) == ['', '']


def test_empty_mentions():
    summary, ambiguous = summarize(DOCS, pd.DataFrame(columns=MENTION_COLUMNS))
    pairs, corpus = cooccurrence(pd.DataFrame(columns=MENTION_COLUMNS))
    assert (len(summary), ambiguous, len(pairs), len(corpus)) == (0, 0, 0, 0)
    assert list(summary.columns) == SUMMARY_COLUMNS


@pytest.mark.parametrize('cell, value', [("'=1+2", '=1+2'), ("'-5", '-5'), ("'@x", '@x'), ("'\tx", '\tx'),
                                         ("'abc", "'abc"), ("''=x", "''=x"), ("'", "'"), ('', '')])
def test_unescape_cell(cell, value):
    assert unescape_cell(cell) == value


def test_write_corpus_tables_round_trip(tmp_path):
    documents = DOCS.to_dict('records')
    mentions = MENTIONS.to_dict('records')
    mentions.append(_mention('d4', 'weapon', '=HYPERLINK("x")', 0))  # neutralised on write, restored on read
    write_csv_rows(tmp_path / 'documents.csv', DOCUMENT_COLUMNS, ([r[c] for c in DOCUMENT_COLUMNS] for r in documents))
    write_csv_rows(tmp_path / 'mentions.csv', MENTION_COLUMNS, ([r[c] for c in MENTION_COLUMNS] for r in mentions))
    read = read_table(tmp_path, 'mentions')
    assert read['sentence'].tolist()[-2:] == [0, 0] and read['sentence'].tolist()[-3] == -1
    assert read['entity'].iloc[-1] == '=HYPERLINK("x")'
    stats = write_corpus_tables(tmp_path)
    assert stats == {'entities': 10, 'persons': 6, 'countries': 2, 'weapons': 2, 'ambiguous_surnames': 1,
                     'pairs': 10, 'cooccurrences': 11}
    with open(tmp_path / 'summary.csv', encoding='utf-8-sig', newline='') as f:
        rows = list(csv.DictReader(f))
    weapon = next(r for r in rows if 'HYPERLINK' in r['entity'])
    assert weapon['entity'] == '\'=HYPERLINK("x")'  # written spreadsheet-safe again
    assert rows[0]['entity'] == 'Николас Мадуро' and rows[0]['mentions'] == '4'
    summary = read_table(tmp_path, 'summary')
    assert summary['mentions'].iloc[0] == 4


def test_write_corpus_tables_custom_writer(tmp_path):
    write_csv_rows(tmp_path / 'documents.csv', DOCUMENT_COLUMNS, [])
    write_csv_rows(tmp_path / 'mentions.csv', MENTION_COLUMNS,
                   ([r[c] for c in MENTION_COLUMNS] for r in MENTIONS.to_dict('records')))
    written = {}

    def writer(path, columns, rows):
        written[Path(path).name] = (columns, list(rows))

    write_corpus_tables(tmp_path, writer)
    assert set(written) == {'summary.csv', 'cooccurrence.csv', 'cooccurrence_corpus.csv'}
    assert written['cooccurrence.csv'][0] == PAIR_COLUMNS and len(written['cooccurrence.csv'][1]) == 10


@pytest.mark.parametrize('fmt', ['csv', 'parquet', 'xlsx'])
def test_write_corpus_tables_streams_as_dataframes(tmp_path, fmt):
    """The streaming writer gives the DataFrame functions' tables, from any table format, with the
    documents in another order than the mentions (the date walk restarts)."""
    from pipeline.output.rows import INTEGER_COLUMNS
    from pipeline.output.write import write_parquet, write_xlsx

    documents = [[r[c] for c in DOCUMENT_COLUMNS] for r in reversed(DOCS.to_dict('records'))]
    mentions = [[r[c] for c in MENTION_COLUMNS] for r in MENTIONS.to_dict('records')]
    if fmt == 'csv':
        write_csv_rows(tmp_path / 'documents.csv', DOCUMENT_COLUMNS, documents)
        write_csv_rows(tmp_path / 'mentions.csv', MENTION_COLUMNS, mentions)
    elif fmt == 'parquet':
        def ints(columns, rows):
            return [[None if c in INTEGER_COLUMNS and v == '' else v for c, v in zip(columns, r)] for r in rows]
        write_parquet(tmp_path / 'documents.parquet', DOCUMENT_COLUMNS, ints(DOCUMENT_COLUMNS, documents),
                      INTEGER_COLUMNS)
        write_parquet(tmp_path / 'mentions.parquet', MENTION_COLUMNS, ints(MENTION_COLUMNS, mentions), INTEGER_COLUMNS)
    else:
        write_xlsx(tmp_path / 'tables.xlsx', {'documents': (DOCUMENT_COLUMNS, documents),
                                              'mentions': (MENTION_COLUMNS, mentions)})
    written = {}

    def writer(path, columns, rows):
        written[Path(path).name] = [tuple(r) for r in rows]

    write_corpus_tables(tmp_path, writer)
    summary, _ = summarize(DOCS, MENTIONS)
    pairs, corpus = cooccurrence(MENTIONS)
    for name, table in (('summary.csv', summary), ('cooccurrence.csv', pairs), ('cooccurrence_corpus.csv', corpus)):
        assert written[name] == [tuple(r) for r in table.itertuples(index=False)]
