"""The corpus tables (`pipeline.output.corpus`) over DataFrames, for library use and the report."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .corpus import CORPUS_PAIR_COLUMNS, PAIR_COLUMNS, SUMMARY_COLUMNS, Rows, corpus_rows
from .corpus_names import Names
from .read import cell_text

if TYPE_CHECKING:  # pandas loads only here: the batch's streaming pass needs none
    import pandas as pd



@dataclass
class CorpusFrames:
    """The corpus tables as DataFrames, and the corpus naming they use."""

    summary: pd.DataFrame
    pairs: pd.DataFrame
    corpus_pairs: pd.DataFrame
    names: Names


def corpus_frames(documents: pd.DataFrame | None, mentions: pd.DataFrame) -> CorpusFrames:
    """The corpus tables of a documents and a mentions table (`corpus_rows` over them; a document's
    mentions need not come together: they are taken in the order of each document's first mention)."""
    import pandas as pd

    pairs: list[list] = []
    tables = corpus_rows(_frame_rows(documents, mentions), pairs.extend)
    return CorpusFrames(pd.DataFrame(tables.summary, columns=SUMMARY_COLUMNS),
                        pd.DataFrame(pairs, columns=PAIR_COLUMNS),
                        pd.DataFrame(tables.corpus_pairs, columns=CORPUS_PAIR_COLUMNS), tables.names)


def summarize(documents: pd.DataFrame | None, mentions: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The corpus summary (columns `SUMMARY_COLUMNS`) and the number of ambiguous surnames.

    One row per entity: persons merged across documents (see `corpus_names`), countries keyed by
    code, weapons by name. `documents`/`mentions` count where and how often it occurs;
    `first_date`/`last_date` are the earliest and latest `date` of those documents that have one;
    `merged` lists the other names that joined the row (`Мадуро`). Rows: person, country, weapon,
    then mentions (most first), then name.
    """
    frames = corpus_frames(documents, mentions)
    return frames.summary, len(frames.names.ambiguous)


def cooccurrence(mentions: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Entities of different types in one sentence: per document, and summed over the corpus.

    - per sentence (`PAIR_COLUMNS`): one row per distinct pair in a sentence of a document, the pair
      ordered person < country < weapon, persons named as in the summary; rows in document order (as
      the mentions come), then sentence, then pair;
    - corpus (`CORPUS_PAIR_COLUMNS`): per pair, the number of documents and of sentences it occurs
      in, sorted by sentences (most first), then by pair.

    Mentions without a sentence index (empty or negative) are left out.
    """
    frames = corpus_frames(None, mentions)
    return frames.pairs, frames.corpus_pairs


def _frame_rows(documents: pd.DataFrame | None, mentions: pd.DataFrame) -> Rows:
    """`rows(name, columns)` over two DataFrames (None for a missing table or column), the mentions
    of each document together."""
    first = {doc: i for i, doc in enumerate(dict.fromkeys(cell_text(d) for d in mentions['doc_id']))}
    order = sorted(range(len(mentions)), key=lambda i: first[cell_text(mentions['doc_id'].iat[i])])

    def rows(name: str, columns: tuple[str, ...]) -> Iterator[tuple]:
        table = mentions if name == 'mentions' else documents
        if table is None:
            return iter(())
        cells = [list(table[c]) if c in table else [None] * len(table) for c in columns]
        where = order if name == 'mentions' else range(len(table))
        return (tuple(column[i] for column in cells) for i in where)

    return rows
