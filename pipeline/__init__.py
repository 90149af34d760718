"""Persons, countries and weapon systems in Russian news, lemmatized, merged, and written as tidy tables.

The public names load on first use (PEP 562), so that `python -m pipeline` can set one BLAS thread per
process before numpy is imported by the steps.
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    'Options': 'batch', 'Summary': 'batch', 'run': 'batch',
    'Document': 'doc', 'Failed': 'doc', 'Mention': 'doc', 'Span': 'doc', 'Token': 'doc',
    'iter_documents': 'inputs.readers', 'make_document': 'inputs.readers', 'read_text_file': 'inputs.readers',
    'Extraction': 'extract', 'Extractor': 'extract',
    'normalize_person': 'entities.persons.nominative',
    'process_document': 'output.rows', 'tables': 'output.tables',
}

__all__ = sorted(_EXPORTS)
__version__ = '0.1.0'


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f'module {__name__!r} has no attribute {name!r}')
    value = getattr(importlib.import_module(f'.{_EXPORTS[name]}', __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
