"""A first name after a kinship noun: the relative's surname, in the kinship noun's gender."""
from __future__ import annotations

from ...data import load_word_list
from ...doc import Doc, Mention, step
from ...nlp.morph import lemmas, match_case, parses
from ...nlp.text import previous_word
from .context import is_kinship_noun
from .names import INITIAL, ROMAN, SURNAME_ENDINGS, known_as, name_words
from .nominative import normalize_person


@step(requires='text mentions mentions.entity mentions.kind mentions.sentence',
      assigns='mentions.entity mentions.normal')
def name_relatives(doc: Doc) -> None:
    """A bare first name after a kinship noun takes the surname of the person named just before in the
    sentence, in the kinship noun's gender: `Барак Обама с женой Мишель` → `Мишель Обама`, `Иван Петров и
    его жена Анна` → `Анна Петрова`, `У Шнурова есть дочь Серафима` → `Серафима
    Шнурова` (the noun also shows her gender). Not a child after a woman's name (`брак с Мариной Уилер
    — дочь Лара`): children mostly bear the father's surname. Sets `entity` (and `normal`) where merging
    left the first name alone."""
    text = doc.text
    previous = None  # the last person mention that is no alias
    for mention in (m for m in doc.mentions if m.type == 'person'):
        relative, previous = previous, previous if mention.kind == 'alias' else mention
        if mention.kind != 'surname' or mention.entity != mention.normal or not known_as(mention.normal, 'Name'):
            continue
        before = previous_word(text, mention.start)
        gender = _kinship_gender(before.group(1)) if before else None
        if (gender is None or relative is None or relative.sentence != mention.sentence
                or relative.end > before.start(1) or relative.kind == 'first'
                or relative.gender == 'femn' and lemmas(before.group(1)) & CHILD_NOUNS):
            continue
        surname = _surname(relative)
        if surname is None:
            continue
        first = normalize_person(name_words(text[mention.start:mention.end]), gender_hint=gender)
        if known_as(first, 'Name'):
            mention.normal = first
        mention.entity = f'{mention.normal} {surname_in_gender(surname, gender)}'


def _surname(mention: Mention) -> str | None:
    """The surname of the person a mention names, if its entity shows one (not `Виктор Фёдорович`,
    `Елизавета`, `Георг II`)."""
    words = mention.entity.split()
    last = words[-1]
    if len(words) < 2 and mention.kind != 'surname' or INITIAL.match(last) or not last[:1].isupper():
        return None
    if known_as(last, 'Name', 'sing') and not known_as(last, 'Surn') or known_as(last, 'Patr') or ROMAN.fullmatch(last):
        return None
    return last


CHILD_NOUNS = load_word_list('child_nouns.txt')


def _kinship_gender(word: str) -> str | None:
    """The gender of a kinship noun (`женой`: femn, `сын`: masc), None for any other word."""
    if not is_kinship_noun(word):
        return None
    return next((str(p.tag.gender) for p in parses(word.lower())
                 if 'NOUN' in p.tag.grammemes and p.tag.gender in ('masc', 'femn')), None)


def surname_in_gender(surname: str, gender: str) -> str:
    """A surname in the given gender: `Алиев` → `Алиева`, `Зеленский` → `Зеленская`, `Иванова` →
    `Иванов` for a man; a surname that does not change (`Обама`, `Трамп`, `Янукович`) stays."""
    other = 'masc' if gender == 'femn' else 'femn'
    for parse in parses(surname.lower()):
        if parse.is_known and {'Surn', other, 'nomn'} <= parse.tag.grammemes:
            inflected = parse.inflect({gender, 'nomn', 'sing'})
            return match_case(surname, inflected.word) if inflected else surname
    lower = surname.lower()
    for masculine, feminine in SURNAME_ENDINGS:
        mine, theirs = (feminine, masculine) if gender == 'femn' else (masculine, feminine)
        if lower.endswith(theirs) and not lower.endswith(mine):
            return surname[:-len(theirs)] + mine
    return surname
