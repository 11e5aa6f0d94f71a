"""The package's layers: no import from a lower layer to a higher one, and no cycle between modules.

Every module under ``src/convenant_calc`` is parsed with :mod:`ast`; every import counts,
at module level and inside functions (a lazy import hides a cycle from Python, not from
this test), absolute and relative, under ``if TYPE_CHECKING:`` too. Layers, bottom to top::

    core (0) → io (1) → views (2) → render (3) → casebook (4) → cli (5) → __main__

The package's ``__init__`` (it holds ``__version__``) counts as layer 0. A module may
import its own layer or a lower one. An edge is the module an import names
(``from convenant_calc.views.report import build`` is an edge to ``views.report``, the
package's ``__init__``), not the parent packages Python initialises on the way.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = "convenant_calc"
SRC = Path(__file__).resolve().parents[1] / "src" / PACKAGE
LAYERS = {"core": 0, "io": 1, "views": 2, "render": 3, "casebook": 4, "cli": 5}
TOP = max(LAYERS.values()) + 1  # __main__
LAYER_NAMES = {**{n: k for k, n in LAYERS.items()}, TOP: "__main__"}


def module_names(root: Path, package: str = PACKAGE) -> dict[str, Path]:
    """Dotted module name → file, for every .py under ``root`` (a package's ``__init__`` is the package)."""
    names = {}
    for path in sorted(root.rglob("*.py")):
        parts = [package, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def layer(module: str, package: str = PACKAGE) -> int:
    """The layer of a module of the package; an unknown place is an error (add it to LAYERS)."""
    parts = module.split(".")
    if parts == [package] or parts == [package, "__version__"]:
        return 0
    if parts == [package, "__main__"]:
        return TOP
    if len(parts) > 1 and parts[1] in LAYERS:
        return LAYERS[parts[1]]
    raise AssertionError(f"{module} is in no layer; put it in one of {', '.join(LAYERS)} (or add a layer here)")


def imports(path: Path, module: str, known: set[str], package: str = PACKAGE) -> list[tuple[str, int]]:
    """(imported module of the package, line) for every import in the file, wherever it stands."""
    is_package = path.name == "__init__.py"
    here = module.split(".") if is_package else module.split(".")[:-1]  # the package relative imports start from
    found: list[tuple[str, int]] = []

    def add(name: str, line: int) -> None:
        if name == package or name.startswith(package + "."):
            # the longest prefix that is a module of ours ("pkg.mod.func" is an edge to "pkg.mod")
            parts = name.split(".")
            while parts and ".".join(parts) not in known:
                parts.pop()
            found.append((".".join(parts) if parts else name, line))

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # "from . import x" starts at `here`, each further dot one package up
                if node.level - 1 >= len(here):
                    raise AssertionError(f"{path}:{node.lineno}: relative import beyond the package")
                base = here[: len(here) - (node.level - 1)]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            for alias in node.names:  # "from pkg.sub import mod" imports the module pkg.sub.mod
                target = f"{origin}.{alias.name}"
                add(target if target in known else origin, node.lineno)
    return found


def graph(root: Path, package: str = PACKAGE) -> tuple[dict[str, dict[str, int]], dict[str, Path]]:
    """module → {imported module: first line}, over the package's own modules."""
    names = module_names(root, package)
    known = set(names)
    edges: dict[str, dict[str, int]] = {m: {} for m in names}
    for module, path in names.items():
        for target, line in imports(path, module, known, package):
            if target != module and target in known:
                edges[module].setdefault(target, line)
    return edges, names


def upward_edges(edges: dict[str, dict[str, int]], names: dict[str, Path], package: str = PACKAGE) -> list[str]:
    bad = []
    for module, targets in sorted(edges.items()):
        for target, line in sorted(targets.items()):
            low, high = layer(module, package), layer(target, package)
            if high > low:
                bad.append(
                    f"{names[module]}:{line}: {module} ({LAYER_NAMES[low]}) imports {target} "
                    f"({LAYER_NAMES[high]}), a higher layer"
                )
    return bad


def cycles(edges: dict[str, dict[str, int]]) -> list[list[str]]:
    """One cycle (a → b → … → a) per strongly connected component of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:  # recursion depth is bounded by the number of modules (~60)
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, {})):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
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

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return [_a_cycle(edges, set(c)) for c in components]


def _a_cycle(edges: dict[str, dict[str, int]], component: set[str]) -> list[str]:
    """A shortest cycle through the component's first module (breadth-first, within the component)."""
    start = min(component)
    parent: dict[str, str] = {}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(edges[v]):
            if w not in component:
                continue
            if w == start:
                path = [v]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                return [start, *reversed(path[:-1]), start]
            if w not in parent:
                parent[w] = v
                queue.append(w)
    raise AssertionError("a strongly connected component without a cycle")


# --- the package ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def package_graph():
    return graph(SRC)


def test_every_module_is_in_a_layer(package_graph):
    _edges, names = package_graph
    assert len(names) > 40  # the whole package was found
    for module in names:
        layer(module)


def test_no_module_imports_a_higher_layer(package_graph):
    edges, names = package_graph
    assert upward_edges(edges, names) == []


def test_no_import_cycle(package_graph):
    edges, _names = package_graph
    found = cycles(edges)
    assert found == [], "import cycles: " + "; ".join(" → ".join(c) for c in found)


def test_render_does_not_import_the_casebook_and_the_casebook_renderer_reads_only_its_data(package_graph):
    edges, _names = package_graph
    render = {t for m, ts in edges.items() if m.startswith(f"{PACKAGE}.render") for t in ts}
    assert not {t for t in render if t.startswith(f"{PACKAGE}.casebook")}
    casebook_render = {t for t in edges[f"{PACKAGE}.casebook.render"] if t.startswith(f"{PACKAGE}.casebook")}
    assert casebook_render == {f"{PACKAGE}.casebook.model"}
    model = {t for t in edges[f"{PACKAGE}.casebook.model"] if t.startswith(f"{PACKAGE}.casebook")}
    assert model == set()


def test_the_report_model_imports_no_renderer(package_graph):
    edges, _names = package_graph
    views = {t for m, ts in edges.items() if m.startswith(f"{PACKAGE}.views") for t in ts}
    assert {layer(t) for t in views} <= {0, 1, 2}


# --- the checker itself, on a made-up package ----------------------------------------------


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "pkg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root / "pkg"


@pytest.fixture
def fake(tmp_path):
    return _write(
        tmp_path,
        {
            "__init__.py": "__version__ = '1'\n",
            "core/__init__.py": "",
            "core/a.py": "def f():\n    from pkg.render import b  # lazy, still an edge\n",
            "render/__init__.py": "",
            "render/b.py": "from ..core import a\nfrom . import c\n",
            "render/c.py": "import pkg.render.b\nfrom pkg import __version__\n",
            "cli/__init__.py": "",
            "cli/d.py": "from pkg.render.b import name\nfrom pkg.core.a import f as g\n",
        },
    )


def test_the_checker_resolves_absolute_relative_and_lazy_imports(fake):
    edges, _names = graph(fake, "pkg")
    assert edges["pkg.core.a"] == {"pkg.render.b": 2}
    assert edges["pkg.render.b"] == {"pkg.core.a": 1, "pkg.render.c": 2}
    assert edges["pkg.render.c"] == {"pkg.render.b": 1, "pkg": 2}
    assert edges["pkg.cli.d"] == {"pkg.render.b": 1, "pkg.core.a": 2}


def test_the_checker_reports_an_upward_edge_and_the_cycles(fake):
    edges, names = graph(fake, "pkg")
    (upward,) = upward_edges(edges, names, "pkg")
    assert upward.endswith("a.py:2: pkg.core.a (core) imports pkg.render.b (render), a higher layer")
    # core.a → render.b → core.a, and render.b → render.c → render.b: one component of three modules
    assert cycles(edges) == [["pkg.core.a", "pkg.render.b", "pkg.core.a"]]
    del edges["pkg.core.a"]["pkg.render.b"]
    assert cycles(edges) == [["pkg.render.b", "pkg.render.c", "pkg.render.b"]]


def test_an_unknown_place_has_no_layer():
    with pytest.raises(AssertionError, match="in no layer"):
        layer(f"{PACKAGE}.utils")
    assert layer(PACKAGE) == 0 and layer(f"{PACKAGE}.__main__") == TOP
