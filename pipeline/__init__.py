"""Persons, countries and weapon systems in Russian news, lemmatized, merged, and written as tidy tables."""
from .batch import Options, Summary, process_document, run
from .documents import Failed, iter_documents, make_document, read_text_file
from .extract import Extraction, Extractor
from .persons import normalize_person
from .records import Document, Mention, Span, Token
from .tables import tables

__all__ = ['Document', 'Extraction', 'Extractor', 'Failed', 'Mention', 'Options', 'Span', 'Summary', 'Token',
           'iter_documents', 'make_document', 'normalize_person', 'process_document', 'read_text_file', 'run',
           'tables']
__version__ = '0.1.0'
