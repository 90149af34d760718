"""The review report: one self-contained HTML page (`report.html`) over an output folder's tables.

The corpus section shows the most mentioned entities per type as bars and the strongest
co-occurrences; the arms transfers section who supplies whom (a picture, `report_transfers`) and the
rows of `transfers.csv`; then, for the first `max_documents` documents, each text with its persons,
countries and weapons highlighted over their exact offsets (the canonical corpus name on hover) and its
transfers listed.
The page has no scripts and loads nothing: CSS is inline, every text is HTML-escaped (Jinja2
autoescape), so a `<script>` in a document shows as text.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .corpus import CORPUS_PAIR_COLUMNS, SUMMARY_COLUMNS, TYPES
from .corpus_frames import corpus_frames
from .corpus_names import Names
from .read import cell_text, has_table, read_table
from .report_transfers import STATUS_LABELS, STATUS_ORDER, country_names, transfer_view
from .write import atomic_path

TEMPLATES = Path(__file__).parent / 'templates'
TOP_ENTITIES = 15
TOP_PAIRS = 25
TYPE_LABELS = {'person': 'Персоны', 'country': 'Страны', 'weapon': 'Вооружения'}


@dataclass
class Segment:
    """A stretch of a document's text: plain (`kind` '') or one highlighted mention."""

    text: str
    kind: str = ''
    name: str = ''


@dataclass
class DocumentView:
    number: int
    doc_id: str
    title: str = ''
    date: str = ''
    place: str = ''
    status: str = 'ok'
    reason: str = ''
    counts: dict = field(default_factory=dict)
    segments: list[Segment] | None = None  # None: no text was given for it
    skipped: int = 0  # mentions whose offsets do not fit the given text


def highlight(text: str, mentions: list[dict], names: Names) -> tuple[list[Segment], int]:
    """`text` cut into plain and highlighted segments at the mentions' offsets.

    A mention whose offsets fall outside the text, whose `text` column differs from the text there
    (the text passed is not the one extracted), or that overlaps an earlier one is left plain; the
    number left out is returned.
    """
    segments: list[Segment] = []
    position = skipped = 0
    for mention in sorted(mentions, key=lambda m: (int(m['start']), -int(m['end']))):
        start, end = int(mention['start']), int(mention['end'])
        written = cell_text(mention.get('text'))
        if start < position or not 0 <= start < end <= len(text) or (written and text[start:end] != written):
            skipped += 1
            continue
        if start > position:
            segments.append(Segment(text[position:start]))
        kind = cell_text(mention['type'])
        name = names(kind, cell_text(mention['entity']), cell_text(mention['code']))
        segments.append(Segment(text[start:end], kind, name))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments, skipped


def _bars(summary: pd.DataFrame, kind: str) -> list[dict]:
    rows = summary[summary['type'] == kind].head(TOP_ENTITIES)
    top = max((int(v) for v in rows['mentions']), default=1) or 1
    return [{'entity': r['entity'], 'mentions': int(r['mentions']), 'documents': int(r['documents']),
             'detail': ', '.join(cell_text(r[c]) for c in ('code', 'weapon_class', 'origin') if cell_text(r[c])),
             'percent': round(100 * int(r['mentions']) / top, 1)} for _, r in rows.iterrows()]


def _pairs(corpus: pd.DataFrame) -> list[dict]:
    rows = corpus.head(TOP_PAIRS)
    top = max((int(v) for v in rows['sentences']), default=1) or 1
    return [{**{c: r[c] for c in CORPUS_PAIR_COLUMNS}, 'percent': round(100 * int(r['sentences']) / top, 1)}
            for _, r in rows.iterrows()]


def _optional(out: Path, name: str, columns: list[str]) -> pd.DataFrame | None:
    path = out / f'{name}.csv'
    if not path.exists():
        return None
    table = read_table(out, name)
    return table if set(columns) <= set(table.columns) else None


def render_report(documents: pd.DataFrame, mentions: pd.DataFrame, texts: dict[str, str],
                  max_documents: int = 200, summary: pd.DataFrame | None = None,
                  corpus_pairs: pd.DataFrame | None = None, transfers: pd.DataFrame | None = None) -> str:
    """The report's HTML from the tables (summary and co-occurrence computed when not given; the
    transfers section only where a transfers table is given)."""
    frames = corpus_frames(documents, mentions)
    names = frames.names
    summary = frames.summary if summary is None else summary
    corpus_pairs = frames.corpus_pairs if corpus_pairs is None else corpus_pairs
    by_doc: dict[str, list[dict]] = {}
    for record in mentions.to_dict('records'):
        by_doc.setdefault(cell_text(record['doc_id']), []).append(record)
    views = []
    for number, record in enumerate(documents.head(max(max_documents, 0)).to_dict('records'), 1):
        doc_id = cell_text(record['doc_id'])
        doc_mentions = by_doc.get(doc_id, [])
        view = DocumentView(number, doc_id, cell_text(record.get('title')), cell_text(record.get('date')),
                            cell_text(record.get('place')), cell_text(record.get('status')) or 'ok',
                            cell_text(record.get('reason')), dict(Counter(cell_text(m['type']) for m in doc_mentions)))
        if doc_id in texts and texts[doc_id] is not None:
            view.segments, view.skipped = highlight(texts[doc_id], doc_mentions, names)
        views.append(view)
    numbers = {view.doc_id: view.number for view in views}
    arms = transfer_view(transfers, numbers, country_names(mentions))
    statuses = Counter(cell_text(s) for s in documents['status']) if 'status' in documents else Counter()
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True)
    return environment.get_template('report.html.j2').render(
        types=TYPES, labels=TYPE_LABELS,
        total_documents=len(documents), failed=statuses.get('error', 0),
        mention_counts=Counter(cell_text(t) for t in mentions['type']),
        entity_counts=Counter(cell_text(t) for t in summary['type']),
        bars={kind: _bars(summary, kind) for kind in TYPES}, pairs=_pairs(corpus_pairs),
        total_pairs=len(corpus_pairs), ambiguous=names.ambiguous, documents=views,
        shown=len(views), max_documents=max_documents, top_entities=TOP_ENTITIES,
        transfers=arms, has_transfers=transfers is not None, status_order=STATUS_ORDER, status_labels=STATUS_LABELS)


def write_report(out: Path, texts: dict[str, str], max_documents: int = 200) -> Path:
    """Write `out/report.html` (atomically) from the tables in `out` and the documents' texts.

    `texts` maps doc_id to the text exactly as read (mention offsets index it); documents without a
    text are listed without one. Reads documents and mentions, `summary.csv` and
    `cooccurrence_corpus.csv` when present (else computes them), and the transfers table when
    present (its section is left out otherwise). Only the first `max_documents`
    documents get a section of their own; the page says so when there are more.
    """
    out = Path(out)
    documents = read_table(out, 'documents')
    mentions = read_table(out, 'mentions')
    html = render_report(documents, mentions, texts, max_documents,
                         _optional(out, 'summary', SUMMARY_COLUMNS[:7]),
                         _optional(out, 'cooccurrence_corpus', CORPUS_PAIR_COLUMNS),
                         read_table(out, 'transfers') if has_table(out, 'transfers') else None)
    path = out / 'report.html'
    with atomic_path(path) as tmp:
        tmp.write_text(html, encoding='utf-8')
    return path
