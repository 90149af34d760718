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

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .gazetteer import Gazetteer, Match
from .morph import fold, lemmas, parses
from .records import Mention, Span, Token

DATA = Path(__file__).parent / 'data' / 'countries.csv'

PLACE_PREPOSITIONS = frozenset(
    'в во из изо под подо над около возле близ вблизи до через по вокруг на за над между '
    'недалеко неподалеку окрестностях'.split())
PLACE_NOUNS = frozenset(
    'мэр мэрия житель жительница горожанин центр улица улицы окраина пригород аэропорт район '
    'область губернатор метро метрополитен вокзал гостиница отель окрестность полиция '
    'городской город столица порт'.split())
ROUTE_DASHES = frozenset('-–—‐')
PARTNER_PREPOSITIONS = frozenset('с со между против к ко у'.split())
PREPOSITIONS = frozenset('о об обо от при для без про через перед после кроме среди ради из-за'.split()) | PLACE_PREPOSITIONS
STANCE_NOUNS = frozenset(
    'позиция требование ответ решение заявление давление отношение сотрудничество помощь поддержка политика '
    'действие санкция претензия представитель предложение просьба реакция вмешательство интерес угроза курс '
    'шаг намерение обвинение инициатива согласие отказ диалог контакт агрессия ультиматум условие план '
    'стремление попытка призыв предупреждение протест ноту нота визит делегация посланник'.split())
SHORT_QUOTE = re.compile(r'[«„“"][^«»„“”"\n]{1,40}[»“”"]')


@dataclass(frozen=True, slots=True)
class CountryForm:
    code: str
    entity: str
    kind: str  # name | abbreviation | adjective | capital


@lru_cache(maxsize=1)
def load_countries(path: Path = DATA) -> Gazetteer[CountryForm]:
    """The country gazetteer, with lower-case compound stems of adjectives (`российско-`, `американо-`)."""
    items = []
    with open(path, encoding='utf-8', newline='') as f:
        for row in csv.DictReader(f):
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


def find_countries(text: str, words: list[Token], ner_spans: list[Span], sentence_initial: set[int]) -> list[Mention]:
    """Country mentions among the gazetteer words of `text`."""
    places = [s for s in ner_spans if s.type == 'LOC']
    mentions = []
    for match in load_countries().find(words, sentence_initial):
        form = match.phrase.value
        if _inside_longer_place(match, places, text):
            continue
        if form.kind == 'capital' and not acts_as_government(text, words, match):
            continue
        mentions.append(Mention(
            type='country', start=match.start, end=match.end, text=text[match.start:match.end],
            normal=match.phrase.form, entity=form.entity, code=form.code, kind=form.kind, source='gazetteer'))
    return mentions


def _inside_longer_place(match: Match, places: list[Span], text: str) -> bool:
    for span in places:
        if span.start <= match.start and match.end <= span.end and (span.end - span.start) > (match.end - match.start):
            extra = (text[span.start:match.start] + text[match.end:span.end]).strip(' -')
            if any(c.isupper() for c in extra):
                return True
    return False


def acts_as_government(text: str, words: list[Token], match: Match) -> bool:
    """The capital rule of this module's docstring: a capital is a government only in a role that a
    place cannot have: a subject with its verb (`Москва может поставить`), a partner (`с Москвой`),
    an addressee (`Каракасу`), an object (`обвинил Москву`), or the owner of a stance (`позиция Москвы`)."""
    word = words[match.first]
    if word.text.isupper() or _in_short_quote(text, word.start):
        return False  # a dateline (КАРАКАС, 6 ноября) or a title («Эхо Москвы»)
    before = _neighbour(text, words, match.first - 1, word.start, before=True)
    previous = fold(before.text) if before else ''
    if previous in PLACE_PREPOSITIONS or any(previous.startswith(noun) for noun in PLACE_NOUNS):
        return False
    if _is_route(text, words, match.first - 1, match.first) or _is_route(text, words, match.last - 1, match.last):
        return False
    cases = {p.tag.case for p in parses(word.text) if 'Geox' in p.tag.grammemes}
    if previous in PARTNER_PREPOSITIONS:
        return True
    if previous in PREPOSITIONS:
        return False
    if 'datv' in cases or ('accs' in cases and 'nomn' not in cases):
        return True
    if 'gent' in cases and before is not None and lemmas(before.text) & STANCE_NOUNS:
        return True
    return 'nomn' in cases and _verb_follows(text, words, match.last)


def _neighbour(text: str, words: list[Token], i: int, edge: int, before: bool) -> Token | None:
    """The word next to a match if only spaces separate them."""
    if not 0 <= i < len(words):
        return None
    gap = text[words[i].end:edge] if before else text[edge:words[i].start]
    return words[i] if not gap.strip() else None


def _is_route(text: str, words: list[Token], left: int, right: int) -> bool:
    """Two capitalised names joined by a dash: a route or a pair of places (`Каракас — Санкт-Петербург`)."""
    if left < 0 or right >= len(words):
        return False
    gap = text[words[left].end:words[right].start].strip()
    return bool(gap) and all(c in ROUTE_DASHES for c in gap) and all(
        words[k].text[:1].isupper() for k in (left, right))


def _in_short_quote(text: str, offset: int) -> bool:
    for match in SHORT_QUOTE.finditer(text, max(0, offset - 40), offset + 40):
        if match.start() < offset < match.end():
            return True
    return False


def _verb_follows(text: str, words: list[Token], i: int) -> bool:
    """A verb comes next, past adverbs, particles and coordinated names (`Москва и Каракас договорились`)."""
    for word in words[i:i + 6]:
        if any(c in text[words[i - 1].end:word.start] for c in '.!?;:()«»"'):
            return False
        readings = parses(word.text)
        if not readings:
            return False
        tags = readings[0].tag.grammemes
        if tags & {'VERB', 'PRTS'} or ('ADJS' in tags and word.text.islower()):
            return True
        if tags & {'ADVB', 'PRCL', 'CONJ'} or word.text[:1].isupper():
            continue
        return False
    return False
