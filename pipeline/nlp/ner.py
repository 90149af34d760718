"""natasha's slovnet NER (NewsNERTagger), run on our razdel tokens so offsets are ours.

The model, its vocabularies and its CRF weights are natasha's own; this module calls them directly
rather than through slovnet's `infer`, for speed. Two of slovnet's steps cost more than the network
itself on news text: turning each word into its ids (`word_shape` is plain Python, run on every
token) and the CRF's Viterbi decoding (a batch-shaped loop that builds index arrays at every token).
Here the ids are cached per word form, the Viterbi loop works on one sequence, and the convolutions
read their windows from contiguous memory. All of it gives exactly the scores and tags slovnet gives
(`tests/nlp/test_ner.py` compares them).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache

from ..doc import Doc, Span, Token
from .models import MissingModelError

ENDS = frozenset('.!?…:;»"')  # tokens that end a line well enough for the model
CACHE_SIZE = 1 << 17  # word forms whose ids are kept; the cache is emptied when full


class NER:
    """PER / LOC / ORG spans. Loads the navec embeddings and the slovnet model once."""

    def __init__(self) -> None:
        try:  # the models ship inside natasha's package: nothing is downloaded
            import numpy as np
            from natasha import NewsNERTagger
            from slovnet.shape import word_shape

            self.tagger = NewsNERTagger(news_embedding())
        except (ImportError, OSError) as error:
            raise MissingModelError(
                'natasha\'s NER model (navec embeddings and slovnet NER, shipped in the natasha package) '
                f'cannot be loaded: install natasha (pip install natasha). Cause: {error}') from error
        infer = self.tagger.infer
        self.words_vocab = infer.encoder.words_vocab  # navec's vocabulary, which natasha's other models share
        self._np = np
        self._word_shape = word_shape
        self._model = infer.model
        self._words = infer.encoder.words_vocab
        self._shapes = infer.encoder.shapes_vocab
        self._tags = infer.decoder.tags_vocab.items
        # transposed, so that row b holds the scores of every tag before b
        self._transitions_to = np.ascontiguousarray(infer.model.head.crf.transitions.array.T)
        self._ids: dict[str, tuple[int, int]] = {}

    requires = ('text', 'tokens')
    assigns = ('spans',)

    def __call__(self, doc: Doc) -> list[Span]:
        """The step: the spans over the document's tokens (see `spans`)."""
        return self.spans(doc.text, doc.tokens)

    def spans(self, text: str, tokens: list[Token]) -> list[Span]:
        """Spans over `tokens` of `text`.

        The model reads the whole text as one sequence, as natasha does: one model call per text, no
        padding (reading lines as separate items of a batch cost 20% more time). A line that ends
        without punctuation (a title, a dateline) gets a full stop in the model's input only, so it does
        not run into the next line; and no span crosses a line break.
        """
        if not tokens:
            return []
        words, real = [], []  # the model's input, and for each of its words the token index or -1
        previous_end = None
        for i, token in enumerate(tokens):
            if previous_end is not None and '\n' in text[previous_end:token.start] and tokens[i - 1].text not in ENDS:
                words.append('.')
                real.append(-1)
            words.append(token.text)
            real.append(i)
            previous_end = token.end
        tags = self.tag(words)
        token_tags = [''] * len(tokens)
        broken = False
        for index, tag in zip(real, tags):
            if index < 0:
                broken = True
                continue
            if broken or (index and '\n' in text[tokens[index - 1].end:tokens[index].start]):
                tag = 'B' + tag[1:] if tag.startswith('I-') else tag  # a span never crosses a line
            token_tags[index] = tag
            broken = False
        return list(bio_spans(tokens, token_tags))

    def tag(self, words: Sequence[str]) -> list[str]:
        """The BIO tag of each word (`B-PER`, `I-LOC`, `O`…), read as one sequence."""
        if not words:
            return []
        np = self._np
        ids = [self._encode(word) for word in words]
        word_id = np.array([[i for i, _ in ids]])
        shape_id = np.array([[s for _, s in ids]])
        emissions = self.emissions(word_id, shape_id)[0]
        return [self._tags[i] for i in self._viterbi(emissions)]

    def emissions(self, word_id, shape_id):
        """The model's tag scores: slovnet's `NER.__call__`, computed in the layout (batch, word,
        channel) throughout. slovnet moves the channels first for its convolution and gathers each
        window of three words from that layout, a strided copy that took a quarter of the model's
        time; here the windows are stacked from contiguous slices. The numbers multiplied and
        added are the same, in the same order, so the scores are equal to the bit
        (`tests/nlp/test_ner.py`)."""
        np = self._np
        model = self._model
        pad = word_id == self._words.pad_id
        x = model.emb(word_id, shape_id)
        for layer in model.encoder.layers:  # CNNEncoderLayer: convolution, ReLU, batch norm; pads zeroed
            x = _convolve(np, layer.conv, x).clip(0)
            norm = layer.norm
            x = (x - norm.mean.array) / norm.std.array * norm.weight.array + norm.bias.array
            x[pad] = 0
        return model.head(x)

    def _encode(self, word: str) -> tuple[int, int]:
        ids = self._ids.get(word)
        if ids is None:
            if len(self._ids) >= CACHE_SIZE:
                self._ids.clear()
            ids = self._ids[word] = (self._words.encode(word.lower()),
                                     self._shapes.encode(self._word_shape(word)))
        return ids

    def _viterbi(self, emissions) -> list[int]:
        """The best tag path of one sequence: slovnet's `CRF.decode` for a batch of one.

        The sums are made in slovnet's order (previous score + transition, then + emission), so
        the floats, the ties and the path are the same.
        """
        transitions_to = self._transitions_to
        rows = list(emissions)
        score = rows[0]
        history = []
        for emission in rows[1:]:
            candidates = transitions_to + score  # [b, a]: score of a, then a → b
            history.append(candidates.argmax(1))
            score = candidates.max(1) + emission
        best = int(score.argmax())
        path = [best]
        for previous in reversed(self._np.array(history).tolist() if history else []):
            best = previous[best]
            path.append(best)
        path.reverse()
        return path


