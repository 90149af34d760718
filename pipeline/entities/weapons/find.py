"""The weapon matcher: gazetteer names, class nouns with a quoted or Latin name, and designations."""
from __future__ import annotations

import re
from functools import lru_cache

from ...data import load_word_list
from ...doc import Doc, Mention, Span, Token, step
from ...nlp.morph import CACHE_SIZE, PREFIX, fold, lemmas, parses
from ...nlp.quotes import find_quotes, quote_at
from .mentions import _Found, _short_forms_in_quotes, _to_mentions, inside_organisation
from .systems import (
    DESIGNATION,
    WeaponClass,
    WeaponSystem,
    _is_latin,
    canonical_designation,
    designation_families,
    designation_key,
    excluded_forms,
    in_script_of,
    load_classes,
    load_weapons,
    script_key,
    script_keys,
    short_written_keys,
    system_of_designation,
    variant_name,
)

LATIN_NAME = re.compile(
    r"^(?:[A-Z][A-Za-z]+|[A-Z0-9][A-Z0-9]*(?:[-/][A-Z0-9]+)*|[IVX]{1,4}|\d+[A-Z]\d*|[A-Z]\d+[A-Z0-9]*)$")
# Nouns after which a quoted name is an organisation, a publication, an exercise or a ship, not a weapon.
NOT_WEAPON_NOUNS = load_word_list('not_weapon_nouns.txt')
# A class noun after one of these names no weapon: `пассажирский самолет`, `ракетно-космический комплекс`.
CIVIL_MODIFIERS = load_word_list('civil_modifiers.txt')
AIRLINE = re.compile(r'\b(?:Air|Airlines|Airways)\b')  # `самолет Air France`
COMPANY_WORDS = load_word_list('company_words.txt')  # `MBDA Missile Systems` after `ракеты` is the maker
LIST_JOINERS = frozenset({',', 'и', 'или', 'также'})
CONTEXT_WORDS = 4  # a class noun governs a name at most this many words after it (`ракеты средней дальности «…»`)
SENTENCE_END = re.compile(r'[.!?…]')
# `Су 57`, `Ми 8`: a spaced designation needs a two- or three-letter maker prefix (`С 25 мая` is a date).
SPACED_PREFIX = re.compile(r'^(?:[А-ЯЁ][а-яё]{1,2}|[A-Z]{2,3})$')
SPACED_SUFFIX = re.compile(r'^[А-ЯЁA-Z]{1,4}\d?$')  # `С`, `СМТ`, `СМ2` typed apart from `Су-35`, `МиГ-29`


@lru_cache(maxsize=1)
def _class_prefixes() -> frozenset[str]:
    return frozenset(noun[:PREFIX] for noun in load_classes())


@lru_cache(maxsize=CACHE_SIZE)
def _class_options(word: str) -> tuple[WeaponClass, ...]:
    if fold(word)[:PREFIX] not in _class_prefixes():
        return ()
    for lemma in sorted(lemmas(word)):
        options = load_classes().get(lemma)
        if options:
            return tuple(options)
    return ()


def _class_at(words: list[Token], i: int) -> str | None:
    """The weapon class named by words[i] with its modifiers, or None if it is not a class noun."""
    options = _class_options(words[i].text)
    if not options:
        return None
    before = [lemmas(w.text) for w in words[max(0, i - 3):i]]
    if any(b & CIVIL_MODIFIERS for b in before[-2:]):
        return None
    for option in options:
        if not option.modifiers:
            return option.name
        if all(any(mod & b for b in before) for mod in option.modifiers):
            return option.name
    return None


BLOCKING_PREFIXES = frozenset(noun[:PREFIX] for noun in NOT_WEAPON_NOUNS)


@lru_cache(maxsize=CACHE_SIZE)
def _is_blocking(word: str) -> bool:
    return fold(word)[:PREFIX] in BLOCKING_PREFIXES and bool(lemmas(word) & NOT_WEAPON_NOUNS)


