"""pipeline.nlp.ner: natasha's NER on our tokens; the direct model call gives exactly slovnet's tags."""
from __future__ import annotations

import pytest

from pipeline.doc import Doc, Span
from pipeline.nlp.ner import bio_spans
from pipeline.nlp.segment import tokenize


@pytest.fixture(scope='module')
def ner(extractor):
    return extractor.ner


def _slovnet_tags(ner, words):
    """The tags of slovnet's own path: its encoder, its model call and its CRF decoding."""
    infer = ner.tagger.infer
    return next(iter(infer.decoder(infer.process(infer.encoder([words])))))


@pytest.fixture(scope='module')
def texts(news_texts):
    """The seed article and the first 40 texts of nerel-dev and of weapons-dev."""
    return news_texts['seeds'] + news_texts.get('nerel-dev', [])[:40] + news_texts.get('weapons-dev', [])[:40]


def test_tags_equal_slovnet_on_real_news(ner, texts):
    differing = []
    for text in texts:
        words = [t.text for t in tokenize(text)]
        if ner.tag(words) != _slovnet_tags(ner, words):
            differing.append(text[:60])
    assert texts and differing == []


@pytest.mark.parametrize('words', [['Путин'], ['.'], ['Владимир', 'Путин', 'и', 'Николас', 'Мадуро', '.']])
def test_tags_equal_slovnet_on_short_inputs(ner, words):
    assert ner.tag(words) == _slovnet_tags(ner, words)


def test_tag_of_nothing_is_nothing(ner):
    assert ner.tag([]) == []


def test_spans_of_the_seed_sentence(ner):
    text = 'Президент России Владимир Путин встретился в Москве с Николасом Мадуро.'
    spans = ner(Doc(text, tokens=tokenize(text)))
    found = {(s.type, text[s.start:s.end]) for s in spans}
    assert {('PER', 'Владимир Путин'), ('PER', 'Николасом Мадуро'), ('LOC', 'Москве'), ('LOC', 'России')} <= found


def test_a_title_line_without_full_stop_does_not_run_into_the_next(ner):
    text = 'Встреча в Каракасе\nНиколас Мадуро заявил о поддержке.'
    spans = ner(Doc(text, tokens=tokenize(text)))
    assert all('\n' not in text[s.start:s.end] for s in spans)
    assert ('PER', 'Николас Мадуро') in {(s.type, text[s.start:s.end]) for s in spans}


def test_bio_spans_joins_inside_and_starts_on_stray_inside():
    tokens = tokenize('Анна Петрова и Москва')
    assert list(bio_spans(tokens, ['B-PER', 'I-PER', 'O', 'I-LOC'])) == [Span('PER', 0, 12), Span('LOC', 15, 21)]


def test_the_lean_embeddings_tag_as_natasha_news_embedding(ner, texts):
    """`news_embedding` skips what the tagger never reads: the tagger built on natasha's own loader agrees."""
    from natasha import NewsEmbedding, NewsNERTagger

    natasha = NewsNERTagger(NewsEmbedding())
    assert [natasha(text).spans for text in texts[:20]] == [ner.tagger(text).spans for text in texts[:20]]


def test_emissions_equal_slovnets_model_to_the_bit(ner, texts):
    import numpy as np

    for text in texts[:30]:
        ids = [ner._encode(t.text) for t in tokenize(text)]
        word_id = np.array([[i for i, _ in ids]])
        shape_id = np.array([[s for _, s in ids]])
        ours = ner.emissions(word_id, shape_id)
        slovnet = ner._model(word_id, shape_id, word_id == ner._words.pad_id)
        assert ours.shape == slovnet.shape and np.array_equal(ours, slovnet), text[:60]
