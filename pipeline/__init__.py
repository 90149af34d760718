"""Persons, countries and weapon systems in Russian news, lemmatized, merged, and written as tidy tables.

The public names load on first use (PEP 562), so that `python -m pipeline` can set one BLAS thread per
process before numpy is imported by the steps.
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    'Options': 'batch', 'Summary': 'batch', 'process_document': 'batch', 'run': 'batch',
    'Failed': 'documents', 'iter_documents': 'documents', 'make_document': 'documents',
    'read_text_file': 'documents',
    'Extraction': 'extract', 'Extractor': 'extract',
    'normalize_person': 'persons',
    'Document': 'records', 'Mention': 'records', 'Span': 'records', 'Token': 'records',
}
# `tables` is both a module and the function it exports: import the module now (it loads neither
# numpy nor pandas) so that the function, not the module, is what `from pipeline import tables` gets.
from .tables import tables as tables  # noqa: E402

__all__ = sorted([*_EXPORTS, 'tables'])
__version__ = '0.1.0'


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f'module {__name__!r} has no attribute {name!r}')
    value = getattr(importlib.import_module(f'.{_EXPORTS[name]}', __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
