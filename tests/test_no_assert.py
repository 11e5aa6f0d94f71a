"""Issue 10: invariants in the package raise; an ``assert`` would vanish under ``python -O``."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "convenant_calc"


def test_the_package_has_no_assert_statement():
    found = [
        f"{path.relative_to(PACKAGE)}:{node.lineno}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Assert)
    ]
    assert found == []


def test_the_check_would_find_one(tmp_path):
    tree = ast.parse("def f(x):\n    assert x\n")
    assert [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Assert)] == [2]
