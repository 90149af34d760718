"""Build pipeline/data/countries.csv, the country gazetteer.

Why a script: the bulk of the names comes from CLDR (Babel's Russian territory
names), which is reviewed upstream; what CLDR lacks (news usage such as
"Белоруссия", official long names, abbreviations, relational adjectives,
capitals, the former states) is written by hand in scripts/countries_extra.csv.
Keeping the two apart lets reviewers see which rows are ours, and regenerating
is deterministic, so `--check` can guard the committed file in CI.

Country names in Latin script, as Russian pages write them inside outlets' and
organisations' names or in English quotes ("USA Today", "Ukraine", "Israel"),
come from CLDR's English names (Babel) the same way, as kind `name`; the Latin
abbreviations and older names news use ("USA", "U.S.", "UK", "Turkey") are in
countries_extra.csv.

Brussels has no capital row: a Russian page's "Брюссель" that acts is the
European Union (or NATO), not Belgium's government.

countries_extra.csv has columns code,form,kind; besides the four output kinds
it allows kind `entity`, which sets the canonical name of a code (default: the
CLDR name). CLDR forms with parentheses, " - " or the abbreviation "о-в(а)"
are not running-text Russian and are dropped; an all-caps CLDR name
("КНДР", "ОАЭ") is emitted as an abbreviation.

Usage (from the repository root):
    python scripts/build_countries.py            # write the CSV
    python scripts/build_countries.py --check    # exit 1 if the CSV is stale
    python scripts/build_countries.py --morph    # list pymorphy3 self-check failures
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
EXTRA = ROOT / "scripts" / "countries_extra.csv"
OUTPUT = ROOT / "pipeline" / "data" / "countries.csv"
KINDS = ("abbreviation", "adjective", "capital", "name")
UN_MEMBERS = frozenset(
    "AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT"
    " BW BY BZ CA CD CF CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC"
    " EE EG ER ES ET FI FJ FM FR GA GB GD GE GH GM GN GQ GR GT GW GY HN HR HT HU"
    " ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ LA LB LC LI"
    " LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ"
    " NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PT PW PY QA RO RS RU RW SA"
    " SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO"
    " TR TT TV TZ UA UG US UY UZ VC VE VN VU WS YE ZA ZM ZW".split()
)
OTHER_STATES = frozenset({"VA", "PS", "XK", "TW"})  # observers, partly recognised
FORMER_STATES = frozenset({"SU", "YU", "CS", "DD"})  # no CLDR name: all hand-written
CODES = UN_MEMBERS | OTHER_STATES | FORMER_STATES

Row = tuple[str, str, str, str]  # code, entity, form, kind


def usable(form: str) -> bool:
    """A CLDR label that reads as running Russian text."""
    return not any(bad in form for bad in ("(", ")", " - ", "о-в"))


def usable_latin(form: str) -> bool:
    """A CLDR English label that reads as a name in running text (no "&", brackets or " - ")."""
    return usable(form) and "&" not in form and "St." not in form


def build_rows() -> list[Row]:
    cldr = Locale("ru").territories
    english = Locale("en").territories
    forms: set[tuple[str, str, str]] = set()
    entity: dict[str, str] = {}
    for code in sorted(CODES - FORMER_STATES):
        name = cldr[code]
        if usable(name):
            entity[code] = name
            forms.add((code, name, "abbreviation" if name.isupper() else "name"))
        if usable_latin(english[code]):
            forms.add((code, english[code], "name"))
    with EXTRA.open(encoding="utf-8", newline="") as f:
        for rec in csv.DictReader(f):
            code, form, kind = rec["code"], rec["form"].strip(), rec["kind"]
            if code not in CODES or not form or kind not in KINDS + ("entity",):
                sys.exit(f"{EXTRA.name}: bad row {rec}")
            if kind == "entity":
                entity[code] = form
            else:
                forms.add((code, form, kind))
    for code in sorted(CODES):
        own = {form for c, form, _ in forms if c == code}
        if entity.get(code) not in own:
            sys.exit(f"{code}: canonical name {entity.get(code)!r} is not among its forms")
    return sorted((code, entity[code], form, kind) for code, form, kind in forms)


def sort_key(row: Row) -> tuple[str, str, str]:
    return row[0], row[3], row[2]


def render(rows: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("code", "entity", "form", "kind"))
    writer.writerows(sorted(rows, key=sort_key))
    return out.getvalue()


def morph_failures(rows: list[Row]) -> list[Row]:
    """Single-word forms whose first noun (adjective) parse is not the form itself."""
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    pos = {"adjective": {"ADJF"}}
    failed = []
    for row in rows:
        form, kind = row[2], row[3]
        if " " in form:
            continue
        want = pos.get(kind, {"NOUN"})
        parse = next((p for p in morph.parse(form) if p.tag.POS in want), None)
        if parse is None or parse.normal_form.replace("ё", "е") != form.lower():
            failed.append(row)
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the CSV on disk is stale")
    parser.add_argument("--morph", action="store_true", help="print pymorphy3 self-check failures")
    args = parser.parse_args(argv)
    rows = build_rows()
    text = render(rows)
    if args.morph:
        for row in morph_failures(rows):
            print(",".join(row))
        return 0
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else None
        if current != text:
            print(f"{OUTPUT.relative_to(ROOT)} is stale: run scripts/build_countries.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_bytes(text.encode("utf-8"))
    print(f"wrote {len(rows)} rows for {len({r[0] for r in rows})} codes to {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
