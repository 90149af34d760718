"""Where the tests find the project and the shared evaluation material."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / 'seeds'
EVAL = (ROOT / '..' / 'shared' / 'eval').resolve()
GOLD = ROOT / 'tests' / 'gold'  # the project's own gold sets
