"""One mention per stretch of text: where the finders overlap, the longer wins, then by type."""
from __future__ import annotations

from bisect import bisect_right

from ..doc import Doc, Mention, step
from ..nlp.segment import sentence_of

TYPE_PRIORITY = {'weapon': 0, 'country': 1, 'person': 2}


def _priority(mention: Mention) -> int:
    """Weapon over country over person; but a person the NER found beats a weapon named by words alone
    (`Байрактара` the man, not the drone; `самолет Lino Oviedo`)."""
    if mention.type == 'weapon' and mention.kind in ('gazetteer', 'class') and not any(
            c.isdigit() for c in mention.text):
        return 3
    if mention.source == 'echo':
        return 4  # a recurring surname yields to anything else found there
    return TYPE_PRIORITY[mention.type]


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """One mention per stretch of text: the longer wins, then weapon over country over person."""
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), _priority(m), m.start))
    starts: list[int] = []  # kept spans, sorted and disjoint: a new one is checked against its neighbours
    kept: list[Mention] = []
    for mention in ordered:
        i = bisect_right(starts, mention.start)
        if i > 0 and kept[i - 1].end > mention.start:
            continue
        if i < len(kept) and kept[i].start < mention.end:
            continue
        starts.insert(i, mention.start)
        kept.insert(i, mention)
    return kept


@step(requires='weapons countries persons echoes sentences', assigns='mentions mentions.sentence')
def choose_mentions(doc: Doc) -> list[Mention]:
    """The mentions of the text, one per stretch (`resolve_overlaps`), each with its sentence's index."""
    mentions = resolve_overlaps(doc.weapons + doc.countries + doc.persons + doc.echoes)
    sentence = sentence_of(doc.sentences)
    for mention in mentions:
        mention.sentence = sentence(mention.start)
    return mentions
