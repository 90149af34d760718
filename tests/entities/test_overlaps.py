"""pipeline.entities.overlaps: one mention per stretch of text."""
from __future__ import annotations

import pytest

from pipeline.doc import Mention
from pipeline.entities.overlaps import resolve_overlaps


def mention(type_, start, end):
    return Mention(type=type_, start=start, end=end, text='x' * (end - start))


def test_resolve_overlaps_longer_wins():
    kept = resolve_overlaps([mention('weapon', 0, 5), mention('person', 0, 10), mention('country', 12, 15)])
    assert [(m.type, m.start, m.end) for m in kept] == [('person', 0, 10), ('country', 12, 15)]


@pytest.mark.parametrize('types, winner', [
    (('person', 'country', 'weapon'), 'weapon'),
    (('person', 'country'), 'country'),
    (('country', 'person'), 'country'),
    (('person',), 'person'),
])
def test_resolve_overlaps_type_priority_on_equal_length(types, winner):
    kept = resolve_overlaps([mention(t, 3, 9) for t in types])
    assert [(m.type, m.start, m.end) for m in kept] == [(winner, 3, 9)]


def test_resolve_overlaps_keeps_adjacent_and_sorts():
    kept = resolve_overlaps([mention('person', 10, 15), mention('country', 5, 10), mention('weapon', 0, 5)])
    assert [(m.type, m.start) for m in kept] == [('weapon', 0), ('country', 5), ('person', 10)]
