"""The house's shape (docs/architecture.md): imports run down the flow only, no module imports itself
round a circle, and no module grows past the size of one concept."""
from __future__ import annotations

import ast
from pathlib import Path

from tests.paths import ROOT

PACKAGE = ROOT / 'pipeline'
# The flow, top to bottom: a module may import from its own room or from a room of a lower rank.
RANKS = {'doc': 0, 'inputs': 1, 'nlp': 1, 'data': 2, 'entities': 3, 'relations': 4, 'extract': 5, 'output': 6,
         'batch': 7, 'cli': 8, '__main__': 9, '__init__': 9}
MAX_LINES = 350


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix('').parts
    return '.'.join(parts[:-1] if parts[-1] == '__init__' else parts)


def imports(path: Path) -> set[str]:
    """The pipeline modules `path` imports (relative imports resolved), TYPE_CHECKING ones included."""
    name = module_name(path)
    package = name if path.name == '__init__.py' else name.rpartition('.')[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding='utf-8'))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split('.')[:len(package.split('.')) - node.level + 1]
                target = '.'.join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ''
            if target.startswith('pipeline'):
                modules = [f'{target}.{alias.name}' for alias in node.names]
                found.update(m if (ROOT / Path(*m.split('.'))).with_suffix('.py').exists()
                             or (ROOT / Path(*m.split('.')) / '__init__.py').exists() else target for m in modules)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith('pipeline'))
    return found - {name}


def graph() -> dict[str, set[str]]:
    return {module_name(path): imports(path) for path in PACKAGE.rglob('*.py')}


def room(module: str) -> str:
    parts = module.split('.')
    return parts[1] if len(parts) > 1 else '__init__'


def test_imports_run_down_the_flow():
    upward = [(a, b) for a, targets in graph().items() for b in targets
              if room(a) != room(b) and RANKS[room(b)] > RANKS[room(a)]]
    assert upward == []


def test_no_import_circle():
    edges = graph()
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                cycles.append(path[path.index(target):] + [target])
            elif target not in state:
                visit(target, path + [target])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_every_room_is_known_and_no_module_is_too_long():
    long = {module_name(p): n for p in PACKAGE.rglob('*.py') if (n := len(p.read_text().splitlines())) > MAX_LINES}
    assert long == {}
    assert {room(m) for m in graph()} <= set(RANKS)
