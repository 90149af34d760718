"""Corpus tables: one row per entity over all documents, and which entities share a sentence.

`summarize` gives `summary.csv`: one row per person, country and weapon of the corpus, with its
number of documents and mentions and the first and last document date. Persons are merged across
documents: a surname-only person (`Мадуро`) joins the full name when the corpus gives exactly one full
name with that surname (`Николас Мадуро`); ambiguous surnames stay apart and are counted.

`cooccurrence` gives `cooccurrence.csv` (one row per distinct pair of entities of different types in
one sentence of one document) and `cooccurrence_corpus.csv` (those pairs summed over the corpus).

`write_corpus_tables` reads `documents.csv` and `mentions.csv` of an output folder and writes the
three tables beside them.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import pandas as pd

from .morph import fold, lemmas
from .tables import COLUMNS, INTEGER_COLUMNS
from .write import FORMULA_STARTS, write_csv_rows

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


def _surname_matches(surname: str, full_names: list[str]) -> list[str]:
    """Full names whose last word is `surname`: by folded spelling first (`Мадуро`/`МАДУРО`,
    `Журавлёв`/`Журавлев`), else by a shared pymorphy3 lemma (`Захаров`/`Захарова`)."""
    folded = fold(surname)
    exact = [name for name in full_names if fold(name.split()[-1]) == folded]
    if exact:
        return exact
    own = lemmas(surname) | {folded}
    return [name for name in full_names if own & (lemmas(name.split()[-1]) | {fold(name.split()[-1])})]


def canonical_names(mentions: pd.DataFrame) -> Names:
    """Corpus entities of a mentions table: keys, canonical names, merged persons, ambiguous surnames.

    A canonical name is the spelling of the entity most mentions use (ties: the first in sort order).
    """
    names = Names()
    spellings: dict[Key, Counter] = defaultdict(Counter)
    for kind, entity, code in zip(mentions['type'], mentions['entity'], mentions['code']):
        kind, entity, code = cell_text(kind), cell_text(entity), cell_text(code)
        spellings[mention_key(kind, entity, code)][entity] += 1
    own_name = {key: min(counts.items(), key=lambda item: (-item[1], item[0]))[0] for key, counts in spellings.items()}
    persons = {key: name for key, name in own_name.items() if key[0] == 'person'}
    full = sorted(name for name in persons.values() if _is_full(name))
    for key, name in sorted(persons.items()):
        if len(name.split()) != 1:
            continue
        matches = _surname_matches(name, full)
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
    dates = _documents_dates(documents)
    rows: dict[Key, dict] = {}
    for record in mentions.to_dict('records'):
        kind, entity, code = cell_text(record['type']), cell_text(record['entity']), cell_text(record['code'])
        key = names.corpus_key(kind, entity, code)
        row = rows.get(key)
        if row is None:
            row = rows[key] = {'type': kind, 'entity': names.name.get(key, entity), 'code': code,
                               'classes': Counter(), 'origins': Counter(), 'docs': set(), 'mentions': 0,
                               'dates': set(), 'merged': set()}
        row['mentions'] += 1
        doc = cell_text(record['doc_id'])
        row['docs'].add(doc)
        if doc in dates:
            row['dates'].add(dates[doc])
        if entity != row['entity']:
            row['merged'].add(entity)
        row['classes'].update([cell_text(record.get('weapon_class'))] if cell_text(record.get('weapon_class')) else [])
        row['origins'].update([cell_text(record.get('origin'))] if cell_text(record.get('origin')) else [])
    out = []
    for row in rows.values():
        out.append({'type': row['type'], 'entity': row['entity'], 'code': row['code'],
                    'weapon_class': _most_common(row['classes']), 'origin': _most_common(row['origins']),
                    'documents': len(row['docs']), 'mentions': row['mentions'],
                    'first_date': min(row['dates'], default=''), 'last_date': max(row['dates'], default=''),
                    'merged': '; '.join(sorted(row['merged']))})
    out.sort(key=lambda r: (_rank(r['type']), r['type'], -r['mentions'], r['entity'], r['code']))
    return pd.DataFrame(out, columns=SUMMARY_COLUMNS)


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
        entities = sorted(sentences[(doc, number)])
        for a, b in combinations(entities, 2):
            if a[1] != b[1]:
                rows.append([doc, number, a[1], a[2], b[1], b[2]])
    pairs = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    totals: dict[tuple[str, str, str, str], list] = {}
    for doc, _, *pair in rows:
        entry = totals.setdefault(tuple(pair), [set(), 0])
        entry[0].add(doc)
        entry[1] += 1
    corpus = [[*pair, len(docs), count] for pair, (docs, count) in totals.items()]
    corpus.sort(key=lambda r: (-r[5], _rank(r[0]), r[0], r[1], _rank(r[2]), r[2], r[3]))
    return pairs, pd.DataFrame(corpus, columns=CORPUS_PAIR_COLUMNS)


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


def write_corpus_tables(out: Path, write_csv: Callable = write_csv_rows) -> dict:
    """Read `out/documents.csv` and `out/mentions.csv`, write `summary.csv`, `cooccurrence.csv` and
    `cooccurrence_corpus.csv` into `out` with `write_csv(path, columns, rows)` (by default
    `pipeline.write.write_csv_rows`: UTF-8 with BOM, spreadsheet-safe, atomic).

    Returns statistics for the run summary: `entities` (rows of summary.csv, and `persons`,
    `countries`, `weapons` per type), `ambiguous_surnames` (count), `pairs` (distinct pairs over the
    corpus), `cooccurrences` (rows of cooccurrence.csv).
    """
    out = Path(out)
    documents = read_table(out, 'documents')
    mentions = read_table(out, 'mentions')
    names = canonical_names(mentions)
    summary = summary_table(documents, mentions, names)
    pairs, corpus = cooccurrence(mentions, names)
    for filename, table in (('summary.csv', summary), ('cooccurrence.csv', pairs),
                            ('cooccurrence_corpus.csv', corpus)):
        write_csv(out / filename, list(table.columns), (list(row) for row in table.itertuples(index=False)))
    types = Counter(summary['type'])
    return {'entities': len(summary), 'persons': types['person'], 'countries': types['country'],
            'weapons': types['weapon'], 'ambiguous_surnames': len(names.ambiguous),
            'pairs': len(corpus), 'cooccurrences': len(pairs)}


def stats_text(stats: Mapping) -> str:
    """One line for the run summary."""
    return (f"{stats['entities']} entities ({stats['persons']} persons, {stats['countries']} countries, "
            f"{stats['weapons']} weapons), {stats['ambiguous_surnames']} ambiguous surnames kept apart, "
            f"{stats['pairs']} co-occurring pairs")
