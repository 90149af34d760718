"""The weapon gazetteer (`data/weapons.csv`), the class nouns (`data/weapon_classes.csv`), the forms
that name no weapon (`data/not_weapons.csv`), and spelling-proof keys of military designations."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...data import read_rows
from ...nlp.gazetteer import Gazetteer
from ...nlp.morph import fold, lemmas

DESIGNATION = re.compile(
    r'^(?P<prefix>[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]{0,5}(?:/[A-Z]{1,2})?)(?P<dash>[-‐‑]?)(?P<number>\d{1,5})'
    r'(?P<suffix>[A-Za-zА-Яа-яЁё0-9]{0,6}(?:[-‐‑/][A-Za-zА-Яа-яЁё0-9]{1,5})*)$')
DIGIT_FIRST = re.compile(r'^\d[A-ZА-ЯЁ]{1,2}\d{1,4}[A-Za-zА-Яа-яЁё0-9]*$')  # GRAU indices: 9К720, 2С19, 3М14
SPACES = re.compile(r'\s+')


@dataclass(frozen=True, slots=True)
class WeaponSystem:
    name: str
    weapon_class: str
    origin: str
    wikidata: str


@dataclass(frozen=True, slots=True)
class WeaponClass:
    modifiers: tuple[frozenset[str], ...]
    name: str


@lru_cache(maxsize=1)
def load_weapons() -> tuple[Gazetteer[WeaponSystem], dict[str, WeaponSystem]]:
    """The weapon gazetteer and an index of designation keys (`СУ57` → Су-57) for variants."""
    items = []
    designations: dict[str, WeaponSystem] = {}
    excluded = excluded_forms()
    for row in read_rows('weapons.csv'):
        system = WeaponSystem(row['name'], row['class'], row['origin'], row.get('wikidata', ''))
        written = [row['name'], *filter(None, row['aliases'].split('|'))]
        for form in (spelling for each in written for spelling in spellings(each)):
            if fold(form) in excluded:
                continue
            items.append((form, system))
            key = designation_key(form)
            if key:
                designations.setdefault(key, system)
    return Gazetteer(items), designations


# A designation's maker prefix and its number: the joint news types with a hyphen, a space or nothing.
JOINT = re.compile(r'^([A-Za-zА-Яа-яЁё]{1,3})[-‐‑](\d+)')


def spellings(form: str) -> list[str]:
    """A gazetteer form and the other ways news types its designation: `Су-57`, `Су 57`, `Су57`. The
    joined spelling only where it keeps three characters or more (`B2` alone is no bomber)."""
    match = JOINT.match(form)
    if not match:
        return [form]
    prefix, number = match.groups()
    rest = form[len(prefix) + 1:]
    joined = [prefix + rest] if len(prefix) + len(number) >= 3 else []
    return [form, f'{prefix} {rest}', *joined]


@lru_cache(maxsize=1)
def load_classes() -> dict[str, list[WeaponClass]]:
    """Class nouns by lemma, each with the modifiers that refine it (`зенитный комплекс` → ЗРК)."""
    classes: dict[str, list[WeaponClass]] = {}
    for row in read_rows('weapon_classes.csv'):
        modifiers = tuple(lemmas(word) for word in row['modifier'].split())
        classes.setdefault(row['noun'], []).append(WeaponClass(modifiers, row['class']))
    for options in classes.values():
        options.sort(key=lambda option: -len(option.modifiers))
    return classes


@lru_cache(maxsize=1)
def excluded_forms() -> frozenset[str]:
    """Folded forms of `not_weapons.csv`, and their designation keys (`A-380` is `A380`)."""
    forms = {fold(row['form']) for row in read_rows('not_weapons.csv')}
    return frozenset(forms | {designation_key(form) for form in forms} - {''})


@lru_cache(maxsize=1)
def system_aliases() -> dict[str, tuple[str, ...]]:
    """Every alias of each system, by canonical name."""
    return {row['name']: tuple(filter(None, row['aliases'].split('|'))) for row in read_rows('weapons.csv')}


def designation_key(form: str) -> str:
    """A spelling-proof key of a designation: `Су-57`, `Су 57`, `СУ57` → `су57`; '' if not one."""
    compact = SPACES.sub('', form)
    if not (DESIGNATION.match(compact) or DIGIT_FIRST.match(compact)):
        return ''
    return fold(re.sub(r'[-‐‑]', '', compact))


def canonical_designation(text: str) -> str:
    """A designation written the usual way: `Су 35` → `Су-35`, hyphens unified."""
    compact = re.sub(r'[‐‑]', '-', text.strip())
    match = DESIGNATION.match(SPACES.sub('', compact)) if ' ' in compact else None
    if match and match.group('prefix').isalpha() and not match.group('dash'):
        return f"{match.group('prefix')}-{match.group('number')}{match.group('suffix')}"
    return compact


@lru_cache(maxsize=1)
def designation_families(keys: tuple[str, ...]) -> frozenset[str]:
    return frozenset(m.group(1) for key in keys if (m := re.match(r'^(\D+)\d', key)) and len(m.group(1)) <= 4)


# Cyrillic letters that look like Latin ones, as folded keys hold them: `Т-72` typed with a Latin T,
# `К9` with a Cyrillic К, `Х-51` for the American X-51 (one letter for one, so keys keep their length).
HOMOGLYPHS = str.maketrans('авекмнорстухАВЕКМНОРСТУХ', 'abekmhopctyxABEKMHOPCTYX')


def script_key(key: str) -> str:
    """A designation key with every letter that has a twin in the other script written in Latin."""
    return key.translate(HOMOGLYPHS)


TO_CYRILLIC = str.maketrans('abekmhopctyxABEKMHOPCTYX', 'авекмнорстухАВЕКМНОРСТУХ')
TWINS = frozenset('авекмнорстухАВЕКМНОРСТУХabekmhopctyxABEKMHOPCTYX')


def in_script_of(designation: str, name: str) -> str:
    """A designation with its lookalike letters in the script of the system's name (`T-90МС` of `Т-90М`
    → `Т-90МС`, `Х-51` of `X-51` → `X-51`)."""
    if not name[:1].isalpha():
        return designation
    latin = name[:1].isascii()
    if any(c.isalpha() and c not in TWINS and c.isascii() != latin for c in designation):
        return designation  # `Su-57E`, `Су-30MKI` keep their letters: `S`, `u`, `I` have no Cyrillic twins
    return designation.translate(HOMOGLYPHS if latin else TO_CYRILLIC)


@lru_cache(maxsize=1)
def script_keys() -> dict[str, WeaponSystem]:
    """Designation keys by `script_key`, for a designation typed with letters of the other script;
    a key two systems share (`Т-50` and the Korean `T-50`) is left out: the script decides there."""
    by_key: dict[str, set[WeaponSystem]] = {}
    for key, system in load_weapons()[1].items():
        by_key.setdefault(script_key(key), set()).add(system)
    return {key: next(iter(systems)) for key, systems in by_key.items() if len(systems) == 1}


@lru_cache(maxsize=1)
def short_written_keys() -> frozenset[str]:
    """Script keys of the short undashed designations the gazetteer writes as such (`K9`, `TB2`): typed
    in the other script (`К9`) they are still that system, where a short key alone is not (`B2`)."""
    return frozenset(script_key(key) for row in read_rows('weapons.csv')
                     for form in (row['name'], *row['aliases'].split('|'))
                     if (key := designation_key(form)) and len(key) <= 3 and not re.search(r'[-\s]', form))


def system_of_designation(key: str) -> WeaponSystem | None:
    """The system of a designation key as written, else as written in the other script."""
    return _system_of(key, load_weapons()[1]) or _system_of(script_key(key), script_keys())


def _system_of(key: str, designations: dict[str, WeaponSystem]) -> WeaponSystem | None:
    """The system of a designation key, trying shorter keys for unknown variants (`су57э` → `су57`)."""
    match = re.match(r'^(\D+\d+)', key)
    while key:
        if key in designations:
            return designations[key]
        if match is None or len(key) <= len(match.group(1)):
            return None
        key = key[:-1]
    return None


VARIANT_TAIL = re.compile(r'^[- ]?[A-Za-zА-Яа-яЁё0-9]{1,5}$')


def variant_name(phrase) -> str:
    """The system's name, or the alias itself where it names a variant of it (`Бук-М2Э` of `Бук-М2`)."""
    name = phrase.value.name
    if phrase.form.startswith(name) and VARIANT_TAIL.match(phrase.form[len(name):]):
        return phrase.form
    return name


def _is_latin(word: str) -> bool:
    return bool(word) and word[0].isascii() and word[0].isalnum()
