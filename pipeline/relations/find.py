"""The `find_transfers` document step: arms transfers as rows (../shared/eval/TRANSFERS.md).

Only the sentences that hold a weapon mention or a category noun, and a trigger or modifier word, are
parsed (slovnet syntax and morphology, loaded once with the extractor); the rest of the document costs
one quick look over its text. In each parsed sentence every item (weapon or category) is linked to the
trigger that governs it (`events`), its status composed (`status`), its sides read from the syntax
(`sides`), with the weapon's country adjective and origin where the text names no giver; then the rows
of the document are merged (`merge`).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..doc import Doc, Mention, Token, Transfer
from ..nlp.segment import tokenize
from . import lexicon
from .context import DocumentIndex
from .events import collect_sides, item_adjectives, link, trigger_at
from .items import Item, category_items, compound_lemmas, is_determiner, weapon_items
from .merge import Statement, merge
from .quantity import quantity
from .sides import Sentence, Side, marking, mentions_over, person_states
from .status import status
from .syntax import Syntax

BATCH_TOKENS = 2000  # tokens parsed at once (one sequence: about 10 MB of arrays per model)
ANTECEDENT_SENTENCES = 3  # `такие ракеты` looks this many sentences back for the system named
ANAPHORS = frozenset({'страна', 'государство', 'он', 'она', 'они'})  # words that may stand for a country
HISTORICAL = frozenset({'SU', 'YU', 'CS', 'DD'})  # `советские танки` tells where they were made, not who gives them
WORD = re.compile(r'[^\W\d_]\w*(?:-\w+)*')  # a word as razdel cuts it, where it starts with a letter
SAME_ORIGIN = {frozenset({'SU', 'RU'})}  # an adjective that names the origin's successor still names the origin


class FindTransfers:
    """The step; holds the syntax models (loaded once, in the constructor)."""

    requires = ('text', 'sentences', 'mentions')
    assigns = ('transfers',)

    def __init__(self, words_vocab=None) -> None:
        self.syntax = Syntax(words_vocab)
        stems = (re.escape(stem).replace('е', '[её]') for stem in lexicon.category_stems())
        self._hint = re.compile(r'(?<!\w)(?:' + '|'.join(stems) + ')', re.IGNORECASE)
        self._triggers = frozenset(lexicon.triggers())
        self._categories = lexicon.categories()
        self._sides = lexicon.STATE_AGENTS | lexicon.LEADER_ROLES | frozenset(lexicon.state_bodies()) | ANAPHORS

    def __call__(self, doc: Doc) -> list[Transfer]:
        if not doc.mentions or not any(m.type == 'country' for m in doc.mentions):
            return []
        index = DocumentIndex(doc)
        chosen = self._sentences(doc, index)
        if not chosen:
            return []
        states = person_states(doc.text, doc.mentions)
        statements: list[Statement] = []
        for batch in _batches(chosen):
            for (number, span, _), parse in zip(batch, self.syntax.parse([tokens for _, _, tokens in batch])):
                sentence = Sentence(parse, mentions_over(parse, index.mentions_of(number)), states, index.codes,
                                    number, span)
                earlier = index.weapons_before(number, span.start, ANTECEDENT_SENTENCES)
                items = weapon_items(sentence) + category_items(sentence, earlier)
                links = [link(parse, item.token) for item in items]
                _share_origins(sentence, items, links)
                for item, found in zip(items, links):
                    statements.extend(_statements(index, sentence, item, found))
        doc_id = doc.mentions[0].doc_id
        return [_with_id(t, doc_id) for t in merge(statements)]

    def _sentences(self, doc: Doc, index: DocumentIndex) -> list[tuple[int, Token, list[Token]]]:
        """(sentence index, line, tokens) of the lines of sentences worth parsing, in order: a sentence is
        read line by line, since razdel joins a headline without a full stop to the line after it."""
        wanted = {m.sentence for m in index.weapons}
        starts = [s.start for s in doc.sentences]
        for hit in self._hint.finditer(doc.text):
            wanted.add(max(bisect_right(starts, hit.start()) - 1, 0))
        out = []
        for number in sorted(wanted):
            if not 0 <= number < len(doc.sentences):
                continue
            sentence = doc.sentences[number]
            mentions = index.mentions_of(number)
            for line in _lines(doc.text, sentence):
                if not any(compound_lemmas(w) & self._triggers for w in WORD.findall(line.text)):
                    continue  # no trigger: the line is not worth tokenizing (the first test of _worth_parsing)
                inside = [m for m in mentions if line.start <= m.start < line.end]
                tokens = [Token(t.start + line.start, t.end + line.start, t.text) for t in tokenize(line.text)]
                if self._worth_parsing(tokens, inside):
                    out.append((number, line, _joined(tokens, [m for m in inside if m.type == 'weapon'])))
        return out

    def _worth_parsing(self, tokens: list[Token], mentions: list[Mention]) -> bool:
        """Does the line hold a trigger, something that can name a side (a country, a person, a state's
        body, `страна`), and a weapon or a category noun? Only such lines are parsed."""
        words = [compound_lemmas(t.text) for t in tokens if t.text[:1].isalpha()]
        if not any(w & self._triggers for w in words):
            return False
        if not any(m.type in ('country', 'person') for m in mentions) and not any(w & self._sides for w in words):
            return False
        if any(m.type == 'weapon' for m in mentions):
            return True
        every = frozenset().union(*words) if words else frozenset()
        if every & lexicon.ANAPHORIC_NOUNS and any(is_determiner(t.text) for t in tokens):
            return True  # `поставка … 24 таких машин`: the system named before
        return any(not c.needs or c.needs in every for w in words for noun in w & self._categories.keys()
                   for c in self._categories[noun])


def _batches(chosen: list, tokens: int = BATCH_TOKENS) -> list[list]:
    """The chosen lines in runs of about `tokens` tokens: one parse each, so that a huge document's
    arrays stay small."""
    out, batch, size = [], [], 0
    for line in chosen:
        batch.append(line)
        size += len(line[2])
        if size >= tokens:
            out.append(batch)
            batch, size = [], 0
    if batch:
        out.append(batch)
    return out


def _lines(text: str, sentence: Token) -> list[Token]:
    """The non-blank lines of a sentence, without their outer white space."""
    out, start = [], sentence.start
    for piece in text[sentence.start:sentence.end].split('\n'):
        stripped = piece.strip()
        if stripped:
            begin = start + piece.index(stripped[0])
            out.append(Token(begin, begin + len(stripped), stripped))
        start += len(piece) + 1
    return out


def _joined(tokens: list[Token], weapons: list[Mention]) -> list[Token]:
    """The tokens with each run of touching tokens inside one weapon mention made one word (`К2`, which
    razdel cuts after its Cyrillic letter), so the parser reads a designation as one word."""
    out: list[Token] = []
    for token in tokens:
        previous = out[-1] if out else None
        if previous is not None and previous.end == token.start and any(
                m.start <= previous.start and token.end <= m.end for m in weapons):
            out[-1] = Token(previous.start, token.end, previous.text + token.text)
        else:
            out.append(token)
    return out


def _share_origins(sentence: Sentence, items: list[Item], links: list) -> None:
    """A system of unknown origin is made where its own country adjective says (`китайских J-7`), or else
    where the others listed with it under one trigger are, if they agree (`С-400 «Триумф» и …
    «Панцирь-С»`)."""
    origins: dict[int, set[str]] = {}
    for item, found in zip(items, links):
        if found is not None and item.weapon and item.origin:
            origins.setdefault(found.trigger, set()).add(item.origin)
    for item, found in zip(items, links):
        if found is None or not item.weapon or item.origin:
            continue
        own = [a.code for a in item_adjectives(sentence, found.group) if a.code not in HISTORICAL]
        if own:
            item.origin = own[0]
        elif len(origins.get(found.trigger, ())) == 1:
            item.origin = next(iter(origins[found.trigger]))


def _statements(index: DocumentIndex, sentence: Sentence, item: Item, found) -> list[Statement]:
    """The item's statements in this sentence (one per pair of sides), or none."""
    parse = sentence.parse
    if found is None or (item.category and _gives_or_takes(parse, found, item.token)) or parse.negated(item.token):
        return []  # `речь идет о поставках не Leopard, а танков Challenger 2`: not the Leopard
    stated = status(parse, found)
    if stated is None:
        return []
    collect_sides(sentence, found)
    pairs, empty, parties = _resolve(index, sentence, found.sides, item_adjectives(sentence, found.group), item,
                                     stated)
    evidence = sentence.span
    trigger = parse.tokens[found.trigger].text
    count = quantity(parse, found.group)
    return [Statement(Transfer(supplier, recipient, item.weapon, item.category, stated, count, evidence.start,
                               evidence.end, evidence.text, item.start, item.end, trigger, sentence.number),
                      item.weapon_class, item.covers, item.umbrella, found.trigger, set(empty), parties)
            for supplier, recipient in pairs]


