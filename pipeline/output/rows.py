"""Tidy rows from records: one row per document, per mention, per entity in a document, per arms
transfer, per error.

Rows are built per document (`document_rows`), so the batch runner can stream them to disk.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..doc import Document, Failed
from ..extract import shared_extractor
from ..inputs.readers import one_line

if TYPE_CHECKING:
    from ..extract import Extraction, Extractor


DOCUMENT_COLUMNS = ['doc_id', 'source', 'status', 'reason', 'encoding', 'date', 'place', 'title', 'characters',
                    'sentences', 'tokens', 'mentions', 'persons', 'countries', 'weapons']
MENTION_COLUMNS = ['doc_id', 'type', 'start', 'end', 'text', 'entity', 'code', 'normal', 'kind', 'weapon_class',
                   'origin', 'sentence', 'source', 'wikidata']
ENTITY_COLUMNS = ['doc_id', 'type', 'entity', 'code', 'weapon_class', 'origin', 'mentions', 'first_start', 'wikidata']
ERROR_COLUMNS = ['doc_id', 'source', 'reason']
# ../shared/eval/TRANSFERS.md: start/end and text are the evidence sentence; mention_start/mention_end the
# weapon (or category) mention, as in the mentions table; trigger the word that states it.
TRANSFER_COLUMNS = ['doc_id', 'supplier', 'recipient', 'weapon', 'category', 'status', 'quantity', 'start', 'end',
                    'text', 'mention_start', 'mention_end', 'trigger', 'sentence']
COLUMNS = {'documents': DOCUMENT_COLUMNS, 'mentions': MENTION_COLUMNS, 'entities': ENTITY_COLUMNS,
           'transfers': TRANSFER_COLUMNS, 'errors': ERROR_COLUMNS}
INTEGER_COLUMNS = {'characters', 'sentences', 'tokens', 'mentions', 'persons', 'countries', 'weapons', 'start', 'end',
                   'sentence', 'first_start', 'quantity', 'mention_start', 'mention_end'}


@dataclass(slots=True)
class Rows:
    """The rows one document contributes to each table."""

    documents: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    transfers: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)

    def extend(self, other: Rows) -> None:
        for name in COLUMNS:
            getattr(self, name).extend(getattr(other, name))


def document_rows(doc: Document | Failed, result: Extraction | None = None, error: str = '') -> Rows:
    """Rows for one document: its extraction, or the reason it failed (`error` or a `Failed` record)."""
    meta = doc.meta or {}
    base = {'doc_id': doc.id, 'source': doc.source, 'encoding': meta.get('encoding', ''), 'date': meta.get('date', ''),
            'place': meta.get('place', ''), 'title': meta.get('title', '')}
    reason = one_line(doc.reason if isinstance(doc, Failed) else error)
    if reason or result is None:
        row = {**base, 'status': 'error', 'reason': reason, 'characters': len(getattr(doc, 'text', '') or ''),
               'sentences': 0, 'tokens': 0, 'mentions': 0, 'persons': 0, 'countries': 0, 'weapons': 0}
        return Rows(documents=[row], errors=[{'doc_id': doc.id, 'source': doc.source, 'reason': reason}])
    mentions = result.mentions
    types = Counter(m.type for m in mentions)
    row = {**base, 'status': 'ok', 'reason': '', 'characters': len(doc.text), 'sentences': result.sentences,
           'tokens': result.tokens, 'mentions': len(mentions), 'persons': types['person'],
           'countries': types['country'], 'weapons': types['weapon']}
    mention_rows = [{
        'doc_id': doc.id, 'type': m.type, 'start': m.start, 'end': m.end, 'text': m.text, 'entity': m.entity,
        'code': m.code, 'normal': m.normal, 'kind': m.kind, 'weapon_class': m.weapon_class, 'origin': m.origin,
        'sentence': m.sentence, 'source': m.source, 'wikidata': m.wikidata} for m in mentions]
    transfer_rows = [{
        'doc_id': doc.id, 'supplier': t.supplier, 'recipient': t.recipient, 'weapon': t.weapon, 'category': t.category,
        'status': t.status, 'quantity': t.quantity, 'start': t.start, 'end': t.end, 'text': doc.text[t.start:t.end],
        'mention_start': t.mention_start, 'mention_end': t.mention_end, 'trigger': t.trigger,
        'sentence': t.sentence} for t in result.transfers]
    return Rows(documents=[row], mentions=mention_rows, entities=entity_rows(doc.id, mentions), transfers=transfer_rows)


def entity_rows(doc_id: str, mentions) -> list[dict]:
    """One row per distinct (type, entity) of a document, with its mention count, by type then name."""
    groups: dict[tuple[str, str], dict] = {}
    for m in mentions:
        key = (m.type, m.code if m.type == 'country' else m.entity)
        row = groups.get(key)
        if row is None:
            groups[key] = {'doc_id': doc_id, 'type': m.type, 'entity': m.entity, 'code': m.code,
                           'weapon_class': m.weapon_class, 'origin': m.origin, 'mentions': 1, 'first_start': m.start,
                           'wikidata': m.wikidata}
        else:
            row['mentions'] += 1
            row['weapon_class'] = row['weapon_class'] or m.weapon_class
            row['origin'] = row['origin'] or m.origin
            row['wikidata'] = row['wikidata'] or m.wikidata
    order = {'person': 0, 'country': 1, 'weapon': 2}
    return sorted(groups.values(), key=lambda r: (order[r['type']], r['entity'], r['code']))


def process_document(doc: Document | Failed, extractor: Extractor | None = None, transfers: bool = True) -> Rows:
    """The table rows of one document (by this process's shared extractor, with or without the transfer
    stage, unless one is given); an exception becomes an error row, never a lost document."""
    if isinstance(doc, Failed):
        return document_rows(doc)
    try:
        result = (extractor or shared_extractor(transfers))(doc.text, doc.id, doc.meta.get('skip', ()))
    except Exception as error:  # one bad document must not stop the batch
        return document_rows(doc, error=one_line(f'{type(error).__name__}: {error}'))
    return document_rows(doc, result)
