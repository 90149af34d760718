"""Corpus tables: one row per entity over all documents, and which entities share a sentence.

`summarize` gives `summary.csv`: one row per person, country and weapon of the corpus, with its
number of documents and mentions and the first and last document date. Persons are merged across
documents: a surname-only person (`Мадуро`) joins the full name when the corpus gives exactly one full
name with that surname (`Николас Мадуро`); ambiguous surnames stay apart and are counted.

`cooccurrence` gives `cooccurrence.csv` (one row per distinct pair of entities of different types in
one sentence of one document) and `cooccurrence_corpus.csv` (those pairs summed over the corpus).

`write_corpus_tables` reads `documents.csv` and `mentions.csv` of an output folder and writes the
three tables beside them, streaming: its memory grows with the entities and pairs, not the mentions.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

from .corpus_names import Key, Names, _names_from_spellings, canonical_names, mention_key
from .read import _table_path, cell_text, iter_table
from .write import write_csv_rows

if TYPE_CHECKING:  # pandas loads only for the DataFrame functions: the batch's streaming pass needs none
    import pandas as pd
TYPES = ('person', 'country', 'weapon')
TYPE_ORDER = {t: i for i, t in enumerate(TYPES)}
SUMMARY_COLUMNS = ['type', 'entity', 'code', 'weapon_class', 'origin', 'documents', 'mentions', 'first_date',
                   'last_date', 'merged']
PAIR_COLUMNS = ['doc_id', 'sentence', 'type_a', 'entity_a', 'type_b', 'entity_b']
CORPUS_PAIR_COLUMNS = ['type_a', 'entity_a', 'type_b', 'entity_b', 'documents', 'sentences']


def _rank(kind: str) -> int:
    return TYPE_ORDER.get(kind, len(TYPES))


def _documents_dates(documents: pd.DataFrame | None) -> dict[str, str]:
    if documents is None or 'date' not in documents:
        return {}
    pairs = ((cell_text(doc), cell_text(date)) for doc, date in zip(documents['doc_id'], documents['date']))
    return {doc: date for doc, date in pairs if date}


def summarize(documents: pd.DataFrame | None, mentions: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The corpus summary (columns `SUMMARY_COLUMNS`) and the number of ambiguous surnames.

    One row per entity: persons merged across documents (see `canonical_names`), countries keyed by
    code, weapons by name. `documents`/`mentions` count where and how often it occurs;
    `first_date`/`last_date` are the earliest and latest `date` of those documents that have one;
    `merged` lists the other names that joined the row (`Мадуро`). Rows: person, country, weapon,
    then mentions (most first), then name.
    """
    names = canonical_names(mentions)
    summary = summary_table(documents, mentions, names)
    return summary, len(names.ambiguous)


def summary_table(documents: pd.DataFrame | None, mentions: pd.DataFrame, names: Names) -> pd.DataFrame:
    import pandas as pd

    dates = _documents_dates(documents)
    rows = _SummaryRows(names)
    for record in mentions.to_dict('records'):
        doc = cell_text(record['doc_id'])
        rows.add(doc, cell_text(record['type']), cell_text(record['entity']), cell_text(record['code']),
                 cell_text(record.get('weapon_class')), cell_text(record.get('origin')), dates.get(doc, ''))
    return pd.DataFrame(rows.table(), columns=SUMMARY_COLUMNS)


class _Distinct:
    """How many distinct documents: a set, or — when `grouped`, all rows of a document coming
    together — a count and the last document seen (constant memory)."""

    __slots__ = ('grouped', 'seen', 'count', 'last')

    def __init__(self, grouped: bool) -> None:
        self.grouped = grouped
        self.seen: set[str] | None = None if grouped else set()
        self.count = 0
        self.last: str | None = None

    def add(self, doc: str) -> None:
        if self.seen is not None:
            self.seen.add(doc)
        elif doc != self.last:
            self.count += 1
            self.last = doc

    def __len__(self) -> int:
        return len(self.seen) if self.seen is not None else self.count


class _SummaryRow:
    __slots__ = ('type', 'entity', 'code', 'classes', 'origins', 'docs', 'mentions', 'first_date', 'last_date',
                 'merged')

    def __init__(self, kind: str, entity: str, code: str, grouped: bool) -> None:
        self.type, self.entity, self.code = kind, entity, code
        self.classes: Counter = Counter()
        self.origins: Counter = Counter()
        self.docs = _Distinct(grouped)
        self.mentions = 0
        self.first_date = self.last_date = ''
        self.merged: set[str] = set()


