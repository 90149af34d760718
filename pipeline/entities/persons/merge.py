"""Merging the mentions of one person within a document into the fullest name it gives."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ...data import read_rows
from ...doc import Doc, Mention, step
from ...nlp.morph import fold, lemmas, parses, stem
from ...nlp.text import previous_word
from .context import cue_gender, is_kinship_noun, undeclined_after_preposition
from .names import SURNAME_ENDINGS, VOWELS, is_full_name, known_as, name_words
from .nominative import own_gender


def _surname_key(name: str) -> frozenset[str]:
    """Lemmas of the last word (`Захарова`, `Захаров` share `захаров`), and for a long word its stem
    without final vowels, with э read as е (`Небензи` and `Небензя` share `небенз~`; `Петреуса` and
    `Петрэус`, two spellings in one text, share `петреус~`)."""
    last = name.split()[-1]
    key = set(lemmas(last))  # the word itself, folded, among them
    short = stem(last)
    if len(short) >= 4:
        key.add(short + '~')
    return frozenset(key)


def _initials(name: str) -> list[str]:
    return [w.rstrip('.') for w in name.split()[:-1]]


def _initial_fits(initial: str, word: str) -> bool:
    """`Дж` fits `Джеймс`, `Ж.-К` fits `Жан-Клод`."""
    letters, parts = initial.replace('.', '').split('-'), word.split('-')
    return len(letters) <= len(parts) and all(fold(p).startswith(fold(i)) for i, p in zip(letters, parts))


def _initials_fit(initialled: str, full: _FullName) -> bool:
    """The initials fit the given names the full name writes; a patronymic's initial the full name
    leaves out says nothing against it (`В. В. Путин` joins `Владимир Путин`)."""
    return all(_initial_fits(i, w) for i, w in zip(_initials(initialled), full.normal.split()[:-1]))


def usual_order(name: str) -> str:
    """A name in the order of official lists, surname first, in the usual order: `Грызлов Борис
    Вячеславович` → `Борис Вячеславович Грызлов`; any other name as it is."""
    words = name.split()
    if len(words) == 3 and known_as(words[2], 'Patr') and known_as(words[1], 'Name') and not known_as(words[0], 'Patr'):
        return ' '.join([words[1], words[2], words[0]])
    return name


@step(requires='mentions', assigns='mentions.entity mentions.kind')
def merge_persons(doc: Doc) -> None:
    """Give each person mention the fullest name the document gives for it (sets `entity`, `kind`).

    A bare surname, initials with a surname, or a shorter full name join the longest full name
    ending in the same surname (`Мадуро`, `Н. Мадуро` → `Николас Мадуро`; `Владимир Путин` →
    `Владимир Владимирович Путин`) whose first words agree with the initials. A bare first name, or a
    first name with a patronymic, joins the one full name that starts with it, if only one does
    (`Мишель` → `Мишель Обама`, `Елизавета Петровна` → `Елизавета Глинка`). Where several full
    names fit, one of the mention's gender wins (`Малашенко женился` after `Игорь` and `Елена
    Малашенко`), then one named before the mention, the longest, the nearest, the most frequent; and
    where the one chosen joins a longer full name itself, the mention follows it. A bare
    surname that fits none joins the one full name whose surname is one letter off (`Георгиева`,
    `Валерий Гергиев`). A first name with a patronymic joins the one full name it begins (`Владимир
    Владимирович Путин`), or else, for a man's patronymic, the one full name of an earlier sentence that
    starts with the first name and gives no other patronymic (`Виктор Фёдорович` → `Виктор Янукович`),
    and a name with its surname first the same name in the usual order; alone,
    it becomes that name (`Грызлов Борис Вячеславович` → `Борис Вячеславович Грызлов`). Full
    names are indexed by surname, so a document with thousands of mentions merges in near-linear time.
    """
    mentions = [m for m in doc.mentions if m.type == 'person']
    names: dict[str, _FullName] = {}
    for mention in mentions:
        if mention.kind != 'alias' and is_full_name(mention.normal) and not _first_and_patronymic(mention.normal):
            name = names.setdefault(fold(mention.normal), _FullName(mention.normal))
            name.starts.append(mention.start)
            if mention.gender:
                name.genders[mention.gender] += 1
            cue = _cue(doc.text, mention)
            if cue:
                name.cues[cue] += 1
    by_surname: dict[str, list[_FullName]] = {}
    for name in names.values():
        for key in _surname_key(name.normal):
            by_surname.setdefault(key, []).append(name)
    bare = {fold(m.normal) for m in mentions if m.kind != 'alias' and len(m.normal.split()) == 1}
    previous = None
    for mention in mentions:
        if mention.kind == 'alias':  # `(Volker Bouffier)` after `Фолькера Буфье`
            mention.entity = previous.entity if previous else mention.normal
            continue
        previous = mention
        words = mention.normal.split()
        mention.kind = 'surname' if len(words) == 1 else 'full' if is_full_name(mention.normal) else 'initials'
        candidates = {id(n): n for key in _surname_key(mention.normal) for n in by_surname.get(key, ())}
        if len(words) == 1 and candidates:
            candidates = _not_the_relative(doc.text, mention, mentions, candidates)
        best = _named_before(doc.text, mention, names.values()) if len(words) == 1 else None
        best = best or _best_full(mention, words, list(candidates.values()), doc.text)
        if best is None and (len(words) == 1 or _first_and_patronymic(mention.normal)):
            best = _by_first_name(words[0], names.values())
            if best is not None:
                mention.kind = 'first'
        if best is None and len(words) == 1:
            best = _misspelt(words[0], names.values())
        if best is None and mention.kind == 'initials':  # `М. Ахмадинежад` for `Махмуд Ахмадинеджад`
            best = _misspelt(words[-1], [other for other in names.values() if _initials_fit(mention.normal, other)])
        if best is None and len(words) >= 2:
            best = _by_words(words, names.values())
        if best is None and _first_and_his_patronymic(words, bare):
            best = _by_first_name(words[0], [other for other in names.values()
                                             if _in_an_earlier_sentence(doc.text, other, mention.start)
                                             and not _other_patronymic(other.normal, words[1])])
            if best is not None:
                mention.kind = 'first'
        mention.entity = best.normal if best else mention.normal
    # a shorter full name joins a longer one (`Джанет Рено`, `Джанет Вуд Рено`): so do the mentions
    # that joined the shorter; a name alone in official order is the person in the usual one
    longer = {}
    for mention in mentions:
        if mention.kind == 'full':
            if mention.entity == mention.normal:
                mention.entity = usual_order(mention.normal)
            longer.setdefault(fold(mention.normal), mention.entity)
    for mention in mentions:
        if mention.kind in ('surname', 'initials', 'first'):
            mention.entity = longer.get(fold(mention.entity), mention.entity)


@dataclass(slots=True)
class _FullName:
    """A distinct full name of a document and where it occurs (sorted offsets)."""

    normal: str
    starts: list[int] = field(default_factory=list)
    genders: Counter = field(default_factory=Counter)  # shown by the words or the context
    cues: Counter = field(default_factory=Counter)  # shown by the context (a verb, a noun beside it)

    def gender(self) -> str:
        return self.genders.most_common(1)[0][0] if self.genders else ''

    def sure_gender(self) -> str:
        """The gender the context shows, not only the dictionary's reading of the words (which takes
        `Габриэль Гиффордс` for a man)."""
        return self.cues.most_common(1)[0][0] if self.cues else ''


def _best_full(mention: Mention, words: list[str], candidates, text: str) -> _FullName | None:
    """The full name a shorter mention joins: one its words fit, and, where no first name joins them,
    of its gender and able to take its written form (`у Клинтон` is not Билл's: his would be `у
    Клинтона`); of those, one named before it, the nearest, the longest, the most frequent."""
    best = None
    cue = None if mention.kind == 'full' or not candidates else _cue(text, mention)
    for other in candidates:
        other_words = other.normal.split()
        if len(other_words) <= len(words) and mention.kind != 'initials':
            continue
        if mention.kind == 'initials' and not _initials_fit(mention.normal, other):
            continue
        if mention.kind == 'full' and fold(words[0]) != fold(other_words[0]):
            continue
        agrees = True
        if mention.kind != 'full':
            if not _fits(mention, other, text):
                continue
            # genders shown by the context never merge; the dictionary's reading of a full name's words
            # only loses to a full name that agrees (`Гиффордс была` joins `Габриэль Гиффордс`)
            if cue and other.sure_gender() not in ('', cue):
                continue
            agrees = not (mention.gender and other.gender() not in ('', mention.gender))
        i = bisect_left(other.starts, mention.start)
        nearest = other.starts[i - 1] if i > 0 else -other.starts[0]
        rank = (agrees, i > 0, nearest, len(other_words), len(other.starts))
        if best is None or rank > best[0]:
            best = (rank, other)
    return best[1] if best else None


def _not_the_relative(text: str, mention: Mention, mentions: list[Mention], candidates: dict) -> dict:
    """A bare surname between a kinship noun and a first name names the relative, not the person the first
    name names (`сын Байдена Хантер`: Хантер Байден's father): the full names that begin with that first
    name are left out."""
    before = previous_word(text, mention.start)
    if not before or not is_kinship_noun(before.group(1)):
        return candidates
    after = next((m for m in mentions if m.start > mention.end), None)
    if after is None or text[mention.end:after.start].strip() or len(after.normal.split()) != 1:
        return candidates
    first = lemmas(after.normal)
    return {key: other for key, other in candidates.items() if not first & lemmas(other.normal.split()[0])}


CAPITALISED_BEFORE = re.compile(r'([A-ZА-ЯЁ][a-zа-яё]+)[ \xa0]+$')


def _named_before(text: str, mention: Mention, full) -> _FullName | None:
    """The one full name a bare surname's untagged first name shows: the capitalised word right before it
    begins a full name of the document that holds the surname (`Мейв Кеннеди`, where the tagger took only
    `Кеннеди`, is `Мейв Кеннеди Таунсенд-Маккин`, not `Роберт Кеннеди`)."""
    before = CAPITALISED_BEFORE.search(text, max(0, mention.start - 40), mention.start)
    if not before:
        return None
    first, surname = lemmas(before.group(1)), lemmas(mention.normal)
    return _only([other for other in full if first & lemmas(other.normal.split()[0])
                  and any(surname & lemmas(word) for word in other.normal.split()[1:])])


def _cue(text: str, mention: Mention) -> str | None:
    """The gender the context of a mention shows (`context.cue_gender`); None without a text."""
    return cue_gender(text, mention.start, mention.end, own_gender(tuple(name_words(mention.text)))) if text else None


def _fits(mention: Mention, other: _FullName, text: str) -> bool:
    """A mention without a first name can name the person of a full name: its surname as written is a
    form of the full name's in the full name's gender: a woman's surname ending in a consonant does not
    decline (`Клинтона` is not Хиллари's), a man's does after a preposition that asks for an oblique case
    (`у Клинтон` is not Билл's), and a dictionary surname's form must have a reading in that gender
    (`Петровой` is hers)."""
    gender = other.sure_gender() or other.gender()
    if not gender:
        return True
    written = name_words(text[mention.start:mention.end]) if text else mention.normal.split()
    form, surname = fold(written[-1]) if written else '', fold(other.normal.split()[-1])
    if not form or not surname[-1:].isalpha():
        return True
    hard = surname[-1] not in VOWELS and surname[-1] not in 'йь'
    if gender == 'femn' and hard and not RUSSIAN_SURNAME.search(surname):
        return form == surname
    if gender == 'masc' and hard and form == surname and text and undeclined_after_preposition(
            text, mention.start, written[-1], written[-1]):
        return False
    if not RUSSIAN_SURNAME.search(surname):
        return True
    readings = {str(p.tag.gender) for p in parses(written[-1]) if p.is_known and 'Surn' in p.tag.grammemes
                and 'Fixd' not in p.tag.grammemes}
    return not readings or gender in readings


RUSSIAN_SURNAME = re.compile('(?:' + '|'.join(ending for pair in SURNAME_ENDINGS for ending in pair) + ')$')


def _first_and_patronymic(name: str) -> bool:
    """A woman's first name and patronymic without a surname (`Елизавета Петровна`): it joins a full
    name by its first name, as a bare first name does."""
    words = name.split()
    if len(words) != 2:
        return False
    # A woman's patronymic only: a man's is also a common surname ending (`Михаил Агранович`)
    return known_as(words[1], 'Patr', 'femn')


def _first_and_his_patronymic(words: list[str], bare: set[str]) -> bool:
    """A man's first name and patronymic without a surname (`Виктор Фёдорович`). A man's patronymic is
    also a surname ending (`Александр Лукашевич`): the word counts as one only where the dictionary
    knows it so and the document never writes it alone, as a surname is."""
    return (len(words) == 2 and known_as(words[0], 'Name') and known_as(words[1], 'Patr', 'masc')
            and fold(words[1]) not in bare)


SENTENCE_END = re.compile(r'[.!?…\n]')


def _in_an_earlier_sentence(text: str, full: _FullName, start: int) -> bool:
    """The full name is named in a sentence before the one at `start`: a first name with a patronymic
    refers back to it, while two names in one sentence are more often two people (`Михаил Агранович,
    Михаил Хасая`)."""
    return any(other < start and SENTENCE_END.search(text, other, start) for other in full.starts)


def _other_patronymic(name: str, patronymic: str) -> bool:
    """The full name gives a patronymic, and another one (`Виктор Викторович Янукович` is not the
    `Виктор Фёдорович` of the same document)."""
    words = name.split()
    return len(words) >= 3 and known_as(words[1], 'Patr') and not lemmas(words[1]) & lemmas(patronymic)


def _by_words(words: list[str], full) -> _FullName | None:
    """The one longer full name that begins with these words (`Владимир Владимирович` → `Владимир
    Владимирович Путин`) or, if they begin with no first name, ends with them (a double surname:
    `Падрино Лопес` → `Владимир Падрино Лопес`), or the same name with the surname put last (`Сурков
    Владислав Юрьевич`, the order of official lists)."""
    keys = [lemmas(word) for word in words]
    # the surname first, then the first name and the patronymic: `Сурков Владислав Юрьевич`
    surname_last = keys[1:] + keys[:1] if len(words) == 3 and known_as(words[2], 'Patr') else None
    surnames = not known_as(words[0], 'Name', 'sing')
    found = []
    for other in full:
        other_keys = [lemmas(word) for word in other.normal.split()]
        longer = len(other_keys) > len(keys)
        if (longer and all(a & b for a, b in zip(keys, other_keys))
                or longer and surnames and all(a & b for a, b in zip(keys, other_keys[-len(keys):]))
                or surname_last and len(other_keys) == 3 and all(a & b for a, b in zip(surname_last, other_keys))):
            found.append(other)
    return _only(found)


def _misspelt(word: str, full) -> _FullName | None:
    """The one full name whose surname differs from this bare surname by a single letter, both long
    (`Георгиева` for `Валерий Гергиев`, `Курнеса` for `Геннадий Кернес`): a typo or a second spelling."""
    def misspelt(surname: str) -> bool:  # compared as stems, or whole where a stem is short (`Буффье`, `Буфье`)
        return _one_edit(stem(word), stem(surname)) or _one_edit(fold(word), fold(surname))

    return _only([other for other in full if misspelt(other.normal.split()[-1])])


def _only(found: list[_FullName]) -> _FullName | None:
    """The one full name found, or None where none or several are (the document's full names are
    distinct, so several means an ambiguity)."""
    return found[0] if len(found) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    """`a` and `b` differ by exactly one letter replaced, added or dropped."""
    if abs(len(a) - len(b)) > 1 or a == b or min(len(a), len(b)) < 5:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i:] == b[i + 1:]


@lru_cache(maxsize=1)
def full_first_names() -> dict[str, frozenset[str]]:
    """Short and variant forms of first names and the full forms they stand for, folded (`data/first_name_forms.csv`):
    `лиза` → {`елизавета`}, `саша` → {`александр`, `александра`}."""
    forms: dict[str, set[str]] = {}
    for row in read_rows('first_name_forms.csv'):
        forms.setdefault(fold(row['short']), set()).add(fold(row['full']))
    return {short: frozenset(full) for short, full in forms.items()}


def _by_first_name(word: str, full) -> _FullName | None:
    """The fullest name starting with this first name or the full form of it (`Лизу` → `Елизавета
    Глинка`), if all such names share one surname."""
    key = lemmas(word)
    key |= {form for lemma in key for form in full_first_names().get(lemma, ())}
    names = [other for other in full if key & lemmas(other.normal.split()[0])]
    if not names:
        return None
    fullest = max(names, key=lambda m: (len(m.normal.split()), -m.starts[0]))
    surname = _surname_key(fullest.normal)
    return fullest if all(surname & _surname_key(other.normal) for other in names) else None
