"""The stand-in plays the BRP on its own: it imports nothing from the product (no
openinburgering.* outside this package, no Django). Checked on the AST of every module, beside
import-linter's contract ``brp-stand-in-los``."""

import ast
from pathlib import Path

PAKKET = Path(__file__).resolve().parents[1]
NAAM = "openinburgering.brp_simulator"
VERBODEN_DERDEN = {"django", "rest_framework", "drf_spectacular", "pytest_django", "factory"}


def _modulenaam(relatief: Path) -> str:
    delen = relatief.with_suffix("").parts
    if delen[-1] == "__init__":
        delen = delen[:-1]
    return ".".join((NAAM, *delen))


def _absoluut(relatief: Path, knoop: ast.ImportFrom) -> str:
    pakket = _modulenaam(relatief).split(".")
    if relatief.name != "__init__.py":
        pakket = pakket[:-1]
    basis = pakket[: len(pakket) - (knoop.level - 1)]
    return ".".join([*basis, *([knoop.module] if knoop.module else [])])


def test_no_imports_from_the_product():
    fouten = []
    for bestand in sorted(PAKKET.rglob("*.py")):
        relatief = bestand.relative_to(PAKKET)
        for knoop in ast.walk(ast.parse(bestand.read_text(encoding="utf-8"))):
            if isinstance(knoop, ast.Import):
                modules = [a.name for a in knoop.names]
            elif isinstance(knoop, ast.ImportFrom):
                modules = [_absoluut(relatief, knoop) if knoop.level else knoop.module or ""]
            else:
                continue
            for module in modules:
                if module == NAAM or module.startswith(NAAM + "."):
                    continue
                if module.split(".")[0] in {"openinburgering", *VERBODEN_DERDEN}:
                    fouten.append(f"{relatief}:{knoop.lineno} imports {module}")
    assert fouten == []
