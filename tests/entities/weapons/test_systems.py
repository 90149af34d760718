"""pipeline/data/weapons.csv and pipeline.entities.weapons.systems: the gazetteer, its spellings."""
from __future__ import annotations

import csv
import io
import re

import pytest

from pipeline.entities.weapons.systems import spellings
from tests.paths import ROOT

CSV_PATH = ROOT / "pipeline" / "data" / "weapons.csv"
HEADER = ["name", "aliases", "class", "origin", "wikidata"]
CLASSES = {
    "ракетный комплекс", "баллистическая ракета", "крылатая ракета", "гиперзвуковая ракета",
    "противокорабельная ракета", "ракета воздух-воздух", "ракета воздух-земля", "ПТРК", "ЗРК",
    "ЗРПК", "ПЗРК", "истребитель", "бомбардировщик", "штурмовик", "самолёт", "вертолёт", "танк",
    "БМП", "БТР", "бронеавтомобиль", "САУ", "гаубица", "РСЗО", "миномёт", "БПЛА",
    "барражирующий боеприпас", "стрелковое оружие", "гранатомёт", "РЭБ", "торпеда", "авиабомба",
}


def _read():
    with open(CSV_PATH, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = [dict(zip(header, r)) for r in reader]
    return header, rows


HEADER_READ, ROWS = _read()
BY_NAME = {r["name"]: r for r in ROWS}


def _aliases(row):
    return [a for a in row["aliases"].split("|") if a]


ALIAS_TO_NAME = {s: r["name"] for r in ROWS for a in _aliases(r) + [r["name"]] for s in spellings(a)}


def test_header_exact():
    assert HEADER_READ == HEADER


def test_encoding_and_newlines():
    raw = CSV_PATH.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "file must not start with a BOM"
    assert b"\r" not in raw, "newlines must be \\n"
    raw.decode("utf-8")


def test_written_with_minimal_csv_quoting():
    text = CSV_PATH.read_text(encoding="utf-8")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADER)
    for r in ROWS:
        w.writerow([r[c] for c in HEADER])
    assert buf.getvalue() == text


def test_row_count():
    assert len(ROWS) >= 450


def test_every_row_has_all_columns():
    for r in ROWS:
        assert set(r) == set(HEADER), r
        assert r["name"].strip() == r["name"] and r["name"], r


def test_names_unique():
    names = [r["name"] for r in ROWS]
    assert len(names) == len(set(names))
    folded = [n.casefold() for n in names]
    assert len(folded) == len(set(folded))


def test_aliases_unique_and_not_other_names():
    names = {r["name"].casefold(): r["name"] for r in ROWS}
    seen = {}
    for r in ROWS:
        for a in _aliases(r):
            assert a == a.strip(), (r["name"], a)
            key = a.casefold()
            assert key != r["name"].casefold(), f"alias equals own name: {a!r}"
            assert key not in names, f"alias {a!r} of {r['name']!r} is the name of another row"
            assert key not in seen, f"alias {a!r} used by {seen[key]!r} and {r['name']!r}"
            seen[key] = r["name"]


def test_classes_allowed():
    bad = [(r["name"], r["class"]) for r in ROWS if r["class"] not in CLASSES]
    assert not bad


def test_origins_two_upper_letters():
    bad = [(r["name"], r["origin"]) for r in ROWS if not re.fullmatch(r"[A-Z]{2}", r["origin"])]
    assert not bad


def test_wikidata_format():
    bad = [(r["name"], r["wikidata"]) for r in ROWS if r["wikidata"] and not re.fullmatch(r"Q\d+", r["wikidata"])]
    assert not bad


def test_sorted_by_name():
    names = [r["name"] for r in ROWS]
    assert names == sorted(names)


def test_no_form_is_a_spelling_the_loader_makes_of_another():
    """`Су 57` and `Су57` come from `Су-57` (systems.spellings): the file lists each form once."""
    twins = []
    for r in ROWS:
        forms = [r["name"]] + _aliases(r)
        made = {spelling for form in forms for spelling in spellings(form)[1:]}
        twins += [(r["name"], form) for form in forms[1:] if form in made]
    assert not twins


