"""pipeline/data/countries.csv, the country gazetteer, and its build script."""
from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from collections import defaultdict

import pytest

from tests.paths import ROOT

DATA = ROOT / "pipeline" / "data" / "countries.csv"
KINDS = {"name", "abbreviation", "adjective", "capital"}


def _build_script():
    """scripts/build_countries.py as a module: the list of UN members is its own, not copied here."""
    spec = importlib.util.spec_from_file_location("build_countries", ROOT / "scripts" / "build_countries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


UN_MEMBERS = set(_build_script().UN_MEMBERS)
EXPECTED_CODES = UN_MEMBERS | {"VA", "PS", "XK", "TW", "SU", "YU", "CS", "DD"}


def read() -> tuple[list[str], list[dict[str, str]]]:
    with DATA.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def test_file_encoding_and_header() -> None:
    raw = DATA.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    assert raw.endswith(b"\n")
    header, _ = read()
    assert header == ["code", "entity", "form", "kind"]


def test_one_entity_per_code_and_known_kinds() -> None:
    _, rows = read()
    entities: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        entities[row["code"]].add(row["entity"])
        assert row["kind"] in KINDS, row
        assert row["form"] == row["form"].strip() and row["form"], row
    assert {code: len(e) for code, e in entities.items() if len(e) != 1} == {}


def test_no_duplicates_and_sorted() -> None:
    _, rows = read()
    keys = [(r["code"], r["form"], r["kind"]) for r in rows]
    assert len(keys) == len(set(keys))
    order = [(r["code"], r["kind"], r["form"]) for r in rows]
    assert order == sorted(order)


def test_no_cldr_label_artifacts() -> None:
    _, rows = read()
    bad = [r["form"] for r in rows if any(s in r["form"] for s in ("(", ")", " - ", "о-в"))]
    assert bad == []


def test_codes_cover_states() -> None:
    _, rows = read()
    assert {r["code"] for r in rows} == EXPECTED_CODES
    assert len(UN_MEMBERS) == 193


@pytest.mark.parametrize(
    ("code", "entity", "form", "kind"),
    [
        ("RU", "Россия", "Россия", "name"),
        ("RU", "Россия", "Российская Федерация", "name"),
        ("RU", "Россия", "РФ", "abbreviation"),
        ("RU", "Россия", "российский", "adjective"),
        ("RU", "Россия", "Москва", "capital"),
        ("US", "США", "Соединенные Штаты Америки", "name"),
        ("US", "США", "американский", "adjective"),
        ("US", "США", "Вашингтон", "capital"),
        ("VE", "Венесуэла", "Каракас", "capital"),
        ("VE", "Венесуэла", "венесуэльский", "adjective"),
        ("GB", "Великобритания", "Соединенное Королевство", "name"),
        ("BY", "Белоруссия", "Беларусь", "name"),
        ("BY", "Белоруссия", "белорусский", "adjective"),
        ("DE", "Германия", "ФРГ", "abbreviation"),
        ("DE", "Германия", "германский", "adjective"),
        ("CN", "Китай", "КНР", "abbreviation"),
        ("KP", "КНДР", "КНДР", "abbreviation"),
        ("KP", "КНДР", "северокорейский", "adjective"),
        ("KR", "Южная Корея", "Республика Корея", "name"),
        ("NL", "Нидерланды", "голландский", "adjective"),
        ("MD", "Молдавия", "Молдова", "name"),
        ("CD", "ДР Конго", "Демократическая Республика Конго", "name"),
        ("CG", "Республика Конго", "Конго", "name"),
        ("UA", "Украина", "Киев", "capital"),
        ("IL", "Израиль", "Иерусалим", "capital"),
        ("SU", "СССР", "советский", "adjective"),
        ("SU", "СССР", "Советский Союз", "name"),
        ("DD", "ГДР", "ГДР", "abbreviation"),
        ("YU", "Югославия", "СФРЮ", "abbreviation"),
        ("CS", "Чехословакия", "ЧССР", "abbreviation"),
    ],
)
def test_specific_rows(code: str, entity: str, form: str, kind: str) -> None:
    _, rows = read()
    assert {"code": code, "entity": entity, "form": form, "kind": kind} in rows


def test_build_script_check_passes() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/build_countries.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