class _SummaryRows:
    """The summary's rows, built one mention at a time: memory grows with the entities (and their
    spellings, classes and origins), not with the mentions. `grouped`: see `_Distinct`."""

    def __init__(self, names: Names, grouped: bool = False) -> None:
        self.names = names
        self.grouped = grouped
        self.rows: dict[Key, _SummaryRow] = {}

    def add(self, doc: str, kind: str, entity: str, code: str, weapon_class: str, origin: str, date: str) -> None:
        key = self.names.corpus_key(kind, entity, code)
        row = self.rows.get(key)
        if row is None:
            row = self.rows[key] = _SummaryRow(kind, self.names.name.get(key, entity), code, self.grouped)
        row.mentions += 1
        row.docs.add(doc)
        if date:
            row.first_date = min(row.first_date, date) if row.first_date else date
            row.last_date = max(row.last_date, date)
        if entity != row.entity:
            row.merged.add(entity)
        if weapon_class:
            row.classes[weapon_class] += 1
        if origin:
            row.origins[origin] += 1

    def table(self) -> list[dict]:
        """The rows (dicts of `SUMMARY_COLUMNS`): person, country, weapon, then mentions (most first),
        then name."""
        out = [{'type': row.type, 'entity': row.entity, 'code': row.code,
                'weapon_class': _most_common(row.classes), 'origin': _most_common(row.origins),
                'documents': len(row.docs), 'mentions': row.mentions,
                'first_date': row.first_date, 'last_date': row.last_date,
                'merged': '; '.join(sorted(row.merged))} for row in self.rows.values()]
        out.sort(key=lambda r: (_rank(r['type']), r['type'], -r['mentions'], r['entity'], r['code']))
        return out


def _most_common(counts: Counter) -> str:
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0] if counts else ''