@step(requires='text words initial spans', assigns='weapons')
def find_weapons(doc: Doc) -> list[Mention]:
    """Weapon mentions of a text (see `pipeline.entities.weapons`)."""
    text, words, sentence_initial = doc.text, doc.words, doc.initial
    gazetteer, designations = load_weapons()
    excluded = excluded_forms()
    quotes = find_quotes(text)
    orgs = [span for span in doc.spans if span.type == 'ORG']
    found: list[_Found] = []
    context_class: str | None = None  # the class noun governing the current list, if any
    since = 0  # words since the class noun
    after_item = False  # the previous word ended a found name: only a list joiner keeps the class noun
    i = 0
    while i < len(words):
        if i and SENTENCE_END.search(text, words[i - 1].end, words[i].start):
            context_class = None
        if after_item:
            after_item = False
            gap = text[words[i - 1].end:words[i].start].strip(' «»"„“”\xa0')
            if fold(words[i].text) in LIST_JOINERS and not gap:
                i += 1
                continue
            if gap != ',':
                context_class = None
        word = words[i].text
        blocking = _is_blocking(word)
        if blocking:
            context_class = None
            i += 1
            # Skip the quoted name an organisation or ship noun introduces (`концерн «Калашников»`).
            nxt = _quoted_after(words, i, quotes, max_gap=2)
            if nxt is not None:
                i = nxt[1]
            continue
        noun_class = _class_at(words, i) if _class_options(word) else None
        if noun_class:
            context_class, since = noun_class, 0
            i += 1
            continue
        quoted = _quoted_at(words, i, quotes)
        if quoted is None and word.islower() and word.isalpha():
            item = None  # names, designations and aliases are never all lower case: skip the look-ups
        else:
            # The NER's organisations count against a name the class noun does not govern closely.
            near = orgs if since else ()
            item = _match_name(text, words, i, quoted, gazetteer, designations, excluded, context_class,
                               sentence_initial, orgs, near)
        if item is None or item.last <= i:
            since += 1
            if context_class and since > CONTEXT_WORDS and not _continues_list(words, i):
                context_class = None
            i += 1
            continue
        found.append(item)
        since, after_item = 0, True
        i = item.last
    found += _short_forms_in_quotes(text, words, quotes, found, orgs)
    return _to_mentions(text, sorted(found, key=lambda item: item.start))


def _continues_list(words: list[Token], i: int) -> bool:
    return fold(words[i].text) in LIST_JOINERS


def _quoted_at(words: list[Token], i: int, quotes: dict) -> tuple[int, int, int, int] | None:
    """If a quoted name starts at words[i]: (first word, last word, quote start, quote end)."""
    match = quotes.get(words[i].start)
    if match is None:
        return None
    last = i
    while last < len(words) and words[last].end <= match.end(1):
        last += 1
    return (i, last, match.start(), match.end()) if last > i else None


def _quoted_after(words: list[Token], i: int, quotes: dict, max_gap: int) -> tuple[int, int, int, int] | None:
    for j in range(i, min(i + max_gap + 1, len(words))):
        q = _quoted_at(words, j, quotes)
        if q:
            return q
    return None


