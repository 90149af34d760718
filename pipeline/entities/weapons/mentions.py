"""From the names found to weapon mentions, merged within a document: a generic name joins the one
variant the document names, a quoted short form the system it stands for; each with its nominative."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...doc import Mention, Span, Token
from ...nlp.morph import CACHE_SIZE, fold, lemmas, match_case, parses
from .systems import WeaponSystem, _is_latin, system_aliases


@dataclass(slots=True)
class _Found:
    first: int  # word indexes [first, last)
    last: int
    start: int
    end: int
    entity: str
    system: WeaponSystem | None
    weapon_class: str
    kind: str
    short_forms: tuple[str, ...] = ()


def _short_forms_in_quotes(text: str, words: list[Token], quotes: dict, found: list[_Found],
                           orgs: list[Span] = ()) -> list[_Found]:
    """Quoted names no rule took that name a system the document already mentions by another of its
    names: `«Панцири»` after `Панцирь-С1`, `«Леопарды»` after `Leopard 2A6` (alias `Леопард 2`); not
    one inside an organisation's name the NER found (`РСК «МиГ»`)."""
    heads: dict[str, _Found] = {}
    aliases = system_aliases()
    for item in found:
        if item.system is None and item.kind != 'designation':
            continue  # only names a gazetteer or a designation vouches for lend their short forms
        names = [item.entity, *item.short_forms, *(aliases.get(item.system.name, ()) if item.system else ())]
        for name in names:
            for key in _short_keys(name):
                heads.setdefault(key, item)
    taken = [(item.start, item.end) for item in found]
    extra = []
    for start, match in quotes.items():
        end = match.end(1)
        if any(s < end and start < e for s, e in taken) or not match.group(1)[:1].isupper():
            continue
        if len(match.group(1).split()) > 2:
            continue
        if inside_organisation(text, orgs, start, end):
            continue
        for key in _short_keys(match.group(1)):
            item = heads.get(key)
            if item is not None:
                first = next(k for k, w in enumerate(words) if w.start >= start)
                extra.append(_Found(first, first + 1, start, end, item.entity, item.system, item.weapon_class, 'short'))
                break
    return extra


def inside_organisation(text: str, orgs: list[Span], start: int, end: int) -> bool:
    """An organisation the NER found holds [start, end) and a word before it (`ГосМКБ "Радуга"`,
    `РСК «МиГ»`): the name is part of the organisation's name."""
    return any(s.start < start and end <= s.end and any(c.isalpha() for c in text[s.start:start]) for s in orgs)


def _to_mentions(text: str, found: list[_Found]) -> list[Mention]:
    """Mentions with in-document merging of generic names, variants and short forms."""
    variants: dict[str, set[str]] = {}
    for item in found:
        if item.system is not None and fold(item.entity) != fold(item.system.name):
            variants.setdefault(item.system.name, set()).add(item.entity)
    short: dict[str, tuple[str, WeaponSystem | None, str]] = {}
    for item in found:
        for name in item.short_forms:
            for key in _short_keys(name):
                short.setdefault(key, (item.entity, item.system, item.weapon_class))
    mentions = []
    for item in found:
        entity, system, weapon_class = item.entity, item.system, item.weapon_class
        generic = not any(c.isdigit() for c in text[item.start:item.end])
        if (generic and system is not None and fold(entity) == fold(system.name)
                and len(variants.get(system.name, ())) == 1):
            entity = next(iter(variants[system.name]))
        if item.kind != 'designation':
            for key in _short_keys(text[item.start:item.end]):
                if key in short and fold(short[key][0]) != fold(entity):
                    entity, system, weapon_class = short[key]
                    break
        mentions.append(Mention(
            type='weapon', start=item.start, end=item.end, text=text[item.start:item.end],
            normal=normal_name(text[item.start:item.end]) if item.kind != 'designation' else entity,
            entity=entity, kind=item.kind, source='gazetteer' if system else 'rule',
            weapon_class=weapon_class or '', origin=system.origin if system else ''))
    return mentions


def _short_keys(name: str) -> set[str]:
    """Lemma keys of a short name and of its head before a hyphen (`Антей-2500` → антей); not of a
    maker's code (`МиГ` of `МиГ-29СМТ`, `Су` of `Су-35`: the company, not the system)."""
    head = re.split(r'[-\s]', name.strip('«»"„“” '))[0]
    if head != name.strip('«»"„“” ') and (len(head) < 3 or not head[1:].islower()):
        return set()
    return set(lemmas(head)) if head.isalpha() else set()


@lru_cache(maxsize=CACHE_SIZE)
def normal_name(name: str) -> str:
    """The nominative singular of a system's proper name as written: `Орешником` → `Орешник`."""
    words = name.split()
    if not words or not words[0][:1].isalpha() or _is_latin(words[0]):
        return name
    head, dash, tail = words[0].partition('-')
    for parse in parses(head):
        if 'NOUN' in parse.tag.grammemes:
            inflected = parse.inflect({'nomn', 'sing'}) or parse
            value = match_case(head, inflected.word) + dash + tail
            return ' '.join([value, *words[1:]])
    return name
