"""The committed outputs/ are what `make run` writes now, and the command line finds the seed's entities."""
from __future__ import annotations

import csv
import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import Options, read_text_file, run
from tests.paths import ROOT, SEEDS

OUTPUTS = ROOT / 'outputs'
STALE = 'outputs/ is stale: run make run'
REPORT = 'report.html'
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f'{SEEDS} is missing')


def _options() -> Options:
    """What `make run` (python -m pipeline extract) uses, with the report switched on if the pipeline has one."""
    kwargs = {'workers': 1, 'quiet': True}
    for f in dataclasses.fields(Options):
        if f.name == 'report' and isinstance(f.default, bool):
            kwargs['report'] = True
    return Options(**kwargs)


def _files(folder: Path) -> dict[str, Path]:
    return {p.name: p for p in folder.iterdir() if p.is_file() and not p.name.startswith('.')}


@pytest.fixture(scope='module')
def fresh(tmp_path_factory):
    out = tmp_path_factory.mktemp('outputs')
    cwd = os.getcwd()
    os.chdir(ROOT)  # as `make run` does: `seeds` relative to the project root
    try:
        summary = run(['seeds'], out, _options())
    finally:
        os.chdir(cwd)
    assert summary.ok
    return out


def test_outputs_are_up_to_date(fresh):
    assert OUTPUTS.is_dir(), STALE
    committed, written = _files(OUTPUTS), _files(fresh)
    # report.html is compared too where this run writes one (the report has no timestamps: it is deterministic).
    expected = set(written) if REPORT in written else set(written) - {REPORT}
    assert expected <= set(committed), f'{STALE} (missing: {sorted(expected - set(committed))})'
    extra = set(committed) - set(written) - {REPORT}
    assert not extra, f'{STALE} (not written any more: {sorted(extra)})'
    for name in sorted(expected):
        assert committed[name].read_bytes() == written[name].read_bytes(), f'{STALE} ({name} differs)'


def test_cli_finds_the_seed_entities(tmp_path):
    out = tmp_path / 'out'
    env = {**os.environ, 'PYTHONIOENCODING': 'utf-8'}
    result = subprocess.run([sys.executable, '-m', 'pipeline', 'extract', 'seeds', '--out', str(out), '--workers',
                             '1', '-q'], cwd=ROOT, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    with open(out / 'mentions.csv', encoding='utf-8-sig', newline='') as f:
        rows = list(csv.DictReader(f))
    by_type: dict[str, set[str]] = {'person': set(), 'country': set(), 'weapon': set()}
    for row in rows:
        by_type[row['type']].add(row['code'] if row['type'] == 'country' else row['entity'])
    assert {'Николас Мадуро', 'Владимир Путин', 'Алексей Журавлев', 'Уго Чавес'} <= by_type['person']
    assert {'VE', 'RU', 'US', 'CN', 'IR'} <= by_type['country']
    assert {'Орешник', 'Калибр', 'Игла-С'} <= by_type['weapon']
    text = read_text_file(next(SEEDS.glob('*.txt'))).text  # offsets index the text as the pipeline reads it
    for row in rows:
        assert text[int(row['start']):int(row['end'])] == row['text']
