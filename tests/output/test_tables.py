"""pipeline.output.tables: many documents as DataFrames."""
from __future__ import annotations

import pipeline
from pipeline import tables


def test_tables_returns_dataframes(extractor):
    doc = pipeline.make_document('d1', 'Путин встретился с Мадуро в Москве.', 'memory')
    failed = pipeline.Failed('d2', 'memory', 'empty file')
    frames = tables([doc, failed, 'Россия и Китай'], extractor)
    assert list(frames) == ['documents', 'mentions', 'entities', 'transfers', 'errors']
    assert list(frames['documents']['doc_id']) == ['d1', 'd2', '3']
    assert list(frames['documents']['status']) == ['ok', 'error', 'ok']
    mentions = frames['mentions']
    assert {'Владимир Путин', 'Россия'} & set(mentions['entity']) or len(mentions) > 0
    assert set(mentions['doc_id']) <= {'d1', '3'}
    assert frames['errors'].to_dict('records') == [{'doc_id': 'd2', 'source': 'memory', 'reason': 'empty file'}]
    assert frames['entities'].columns.tolist()[:3] == ['doc_id', 'type', 'entity']
    empty = tables([])
    assert all(frame.empty for frame in empty.values()) and list(empty['mentions'].columns)[0] == 'doc_id'
