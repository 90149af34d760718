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

import csv
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

from .gazetteer import PREFIX
from .morph import fold, lemmas
from .tables import COLUMNS, INTEGER_COLUMNS
from .write import FORMULA_STARTS, write_csv_rows

if TYPE_CHECKING:  # pandas loads only for the DataFrame functions: the batch's streaming pass needs none
    import pandas as pd

TYPES = ('person', 'country', 'weapon')
TYPE_ORDER = {t: i for i, t in enumerate(TYPES)}
SUMMARY_COLUMNS = ['type', 'entity', 'code', 'weapon_class', 'origin', 'documents', 'mentions', 'first_date',
                   'last_date', 'merged']
PAIR_COLUMNS = ['doc_id', 'sentence', 'type_a', 'entity_a', 'type_b', 'entity_b']
CORPUS_PAIR_COLUMNS = ['type_a', 'entity_a', 'type_b', 'entity_b', 'documents', 'sentences']

Key = tuple[str, str]  # (type, key): a person's or weapon's folded name, a country's code


def _rank(kind: str) -> int:
    return TYPE_ORDER.get(kind, len(TYPES))


def cell_text(value) -> str:
    """A cell as text ('' for a missing value)."""
    if value is None or (isinstance(value, float) and value != value):
        return ''
    return str(value)


def mention_key(kind: str, entity: str, code: str = '') -> Key:
    """The key a mention's entity is counted under: countries by code, others by folded name."""
    if kind == 'country' and code:
        return kind, code
    return kind, fold(entity)


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word.endswith('.') and word[0].isupper()


def _is_full(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and not any(_is_initial(w) for w in words)


@dataclass
class Names:
    """How the mentions' entities map onto corpus entities.

    `key` maps a mention's own key (`mention_key`) to the corpus entity's key (a surname-only person
    to the full name it joined); `name` gives each corpus key its canonical name; `ambiguous` lists the
    bare surnames left apart because several full names in the corpus end in them.
    """

    key: dict[Key, Key] = field(default_factory=dict)
    name: dict[Key, str] = field(default_factory=dict)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)

    def __call__(self, kind: str, entity: str, code: str = '') -> str:
        """The canonical corpus name of one mention's entity."""
        own = mention_key(kind, entity, code)
        return self.name.get(self.key.get(own, own), entity)

    def corpus_key(self, kind: str, entity: str, code: str = '') -> Key:
        own = mention_key(kind, entity, code)
        return self.key.get(own, own)


class _FullNames:
    """Full person names indexed by their last word, to find those a bare surname can join: by folded
    spelling first (`Мадуро`/`МАДУРО`, `Журавлёв`/`Журавлев`), else by a shared pymorphy3 lemma
    (`Захаров`/`Захарова`). Looking up every surname against every full name was quadratic: 2 s of a
    10 s run on 746 texts. Inflection leaves a surname's first letters alone, so only the names that
    begin as the surname does are lemmatized (a cold dictionary look-up costs about 0.1 ms)."""

    def __init__(self, full_names: list[str]) -> None:
        self.names = full_names
        self.by_spelling: dict[str, list[str]] = defaultdict(list)
        self.by_prefix: dict[str, list[int]] = defaultdict(list)
        for i, name in enumerate(full_names):
            last = fold(name.split()[-1])
            self.by_spelling[last].append(name)
            self.by_prefix[last[:PREFIX]].append(i)

    def matches(self, surname: str) -> list[str]:
        """The full names `surname` can join, in the order given."""
        folded = fold(surname)
        exact = self.by_spelling.get(folded)
        if exact:
            return exact
        own = lemmas(surname)
        found = []
        for i in self.by_prefix.get(folded[:PREFIX], ()):
            last = self.names[i].split()[-1]
            if own & lemmas(last):
                found.append(self.names[i])
        return found


def canonical_names(mentions: pd.DataFrame) -> Names:
    """Corpus entities of a mentions table: keys, canonical names, merged persons, ambiguous surnames.

    A canonical name is the spelling of the entity most mentions use (ties: the first in sort order).
    """
    spellings: dict[Key, Counter] = defaultdict(Counter)
    for kind, entity, code in zip(mentions['type'], mentions['entity'], mentions['code']):
        kind, entity, code = cell_text(kind), cell_text(entity), cell_text(code)
        spellings[mention_key(kind, entity, code)][entity] += 1
    return _names_from_spellings(spellings)


def _names_from_spellings(spellings: Mapping[Key, Counter]) -> Names:
    """`canonical_names` from the spellings' counts of each mention key (in order of first mention)."""
    names = Names()
    own_name = {key: min(counts.items(), key=lambda item: (-item[1], item[0]))[0] for key, counts in spellings.items()}
    persons = {key: name for key, name in own_name.items() if key[0] == 'person'}
    full = _FullNames(sorted(name for name in persons.values() if _is_full(name)))
    for key, name in sorted(persons.items()):
        if len(name.split()) != 1:
            continue
        matches = full.matches(name)
        if len(matches) == 1:
            names.key[key] = mention_key('person', matches[0])
        elif len(matches) > 1:
            names.ambiguous[name] = matches
    # A merged surname joins a full name's key, which has spellings of its own: it keeps its name.
    names.name = {key: name for key, name in own_name.items() if key not in names.key}
    return names


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


