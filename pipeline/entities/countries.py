"""Country mentions: names, abbreviations, adjectives and capitals from `data/countries.csv`.

A capital counts only where it stands for its government (`pipeline.entities.capitals`). Every form is
dropped when it lies inside a longer location the NER found that is not a country (`Латинской Америке`,
`Северной Ирландии`), inside a geographic name (`Филиппинского моря`) or a ship's name, or where an
adjective gives one person's nationality or a language.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from ..data import load_word_list, read_rows
from ..doc import Doc, Mention, Span, Token, step
from ..nlp.gazetteer import Gazetteer, Match
from ..nlp.morph import fold, lemmas, parses
from ..nlp.quotes import in_quote
from ..nlp.text import previous_word
from .capitals import SHORT_QUOTE, acts_as_government, coordinated

NAMED_PLACE_NOUNS = load_word_list('named_place_nouns.txt')


@dataclass(frozen=True, slots=True)
class CountryForm:
    code: str
    entity: str
    kind: str  # name | abbreviation | adjective | capital
    others: tuple[tuple[str, str], ...] = ()  # (code, entity) of the other countries an ambiguous form names
    stem: bool = False  # the first part of a compound adjective (`российско-`): only before a hyphen


@lru_cache(maxsize=1)
def load_countries(name: str = 'countries.csv') -> Gazetteer[CountryForm]:
    """The country gazetteer, with lower-case compound stems of adjectives (`российско-`, `американо-`, and
    those of `data/compound_stems.csv`: `англо-`, `франко-`), and the ambiguous forms of
    `data/ambiguous_countries.csv` (`Конго`: the Republic or the DR)."""
    rows = list(read_rows(name))
    entities = {row['code']: row['entity'] for row in rows}
    ambiguous = {row['form']: row for row in read_rows('ambiguous_countries.csv')}
    written = {row['form'] for row in rows}
    rows += [{'code': row['codes'].split('|')[0], 'entity': '', 'form': form, 'kind': row['kind']}
             for form, row in ambiguous.items() if form not in written]
    items = []
    for row in rows:
        codes = ambiguous[row['form']]['codes'].split('|') if row['form'] in ambiguous else [row['code']]
        form = CountryForm(codes[0], entities[codes[0]], row['kind'], tuple((c, entities[c]) for c in codes[1:]))
        items.append((row['form'], form))
        if row['kind'] == 'adjective':
            for stem in compound_stems(row['form']):
                items.append((stem, replace(form, stem=True)))
    for row in read_rows('compound_stems.csv'):
        items.append((row['stem'], CountryForm(row['code'], entities[row['code']], 'adjective', stem=True)))
    return Gazetteer(items)


def compound_stems(adjective: str) -> list[str]:
    """First parts of compound adjectives: `российский` → `российско`, `американский` → `американо`."""
    stems = [adjective[:-2] + 'о']
    if adjective.endswith('ский'):
        stems.append(adjective[:-4] + 'о')
    return stems


@step(requires='text words spans initial', assigns='countries')
def find_countries(doc: Doc) -> list[Mention]:
    """Country mentions among the gazetteer words of the text."""
    text, words, ner_spans, sentence_initial = doc.text, doc.words, doc.spans, doc.initial
    places = [s for s in ner_spans if s.type == 'LOC']
    persons = [s for s in ner_spans if s.type == 'PER']
    mentions, forms = [], []
    taken: set[int] = set()  # indexes of the last word of each country mention, for coordination
    for match in load_countries().find(words, sentence_initial, text):
        form = match.phrase.value
        if (_inside_longer_place(match, places, text) or _latin_in_person(match, persons, text)
                or _part_of_a_word(text, match)):
            continue
        if form.kind == 'capital' and not (acts_as_government(text, words, match)
                                           or coordinated(text, words, match, taken)):
            continue
        if (_inside_proper_name(text, words, match, sentence_initial) or _nationality(text, words, match)
                or _geographic_name(text, words, match, sentence_initial) or _in_ship_name(text, match)):
            continue
        mentions.append(Mention(
            type='country', start=match.start, end=match.end, text=text[match.start:match.end],
            normal=match.phrase.form, entity=form.entity, code=form.code, kind=form.kind, source='gazetteer'))
        taken.add(match.last - 1)
        forms.append(form)
    return resolve_ambiguous(mentions, forms)


def resolve_ambiguous(mentions: list[Mention], forms: list[CountryForm]) -> list[Mention]:
    """An ambiguous form names the one of its countries the text names most often otherwise (`Конго`
    beside `ДР Конго` or `Киншасы` is the DR; beside `КНДР`, `корейский` is the North); where none is
    named, or two as often, its first country."""
    named = Counter(form.code for form in forms if not form.others)
    for mention, form in zip(mentions, forms):
        if form.others:
            options = sorted([(form.code, form.entity), *form.others], key=lambda option: -named[option[0]])
            if named[options[0][0]] > (named[options[1][0]] if len(options) > 1 else 0):
                mention.code, mention.entity = options[0]
    return mentions


def _part_of_a_word(text: str, match: Match) -> bool:
    """A form that is only part of a longer word or address: a compound stem not before its hyphen
    (`чадо` is a child, not `чадо-ливийский`), a domain or handle (`в зоне .РФ`, `@Israel`)."""
    if match.phrase.value.stem and text[match.end:match.end + 1] not in '-‐‑':
        return True
    return match.start > 0 and text[match.start - 1] in './@_'


LATIN_NAME_BEFORE = re.compile(r'[A-Z][a-z]+[ \xa0]$')


def _latin_in_person(match: Match, persons: list[Span], text: str) -> bool:
    """A Latin name inside a person's name is no country: inside an NER person, or after a capitalised
    Latin word (`Michael Jordan`; `USA Today`, `U.S. Navy`, `Times of Israel` stay)."""
    if not text[match.start:match.start + 1].isascii():
        return False
    return bool(LATIN_NAME_BEFORE.search(text, max(0, match.start - 30), match.start)) or any(
        s.start <= match.start and match.end <= s.end for s in persons)


def _inside_proper_name(text: str, words: list[Token], match: Match, sentence_initial: set[int]) -> bool:
    """A country adjective that is part of a place's or a front's name: capitalised inside a sentence
    before such a noun (`Советского района`, `Украинского фронта`, `Колумбийском университете`)."""
    form = match.phrase.value
    first = words[match.first]
    if form.kind == 'adjective' and first.text[:1].isupper() and match.first not in sentence_initial:
        following = words[match.last] if match.last < len(words) else None
        if following is not None and lemmas(following.text) & NAMED_PLACE_NOUNS:
            return True
    return False


GEOGRAPHIC_NOUNS = load_word_list('geographic_nouns.txt')


def _geographic_name(text: str, words: list[Token], match: Match, sentence_initial: set[int]) -> bool:
    """A capitalised country adjective naming a sea, a gulf or another geographic feature (`Филиппинского
    моря`, `Атлантическому и Индийскому океанам`, `Мексиканский залив`), or standing for such a name
    just given (`переименовало Мексиканский залив в Американский`): capitalised inside a sentence, a
    geographic noun a few words before, no noun after it."""
    if match.phrase.value.kind != 'adjective' or not words[match.first].text[:1].isupper():
        return False
    head = _head_noun(text, words, match.last)
    if head is not None and lemmas(head) & GEOGRAPHIC_NOUNS:
        return True
    if match.first in sentence_initial or match.last >= len(words):
        return False
    if not any(lemmas(w.text) & GEOGRAPHIC_NOUNS for w in words[max(0, match.first - 4):match.first]):
        return False  # no such name just before: `Патриархом Болгарским стал` is a title of the country
    following = words[match.last]
    if text[match.end:following.start].strip(' \xa0'):
        return False
    readings = parses(following.text)
    return following.text.islower() and bool(readings) and not {'NOUN', 'ADJF'} & readings[0].tag.grammemes


SHIP_NOUNS = load_word_list('ship_nouns.txt')
OPEN_QUOTE = re.compile(r'[«"„“][^«»"„“”\n]*$')


def _in_ship_name(text: str, match: Match) -> bool:
    """A form inside the quoted name of a ship (`фрегат «Адмирал флота Советского Союза Горшков»`,
    `ледокол «Россия»`): the ship, not the country."""
    if not in_quote(text, match.start, SHORT_QUOTE * 2):
        return False
    opening = OPEN_QUOTE.search(text, max(0, match.start - SHORT_QUOTE * 2), match.start)
    before = previous_word(text, opening.start()) if opening else None
    return before is not None and bool(lemmas(before.group(1)) & SHIP_NOUNS)


COMPOUND = re.compile(r'\w+(?:-\w+)*')


def _nationality(text: str, words: list[Token], match: Match) -> bool:
    """An adjective giving one person's nationality or a language, not a country: its noun, past
    coordinated adjectives, is a singular person noun that is no state role (`французский журналист`,
    `советский и российский актёр`, `британский рок-музыкант`; `российский президент` stays a
    country), or a language (`английским и испанским языками`, `на пяти языках — итальянском, …`)."""
    if match.phrase.value.kind != 'adjective':
        return False
    if LANGUAGES_BEFORE.search(text, max(0, match.start - 80), match.start):
        return True
    head = _head_noun(text, words, match.last)
    if head is None:
        return _substantive(text, words, match)
    head_lemmas = lemmas(head)
    if head_lemmas & LANGUAGE_NOUNS:
        return True
    readings = parses(head)
    if not readings or head_lemmas & load_word_list('state_roles.txt'):
        return False
    best = readings[0].tag
    return 'NOUN' in best.grammemes and 'anim' in best.grammemes and 'sing' in best.grammemes


LANGUAGE_NOUNS = load_word_list('language_nouns.txt')
# A list of languages after its noun: `на пяти языках — итальянском, французском, немецком`
LANGUAGES_BEFORE = re.compile(r'язык\w*[ \xa0]*[—–:-][ \xa0]*(?:[а-яё]+(?:ом|им|ым)(?:,[ \xa0]*|[ \xa0]+и[ \xa0]+))*$')
COORDINATION = frozenset({'и', 'или'})


def _substantive(text: str, words: list[Token], match: Match) -> bool:
    """A masculine or neuter adjective standing for its noun, which is a language (`владеет английским,
    французским`, `на английском.`): no noun follows it, only punctuation or the end of the text."""
    after = text[match.end:match.end + 3].lstrip(' \xa0')
    if after and after[0] not in ',.;:!?)»"':
        return False
    readings = parses(words[match.last - 1].text)
    return bool(readings) and 'ADJF' in readings[0].tag.grammemes and readings[0].tag.gender != 'femn' \
        and 'plur' not in readings[0].tag.grammemes


def _head_noun(text: str, words: list[Token], i: int) -> str | None:
    """The lower-case noun an adjective ending before words[i] goes with, past coordinated adjectives
    (`советский и российский актёр` → `актёр`), whole if it is a compound (`рок-музыкант`)."""
    for k in range(i, min(i + 6, len(words))):
        word = words[k]
        if text[words[k - 1].end:word.start].strip(' \xa0,') or not word.text.islower():
            return None
        if fold(word.text) in COORDINATION:
            continue
        readings = parses(word.text)
        role = lemmas(word.text) & load_word_list('state_roles.txt')
        if readings and 'ADJF' in readings[0].tag.grammemes and not role:
            continue  # another adjective, but not `военный` (`российский военный эксперт` speaks of the state)
        compound = COMPOUND.match(text, word.start)  # `рок-музыкант`, whose words are split
        return compound.group().split('-')[-1] if compound else word.text
    return None


BRACKETS = re.compile(r'[()\[\]]')


def _inside_longer_place(match: Match, places: list[Span], text: str) -> bool:
    """The form lies inside a longer place the NER found (`Латинской Америке`); a span that runs over a
    bracket counts only up to it (`США (CENTCOM)`, `[Республики] Конго` are the country)."""
    for span in places:
        if span.start <= match.start and match.end <= span.end and (span.end - span.start) > (match.end - match.start):
            before = BRACKETS.split(text[span.start:match.start])[-1]
            after = BRACKETS.split(text[match.end:span.end])[0]
            if any(c.isupper() for c in (before + after).strip(' -')):
                return True
    return False