@pytest.mark.parametrize("form, expected", [
    ("Су-57", ["Су-57", "Су 57", "Су57"]),
    ("AIM-120 AMRAAM", ["AIM-120 AMRAAM", "AIM 120 AMRAAM", "AIM120 AMRAAM"]),
    ("B-2", ["B-2", "B 2"]),            # `B2` alone is a vitamin, a paper size, a level of English
    ("Leopard 2", ["Leopard 2"]),        # a name, not a maker prefix
    ("Калибр", ["Калибр"]),
])
def test_spellings(form, expected):
    assert spellings(form) == expected


@pytest.mark.parametrize("name,cls,origin", [
    ("Искандер-М", "ракетный комплекс", "RU"),
    ("Орешник", "баллистическая ракета", "RU"),
    ("Калибр", "крылатая ракета", "RU"),
    ("Игла-С", "ПЗРК", "RU"),
    ("С-400", "ЗРК", "RU"),
    ("HIMARS", "РСЗО", "US"),
    ("Leopard 2", "танк", "DE"),
    ("Су-35", "истребитель", "RU"),
    ("Bayraktar TB2", "БПЛА", "TR"),
    ("Patriot", "ЗРК", "US"),
    ("Кинжал", "гиперзвуковая ракета", "RU"),
    ("Циркон", "гиперзвуковая ракета", "RU"),
    ("Ярс", "баллистическая ракета", "RU"),
    ("Оникс", "противокорабельная ракета", "RU"),
    ("Ка-52", "вертолёт", "RU"),
    ("Т-90М", "танк", "RU"),
    ("Т-14", "танк", "RU"),
    ("Мста-С", "САУ", "SU"),
    ("Солнцепек", "РСЗО", "RU"),
    ("Ланцет", "барражирующий боеприпас", "RU"),
    ("Герань-2", "барражирующий боеприпас", "RU"),
    ("Shahed-136", "барражирующий боеприпас", "IR"),
    ("Storm Shadow", "крылатая ракета", "GB"),
    ("ATACMS", "баллистическая ракета", "US"),
    ("Javelin", "ПТРК", "US"),
    ("Ту-160", "бомбардировщик", "SU"),
    ("Красуха-4", "РЭБ", "RU"),
    ("АК-12", "стрелковое оружие", "RU"),
    ("Железный купол", "ЗРК", "IL"),
    ("F-16", "истребитель", "US"),
    ("Нептун", "противокорабельная ракета", "UA"),
    ("Хвасон-17", "баллистическая ракета", "KP"),
    ("ФАБ-500", "авиабомба", "SU"),
])
def test_known_systems(name, cls, origin):
    assert name in BY_NAME, name
    assert BY_NAME[name]["class"] == cls
    assert BY_NAME[name]["origin"] == origin


@pytest.mark.parametrize("alias,name", [
    ("Пэтриот", "Patriot"),
    ("Петриот", "Patriot"),
    ("Триумф", "С-400"),
    ("Хаймарс", "HIMARS"),
    ("Су 57", "Су-57"),
    ("Армата", "Т-14"),
    ("Прометей", "С-500"),
    ("Фаворит", "С-300ПМУ2"),
    ("9К720", "Искандер-М"),
    ("Iskander", "Искандер-М"),
    ("3М14", "Калибр"),
    ("9К338", "Игла-С"),
    ("Байрактар", "Bayraktar TB2"),
    ("Леопард 2", "Leopard 2"),
    ("Leopard-2", "Leopard 2"),
    ("Zircon", "Циркон"),
    ("Абрамс", "Abrams"),
    ("Джавелин", "Javelin"),
    ("Шахед-136", "Shahed-136"),
    ("Hwasong-17", "Хвасон-17"),
    ("Iron Dome", "Железный купол"),
])
def test_alias_resolves(alias, name):
    assert ALIAS_TO_NAME.get(alias) == name
