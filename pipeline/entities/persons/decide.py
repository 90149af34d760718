"""One decision per person: the gender, and the nominative of each name word, chosen once for all the
mentions that merging gave one entity, from all their forms and all the evidence.

Within a mention the words of a name and the word before it tell a case and sometimes a gender; across
a document the mentions of one person tell much more: `Кая Каллас … Каллас заявила` is a woman although
`Кая` alone reads best as the genitive of `Кай`. So the gender is weighed once per person (`WEIGHTS`):
the gender the written words of each mention read in together (`Еленой Малашенко`), a past-tense verb,
a short participle or a feminine noun for a person beside a mention (`Каллас отметила`, `фигуристка
Медведева`), and a consonant-final surname left undeclined after a preposition that asks for an oblique
case (`у Клинтон`, `с Каллас`: a man's surname would decline). Every mention is then put in the
nominative in that gender, and each name word gets one nominative for the whole person: the one that
explains most of the forms the document writes for it (`Райкконен` explains `Райкконена` and
`Райкконен`; `Райкконена` explains only itself).
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from ...doc import Doc, Mention, step
from ...nlp.morph import CACHE_SIZE, fold, parses, stem
from .context import context_case, cue_gender, undeclined_after_preposition
from .foreign import ENDINGS, ends_as_latin
from .names import INITIAL, NAME_TAGS, VOWELS, ending_gender, name_words
from .nominative import normalize_person, own_gender

# How much each kind of evidence counts for a gender: the words of a mention read in one gender, a verb,
# participle or noun beside it agrees, a surname left undeclined after a preposition. Fit on nerel-train,
# where the figures hardly move between 1 and 3 for a cue and 0 and 2 for an undeclined surname; a cue
# above 1 helps the real-news set (.925 → .958 entity accuracy in one run). A first name the dictionary
# knows in one gender (`Хиллари`) counts in merging (`find_persons`), not here: weighed in, it lost a
# document on nerel-train.
WEIGHTS = {'own': 1.0, 'cue': 2.0, 'undeclined': 1.0}


@step(requires='text mentions mentions.entity mentions.kind', assigns='mentions.normal mentions.entity mentions.gender')
def decide_persons(doc: Doc) -> None:
    """Give the mentions of each person of the document one gender and one nominative per name word
    (sets `normal`, `entity` and `gender`; see the module docstring)."""
    text = doc.text
    persons = [m for m in doc.mentions if m.type == 'person']
    written = frozenset(fold(part) for m in persons if m.kind != 'alias' for word in name_words(m.text)
                        for part in {word, *word.split('-')})
    groups: dict[str, list[Mention]] = {}
    latin: dict[str, list[str]] = {}  # a person's name in Latin script, from an alias in brackets
    for mention in persons:
        if mention.kind != 'alias':
            groups.setdefault(fold(mention.entity), []).append(mention)
        elif mention.text[:1].isascii():
            latin.setdefault(fold(mention.entity), name_words(mention.text))
    renamed: dict[str, str] = {}
    for key, group in groups.items():
        spelling = latin.get(key, [])
        gender = person_gender(text, group)
        if gender:
            # a bare surname in a man's form is no woman's (`настоящая фамилия Панфилов` beside `Александра
            # Панфилова`): it leaves the person, as it was before merging
            apart = [m for m in group if m.kind == 'surname' and gender == 'femn'
                     and ending_gender(name_words(m.text)[-1]) == 'masc'] if len(group) > 1 else []
            for mention in apart:
                mention.entity = mention.normal
                group.remove(mention)
            for mention in group:
                words = name_words(mention.text)
                mention.gender = gender
                if not ends_as_latin(words, spelling[-len(words):]):  # a Latin spelling shows the nominative
                    mention.normal = normalize_person(words, written, context_case(text, mention.start), gender)
        entity = one_nominative_per_word(group, gender, spelling)
        for mention in group:
            mention.entity = entity
        renamed[key] = entity
    for mention in persons:  # an alias follows the person it names
        if mention.kind == 'alias':
            mention.entity = renamed.get(fold(mention.entity), mention.entity)


def person_gender(text: str, group: list[Mention]) -> str | None:
    """The gender the evidence of all a person's mentions points to, or None where it is silent or even."""
    score = 0.0
    for mention in group:
        words = tuple(name_words(mention.text))
        score += WEIGHTS['own'] * _sign(own_gender(words))
        score += WEIGHTS['cue'] * _sign(cue_gender(text, mention.start, mention.end, own_gender(words)))
        if words and undeclined_after_preposition(text, mention.start, words[-1], mention.normal.split()[-1]):
            score += WEIGHTS['undeclined'] * _sign('femn')
    return 'masc' if score > 0 else 'femn' if score < 0 else None


def _sign(gender: str | None) -> int:
    return 1 if gender == 'masc' else -1 if gender == 'femn' else 0