def _gives_or_takes(parse, found, token: int) -> bool:
    """Is the category noun the giver or the receiver of its event (`Корабли доставят в Польшу танки`)?"""
    if parse.heads[token] != found.trigger or marking(parse, token) != 'subj':
        return False
    trigger = trigger_at(parse, found.trigger)
    return trigger is not None and trigger.kind not in ('arrive', 'supply', 'purchase', 'deal')


Pairs = list[tuple[str, str]]


def _resolve(index: DocumentIndex, sentence: Sentence, found: dict[str, list[tuple[int, int, Side]]],
             adjectives: list[Side], item: Item, stated: str) -> tuple[Pairs, list[str], tuple[str, ...]]:
    """The (supplier, recipient) pairs from the syntax, the item's country adjectives and its origin,
    the sides the text names as no country (a collective), and the parties of a deal whose roles
    nothing in the sentence tells (`КНР и Иран намерены заключить сделку` for a system of unknown
    origin: the document's other statements may); no pair where the text names neither side. Joined
    arguments give a row each (`запросы Китаю и Ирану`)."""
    origin = item.origin if stated != 'in_service' else ''  # forces holding a system are no sign it is theirs
    suppliers = _nearest(index, sentence, found.get('supplier', []), origin=origin)
    recipients = _nearest(index, sentence, found.get('recipient', []), exclude=suppliers, origin=origin)
    origin = item.origin
    guessed: list[str] = []
    for _, _, party in sorted(found.get('party', []), key=lambda p: p[:2]):
        code = _code(index, sentence, party, origin=origin)
        if party.how in ('agent', 'forces') and not recipients and code:
            recipients = [code]  # `Минобороны России … подписали контракт`: the ministry buys
        elif not suppliers and code and code in (origin, _origin(origin, sentence), *(a.code for a in adjectives)):
            suppliers = [code]
        elif code and code not in suppliers and code not in recipients:
            guessed.append(code)
            if not recipients:
                recipients = [code]
    parties = tuple(guessed) if guessed and not suppliers else ()
    if len(recipients) > 1:
        recipients = [r for r in recipients if r not in suppliers] or recipients
    empty = [role for role, codes in (('supplier', suppliers), ('recipient', recipients)) if codes == ['']]
    makers = [a.code for a in adjectives if a.code not in recipients and a.code not in HISTORICAL]
    if stated == 'in_service':
        if not recipients and origin:
            recipients = [a.code for a in adjectives if not _same_origin(a.code, origin)][:1]
        holders = [r for r in recipients if r]
        return [(supplier, r) for r in holders for supplier in ([origin] if origin else makers or [''])], empty, ()
    textual = bool(suppliers or recipients or makers)
    if not suppliers:
        suppliers = makers or [_origin(origin, sentence)]
    if not recipients:
        recipients = [_only_other_country(sentence, suppliers) or '']
    if not textual and not any(recipients):
        return [], empty, ()
    return [(s or '', r or '') for s in suppliers for r in recipients if s or r], empty, parties


