"""Shared fixtures: the models load once per test session; the real news texts the tests read."""
from __future__ import annotations

import json

import pytest

from tests.paths import EVAL, SEEDS


@pytest.fixture(scope='session')
def extractor():
    """The extractor the in-process batch runner uses too (pipeline.batch's per-process cache)."""
    from pipeline.extract import shared_extractor

    return shared_extractor()


@pytest.fixture(scope='session')
def news_texts() -> dict[str, list[str]]:
    """Real news: the seed articles (`seeds`), then the texts of each gold file of `../shared/eval`
    by file stem (`nerel-dev`, `weapons-dev`…), where that folder is present."""
    texts = {'seeds': [p.read_text(encoding='utf-8') for p in sorted(SEEDS.glob('*.txt'))]}
    for path in sorted(EVAL.glob('*.jsonl')):
        with path.open(encoding='utf-8') as f:
            texts[path.stem] = [json.loads(line)['text'] for line in f if line.strip()]
    return texts
