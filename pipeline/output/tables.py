"""Many documents' tables as pandas DataFrames, for library use (`run` streams a corpus to disk)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..doc import Document, Failed
from ..inputs.readers import make_document
from .rows import COLUMNS, Rows, process_document

if TYPE_CHECKING:
    import pandas as pd


def frame(rows: list[dict], name: str) -> pd.DataFrame:
    import pandas as pd  # here, not at the top: the batch runner forks workers before pandas starts threads

    """A DataFrame of one table with its columns in order (an empty table keeps its columns)."""
    return pd.DataFrame(rows, columns=COLUMNS[name])


def tables(docs: Iterable[Document | Failed], extractor=None) -> dict[str, pd.DataFrame]:
    """Extract many documents and return the tables as DataFrames: documents, mentions, entities, errors.

    `docs` are `Document`s (see `make_document`), `Failed` records, or plain strings (ids `1`, `2`, …);
    everything is held in memory, so this is for a few thousand documents; use `run` for a corpus."""
    rows = Rows()
    for number, doc in enumerate(docs, 1):
        if isinstance(doc, str):
            doc = make_document(str(number), doc, '')
        rows.extend(process_document(doc, extractor))
    return {name: frame(getattr(rows, name), name) for name in COLUMNS}
