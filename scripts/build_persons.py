#!/usr/bin/env python3
"""Build pipeline/data/persons.csv, the gazetteer of well-known people.

Source: the Wikidata-linked person mentions of NEREL's train split (`../shared/eval/nerel-train.jsonl`,
Russian Wikinews annotated with Wikidata ids), the public data reachable here. Each linked person gives
one row: the Wikidata id, the Russian Wikidata label the gold carries (`label`), the name in the form
the pipeline writes entities in (`name`: the label without its patronymic, `Владимир Путин` for
`Владимир Владимирович Путин`), the gender its words show (the dictionary's reading of the label:
`masc`, `femn` or empty), and in how many documents it is linked (`documents`): the pipeline completes a
bare surname only with a person linked in two documents or more (`pipeline.entities.persons.gazetteer`).

Since the rows come from nerel-train, the figures on nerel-train are inflated for the completions they
make; judge the gazetteer on nerel-dev, factrueval-dev and the real-news set.

Usage (from the repository root):
    python scripts/build_persons.py            # write the CSV
    python scripts/build_persons.py --check    # exit 1 if the CSV is stale
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.entities.persons.names import first_name_gender, known_as  # noqa: E402
from pipeline.entities.persons.nominative import own_gender  # noqa: E402

SOURCE = ROOT.parent / 'shared' / 'eval' / 'nerel-train.jsonl'
TARGET = ROOT / 'pipeline' / 'data' / 'persons.csv'
COLUMNS = ['wikidata', 'name', 'label', 'gender', 'documents']


def people(source: Path) -> list[dict[str, str]]:
    """One row per Wikidata id linked to a person mention with a label, by id."""
    labels: dict[str, Counter] = defaultdict(Counter)
    documents: dict[str, set[str]] = defaultdict(set)
    with open(source, encoding='utf-8') as f:
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            for mention in doc.get('entities') or []:
                qid, label = mention.get('wikidata'), mention.get('entity')
                if mention.get('type') == 'person' and qid and label:
                    labels[qid][label] += 1
                    documents[qid].add(str(doc['id']))
    rows = []
    for qid in sorted(labels, key=lambda q: (int(q[1:]) if q[1:].isdigit() else 0, q)):
        label = labels[qid].most_common(1)[0][0]
        words = label.split()
        name = ' '.join(w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and known_as(w, 'Patr')))
        gender = own_gender(tuple(words)) or (first_name_gender(words[0]) if len(words) > 1 else None) or ''
        rows.append({'wikidata': qid, 'name': name, 'label': label, 'gender': gender,
                     'documents': str(len(documents[qid]))})
    return rows


def render(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    out.write('# Well-known people: built by scripts/build_persons.py from the Wikidata-linked persons of '
              'NEREL train; do not edit by hand\n')
    writer = csv.DictWriter(out, COLUMNS, lineterminator='\n')
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--check', action='store_true', help='exit 1 if the committed CSV differs from a fresh build')
    parser.add_argument('--source', type=Path, default=SOURCE)
    args = parser.parse_args()
    if not args.source.is_file():
        raise SystemExit(f'build_persons: {args.source} is missing')
    text = render(people(args.source))
    if args.check:
        same = TARGET.is_file() and TARGET.read_text(encoding='utf-8') == text
        print('persons.csv is up to date' if same else 'persons.csv is stale: run scripts/build_persons.py')
        return 0 if same else 1
    TARGET.write_text(text, encoding='utf-8')
    print(f'wrote {TARGET} ({text.count(chr(10)) - 2} people)')
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
