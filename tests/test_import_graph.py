"""No import circles in ``subtitler``, and the core's stages import one way.

Every module under ``subtitler/`` is parsed (not imported); its imports of ``subtitler`` modules,
at module level and inside functions, make the graph. Imports under ``if TYPE_CHECKING:`` never run
and are left out of the cycle check; the direction check between core packages counts them too
(a type from a later stage is a name in the wrong place as much as a call is).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "subtitler"

# the core's stages, lowest first: a package may import itself and the packages before it, never after
CORE_LAYERS = ("foundation", "media", "speech", "text", "engines", "document", "timing", "delivery", "app")


def module_names() -> dict[str, Path]:
    mods = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        mods[".".join(parts)] = path
    return mods


def _is_type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or (
        isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST, *, type_checking: bool) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement, however deep; those under ``if TYPE_CHECKING:`` only when asked."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child) and not type_checking:
                for other in child.orelse:
                    visit_one(other)
                continue
            visit_one(child)

    def visit_one(node: ast.AST) -> None:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        visit(node)

    visit(tree)
    return found


def _owner(name: str, mods: dict[str, Path]) -> str:
    while name not in mods:
        name = name.rpartition(".")[0]
    return name


def import_graph(*, type_checking: bool = False) -> dict[str, set[str]]:
    """module → the ``subtitler`` modules it imports (relative imports resolved)."""
    mods = module_names()
    graph: dict[str, set[str]] = {}
    for name, path in mods.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps: set[str] = set()
        for node in _imports(ast.parse(path.read_text("utf-8"), str(path)), type_checking=type_checking):
            if isinstance(node, ast.Import):
                deps.update(_owner(a.name, mods) for a in node.names if a.name.split(".")[0] == "subtitler")
                continue
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "subtitler":
                continue
            for alias in node.names:  # `from pkg import module` imports the module
                full = f"{target}.{alias.name}"
                deps.add(full if full in mods else _owner(target, mods))
        deps.discard(name)
        graph[name] = deps
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (as a path a → … → a) per strongly connected component of more than one module
    (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            v, children = work[-1]
            for w in children:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(graph[w]))))
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    component = []
                    while True:
                        w = stack.pop()
                        on_stack.discard(w)
                        component.append(w)
                        if w == v:
                            break
                    if len(component) > 1:
                        components.append(sorted(component))
    return [_a_cycle(graph, set(c)) for c in components]


def _a_cycle(graph: dict[str, set[str]], component: set[str]) -> list[str]:
    """A shortest path from the component's first module back to itself, inside the component."""
    start = min(component)
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        nxt = []
        for v in frontier:
            for w in sorted(graph[v] & component):
                if w == start:
                    path = [v]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [start, *reversed(path[:-1]), start] if len(path) > 1 else [start, v, start]
                if w not in previous:
                    previous[w] = v
                    nxt.append(w)
        frontier = nxt
    return sorted(component)


def core_layer(module: str) -> str | None:
    parts = module.split(".")
    if parts[:2] != ["subtitler", "core"] or len(parts) < 3:
        return None
    return parts[2]


def test_the_graph_sees_what_it_should():
    graph = import_graph()
    # a relative import two levels up
    assert "subtitler.core.app.jobs" in graph["subtitler.gui.workers"]
    # a function-level import counts
    assert "subtitler.cli_extras" in graph["subtitler.cli"]
    # a relative `from . import module`
    assert "subtitler.core.document.formats" in graph["subtitler.core.app.jobs"]
    # an import under TYPE_CHECKING does not (it never runs)
    assert "subtitler.cli" not in graph["subtitler.cli_extras"]


def test_find_cycles_names_the_circle():
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles():
    cycles = find_cycles(import_graph())
    assert not cycles, "import circles:\n" + "\n".join(" → ".join(c) for c in cycles)


def test_every_core_module_lives_in_a_stage_package():
    loose = [m for m in module_names() if core_layer(m) is not None and core_layer(m) not in CORE_LAYERS]
    assert not loose, f"core modules outside the stage packages {CORE_LAYERS}: {loose}"
    assert {p.name for p in (PACKAGE / "core").iterdir() if p.is_dir() and p.name != "__pycache__"} == set(CORE_LAYERS)


def test_core_stages_import_one_way():
    """A stage imports only itself and the stages before it in CORE_LAYERS (types included)."""
    rank = {name: i for i, name in enumerate(CORE_LAYERS)}
    wrong = []
    for module, deps in import_graph(type_checking=True).items():
        layer = core_layer(module)
        if layer is None:
            continue
        for dep in sorted(deps):
            if not dep.startswith("subtitler.core") and dep != "subtitler":
                wrong.append(f"{module} → {dep} (the core imports no front)")
                continue
            target = core_layer(dep)
            if target is not None and rank[target] > rank[layer]:
                wrong.append(f"{module} → {dep} ({layer} may not import {target})")
    assert not wrong, "imports against the core's direction:\n" + "\n".join(wrong)
