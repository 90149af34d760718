"""pipeline.relations.syntax: natasha's syntax and morphology models, called sentence by sentence as one
sequence, give slovnet's heads, relations and tags."""
from __future__ import annotations

import json

import pytest

from pipeline.nlp.segment import tokenize
from pipeline.relations.syntax import _without_cycles
from tests.paths import EVAL, SEEDS


@pytest.fixture(scope='module')
def syntax(extractor):
    return extractor.document_steps[-1].syntax


def test_slovnet_parses_and_tags_exactly(syntax):
    """natasha's own NewsSyntaxParser and NewsMorphTagger, in slovnet's padded batches, give the same."""
    from natasha import NewsEmbedding, NewsMorphTagger, NewsSyntaxParser
    from razdel import sentenize

    embedding = NewsEmbedding()
    parser, tagger = NewsSyntaxParser(embedding), NewsMorphTagger(embedding)
    texts = [p.read_text(encoding='utf-8') for p in sorted(SEEDS.glob('*.txt'))]
    weapons = EVAL / 'weapons-dev.jsonl'
    if weapons.is_file():
        with open(weapons, encoding='utf-8') as f:
            texts += [json.loads(line)['text'] for _, line in zip(range(10), f)]
    for text in texts:
        sentences = [tokens for s in sentenize(text) if (tokens := tokenize(s.text))]
        parses = syntax.parse(sentences)
        words = [[t.text for t in tokens] for tokens in sentences]
        trees, tags = list(parser.map(words)), list(tagger.map(words))
        for parse, tree, tag in zip(parses, trees, tags):
            assert parse.rels == [t.rel for t in tree.tokens]
            assert parse.heads == _without_cycles([int(t.head_id) - 1 for t in tree.tokens])
            assert parse.pos == [t.pos for t in tag.tokens]
            assert parse.feats == [dict(t.feats or {}) for t in tag.tokens]


@pytest.mark.parametrize('heads, repaired', [
    ([-1, 0, 1], [-1, 0, 1]),
    ([1, -1, 3, 2], [1, -1, 1, 2]),       # 2 ↔ 3 loop: its first token goes under the root
    ([1, 0], [-1, 0]),                    # no root at all: the loop's first token becomes it
    ([5, -1], [-1, -1]),                  # a head outside the sentence is no head
])
def test_without_cycles(heads, repaired):
    assert _without_cycles(heads) == repaired


def test_the_vocabulary_is_the_ners(extractor, syntax):
    assert syntax._syntax._words is syntax._morph._words is extractor.ner.words_vocab


def test_empty_and_single_word(syntax):
    empty, single = syntax.parse([[], tokenize('Россия')])
    assert empty.tokens == [] and single.heads == [-1] and single.rels == ['root']