def unescape_cell(value: str) -> str:
    """Undo the writer's formula neutralisation: one leading `'` before = + - @ tab or CR goes."""
    if len(value) > 1 and value[0] == "'" and value[1] in FORMULA_STARTS:
        return value[1:]
    return value


def read_table(out: Path, name: str) -> pd.DataFrame:
    """Table `name` of an output folder as written by the batch runner: `NAME.csv` (UTF-8 with BOM,
    neutralised cells restored, integer columns as ints), else `NAME.parquet`, else the sheet of
    `tables.xlsx`. Text cells are strings ('' when empty)."""
    import pandas as pd

    out = Path(out)
    columns = COLUMNS.get(name)
    if (out / f'{name}.csv').exists():
        table = pd.read_csv(out / f'{name}.csv', dtype=str, keep_default_na=False, encoding='utf-8-sig')
        table = table.map(unescape_cell) if len(table) else table
    elif (out / f'{name}.parquet').exists():
        table = pd.read_parquet(out / f'{name}.parquet')
    elif (out / 'tables.xlsx').exists():
        table = pd.read_excel(out / 'tables.xlsx', sheet_name=name, dtype=str, keep_default_na=False)
        table = table.map(unescape_cell) if len(table) else table
    else:
        raise FileNotFoundError(f'{out}: no {name}.csv, {name}.parquet or tables.xlsx')
    for column in table.columns:
        if column in INTEGER_COLUMNS or column in ('documents', 'sentences', 'mentions'):
            table[column] = [int(v) if cell_text(v).lstrip('-').isdigit() else v for v in table[column]]
        elif table[column].dtype == object:
            table[column] = [cell_text(v) for v in table[column]]
    if columns and list(table.columns) != columns and set(columns) <= set(table.columns):
        table = table[columns]
    return table


MENTION_FIELDS = ('doc_id', 'type', 'entity', 'code', 'sentence', 'weapon_class', 'origin')


def _table_path(out: Path, name: str) -> Path:
    """Where `read_table` would read table `name` of an output folder from."""
    for path in (out / f'{name}.csv', out / f'{name}.parquet', out / 'tables.xlsx'):
        if path.exists():
            return path
    raise FileNotFoundError(f'{out}: no {name}.csv, {name}.parquet or tables.xlsx')


def iter_table(out: Path, name: str, columns: Iterable[str]) -> Iterator[tuple]:
    """The rows of table `name` of an output folder, one at a time, as tuples of the cells of `columns`
    (None for a column the table lacks); read from the same file as `read_table`, with the same cell
    text (neutralised cells restored; Parquet cells as stored). Memory stays flat in the table's size.
    """
    out, columns = Path(out), tuple(columns)
    path = _table_path(out, name)
    if path.suffix == '.csv':
        yield from _iter_csv(path, columns)
    elif path.suffix == '.parquet':
        yield from _iter_parquet(path, columns)
    else:
        yield from _iter_xlsx(path, name, columns)


def _picker(header: list[str], columns: tuple[str, ...]) -> Callable[[list], tuple]:
    where = [header.index(c) if c in header else None for c in columns]
    return lambda row: tuple(None if i is None else (row[i] if i < len(row) else '') for i in where)


def _iter_csv(path: Path, columns: tuple[str, ...]) -> Iterator[tuple]:
    with open(path, encoding='utf-8-sig', newline='') as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header is None:
            return
        pick = _picker(header, columns)
        for row in reader:
            if row:  # pandas skips blank lines
                yield tuple(v if v is None else unescape_cell(v) for v in pick(row))


def _iter_parquet(path: Path, columns: tuple[str, ...]) -> Iterator[tuple]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    present = [c for c in columns if c in parquet.schema_arrow.names]
    for batch in parquet.iter_batches(batch_size=10_000, columns=present):
        data = batch.to_pydict()
        cells = [data[c] if c in data else [None] * batch.num_rows for c in columns]
        yield from zip(*cells)


def _iter_xlsx(path: Path, name: str, columns: tuple[str, ...]) -> Iterator[tuple]:
    """Sheet `name` and its continuation sheets `name_2`, `name_3`… (see `pipeline.write.write_xlsx`),
    read-only. Empty rows are kept but for trailing ones, as pandas does."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        if name not in workbook.sheetnames:
            raise ValueError(f'{path}: no sheet {name!r}')
        part = 1
        while (sheet := name if part == 1 else f'{name}_{part}') in workbook.sheetnames:
            rows = workbook[sheet].iter_rows(values_only=True)
            header = next(rows, None)
            part += 1
            if header is None:
                continue
            pick = _picker([cell_text(h) for h in header], columns)
            empty = 0
            for row in rows:
                if all(v is None or v == '' for v in row):
                    empty += 1
                    continue
                for _ in range(empty):
                    yield tuple(None if c is None else '' for c in pick([]))
                empty = 0
                yield tuple(unescape_cell(v) if isinstance(v, str) else v for v in pick(list(row)))
    finally:
        workbook.close()


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
