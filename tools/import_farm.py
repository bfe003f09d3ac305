"""The "farm of folders" of ``subtitler/`` at a commit (or in the working tree): lines per folder,
import edges between folders, and import circles between modules.

    python tools/import_farm.py            # the working tree
    python tools/import_farm.py 08a628a    # a commit
    python tools/import_farm.py 08a628a --markdown

An edge is one module importing another ``subtitler`` module (module-level or inside a function;
imports under ``if TYPE_CHECKING:`` never run and are counted apart). The graph rules are those of
tests/test_import_graph.py, which fails on a circle; this script only reports.
"""

from __future__ import annotations

import argparse
import ast
import subprocess
from collections import Counter
from pathlib import Path, PurePosixPath
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent


def sources(commit: Optional[str]) -> dict[str, str]:
    """path (``subtitler/...py``) → text, at ``commit`` or on disk."""
    if commit is None:
        paths = sorted((ROOT / "subtitler").rglob("*.py"))
        return {p.relative_to(ROOT).as_posix(): p.read_text("utf-8") for p in paths}
    names = subprocess.run(["git", "ls-tree", "-r", "--name-only", commit, "subtitler"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.split()
    return {n: subprocess.run(["git", "show", f"{commit}:{n}"], cwd=ROOT, check=True, capture_output=True,
                              text=True).stdout for n in names if n.endswith(".py")}


def module_of(path: str) -> str:
    parts = list(PurePosixPath(path).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or (
        isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST, under_tc: bool = False) -> list[tuple[ast.Import | ast.ImportFrom, bool]]:
    out: list[tuple[ast.Import | ast.ImportFrom, bool]] = []
    for child in ast.iter_child_nodes(tree):
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            out.append((child, under_tc))
        if isinstance(child, ast.If) and _type_checking(child):
            for n in child.body:
                out += [(n, True)] if isinstance(n, (ast.Import, ast.ImportFrom)) else []
                out += _imports(n, True)
            for n in child.orelse:
                out += [(n, under_tc)] if isinstance(n, (ast.Import, ast.ImportFrom)) else []
                out += _imports(n, under_tc)
            continue
        out += _imports(child, under_tc)
    return out


def graph(files: dict[str, str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(runtime edges, type-only edges): module → imported ``subtitler`` modules."""
    mods = {module_of(p): p for p in files}

    def owner(name: str) -> str:
        while name and name not in mods:
            name = name.rpartition(".")[0]
        return name

    run: dict[str, set[str]] = {m: set() for m in mods}
    typ: dict[str, set[str]] = {m: set() for m in mods}
    for name, path in mods.items():
        package = name if path.endswith("__init__.py") else name.rpartition(".")[0]
        for node, tc in _imports(ast.parse(files[path])):
            targets: set[str] = set()
            if isinstance(node, ast.Import):
                targets = {owner(a.name) for a in node.names if a.name.split(".")[0] == "subtitler"}
            else:
                if node.level:
                    base = package.split(".")
                    base = base[:len(base) - (node.level - 1)]
                    mod = ".".join(base + ([node.module] if node.module else []))
                else:
                    mod = node.module or ""
                if mod.split(".")[0] == "subtitler":
                    targets = {f"{mod}.{a.name}" if f"{mod}.{a.name}" in mods else owner(mod) for a in node.names}
            targets.discard(name)
            (typ if tc else run)[name].update(targets)
    for name in mods:
        typ[name] -= run[name]
    return run, typ


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, recursive: the graph is small)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(g[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def farm(commit: Optional[str]) -> dict[str, object]:
    files = sources(commit)
    run, typ = graph(files)
    where = {module_of(p): PurePosixPath(p).parent.as_posix() for p in files}
    lines: Counter[str] = Counter()
    modules: Counter[str] = Counter()
    for p, text in files.items():
        lines[where[module_of(p)]] += len(text.splitlines())
        modules[where[module_of(p)]] += 1
    pairs: Counter[tuple[str, str]] = Counter()
    for a, deps in run.items():
        for b in deps:
            if where[a] != where[b]:
                pairs[(where[a], where[b])] += 1
    both = {m: run[m] | typ[m] for m in run}
    return {"lines": lines, "modules": modules, "pairs": pairs, "edges": sum(len(d) for d in run.values()),
            "cross": sum(pairs.values()), "cycles": cycles(run), "type_cycles": cycles(both)}


def report(commit: Optional[str], markdown: bool) -> str:
    f = farm(commit)
    lines, modules, pairs = f["lines"], f["modules"], f["pairs"]
    assert isinstance(lines, Counter) and isinstance(modules, Counter) and isinstance(pairs, Counter)
    out = []
    title = commit or "working tree"
    if markdown:
        out += [f"#### {title}", "", "| folder | modules | lines |", "| --- | ---: | ---: |"]
        out += [f"| `{d}` | {modules[d]} | {lines[d]} |" for d in sorted(lines)]
        out += ["", f"Import edges between modules: {f['edges']}, of which between folders: {f['cross']}.", "",
                "| from folder | to folder | edges |", "| --- | --- | ---: |"]
        out += [f"| `{a}` | `{b}` | {n} |" for (a, b), n in sorted(pairs.items())]
    else:
        out.append(f"== {title}")
        out += [f"{d:32s} {modules[d]:3d} modules {lines[d]:6d} lines" for d in sorted(lines)]
        out.append(f"import edges: {f['edges']}, between folders: {f['cross']}")
        out += [f"  {a} -> {b}: {n}" for (a, b), n in sorted(pairs.items())]
    run_cycles, type_cycles = f["cycles"], f["type_cycles"]
    assert isinstance(run_cycles, list) and isinstance(type_cycles, list)
    out += ["", f"Import circles (imports that run): {len(run_cycles)}"]
    out += [f"- {', '.join(c)}" for c in run_cycles]
    out += [f"Import circles counting `if TYPE_CHECKING:` imports too: {len(type_cycles)}"]
    out += [f"- {', '.join(c)}" for c in type_cycles]
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("commit", nargs="?", help="a commit (default: the working tree)")
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    print(report(args.commit, args.markdown))


if __name__ == "__main__":
    main()
