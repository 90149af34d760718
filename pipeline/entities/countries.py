"""Country mentions: names, abbreviations, adjectives and capitals from `data/countries.csv`.

Capital rule. A capital is a country mention only where it stands for its government
(`Москва и Каракас договорились`, `контакт с Москвой`, `поставить Каракасу`). It is a place, and
not taken, when it follows a preposition of place (`в Москве`, `из Каракаса`, `под Киевом`), when it
follows a noun that makes it a place (`мэр Москвы`, `центре Киева`, `аэропорт Вашингтона`), when it
is one end of a route (`Каракас — Санкт-Петербург`), or when it is written in capitals as a
dateline (`КАРАКАС, 6 ноября`). Every name form is also dropped when it lies inside a longer
location the NER found that is not a country (`Латинской Америке`, `Северной Ирландии`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data import load_word_list, read_rows
from ..doc import Doc, Mention, Span, Token, step
from ..nlp.gazetteer import Gazetteer, Match
from ..nlp.morph import fold, lemmas, parses
from ..nlp.quotes import in_quote
from ..nlp.text import previous_word

PLACE_PREPOSITIONS = load_word_list('place_prepositions.txt')
PLACE_NOUNS = load_word_list('place_nouns.txt')  # matched as the start of the word before: any form counts
ROUTE_DASHES = frozenset('-–—‐')
PARTNER_PREPOSITIONS = load_word_list('partner_prepositions.txt')
PREPOSITIONS = load_word_list('other_prepositions.txt') | PLACE_PREPOSITIONS
STANCE_NOUNS = load_word_list('stance_nouns.txt')
NAMED_PLACE_NOUNS = load_word_list('named_place_nouns.txt')
PLACE_VERBS = load_word_list('place_verbs.txt')
SHORT_QUOTE = 40  # the longest title a capital's name may stand in («Эхо Москвы»)


@dataclass(frozen=True, slots=True)
class CountryForm:
    code: str
    entity: str
    kind: str  # name | abbreviation | adjective | capital


@lru_cache(maxsize=1)
def load_countries(name: str = 'countries.csv') -> Gazetteer[CountryForm]:
    """The country gazetteer, with lower-case compound stems of adjectives (`российско-`, `американо-`)."""
    items = []
    for row in read_rows(name):
        form = CountryForm(row['code'], row['entity'], row['kind'])
        items.append((row['form'], form))
        if row['kind'] == 'adjective':
            for stem in compound_stems(row['form']):
                items.append((stem, form))
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
    mentions = []
    taken: set[int] = set()  # indexes of the last word of each country mention, for coordination
    for match in load_countries().find(words, sentence_initial, text):
        form = match.phrase.value
        if _inside_longer_place(match, places, text) or _latin_in_person(match, persons, text):
            continue
        if form.kind == 'capital' and not (acts_as_government(text, words, match)
                                           or _coordinated(text, words, match, taken)):
            continue
        if (_inside_proper_name(text, words, match, sentence_initial) or _nationality(text, words, match)
                or _geographic_name(text, words, match, sentence_initial) or _in_ship_name(text, match)):
            continue
        mentions.append(Mention(
            type='country', start=match.start, end=match.end, text=text[match.start:match.end],
            normal=match.phrase.form, entity=form.entity, code=form.code, kind=form.kind, source='gazetteer'))
        taken.add(match.last - 1)
    return mentions


LATIN_NAME_BEFORE = re.compile(r'[A-Z][a-z]+[ \xa0]$')


def _latin_in_person(match: Match, persons: list[Span], text: str) -> bool:
    """A Latin name inside a person's name is no country: inside an NER person, or after a capitalised
    Latin word (`Michael Jordan`; `USA Today`, `U.S. Navy`, `Times of Israel` stay)."""
    if not text[match.start:match.start + 1].isascii():
        return False
    return bool(LATIN_NAME_BEFORE.search(text, max(0, match.start - 30), match.start)) or any(
        s.start <= match.start and match.end <= s.end for s in persons)


def _coordinated(text: str, words: list[Token], match: Match, taken: set[int]) -> bool:
    """A capital joined by `и` to a country mention just before it (`сотрудничество Пекина и Исламабада`)."""
    i = match.first
    return (i >= 2 and fold(words[i - 1].text) == 'и' and (i - 2) in taken
            and not text[words[i - 2].end:words[i].start].strip(' и\xa0'))


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


def acts_as_government(text: str, words: list[Token], match: Match) -> bool:
    """The capital rule of this module's docstring: a capital is a government only in a role that a
    place cannot have: a subject with its verb (`Москва может поставить`), a partner (`с Москвой`),
    an addressee (`Каракасу`), an object (`обвинил Москву`), or the owner of a stance (`позиция Москвы`)."""
    word = words[match.first]
    if word.text.isupper() or in_quote(text, word.start, SHORT_QUOTE):
        return False  # a dateline (КАРАКАС, 6 ноября) or a title («Эхо Москвы»)
    before = _word_before(text, words, match.first)
    previous = fold(before.text) if before else ''
    if _is_route(text, words, match.first - 1, match.first) or _is_route(text, words, match.last - 1, match.last):
        return False
    if previous in ('в', 'во'):
        # `В Москве считают`, `Также в Пекине сделку прокомментировали`, `осудили в Вашингтоне`: the
        # unnamed "they" of a capital with a plural statement verb is its government; `в Москве прошла
        # конференция` stays a place.
        if _clause_start(text, words, match.first - 1):
            return _verb_follows(text, words, match.last, plural=True, lexicon=load_word_list('government_verbs.txt'))
        return _statement_before(text, words, match.first - 1)
    if previous == 'между' and match.first >= 2 and lemmas(words[match.first - 2].text) & STANCE_NOUNS:
        return True  # `напряженности между Тегераном и Вашингтоном`
    if previous in PLACE_PREPOSITIONS or any(previous.startswith(noun) for noun in PLACE_NOUNS) or (
            before is not None and lemmas(before.text) & PLACE_NOUNS):
        return False
    cases = {p.tag.case for p in parses(word.text) if 'Geox' in p.tag.grammemes}
    if previous in PARTNER_PREPOSITIONS:
        return True
    if previous in PREPOSITIONS:
        return False
    if before is not None and lemmas(before.text) & PLACE_VERBS:
        return False  # `атаковала Киев`, `посетил Пекин`: the city as a place
    if before is not None and _is_finite_verb(before.text):
        return True  # `попросил Вашингтон`, `получает Киев`
    if 'ablt' in cases and 'nomn' not in cases and before is not None and _agent_head(before.text):
        return True  # the agent: `применения Киевом`, `допустимого Москвой`
    if 'datv' in cases or ('accs' in cases and 'nomn' not in cases):
        return True
    if 'gent' in cases and before is not None and lemmas(before.text) & STANCE_NOUNS:
        return True
    return 'nomn' in cases and _verb_follows(text, words, match.last)


def _word_before(text: str, words: list[Token], i: int) -> Token | None:
    """The word before words[i] if only spaces separate them."""
    if i == 0 or text[words[i - 1].end:words[i].start].strip():
        return None
    return words[i - 1]


def _is_route(text: str, words: list[Token], left: int, right: int) -> bool:
    """Two capitalised names joined by a dash: a route or a pair of places (`Каракас — Санкт-Петербург`)."""
    if left < 0 or right >= len(words):
        return False
    gap = text[words[left].end:words[right].start].strip()
    return bool(gap) and all(c in ROUTE_DASHES for c in gap) and all(
        words[k].text[:1].isupper() for k in (left, right))


def _verb_follows(text: str, words: list[Token], i: int, plural: bool = False,
                  lexicon: frozenset[str] | None = None) -> bool:
    """A finite verb comes within the clause, past adverbs, asides and coordinated names
    (`Москва и Каракас договорились`, `Исламабад, в свою очередь, ответил`); `plural` asks for
    a plural verb with no subject between (`В Москве считают`)."""
    end = min(i + 8, len(words))
    for k in range(i, end):
        word = words[k]
        if any(c in text[words[k - 1].end:word.start] for c in '.!?;:()«»"') and k > i:
            return False
        readings = parses(word.text)
        if not readings:
            continue
        tags = readings[0].tag.grammemes
        stance = 'ADJS' in tags and lemmas(word.text) & load_word_list('government_verbs.txt')  # `Дамаск намерен`
        if 'VERB' in tags or 'PRTS' in tags or stance:
            if lexicon is not None and not lemmas(word.text) & lexicon:
                return False
            return not plural or 'plur' in tags
        if plural and 'NOUN' in tags and 'nomn' in tags and not word.text[:1].isupper():
            return False  # a subject of its own: `в Москве прошла конференция`
    return False


def _agent_head(word: str) -> bool:
    """A verbal noun, participle or adjective whose agent an instrumental after it can be."""
    readings = parses(word)
    return bool(readings) and bool({'NOUN', 'ADJF', 'PRTF'} & readings[0].tag.grammemes) and word.islower()


def _is_finite_verb(word: str) -> bool:
    readings = parses(word)
    return bool(readings) and 'VERB' in readings[0].tag.grammemes


def _clause_start(text: str, words: list[Token], i: int, reach: int = 1) -> bool:
    """words[i] opens a clause: it starts the text or follows punctuation or `а`, `и`, `но`, `однако`,
    or an adverb, particle or conjunction that does (`Также в Берлине`, `Вчера в Пекине`)."""
    if i == 0:
        return True
    gap = text[words[i - 1].end:words[i].start]
    if any(c in gap for c in '.!?;:,—–\n') or fold(words[i - 1].text) in {'а', 'и', 'но', 'однако'}:
        return True
    readings = parses(words[i - 1].text)
    return (reach > 0 and not gap.strip() and bool(readings)
            and bool({'ADVB', 'PRCL', 'CONJ'} & readings[0].tag.grammemes)
            and _clause_start(text, words, i - 1, reach - 1))


def _statement_before(text: str, words: list[Token], i: int) -> bool:
    """A plural statement verb right before words[i] (`осудили в Вашингтоне`, `заявили в Пекине`)."""
    if i == 0 or text[words[i - 1].end:words[i].start].strip():
        return False
    readings = parses(words[i - 1].text)
    return (bool(readings) and {'VERB', 'plur'} <= readings[0].tag.grammemes
            and bool(lemmas(words[i - 1].text) & load_word_list('government_verbs.txt')))