def one_nominative_per_word(group: list[Mention], gender: str | None = None, latin: list[str] = ()) -> str:
    """Each word of the person's fullest name gets one nominative for all the mentions, the candidate that
    explains most of the forms the document writes for that word, preferring one that ends as the `latin`
    spelling of the word does (`Диарра`, `Diarra`); returns the entity so rebuilt and rewrites the
    mentions' `normal` words that are a variant of the chosen one."""
    entity = group[0].entity.split()
    candidates: list[Counter] = [Counter() for _ in entity]
    forms: list[list[str]] = [[] for _ in entity]
    places = []
    for mention in group:
        normal = mention.normal.split()
        slots = _align(normal, entity, mention.kind)
        places.append((mention, normal, slots))
        shown = name_words(mention.text)
        for j, i in slots.items():
            candidates[i][normal[j]] += 1
            if len(shown) == len(normal):
                forms[i].append(shown[j])
    latin = list(latin)[-len(entity):] if len(latin) >= len(entity) else [''] * (len(entity) - len(latin)) + list(latin)
    chosen = []
    for i, word in enumerate(entity):
        options = [value for value in candidates[i] if _variants(value, word)] or [word]
        if len(options) == 1:
            chosen.append(options[0])
            continue
        # of the person's gender; most forms explained; then not itself a form of another option (`Ким`,
        # not `Кима`); then the fullest name's own spelling; the most mentions; a spelling with ё (`Пётр`)
        chosen.append(max(options, key=lambda value, i=i: (
            ending_gender(value) in (None, gender), bool(latin[i]) and ends_as_latin([value], [latin[i]]),
            sum(_explains(value, form) for form in forms[i]),
            -sum(_explains(other, value) for other in options if not _explains(value, other)),
            value == word, candidates[i][value], 'ё' in value.lower())))
    for mention, normal, slots in places:
        changed = [chosen[slots[j]] if j in slots and fold(word) != fold(chosen[slots[j]])
                   and _variants(word, chosen[slots[j]]) else word for j, word in enumerate(normal)]
        mention.normal = ' '.join(changed)
    return ' '.join(chosen)


def _align(normal: list[str], entity: list[str], kind: str) -> dict[int, int]:
    """Which word of the entity each word of a mention's nominative is (by index): the same word or a
    variant of it, the surname of a bare surname; initials are no word of their own."""
    slots: dict[int, int] = {}
    used: set[int] = set()
    for j, word in enumerate(normal):
        if INITIAL.match(word):
            continue
        if kind == 'surname' and len(normal) == 1:
            match = len(entity) - 1
        else:
            match = next((i for i, other in enumerate(entity) if i not in used and _variants(word, other)), None)
        if match is not None:
            slots[j] = match
            used.add(match)
    return slots


@lru_cache(maxsize=CACHE_SIZE)
def _variants(a: str, b: str) -> bool:
    """Two nominatives that may be one name word read in two ways (`Райкконена`, `Райкконен`; `Петрова`,
    `Петров`): the same stem, or one the other with a case ending put back."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if len(fa) < 3 or len(fb) < 3 or abs(len(fa) - len(fb)) > 2:
        return False
    return stem(a) == stem(b) or _explains(a, b) or _explains(b, a)


@lru_cache(maxsize=CACHE_SIZE)
def _explains(value: str, form: str) -> bool:
    """`form` can be `value` inflected: the same word, a dictionary name with the lemma in common, or a
    foreign name with a case ending of `foreign.ENDINGS` (`Райкконена` for `Райкконен`)."""
    fv, ff = fold(value).replace('э', 'е'), fold(form).replace('э', 'е')  # `Петрэус`, `Петреуса`
    if fv == ff:
        return True
    if _name_lemmas(fv) & _name_lemmas(ff):
        return True
    for endings in ENDINGS.values():
        for ending, replacement in endings:
            if ff.endswith(ending) and ff[:-len(ending)] + replacement == fv and len(ff) > len(ending) + 1:
                return True
    # a fleeting vowel: `Смилянца`, and the stem left of it, `Смилянц`, are forms of `Смилянец`
    if len(fv) > 4 and fv.endswith('ец') and fv[-3] not in VOWELS:
        for base in (fv[:-2] + 'ц', fv[:-2] + 'ьц'):
            if ff == base or any(ff == base + ending for ending in FLEETING_ENDINGS):
                return True
    return False


FLEETING_ENDINGS = ('а', 'у', 'ом', 'е', 'ем', 'ы', 'ев', 'ам', 'ами', 'ах')


@lru_cache(maxsize=CACHE_SIZE)
def _name_lemmas(word: str) -> frozenset[str]:
    """The lemmas of the dictionary's readings of a word as a name (not its guesses)."""
    return frozenset(fold(p.normal_form) for p in parses(word) if p.is_known and NAME_TAGS & p.tag.grammemes)
