"""Properties of the person entities over whole dev corpora (so that no one document can satisfy them):
no entity whose first name and surname disagree in gender, no entity whose mentions give one name word
two nominatives, every span from a letter to a letter or an initial's dot. They run the pipeline over
every document of the dev sets: `quality` (make test-slow, CI)."""
from __future__ import annotations

import json
from collections import defaultdict

import pytest

from pipeline.entities.persons.decide import _variants
from pipeline.entities.persons.names import INITIAL, ending_gender
from pipeline.nlp.morph import fold, parses
from tests.paths import EVAL, GOLD

pytestmark = pytest.mark.quality
SETS = [EVAL / 'nerel-dev.jsonl', EVAL / 'nerel-train.jsonl', EVAL / 'factrueval-dev.jsonl',
        EVAL / 'weapons-dev.jsonl', GOLD / 'realnews-dev.jsonl']


@pytest.fixture(scope='module')
def person_mentions(extractor):
    """{(set, doc id): [person mentions]} over every dev set present."""
    found = {}
    for path in SETS:
        if not path.is_file():
            continue
        with path.open(encoding='utf-8') as f:
            for line in f:
                if line.strip():
                    doc = json.loads(line)
                    mentions = extractor(doc['text'], str(doc['id'])).mentions
                    found[path.stem, str(doc['id'])] = [m for m in mentions if m.type == 'person']
    if not found:
        pytest.skip(f'no dev set found in {EVAL}')
    return found


def first_name_gender(word: str) -> str | None:
    """The gender of a first name the dictionary declines in one gender only (an undeclined reading says
    only that a woman's name ending so would not decline: `Кароль`, `Мишель`)."""
    genders = {str(p.tag.gender) for p in parses(word)
               if p.is_known and 'Name' in p.tag.grammemes and p.tag.case == 'nomn' and 'Fixd' not in p.tag.grammemes}
    return genders.pop() if len(genders) == 1 else None


def test_first_name_and_surname_agree_in_gender(person_mentions):
    wrong = set()
    for (_set, doc_id), mentions in person_mentions.items():
        for mention in mentions:
            words = mention.entity.split()
            if len(words) >= 2 and not INITIAL.match(words[0]):
                first, last = first_name_gender(words[0]), ending_gender(words[-1])
                if first and last and first != last:
                    wrong.add((doc_id, mention.entity))
    assert wrong == set(), sorted(wrong)


def test_one_nominative_per_name_word(person_mentions):
    wrong = []
    for (_set, doc_id), mentions in person_mentions.items():
        by_entity = defaultdict(list)
        for mention in mentions:
            if mention.kind != 'alias':
                by_entity[mention.entity].append(mention)
        for entity, group in by_entity.items():
            words = entity.split()
            slots = defaultdict(set)
            for mention in group:
                normal = mention.normal.split()
                if len(normal) == len(words) and mention.kind == 'full':  # the full name: word by word
                    pairs = list(enumerate(normal))
                elif len(normal) == 1 and mention.kind == 'surname':
                    pairs = [(len(words) - 1, normal[0])]
                else:
                    continue
                for i, word in pairs:
                    if not INITIAL.match(word) and not INITIAL.match(words[i]):
                        slots[i].add(fold(word))
            # two readings of one word (`Райкконена`, `Райкконен`), not two spellings (`Буфье`, `Буффье`)
            wrong += [(doc_id, entity, sorted(values)) for values in slots.values()
                      if any(a != b and _variants(a, b) for a in values for b in values)]
    assert wrong == [], wrong


def test_spans_hold_only_the_name(person_mentions):
    wrong = [(doc_id, m.text) for (_set, doc_id), mentions in person_mentions.items() for m in mentions
             if not (m.text[:1].isalpha() and (m.text[-1:].isalpha() or m.text[-1:] == '.'))]
    assert wrong == []
