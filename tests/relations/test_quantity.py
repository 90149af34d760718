"""pipeline.relations.quantity: the number of units an item's noun group carries."""
from __future__ import annotations

import pytest

from pipeline.nlp.segment import tokenize
from pipeline.relations.events import noun_group
from pipeline.relations.quantity import quantity


@pytest.fixture(scope='module')
def syntax(extractor):
    return extractor.document_steps[-1].syntax


@pytest.mark.parametrize('text, noun, expected', [
    ('В стране есть 5000 ракетных комплексов.', 'комплексов', 5000),
    ('Корея поставит Польше тысячу танков.', 'танков', 1000),
    ('Китай передал пяти тысяч ракет.', 'ракет', 5000),
    ('КНДР передала России 1 млн снарядов.', 'снарядов', 1_000_000),
    ('Армия получит 18 беспилотников.', 'беспилотников', 18),
    ('Шестнадцать бомбардировщиков поступят в войска.', 'бомбардировщиков', 16),
    ('Польша купит около 30 танков.', 'танков', None),       # an approximation
    ('Армия получит более 240 танков.', 'танков', None),      # a bound
    ('Индия получила пять дивизионов зенитных комплексов.', 'комплексов', None),  # units of several systems
    ('Армия получит новые танки.', 'танки', None),
    ('Сербия получила 10 боевых разведывательных дозорных машин.', 'машин', 10),  # the number before the adjectives
])
def test_quantity(syntax, text, noun, expected):
    [parse] = syntax.parse([tokenize(text)])
    words = [t.text for t in parse.tokens]
    item = words.index(noun)
    assert quantity(parse, noun_group(parse, item)) == expected
