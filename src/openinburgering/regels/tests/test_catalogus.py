"""De catalogus: alle regels aanwezig en compleet, docs/regels.md actueel, elke regel getest,
en geen Django in het pakket."""

import ast
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from openinburgering.regels import catalogus

PAKKET = Path(catalogus.__file__).parent
TESTS = PAKKET / "tests"
REPO = PAKKET.parents[2]


def test_alle_regels_r1_tot_r56_aanwezig_en_numeriek_gesorteerd():
    ids = [r.id for r in catalogus.alle_regels()]
    assert {f"R{n}" for n in range(1, 57)} <= set(ids)
    assert ids == sorted(ids, key=lambda i: int(i[1:]))
    assert len(ids) == len(set(ids))
    # nieuwe regels sluiten aan: geen gaten in de nummering
    assert ids == [f"R{n}" for n in range(1, len(ids) + 1)]


@pytest.mark.parametrize("regel", catalogus.alle_regels(), ids=lambda r: r.id)
def test_regel_is_compleet(regel):
    assert regel.titel.strip() and regel.titel_en.strip()
    assert regel.bron.strip()
    assert regel.tekst.strip() and regel.tekst_en.strip()
    assert regel.zekerheid in ("H", "M", "L")
    assert regel.onderwerp.strip()
    if regel.zekerheid == "L" and not regel.afgewezen:
        # een onzekere regel die toch wordt toegepast, zegt wat we aannemen
        assert regel.aanname


#: A name as code writes it (``AOW_LEEFTIJD_TABEL``): the catalogue names things in words.
CONSTANTENAAM = re.compile(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b")


@pytest.mark.parametrize("regel", catalogus.alle_regels(), ids=lambda r: r.id)
def test_regel_noemt_alles_in_woorden_in_beide_talen(regel):
    teksten = (regel.titel, regel.titel_en, regel.tekst, regel.tekst_en, regel.aanname,
               regel.aanname_en, regel.afgewezen, regel.afgewezen_en)  # fmt: skip
    for tekst in teksten:
        assert not CONSTANTENAAM.search(tekst), tekst
    assert bool(regel.aanname) == bool(regel.aanname_en)
    assert bool(regel.afgewezen) == bool(regel.afgewezen_en)


def test_markdown_noemt_geen_constanten():
    md = catalogus.als_markdown()
    assert not CONSTANTENAAM.search(md), CONSTANTENAAM.search(md)
    assert "AOW-leeftijd per jaar" in md and "state pension" in md


def test_regel_opzoeken():
    assert catalogus.regel("R9").titel == "PIP binnen 10 weken na SS139"
    assert catalogus.regel(" r23 ").id == "R23"
    with pytest.raises(KeyError):
        catalogus.regel("R999")


def test_docs_regels_md_is_actueel():
    pagina = REPO / "docs" / "regels.md"
    assert pagina.read_text(encoding="utf-8") == catalogus.als_markdown(), (
        "docs/regels.md is verouderd; draai: "
        "python -m openinburgering.regels.catalogus > docs/regels.md"
    )


def test_markdown_bevat_elke_regel():
    md = catalogus.als_markdown()
    for r in catalogus.alle_regels():
        assert f"\n## {r.id}\n" in md
        assert r.bron in md and r.tekst in md
        if r.afgewezen:
            assert r.afgewezen in md


def test_catalogus_als_script(tmp_path):
    uitvoer = subprocess.run(
        [sys.executable, "-m", "openinburgering.regels.catalogus"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(PAKKET.parents[1])},
    ).stdout
    assert uitvoer == catalogus.als_markdown()


def _testrij_ids() -> list[str]:
    """Alle ``id=``-waarden van ``pytest.param(...)`` in de testbestanden."""
    ids = []
    for bestand in TESTS.glob("test_*.py"):
        for knoop in ast.walk(ast.parse(bestand.read_text(encoding="utf-8"))):
            if (
                isinstance(knoop, ast.Call)
                and isinstance(knoop.func, ast.Attribute)
                and knoop.func.attr == "param"
            ):
                ids.extend(
                    kw.value.value
                    for kw in knoop.keywords
                    if kw.arg == "id" and isinstance(kw.value, ast.Constant)
                )
    return ids


def test_elke_toegepaste_regel_heeft_minstens_twee_testrijen():
    """Conventie: elke testrij heet ``R<nr>-…``; elke niet-afgewezen regel heeft er ≥ 2."""
    telling = Counter(
        m.group(1) for i in _testrij_ids() if (m := re.match(r"^(R\d+)-", i)) is not None
    )
    te_weinig = {
        r.id: telling[r.id]
        for r in catalogus.alle_regels()
        if not r.afgewezen and telling[r.id] < 2
    }
    assert not te_weinig, f"Regels met minder dan twee testrijen: {te_weinig}"


def _imports(bestand: Path) -> set[str]:
    namen = set()
    for knoop in ast.walk(ast.parse(bestand.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.Import):
            namen.update(a.name for a in knoop.names)
        elif isinstance(knoop, ast.ImportFrom) and knoop.module and knoop.level == 0:
            namen.add(knoop.module)
    return namen


def test_geen_django_import_in_de_bron():
    for bestand in PAKKET.rglob("*.py"):
        verboden = {n for n in _imports(bestand) if n.split(".")[0] in {"django", "rest_framework"}}
        assert not verboden, f"{bestand.name} importeert {verboden}"
        # alleen standaardbibliotheek, holidays en het eigen pakket
        if "tests" not in bestand.parts:
            derden = {
                n.split(".")[0]
                for n in _imports(bestand)
                if n.split(".")[0] not in sys.stdlib_module_names
            }
            assert derden <= {"holidays"}, f"{bestand.name} importeert {derden}"


def test_geen_django_na_importeren_in_schoon_proces():
    code = (
        "import sys, pkgutil, importlib\n"
        "import openinburgering.regels as r\n"
        "for m in pkgutil.walk_packages(r.__path__, 'openinburgering.regels.'):\n"
        "    if '.tests' not in m.name: importlib.import_module(m.name)\n"
        "bad = [n for n in sys.modules if n == 'django' or n.startswith('django.')]\n"
        "assert not bad, bad\n"
        "print('ok')\n"
    )
    uitvoer = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(PAKKET.parents[1])},
    )
    assert uitvoer.returncode == 0, uitvoer.stderr
    assert uitvoer.stdout.strip() == "ok"


def test_main_schrijft_markdown(capsys):
    catalogus.main()
    assert capsys.readouterr().out == catalogus.als_markdown()


def test_elke_toegepaste_regel_heeft_een_functie():
    zonder = [
        r.id
        for r in catalogus.alle_regels()
        if not r.afgewezen and not catalogus.functies_voor(r.id)
    ]
    assert not zonder, f"Geen functie noemt deze regels in haar docstring: {zonder}"
    assert catalogus.functies_voor("R9") == ["termijnen.pip_termijn"]
    assert catalogus.functies_voor("R60") == []
