"""Person mentions: the name spans in the NER's PER spans (`spans`), each name's nominative
(`nominative`, `foreign`) with the case and gender its context shows (`context`), the mentions and the
surnames the tagger missed (`find`), then merging within a document (`merge`, `relatives`)."""
