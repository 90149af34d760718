"""natasha's slovnet NER (NewsNERTagger), run on our razdel tokens so offsets are ours."""
from __future__ import annotations

from .morph import MissingModelError
from .records import Span, Token

MAX_BATCH = 256  # lines per model call


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
        """Spans over `tokens` of `text`. The model reads one line at a time (a title does not run into
        the paragraph after it), all lines of a text in one batch (one model call per text is what
        keeps it as fast as natasha's own whole-text call)."""
        lines = split_lines(text, tokens)
        if not lines:
            return []
        infer = self.tagger.infer
        infer.encoder.batch_size = min(len(lines), MAX_BATCH)
        inputs = infer.encoder([[token.text for token in line] for line in lines])
        spans = []
        for line, tags in zip(lines, infer.decoder(infer.process(inputs))):
            spans.extend(bio_spans(line, tags))
        return spans


def split_lines(text: str, tokens: list[Token], max_tokens: int = 512) -> list[list[Token]]:
    """Tokens grouped by line; a very long line is cut into pieces of at most `max_tokens`."""
    lines: list[list[Token]] = []
    current: list[Token] = []
    previous_end = 0
    for token in tokens:
        if current and ('\n' in text[previous_end:token.start] or len(current) >= max_tokens):
            lines.append(current)
            current = []
        current.append(token)
        previous_end = token.end
    if current:
        lines.append(current)
    return lines


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
