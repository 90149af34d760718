"""pipeline.extract: the steps in order, offsets into the whole text, header skipping."""
from __future__ import annotations

import json

import pytest

from pipeline import read_text_file
from tests.paths import EVAL, ROOT

WEAPONS_DEV = EVAL / 'weapons-dev.jsonl'
TEXTS = [
    'Путин встретился с Мадуро в Москве.',
    'Переговоры российско-американских экспертов:\r\nСША и РФ обсудили «Калибры» и Су 57.',
    'Владимир\xa0Путин и\tСи\u00a0Цзиньпин обсудили С-400 «Триумф» — Ёлкин был против.',
    '«Искандеров-М» у КНДР нет, заявил Н. Мадуро; ОАЭ закупили Leopard 2A6 и F/A-18.',
    '\n\n   Ким Чен Ын\n\nпосетил Пхеньян и КНР.   ',
]


def check_offsets(text, mentions):
    for m in mentions:
        assert text[m.start:m.end] == m.text, (m.type, m.start, m.end, m.text)
        assert 0 <= m.start < m.end <= len(text)


@pytest.mark.parametrize('text', TEXTS)
def test_offsets_index_the_text(extractor, text):
    mentions = extractor(text, 'doc').mentions
    assert mentions, text
    check_offsets(text, mentions)
    assert all(m.doc_id == 'doc' for m in mentions)
    assert [(m.start, m.end) for m in mentions] == sorted((m.start, m.end) for m in mentions)


def test_offsets_on_seed_and_gold_texts(extractor):
    texts = [read_text_file(p).text for p in sorted((ROOT / 'seeds').glob('*.txt'))]
    if WEAPONS_DEV.is_file():
        with open(WEAPONS_DEV, encoding='utf-8') as f:
            texts += [json.loads(line)['text'] for _, line in zip(range(5), f)]
    assert texts
    for text in texts:
        check_offsets(text, extractor(text).mentions)


def test_sentence_index(extractor):
    text = 'Путин прилетел. Мадуро встретил его в аэропорту.'
    assert [(m.text, m.sentence) for m in extractor(text).mentions] == [('Путин', 0), ('Мадуро', 1)]


def test_header_is_skipped(extractor):
    header = ' date 2025-11-04 Россия США Путин\n'
    text = header + 'Мадуро прилетел в Китай.'
    skipped = extractor(text, skip=((0, len(header) - 1),)).mentions
    assert [(m.type, m.text, m.start) for m in skipped] == [
        ('person', 'Мадуро', len(header)), ('country', 'Китай', len(header) + 18)]
    check_offsets(text, skipped)
    unskipped = extractor(text).mentions
    assert {'Россия', 'США'} <= {m.text for m in unskipped}


def test_a_name_with_a_latin_lookalike_is_read_as_written_in_cyrillic(extractor):
    text = 'Президент Франcиско Флорес прибыл в Москву.'
    person = next(m for m in extractor(text).mentions if m.type == 'person')
    assert (person.text, person.entity) == ('Франcиско Флорес', 'Франсиско Флорес')  # text as written


def test_transfers_switched_off_leave_the_mentions_as_they_are(extractor):
    """`Extractor(transfers=False)`: no transfer rows, no syntax models, the same mentions."""
    from pipeline.extract import Extractor
    from pipeline.relations import FindTransfers

    bare = Extractor(transfers=False)
    assert not any(isinstance(step, FindTransfers) for step in bare.document_steps)
    texts = [read_text_file(p).text for p in sorted((ROOT / 'seeds').glob('*.txt'))] + TEXTS
    for text in texts:
        on, off = extractor(text, 'd'), bare(text, 'd')
        assert off.transfers == []
        assert [(m.type, m.start, m.end, m.entity, m.code, m.kind) for m in on.mentions] == [
            (m.type, m.start, m.end, m.entity, m.code, m.kind) for m in off.mentions]
    assert {t.weapon for t in extractor(texts[0], 'd').transfers} >= {'Орешник', 'Калибр', 'Игла-С'}