def _match_name(text, words, i, quoted, gazetteer, designations, excluded, context_class, sentence_initial, orgs,
                near_orgs):
    """The weapon name at words[i]; `orgs` are the NER's organisations, `near_orgs` those that also
    turn down a name found only by its class noun, unless an adjective stands right before it."""
    if quoted:
        first, last, q_start, q_end = quoted
        inner = text[words[first].start:words[last - 1].end]
        if fold(inner) in excluded or inside_organisation(text, orgs, words[first].start, words[last - 1].end):
            return None  # `ГосМКБ "Радуга"`, `РСК «МиГ»`: a name inside an organisation's name
        match = gazetteer.match_at(_capitalised(words[first:last]), 0, text=text)
        if match and match.last == last - first:
            return _Found(first, last, words[first].start, words[last - 1].end, variant_name(match.phrase),
                          match.phrase.value, match.phrase.value.weapon_class, 'gazetteer')
        if context_class and inner[:1].isupper() and last - first <= 4:
            item = _designation(text, words, first, designations, excluded, context_class, orgs)
            if item and item.last == last:
                return item
            if _org_at(near_orgs, words[first].start, words[last - 1].end) and not _adjective_before(words, first):
                return None  # `пишут «Известия»`: the NER's organisation, and no gazetteer name
            return _Found(first, last, words[first].start, words[last - 1].end, inner, None, context_class, 'class')
        return None  # a quoted name no rule vouches for: an organisation, a title, a slogan
    item = _designation(text, words, i, designations, excluded, context_class, orgs)
    if item:
        return item
    match = gazetteer.match_at(words, i, i in sentence_initial, text)
    if match and not _bare_common(match, context_class):
        system = match.phrase.value
        last = match.last
        entity = variant_name(match.phrase)
        if _is_latin(words[i].text):
            last = _latin_run(text, words, match.last)
            if last > match.last:
                entity = text[words[i].start:words[last - 1].end]
        return _Found(i, last, words[i].start, words[last - 1].end, entity, system, system.weapon_class, 'gazetteer')
    if context_class and _is_latin(words[i].text) and words[i].text[:1].isupper():
        if i and _is_latin(words[i - 1].text) and text[words[i - 1].end:words[i].start] == ' ':
            return None  # inside a Latin name already turned down (`France` of `Air France`)
        last = _latin_run(text, words, i + 1)
        name = text[words[i].start:words[last - 1].end]
        if fold(name) in excluded or fold(words[i].text) in excluded or AIRLINE.search(name):
            return None  # `самолет Boeing 737`, `самолета Air France`
        if any(fold(w.text) in COMPANY_WORDS for w in words[i:last]):
            return None  # `ракеты MBDA Missile Systems`: a company
        if _org_at(near_orgs, words[i].start, words[i].end) and not _adjective_before(words, i):
            return None  # `в посте CENTCOM`
        if any(DESIGNATION.match(w.text) and system_of_designation(designation_key(w.text)) for w in words[i + 1:last]):
            return None  # a maker before a designation the gazetteer knows (`Lockheed Martin F-35`)
        return _Found(i, last, words[i].start, words[last - 1].end, name, None, context_class, 'class')
    return None


def _adjective_before(words: list[Token], i: int) -> bool:
    """words[i - 1] is an adjective (`белорусские «Полонезы»`): the name still stands in the list."""
    readings = parses(words[i - 1].text) if i else ()
    return bool(readings) and 'ADJF' in readings[0].tag.grammemes


def _capitalised(words: list[Token]) -> list[Token]:
    """The words of a quoted name, a lower-case one capitalised: the quotes make `«тюльпанов»` a name."""
    head = words[0]
    if not head.text[:1].islower():
        return words
    return [Token(head.start, head.end, head.text[:1].upper() + head.text[1:]), *words[1:]]


def _org_at(orgs: list[Span], start: int, end: int) -> bool:
    """The NER tags an organisation over [start, end)."""
    return any(s.start < end and start < s.end for s in orgs)


def _bare_common(match, context_class) -> bool:
    """A one-word alias the dictionary knows as something else (`Град`, `Тополь`, `Вена`, `Булава`)
    needs a class noun or quotes."""
    return context_class is None and _dictionary_word(match.phrase.form)


@lru_cache(maxsize=4096)
def _dictionary_word(form: str) -> bool:
    if not form.isalpha() or _is_latin(form):
        return False
    readings = parses(form)
    return bool(readings) and readings[0].is_known


def _latin_run(text: str, words: list[Token], j: int) -> int:
    """Extend a Latin name over the variant words that follow it on the line (`Leopard 2` + `A6`); a bare
    number only after a word without digits (`Block 70`; not `F-16 12 марта`)."""
    while j < len(words) and text[words[j - 1].end:words[j].start] == ' ' and LATIN_NAME.match(words[j].text):
        if words[j].text.isdigit() and not words[j - 1].text.isalpha():
            break
        j += 1
    return j


