"""checkers/ is the plugin API: it must import neither service/ nor reference_data/."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "checkers"


def test_checkers_imports_neither_service_nor_reference_data() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("service", "reference_data")]
    assert offenders == []
