"""pipeline.nlp.segment: gazetteer words (designations and names whole, lower-case compounds split),
sentences, razdel tokens."""
from __future__ import annotations

import pytest
import razdel
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.doc import Doc, Token
from pipeline.nlp.segment import segment, sentence_of, split_words, tokenize
from tests.budget import examples


@pytest.mark.parametrize('word', ['Су-30МК2', 'F/A-18', 'Санкт-Петербург', 'Искандеров-М', 'Игла-С', "Кот-д'Ивуар"])
def test_split_words_keeps_names_and_designations_whole(word):
    text = f'Речь о {word} вчера.'
    start = text.index(word)
    assert Token(start, start + len(word), word) in split_words(text)


def test_split_words_splits_lower_case_compound_with_offsets():
    text = 'переговоры российско-американских экспертов'
    assert split_words(text) == [
        Token(0, 10, 'переговоры'),
        Token(11, 20, 'российско'),
        Token(21, 33, 'американских'),
        Token(34, 43, 'экспертов'),
    ]


def test_split_words_offsets_index_the_text():
    text = 'Су-30МК2 и F/A-18, российско-китайские учения в Санкт-Петербурге.'
    words = split_words(text)
    assert [w.text for w in words] == ['Су-30МК2', 'и', 'F/A-18', 'российско', 'китайские', 'учения', 'в',
                                       'Санкт-Петербурге']
    assert all(text[w.start:w.end] == w.text for w in words)


def test_segment_sentences_and_sentence_of():
    text = 'Первое предложение. Второе предложение! Третье.'
    sentences, tokens, words, initial = segment(Doc(text))
    assert [s.text for s in sentences] == ['Первое предложение.', 'Второе предложение!', 'Третье.']
    assert [s.start for s in sentences] == [0, 20, 40]
    sentence = sentence_of(sentences)
    assert [sentence(i) for i in (0, 5, 19, 20, 39, 40, 46)] == [0, 0, 0, 1, 1, 2, 2]
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert [w.text for w in words] == ['Первое', 'предложение', 'Второе', 'предложение', 'Третье']
    assert initial == {0, 2, 4}


def _razdel(text):
    return [Token(t.start, t.stop, t.text) for t in razdel.tokenize(text)]


@pytest.mark.parametrize('text', [
    '', '   ', 'Путин', 'С-400 и Су-35.', 'В 2024-2025 гг. рост 3,5% (1/2).', 'cho -to и cho- to', 'a_b _c',
    ':-) ;) =((( ... ?! -- ** yahoo! Yahoo!', 'ΔP Δσ mβж', '«Орешник»,', 'т.е. и т.д.', 'http://x.ru/a?b=1',
])
def test_tokenize_equals_razdel_on_examples(text):
    assert tokenize(text) == _razdel(text)


def test_tokenize_equals_razdel_on_the_seeds_and_gold_corpora(news_texts):
    texts = [text for group in news_texts.values() for text in group]  # real news: about a million characters
    differing = [text[:60] for text in texts if tokenize(text) != _razdel(text)]
    assert texts and differing == []


ATOMS = ['аб', 'Яё', 'z', 'Zq', '09', '1', ' ', '\n', '\t', '-', '‑', '–', '—', '−', '_', '.', ',', '/', '\\', ':',
         ';', '(', ')', '!', '?', '…', '*', '=', '«', '»', '"', "'", '„', '“', 'Δσ', 'Ж', '@', '№', 'yahoo',
         'Yahoo', '1.5', '3/4']


@pytest.mark.properties
@settings(max_examples=examples(3000), deadline=None)
@given(text=st.lists(st.sampled_from(ATOMS), max_size=14).map(''.join) | st.text(max_size=30))
def test_tokenize_equals_razdel_on_generated_text(text):
    assert tokenize(text) == _razdel(text)
