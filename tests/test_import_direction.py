"""Imports run one way: no module of the package imports, even late (inside a function), a module that imports it
back. A late import that dodges a cycle hides a layer problem; each one found here was given a home below both ends.

Imports under ``if TYPE_CHECKING:`` are left out: they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import vigil

PACKAGE = Path(vigil.__file__).parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST, modules: set[str]) -> set[str]:
    """The package modules this tree imports at run time (``from x import y`` counts ``x.y`` when that is a module)."""
    found: set[str] = set()
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _type_checking_only(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in modules)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in modules else node.module)
        stack.extend(ast.iter_child_nodes(node))
    return {m for m in found if m in modules}


def import_graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(files)
    return {name: _imports(ast.parse(path.read_text(encoding="utf-8")), modules) - {name}
            for name, path in files.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_late_imports_are_seen() -> None:
    tree = ast.parse("def f():\n    from vigil.engine import evaluate\nif TYPE_CHECKING:\n    import vigil.store\n")
    assert _imports(tree, {"vigil.engine", "vigil.store"}) == {"vigil.engine"}


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = import_graph()
    assert graph.get("vigil.engine"), "the graph was not read"
    assert cycles(graph) == []


LAYERS = {
    # a module under this prefix ... may not import any module under these prefixes
    "vigil.models": ("vigil.engine", "vigil.consent", "vigil.render", "vigil.store", "vigil.ui", "vigil.cli",
                     "vigil.credentials", "vigil.i18n"),
    "vigil.engine": ("vigil.render", "vigil.store", "vigil.ui", "vigil.cli", "vigil.credentials", "vigil.i18n"),
    "vigil.visibility": ("vigil.render", "vigil.store", "vigil.ui", "vigil.cli", "vigil.i18n"),
    "vigil.store": ("vigil.render", "vigil.ui", "vigil.cli", "vigil.credentials", "vigil.i18n"),
    "vigil.render": ("vigil.ui", "vigil.cli", "vigil.store", "vigil.consent_plan", "vigil.consent_actions",
                     "vigil.consent_service"),
    "vigil.credentials": ("vigil.ui", "vigil.cli", "vigil.render"),
}
"""Who may not call upwards: the models below everything, the pure engine below the documents and the store, the
documents below the pages and the command line (which alone import ``vigil.cli``)."""


def _under(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".") or (
        not prefix.endswith(".") and module.startswith(prefix + "_"))


def upward(graph: dict[str, set[str]]) -> list[str]:
    found = []
    for module, imported in graph.items():
        for prefix, banned in LAYERS.items():
            if _under(module, prefix):
                found += [f"{module} -> {m}" for m in sorted(imported) if any(_under(m, b) for b in banned)]
    outside_cli = [f"{m} -> vigil.cli" for m, imported in graph.items()
                   if not _under(m, "vigil.cli") and m != "vigil.__main__" and any(_under(i, "vigil.cli") for i in imported)]
    return sorted(found + outside_cli)


def test_upward_imports_are_found() -> None:
    assert upward({"vigil.models.x": {"vigil.render.y"}, "vigil.render.y": set()}) == ["vigil.models.x -> vigil.render.y"]
    assert upward({"vigil.credentials.c": {"vigil.cli.common"}}) == [
        "vigil.credentials.c -> vigil.cli", "vigil.credentials.c -> vigil.cli.common"]


def test_no_layer_imports_upwards() -> None:
    assert upward(import_graph()) == []