def _convolve(np, conv, x):
    """slovnet's `Conv1d` on x of shape (batch, word, channel), giving (batch, word, filter)."""
    filters, channels, width = conv.weight.shape
    batch, length, _ = x.shape
    if conv.padding:
        zeros = np.zeros((batch, conv.padding, channels), x.dtype)
        x = np.concatenate([zeros, x, zeros], axis=1)
    windows_count = length + 2 * conv.padding - width + 1
    # windows[b, w, c, k] = x[b, w + k, c]: the (channel, offset) order of slovnet's windows and weights
    windows = np.stack([x[:, k:k + windows_count, :] for k in range(width)], axis=-1)
    windows = windows.reshape(batch * windows_count, channels * width)
    weight = conv.weight.array.reshape(filters, channels * width)
    output = np.matmul(windows, weight.T) + conv.bias.array
    return output.reshape(batch, windows_count, filters)


@cache
def news_embedding():
    """natasha's news embeddings (the same file `natasha.NewsEmbedding` reads), as the NER needs them;
    read once per process (the relation stage's syntax models share them).

    The tagger takes only the embeddings' id and quantized vectors from them. `NewsEmbedding` also
    reads the vocabulary and precomputes navec's similarity tables, which the tagger never reads: 0.4 s
    of the model load, and a peak of 205 MB instead of 81 MB while loading (measured with ru_maxrss).
    """
    from natasha.data import NEWS_EMBEDDING
    from navec import Navec
    from navec.meta import Meta
    from navec.pq import PQ
    from navec.tar import Tar

    class Vectors(PQ):
        def precompute(self) -> None:  # norms and products for similarity look-ups: not needed
            pass

    with Tar(NEWS_EMBEDDING) as tar:
        meta = Meta.from_file(tar.load('meta.json'))
        Meta.check_protocol(meta.protocol)
        vectors = Vectors.from_file(tar.load('pq.bin'))
    return Navec(meta, None, vectors)


def bio_spans(tokens: list[Token], tags: list[str]) -> Iterator[Span]:
    """Spans from BIO tags (`B-PER`, `I-PER`, `O`); a stray I- starts a span of its own."""
    start = end = None
    current = None
    for token, tag in zip(tokens, tags):
        part, _, type_ = tag.partition('-')
        if part == 'I' and type_ == current:
            end = token.end
            continue
        if current is not None:
            yield Span(current, start, end)
            current = None
        if part in ('B', 'I'):
            current, start, end = type_, token.start, token.end
    if current is not None:
        yield Span(current, start, end)