def cooccurrence(mentions: pd.DataFrame, names: Names | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Entities of different types in one sentence: per document, and summed over the corpus.

    `names` is the corpus naming of `canonical_names(mentions)` (computed when not given), so the
    pairs use the same merged person names as the summary. Returns

    - per sentence (`PAIR_COLUMNS`): one row per distinct pair in a sentence of a document, the pair
      ordered person < country < weapon; rows in document order (as the mentions come), then
      sentence, then pair;
    - corpus (`CORPUS_PAIR_COLUMNS`): per pair, the number of documents and of sentences it occurs
      in, sorted by sentences (most first), then by pair.

    Mentions without a sentence index (empty or negative) are left out.
    """
    import pandas as pd

    names = names or canonical_names(mentions)
    sentences: dict[tuple[str, int], set[tuple[int, str, str]]] = {}
    for doc, sentence, kind, entity, code in zip(mentions['doc_id'], mentions['sentence'], mentions['type'],
                                                 mentions['entity'], mentions['code']):
        number = _sentence_number(sentence)
        if number is None:
            continue
        kind = cell_text(kind)
        name = names(kind, cell_text(entity), cell_text(code))
        sentences.setdefault((cell_text(doc), number), set()).add((_rank(kind), kind, name))
    doc_order = {doc: i for i, doc in enumerate(dict.fromkeys(cell_text(d) for d in mentions['doc_id']))}
    rows = []
    for (doc, number) in sorted(sentences, key=lambda item: (doc_order[item[0]], item[1])):
        rows.extend(_sentence_pairs(doc, number, sentences[(doc, number)]))
    pairs = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    totals = _PairTotals()
    for row in rows:
        totals.add(row)
    return pairs, pd.DataFrame(totals.table(), columns=CORPUS_PAIR_COLUMNS)


def _sentence_pairs(doc: str, number: int, entities: Iterable[tuple[int, str, str]]) -> Iterator[list]:
    """The rows of `cooccurrence.csv` for one sentence's entities `(rank, type, name)`."""
    for a, b in combinations(sorted(entities), 2):
        if a[1] != b[1]:
            yield [doc, number, a[1], a[2], b[1], b[2]]


class _PairTotals:
    """`cooccurrence_corpus.csv` summed one `cooccurrence.csv` row at a time: memory grows with the
    distinct pairs. `grouped`: see `_Distinct`."""

    def __init__(self, grouped: bool = False) -> None:
        self.grouped = grouped
        self.totals: dict[tuple[str, str, str, str], list] = {}

    def add(self, row: list) -> None:
        doc, _, *pair = row
        entry = self.totals.get(tuple(pair))
        if entry is None:
            entry = self.totals[tuple(pair)] = [_Distinct(self.grouped), 0]
        entry[0].add(doc)
        entry[1] += 1

    def table(self) -> list[list]:
        """Rows of `CORPUS_PAIR_COLUMNS`, by sentences (most first), then by pair."""
        corpus = [[*pair, len(docs), count] for pair, (docs, count) in self.totals.items()]
        corpus.sort(key=lambda r: (-r[5], _rank(r[0]), r[0], r[1], _rank(r[2]), r[2], r[3]))
        return corpus


def _sentence_number(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number >= 0 else None


MENTION_FIELDS = ('doc_id', 'type', 'entity', 'code', 'sentence', 'weapon_class', 'origin')
Rows = Callable[[str, tuple[str, ...]], Iterator[tuple]]  # (table name, columns) -> the rows' cells


class _DocumentDates:
    """The `date` of a document of the documents table, looked up by walking the table alongside the
    mentions (both come in document order): memory stays flat in the number of documents. A document
    not found ahead restarts the walk from the top, so any order still gives the right dates."""

    def __init__(self, rows: Rows) -> None:
        self.table = rows
        self.rows = self._open()

    def _open(self) -> Iterator[tuple]:
        return self.table('documents', ('doc_id', 'date'))

    def __call__(self, doc: str) -> str:
        for restart in (False, True):
            if restart:
                self.rows = self._open()
            for other, date in self.rows:
                if cell_text(other) == doc:
                    return cell_text(date)
        return ''


def _mention_cells(rows: Rows) -> Iterator[tuple[str, str, str, str, object, str, str]]:
    """`MENTION_FIELDS` of each row of the mentions table (as text, but for the sentence cell)."""
    for doc, kind, entity, code, sentence, weapon_class, origin in rows('mentions', MENTION_FIELDS):
        yield (cell_text(doc), cell_text(kind), cell_text(entity), cell_text(code), sentence,
               cell_text(weapon_class), cell_text(origin))


def _stream_pairs(cells: Iterable[tuple], names: Names, totals: _PairTotals, written: list[int]) -> Iterator[list]:
    """The rows of `cooccurrence.csv`, a document at a time (its mentions must come together), added
    to `totals` as they go; `written[0]` counts them."""
    current: str | None = None
    sentences: dict[int, set[tuple[int, str, str]]] = {}

    def flush() -> Iterator[list]:
        for number in sorted(sentences):
            for row in _sentence_pairs(current, number, sentences[number]):
                totals.add(row)
                written[0] += 1
                yield row

    for doc, kind, entity, code, sentence, _, _ in cells:
        if doc != current:
            yield from flush()
            current, sentences = doc, {}
        number = _sentence_number(sentence)
        if number is not None:
            sentences.setdefault(number, set()).add((_rank(kind), kind, names(kind, entity, code)))
    yield from flush()


def write_corpus_tables(out: Path, write_csv: Callable = write_csv_rows, rows: Rows | None = None) -> dict:
    """Read `out/documents.csv` and `out/mentions.csv`, write `summary.csv`, `cooccurrence.csv` and
    `cooccurrence_corpus.csv` into `out` with `write_csv(path, columns, rows)` (by default
    `pipeline.write.write_csv_rows`: UTF-8 with BOM, spreadsheet-safe, atomic). `.parquet` tables or
    `tables.xlsx` are read instead when there is no CSV, as `read_table` does. `rows(name, columns)`,
    if given, yields the cells of the tables instead (the batch runner reads its parts so).

    Streams: the mentions are read twice, a row at a time (names; then summary and pairs), and only
    aggregates over entities and pairs are kept, so memory stays flat in the number of documents and
    mentions. The mentions of a document must come together, in document order (as the batch runner
    writes them); the documents table is walked alongside for the dates.

    Returns statistics for the run summary: `entities` (rows of summary.csv, and `persons`,
    `countries`, `weapons` per type), `ambiguous_surnames` (count), `pairs` (distinct pairs over the
    corpus), `cooccurrences` (rows of cooccurrence.csv).
    """
    out = Path(out)
    if rows is None:
        _table_path(out, 'documents')  # as read_table: no documents table is an error
        rows = partial(iter_table, out)
    spellings: dict[Key, Counter] = defaultdict(Counter)
    for _, kind, entity, code, *_ in _mention_cells(rows):
        spellings[mention_key(kind, entity, code)][entity] += 1
    names = _names_from_spellings(spellings)
    del spellings

    dates = _DocumentDates(rows)
    summary = _SummaryRows(names, grouped=True)

    def counted(cells: Iterator[tuple]) -> Iterator[tuple]:  # the summary counts the rows on their way to the pairs
        current, date = None, ''
        for doc, kind, entity, code, sentence, weapon_class, origin in cells:
            if doc != current:
                current, date = doc, dates(doc)
            summary.add(doc, kind, entity, code, weapon_class, origin, date)
            yield doc, kind, entity, code, sentence, weapon_class, origin

    totals, written = _PairTotals(grouped=True), [0]
    pairs = _stream_pairs(counted(_mention_cells(rows)), names, totals, written)
    write_csv(out / 'cooccurrence.csv', list(PAIR_COLUMNS), pairs)
    for _ in pairs:  # a writer that stopped early: the totals and the summary still count every row
        pass
    summary_rows = summary.table()
    write_csv(out / 'summary.csv', list(SUMMARY_COLUMNS), ([r[c] for c in SUMMARY_COLUMNS] for r in summary_rows))
    corpus = totals.table()
    write_csv(out / 'cooccurrence_corpus.csv', list(CORPUS_PAIR_COLUMNS), corpus)
    types = Counter(r['type'] for r in summary_rows)
    return {'entities': len(summary_rows), 'persons': types['person'], 'countries': types['country'],
            'weapons': types['weapon'], 'ambiguous_surnames': len(names.ambiguous),
            'pairs': len(corpus), 'cooccurrences': written[0]}


def stats_text(stats: Mapping) -> str:
    """One line for the run summary."""
    return (f"{stats['entities']} entities ({stats['persons']} persons, {stats['countries']} countries, "
            f"{stats['weapons']} weapons), {stats['ambiguous_surnames']} ambiguous surnames kept apart, "
            f"{stats['pairs']} co-occurring pairs")
