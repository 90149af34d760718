"""natasha's slovnet syntax parser and morphology tagger, run on the few sentences the relation stage reads.

Both models ship inside the natasha package (`NewsSyntaxParser`, `NewsMorphTagger`) and read the same
navec news embeddings as the NER (`pipeline.nlp.ner.news_embedding`, loaded once per process). They are
loaded once, when the extractor is built, so that forked workers inherit them; each call parses all the
chosen sentences of one document together (slovnet batches them).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..doc import Token
from ..nlp.models import MissingModelError
from ..nlp.morph import lemmas
from ..nlp.ner import CACHE_SIZE, news_embedding
from ..nlp.ner import _convolve as convolve  # the NER's contiguous convolution, the same numbers


@dataclass(slots=True)
class Parse:
    """One sentence as the models read it: its tokens (offsets into the document), each token's head
    (index into `tokens`, -1 for the root), relation (UD: `nsubj`, `obl`, `nmod`…), part of speech and
    features (`Case`, `Tense`, `Voice`…), and the folded lemmas pymorphy3 allows for it."""

    tokens: list[Token]
    heads: list[int]
    rels: list[str]
    pos: list[str]
    feats: list[dict]
    lemmas: list[frozenset[str]]

    def children(self, i: int) -> list[int]:
        return [j for j, head in enumerate(self.heads) if head == i]

    def ancestors(self, i: int, limit: int = 12) -> list[int]:
        """The heads above token `i`, nearest first (a cycle, which the parser can give, stops the walk)."""
        out, seen = [], {i}
        head = self.heads[i]
        while head >= 0 and head not in seen and len(out) < limit:
            out.append(head)
            seen.add(head)
            head = self.heads[head]
        return out

    def case(self, i: int) -> str:
        return self.feats[i].get('Case', '')

    def preposition(self, i: int) -> str:
        """The folded preposition (`case` child) of token `i`, or ''; a compound one by its first word."""
        for j in self.children(i):
            if self.rels[j] == 'case':
                return self.tokens[j].text.lower().replace('ё', 'е')
        return ''

    def negated(self, i: int) -> bool:
        return any(self.tokens[j].text.lower() in ('не', 'ни') and self.rels[j] in ('advmod', 'discourse', 'dep')
                   for j in self.children(i))


def _without_cycles(heads: list[int]) -> list[int]:
    """Heads (index, -1 for the root) where every token reaches the root: the parser can give a cycle
    (`1 млн снарядов`: `млн` under `снарядов` under `млн`); its first token is put under the root."""
    heads = [h if 0 <= h < len(heads) else -1 for h in heads]
    root = next((i for i, h in enumerate(heads) if h < 0), None)
    for start in range(len(heads)):
        path, node = [], start
        while node >= 0 and node not in path:
            path.append(node)
            node = heads[node]
        if node >= 0:  # a cycle through `node`
            cycle = path[path.index(node):]
            first = min(cycle)
            if root is None:
                heads[first], root = -1, first
            else:
                heads[first] = root
    return heads


class Syntax:
    """The two models, loaded once; `parse` reads sentences given as tokens.

    The networks are natasha's own, called here as `pipeline.nlp.ner` calls the NER: word ids cached per
    word form, the convolutions read from contiguous memory (`pipeline.nlp.ner._convolve`), and all the
    sentences of one call read as one sequence, a zero vector between two sentences (as slovnet's padding
    is) and zeroed again after each layer, so that no sentence sees another; the heads then work sentence
    by sentence. The heads, relations and tags are slovnet's (`tests/relations/test_syntax.py` compares
    them), at a third of the time of slovnet's padded batches.
    """

    def __init__(self, words_vocab=None) -> None:
        """`words_vocab`: the navec word vocabulary another natasha model of this process has loaded (the
        NER's), shared instead of read twice more (some 45 MB each)."""
        try:
            import numpy as np
            from natasha.data import NEWS_MORPH, NEWS_SYNTAX
            from slovnet.conll import parse_conll_tag
            from slovnet.const import REL, TAG
            from slovnet.exec.model import Morph
            from slovnet.exec.model import Syntax as SyntaxModel
            from slovnet.shape import word_shape

            syntax, words, shapes, self._rels = _load(NEWS_SYNTAX, SyntaxModel, REL, words_vocab)
            morph, _, morph_shapes, self._tags = _load(NEWS_MORPH, Morph, TAG, words)
        except (ImportError, OSError) as error:
            raise MissingModelError(
                "natasha's syntax and morphology models (slovnet, shipped in the natasha package) cannot be "
                f'loaded: install natasha (pip install natasha). Cause: {error}') from error
        self._np, self._tag_of = np, parse_conll_tag
        self._syntax = _Network(syntax, words, shapes, word_shape, np)
        self._morph = _Network(morph, words, morph_shapes, word_shape, np)
        self._tag_cache: dict[int, tuple[str, dict]] = {}

    def parse(self, sentences: Sequence[list[Token]]) -> list[Parse]:
        """The parse of each sentence (a list of razdel tokens), in order."""
        np = self._np
        words = [[t.text for t in tokens] for tokens in sentences if tokens]
        if not words:
            return [Parse([], [], [], [], [], []) for _ in sentences]
        x, where = self._syntax.encode(words)
        tags = self._morph.model.head(self._morph.encode(words)[0]).argmax(-1)
        model = self._syntax.model
        head, rel = model.head, model.rel
        tail_of_root = head.tail(head.root.array[np.newaxis])
        heads_all, tails_all = head.head(x), head.tail(x)
        targets = np.zeros(len(x), dtype=int)  # each token's head: its row in x, or -1 for the root
        chosen = []
        for start, end in where:  # slovnet's SyntaxHead for one sentence: the root, then its tokens (the root's
            # own row of scores is left out, as slovnet strips it)
            scores = np.matmul(np.matmul(heads_all[start:end], head.kernel.array),
                               np.concatenate((tail_of_root, tails_all[start:end])).T)
            best = scores.argmax(-1)
            chosen.append(best)
            targets[start:end] = np.where(best > 0, start + best - 1, -1)
        gathered = np.where(targets[:, np.newaxis] >= 0, x[targets], rel.root.array)  # slovnet's gather_head
        hidden, width = rel.kernel.shape
        relations = np.matmul(np.matmul(rel.head(gathered), rel.kernel.array).reshape(len(x), width // hidden, hidden),
                              rel.tail(x)[:, :, np.newaxis]).reshape(len(x), -1).argmax(-1)
        out, position = [], 0
        for tokens in sentences:
            if not tokens:
                out.append(Parse([], [], [], [], [], []))
                continue
            start, end = where[position]
            pos, feats = zip(*(self._tag(int(t)) for t in tags[start:end]))
            out.append(Parse(list(tokens), _without_cycles([int(h) - 1 for h in chosen[position]]),
                             [self._rels.decode(int(r)) for r in relations[start:end]], list(pos),
                             [dict(f) for f in feats], [lemmas(t.text) for t in tokens]))
            position += 1
        return out

    def _tag(self, tag: int) -> tuple[str, dict]:
        found = self._tag_cache.get(tag)
        if found is None:
            found = self._tag_cache[tag] = self._tag_of(self._tags.decode(tag))
        return found


def _load(path: str, model_class, labels: str, words=None):
    """A slovnet model pack as slovnet's `API.load` reads it, with natasha's embeddings injected, and
    (network, words vocabulary, shapes vocabulary, labels vocabulary); `words`, where given and of the
    embeddings' size, is used instead of the pack's own copy."""
    from slovnet.const import SHAPE, WORD
    from slovnet.exec.pack import Pack

    embedding = news_embedding()
    with Pack(path) as pack:
        meta = pack.load_meta()
        meta.check_protocol()
        model = pack.load_model(model_class)
        arrays = dict(pack.load_arrays(model.weights))
        if words is None or len(words.items) != len(embedding.pq.indexes):
            words = pack.load_vocab(WORD)
        shapes, names = pack.load_vocab(SHAPE), pack.load_vocab(labels)
    return model.inject_arrays(arrays).inject_navec(embedding), words, shapes, names


class _Network:
    """One slovnet network's embedding and convolutional encoder, over several sentences at once."""

    def __init__(self, model, words, shapes, word_shape, np) -> None:
        self.model = model
        self._words, self._shapes, self._word_shape = words, shapes, word_shape
        self._np = np
        self._ids: dict[str, tuple[int, int]] = {}

    def encode(self, sentences: list[list[str]]):
        """The encoder's output for the sentences' words, as rows of one (words, channels) array with
        no separator rows, and each sentence's (start, end) rows in it."""
        np = self._np
        ids, rows, keep, where = [], [], [], []
        for words in sentences:
            if rows:
                ids.append((self._words.pad_id, self._shapes.pad_id))
                rows.append(False)
            start = len(keep)
            for word in words:
                ids.append(self._id(word))
                rows.append(True)
                keep.append(len(rows) - 1)
            where.append((start, len(keep)))
        gap = ~np.array(rows)
        x = self.model.emb(np.array([[i for i, _ in ids]]), np.array([[s for _, s in ids]]))
        x[0, gap] = 0
        for layer in self.model.encoder.layers:
            x = convolve(np, layer.conv, x).clip(0)
            norm = layer.norm
            x = (x - norm.mean.array) / norm.std.array * norm.weight.array + norm.bias.array
            x[0, gap] = 0
        return x[0, keep], where

    def _id(self, word: str) -> tuple[int, int]:
        ids = self._ids.get(word)
        if ids is None:
            if len(self._ids) >= CACHE_SIZE:
                self._ids.clear()
            ids = self._ids[word] = (self._words.encode(word.lower()), self._shapes.encode(self._word_shape(word)))
        return ids
