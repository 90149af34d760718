"""pipeline.entities.persons.gazetteer: Wikidata ids of well-known people."""
from __future__ import annotations

import subprocess
import sys

import pytest

from pipeline.entities.persons.gazetteer import WELL_KNOWN, people
from tests.paths import EVAL, ROOT


def persons(extractor, text):
    return [(m.text, m.entity, m.wikidata) for m in extractor(text).mentions if m.type == 'person']


@pytest.mark.parametrize('text, expected', [
    # a full name by its name, a bare surname whose document names no other bearer
    ('Владимир Путин провёл совещание. Путин заявил, что доволен.',
     [('Владимир Путин', 'Владимир Путин', 'Q7747'), ('Путин', 'Владимир Путин', 'Q7747')]),
    ('Путин встретился с Мадуро.', [('Путин', 'Путин', 'Q7747'), ('Мадуро', 'Мадуро', 'Q58132')]),
    # another bearer of the surname in the document: the bare surname is left to merging, and no id
    ('Хиллари Клинтон выступила в Чикаго. Билл Клинтон промолчал. Клинтон уехала.',
     [('Хиллари Клинтон', 'Хиллари Клинтон', 'Q6294'), ('Билл Клинтон', 'Билл Клинтон', 'Q1124'),
      ('Клинтон', 'Хиллари Клинтон', 'Q6294')]),
    ('Иван Кузякин приехал в город.', [('Иван Кузякин', 'Иван Кузякин', '')]),  # nobody the gazetteer knows
])
def test_known_people_get_their_wikidata_id(extractor, text, expected):
    assert persons(extractor, text) == expected


def test_well_known_surnames_have_one_person_each_or_stay_ambiguous():
    by_name, by_surname = people()
    assert by_name['владимир путин'][0].wikidata == 'Q7747'
    assert by_name['владимир владимирович путин'][0].wikidata == 'Q7747'  # the Wikidata label too
    assert all(p.documents >= WELL_KNOWN for found in by_surname.values() for p in found)


@pytest.mark.slow
@pytest.mark.skipif(not (EVAL / 'nerel-train.jsonl').is_file(), reason='the shared evaluation folder is missing')
def test_persons_csv_is_what_the_script_builds():
    done = subprocess.run([sys.executable, str(ROOT / 'scripts' / 'build_persons.py'), '--check'],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