def _nearest(index: DocumentIndex, sentence: Sentence, sides: list[tuple[int, int, Side]],
             exclude: list[str] | tuple = (), origin: str = '') -> list[str]:
    """The codes of the nearest argument ('' for a collective), several for joined ones (`Китаю и
    Ирану`); an anaphor (`страна`) is read as the country named last before it, other than `exclude`."""
    ordered = sorted(sides, key=lambda s: s[:2])
    for distance, argument, _ in ordered:
        codes = []
        for d, a, side in ordered:
            if (d, a) != (distance, argument):
                continue
            code = _code(index, sentence, side, exclude if side.how == 'anaphora' else (), origin)
            if code is not None and code not in codes:
                codes.append(code)
        if codes:
            return codes
    return []


def _code(index: DocumentIndex, sentence: Sentence, side: Side, exclude=(), origin: str = '') -> str | None:
    if side.how == 'forces':  # `ВКС`: as named elsewhere; armed forces else those of the document's country
        found = index.forces_country(sentence.parse.tokens[side.token].text)
        if found or not origin or not sentence.parse.lemmas[side.token] & lexicon.ARMED_FORCES:
            return found
        return index.main_country
    if side.how not in ('anaphora', 'pronoun'):
        return side.code
    start = sentence.parse.tokens[side.token].start
    before = index.country_before(start, sentence.number - (0 if side.how == 'pronoun' else 2), exclude)
    if before is not None or side.how == 'anaphora':
        return before
    return index.first_state(sentence.number - 1, sentence.person_states)  # `Пентагон объявил … он направит`


def _origin(origin: str, sentence: Sentence) -> str:
    """The weapon's origin as a supplier: a Soviet system given now comes from Russia where the
    document names Russia."""
    if origin == 'SU' and 'RU' in sentence.doc_codes:
        return 'RU'
    return origin


def _same_origin(code: str, origin: str) -> bool:
    return code == origin or frozenset({code, origin}) in SAME_ORIGIN


def _only_other_country(sentence: Sentence, suppliers: list[str]) -> str | None:
    """The one country of the sentence other than the suppliers, if there is exactly one."""
    codes = {m.code for m in sentence.mention_at if m is not None and m.type == 'country' and m.code}
    codes |= {sentence.person_states[m.entity] for m in sentence.mention_at
              if m is not None and m.type == 'person' and m.entity in sentence.person_states}
    codes -= set(suppliers)
    return codes.pop() if len(codes) == 1 else None


def _with_id(transfer: Transfer, doc_id: str) -> Transfer:
    transfer.doc_id = doc_id
    return transfer
