"""What is transferred: the weapon mentions of a parsed sentence, and the category nouns where no system
is named (`ракет, радаров и модернизированных самолетов`, `систем противовоздушной обороны`)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..doc import Mention
from ..nlp.morph import analyzer, lemmas, parses
from ..nlp.text import fold
from . import lexicon
from .sides import Sentence
from .syntax import Parse

DETERMINERS = frozenset({'такой', 'этот', 'данный', 'тот'})  # `такие ракеты`: the system named before
KINDS = frozenset({'тип', 'класс', 'модель'})  # `самолетов такого типа`
NAME_LINKS = frozenset({'appos', 'nmod', 'flat', 'flat:foreign', 'flat:name', 'nummod', 'compound'})


@dataclass(slots=True)
class Item:
    token: int  # the head token in the parse
    start: int  # the mention's offsets in the document
    end: int
    weapon: str = ''
    category: str = ''
    weapon_class: str = ''  # folded
    origin: str = ''
    covers: frozenset[str] = frozenset()  # categories: the weapon classes a named system would give
    umbrella: bool = False


def weapon_items(sentence: Sentence) -> list[Item]:
    """One item per weapon mention of the sentence, at its head token."""
    parse, items, seen = sentence.parse, [], set()
    for i, mention in enumerate(sentence.mention_at):
        if mention is None or mention.type != 'weapon' or id(mention) in seen:
            continue
        seen.add(id(mention))
        tokens = [j for j, m in enumerate(sentence.mention_at) if m is mention]
        head = next((j for j in tokens if parse.heads[j] not in tokens), i)
        items.append(Item(head, mention.start, mention.end, weapon=mention.entity,
                          weapon_class=fold(mention.weapon_class), origin=mention.origin))
    return items


def category_items(sentence: Sentence, earlier: list[Mention]) -> list[Item]:
    """Category nouns of the sentence that are no class noun of a named weapon; a noun with `такой`
    or `этот` (`24 таких машин`) stands for the last weapon named before (`earlier`, in text order)."""
    parse, items = sentence.parse, []
    weapon_tokens = {j for j, m in enumerate(sentence.mention_at) if m is not None and m.type == 'weapon'}
    for i, token in enumerate(parse.tokens):
        if sentence.mention_at[i] is not None or parse.pos[i] not in ('NOUN', 'PROPN', 'X'):
            continue
        words = compound_lemmas(token.text)
        if _names_a_weapon(parse, i, weapon_tokens):
            continue
        if earlier and words & lexicon.ANAPHORIC_NOUNS and _determiner(parse, i):
            antecedent = earlier[-1]
            items.append(Item(i, antecedent.start, antecedent.end, weapon=antecedent.entity,
                              weapon_class=fold(antecedent.weapon_class), origin=antecedent.origin))
            continue
        found = _category(parse, i, words)
        if found is None:
            continue
        system = _system_served(sentence, i)
        if system is not None:  # `снаряды для РСЗО HIMARS`: munitions are a row of their system
            items.append(Item(i, system.start, system.end, weapon=system.entity,
                              weapon_class=fold(system.weapon_class), origin=system.origin))
            continue
        if found.noun == 'вооружение' and parse.preposition(i) in ('на', 'с'):
            continue  # `на вооружении`: a holding, not a thing held
        items.append(Item(i, token.start, token.end, category=found.name or category_name(parse, i, found.noun),
                          covers=found.covers, umbrella=found.umbrella))
    return items


def _category(parse: Parse, i: int, words: frozenset[str]) -> lexicon.Category | None:
    table = lexicon.categories()
    for word in words:
        for category in table.get(word, ()):
            if not category.needs or category.needs in _phrase_words(parse, i):
                return category
    return None


def _phrase_words(parse: Parse, i: int) -> set[str]:
    """Lemmas of the words that define noun `i`: its adjectives and the genitives after it, with theirs."""
    out: set[str] = set()
    for child in parse.children(i):
        if parse.rels[child] in ('amod', 'nmod', 'appos', 'flat', 'compound'):
            out |= compound_lemmas(parse.tokens[child].text)
            for grandchild in parse.children(child):
                if parse.rels[grandchild] == 'amod':
                    out |= compound_lemmas(parse.tokens[grandchild].text)
    return out


def _names_a_weapon(parse: Parse, i: int, weapon_tokens: set[int]) -> bool:
    """Is noun `i` the class noun of a named system (`комплекс «Орешник»`, `танков класса К2`)?"""
    if i in weapon_tokens:
        return True
    for child in parse.children(i):
        if child in weapon_tokens and parse.rels[child] in NAME_LINKS:
            return True
        if parse.rels[child] in NAME_LINKS and any(
                g in weapon_tokens and parse.rels[g] in NAME_LINKS for g in parse.children(child)):
            return True
    if parse.heads[i] in weapon_tokens and parse.rels[i] in ('appos', 'flat'):
        return True
    following = [j for j in range(i + 1, min(i + 4, len(parse.tokens))) if parse.pos[j] != 'PUNCT']
    return bool(following) and following[0] in weapon_tokens


@lru_cache(maxsize=1024)
def is_determiner(word: str) -> bool:
    """`таких`, `этих`, `данного` (pronoun-adjectives, which the lemma sets leave out)."""
    return any(fold(p.normal_form) in DETERMINERS for p in parses(word))


def _determiner(parse: Parse, i: int) -> bool:
    """`такие ракеты`, `этих самолетов`, also `самолетов такого типа`."""
    for child in parse.children(i):
        if parse.rels[child] in ('det', 'amod') and is_determiner(parse.tokens[child].text):
            return True
        if parse.rels[child] == 'nmod' and parse.lemmas[child] & KINDS and _determiner(parse, child):
            return True
    return False


def _system_served(sentence: Sentence, i: int) -> Mention | None:
    """The weapon a munition noun is for (`снаряды для РСЗО HIMARS`, `ракет для системы Patriot`)."""
    parse = sentence.parse
    for child in parse.children(i):
        if parse.preposition(child) != 'для':
            continue
        for node in [child, *parse.children(child), *(g for c in parse.children(child) for g in parse.children(c))]:
            mention = sentence.mention_at[node]
            if mention is not None and mention.type == 'weapon':
                return mention
    return None


@lru_cache(maxsize=4096)
def compound_lemmas(word: str) -> frozenset[str]:
    """The lemmas of a word, each part of a hyphenated compound lemmatized (`ракетами-перехватчиками` →
    `ракета-перехватчик`)."""
    parts = fold(word).split('-')
    if len(parts) == 1 or not all(p.isalpha() for p in parts):
        return lemmas(word)
    return frozenset({'-'.join(fold(parses(p)[0].normal_form) if parses(p) else p for p in parts)})


def category_name(parse: Parse, i: int, noun: str) -> str:
    """The noun in the nominative singular with its type-defining adjectives before it, agreeing
    (`противотанковых управляемых ракет` → `противотанковая управляемая ракета`)."""
    keep = lexicon.CATEGORY_MODIFIERS
    adjectives = sorted(c for c in parse.children(i) if parse.rels[c] == 'amod' and c < i
                        and compound_lemmas(parse.tokens[c].text) & keep)
    gender = _gender(noun)
    words = [_agree(next(iter(compound_lemmas(parse.tokens[c].text) & keep)), gender) for c in adjectives]
    return ' '.join([*words, noun.replace('самолет', 'самолёт').replace('вертолет', 'вертолёт')])


@lru_cache(maxsize=256)
def _gender(noun: str) -> str:
    for p in parses(noun.split('-')[0]):
        if 'NOUN' in p.tag:
            return next((g for g in ('masc', 'femn', 'neut') if g in p.tag), 'masc')
    return 'masc'


@lru_cache(maxsize=1024)
def _agree(adjective: str, gender: str) -> str:
    """An adjective's nominative singular in `gender` (the lemma itself where pymorphy3 cannot)."""
    for p in analyzer().parse(adjective):
        if 'ADJF' in p.tag:
            form = p.inflect({'nomn', 'sing', gender})
            if form is not None:
                return form.word
    return adjective
