"""Shared fixtures: the models load once per test session."""
from __future__ import annotations

import pytest


@pytest.fixture(scope='session')
def extractor():
    """The extractor the in-process batch runner uses too (pipeline.batch's per-process cache)."""
    from pipeline.batch import _extractor

    return _extractor()
