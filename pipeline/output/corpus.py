"""Corpus tables: one row per entity over all documents, and which entities share a sentence.

`summarize` gives `summary.csv`: one row per person, country and weapon of the corpus, with its
number of documents and mentions and the first and last document date. Persons are merged across
documents: a surname-only person (`Мадуро`) joins the full name when the corpus gives exactly one full
name with that surname (`Николас Мадуро`); ambiguous surnames stay apart and are counted.

`cooccurrence` gives `cooccurrence.csv` (one row per distinct pair of entities of different types in
one sentence of one document) and `cooccurrence_corpus.csv` (those pairs summed over the corpus).

`write_corpus_tables` reads `documents.csv` and `mentions.csv` of an output folder and writes the
three tables beside them, streaming: its memory grows with the entities and pairs, not the mentions;
and `transfers_corpus.csv` from `transfers.csv` where the folder has one (`transfers_corpus`).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from itertools import combinations
from pathlib import Path

from .corpus_names import Key, Names, _names_from_spellings, mention_key
from .read import _table_path, cell_text, has_table, iter_table
from .transfers_corpus import TRANSFER_CORPUS_COLUMNS, transfer_corpus_rows
from .write import write_csv_rows

TYPES = ('person', 'country', 'weapon')
TYPE_ORDER = {t: i for i, t in enumerate(TYPES)}
SUMMARY_COLUMNS = ['type', 'entity', 'code', 'weapon_class', 'origin', 'documents', 'mentions', 'first_date',
                   'last_date', 'merged']
PAIR_COLUMNS = ['doc_id', 'sentence', 'type_a', 'entity_a', 'type_b', 'entity_b']
CORPUS_PAIR_COLUMNS = ['type_a', 'entity_a', 'type_b', 'entity_b', 'documents', 'sentences']


def _rank(kind: str) -> int:
    return TYPE_ORDER.get(kind, len(TYPES))


class _Distinct:
    """How many distinct documents, where all rows of a document come together: a count and the last
    document seen (constant memory)."""

    __slots__ = ('count', 'last')

    def __init__(self) -> None:
        self.count = 0
        self.last: str | None = None

    def add(self, doc: str) -> None:
        if doc != self.last:
            self.count += 1
            self.last = doc

    def __len__(self) -> int:
        return self.count


class _SummaryRow:
    __slots__ = ('type', 'entity', 'code', 'classes', 'origins', 'docs', 'mentions', 'first_date', 'last_date',
                 'merged')

    def __init__(self, kind: str, entity: str, code: str) -> None:
        self.type, self.entity, self.code = kind, entity, code
        self.classes: Counter = Counter()
        self.origins: Counter = Counter()
        self.docs = _Distinct()
        self.mentions = 0
        self.first_date = self.last_date = ''
        self.merged: set[str] = set()


class _SummaryRows:
    """The summary's rows, built one mention at a time: memory grows with the entities (and their
    spellings, classes and origins), not with the mentions."""

    def __init__(self, names: Names) -> None:
        self.names = names
        self.rows: dict[Key, _SummaryRow] = {}

    def add(self, doc: str, kind: str, entity: str, code: str, weapon_class: str, origin: str, date: str) -> None:
        key = self.names.corpus_key(kind, entity, code)
        row = self.rows.get(key)
        if row is None:
            row = self.rows[key] = _SummaryRow(kind, self.names.name.get(key, entity), code)
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


def _sentence_pairs(doc: str, number: int, entities: Iterable[tuple[int, str, str]]) -> Iterator[list]:
    """The rows of `cooccurrence.csv` for one sentence's entities `(rank, type, name)`."""
    for a, b in combinations(sorted(entities), 2):
        if a[1] != b[1]:
            yield [doc, number, a[1], a[2], b[1], b[2]]


class _PairTotals:
    """`cooccurrence_corpus.csv` summed one `cooccurrence.csv` row at a time: memory grows with the
    distinct pairs."""

    def __init__(self) -> None:
        self.totals: dict[tuple[str, str, str, str], list] = {}

    def add(self, row: list) -> None:
        doc, _, *pair = row
        entry = self.totals.get(tuple(pair))
        if entry is None:
            entry = self.totals[tuple(pair)] = [_Distinct(), 0]
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


@dataclass
class CorpusRows:
    """The corpus tables' rows: `summary` (dicts of `SUMMARY_COLUMNS`), `corpus_pairs` (lists of
    `CORPUS_PAIR_COLUMNS`), the corpus naming they use, and how many per-sentence pairs there were."""

    summary: list[dict]
    corpus_pairs: list[list]
    names: Names
    cooccurrences: int


