"""pipeline.relations.merge: a document's statements become its rows (TRANSFERS.md's merging rules)."""
from __future__ import annotations

import pytest

from pipeline.doc import Transfer
from pipeline.relations.merge import Statement, merge, name_key


def statement(supplier, recipient, thing, status, start=0, quantity=None, category=False, covers=(), umbrella=False,
              weapon_class='', trigger=1):
    transfer = Transfer(supplier, recipient, '' if category else thing, thing if category else '', status, quantity,
                        start, start + 10, 'x' * 10, start, start + 2, 'поставить', start // 100)
    return Statement(transfer, weapon_class, frozenset(covers), umbrella, trigger)


def rows(statements):
    return [(t.supplier, t.recipient, t.weapon or t.category, t.status, t.quantity) for t in merge(statements)]


@pytest.mark.parametrize('statuses, final', [
    (['requested', 'possible', 'ordered'], 'ordered'),       # the most advanced status
    (['delivered', 'ordered'], 'delivered'),
    (['ordered', 'refused'], 'refused'),                     # a refusal as the last word
    (['refused', 'ordered'], 'ordered'),
    (['in_service', 'delivered'], 'delivered'),              # in_service only where nothing else is stated
    (['in_service', 'in_service'], 'in_service'),
])
def test_status_of_a_row(statuses, final):
    statements = [statement('RU', 'IN', 'С-400', s, start=100 * i) for i, s in enumerate(statuses)]
    assert rows(statements) == [('RU', 'IN', 'С-400', final, None)]


def test_quantity_is_the_largest_given():
    statements = [statement('RU', 'RU', 'Су-34', 'ordered', 0, 16), statement('RU', 'RU', 'Су-34', 'ordered', 100, 92)]
    assert rows(statements) == [('RU', 'RU', 'Су-34', 'ordered', 92)]


def test_names_of_one_system_join_as_the_most_specific():
    statements = [statement('US', 'IL', 'F-15', 'ordered', 0), statement('US', 'IL', 'F-15IA', 'ordered', 100, 25),
                  statement('KR', 'PL', 'К2', 'delivered', 200), statement('KR', 'PL', 'K2', 'delivered', 300)]
    assert rows(statements) == [('US', 'IL', 'F-15IA', 'ordered', 25), ('KR', 'PL', 'К2', 'delivered', None)]
    assert name_key('К2') == name_key('K2') != name_key('K9')


def test_f1_is_not_f15():
    assert len(rows([statement('US', 'IL', 'F-1', 'ordered', 0), statement('US', 'IL', 'F-15', 'ordered', 100)])) == 2


def test_a_row_with_an_empty_side_joins_the_one_that_names_it():
    statements = [statement('', 'UA', 'HIMARS', 'delivered', 0), statement('US', 'UA', 'HIMARS', 'ordered', 100)]
    assert rows(statements) == [('US', 'UA', 'HIMARS', 'delivered', None)]


def test_items_of_one_trigger_share_sides():
    statements = [statement('RU', 'IR', 'Су-30СМ', 'possible', 0, trigger=3),
                  statement('', 'IR', 'фрегат', 'possible', 0, category=True, covers={'фрегат'}, trigger=3)]
    assert rows(statements) == [('RU', 'IR', 'Су-30СМ', 'possible', None), ('RU', 'IR', 'фрегат', 'possible', None)]


def test_categories_named_by_a_system_of_their_kind_go():
    same_statement = [statement('US', 'UA', 'С-300', 'requested', 0, weapon_class='зрк'),
                      statement('US', 'UA', 'система ПВО', 'requested', 0, category=True, covers={'зрк'})]
    assert rows(same_statement) == [('US', 'UA', 'С-300', 'requested', None)]
    other_status = [statement('RU', 'VE', 'Калибр', 'possible', 0, weapon_class='крылатая ракета'),
                    statement('RU', 'VE', 'ракета', 'requested', 100, category=True, covers={'крылатая ракета'})]
    assert len(rows(other_status)) == 2  # the seed: a request for missiles beside a possible «Калибр»
    other_number = [statement('FR', 'IN', 'Rafale', 'ordered', 0, 114, weapon_class='истребитель'),
                    statement('FR', 'IN', 'истребитель', 'ordered', 100, 62, category=True, covers={'истребитель'})]
    assert len(rows(other_number)) == 2  # an earlier purchase of another number


def test_umbrella_words_go_where_the_document_spells_them_out():
    statements = [statement('RU', 'IR', 'оружие', 'possible', 0, category=True, covers={'*'}, umbrella=True),
                  statement('RU', 'IR', 'Т-90', 'possible', 100, weapon_class='танк')]
    assert rows(statements) == [('RU', 'IR', 'Т-90', 'possible', None)]
    alone = [statement('RU', 'VE', 'оружие', 'delivered', 0, category=True, covers={'*'}, umbrella=True)]
    assert rows(alone) == [('RU', 'VE', 'оружие', 'delivered', None)]
    assert rows([statement('', 'UA', 'танк', 'requested', 0, category=True, covers={'танк'})]) == []
