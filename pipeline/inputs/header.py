"""The metadata header of a document: ` date 2025-11-04 Ричмонд`, then the title line."""
from __future__ import annotations

import re

HEADER = re.compile(r'\A\ufeff?[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*([^\r\n]*?)[ \t]*(?:\r\n|\r|\n|\Z)')
LINE = re.compile(r'[^\r\n]*')
MAX_TITLE = 300  # a header "title" that is a whole book on one line is cut here (it is a cell, not text)


def parse_header(text: str) -> tuple[dict[str, str], tuple[tuple[int, int], ...]]:
    """The metadata header (` date 2025-11-04 Ричмонд`, then the title line) and the range to skip.

    Lines may end in `\\n`, `\\r\\n` or a lone `\\r`; only the date line is skipped (the title is text).
    """
    match = HEADER.match(text)
    if not match:
        return {}, ()
    meta = {'date': match.group(1), 'place': match.group(2).strip()[:MAX_TITLE]}
    for line in LINE.finditer(text, match.end()):
        title = line.group().strip()
        if title:
            meta['title'] = title if len(title) <= MAX_TITLE else title[:MAX_TITLE - 1] + '…'
            break
    return meta, ((match.start(), match.end()),)