def _designation(text, words, i, designations, excluded, context_class, orgs=()):
    """A designation at words[i] (`Су-57Э`, `Су 57`, `F-35B`, `Су-35 С`, `T-72` with a Latin T), with a
    quoted name after it."""
    word = words[i].text
    last = i + 1
    candidate = word
    if (i + 1 < len(words) and SPACED_PREFIX.match(word) and words[i + 1].text.isdigit()
            and text[words[i].end:words[i + 1].start] == ' '):
        candidate = f'{word} {words[i + 1].text}'  # `Су 57`
        last = i + 2
    key = designation_key(candidate)
    if not key or key in excluded or fold(candidate) in excluded or fold(re.split(r'[-\s]', candidate)[0]) in excluded:
        return None
    if len(key) <= 3 and '-' not in candidate and not context_class and script_key(key) not in short_written_keys():
        return None  # `U2`, `B2`, `A2` alone are a band, a vitamin, a paper size
    # A variant's letters typed apart (`Су-35 С`, `МиГ-29 СМТ`): joined where the gazetteer knows the whole.
    if (last < len(words) and SPACED_SUFFIX.match(words[last].text)
            and text[words[last - 1].end:words[last].start] == ' '):
        joined = key + fold(words[last].text)
        if joined in designations or script_key(joined) in script_keys():
            key, candidate, last = joined, candidate + words[last].text, last + 1
    system = system_of_designation(key)
    if system is None and not context_class and not _known_family(candidate, designations):
        return None
    if system is None and not _is_designation_like(candidate):
        return None
    entity = canonical_designation(candidate)
    if system is not None:
        entity = in_script_of(entity, system.name)  # `T-90МС` typed with a Latin T is `Т-90МС`
        name_key = script_key(designation_key(system.name))
        exact = key in designations or script_key(key) in script_keys()
        if script_key(key) == name_key or (exact and not (name_key and script_key(key).startswith(name_key))):
            entity = system.name  # the system's own name, or another name of it (`9К720` of `Искандер-М`)
    end = words[last - 1].end
    short_forms: tuple[str, ...] = ()
    if _is_latin(word):
        last = _latin_run(text, words, last)
        end = words[last - 1].end
    # A quoted name right after the designation belongs to it: `С-400 «Триумф»`, `Т-90М «Прорыв»`; not
    # an organisation the NER tags (`танков Т-90 «Рособоронэкспорт» поставил`).
    after = text[end:end + 2]
    match = quote_at(text, end + 1) if after[:1] == ' ' else None
    if (match and match.group(1)[:1].isupper() and len(match.group(1).split()) <= 3
            and not _org_at(orgs, match.start(1), match.end(1))):
        name = match.group(1)
        short_forms = (name,)
        while last < len(words) and words[last].start < match.end():
            last += 1
        end = match.end()
    return _Found(i, last, words[i].start, end, entity, system,
                  system.weapon_class if system else context_class or '', 'designation', short_forms)


def _known_family(candidate: str, designations: dict[str, WeaponSystem]) -> bool:
    """A designation of a family the gazetteer knows (`АК-203` beside `АК-12`, `J-35A` beside `J-20`,
    `M1989` beside `M777`); `A2`, `С 2006`, `Д-03` are not."""
    match = DESIGNATION.match(candidate)
    if not match or fold(match.group('prefix')) not in designation_families(tuple(designations)):
        return False
    prefix, dash = match.group('prefix'), match.group('dash')
    if _is_latin(prefix):  # F-21, J-35A, M1989 (Airbus A320 and the like are in not_weapons.csv)
        return bool(dash) or len(match.group('number')) >= 3
    return bool(dash) and len(prefix) >= 2  # АК-203; not Д-03, Р-257


def _is_designation_like(candidate: str) -> bool:
    return not candidate.isdigit() and any(c.isdigit() for c in candidate) and any(c.isalpha() for c in candidate)
