"""natasha's slovnet NER (NewsNERTagger), run on our razdel tokens so offsets are ours."""
from __future__ import annotations

from .morph import MissingModelError
from .records import Span, Token

ENDS = frozenset('.!?…:;»"')  # tokens that end a line well enough for the model


class NER:
    """PER / LOC / ORG spans. Loads the navec embeddings and the slovnet model once."""

    def __init__(self) -> None:
        try:  # the models ship inside natasha's package: nothing is downloaded
            from natasha import NewsEmbedding, NewsNERTagger

            self.tagger = NewsNERTagger(NewsEmbedding())
        except (ImportError, OSError) as error:
            raise MissingModelError(
                'natasha\'s NER model (navec embeddings and slovnet NER, shipped in the natasha package) '
                f'cannot be loaded: install natasha (pip install natasha). Cause: {error}') from error

    def __call__(self, text: str, tokens: list[Token]) -> list[Span]:
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
        infer = self.tagger.infer
        tags = next(iter(infer.decoder(infer.process(infer.encoder([words])))))
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


def bio_spans(tokens: list[Token], tags: list[str]):
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
