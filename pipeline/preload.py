"""Imported once by the worker pool's fork server (see batch._Mapper): loads the models there, so that
every worker forked from it starts with them in memory."""
from .batch import _extractor

_extractor()
