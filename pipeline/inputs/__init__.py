"""Reading documents: text files, folders, glob patterns, JSONL / CSV / Parquet corpora, standard input.

Every input document comes out either as a `Document` or as a `Failed` record with a one-line
reason, so that none is lost; a bad document never stops the stream. Inputs are read lazily, one
document at a time (a folder or a glob pattern is listed up front, as paths only).
"""