def corpus_rows(rows: Rows, write_pairs: Callable[[Iterator[list]], object]) -> CorpusRows:
    """The corpus tables of the tables `rows(name, columns)` yields; the rows of `cooccurrence.csv`
    (`PAIR_COLUMNS`) go to `write_pairs` as they stream.

    Streams: the mentions are read twice, a row at a time (names; then summary and pairs), and only
    aggregates over entities and pairs are kept, so memory stays flat in the number of documents and
    mentions. The mentions of a document must come together, in document order (as the batch runner
    writes them); the documents table is walked alongside for the dates.
    """
    spellings: dict[Key, Counter] = defaultdict(Counter)
    for _, kind, entity, code, *_ in _mention_cells(rows):
        spellings[mention_key(kind, entity, code)][entity] += 1
    names = _names_from_spellings(spellings)
    del spellings

    dates = _DocumentDates(rows)
    summary = _SummaryRows(names)

    def counted(cells: Iterator[tuple]) -> Iterator[tuple]:  # the summary counts the rows on their way to the pairs
        current, date = None, ''
        for doc, kind, entity, code, sentence, weapon_class, origin in cells:
            if doc != current:
                current, date = doc, dates(doc)
            summary.add(doc, kind, entity, code, weapon_class, origin, date)
            yield doc, kind, entity, code, sentence, weapon_class, origin

    totals, written = _PairTotals(), [0]
    pairs = _stream_pairs(counted(_mention_cells(rows)), names, totals, written)
    write_pairs(pairs)
    for _ in pairs:  # a writer that stopped early: the totals and the summary still count every row
        pass
    return CorpusRows(summary.table(), totals.table(), names, written[0])


def write_corpus_tables(out: Path, write_csv: Callable = write_csv_rows, rows: Rows | None = None) -> dict:
    """Read `out/documents.csv` and `out/mentions.csv`, write `summary.csv`, `cooccurrence.csv` and
    `cooccurrence_corpus.csv` into `out` with `write_csv(path, columns, rows)` (by default
    `pipeline.output.write.write_csv_rows`: UTF-8 with BOM, spreadsheet-safe, atomic). `.parquet` tables
    or `tables.xlsx` are read instead when there is no CSV, as `read_table` does. `rows(name, columns)`,
    if given, yields the cells of the tables instead (the batch runner reads its parts so). Streams, as
    `corpus_rows` says.

    Returns statistics for the run summary: `entities` (rows of summary.csv, and `persons`,
    `countries`, `weapons` per type), `ambiguous_surnames` (count), `pairs` (distinct pairs over the
    corpus), `cooccurrences` (rows of cooccurrence.csv), and `transfers` (rows of transfers_corpus.csv)
    where there is a transfers table.
    """
    out = Path(out)
    transfers = True
    if rows is None:
        _table_path(out, 'documents')  # as read_table: no documents table is an error
        rows = partial(iter_table, out)
        transfers = has_table(out, 'transfers')
    tables = corpus_rows(rows, partial(write_csv, out / 'cooccurrence.csv', list(PAIR_COLUMNS)))
    write_csv(out / 'summary.csv', list(SUMMARY_COLUMNS), ([r[c] for c in SUMMARY_COLUMNS] for r in tables.summary))
    write_csv(out / 'cooccurrence_corpus.csv', list(CORPUS_PAIR_COLUMNS), tables.corpus_pairs)
    types = Counter(r['type'] for r in tables.summary)
    stats = {'entities': len(tables.summary), 'persons': types['person'], 'countries': types['country'],
             'weapons': types['weapon'], 'ambiguous_surnames': len(tables.names.ambiguous),
             'pairs': len(tables.corpus_pairs), 'cooccurrences': tables.cooccurrences}
    if transfers:
        corpus = transfer_corpus_rows(rows, _DocumentDates(rows))
        write_csv(out / 'transfers_corpus.csv', list(TRANSFER_CORPUS_COLUMNS), corpus)
        stats['transfers'] = len(corpus)
    return stats


def stats_text(stats: Mapping) -> str:
    """One line for the run summary."""
    transfers = f", {stats['transfers']} arms transfers" if 'transfers' in stats else ''
    return (f"{stats['entities']} entities ({stats['persons']} persons, {stats['countries']} countries, "
            f"{stats['weapons']} weapons), {stats['ambiguous_surnames']} ambiguous surnames kept apart, "
            f"{stats['pairs']} co-occurring pairs{transfers}")
