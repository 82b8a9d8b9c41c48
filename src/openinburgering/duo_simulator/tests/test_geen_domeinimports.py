"""The simulator implements DUO's behaviour on its own: it imports nothing from the product
(no openinburgering.* outside this package, no Django). Only the standard library, third-party
packages and openinburgering.duo_simulator.* are allowed. Checked on the AST of every module."""

import ast
from pathlib import Path

PAKKET = Path(__file__).resolve().parents[1]
NAAM = "openinburgering.duo_simulator"
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


def overtredingen(bron: str, relatief: Path) -> list[str]:
    """Forbidden imports in the source of the module at ``relatief`` (path inside the package)."""
    fouten = []
    for knoop in ast.walk(ast.parse(bron, filename=str(relatief))):
        if isinstance(knoop, ast.Import):
            modules = [a.name for a in knoop.names]
        elif isinstance(knoop, ast.ImportFrom):
            modules = [_absoluut(relatief, knoop) if knoop.level else knoop.module or ""]
        else:
            continue
        for module in modules:
            if module == NAAM or module.startswith(NAAM + "."):
                continue
            wortel = module.split(".")[0]
            if wortel == "openinburgering" or wortel in VERBODEN_DERDEN:
                fouten.append(f"{relatief}:{knoop.lineno} imports {module}")
    return fouten


def test_no_imports_from_the_product():
    bestanden = sorted(PAKKET.rglob("*.py"))
    assert len(bestanden) > 10
    fouten = [
        f
        for b in bestanden
        for f in overtredingen(b.read_text(encoding="utf-8"), b.relative_to(PAKKET))
    ]
    assert fouten == []


def test_the_check_catches_violations():
    bron = (
        "from openinburgering.regels import termijn\n"
        "from ...inburgeraars import models\n"
        "import django.db\n"
        "from ..app import Simulator\n"
        "from . import conftest\n"
        "import werkzeug, json\n"
    )
    fouten = overtredingen(bron, Path("tests/test_voorbeeld.py"))
    assert [f.split(" imports ")[1] for f in fouten] == [
        "openinburgering.regels",
        "openinburgering.inburgeraars",
        "django.db",
    ]
