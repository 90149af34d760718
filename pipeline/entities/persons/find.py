"""The person steps: mentions from the NER's PER spans (`spans`) with their nominative (`nominative`),
and the surnames the tagger missed; the document step `merge.merge_persons` then joins short forms to
the fullest name."""
from __future__ import annotations

from ...doc import Doc, Mention, step
from ...nlp.morph import fold, lemmas, parses, stem
from .context import LIST_LINK, context_case, cue_gender
from .foreign import ends_as_latin
from .names import INITIAL, NAME_TAGS, first_name_gender, is_full_name, known_as, name_words
from .nominative import case_and_gender, normalize_person, own_gender
from .spans import person_spans, split_joined, title_ranges


@step(requires='text spans', assigns='persons')
def find_persons(doc: Doc) -> list[Mention]:
    """Person mentions from the NER's PER spans, with their nominative.

    A person has one gender in a document. Where a name's own words allow either (`Евгения
    Медведева`: she, or his genitive), the gender comes from a past-tense verb after it (`Медведева
    завершила`) or else from the rest of the document: the other mentions of the same full name, or
    for a bare surname of the same surname, where those that show a gender all show the same one
    (`Медведевой`).
    """
    text = doc.text
    cuts = split_joined(text, person_spans(text, doc.spans))
    written = frozenset(fold(part) for start, end, _ in cuts for word in name_words(text[start:end])
                        for part in {word, *word.split('-')})  # `Диас-Канель` also gives `Канель`
    names = []  # (start, end, alias, words, case hint, gender shown by the name or its verb)
    shown: dict[tuple[str, ...], set[str]] = {}  # genders shown, by full name and by surname (stems)
    for start, end, alias in cuts:
        words = name_words(text[start:end])
        hint = context_case(text, start)
        gender = own_gender(tuple(words))
        if gender is None:
            gender = cue_gender(text, start, end)
        if gender is None and len(words) > 1 and not alias:
            gender = first_name_gender(words[0])  # `Хиллари Клинтон`: neither word declines
        names.append((start, end, alias, words, hint, gender))
        if gender and not alias:
            for key in _gender_keys(words):
                shown.setdefault(key, set()).add(gender)
    mentions = []
    previous_end, previous_case = -1, None
    for i, (start, end, alias, words, hint, gender) in enumerate(names):
        latin = names[i + 1] if i + 1 < len(names) and names[i + 1][2] else None  # `(Aissata Haidara Cisse)`
        if alias:
            normal = text[start:end]
        elif latin and ends_as_latin(words, latin[3]):
            # each word ends as its Latin spelling does: the name is its own nominative (`Айссата Хайдара
            # Сиссе (Aissata Haidara Cisse)`, where `Хайдара` alone would read as his genitive)
            normal = ' '.join(words)
        else:
            if hint is None and previous_case and LIST_LINK.fullmatch(text, previous_end, start):
                hint = previous_case  # `Луиса Суареса, Неймара и Жерара Пике`: a list shares one case
            if gender is None:
                document = shown.get(_gender_keys(words)[0], set())
                gender = next(iter(document)) if len(document) == 1 else None
            normal = normalize_person(words, written, hint, gender)
            previous_end, previous_case = end, case_and_gender(tuple(words), hint, gender)[0]
        mentions.append(Mention(type='person', start=start, end=end, text=text[start:end], normal=normal,
                                entity=normal, kind='alias' if alias else '', source='ner', gender=gender or ''))
    return mentions


def _gender_keys(words: list[str]) -> list[tuple[str, ...]]:
    """Where a name's gender is looked up: its own words, then its surname (both as stems). Initials and
    a patronymic are left out, so that `Андрияна Николаева` (she, or his genitive) learns his gender
    from `Андрияну Григорьевичу Николаеву`."""
    stems = tuple(stem(word) for word in words
                  if not INITIAL.match(word) and not known_as(word, 'Patr')) or (fold(words[-1]),)
    return [stems, stems[-1:]] if len(stems) > 1 else [stems]


@step(requires='text words persons initial', assigns='echoes')
def echo_persons(doc: Doc) -> list[Mention]:
    """The surnames of the full names found, where they recur without the NER tagging them (`Тело
    Флинта` after `Кит Флинт`): a capitalised word sharing a lemma with such a surname. A word that opens a
    sentence counts only if the dictionary knows it as nothing but a name (`Мороз ударил` is weather
    even where Александр Мороз was named); plurals (`семья Флинтов`) and quoted titles are left alone."""
    text, words, persons, sentence_initial = doc.text, doc.words, doc.persons, doc.initial
    keys: set[str] = set()  # lemmas of the surnames of full names (a lone word may be a tagger slip)
    surnames: set[str] = set()  # the same, as written in the nominative
    for mention in persons:
        if mention.kind != 'alias' and is_full_name(mention.normal):
            last = mention.normal.split()[-1]
            keys |= lemmas(last)
            surnames.add(fold(last))
    if not keys:
        return []
    # Inflection changes at most the last two letters of a surname (`Кравец`, `Кравца`): a word that
    # does not begin as one does is not looked up (a first look-up in the dictionary costs 0.1 ms).
    stems = tuple({key[:max(3, len(key) - 2)] for key in keys})
    taken = [(m.start, m.end) for m in persons] + title_ranges(text)
    written = frozenset(fold(w) for m in persons for w in m.normal.split())
    found = []
    for i, word in enumerate(words):
        value = word.text
        if len(value) < 3 or not value[:1].isupper() or not value[1:2].islower():
            continue
        if not fold(value).startswith(stems) or not lemmas(value) & keys:
            continue
        if any(s < word.end and word.start < e for s, e in taken):
            continue
        if i in sentence_initial and any(p.is_known and not NAME_TAGS & p.tag.grammemes for p in parses(value)):
            continue
        readings = parses(value)
        if readings and 'plur' in readings[0].tag.grammemes and fold(value) not in surnames:
            continue  # `семья Бекхэмов`: a family, not the person; but `заявил Челах` is the surname itself
        normal = normalize_person([value], written, context_case(text, word.start))
        found.append(Mention(type='person', start=word.start, end=word.end, text=value, normal=normal,
                             entity=normal, source='echo'))
    return found
