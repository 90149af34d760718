"""Imported once by the worker pool's fork server (see `pipeline.batch.workers`): loads the models there,
so that every worker forked from it starts with them in memory."""
from ..extract import shared_extractor

shared_extractor()
