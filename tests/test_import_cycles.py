"""No import cycles inside ``linebot_fp``, read from the code's own imports.

The graph is built from the source of every module with :mod:`ast`, not from a
list kept by hand: an edge for each ``import`` and ``from ... import`` that runs
(at module level or inside a function or method) and for each
``importlib.import_module("literal")``. What it leaves out, and why:

* imports under ``if TYPE_CHECKING:`` never run: they name types for the type
  checkers (a package's lazy exports are declared that way);
* the implicit import of a module's parent package, which the import system has
  finished before the module starts;
* the rows of the family tables (``"module:Class"`` strings), imported by
  ``Family.member``: data, checked by ``test_families.py``; they point from a
  family base down to its members, which import the base, never the reverse.

``from package import name`` is an edge to ``package.name`` when that is a
module, else to ``package``. A cycle is a strongly connected component of more
than one module (or a module importing itself).
"""

from __future__ import annotations

import ast
from pathlib import Path

import linebot_fp

ROOT = Path(linebot_fp.__file__).resolve().parent


def _modules() -> dict[str, Path]:
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node except those under an ``if TYPE_CHECKING:`` (its ``else`` runs)."""
    nodes: list[ast.AST] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        nodes.append(node)
        if isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))
    return nodes


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def import_graph() -> dict[str, set[str]]:
    """Module -> the ``linebot_fp`` modules it imports when it runs."""
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                source = _resolve(name, is_package, node)
                targets = [f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules
                           else source for alias in node.names]
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and node.func.attr == "import_module" and node.args
                  and isinstance(node.args[0], ast.Constant)
                  and isinstance(node.args[0].value, str)):
                targets = [node.args[0].value]
            graph[name] |= {target for target in targets if target in modules and target != ""}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with a cycle (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph[node]:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_of_linebot_fp_takes_part_in_an_import_cycle() -> None:
    graph = import_graph()
    assert len(graph) > 150
    assert "linebot_fp.codec" in graph["linebot_fp.webhook"]  # the graph sees imports ...
    assert "linebot_fp.models._sources.base" in graph["linebot_fp.models._events.base"]
    assert "linebot_fp.transport" in graph["linebot_fp.client_settings"] | graph[
        "linebot_fp.client"] | graph["linebot_fp.sending"]  # ... function-level ones too
    assert cycles(graph) == []


def test_the_check_finds_a_cycle_where_there_is_one() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"d"}, "e": {"a"}}
    assert cycles(graph) == [["a", "b", "c"], ["d"]]


def test_models_never_import_the_codec_or_anything_above_them() -> None:
    graph = import_graph()
    reached: set[str] = set()
    pending = [name for name in graph if name.startswith("linebot_fp.models")]
    while pending:
        name = pending.pop()
        if name not in reached:
            reached.add(name)
            pending.extend(graph[name])
    below = {"linebot_fp._codegen", "linebot_fp._exports", "linebot_fp.errors",
             "linebot_fp.error_body"}  # the standard library only, under them
    assert {name for name in reached if not name.startswith("linebot_fp.models")} <= below
