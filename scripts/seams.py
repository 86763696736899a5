"""Measure the seams between stages (issue 10's closing note): functions whose signature takes or
returns a raw ``dict``, and ``.get(`` calls in the report package.

    python scripts/seams.py
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src" / "newsprism"
SEAMS = ("report", "analysis.py", "store", "corpus.py", "cli.py")


def dict_typed(tree: ast.AST) -> list[str]:
    """Names of functions with ``dict`` anywhere in a parameter or return annotation."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args
            notes = [a.annotation for a in (*args.posonlyargs, *args.args, *args.kwonlyargs) if a.annotation]
            notes += [a.annotation for a in (args.vararg, args.kwarg) if a is not None and a.annotation]
            if node.returns is not None:
                notes.append(node.returns)
            if any("dict" in ast.unparse(n) for n in notes):
                found.append(node.name)
    return found


def main() -> None:
    total = seams = 0
    for path in sorted(ROOT.rglob("*.py")):
        names = dict_typed(ast.parse(path.read_text()))
        rel = path.relative_to(ROOT).as_posix()
        total += len(names)
        if rel.startswith(SEAMS):
            seams += len(names)
    gets = sum(p.read_text().count(".get(") for p in (ROOT / "report").rglob("*.py"))
    views = (ROOT / "report" / "views.py").read_text().count(".get(")
    mypy_note = "(mypy: run `python -m mypy` separately)"
    print(f"dict-typed signatures: {total} in src/newsprism, {seams} at the seams {SEAMS}")
    print(f".get( calls: {gets} in src/newsprism/report/ ({views} in report/views.py) {mypy_note}")


if __name__ == "__main__":
    sys.exit(main())
