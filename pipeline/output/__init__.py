"""The tables: one document's rows, writers and readers, the corpus tables and the review report."""
